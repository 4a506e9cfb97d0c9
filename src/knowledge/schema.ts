import type { Fields } from './fields.js';
import {
  CATEGORY_IDS,
  type Catalog,
  type CatalogService,
  type Category,
  type CategoryId,
  type Control,
  type Fact,
  type Layer,
  type Mode,
  type Model,
  type ModeResponsibility,
  OWNERS,
  type Responsibility,
  type Service,
  type Topic,
  type TopicDefault,
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
  const aws = f.string(o, 'aws', { max: ITEM_MAX, optional: owner !== 'shared', code: 'KB012' });
  const customer = f.string(o, 'customer', { max: ITEM_MAX, optional: owner !== 'shared', code: 'KB012' });
  return {
    owner,
    summary: f.string(o, 'summary', { max: SUMMARY_MAX }),
    ...(aws ? { aws } : {}),
    ...(customer ? { customer } : {}),
    sources: f.sources(o),
  };
}

const RESPONSIBILITY_KEYS = ['owner', 'summary', 'aws', 'customer', 'sources'] as const;

function parseLayers(f: Fields, o: Record<string, unknown>): Layer[] {
  const at = f.at('layers');
  return f.list(o, 'layers', { optional: true }).map((raw, i) => {
    const lf = at.at(i);
    const l = lf.object(raw);
    lf.onlyKeys(l, ['words', ...RESPONSIBILITY_KEYS]);
    return { words: lf.words(l, 'words'), ...responsibility(lf, l) };
  });
}

/** `defaults`: one rule for every service (`all`) or one per category, each naming an example service. */
function parseDefaults(f: Fields, o: Record<string, unknown>): Record<CategoryId, TopicDefault> {
  const df = f.at('defaults');
  if (o.defaults === undefined)
    f.fail('is required: the rule for services that do not answer this topic', 'defaults', 'KB032');
  const raw = o.defaults === undefined ? {} : f.object(o.defaults, 'defaults');
  df.onlyKeys(raw, ['all', ...CATEGORY_IDS]);
  const out = {} as Record<CategoryId, TopicDefault>;
  if (raw.all !== undefined) {
    const af = df.at('all');
    const a = af.object(raw.all);
    af.onlyKeys(a, RESPONSIBILITY_KEYS);
    const all: TopicDefault = { ...responsibility(af, a), scope: 'all', varies: false };
    if (CATEGORY_IDS.some((c) => raw[c] !== undefined))
      df.fail('has both `all` and per-category rules; use one or the other', undefined, 'KB032');
    for (const c of CATEGORY_IDS) out[c] = all;
    return out;
  }
  for (const c of CATEGORY_IDS) {
    const cf = df.at(c);
    if (raw[c] === undefined) {
      if (o.defaults !== undefined)
        df.fail(`needs a rule for every category or one for \`all\` (${c} is missing)`, undefined, 'KB032');
      continue;
    }
    const d = cf.object(raw[c]);
    cf.onlyKeys(d, ['example', 'varies', ...RESPONSIBILITY_KEYS]);
    if (d.varies !== undefined && typeof d.varies !== 'boolean') cf.fail('must be true or false', 'varies');
    out[c] = {
      ...responsibility(cf, d),
      scope: 'category',
      example: cf.string(d, 'example'),
      varies: d.varies === true,
    };
  }
  return out;
}

const responsibilityOf = (r: Responsibility): Responsibility => ({
  owner: r.owner,
  summary: r.summary,
  ...(r.aws ? { aws: r.aws } : {}),
  ...(r.customer ? { customer: r.customer } : {}),
  sources: r.sources,
});

export function parseTopics(f: Fields, raw: unknown): Topic[] {
  const root = f.object(raw);
  f.onlyKeys(root, ['topics', 'checked']);
  const checked = f.date(root, 'checked');
  const at = f.at('topics');
  return f.list(root, 'topics', { min: 1 }).map((t, i) => {
    const tf = at.at(i);
    const o = tf.object(t);
    tf.onlyKeys(o, ['id', 'name', 'words', 'weak_words', 'answer', 'layers', 'defaults']);
    const id = tf.string(o, 'id');
    if (id && !ID.test(id)) tf.fail('must be lowercase letters, digits, _ or -', 'id');
    const af = tf.at('answer');
    const answer = tf.object(o.answer, 'answer');
    af.onlyKeys(answer, RESPONSIBILITY_KEYS);
    return {
      id,
      name: tf.string(o, 'name', { max: 60 }),
      words: tf.words(o, 'words'),
      weakWords: tf.words(o, 'weak_words', { optional: true }),
      answer: responsibility(af, answer),
      layers: parseLayers(tf, o),
      defaults: parseDefaults(tf, o),
      checked,
    };
  });
}

export function parseModel(f: Fields, raw: unknown, topics: readonly Topic[]): Model {
  const o = f.object(raw);
  f.onlyKeys(o, ['name', 'summary', 'controls', 'category_source', 'categories', 'sources', 'checked']);
  const controlsAt = f.at('controls');
  const known = new Set(topics.map((t) => t.id));
  const controls: Control[] = f.list(o, 'controls', { min: 1 }).map((raw, i) => {
    const cf = controlsAt.at(i);
    const c = cf.object(raw);
    cf.onlyKeys(c, ['id', 'name', 'owner', 'words', 'text', 'topics', 'sources']);
    const ids = cf.words(c, 'topics', { optional: true });
    for (const id of ids)
      if (!known.has(id)) cf.fail(`names topic ${id}, which topics.yml does not define`, 'topics', 'KB031');
    return {
      id: cf.string(c, 'id'),
      name: cf.string(c, 'name', { max: 60 }),
      owner: cf.oneOf(c, 'owner', OWNERS),
      words: cf.words(c, 'words'),
      text: cf.string(c, 'text', { max: 600 }),
      topics: ids,
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
    if (!categories.some((c) => c.id === id)) f.fail(`category ${id} is missing`, 'categories', 'KB003');
  }
  return {
    name: f.string(o, 'name', { max: 80 }),
    summary: f.string(o, 'summary', { max: SUMMARY_MAX }),
    controls,
    categorySource: f.string(o, 'category_source', { max: ITEM_MAX }),
    categories,
    sources: f.sources(o),
    checked: f.date(o, 'checked'),
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
      mf.fail(`names mode ${mode}, which the service's modes list does not define`, 'mode', 'KB031');
    }
    if (seen.has(mode)) mf.fail(`mode ${mode} is listed twice`, 'mode', 'KB031');
    seen.add(mode);
    return { mode, ...responsibility(mf, m) };
  });
  return { ...base, modes: entryModes, basis: 'service' };
}

export function parseService(f: Fields, raw: unknown, expectedId: string, topics: readonly Topic[]): Service {
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
  if (id && id !== expectedId) f.fail(`is ${id} but the file is named ${expectedId}.yml`, 'id', 'KB030');
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
  const category = f.oneOf(o, 'category', CATEGORY_IDS);
  // A topic the file does not answer falls back to the topic's rule for the service's category.
  const entries: Record<string, TopicEntry> = {};
  for (const t of topics) {
    if (rawTopics[t.id] !== undefined) {
      entries[t.id] = parseTopicEntry(topicsAt.at(t.id), rawTopics[t.id], modes);
    } else {
      const rule = t.defaults[category];
      if (rule)
        entries[t.id] = {
          ...responsibilityOf(rule),
          modes: [],
          basis: rule.varies ? 'unanswered' : rule.scope,
        };
    }
  }
  for (const m of modes) {
    if (!Object.values(entries).some((e) => e.modes.some((x) => x.mode === m.id))) {
      f.fail(`mode ${m.id} is defined but no topic uses it`, 'modes', 'KB031');
    }
  }

  return {
    id,
    name: f.string(o, 'name', { max: 60 }),
    fullName: f.string(o, 'full_name', { max: 100 }),
    aliases: f.words(o, 'aliases'),
    weakAliases: f.words(o, 'weak_aliases', { optional: true }),
    category,
    categoryBasis,
    ...(categoryNote ? { categoryNote } : {}),
    summary: f.string(o, 'summary', { max: SUMMARY_MAX }),
    aws: facts(f, o, 'aws', { min: 2, max: 8 }),
    customer: facts(f, o, 'customer', { min: 2, max: 8 }),
    sources: f.sources(o),
    modes,
    topics: entries,
    checked: f.date(o, 'checked'),
  };
}

export function parseCatalog(f: Fields, raw: unknown, services: readonly Service[]): Catalog {
  const o = f.object(raw);
  f.onlyKeys(o, ['checked', 'security_page', 'services']);
  const at = f.at('services');
  const known = new Set(services.map((s) => s.id));
  const entries: CatalogService[] = f.list(o, 'services', { min: 1 }).map((raw, i) => {
    const cf = at.at(i);
    const c = cf.object(raw);
    cf.onlyKeys(c, ['id', 'name', 'part_of', 'aliases', 'weak_aliases']);
    const id = cf.string(c, 'id');
    if (id && !ID.test(id)) cf.fail('must be lowercase letters, digits, _ or -', 'id');
    if (known.has(id)) cf.fail(`is the id of services/${id}.yml`, 'id', 'KB030');
    const partOf = cf.string(c, 'part_of', { optional: true });
    if (partOf && !known.has(partOf))
      cf.fail(`names ${partOf}, which has no service file`, 'part_of', 'KB031');
    return {
      id,
      name: cf.string(c, 'name', { max: 100 }),
      ...(partOf ? { partOf } : {}),
      aliases: cf.words(c, 'aliases', { optional: true }),
      weakAliases: cf.words(c, 'weak_aliases', { optional: true }),
    };
  });
  return { services: entries, securityPage: f.url(o, 'security_page'), checked: f.date(o, 'checked') };
}
