export { createEngine, type Engine, MAX_COMPARE } from './engine.js';
export type { Answer, AnswerKind, CategoryGroup, NoMatchReason, TopicAnswer } from './types.js';
