import type { Category, CategoryId } from '../knowledge/types.js';
import { aliasKey } from '../text/normalize.js';
import { type PhraseTable, phraseTable, scanTable } from './phrases.js';
import { HELP_WORDS, LIST_WORDS, OVERVIEW_WORDS } from './vocabulary.js';

export type Intent =
  | { readonly kind: 'category'; readonly id: CategoryId }
  | { readonly kind: 'list' | 'overview' | 'help' };

const PRIORITY = ['category', 'list', 'overview', 'help'] as const;

export type IntentIndex = PhraseTable<Intent>;

export function buildIntentIndex(categories: readonly Category[]): IntentIndex {
  const entries: [string, Intent][] = [];
  for (const c of categories)
    for (const w of c.words) entries.push([aliasKey(w), { kind: 'category', id: c.id }]);
  for (const w of LIST_WORDS) entries.push([w, { kind: 'list' }]);
  for (const w of OVERVIEW_WORDS) entries.push([w, { kind: 'overview' }]);
  for (const w of HELP_WORDS) entries.push([w, { kind: 'help' }]);
  return phraseTable(entries);
}

export function intentHits(index: IntentIndex, tokens: readonly string[], skip?: ReadonlySet<number>) {
  return scanTable(tokens, index, skip);
}

/** What a question without any service asks for: a category, the list, the model or help. */
export function findIntent(
  index: IntentIndex,
  tokens: readonly string[],
  skip?: ReadonlySet<number>,
): Intent | undefined {
  const hits = intentHits(index, tokens, skip);
  for (const kind of PRIORITY) {
    const hit = hits.find((h) => h.value.kind === kind);
    if (hit) return hit.value;
  }
  return undefined;
}
