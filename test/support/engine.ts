import { join } from 'node:path';
import { createEngine, type Engine } from '../../src/engine/index.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

export const KNOWLEDGE_DIR = join(__dirname, '..', '..', 'knowledge');

let cached: Engine | undefined;

/** The engine over the real knowledge/, built once per test file. */
export function realEngine(): Engine {
  cached ??= createEngine(loadKnowledge(KNOWLEDGE_DIR));
  return cached;
}
