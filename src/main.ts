// `npm start`: load .env, validate config and knowledge, check the token, serve Slack, and on
// SIGTERM/SIGINT finish the answers in flight before exiting.
import type { Server } from 'node:http';
import dotenv from 'dotenv';
import { type Config, readConfig } from './config/env.js';
import { createEngine } from './engine/index.js';
import { readCompiled } from './knowledge/compiled.js';
import { KnowledgeError } from './knowledge/fields.js';
import { loadKnowledge } from './knowledge/load.js';
import { type AppLogger, createLogger } from './logging/logger.js';
import { COMPILED_KNOWLEDGE, KNOWLEDGE_DIR } from './paths.js';
import { createSlackApp } from './slack/app.js';
import { createHealth, startHealthServer } from './slack/health.js';
import { installerFor, installRoutes } from './slack/install/installer.js';
import { drainAndStop } from './slack/shutdown.js';
import { checkToken, TokenRejected } from './slack/startup.js';
import { openStore, type Store } from './store/index.js';

/** How long start-up keeps trying to reach Slack (or the database) before it gives up. */
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

  const fail = (err: unknown, fields: Record<string, unknown> = {}): never => {
    const why = err instanceof Error ? err.message : String(err);
    logger.event('error', 'startup_failed', { error: why, ...fields });
    console.error(`srm-bot cannot start: ${why}`);
    process.exit(1);
  };

  // Installations (many workspaces) and handled events: PostgreSQL, SQLite or memory.
  const store = await openStoreWithRetry(config, logger).catch((err: unknown) => fail(err, { store: true }));
  const installer = installerFor(config, store.installations, logger);

  // The health endpoints (and the install flow's routes) answer from the start, in both modes.
  let healthServer: Server | undefined;
  if (config.appToken)
    healthServer = await startHealthServer(
      health,
      config.port,
      installer && installRoutes(installer, logger),
    );

  // One workspace: its token must work before we say ready. Many: each installation brings its own.
  const identity = config.botToken
    ? await checkToken({
        token: config.botToken,
        ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
        timeoutMs: config.slackTimeoutMs,
        giveUpMs: REACH_SLACK_FOR_MS,
        logger,
      }).catch((err: unknown) => fail(err, { token_rejected: err instanceof TokenRejected }))
    : undefined;

  const slack = createSlackApp({
    config,
    engine,
    logger,
    health,
    store,
    ...(identity ? { identity } : {}),
    ...(installer ? { installer } : {}),
  });
  await (config.appToken ? slack.app.start() : slack.app.start(config.port));
  health.ready = true;
  logger.event('info', 'ready', {
    mode: config.appToken ? 'socket' : 'http',
    workspaces: installer ? 'many' : 'one',
    store: store.kind,
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
    await store.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * Opens the store; an unreachable database is tried again with backoff for a bounded time (a
 * replica may start before its database), a refused one (bad password, bad schema) fails at once.
 */
async function openStoreWithRetry(config: Config, logger: AppLogger): Promise<Store> {
  const choice = {
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    // SQLite only where installations must be kept: one workspace needs no files.
    ...(config.oauth && !config.databaseUrl ? { dataDir: config.dataDir } : {}),
    timeoutMs: config.slackTimeoutMs,
    onError: (err: Error) => logger.event('warn', 'database_connection_lost', { error: err.message }),
  };
  const started = Date.now();
  for (let wait = 500; ; wait = Math.min(wait * 2, 8_000)) {
    try {
      return await openStore(choice);
    } catch (err) {
      const code = (err as { code?: string }).code;
      const unreachable =
        code === 'ECONNREFUSED' ||
        code === 'ENOTFOUND' ||
        code === 'ETIMEDOUT' ||
        code === '57P03' ||
        /timeout/i.test(String(err));
      if (!unreachable || Date.now() - started + wait > REACH_SLACK_FOR_MS) throw err;
      logger.event('warn', 'database_unreachable', {
        error: err instanceof Error ? err.message : String(err),
        retry_in_ms: wait,
      });
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

main().catch((err) => {
  console.error(`srm-bot stopped: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
