import type { Category, Knowledge, Mode, Service, Topic } from '../knowledge/types.js';
import { decodeSlackEntities, isFiller, stripSlackMarkup, tokenize } from '../text/normalize.js';
import { buildIntentIndex, findIntent } from './intents.js';
import { claimed } from './phrases.js';
import { buildServiceIndex } from './service-index.js';
import { matchServices, type ServiceMention } from './service-match.js';
import {
  bestTopic,
  buildModeIndex,
  buildTopicIndex,
  isTopicPhrase,
  modeHits,
  onlyGenericWords,
  topicHits,
  widestMode,
} from './topic-match.js';
import type { Answer, CategoryGroup, TopicAnswer } from './types.js';
import { COMPARE_WORDS, STOPWORDS } from './vocabulary.js';

/** Input beyond this is not read: no question needs it, and it bounds the work per message. */
const MAX_INPUT_CHARS = 1000;
const MAX_TOKENS = 40;
const MAX_ECHO_CHARS = 150;
const MAX_COMPARE = 5;

export interface Engine {
  readonly knowledge: Knowledge;
  /** Answers free text: a slash command's text, a mention without the bot's name, a DM. */
  ask(text: string): Answer;
  /** Answers for a known service (and topic), as chosen from a button or menu. */
  describe(serviceId: string, topicId?: string): Answer | undefined;
  /** Every service, grouped by category in the model's order. */
  readonly catalog: readonly CategoryGroup[];
}

/** The question as shown back to the user: decoded, no control characters, one line, short. */
function echo(text: string): string {
  const clean = decodeSlackEntities(text.slice(0, MAX_ECHO_CHARS * 4))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > MAX_ECHO_CHARS ? `${clean.slice(0, MAX_ECHO_CHARS - 1)}…` : clean;
}

export function createEngine(knowledge: Knowledge): Engine {
  const services = buildServiceIndex(knowledge.services);
  const topics = buildTopicIndex(knowledge.topics);
  const modes = buildModeIndex(knowledge.services);
  const intents = buildIntentIndex(knowledge.model.categories);
  // The loader guarantees every category exists.
  const categoryOf = (s: Service) => knowledge.model.categories.find((c) => c.id === s.category) as Category;
  const catalog: CategoryGroup[] = knowledge.model.categories.map((category) => ({
    category,
    services: knowledge.services.filter((s) => s.category === category.id),
  }));

  // Words that steer a question are never read as typos of service names.
  const steering = new Set<string>([...STOPWORDS, ...COMPARE_WORDS]);
  for (const key of [...topics.table.map.keys(), ...intents.map.keys()])
    for (const w of key.split(' ')) steering.add(w);
  for (const table of modes.values())
    for (const key of table.map.keys()) for (const w of key.split(' ')) steering.add(w);

  const service = (m: ServiceMention) => services.byId.get(m.value) as Service;

  function topicAnswers(s: Service, topic: Topic, mode: Mode | undefined): TopicAnswer[] {
    const entry = s.topics[topic.id];
    if (!entry) return [];
    const chosen = mode && entry.modes.find((m) => m.mode === mode.id);
    const modeAnswers = entry.modes.map((m) => ({
      ...m,
      service: s,
      mode: s.modes.find((x) => x.id === m.mode),
    }));
    const base = { ...entry, service: s };
    if (chosen) return modeAnswers.filter((a) => a.mode?.id === chosen.mode);
    return [base, ...modeAnswers];
  }

  function ask(raw: string): Answer {
    const query = echo(raw);
    const text = stripSlackMarkup(decodeSlackEntities(raw.slice(0, MAX_INPUT_CHARS)));
    const tokens = tokenize(text)
      .filter((t) => !isFiller(t))
      .slice(0, MAX_TOKENS);
    if (tokens.length === 0) return { kind: 'help', query };

    const match = matchServices(services, tokens, (i) => steering.has(tokens[i] as string));
    let mentions = [...match.mentions];
    const compareIntent = tokens.some((t) => COMPARE_WORDS.has(t));

    const within = (m: ServiceMention, hits: readonly { start: number; end: number }[]) =>
      hits.some((h) => h.start <= m.start && m.end <= h.end);
    if (!compareIntent) {
      // "ecs fargate", "secrets manager rotation lambda": a mode of the service named first, not
      // a second service. The service named first keeps the question ("fargate on eks" is Fargate).
      const kept: ServiceMention[] = [];
      for (const m of mentions)
        if (!kept.some((p) => within(m, modeHits(modes, service(p), tokens)))) kept.push(m);
      mentions = kept;
      if (mentions.length > 1) {
        // "is s3 encrypted with kms": kms is the topic's word here, not a second service.
        const named = mentions.filter((m) => !isTopicPhrase(topics, m.text));
        if (named.length > 0) mentions = named;
      }
    }
    const only = mentions.length === 1 ? service(mentions[0] as ServiceMention) : undefined;
    const onlyModes = only ? modeHits(modes, only, tokens) : [];
    // Words that pick a mode ("container image") decide the topic only when the rest of the
    // question names none, or only a generic word ("who patches the os in a lambda container image").
    let found = bestTopic(topics, topicHits(topics, tokens, claimed([...mentions, ...onlyModes])));
    if (onlyModes.length > 0 && onlyGenericWords(found)) {
      found = bestTopic(topics, topicHits(topics, tokens, claimed(mentions))) ?? found;
    }
    const topic = found?.topic;

    if (mentions.length === 0) {
      const suggestions = match.suggestions.map((id) => services.byId.get(id) as Service);
      if (match.ambiguous) return { kind: 'no_match', query, reason: 'ambiguous', suggestions };
      const intent = findIntent(intents, tokens);
      if (intent?.kind === 'category') {
        const group = catalog.find((g) => g.category.id === intent.id) as CategoryGroup;
        return { kind: 'category', query, group };
      }
      if (intent?.kind === 'list') return { kind: 'list', query, groups: catalog };
      if (intent?.kind === 'overview') return { kind: 'overview', query, model: knowledge.model };
      if (intent?.kind === 'help' && suggestions.length === 0) return { kind: 'help', query };
      if (topic && suggestions.length === 0)
        return { kind: 'no_match', query, reason: 'need_service', suggestions, topic };
      return { kind: 'no_match', query, reason: 'unknown', suggestions };
    }

    if (only) {
      return topic
        ? topicAnswer(query, only, topic, widestMode(onlyModes, claimed(mentions)))
        : serviceAnswer(query, only);
    }

    const compared = mentions.slice(0, MAX_COMPARE).map(service);
    return {
      kind: 'compare',
      query,
      services: compared,
      categories: compared.map(categoryOf),
      ...(topic ? { topic } : {}),
      answers: topic
        ? compared.flatMap((s) => topicAnswers(s, topic, widestMode(modeHits(modes, s, tokens))).slice(0, 1))
        : [],
    };
  }

  function serviceAnswer(query: string, s: Service): Answer {
    return { kind: 'service', query, service: s, category: categoryOf(s) };
  }

  /** A topic answer, for one mode when the question named one that matters for this topic. */
  function topicAnswer(query: string, s: Service, topic: Topic, mode?: Mode): Answer {
    const entry = s.topics[topic.id];
    if (!entry) return serviceAnswer(query, s);
    const used = mode && entry.modes.some((m) => m.mode === mode.id) ? mode : undefined;
    return {
      kind: 'topic',
      query,
      service: s,
      category: categoryOf(s),
      topic,
      entry,
      ...(used ? { mode: used } : {}),
      answers: topicAnswers(s, topic, used),
    };
  }

  function describe(serviceId: string, topicId?: string): Answer | undefined {
    const s = services.byId.get(serviceId);
    if (!s) return undefined;
    const topic = knowledge.topics.find((t) => t.id === topicId);
    return topic ? topicAnswer(`${s.name}: ${topic.name}`, s, topic) : serviceAnswer(s.name, s);
  }

  return { knowledge, ask, describe, catalog };
}
