export { createEngine, type Engine } from './engine.js';
export type { Answer, AnswerKind, CategoryGroup, ModelAnswer, NoMatchReason, TopicAnswer } from './types.js';
export type { OutOfScopeReason } from './vocabulary.js';
