// Child process of bench/run.ts: the Slack app alone in HTTP mode, pointed at the parent's fake Slack
// API (argv[2]), so that neither the load generator nor the fake shares the app's event loop.
// Prints its port when ready and stops when standard input closes.
import { LogLevel } from '@slack/bolt';
import { createEngine } from '../src/engine/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLogger } from '../src/logging/logger.js';
import { KNOWLEDGE_DIR } from '../src/paths.js';
import { createSlackApp } from '../src/slack/app.js';
import { createHealth } from '../src/slack/health.js';
import { memoryStore } from '../src/store/memory.js';
import { freePort, SIGNING_SECRET } from '../test/support/signed.js';

const apiUrl = process.argv[2] as string;
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
  engine: createEngine(loadKnowledge(KNOWLEDGE_DIR)),
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
