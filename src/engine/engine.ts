import { catalogNames, serviceNames } from '../knowledge/load.js';
import {
  CATEGORY_IDS,
  type CatalogService,
  type Category,
  type CategoryId,
  type Knowledge,
  type Layer,
  type Mode,
  type Service,
  type Topic,
} from '../knowledge/types.js';
import { EVERYDAY_WORDS } from '../text/everyday.js';
import {
  aliasKey,
  decodeSlackEntities,
  isFiller,
  stripSlackMarkup,
  tokenize,
  truncateText,
} from '../text/normalize.js';
import { buildControlIndex, controlsNamed } from './controls.js';
import { buildIntentIndex, findIntent, intentHits } from './intents.js';
import { claimed } from './phrases.js';
import { buildScopeIndex, outOfScopeHits } from './scope.js';
import { buildServiceIndex } from './service-index.js';
import { matchServices, type ServiceMention } from './service-match.js';
import {
  bestTopic,
  buildModeIndex,
  buildTopicIndex,
  isTopicPhrase,
  layerOf,
  modeHits,
  modeHitsAcross,
  onlyGenericWords,
  topicHits,
  widestMode,
} from './topic-match.js';
import type { Answer, CategoryGroup, ModelAnswer, TopicAnswer } from './types.js';
import { buildCorrector } from './typos.js';
import {
  COMPARE_WORDS,
  DEFINE_WORDS,
  HARD_OUT_OF_SCOPE,
  type OutOfScopeReason,
  RESPONSIBILITY_CUES,
  STOPWORDS,
} from './vocabulary.js';

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
  /** Answers for a category, as chosen from a menu. */
  describeCategory(categoryId: string): Answer | undefined;
  /** Every service, grouped by category in the model's order. */
  readonly catalog: readonly CategoryGroup[];
}

const withoutWords = ({ words: _, ...rest }: Layer) => rest;

/** "srm-bot", "srm bot": the bot's own name says nothing about the question. */
function withoutBotName(tokens: readonly string[]): string[] {
  return tokens.filter(
    (t, i) => !(t === 'srm' && tokens[i + 1] === 'bot') && !(t === 'bot' && tokens[i - 1] === 'srm'),
  );
}

/**
 * The question as shown back to the user: decoded, one line, short, with no control, format or
 * invisible characters (zero-width and bidi marks, word joiner, BOM, soft hyphen, Mongolian vowel
 * separator, Arabic letter mark) that could hide or reorder what it says.
 */
function echo(text: string): string {
  const clean = decodeSlackEntities(text.slice(0, MAX_ECHO_CHARS * 4))
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
      /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+/g,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
  return truncateText(clean, MAX_ECHO_CHARS);
}

export function createEngine(knowledge: Knowledge): Engine {
  const byId = new Map(knowledge.services.map((s) => [s.id, s]));
  const uncovered = new Map(knowledge.catalog.services.filter((c) => !c.partOf).map((c) => [c.id, c]));
  // One index over every name: a service file's, or a catalog entry's (its parent's id when it
  // is a part of a covered service), so the longest name wins ("kinesis firehose" over "kinesis").
  // Catalog names are matched exactly: a typo is far likelier to mean a service we cover.
  const services = buildServiceIndex([
    ...knowledge.services.map((s) => ({ id: s.id, ...serviceNames(s), fuzzy: true })),
    ...knowledge.catalog.services.map((c) => ({ id: c.partOf ?? c.id, ...catalogNames(c), fuzzy: false })),
  ]);
  const topics = buildTopicIndex(knowledge.topics);
  const modes = buildModeIndex(knowledge.services);
  const intents = buildIntentIndex(knowledge.model.categories);
  const controls = buildControlIndex(knowledge.model.controls);
  const scope = buildScopeIndex();
  const corrector = buildCorrector(
    [
      ...topics.table.map.keys(),
      ...controls.map.keys(),
      ...intents.map.keys(),
      ...RESPONSIBILITY_CUES,
      ...DEFINE_WORDS,
    ].flatMap((k) => k.split(' ')),
  );
  // The loader guarantees every category exists.
  const categoryOf = (s: Service) => knowledge.model.categories.find((c) => c.id === s.category) as Category;
  const catalog: CategoryGroup[] = knowledge.model.categories.map((category) => ({
    category,
    services: knowledge.services.filter((s) => s.category === category.id),
  }));

  // Words that steer a question are never read as typos of service names.
  const steering = new Set<string>([...STOPWORDS, ...COMPARE_WORDS]);
  for (const t of knowledge.topics)
    for (const key of [...t.words, ...t.weakWords].map(aliasKey))
      for (const w of key.split(' ')) steering.add(w);
  // Single words that ask for a list, a category, a part of the model or a reason to decline
  // ("inherited", "pricing"); the words inside their phrases ("cloud" in "of the cloud") stay
  // open to typo matching.
  for (const key of [...intents.map.keys(), ...controls.map.keys(), ...scope.map.keys()])
    if (!key.includes(' ')) steering.add(key);
  // Words of modes ("fargate", "provisioned"), except those inside service names ("hub" in
  // "security hub cspm"), whose typos must stay readable.
  const nameWords = new Set([...services.strong.keys()].flatMap((k) => k.split(' ')));
  for (const table of modes.values())
    for (const key of table.map.keys())
      for (const w of key.split(' ')) if (!nameWords.has(w)) steering.add(w);

  const service = (m: ServiceMention) => byId.get(m.value) as Service;

  /**
   * A service named only by an everyday or topic word ("backup", "account") gives way to a topic
   * in a question that asks who: "whose job are backups?" is the backup topic, "who protects the
   * account's root user" the root user's; "/srm backup" and "organizations resilience" name the service.
   */
  function genericNamesAsTopics(
    found: readonly ServiceMention[],
    words: readonly string[],
    asksWho: boolean,
  ) {
    if (!found.some((m) => m.weak)) return [...found];
    const open = topicHits(topics, words, claimed(found.filter((m) => !m.weak)));
    if (open.length === 0 || !asksWho) return [...found];
    return found.filter((m) => !m.weak || !saying(m.text));
  }

  const singular = (text: string) => (text.endsWith('s') ? text.slice(0, -1) : text);

  /** A name that is also a topic word ("backups", "logs"), singular or plural. */
  function topicWord(text: string): boolean {
    return isTopicPhrase(topics, text) || isTopicPhrase(topics, singular(text));
  }

  /** A name that is also an everyday or topic word ("backup", "logs"), singular or plural. */
  function saying(text: string): boolean {
    return topicWord(text) || EVERYDAY_WORDS.has(text) || EVERYDAY_WORDS.has(singular(text));
  }

  /** A service recognised by name that has no entry yet: only what is true of every service. */
  function notCovered(query: string, s: CatalogService, topic?: Topic): Answer {
    const answers = topic ? modelLines(topic) : [];
    return {
      kind: 'not_covered',
      query,
      service: s,
      partly: false,
      securityPage: knowledge.catalog.securityPage,
      ownChapter: false,
      ...(topic ? { topic } : {}),
      answers,
    };
  }

  function topicAnswers(s: Service, topic: Topic, mode: Mode | undefined): TopicAnswer[] {
    const entry = s.topics[topic.id];
    if (!entry || entry.basis === 'unanswered') return [];
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
    // As said, with "aws"/"amazon" (they tell "what is aws responsible for" apart), less the bot's name.
    const spoken = withoutBotName(tokenize(text)).slice(0, MAX_TOKENS);
    const tokens = spoken.filter((t) => !isFiller(t));
    if (tokens.length === 0) return { kind: 'help', query };

    // Which filtered tokens came right after "aws"/"amazon" as spoken.
    const qualified = new Set<number>();
    spoken.forEach((t, i) => {
      if (isFiller(t)) qualified.add(i + 1 - spoken.slice(0, i + 1).filter(isFiller).length);
    });
    // Misspelt words that are not service names are read as the topic or model word they are
    // closest to ("bakups"); such a word is then no candidate for a typo of a service name either
    // ("configures" is not "config rules").
    const corrected = new Map<string, string>();
    const correct = (t: string) =>
      corrected.get(t) ?? (corrected.set(t, corrector.correct(t)).get(t) as string);
    // "aws bakcup": right after "aws", a misspelt word that corrects to a service's name is that name.
    const asNamed = tokens.map((t, i) => {
      if (!qualified.has(i)) return t;
      const c = correct(t);
      return services.strong.has(c) || services.weak.has(c) ? c : t;
    });
    const match = matchServices(
      services,
      asNamed,
      (i) => {
        const t = tokens[i] as string;
        const c = correct(t);
        return steering.has(t) || (steering.has(c) && !services.strong.has(c));
      },
      (i) => qualified.has(i),
      (i) => {
        const t = tokens[i] as string;
        return !steering.has(t) && correct(t) !== t;
      },
    );
    const named = claimed(match.mentions);
    const words = tokens.map((t, i) => (named.has(i) ? t : correct(t)));
    const asksWho = words.some((t) => RESPONSIBILITY_CUES.has(t));
    const compareIntent = tokens.some((t) => COMPARE_WORDS.has(t));
    // "guardduty vs inspector": in a comparison a generic name counts beside a stronger one.
    const candidates = compareIntent
      ? [...match.mentions, ...match.generic.filter((m) => !topicWord(m.text))]
          .sort((a, b) => a.start - b.start)
          .filter((m, i, all) => all.findIndex((x) => x.value === m.value) === i)
      : match.mentions;
    let mentions =
      compareIntent && candidates.length > 1 ? candidates : genericNamesAsTopics(candidates, words, asksWho);
    // A service we have no entry for is answered as such, unless a service we cover is named too.
    const covered = mentions.filter((m) => byId.has(m.value));
    const absent = covered.length === 0 && mentions[0] ? uncovered.get(mentions[0].value) : undefined;
    if (covered.length > 0) mentions = covered;

    const within = (m: ServiceMention, hits: readonly { start: number; end: number }[]) =>
      hits.some((h) => h.start <= m.start && m.end <= h.end);
    if (!compareIntent) {
      // "ecs fargate", "secrets manager rotation lambda": a mode of the service named first, not
      // a second service. The service named first keeps the question ("fargate on eks" is Fargate).
      const kept: ServiceMention[] = [];
      for (const m of mentions)
        if (!kept.some((p) => byId.has(p.value) && within(m, modeHits(modes, service(p), tokens))))
          kept.push(m);
      mentions = kept;
      if (mentions.length > 1) {
        // "is s3 encrypted with kms", "guardduty vpc endpoint": a name that is, or sits inside, a
        // topic's words is the topic here, not a second service.
        const spans = topicHits(topics, words, new Set());
        const inTopic = (m: ServiceMention) =>
          isTopicPhrase(topics, m.text) ||
          spans.some((h) => h.start <= m.start && m.end <= h.end && h.end - h.start > m.end - m.start);
        const named = mentions.filter((m) => !inTopic(m));
        if (named.length > 0) mentions = named;
      }
    }
    const only = mentions.length === 1 && !absent ? service(mentions[0] as ServiceMention) : undefined;
    const onlyModes = only ? modeHitsAcross(modes, only, tokens, mentions[0] as ServiceMention) : [];
    // Words that pick a mode ("container image") decide the topic only when the rest of the
    // question names none, or only a generic word ("who patches the os in a lambda container image").
    let found = bestTopic(topics, topicHits(topics, words, claimed([...mentions, ...onlyModes])));
    if (onlyModes.length > 0 && onlyGenericWords(found)) {
      found = bestTopic(topics, topicHits(topics, words, claimed(mentions))) ?? found;
    }
    const topic = found?.topic;
    const declines = outOfScopeHits(scope, tokens);
    const decline = (why: (r: OutOfScopeReason) => boolean) => {
      const reason = declines.find((h) => why(h.value))?.value;
      return reason ? { kind: 'out_of_scope' as const, query, reason } : undefined;
    };
    // "gcp iam", "azure vm": a name inside or right after another cloud's is that cloud's product.
    const clouds = declines.filter((h) => h.value === 'other_cloud');
    const awsNamed = mentions.some((m) => !clouds.some((c) => c.start <= m.start && m.start <= c.end));
    // Prices and figures are declined unless the question also asks who is responsible for a
    // topic; another cloud unless an AWS service is named too; how-to and small talk only when no
    // responsibility topic is recognised.
    const hard = decline((r) =>
      r === 'other_cloud' ? !awsNamed : HARD_OUT_OF_SCOPE.has(r) && !(topic && asksWho),
    );
    if (hard) return hard;
    const soft = topic ? undefined : decline((r) => !HARD_OUT_OF_SCOPE.has(r));
    if (soft && mentions.length > 0 && soft.reason === 'how_to') return soft;
    if (absent) return notCovered(query, absent, topic);

    if (mentions.length === 0) {
      const suggestions = () => match.suggestions().flatMap((id) => byId.get(id) ?? []);
      if (match.ambiguous)
        return { kind: 'no_match', query, reason: 'ambiguous', suggestions: suggestions() };
      const said = spoken.map(correct);
      const overviewWords = claimed(intentHits(intents, said).filter((h) => h.value.kind === 'overview'));
      // A part of the model ("inherited controls") is explained unless the question names a topic
      // in it; then the topic is answered, except in "what is…" questions that name the part at
      // greater length than the topic.
      const { parts, words: partWords } = controlsNamed(controls, said, overviewWords);
      const topicWords = (found?.hits ?? []).reduce((n, h) => n + h.end - h.start, 0);
      const explains = words.some((t) => DEFINE_WORDS.has(t)) && partWords >= topicWords;
      if (parts.length > 0 && (!topic || explains))
        return overview(query, parts.length === 1 ? parts[0] : undefined);
      const intent = findIntent(intents, words, claimed(found ? found.hits : []));
      const category = intent?.kind === 'category' ? categoryById(intent.id) : undefined;
      // A topic word decides over a did-you-mean guess at some other word; generic words alone
      // ("data", "access") make a topic question only when nothing looks like a service typo and
      // the question asks who.
      const strongTopic = !onlyGenericWords(found);
      if (topic && (strongTopic || (asksWho && suggestions().length === 0)))
        return modelTopic(query, topic, words, category);
      if (category) {
        const group = catalog.find((g) => g.category.id === category.id) as CategoryGroup;
        return { kind: 'category', query, group };
      }
      if (intent?.kind === 'list') return { kind: 'list', query, groups: catalog };
      if (intent?.kind === 'overview') return overview(query);
      if (intent?.kind === 'help' && suggestions().length === 0) return { kind: 'help', query };
      if (soft) return soft;
      return {
        kind: 'no_match',
        query,
        reason: 'unknown',
        suggestions: suggestions(),
        ...(topic ? { topic } : {}),
      };
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

  const categoryById = (id: string) => knowledge.model.categories.find((c) => c.id === id) as Category;

  function overview(query: string, control?: Knowledge['model']['controls'][number]): Answer {
    const related = (control?.topics ?? []).flatMap((id) => {
      const t = knowledge.topics.find((x) => x.id === id);
      return t ? [{ topic: t, answer: t.answer }] : [];
    });
    return { kind: 'overview', query, model: knowledge.model, ...(control ? { control } : {}), related };
  }

  function categoryRule(topic: Topic, id: CategoryId): ModelAnswer {
    const { scope: _, example: exampleId, ...r } = topic.defaults[id];
    const example = exampleId ? byId.get(exampleId) : undefined;
    return { ...r, category: categoryById(id), ...(example ? { example } : {}) };
  }

  /** A topic's rule for every service, or its rule per category when the categories differ. */
  function modelLines(topic: Topic): ModelAnswer[] {
    const all = topic.defaults.infrastructure;
    if (all.scope === 'all') {
      const { scope: _, example: __, ...r } = all;
      return [r];
    }
    return CATEGORY_IDS.map((id) => categoryRule(topic, id));
  }

  /**
   * A topic asked about with no service: the verdict for the question as asked (the layer its
   * words pick, or the topic's own), then the rule per category where the categories differ.
   * A question that names a category gets that category's rule first.
   */
  function modelTopic(query: string, topic: Topic, tokens: readonly string[], category?: Category): Answer {
    // The layer the question's words pick decides first: "the ISO certificate for the cloud
    // infrastructure" is AWS's certificate, not the infrastructure category's rule.
    const layer = layerOf(topics, topic, tokens);
    if (category && !layer)
      return { kind: 'model_topic', query, topic, category, answers: [categoryRule(topic, category.id)] };
    const perCategory = topic.defaults.infrastructure.scope === 'category' ? modelLines(topic) : [];
    const verdict: ModelAnswer = layer ? { ...withoutWords(layer), layer: true } : topic.answer;
    return { kind: 'model_topic', query, topic, answers: [verdict, ...perCategory] };
  }

  function serviceAnswer(query: string, s: Service): Answer {
    return { kind: 'service', query, service: s, category: categoryOf(s) };
  }

  /** A topic answer, for one mode when the question named one that matters for this topic. */
  function topicAnswer(query: string, s: Service, topic: Topic, mode?: Mode): Answer {
    const entry = s.topics[topic.id];
    if (!entry) return serviceAnswer(query, s);
    // The file does not answer a topic on which services of its category differ: say so, with the
    // rule that usually applies and the service's security chapter, never a guessed owner.
    if (entry.basis === 'unanswered') {
      // A file whose chapter could not be found cites AWS's list of every chapter instead.
      const page = s.sources[0] ?? knowledge.catalog.securityPage;
      return {
        kind: 'not_covered',
        query,
        service: s,
        partly: true,
        securityPage: page,
        ownChapter: page !== knowledge.catalog.securityPage,
        topic,
        answers: [categoryRule(topic, s.category)],
      };
    }
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
    const s = byId.get(serviceId);
    if (!s) return undefined;
    const topic = knowledge.topics.find((t) => t.id === topicId);
    return topic ? topicAnswer(`${s.name}: ${topic.name}`, s, topic) : serviceAnswer(s.name, s);
  }

  function describeCategory(categoryId: string): Answer | undefined {
    const group = catalog.find((g) => g.category.id === categoryId);
    return group && { kind: 'category', query: group.category.name, group };
  }

  return { knowledge, ask, describe, describeCategory, catalog };
}
