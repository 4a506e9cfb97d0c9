// `npm run ask -- <question>`: answers in the terminal; `--json` prints one JSON object per question
// (or per line of standard input when no question is given).
import { createInterface } from 'node:readline';
import { createEngine } from './engine/index.js';
import { KnowledgeError } from './knowledge/fields.js';
import { loadKnowledge } from './knowledge/load.js';
import { KNOWLEDGE_DIR } from './paths.js';
import { toJson } from './render/json.js';
import { renderTerminal } from './render/terminal/index.js';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const question = argv.filter((a) => a !== '--json').join(' ');
  let engine: ReturnType<typeof createEngine>;
  try {
    engine = createEngine(loadKnowledge(KNOWLEDGE_DIR));
  } catch (err) {
    console.error(err instanceof KnowledgeError ? err.message : err);
    return 1;
  }
  if (!json) {
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    console.log(renderTerminal(engine.ask(question), engine.knowledge, { color }));
    return 0;
  }
  if (question.trim() !== '') {
    process.stdout.write(`${JSON.stringify(toJson(engine.ask(question)))}\n`);
    return 0;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    process.stdout.write(`${JSON.stringify(toJson(engine.ask(line)))}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
