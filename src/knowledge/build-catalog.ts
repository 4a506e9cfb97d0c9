// `npm run kb:catalog`: writes knowledge/catalog.yml, the AWS services srm-bot recognises by name
// but has no entry for, from the service list beside the repository (../shared/aws/services.json:
// botocore service metadata, Apache-2.0, joined with IAM service names). A maintainer tool, run when
// that list or knowledge/services/ changes; the app only reads its output.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { EVERYDAY_WORDS } from '../text/everyday.js';
import { aliasKey } from '../text/normalize.js';
import { loadKnowledge, serviceNames } from './load.js';

interface BotocoreService {
  botocore_name: string;
  serviceFullName: string;
  serviceAbbreviation: string | null;
  serviceId: string;
  iam_prefix: string | null;
  iam_service_name: string | null;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const listPath = process.argv[2] ?? `${root}../shared/aws/services.json`;
const list = JSON.parse(readFileSync(listPath, 'utf8')) as BotocoreService[];
const knowledge = loadKnowledge(`${root}knowledge`, { catalog: false });

/** Alias key → id of the service file that already answers to it. */
const covered = new Map<string, string>();
for (const s of knowledge.services) {
  const { strong, weak } = serviceNames(s);
  for (const k of [...strong, ...weak]) covered.set(k, s.id);
}

// Words a question uses for other things: a service named only by one of them needs a qualifier.
const sayings = new Set<string>(EVERYDAY_WORDS);
for (const t of knowledge.topics) for (const w of [...t.words, ...t.weakWords]) sayings.add(aliasKey(w));
for (const c of knowledge.model.controls) for (const w of c.words) sayings.add(aliasKey(w));

const clean = (name: string) =>
  name
    .replace(/\s+V\d+$/i, '')
    .replace(/\s*\(.*\)$/, '')
    .trim();
const words = (name: string) =>
  new Set(
    aliasKey(name)
      .split(' ')
      .filter((w) => w !== 'service'),
  );

/**
 * The IAM name is the current product name ("AWS Systems Manager"), but the list joins it by IAM
 * prefix, which some API clients share with an unrelated product: use it only when it shares a
 * word with the SDK's own name. "… V2" and "… V1" are one service to the people who ask.
 */
function displayName(s: BotocoreService): string {
  const sdk = words(s.serviceFullName);
  const iam = s.iam_service_name ? clean(s.iam_service_name) : '';
  const related = iam && [...words(iam)].some((w) => sdk.has(w) || w === aliasKey(s.botocore_name));
  return related ? iam : clean(s.serviceFullName);
}

/** Keys that name nothing on their own ("data" from "RDS Data", "service"). */
const NAMELESS = new Set([
  'service',
  'services',
  'api',
  'data',
  'runtime',
  'public',
  'plane',
  'control',
  'the',
]);
const usable = (key: string) => key.length >= 3 && !NAMELESS.has(key) && !/^v\d+$/.test(key);

/** Current names and common short names the SDK metadata lacks (checked on the services' AWS pages). */
const CURRENT: Record<string, { name?: string; aliases: string[] }> = {
  sso: {
    name: 'AWS IAM Identity Center',
    aliases: ['identity center', 'iam identity center', 'aws sso', 'single sign on'],
  },
  firehose: { name: 'Amazon Data Firehose', aliases: ['data firehose', 'kinesis data firehose'] },
  securityhub: { name: 'AWS Security Hub', aliases: ['security hub'] },
  docdb: { name: 'Amazon DocumentDB', aliases: ['documentdb', 'document db'] },
  kafka: { name: 'Amazon MSK', aliases: ['msk', 'managed streaming for kafka', 'managed kafka'] },
  elb: {
    aliases: [
      'alb',
      'nlb',
      'application load balancer',
      'network load balancer',
      'load balancer',
      'load balancers',
    ],
  },
  events: { aliases: ['cloudwatch events'] },
  kinesisanalytics: {
    name: 'Amazon Managed Service for Apache Flink',
    aliases: ['managed flink', 'managed service for apache flink'],
  },
};

interface Entry {
  id: string;
  name: string;
  part_of?: string;
  aliases: string[];
  weak_aliases?: string[];
}

const groups = new Map<string, BotocoreService[]>();
for (const s of list) groups.set(displayName(s), [...(groups.get(displayName(s)) ?? []), s]);

const entries: Entry[] = [];
const ids = new Set(knowledge.services.map((s) => s.id));
for (const [name, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  const keys = new Set<string>();
  for (const s of members) {
    for (const raw of [
      name,
      s.serviceFullName,
      s.serviceAbbreviation,
      s.serviceId,
      s.botocore_name,
      displayName(s) === clean(s.serviceFullName) ? undefined : s.iam_prefix,
    ]) {
      const key = raw ? aliasKey(raw.replace(/\s+V\d+$/i, '')) : '';
      if (usable(key)) keys.add(key);
      // "AWS Mainframe Modernization Service" is also asked for without "service".
      const bare = key.replace(/ service$/, '');
      if (bare !== key && usable(bare)) keys.add(bare);
    }
    // The IAM name of an unrelated product ("connect participant" joined to API Gateway) must not
    // make this a part of a covered service, but a name no one else has is worth knowing.
    const iam = s.iam_service_name ? aliasKey(clean(s.iam_service_name)) : '';
    if (usable(iam) && !covered.has(iam)) keys.add(iam);
  }
  // A client of a service we answer for (dynamodbstreams, rds-data, s3control) is that service.
  const parent = [...keys].map((k) => covered.get(k)).find(Boolean);
  const own = [...keys].filter((k) => !covered.has(k));
  if (own.length === 0) continue;
  const id = members.map((m) => m.botocore_name).find((b) => !covered.has(aliasKey(b)) && !ids.has(b));
  if (!id) continue;
  ids.add(id);
  const extra = CURRENT[id];
  for (const a of extra?.aliases ?? []) if (!covered.has(aliasKey(a))) own.push(aliasKey(a));
  const weak = own.filter((k) => sayings.has(k));
  entries.push({
    id,
    name: extra?.name ?? name,
    ...(parent ? { part_of: parent } : {}),
    aliases: own.filter((k) => !sayings.has(k)).sort(),
    ...(weak.length > 0 ? { weak_aliases: weak.sort() } : {}),
  });
}

// Ids and alias keys must be unique across the catalog too: the first group keeps a shared key.
// A service's own name outranks another's alias: "sagemaker" is SageMaker, not Augmented AI.
const seen = new Set<string>(covered.keys());
const names = new Map(entries.filter((e) => !e.part_of).map((e) => [aliasKey(e.name), e]));
for (const e of entries) {
  e.aliases = e.aliases.filter((k) => (names.get(k) ?? e) === e && !seen.has(k) && seen.add(k));
  if (e.weak_aliases)
    e.weak_aliases = e.weak_aliases.filter((k) => (names.get(k) ?? e) === e && !seen.has(k) && seen.add(k));
}
const kept = entries.filter((e) => e.aliases.length + (e.weak_aliases?.length ?? 0) > 0);

const header = `# AWS services srm-bot recognises by name but does not cover yet (kind "not_covered" answers).
# Generated by \`npm run kb:catalog\` from ../shared/aws/services.json (botocore service metadata,
# Apache-2.0, joined with IAM service names); edit the generator, not this file. \`part_of\` names the
# service file that answers for an API client of a covered service. \`weak_aliases\` are everyday or
# topic words: they name the service only after "aws"/"amazon" or when nothing else in the question does.
`;
const doc = {
  checked: new Date().toISOString().slice(0, 10),
  security_page: 'https://docs.aws.amazon.com/security/',
  services: kept,
};
writeFileSync(
  `${root}knowledge/catalog.yml`,
  header + stringify(doc, { lineWidth: 0, flowCollectionPadding: false }),
);
console.log(
  `catalog: ${kept.length} services (${kept.filter((e) => e.part_of).length} folded into covered ones)`,
);
