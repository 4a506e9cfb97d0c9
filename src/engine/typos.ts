import { editDistance } from './edit-distance.js';

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
const allowedEdits = (length: number) => (length >= 9 ? 2 : 1);

export function buildCorrector(vocabulary: Iterable<string>): Corrector {
  const known = new Set<string>();
  const byLength = new Map<number, string[]>();
  for (const w of vocabulary) {
    if (known.has(w)) continue;
    known.add(w);
    if (w.length >= MIN_LENGTH - 1) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
  }
  return {
    correct(word) {
      if (word.length < MIN_LENGTH || known.has(word) || /\d/.test(word)) return word;
      const max = allowedEdits(word.length);
      let best: string | undefined;
      let bestEdits = max + 1;
      let tie = false;
      for (let len = word.length - max; len <= word.length + max; len++) {
        for (const w of byLength.get(len) ?? []) {
          const edits = editDistance(word, w, Math.min(max, allowedEdits(w.length)));
          if (edits < bestEdits) [best, bestEdits, tie] = [w, edits, false];
          else if (edits === bestEdits && w !== best) tie = true;
        }
      }
      return best && !tie && bestEdits <= max ? best : word;
    },
  };
}
