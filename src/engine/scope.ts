import { type PhraseTable, phraseTable, scanTable } from './phrases.js';
import { OUT_OF_SCOPE_WORDS, type OutOfScopeReason } from './vocabulary.js';

export type ScopeIndex = PhraseTable<OutOfScopeReason>;

export function buildScopeIndex(): ScopeIndex {
  const entries: [string, OutOfScopeReason][] = [];
  for (const [reason, words] of Object.entries(OUT_OF_SCOPE_WORDS) as [OutOfScopeReason, string][])
    for (const w of words.split(',')) entries.push([w.trim().replace(/\s+/g, ' '), reason]);
  return phraseTable(entries);
}

/** Every place the question gives a reason to decline it, in the order its words appear. */
export function outOfScopeHits(index: ScopeIndex, tokens: readonly string[]) {
  return scanTable(tokens, index);
}
