// `npm start`: load .env, validate config and knowledge, check the token, serve Slack, and on
// SIGTERM/SIGINT finish the answers in flight before exiting.
import type { Server } from 'node:http';
import dotenv from 'dotenv';
import { readConfig } from './config/env.js';
import { createEngine } from './engine/index.js';
import { readCompiled } from './knowledge/compiled.js';
import { KnowledgeError } from './knowledge/fields.js';
import { loadKnowledge } from './knowledge/load.js';
import { createLogger } from './logging/logger.js';
import { COMPILED_KNOWLEDGE, KNOWLEDGE_DIR } from './paths.js';
import { createSlackApp } from './slack/app.js';
import { createHealth, startHealthServer } from './slack/health.js';
import { drainAndStop } from './slack/shutdown.js';
import { checkToken, TokenRejected } from './slack/startup.js';

/** How long start-up keeps trying to reach Slack before it gives up. */
const REACH_SLACK_FOR_MS = 60_000;

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const result = readConfig(process.env);
  if (!result.ok) {
    console.error(`srm-bot cannot start:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  const { config } = result;
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const health = createHealth();
  const started = performance.now();
  let engine: ReturnType<typeof createEngine>;
  try {
    engine = createEngine(
      loadKnowledge(KNOWLEDGE_DIR, { compiled: readCompiled(KNOWLEDGE_DIR, COMPILED_KNOWLEDGE) }),
    );
  } catch (err) {
    console.error(err instanceof KnowledgeError ? `srm-bot cannot start: ${err.message}` : err);
    process.exit(1);
  }
  process.on('unhandledRejection', (reason) =>
    logger.event('error', 'unhandled_rejection', { error: String(reason) }),
  );

  // The health endpoints answer from the start (not ready yet), in both modes.
  let healthServer: Server | undefined;
  if (config.appToken) healthServer = await startHealthServer(health, config.port);

  let identity: Awaited<ReturnType<typeof checkToken>>;
  try {
    identity = await checkToken({
      token: config.botToken,
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      timeoutMs: config.slackTimeoutMs,
      giveUpMs: REACH_SLACK_FOR_MS,
      logger,
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    logger.event('error', 'startup_failed', { error: why, token_rejected: err instanceof TokenRejected });
    console.error(`srm-bot cannot start: ${why}`);
    process.exit(1);
  }

  const slack = createSlackApp({ config, engine, logger, health, identity });
  await (config.appToken ? slack.app.start() : slack.app.start(config.port));
  health.ready = true;
  logger.event('info', 'ready', {
    mode: config.appToken ? 'socket' : 'http',
    port: config.port,
    services: engine.knowledge.services.length,
    ms: Math.round(performance.now() - started),
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.event('info', 'signal', { signal });
    await drainAndStop(slack, health, config.drainSeconds * 1000, logger);
    healthServer?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(`srm-bot stopped: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
