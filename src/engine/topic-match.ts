import type { Layer, Mode, Service, Topic } from '../knowledge/types.js';
import { aliasKey } from '../text/normalize.js';
import { type PhraseHit, type PhraseTable, phraseTable, scanTable } from './phrases.js';

interface TopicWord {
  readonly topic: Topic;
  readonly weight: number;
}

/** Weight of a strong topic word; generic words weigh 1, so a total below it means only they spoke. */
const STRONG = 2;
/** Weight per word of a phrase that picks a layer of a topic without being one of its words. */
const LAYER = 0.5;

export interface TopicIndex {
  readonly table: PhraseTable<TopicWord>;
  readonly topics: readonly Topic[];
  /** Per topic id, the words that pick one of its layers. */
  readonly layers: ReadonlyMap<string, PhraseTable<Layer>>;
}

export function buildTopicIndex(topics: readonly Topic[]): TopicIndex {
  const entries: [string, TopicWord][] = [];
  const layers = new Map<string, PhraseTable<Layer>>();
  for (const topic of topics) {
    const layerWords = topic.layers.flatMap((l) => l.words.map((w): [string, Layer] => [aliasKey(w), l]));
    for (const w of topic.words) entries.push([aliasKey(w), { topic, weight: STRONG }]);
    for (const w of topic.weakWords) entries.push([aliasKey(w), { topic, weight: 1 }]);
    // A layer's own words lean towards its topic ("our workload" towards resilience) without
    // outweighing a word that names a topic outright, unless they contain one ("soc 2 report").
    const own = topic.words.map((w) => ` ${aliasKey(w)} `);
    for (const [w] of layerWords)
      entries.push([w, { topic, weight: own.some((o) => ` ${w} `.includes(o)) ? STRONG : LAYER }]);
    if (layerWords.length > 0) layers.set(topic.id, phraseTable(layerWords));
  }
  return { table: phraseTable(entries), topics, layers };
}

/** The layer of the topic that the question's words pick ("guest os", "audit reports"), if any. */
export function layerOf(index: TopicIndex, topic: Topic, tokens: readonly string[]): Layer | undefined {
  const table = index.layers.get(topic.id);
  return table ? scanTable(tokens, table)[0]?.value : undefined;
}

export function topicHits(index: TopicIndex, tokens: readonly string[], skip: ReadonlySet<number>) {
  return scanTable(tokens, index.table, skip);
}

export function isTopicPhrase(index: TopicIndex, text: string): boolean {
  return index.table.map.has(text);
}

/**
 * The topic with the highest total weight of words; on a tie, the one the question names first.
 * Runs on every question: it adds up in place rather than building a list per topic.
 */
export function bestTopic(
  index: TopicIndex,
  hits: readonly PhraseHit<TopicWord>[],
): { topic: Topic; score: number; hits: PhraseHit<TopicWord>[] } | undefined {
  let best: Topic | undefined;
  let bestScore = 0;
  let bestFirst = Number.POSITIVE_INFINITY;
  for (const topic of index.topics) {
    let score = 0;
    // A tie goes to the topic whose first strong word comes first ("identity management for the
    // operating system" is about identity), and between generic words to the order of topics.yml.
    let first = Number.POSITIVE_INFINITY;
    for (const h of hits) {
      if (h.value.topic !== topic) continue;
      score += h.value.weight * (h.end - h.start);
      if (h.value.weight >= STRONG && h.start < first) first = h.start;
    }
    if (score > bestScore || (best && score === bestScore && first < bestFirst)) {
      best = topic;
      bestScore = score;
      bestFirst = first;
    }
  }
  return best && { topic: best, score: bestScore, hits: hits.filter((h) => h.value.topic === best) };
}

export const onlyGenericWords = (found: { score: number } | undefined) => !found || found.score < STRONG;

export type ModeIndex = ReadonlyMap<string, PhraseTable<Mode>>;

// Phrases are keyed like aliases (without "aws"/"amazon"), because questions lose those words too.
export function buildModeIndex(services: readonly Service[]): ModeIndex {
  return new Map(
    services
      .filter((s) => s.modes.length > 0)
      .map((s) => [
        s.id,
        phraseTable(s.modes.flatMap((m) => m.words.map((w): [string, Mode] => [aliasKey(w), m]))),
      ]),
  );
}

/** Every place the question names one of the service's modes ("fargate", "managed node group"). */
export function modeHits(index: ModeIndex, service: Service, tokens: readonly string[]): PhraseHit<Mode>[] {
  const table = index.get(service.id);
  return table ? scanTable(tokens, table) : [];
}

/**
 * The mode words of the service also where its own name stands inside them: "my own sagemaker
 * container" names the mode "own container", "custom sagemaker containers" "custom containers".
 */
export function modeHitsAcross(
  index: ModeIndex,
  service: Service,
  tokens: readonly string[],
  name: { readonly start: number; readonly end: number },
): PhraseHit<Mode>[] {
  const direct = modeHits(index, service, tokens);
  if (name.start === 0 || name.end >= tokens.length) return direct;
  const gap = name.end - name.start;
  const across = modeHits(index, service, [...tokens.slice(0, name.start), ...tokens.slice(name.end)])
    .filter((h) => h.start < name.start && h.end > name.start)
    .map((h) => ({ ...h, end: h.end + gap }));
  return across.length > 0 ? [...direct, ...across] : direct;
}

/**
 * The most specific mode named: one in words of its own before one inside the service's name
 * ("dynamodb dax": dax, not the key alias "aws/dynamodb"), then the widest phrase.
 */
export function widestMode(
  hits: readonly PhraseHit<Mode>[],
  nameTokens: ReadonlySet<number> = new Set(),
): Mode | undefined {
  const inName = (h: PhraseHit<Mode>) => (nameTokens.has(h.start) ? 1 : 0);
  return [...hits].sort((a, b) => inName(a) - inName(b) || b.end - b.start - (a.end - a.start))[0]?.value;
}
