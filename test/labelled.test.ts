import path from 'node:path';
import { type Answer, createEngine } from '../src/engine/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { ACRONYM_GROUP, LABELLED, type LabelledQuery, NONSENSE } from './fixtures/labelled-queries.js';

const MIN_ACCURACY = 0.95;

const knowledge = loadKnowledge(path.join(__dirname, '..', 'knowledge'));
const engine = createEngine(knowledge);

interface Got {
  readonly kind: string;
  readonly services: readonly string[];
  readonly topic?: string;
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
  if (l.kind !== undefined && l.kind !== got.kind) out.push(`kind ${l.kind} ≠ ${got.kind}`);
  if (l.service !== undefined) {
    const want = expectedServices(l).join(',');
    const have = got.kind === 'no_match' ? '' : got.services.join(',');
    if (want !== have) out.push(`service ${want} ≠ ${have || '-'}`);
  }
  if (l.topic !== undefined && l.topic !== got.topic) out.push(`topic ${l.topic} ≠ ${got.topic ?? '-'}`);
  if (l.mode !== undefined && l.mode !== got.mode) out.push(`mode ${l.mode} ≠ ${got.mode ?? '-'}`);
  if (l.owner !== undefined && l.owner !== got.owner) out.push(`owner ${l.owner} ≠ ${got.owner ?? '-'}`);
  return out;
}

function describeGot(got: Got): string {
  return [got.kind, got.services.join(',') || undefined, got.topic, got.mode && `mode=${got.mode}`, got.owner]
    .filter(Boolean)
    .join(' ');
}

interface Result {
  readonly label: LabelledQuery;
  readonly got: Got;
  readonly diffs: readonly string[];
}

const results: Result[] = LABELLED.map((label) => {
  const got = summarise(engine.ask(label.q));
  return { label, got, diffs: differences(label, got) };
});

const misses = results.filter((r) => r.diffs.length > 0);
const nonsense = results.filter((r) => r.label.note === NONSENSE);
const nonsenseRejected = nonsense.filter((r) => r.got.kind === 'no_match');
const acronyms = new Set(ACRONYM_GROUP);
/** A question about one short acronym answered with another one from the group. */
const confusions = results.filter((r) => {
  const want = expectedServices(r.label);
  if (r.got.kind === 'no_match' || !want.some((id) => acronyms.has(id))) return false;
  return r.got.services.some((id) => acronyms.has(id) && !want.includes(id));
});

const correct = results.length - misses.length;
const accuracy = correct / results.length;

afterAll(() => {
  const pct = (accuracy * 100).toFixed(1);
  const lines = [
    `labelled set: ${results.length} queries, ${correct} correct (${pct}%), ` +
      `nonsense rejected ${nonsenseRejected.length}/${nonsense.length}, acronym confusions ${confusions.length}`,
    ...misses.map(
      (r) =>
        `  miss ${JSON.stringify(r.label.q)}: ${r.diffs.join('; ')}  [got: ${describeGot(r.got)}]` +
        (r.label.note ? `  (${r.label.note})` : ''),
    ),
  ];
  console.log(lines.join('\n'));
});

describe('labelled query set', () => {
  it('has at least 170 queries and at least 20 nonsense ones', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(170);
    expect(nonsense.length).toBeGreaterThanOrEqual(20);
  });

  it('labels only existing services, topics, modes and kinds', () => {
    const services = new Map(knowledge.services.map((s) => [s.id, s]));
    const topics = new Set(knowledge.topics.map((t) => t.id));
    const kinds = new Set([
      'help',
      'overview',
      'list',
      'category',
      'service',
      'topic',
      'compare',
      'no_match',
    ]);
    const problems: string[] = [];
    for (const id of ACRONYM_GROUP)
      if (!services.has(id)) problems.push(`acronym group: unknown service ${id}`);
    for (const l of LABELLED) {
      const ids = expectedServices(l);
      for (const id of ids)
        if (!services.has(id)) problems.push(`${JSON.stringify(l.q)}: unknown service ${id}`);
      if (l.kind !== undefined && !kinds.has(l.kind))
        problems.push(`${JSON.stringify(l.q)}: unknown kind ${l.kind}`);
      if (l.topic !== undefined && !topics.has(l.topic))
        problems.push(`${JSON.stringify(l.q)}: unknown topic ${l.topic}`);
      if (l.mode !== undefined) {
        const s = services.get(ids[0] ?? '');
        if (!s?.modes.some((m) => m.id === l.mode))
          problems.push(`${JSON.stringify(l.q)}: service ${ids[0] ?? '-'} has no mode ${l.mode}`);
      }
      if (l.topic !== undefined && l.owner !== undefined) {
        // The owner must be the yml's: the mode entry's when a mode is named, else the topic's.
        const entry = services.get(ids[0] ?? '')?.topics[l.topic];
        const fromYml = l.mode ? entry?.modes.find((m) => m.mode === l.mode)?.owner : entry?.owner;
        if (fromYml !== l.owner)
          problems.push(`${JSON.stringify(l.q)}: owner ${l.owner} but the yml says ${fromYml ?? 'nothing'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no duplicate queries', () => {
    const seen = new Set<string>();
    const dups = LABELLED.map((l) => l.q).filter((q) => {
      if (seen.has(q)) return true;
      seen.add(q);
      return false;
    });
    expect(dups).toEqual([]);
  });

  it(`answers at least ${MIN_ACCURACY * 100}% of the labelled queries as labelled`, () => {
    expect(accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });

  it('rejects every nonsense query', () => {
    expect(nonsense.filter((r) => r.got.kind !== 'no_match').map((r) => r.label.q)).toEqual([]);
  });

  it('never confuses the short acronyms (ecs/ec2/ecr/eks, sns/sqs/ses)', () => {
    expect(confusions.map((r) => `${r.label.q} → ${r.got.services.join(',')}`)).toEqual([]);
  });
});
