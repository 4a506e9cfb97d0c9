/** Longest-first scanning of a token list for known phrases (service names, topic words, modes). */

export interface PhraseHit<T> {
  readonly value: T;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly text: string;
}

/** Looks up the words tokens[start..end) (end exclusive). */
export type Lookup<T> = (tokens: readonly string[], start: number, end: number) => T | undefined;

/** tokens[start..end) joined by spaces; a single word is returned as is (no new string). */
export function phraseAt(tokens: readonly string[], start: number, end: number, separator = ' '): string {
  let text = tokens[start] as string;
  for (let i = start + 1; i < end; i++) text += separator + (tokens[i] as string);
  return text;
}

/**
 * Walks the tokens left to right; at each position tries the widest window first, so
 * "elastic container service" wins over "elastic". Hits never overlap; `skip` marks tokens that
 * an earlier scan already claimed.
 */
export function scanPhrases<T>(
  tokens: readonly string[],
  table: { maxWords: number; starts: ReadonlySet<string> },
  lookup: Lookup<T>,
  skip: ReadonlySet<number> = NONE,
): PhraseHit<T>[] {
  const hits: PhraseHit<T>[] = [];
  let i = 0;
  while (i < tokens.length) {
    let width = 0;
    // Wider windows only where some phrase can begin with this word: most words begin none.
    const widest = table.starts.has(tokens[i] as string) ? Math.min(table.maxWords, tokens.length - i) : 1;
    for (let w = widest; w >= 1; w--) {
      if (hasSkipped(skip, i, i + w)) continue;
      const value = lookup(tokens, i, i + w);
      if (value !== undefined) {
        hits.push({ value, start: i, end: i + w, text: phraseAt(tokens, i, i + w) });
        width = w;
        break;
      }
    }
    i += width || 1;
  }
  return hits;
}

const NONE: ReadonlySet<number> = new Set();

function hasSkipped(skip: ReadonlySet<number>, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (skip.has(i)) return true;
  return false;
}

export function claimed(hits: readonly { start: number; end: number }[]): Set<number> {
  const set = new Set<number>();
  for (const h of hits) for (let i = h.start; i < h.end; i++) set.add(i);
  return set;
}

/** Scans for the phrases of a table, each looked up as its words joined by spaces. */
export function scanTable<T>(tokens: readonly string[], table: PhraseTable<T>, skip?: ReadonlySet<number>) {
  return scanPhrases(tokens, table, (t, start, end) => table.map.get(phraseAt(t, start, end)), skip);
}

export interface PhraseTable<T> {
  readonly map: ReadonlyMap<string, T>;
  readonly maxWords: number;
  /** First words of the phrases of two or more words. */
  readonly starts: ReadonlySet<string>;
}

/** A map from phrase to value with what scanPhrases needs to skip hopeless windows. */
export function phraseTable<T>(entries: Iterable<[string, T]>): PhraseTable<T> {
  const map = new Map<string, T>();
  const starts = new Set<string>();
  let maxWords = 1;
  for (const [phrase, value] of entries) {
    if (!map.has(phrase)) map.set(phrase, value);
    const words = phrase.split(' ');
    maxWords = Math.max(maxWords, words.length);
    if (words.length > 1) starts.add(words[0] as string);
  }
  return { map, maxWords, starts };
}
