export { createEngine, type Engine } from './engine.js';
export type { Answer, AnswerKind, CategoryGroup, NoMatchReason, TopicAnswer } from './types.js';
