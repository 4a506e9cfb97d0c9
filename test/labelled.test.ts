import path from 'node:path';
import { type Answer, createEngine } from '../src/engine/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { LABELS as BASIC_AI } from './fixtures/labelled-basic-ai.js';
import { LABELS as BASIC_DATA } from './fixtures/labelled-basic-data.js';
import { LABELS as BASIC_DEVOPS } from './fixtures/labelled-basic-devops.js';
import { LABELS as BASIC_INTEGRATION } from './fixtures/labelled-basic-integration.js';
import { LABELS as BASIC_MORE } from './fixtures/labelled-basic-more.js';
import { LABELS as BASIC_NETWORK_MEDIA } from './fixtures/labelled-basic-network-media.js';
import { LABELS as BASIC_SECURITY } from './fixtures/labelled-basic-security.js';
import { LABELS as BASIC_STORAGE_COMPUTE } from './fixtures/labelled-basic-storage-compute.js';
import { LABELS as DATA_AI } from './fixtures/labelled-data-ai.js';
import { LABELS as DETECTION } from './fixtures/labelled-detection.js';
import { LABELS as DEVTOOLS } from './fixtures/labelled-devtools.js';
import { LABELS as EDGE_SECURITY } from './fixtures/labelled-edge-security.js';
import {
  IN_SCOPE_BOUNDARY,
  MODE_TASKS,
  MODEL,
  NO_SERVICE,
  OUT_OF_SCOPE,
} from './fixtures/labelled-general.js';
import { LABELS as GOVERNANCE } from './fixtures/labelled-governance.js';
import { LABELS as INTEGRATION } from './fixtures/labelled-integration.js';
import { LABELS as MODES_ADDED } from './fixtures/labelled-modes.js';
import { ACRONYM_GROUP, LABELLED, type LabelledQuery, NONSENSE } from './fixtures/labelled-queries.js';
import { ANSWER_KINDS } from './support/kinds.js';

/** Labels for the services that gained a file this release, one fixture per research batch. */
const NEW_SERVICES = [...EDGE_SECURITY, ...DETECTION, ...GOVERNANCE, ...INTEGRATION, ...DATA_AI, ...DEVTOOLS];
/** Services with a basic entry (names, summary, each side's part, few or no topics): named three ways each. */
const BASIC_SERVICES = [
  ...BASIC_STORAGE_COMPUTE,
  ...BASIC_DATA,
  ...BASIC_AI,
  ...BASIC_NETWORK_MEDIA,
  ...BASIC_SECURITY,
  ...BASIC_DEVOPS,
  ...BASIC_INTEGRATION,
  ...BASIC_MORE,
];

const knowledge = loadKnowledge(path.join(__dirname, '..', 'knowledge'));
const engine = createEngine(knowledge);

/** Each group of the labelled set and the share of it that must be answered as labelled. */
const GROUPS = {
  'service questions': { labels: LABELLED, floor: 0.95 },
  'no service named': { labels: NO_SERVICE, floor: 0.95 },
  'about the model': { labels: MODEL, floor: 0.95 },
  'out of scope': { labels: OUT_OF_SCOPE, floor: 0.95 },
  // No floor was set for these two; these are the measured figures, kept from falling.
  'in scope, near the edge': { labels: IN_SCOPE_BOUNDARY, floor: 0.8 },
  'service task with a mode': { labels: MODE_TASKS, floor: 0.6 },
  'services new this release': { labels: NEW_SERVICES, floor: 0.9 },
  'services with a basic entry': { labels: BASIC_SERVICES, floor: 0.9 },
  'modes added this release': { labels: MODES_ADDED, floor: 0.8 },
} as const;
type Group = keyof typeof GROUPS;

const ALL: readonly { group: Group; label: LabelledQuery }[] = (
  Object.entries(GROUPS) as [Group, { labels: readonly LabelledQuery[] }][]
).flatMap(([group, { labels }]) => labels.map((label) => ({ group, label })));

/** Rejections: nothing recognised, or declined as out of scope. */
const REJECTED = new Set(['no_match', 'out_of_scope']);

interface Got {
  readonly kind: string;
  readonly services: readonly string[];
  readonly topic?: string;
  readonly control?: string;
  readonly category?: string;
  readonly mode?: string;
  readonly owner?: string;
}

function summarise(a: Answer): Got {
  switch (a.kind) {
    case 'service':
      return { kind: a.kind, services: [a.service.id] };
    case 'topic':
      return {
        kind: a.kind,
        services: [a.service.id],
        topic: a.topic.id,
        ...(a.mode ? { mode: a.mode.id } : {}),
        ...(a.answers[0] ? { owner: a.answers[0].owner } : {}),
      };
    case 'compare':
      return {
        kind: a.kind,
        services: a.services.map((s) => s.id),
        ...(a.topic ? { topic: a.topic.id } : {}),
        ...(a.answers[0] ? { owner: a.answers[0].owner } : {}),
      };
    case 'model_topic':
      return {
        kind: a.kind,
        services: [],
        topic: a.topic.id,
        ...(a.category ? { category: a.category.id } : {}),
        ...(a.answers[0] ? { owner: a.answers[0].owner } : {}),
      };
    case 'overview':
      return {
        kind: a.kind,
        services: [],
        ...(a.control ? { control: a.control.id, owner: a.control.owner } : {}),
      };
    case 'category':
      return { kind: a.kind, services: [], category: a.group.category.id };
    case 'not_covered':
      return { kind: a.kind, services: [a.service.id], ...(a.topic ? { topic: a.topic.id } : {}) };
    case 'no_match':
      return { kind: a.kind, services: a.suggestions.map((s) => `?${s.id}`) };
    default:
      return { kind: a.kind, services: [] };
  }
}

const expectedServices = (l: LabelledQuery): string[] =>
  l.service === undefined ? [] : typeof l.service === 'string' ? [l.service] : [...l.service];

/** The fields of a label the answer gets wrong, as `field: expected ≠ got`. */
function differences(l: LabelledQuery, got: Got): string[] {
  const out: string[] = [];
  const rejectedAsLabelled = l.note === NONSENSE && REJECTED.has(got.kind);
  if (l.kind !== undefined && l.kind !== got.kind && !rejectedAsLabelled)
    out.push(`kind ${l.kind} ≠ ${got.kind}`);
  if (l.service !== undefined) {
    const want = expectedServices(l).join(',');
    const have = got.kind === 'no_match' ? '' : got.services.join(',');
    if (want !== have) out.push(`service ${want} ≠ ${have || '-'}`);
  }
  for (const field of ['topic', 'control', 'category', 'mode', 'owner'] as const) {
    if (l[field] !== undefined && l[field] !== got[field])
      out.push(`${field} ${l[field]} ≠ ${got[field] ?? '-'}`);
  }
  return out;
}

function describeGot(got: Got): string {
  return [
    got.kind,
    got.services.join(',') || undefined,
    got.topic,
    got.control && `control=${got.control}`,
    got.category && `category=${got.category}`,
    got.mode && `mode=${got.mode}`,
    got.owner,
  ]
    .filter(Boolean)
    .join(' ');
}

const results = ALL.map(({ group, label }) => {
  const got = summarise(engine.ask(label.q));
  return { group, label, got, diffs: differences(label, got) };
});
type Result = (typeof results)[number];

const inGroup = (g: Group) => results.filter((r) => r.group === g);
const accuracy = (rs: readonly Result[]) =>
  rs.filter((r) => r.diffs.length === 0).length / Math.max(rs.length, 1);
const fieldRight = (rs: readonly Result[], field: string) =>
  rs.filter((r) => !r.diffs.some((d) => d.startsWith(`${field} `))).length / Math.max(rs.length, 1);
const nonsense = results.filter((r) => r.label.note === NONSENSE);
const acronyms = new Set(ACRONYM_GROUP);
/** A question about one short acronym answered with another one from the group. */
const confusions = results.filter((r) => {
  const want = expectedServices(r.label);
  if (REJECTED.has(r.got.kind) || !want.some((id) => acronyms.has(id))) return false;
  return r.got.services.some((id) => acronyms.has(id) && !want.includes(id));
});
/** Questions labelled as answerable that srm-bot declined. */
const wronglyDeclined = results.filter(
  (r) =>
    r.label.kind !== undefined &&
    r.label.kind !== 'out_of_scope' &&
    r.label.note !== NONSENSE &&
    r.got.kind === 'out_of_scope',
);

afterAll(() => {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `labelled set: ${results.length} queries, ${pct(accuracy(results))} as labelled; ` +
      `nonsense rejected ${nonsense.filter((r) => REJECTED.has(r.got.kind)).length}/${nonsense.length}, ` +
      `acronym confusions ${confusions.length}, answerable questions declined ${wronglyDeclined.length}`,
    `  service named right: ${pct(
      fieldRight(
        results.filter((r) => expectedServices(r.label).length > 0),
        'service',
      ),
    )}; ` +
      `owner right: ${pct(
        fieldRight(
          results.filter((r) => r.label.owner !== undefined),
          'owner',
        ),
      )}`,
    ...(Object.keys(GROUPS) as Group[]).map(
      (g) => `  ${g}: ${inGroup(g).length} queries, ${pct(accuracy(inGroup(g)))}`,
    ),
    ...results
      .filter((r) => r.diffs.length > 0)
      .map(
        (r) =>
          `  miss [${r.group}] ${JSON.stringify(r.label.q)}: ${r.diffs.join('; ')}  [got: ${describeGot(r.got)}]` +
          (r.label.note ? `  (${r.label.note})` : ''),
      ),
  ];
  console.log(lines.join('\n'));
});

describe('labelled query set', () => {
  it('has the groups the issue asks for, each large enough', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(170);
    expect(nonsense.length).toBeGreaterThanOrEqual(20);
    expect(NO_SERVICE.length).toBeGreaterThanOrEqual(100);
    expect(MODEL.length).toBeGreaterThanOrEqual(25);
    expect(OUT_OF_SCOPE.length).toBeGreaterThanOrEqual(25);
    expect(MODE_TASKS.length).toBeGreaterThanOrEqual(20);
    // Every topic is asked about with no service named, at least four ways.
    for (const t of knowledge.topics)
      expect({ topic: t.id, n: NO_SERVICE.filter((l) => l.topic === t.id).length }).toEqual({
        topic: t.id,
        n: expect.any(Number),
      });
    const thin = knowledge.topics.filter((t) => NO_SERVICE.filter((l) => l.topic === t.id).length < 4);
    expect(thin.map((t) => t.id)).toEqual([]);
  });

  it('labels only existing services, topics, controls, categories, modes and kinds', () => {
    const services = new Map(knowledge.services.map((s) => [s.id, s]));
    const topics = new Set(knowledge.topics.map((t) => t.id));
    const controls = new Set(knowledge.model.controls.map((c) => c.id));
    const categories = new Set(knowledge.model.categories.map((c) => c.id));
    const kinds = ANSWER_KINDS;
    const catalog = new Set(knowledge.catalog.services.map((c) => c.id));
    const problems: string[] = [];
    for (const id of ACRONYM_GROUP)
      if (!services.has(id)) problems.push(`acronym group: unknown service ${id}`);
    for (const { label: l } of ALL) {
      const q = JSON.stringify(l.q);
      const ids = expectedServices(l);
      const known = (id: string) => (l.kind === 'not_covered' ? catalog.has(id) : services.has(id));
      for (const id of ids) if (!known(id)) problems.push(`${q}: unknown service ${id}`);
      if (l.kind !== undefined && !kinds.has(l.kind)) problems.push(`${q}: unknown kind ${l.kind}`);
      if (l.topic !== undefined && !topics.has(l.topic)) problems.push(`${q}: unknown topic ${l.topic}`);
      if (l.control !== undefined && !controls.has(l.control))
        problems.push(`${q}: unknown control ${l.control}`);
      if (l.category !== undefined && !categories.has(l.category))
        problems.push(`${q}: unknown category ${l.category}`);
      if (l.mode !== undefined && !services.get(ids[0] ?? '')?.modes.some((m) => m.id === l.mode))
        problems.push(`${q}: service ${ids[0] ?? '-'} has no mode ${l.mode}`);
    }
    expect(problems).toEqual([]);
  });

  it('rests every owner label on an AWS page, never on our own files', () => {
    const aws = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com|d1\.awsstatic\.com)\//;
    const unsourced = ALL.filter(({ label: l }) => {
      if (l.owner === undefined) return false;
      const urls = l.source === undefined ? [] : typeof l.source === 'string' ? [l.source] : [...l.source];
      return urls.length === 0 || !urls.every((u) => aws.test(u));
    }).map(({ label }) => label.q);
    expect(unsourced).toEqual([]);
  });

  it('has no duplicate queries', () => {
    const seen = new Set<string>();
    const dups = ALL.map(({ label }) => label.q).filter((q) => {
      if (seen.has(q)) return true;
      seen.add(q);
      return false;
    });
    expect(dups).toEqual([]);
  });

  it.each(Object.entries(GROUPS))('answers at least the floor of %s as labelled', (group, { floor }) => {
    expect(accuracy(inGroup(group as Group))).toBeGreaterThanOrEqual(floor);
  });

  it('rejects every nonsense query, and never declines a question labelled as answerable', () => {
    expect(nonsense.filter((r) => !REJECTED.has(r.got.kind)).map((r) => r.label.q)).toEqual([]);
    expect(wronglyDeclined.map((r) => r.label.q)).toEqual([]);
  });

  it('names the right service for ≥ 98% of questions naming one, and the right owner for ≥ 95% of owner labels', () => {
    const withService = results.filter((r) => expectedServices(r.label).length > 0);
    const withOwner = results.filter((r) => r.label.owner !== undefined);
    const right = fieldRight;
    expect(withService.length).toBeGreaterThan(450);
    expect(right(withService, 'service')).toBeGreaterThanOrEqual(0.98);
    expect(withOwner.length).toBeGreaterThan(200);
    expect(right(withOwner, 'owner')).toBeGreaterThanOrEqual(0.95);
  });

  it('never confuses the short acronyms (ecs/ec2/ecr/eks, sns/sqs/ses)', () => {
    expect(confusions.map((r) => `${r.label.q} → ${r.got.services.join(',')}`)).toEqual([]);
  });
});
