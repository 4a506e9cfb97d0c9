// `npm start`: load .env, validate config and knowledge, then serve Slack.
import dotenv from 'dotenv';
import { readConfig } from './config/env.js';
import { createEngine } from './engine/index.js';
import { KnowledgeError } from './knowledge/fields.js';
import { loadKnowledge } from './knowledge/load.js';
import { KNOWLEDGE_DIR } from './paths.js';
import { createSlackApp } from './slack/app.js';

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const result = readConfig(process.env);
  if (!result.ok) {
    console.error(`srm-bot cannot start:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  const started = performance.now();
  let engine: ReturnType<typeof createEngine>;
  try {
    engine = createEngine(loadKnowledge(KNOWLEDGE_DIR));
  } catch (err) {
    console.error(err instanceof KnowledgeError ? `srm-bot cannot start: ${err.message}` : err);
    process.exit(1);
  }
  const { config } = result;
  const app = createSlackApp({ config, engine });
  process.on('unhandledRejection', (reason) => app.logger.error(`unhandled rejection: ${String(reason)}`));
  await (config.appToken ? app.start() : app.start(config.port));
  const ms = (performance.now() - started).toFixed(0);
  const where = config.appToken ? 'Socket Mode' : `HTTP on port ${config.port} at /slack/events`;
  app.logger.info(
    `srm-bot is running (${where}); ${engine.knowledge.services.length} services; ready in ${ms} ms`,
  );
}

main().catch((err) => {
  console.error(`srm-bot stopped: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
