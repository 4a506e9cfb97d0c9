// A child process of bench/run.ts and of tests: the Slack app alone in HTTP mode, pointed at the
// parent's fake Slack API (argv[2]), so that neither the load generator nor the fake shares the
// app's event loop. With argv[3], every question keeps the engine busy for that many ms, to see
// what waits on it. Prints its port when ready and stops when standard input closes.
import { LogLevel } from '@slack/bolt';
import { createEngine, type Engine } from '../../src/engine/index.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createLogger } from '../../src/logging/logger.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createHealth } from '../../src/slack/health.js';
import { memoryStore } from '../../src/store/memory.js';
import { freePort, SIGNING_SECRET } from './signed.js';

const apiUrl = process.argv[2] as string;
const busyMs = Number(process.argv[3] ?? 0);
const real = createEngine(loadKnowledge(KNOWLEDGE_DIR));
const engine: Engine = busyMs
  ? {
      ...real,
      ask: (q) => {
        const until = performance.now() + busyMs;
        while (performance.now() < until);
        return real.ask(q);
      },
    }
  : real;
const port = await freePort();
// Info lines (one per answer, with its work_us) go to standard output for bench/run.ts to read.
const logger = createLogger({ level: LogLevel.INFO, format: 'json' });
const { app } = createSlackApp({
  config: {
    botToken: 'xoxb-bench',
    dataDir: 'data',
    signingSecret: SIGNING_SECRET,
    port,
    slackApiUrl: apiUrl,
    logLevel: LogLevel.INFO,
    logFormat: 'json',
    slackTimeoutMs: 5000,
    drainSeconds: 8,
  },
  engine,
  store: memoryStore(),
  logger,
  health: createHealth(),
  identity: { botId: 'BBOT', botUserId: 'UBOT', team: 'T1' },
});
await app.start(port);
process.stdout.write(`${port}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await app.stop();
  process.exit(0);
});
