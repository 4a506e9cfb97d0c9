// `npm run bench`: start-up time, time per answer (engine and Block Kit), and how fast the Slack
// app acknowledges slash commands under concurrent load. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/engine/index.js';
import { compileKnowledge, readCompiled } from '../src/knowledge/compiled.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { KNOWLEDGE_DIR } from '../src/paths.js';
import { renderBlocks } from '../src/render/blocks/index.js';
import { LABELLED } from '../test/fixtures/labelled-queries.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { postSigned, slashCommandBody } from '../test/support/signed.js';
import { lambdaColdStart } from './lambda-cold-start.js';

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const fmt = (n: number, unit: string) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ${unit}`;

function summary(label: string, samples: number[], unit: string): void {
  const s = [...samples].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} n=${String(s.length).padEnd(6)} median ${fmt(quantile(s, 0.5), unit).padEnd(10)} p99 ${fmt(quantile(s, 0.99), unit).padEnd(10)} max ${fmt(s[s.length - 1] ?? 0, unit)}`,
  );
}

function startup(): void {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    createEngine(loadKnowledge(KNOWLEDGE_DIR));
    times.push(performance.now() - t);
  }
  summary('start-up (load + validate + index)', times, 'ms');
  // As `npm start` loads it: from the file `npm run build` compiles (YAML parsed once, at build).
  const out = join(mkdtempSync(join(tmpdir(), 'srm-bench-')), 'knowledge.json');
  compileKnowledge(KNOWLEDGE_DIR, out);
  const compiled: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    createEngine(loadKnowledge(KNOWLEDGE_DIR, { compiled: readCompiled(KNOWLEDGE_DIR, out) }));
    compiled.push(performance.now() - t);
  }
  summary('start-up from the compiled file', compiled, 'ms');
}

function answers(): void {
  const engine = createEngine(loadKnowledge(KNOWLEDGE_DIR));
  const queries = LABELLED.map((l) => l.q);
  for (const q of queries) renderBlocks(engine.ask(q), engine.knowledge); // warm-up
  const ask: number[] = [];
  const full: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      const a = engine.ask(q);
      const t1 = performance.now();
      renderBlocks(a, engine.knowledge);
      const t2 = performance.now();
      ask.push((t1 - t0) * 1000);
      full.push((t2 - t0) * 1000);
    }
  }
  summary('engine.ask (labelled queries)', ask, 'µs');
  summary('ask + Block Kit render', full, 'µs');
  const hostile = [
    `<!channel> ${'x'.repeat(20_000)}`,
    'lambda '.repeat(3000),
    'qwertyuiop asdfghjkl zxcvbnm '.repeat(40),
  ];
  const h: number[] = [];
  for (let i = 0; i < 200; i++)
    for (const q of hostile) {
      const t = performance.now();
      renderBlocks(engine.ask(q), engine.knowledge);
      h.push((performance.now() - t) * 1000);
    }
  summary('hostile input (20 kB, junk)', h, 'µs');
}

async function ackUnderLoad(total: number, concurrency: number): Promise<void> {
  const fake = await startFakeSlack();
  const server = fileURLToPath(new URL('../test/support/app-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', server, fake.apiUrl], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const port = Number((await lines.next()).value);
  // The server logs one line per answer with its own work (engine + render) in µs.
  const work: number[] = [];
  void (async () => {
    for (let line = await lines.next(); !line.done; line = await lines.next()) {
      const m = /"event":"reply".*"work_us":(\d+)/.exec(line.value);
      if (m) work.push(Number(m[1]));
    }
  })();
  const url = `http://127.0.0.1:${port}/slack/events`;
  const queries = LABELLED.map((l) => l.q);
  const acks: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const body = slashCommandBody(queries[i % queries.length] as string, fake.responseUrl(String(i)));
      const t = performance.now();
      const res = await postSigned(url, body, { contentType: 'application/x-www-form-urlencoded' });
      acks.push(performance.now() - t);
      if (res.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const delivered = (await fake.waitForReplies(total, 30_000)).length;
  const seconds = (performance.now() - started) / 1000;
  summary(`slash command ack (${concurrency} at once)`, acks, 'ms');
  summary('  engine + render inside the server', work, 'µs');
  console.log(
    `  ${total} commands in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s), ${failed} non-200 acks, ${delivered} answers delivered`,
  );
  child.stdin?.end();
  await fake.close();
}

async function main(): Promise<void> {
  console.log(`srm-bot benchmarks on Node ${process.version}`);
  startup();
  answers();
  await ackUnderLoad(2000, 10);
  await ackUnderLoad(2000, 50);
  await lambdaColdStart();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
