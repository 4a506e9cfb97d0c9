import type { Fields } from './fields.js';
import {
  CATEGORY_IDS,
  type Category,
  type Control,
  type Fact,
  INHERITED_TOPIC_IDS,
  type Mode,
  type Model,
  type ModeResponsibility,
  OWNERS,
  type Responsibility,
  type Service,
  type Topic,
  type TopicEntry,
} from './types.js';

const SUMMARY_MAX = 400;
const ITEM_MAX = 300;
const ID = /^[a-z0-9][a-z0-9_-]*$/;

function fact(f: Fields, raw: unknown): Fact {
  const o = f.object(raw);
  f.onlyKeys(o, ['text', 'sources']);
  return { text: f.string(o, 'text', { max: ITEM_MAX }), sources: f.sources(o) };
}

function facts(
  f: Fields,
  obj: Record<string, unknown>,
  key: string,
  opts: { min: number; max: number },
): Fact[] {
  const at = f.at(key);
  return f.list(obj, key, opts).map((raw, i) => fact(at.at(i), raw));
}

function responsibility(f: Fields, o: Record<string, unknown>): Responsibility {
  const owner = f.oneOf(o, 'owner', OWNERS);
  const aws = f.string(o, 'aws', { max: ITEM_MAX, optional: owner !== 'shared' });
  const customer = f.string(o, 'customer', { max: ITEM_MAX, optional: owner !== 'shared' });
  return {
    owner,
    summary: f.string(o, 'summary', { max: SUMMARY_MAX }),
    ...(aws ? { aws } : {}),
    ...(customer ? { customer } : {}),
    sources: f.sources(o),
  };
}

export function parseTopics(f: Fields, raw: unknown): Topic[] {
  const root = f.object(raw);
  const at = f.at('topics');
  const topics = f.list(root, 'topics', { min: 1 }).map((t, i) => {
    const tf = at.at(i);
    const o = tf.object(t);
    tf.onlyKeys(o, ['id', 'name', 'words', 'weak_words']);
    const id = tf.string(o, 'id');
    if (id && !ID.test(id)) tf.fail('must be lowercase letters, digits, _ or -', 'id');
    return {
      id,
      name: tf.string(o, 'name', { max: 60 }),
      words: tf.words(o, 'words'),
      weakWords: tf.words(o, 'weak_words', { optional: true }),
    };
  });
  for (const id of INHERITED_TOPIC_IDS) {
    if (!topics.some((t) => t.id === id)) f.fail(`topic ${id} is required (the model's inherited controls)`);
  }
  return topics;
}

export function parseModel(f: Fields, raw: unknown): Model {
  const o = f.object(raw);
  f.onlyKeys(o, [
    'name',
    'summary',
    'of_the_cloud',
    'in_the_cloud',
    'controls',
    'category_source',
    'sources_note',
    'categories',
    'inherited_topics',
    'sources',
  ]);
  const controlsAt = f.at('controls');
  const controls: Control[] = f.list(o, 'controls', { min: 1 }).map((raw, i) => {
    const cf = controlsAt.at(i);
    const c = cf.object(raw);
    cf.onlyKeys(c, ['id', 'name', 'text', 'sources']);
    return {
      id: cf.string(c, 'id'),
      name: cf.string(c, 'name', { max: 60 }),
      text: cf.string(c, 'text', { max: SUMMARY_MAX }),
      sources: cf.sources(c),
    };
  });
  const catAt = f.at('categories');
  const categories: Category[] = f.list(o, 'categories', { min: 3, max: 3 }).map((raw, i) => {
    const cf = catAt.at(i);
    const c = cf.object(raw);
    cf.onlyKeys(c, ['id', 'name', 'words', 'summary', 'aws', 'customer', 'sources']);
    return {
      id: cf.oneOf(c, 'id', CATEGORY_IDS),
      name: cf.string(c, 'name', { max: 60 }),
      words: cf.words(c, 'words'),
      summary: cf.string(c, 'summary', { max: SUMMARY_MAX }),
      aws: cf.string(c, 'aws', { max: SUMMARY_MAX }),
      customer: cf.string(c, 'customer', { max: SUMMARY_MAX }),
      sources: cf.sources(c),
    };
  });
  for (const id of CATEGORY_IDS) {
    if (!categories.some((c) => c.id === id)) f.fail(`category ${id} is missing`, 'categories');
  }
  const inheritedAt = f.at('inherited_topics');
  const inheritedRaw = f.object(o.inherited_topics, 'inherited_topics');
  inheritedAt.onlyKeys(inheritedRaw, INHERITED_TOPIC_IDS);
  const inheritedTopics: Record<string, Responsibility> = {};
  for (const id of INHERITED_TOPIC_IDS) {
    const tf = inheritedAt.at(id);
    const t = tf.object(inheritedRaw[id]);
    tf.onlyKeys(t, ['owner', 'summary', 'aws', 'customer', 'sources']);
    inheritedTopics[id] = responsibility(tf, t);
  }
  return {
    name: f.string(o, 'name', { max: 80 }),
    summary: f.string(o, 'summary', { max: SUMMARY_MAX }),
    ofTheCloud: fact(f.at('of_the_cloud'), o.of_the_cloud),
    inTheCloud: fact(f.at('in_the_cloud'), o.in_the_cloud),
    controls,
    categorySource: f.string(o, 'category_source', { max: ITEM_MAX }),
    sourcesNote: f.string(o, 'sources_note', { max: 200 }),
    categories,
    inheritedTopics,
    sources: f.sources(o),
  };
}

function parseModes(f: Fields, o: Record<string, unknown>): Mode[] {
  const at = f.at('modes');
  return f.list(o, 'modes', { optional: true, max: 10 }).map((raw, i) => {
    const mf = at.at(i);
    const m = mf.object(raw);
    mf.onlyKeys(m, ['id', 'name', 'words']);
    const id = mf.string(m, 'id');
    if (id && !ID.test(id)) mf.fail('must be lowercase letters, digits, _ or -', 'id');
    return { id, name: mf.string(m, 'name', { max: 60 }), words: mf.words(m, 'words') };
  });
}

function parseTopicEntry(f: Fields, raw: unknown, modes: readonly Mode[]): TopicEntry {
  const o = f.object(raw);
  f.onlyKeys(o, ['owner', 'summary', 'aws', 'customer', 'sources', 'modes']);
  const base = responsibility(f, o);
  const at = f.at('modes');
  const seen = new Set<string>();
  const entryModes: ModeResponsibility[] = f.list(o, 'modes', { optional: true }).map((raw, i) => {
    const mf = at.at(i);
    const m = mf.object(raw);
    mf.onlyKeys(m, ['mode', 'owner', 'summary', 'aws', 'customer', 'sources']);
    const mode = mf.string(m, 'mode');
    if (mode && !modes.some((x) => x.id === mode)) {
      mf.fail(`names mode ${mode}, which the service's modes list does not define`, 'mode');
    }
    if (seen.has(mode)) mf.fail(`mode ${mode} is listed twice`, 'mode');
    seen.add(mode);
    return { mode, ...responsibility(mf, m) };
  });
  return { ...base, modes: entryModes, inherited: false };
}

export function parseService(
  f: Fields,
  raw: unknown,
  expectedId: string,
  topics: readonly Topic[],
  inherited: Readonly<Record<string, Responsibility>>,
): Service {
  const o = f.object(raw);
  f.onlyKeys(o, [
    'id',
    'name',
    'full_name',
    'aliases',
    'weak_aliases',
    'category',
    'category_basis',
    'category_note',
    'summary',
    'aws',
    'customer',
    'sources',
    'modes',
    'topics',
    'checked',
  ]);
  const id = f.string(o, 'id');
  if (id && id !== expectedId) f.fail(`is ${id} but the file is named ${expectedId}.yml`, 'id');
  if (id && !ID.test(id)) f.fail('must be lowercase letters, digits, _ or -', 'id');
  const categoryBasis = f.oneOf(o, 'category_basis', ['whitepaper', 'derived'] as const);
  const categoryNote = f.string(o, 'category_note', {
    max: SUMMARY_MAX,
    optional: categoryBasis !== 'derived',
  });
  const modes = parseModes(f, o);

  const topicsAt = f.at('topics');
  const rawTopics = f.object(o.topics, 'topics');
  const known = topics.map((t) => t.id);
  topicsAt.onlyKeys(rawTopics, known);
  const entries: Record<string, TopicEntry> = {};
  for (const t of topics) {
    if (rawTopics[t.id] !== undefined) {
      entries[t.id] = parseTopicEntry(topicsAt.at(t.id), rawTopics[t.id], modes);
    } else if (inherited[t.id]) {
      entries[t.id] = { ...(inherited[t.id] as Responsibility), modes: [], inherited: true };
    } else {
      topicsAt.fail('is required', t.id);
    }
  }
  for (const m of modes) {
    if (!Object.values(entries).some((e) => e.modes.some((x) => x.mode === m.id))) {
      f.fail(`mode ${m.id} is defined but no topic uses it`, 'modes');
    }
  }

  return {
    id,
    name: f.string(o, 'name', { max: 60 }),
    fullName: f.string(o, 'full_name', { max: 100 }),
    aliases: f.words(o, 'aliases'),
    weakAliases: f.words(o, 'weak_aliases', { optional: true }),
    category: f.oneOf(o, 'category', CATEGORY_IDS),
    categoryBasis,
    ...(categoryNote ? { categoryNote } : {}),
    summary: f.string(o, 'summary', { max: SUMMARY_MAX }),
    aws: facts(f, o, 'aws', { min: 2, max: 8 }),
    customer: facts(f, o, 'customer', { min: 2, max: 8 }),
    sources: f.sources(o),
    modes,
    topics: entries,
    checked: f.date(o, 'checked', { optional: true }),
  };
}
