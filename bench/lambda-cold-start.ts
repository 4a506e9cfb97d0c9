// The Lambda handler's cold start, as `npm run package:lambda` packages it: a fresh Node process
// in the package folder (production dependencies only) imports dist/lambda.js, then answers a
// signed /srm (config, knowledge load, auth.test against a local fake Slack, the answer), then a
// second one warm. Slack's own round trip is not in these figures; on Lambda add the runtime's
// start and the network.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAMBDA_BUILD, packageLambda } from '../deploy/aws-lambda/package.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { functionUrlEvent } from '../test/support/lambda-events.js';
import { SIGNING_SECRET, slashCommandBody } from '../test/support/signed.js';

const CHILD = `
const t0 = performance.now();
const m = await import(process.cwd() + '/dist/lambda.js');
const t1 = performance.now();
const events = JSON.parse(require('node:fs').readFileSync(process.env.EVENTS, 'utf8'));
const a = await m.handler(events[0], {});
const t2 = performance.now();
const b = await m.handler(events[1], {});
const t3 = performance.now();
console.error(JSON.stringify({ figures: { boot: t0, import: t1 - t0, first: t2 - t1, warm: t3 - t2, status: [a.statusCode, b.statusCode] } }));
`;

interface Figures {
  boot: number;
  import: number;
  first: number;
  warm: number;
  knowledge: number;
  status: number[];
}

async function once(fakeUrl: string, responseUrl: string): Promise<Figures> {
  const form = { contentType: 'application/x-www-form-urlencoded', base64: true } as const;
  const events = [
    functionUrlEvent(slashCommandBody('who patches the os on rds', responseUrl), form),
    functionUrlEvent(slashCommandBody('s3 encryption', responseUrl), form),
  ];
  const file = join(LAMBDA_BUILD, '.bench-events.json');
  writeFileSync(file, JSON.stringify(events));
  const child = spawn(process.execPath, ['--input-type=commonjs', '-e', `(async () => {${CHILD}})()`], {
    cwd: LAMBDA_BUILD,
    env: {
      PATH: process.env.PATH ?? '',
      EVENTS: file,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fakeUrl,
      LOG_FORMAT: 'json',
      NODE_ENV: 'production',
    },
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  await new Promise((r) => child.on('exit', r));
  const lines = out.split('\n').filter((l) => l.startsWith('{'));
  const figures = lines.map((l) => JSON.parse(l)).find((o) => o.figures)?.figures;
  const ready = lines.map((l) => JSON.parse(l)).find((o) => o.event === 'ready');
  if (!figures || !ready) throw new Error(`cold start run failed:\n${out}`);
  return { ...figures, knowledge: ready.knowledge_ms };
}

export async function lambdaColdStart(runs = 7): Promise<void> {
  packageLambda();
  const fake = await startFakeSlack();
  try {
    const all: Figures[] = [];
    for (let i = 0; i < runs; i++) all.push(await once(fake.apiUrl, fake.responseUrl('bench')));
    const bad = all.find((f) => f.status.some((s) => s !== 200));
    if (bad) throw new Error(`a cold start answered HTTP ${bad.status.join(', ')}`);
    const median = (k: keyof Omit<Figures, 'status'>) => {
      const s = all.map((f) => f[k]).sort((x, y) => x - y);
      return (s[Math.floor(s.length / 2)] ?? 0).toFixed(0).padStart(4);
    };
    console.log(
      `Lambda cold start, median of ${runs} fresh processes (package from npm run package:lambda):`,
    );
    console.log(`  node start to handler import  ${median('boot')} ms`);
    console.log(`  import dist/lambda.js         ${median('import')} ms`);
    console.log(
      `  first answer (cold)           ${median('first')} ms, of which knowledge load ${median('knowledge')} ms`,
    );
    console.log(`  second answer (warm)          ${median('warm')} ms`);
  } finally {
    await fake.close();
  }
}

if (process.argv[1]?.endsWith('lambda-cold-start.ts')) await lambdaColdStart();
