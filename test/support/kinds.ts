import type { AnswerKind } from '../../src/engine/index.js';

/** Every kind of answer the engine gives; the type check fails if one is added to the engine and not here. */
const ALL = {
  help: true,
  overview: true,
  list: true,
  category: true,
  service: true,
  topic: true,
  compare: true,
  no_match: true,
  model_topic: true,
  out_of_scope: true,
  not_covered: true,
} satisfies Record<AnswerKind, true>;

export const ANSWER_KINDS: ReadonlySet<string> = new Set(Object.keys(ALL));
