import type { Category, CategoryId } from '../knowledge/types.js';
import { normalize } from '../text/normalize.js';
import { phraseTable, scanPhrases } from './phrases.js';
import { HELP_WORDS, LIST_WORDS, OVERVIEW_WORDS } from './vocabulary.js';

export type Intent =
  | { readonly kind: 'category'; readonly id: CategoryId }
  | { readonly kind: 'list' | 'overview' | 'help' };

const PRIORITY = ['category', 'list', 'overview', 'help'] as const;

export type IntentIndex = ReturnType<typeof phraseTable<Intent>>;

export function buildIntentIndex(categories: readonly Category[]): IntentIndex {
  const entries: [string, Intent][] = [];
  for (const c of categories)
    for (const w of c.words) entries.push([normalize(w), { kind: 'category', id: c.id }]);
  for (const w of LIST_WORDS) entries.push([w, { kind: 'list' }]);
  for (const w of OVERVIEW_WORDS) entries.push([w, { kind: 'overview' }]);
  for (const w of HELP_WORDS) entries.push([w, { kind: 'help' }]);
  return phraseTable(entries);
}

/** What a question without any service asks for: a category, the list, the model or help. */
export function findIntent(index: IntentIndex, tokens: readonly string[]): Intent | undefined {
  const hits = scanPhrases(tokens, index, (w) => index.map.get(w.join(' ')));
  for (const kind of PRIORITY) {
    const hit = hits.find((h) => h.value.kind === kind);
    if (hit) return hit.value;
  }
  return undefined;
}
