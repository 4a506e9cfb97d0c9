import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { aliasKey } from '../text/normalize.js';
import { deepFreeze, Fields, KnowledgeError } from './fields.js';
import { parseCatalog, parseModel, parseService, parseTopics } from './schema.js';
import type { Catalog, CatalogService, Knowledge, Service, Topic } from './types.js';

/** The parsed files of knowledge/ by label ("services/s3.yml"), as `npm run build` compiles them. */
export type CompiledDocs = Readonly<Record<string, unknown>>;

function readYaml(path: string, label: string, problems: string[], compiled?: CompiledDocs): unknown {
  if (compiled && label in compiled) return compiled[label];
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push(`${label}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)} [KB001]`);
    return undefined;
  }
}

/** Every name a catalog service answers to, as alias keys. */
export function catalogNames(c: CatalogService): { strong: string[]; weak: string[] } {
  const weak = new Set(c.weakAliases.map(aliasKey));
  // A part of a covered service is named by its aliases only: its name is usually the parent's.
  const all = [...(c.partOf ? [] : [c.name]), ...c.aliases].map(aliasKey).filter(Boolean);
  return { strong: [...new Set(all)].filter((k) => !weak.has(k)), weak: [...weak] };
}

/** Every name a service answers to, as alias keys: id, name, full name and its aliases. */
export function serviceNames(s: Service): { strong: string[]; weak: string[] } {
  const weak = new Set(s.weakAliases.map(aliasKey));
  const all = [s.id, s.name, s.fullName, ...s.aliases].map(aliasKey).filter(Boolean);
  return { strong: [...new Set(all)].filter((k) => !weak.has(k)), weak: [...weak] };
}

function checkUniqueNames(services: readonly Service[], catalog: Catalog, problems: string[]): void {
  const owner = new Map<string, string>();
  const named = [
    ...services.map((s) => ({ file: `services/${s.id}.yml`, names: serviceNames(s) })),
    ...catalog.services.map((c) => ({ file: `catalog.yml (${c.id})`, names: catalogNames(c) })),
  ];
  for (const { file, names } of named) {
    for (const key of [...names.strong, ...names.weak]) {
      const other = owner.get(key);
      if (other && other !== file) {
        const [a, b] = [other, file].sort();
        problems.push(`${a} and ${b}: both are named "${key}" (ids and aliases must be unique) [KB030]`);
      }
      owner.set(key, file);
    }
  }
}

/** Every per-category rule names, as its example, a service of that category. */
function checkExamples(topics: readonly Topic[], services: readonly Service[], problems: string[]): void {
  for (const t of topics)
    for (const [category, rule] of Object.entries(t.defaults)) {
      if (!rule.example) continue;
      const s = services.find((x) => x.id === rule.example);
      if (!s || s.category !== category)
        problems.push(
          `topics.yml: ${t.id}.defaults.${category}.example: ${rule.example} is not a known ${category} service [KB031]`,
        );
    }
}

/** Reads and validates knowledge/; throws KnowledgeError listing every problem found. */
export function loadKnowledge(
  dir: string,
  opts: { catalog?: boolean; compiled?: CompiledDocs | undefined } = {},
): Knowledge {
  const problems: string[] = [];
  const { compiled } = opts;
  const topics = parseTopics(
    new Fields('topics.yml', problems),
    readYaml(join(dir, 'topics.yml'), 'topics.yml', problems, compiled),
  );
  const model = parseModel(
    new Fields('model.yml', problems),
    readYaml(join(dir, 'model.yml'), 'model.yml', problems, compiled),
    topics,
  );
  const serviceDir = join(dir, 'services');
  let files: string[] = [];
  try {
    files = compiled
      ? Object.keys(compiled)
          .filter((k) => k.startsWith('services/'))
          .map((k) => k.slice('services/'.length))
          .sort()
      : readdirSync(serviceDir)
          .filter((f) => f.endsWith('.yml'))
          .sort();
  } catch {
    problems.push(`services/: cannot read the folder ${serviceDir} [KB003]`);
  }
  if (files.length === 0) problems.push('services/: no service files found [KB003]');
  const services = files.map((file) => {
    const label = `services/${file}`;
    return parseService(
      new Fields(label, problems),
      readYaml(join(serviceDir, file), label, problems, compiled),
      basename(file, '.yml'),
      topics,
    );
  });
  // The catalog generator reads everything but the catalog it is about to rewrite.
  const catalog =
    opts.catalog === false
      ? { services: [], securityPage: '', checked: '' }
      : parseCatalog(
          new Fields('catalog.yml', problems),
          readYaml(join(dir, 'catalog.yml'), 'catalog.yml', problems, compiled),
          services,
        );
  checkUniqueNames(services, catalog, problems);
  checkExamples(topics, services, problems);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return deepFreeze({ model, topics, services, catalog });
}
