import type { Mode, Service, Topic } from '../knowledge/types.js';
import { normalize } from '../text/normalize.js';
import { type PhraseHit, phraseTable, scanPhrases } from './phrases.js';

interface TopicWord {
  readonly topic: Topic;
  readonly weight: number;
}

export interface TopicIndex {
  readonly table: ReturnType<typeof phraseTable<TopicWord>>;
  readonly topics: readonly Topic[];
}

export function buildTopicIndex(topics: readonly Topic[]): TopicIndex {
  const entries: [string, TopicWord][] = [];
  for (const topic of topics) {
    for (const w of topic.words) entries.push([normalize(w), { topic, weight: 2 }]);
    for (const w of topic.weakWords) entries.push([normalize(w), { topic, weight: 1 }]);
  }
  return { table: phraseTable(entries), topics };
}

export function topicHits(index: TopicIndex, tokens: readonly string[], skip: ReadonlySet<number>) {
  const { map, maxWords } = index.table;
  return scanPhrases(tokens, maxWords, (w) => map.get(w.join(' ')), skip);
}

export function isTopicPhrase(index: TopicIndex, text: string): boolean {
  return index.table.map.has(text);
}

/** The topic with the highest total weight of words; on a tie, the one listed first in topics.yml. */
export function bestTopic(index: TopicIndex, hits: readonly PhraseHit<TopicWord>[]): Topic | undefined {
  let best: Topic | undefined;
  let bestScore = 0;
  for (const topic of index.topics) {
    const score = hits
      .filter((h) => h.value.topic === topic)
      .reduce((sum, h) => sum + h.value.weight * (h.end - h.start), 0);
    if (score > bestScore) {
      best = topic;
      bestScore = score;
    }
  }
  return best;
}

export type ModeIndex = ReadonlyMap<string, ReturnType<typeof phraseTable<Mode>>>;

export function buildModeIndex(services: readonly Service[]): ModeIndex {
  return new Map(
    services
      .filter((s) => s.modes.length > 0)
      .map((s) => [
        s.id,
        phraseTable(s.modes.flatMap((m) => m.words.map((w): [string, Mode] => [normalize(w), m]))),
      ]),
  );
}

/** The service mode a question names ("fargate", "managed node group"), if any. */
export function findMode(index: ModeIndex, service: Service, tokens: readonly string[]): Mode | undefined {
  const table = index.get(service.id);
  if (!table) return undefined;
  const hits = scanPhrases(tokens, table.maxWords, (w) => table.map.get(w.join(' ')));
  // The widest phrase is the most specific ("managed node group" over "node").
  return hits.sort((a, b) => b.end - b.start - (a.end - a.start))[0]?.value;
}

export function isModeWord(index: ModeIndex, service: Service, text: string): boolean {
  return index.get(service.id)?.map.has(text) ?? false;
}
