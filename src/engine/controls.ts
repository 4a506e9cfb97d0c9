import type { Control } from '../knowledge/types.js';
import { tokenize } from '../text/normalize.js';
import { type PhraseTable, phraseTable, scanTable } from './phrases.js';

/** The parts of the model a question can name: "inherited controls", "security of the cloud". */
export type ControlIndex = PhraseTable<Control>;

// Keyed with "aws"/"amazon" kept, unlike service and topic words: "what is aws responsible for"
// asks about AWS's half, and the question is scanned as spoken.
export function buildControlIndex(controls: readonly Control[]): ControlIndex {
  return phraseTable(
    controls.flatMap((c) => c.words.map((w): [string, Control] => [tokenize(w).join(' '), c])),
  );
}

/**
 * Every part of the model the question names, once each (two or more mean the whole model), and
 * how many words of the question name them.
 */
export function controlsNamed(index: ControlIndex, spoken: readonly string[], skip: ReadonlySet<number>) {
  const hits = scanTable(spoken, index, skip);
  return {
    parts: [...new Set(hits.map((h) => h.value))],
    words: hits.reduce((n, h) => n + h.end - h.start, 0),
  };
}
