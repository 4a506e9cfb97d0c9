// `npm run bench:sizes`: how big default answers are on screen (blocks and visible characters,
// the budget is about one phone screen: ≤ 6 blocks, ≤ 1,200 characters). Prints figures.
import { createEngine } from '../src/engine/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { KNOWLEDGE_DIR } from '../src/paths.js';
import { renderBlocks } from '../src/render/blocks/index.js';
import { visibleText } from '../src/render/blocks/limits.js';

const engine = createEngine(loadKnowledge(KNOWLEDGE_DIR));
const QUESTIONS = [
  's3',
  'ec2',
  'lambda',
  'who patches rds',
  'ecs fargate patching',
  "is configuration management our job or AWS's?",
  'what is the shared responsibility model',
  'compare ec2 rds lambda',
  'compare ec2 rds lambda patching',
  'list',
  'help',
];
console.log(`${'question'.padEnd(48)} kind          blocks  visible chars`);
for (const q of QUESTIONS) {
  const a = engine.ask(q);
  const m = renderBlocks(a, engine.knowledge);
  console.log(
    `${q.padEnd(48)} ${a.kind.padEnd(13)} ${String(m.blocks.length).padStart(6)}  ${String(visibleText(m).length).padStart(13)}`,
  );
}
