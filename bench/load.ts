// `npm run bench:load`: srm-bot as `npm start` runs it (built, HTTP mode) against bare Bolt, each in
// its own process, driven alternately in the same run with signed slash commands drawn from every
// labelled question, at 10, 20 and 50 connections. A stand-in Slack on loopback answers auth.test
// and counts what reaches each response_url, so lost and doubled answers show. Prints figures and
// whether the targets of the hardening issue are met; asserts nothing. BENCH_REQUESTS (per run,
// default 2000), BENCH_ROUNDS (default 3) and BENCH_NO_BUILD=1 (use the dist/ already built) tune it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/engine/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { KNOWLEDGE_DIR } from '../src/paths.js';
import { renderBlocks, withShareButton } from '../src/render/blocks/index.js';
import {
  IN_SCOPE_BOUNDARY,
  MODE_TASKS,
  MODEL,
  NO_SERVICE,
  OUT_OF_SCOPE,
} from '../test/fixtures/labelled-general.js';
import { LABELLED } from '../test/fixtures/labelled-queries.js';
import { freePort, SIGNING_SECRET, sign, slashCommandBody } from '../test/support/signed.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Node's arguments exactly as `npm start` gives them ("node <flags> dist/main.js"). */
const START_ARGS = (
  JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(' ')
  .slice(1);
const LEVELS = [10, 20, 50];
const PER_RUN = Number(process.env.BENCH_REQUESTS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const queries = [
  ...LABELLED,
  ...NO_SERVICE,
  ...MODEL,
  ...OUT_OF_SCOPE,
  ...IN_SCOPE_BOUNDARY,
  ...MODE_TASKS,
].map((l) => l.q);

/** srm-bot's median /srm answer (with its Share button), in bytes of the response_url JSON: the size the bare app answers with. */
function medianReplyBytes(): number {
  const engine = createEngine(loadKnowledge(KNOWLEDGE_DIR));
  const sizes = queries
    .map((q) =>
      Buffer.byteLength(
        JSON.stringify({
          response_type: 'ephemeral',
          ...withShareButton(renderBlocks(engine.ask(q), engine.knowledge), q),
        }),
      ),
    )
    .sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}

/** Stand-in Slack: auth.test, and response_url posts counted by id. */
async function startSlack() {
  const received = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const path = req.url ?? '';
      if (path.startsWith('/respond/')) {
        const id = path.slice('/respond/'.length);
        received.set(id, (received.get(id) ?? 0) + 1);
        res.end('{"ok":true}');
      } else if (path.includes('auth.test')) {
        res.end('{"ok":true,"user_id":"UBOT","bot_id":"BBOT","team_id":"T1","team":"Bench"}');
      } else {
        res.end('{"ok":true}');
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => server.close() };
}

interface Running {
  readonly name: string;
  readonly port: number;
  readonly child: ChildProcess;
}

async function waitReady(port: number, child: ChildProcess, name: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200 || res.status === 404) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${name} did not start`);
}

async function startSrm(slackUrl: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/srmprof'] : []), ...START_ARGS],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_APP_TOKEN: '',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        PORT: String(port),
        SLACK_API_URL: `${slackUrl}/api/`,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await waitReady(port, child, 'srm-bot');
  return { name: 'srm-bot', port, child };
}

async function startBare(slackUrl: string, bytes: number): Promise<Running> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/bareprof'] : []),
      'bench/bare-bolt.mjs',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        PORT: String(port),
        SLACK_API_URL: `${slackUrl}/api/`,
        REPLY_BYTES: String(bytes),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  return { name: 'bare Bolt', port, child };
}

/** CPU time (user + system) the process has used, in ms, from /proc (10 ms ticks). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

interface Result {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  rss: number;
  /** CPU of the app's process per request, µs: the ack and the answer posted to response_url. */
  cpuUs: number;
  lost: number;
  doubled: number;
  failed: number;
}

let runs = 0;
async function drive(
  app: Running,
  slack: Awaited<ReturnType<typeof startSlack>>,
  total: number,
  concurrency: number,
) {
  const run = `r${runs++}`;
  const url = `http://127.0.0.1:${app.port}/slack/events`;
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const cpuBefore = cpuMs(app.child.pid as number);
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const body = slashCommandBody(
        queries[i % queries.length] as string,
        `${slack.url}/respond/${run}-${i}`,
      );
      const ts = Math.floor(Date.now() / 1000);
      const t = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': sign(body, ts),
        },
        body,
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (res.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  // Answers go out after the ack: wait until every one has arrived, or 10 s.
  const until = Date.now() + 10_000;
  const count = () => [...Array(total).keys()].filter((i) => slack.received.has(`${run}-${i}`)).length;
  while (count() < total && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  const cpuUs = ((cpuMs(app.child.pid as number) - cpuBefore) * 1000) / total;
  const got = [...Array(total).keys()].map((i) => slack.received.get(`${run}-${i}`) ?? 0);
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    rps: total / seconds,
    p50: q(0.5),
    p99: q(0.99),
    max: latencies[latencies.length - 1] ?? 0,
    rss: rssMb(app.child.pid as number),
    cpuUs,
    lost: got.filter((n) => n === 0).length,
    doubled: got.filter((n) => n > 1).length,
    failed,
  } satisfies Result;
}

/**
 * 1,000 connections that each send an unsigned POST declaring a 4 MB body and then hold back the
 * rest: the server's RSS before and after, and how many were refused (401) and closed by the
 * server within two seconds. The sockets read, or a closed connection would go unnoticed.
 */
async function heldConnections(app: Running): Promise<void> {
  const before = rssMb(app.child.pid as number);
  let refused = 0;
  let closed = 0;
  const sockets = Array.from({ length: 1000 }, () => {
    const socket = connect(app.port, '127.0.0.1', () => {
      socket.write(
        'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4194304\r\n\r\n',
      );
      socket.write('x'.repeat(64 * 1024));
    });
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      if (head.length < 12) head += chunk.toString('latin1');
    });
    socket.on('close', () => {
      closed++;
      if (head.startsWith('HTTP/1.1 401')) refused++;
    });
    socket.on('error', () => {});
    return socket;
  });
  await new Promise((r) => setTimeout(r, 2000));
  const after = rssMb(app.child.pid as number);
  console.log(
    `1,000 held unsigned 4 MB uploads: RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after; ` +
      `within 2 s ${refused} refused with 401 and ${closed} closed by the server`,
  );
  for (const s of sockets) s.destroy();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  if (!process.env.BENCH_NO_BUILD)
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const bytes = medianReplyBytes();
  const slack = await startSlack();
  const srm = await startSrm(slack.url);
  const bare = await startBare(slack.url, bytes);
  console.log(
    `srm-bot vs bare Bolt on Node ${process.version}, ${queries.length} different questions, ` +
      `bare reply ${bytes} bytes (srm-bot's median), ${PER_RUN} signed /srm per run, ${ROUNDS} alternating rounds`,
  );
  for (const app of [srm, bare]) await drive(app, slack, 3000, 20); // warm-up: JIT and caches
  console.log(
    'conns  app         req/s    p50 ms   p99 ms   max ms   RSS MB   CPU µs/req   lost  doubled  non-200',
  );
  const verdicts: string[] = [];
  for (const conns of LEVELS) {
    const results = new Map<string, Result[]>([
      [srm.name, []],
      [bare.name, []],
    ]);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [srm, bare] : [bare, srm];
      for (const app of order) results.get(app.name)?.push(await drive(app, slack, PER_RUN, conns));
    }
    const summary = (name: string) => {
      const rs = results.get(name) as Result[];
      return {
        rps: median(rs.map((r) => r.rps)),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
        max: Math.max(...rs.map((r) => r.max)),
        rss: Math.max(...rs.map((r) => r.rss)),
        cpuUs: median(rs.map((r) => r.cpuUs)),
        lost: rs.reduce((n, r) => n + r.lost, 0),
        doubled: rs.reduce((n, r) => n + r.doubled, 0),
        failed: rs.reduce((n, r) => n + r.failed, 0),
      };
    };
    const s = summary(srm.name);
    const b = summary(bare.name);
    for (const [name, r] of [
      [srm.name, s],
      [bare.name, b],
    ] as const)
      console.log(
        `${String(conns).padEnd(6)} ${name.padEnd(10)} ${r.rps.toFixed(0).padStart(6)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${r.rss.toFixed(0).padStart(8)} ${r.cpuUs.toFixed(0).padStart(12)} ${String(r.lost).padStart(6)} ${String(r.doubled).padStart(8)} ${String(r.failed).padStart(8)}`,
      );
    console.log(
      `       ratio      ${(s.rps / b.rps).toFixed(2)}× requests/s, ${(s.rss / b.rss).toFixed(2)}× RSS, ${(s.cpuUs / b.cpuUs).toFixed(2)}× CPU per request`,
    );
    if (conns === 20)
      verdicts.push(
        `requests/s ≥ 0.9 × bare Bolt: ${(s.rps / b.rps).toFixed(2)} ${s.rps / b.rps >= 0.9 ? 'met' : 'NOT met'}`,
        `p99 ≤ 50 ms: ${s.p99.toFixed(1)} ms ${s.p99 <= 50 ? 'met' : 'NOT met'}`,
        `nothing lost or doubled: ${s.lost} lost, ${s.doubled} doubled ${s.lost + s.doubled === 0 ? 'met' : 'NOT met'}`,
        `RSS ≤ 1.3 × bare Bolt: ${(s.rss / b.rss).toFixed(2)} ${s.rss / b.rss <= 1.3 ? 'met' : 'NOT met'}`,
      );
  }
  console.log('targets at 20 connections:');
  for (const v of verdicts) console.log(`  ${v}`);
  await heldConnections(srm);
  srm.child.kill('SIGTERM');
  bare.child.kill('SIGTERM');
  slack.close();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
