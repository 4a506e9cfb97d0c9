import type { Control } from '../knowledge/types.js';
import { aliasKey } from '../text/normalize.js';
import { type PhraseTable, phraseTable, scanTable } from './phrases.js';

/** The parts of the model a question can name: "inherited controls", "security of the cloud". */
export type ControlIndex = PhraseTable<Control>;

export function buildControlIndex(controls: readonly Control[]): ControlIndex {
  return phraseTable(controls.flatMap((c) => c.words.map((w): [string, Control] => [aliasKey(w), c])));
}

/** The one part of the model the question names; a question naming two is about the whole model. */
export function findControl(
  index: ControlIndex,
  tokens: readonly string[],
  skip: ReadonlySet<number>,
): Control | undefined {
  const parts = new Set(scanTable(tokens, index, skip).map((h) => h.value));
  return parts.size === 1 ? [...parts][0] : undefined;
}
