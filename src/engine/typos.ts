import { editDistance } from './edit-distance.js';
import { bigrams } from './service-index.js';

/**
 * Corrects misspelt words of the question to the words srm-bot's phrases are made of
 * ("bakups" → "backups", "securty" → "security"), so that topic and model phrases still match.
 * A word is corrected only to a single closest known word: a tie is left alone.
 */
export interface Corrector {
  correct(word: string): string;
}

/** Words shorter than this are never corrected: one edit turns too many short words into others. */
const MIN_LENGTH = 5;
/** Longer tokens are not words anyone misspelt. */
const MAX_LENGTH = 20;
const allowedEdits = (length: number) => (length >= 9 ? 2 : 1);

export function buildCorrector(vocabulary: Iterable<string>): Corrector {
  const known = new Set<string>();
  const byPair = new Map<string, string[]>();
  for (const w of vocabulary) {
    if (known.has(w)) continue;
    known.add(w);
    if (w.length < MIN_LENGTH - 1) continue;
    for (const p of bigrams(w)) byPair.set(p, [...(byPair.get(p) ?? []), w]);
  }
  // Words come again and again; remembering a bounded number of answers costs little.
  const memo = new Map<string, string>();
  const remember = (word: string, to: string) => {
    memo.set(word, to);
    if (memo.size > 10_000) memo.delete(memo.keys().next().value as string);
    return to;
  };
  return {
    correct(word) {
      if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || known.has(word) || /\d/.test(word))
        return word;
      const seen = memo.get(word);
      if (seen !== undefined) return seen;
      const max = allowedEdits(word.length);
      // One edit changes at most three character pairs: a cheap filter before the edit distance.
      const pairs = bigrams(word);
      const shared = new Map<string, number>();
      for (const p of pairs) for (const w of byPair.get(p) ?? []) shared.set(w, (shared.get(w) ?? 0) + 1);
      let best: string | undefined;
      let bestEdits = max + 1;
      let tie = false;
      for (const [w, n] of shared) {
        if (n < pairs.size - 3 * max || Math.abs(w.length - word.length) > max) continue;
        // People rarely misspell the first letter; other words are often one or two edits from a
        // topic word ("attention" and "retention").
        if (w[0] !== word[0]) continue;
        const limit = Math.min(max, allowedEdits(w.length));
        const edits = editDistance(word, w, limit);
        // The distance gives up with limit + 1, which means "further than limit", not that far.
        if (edits > limit) continue;
        if (edits < bestEdits) [best, bestEdits, tie] = [w, edits, false];
        else if (edits === bestEdits && w !== best) tie = true;
      }
      return remember(word, best && !tie && bestEdits <= max ? best : word);
    },
  };
}
