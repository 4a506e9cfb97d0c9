// AWS Lambda entry point (deploy/aws-lambda/): `handler`, behind a Function URL or an HTTP API.
// Everything is built once per cold start, on the first request (the secrets extension answers
// only once the function is invoked); a failed build is retried on the next request.
import { readConfig } from './config/env.js';
import { createEngine } from './engine/index.js';
import { readCompiled } from './knowledge/compiled.js';
import { loadKnowledge } from './knowledge/load.js';
import { createLogger } from './logging/logger.js';
import { COMPILED_KNOWLEDGE, KNOWLEDGE_DIR } from './paths.js';
import { createSlackApp } from './slack/app.js';
import { createHealth } from './slack/health.js';
import {
  createLambdaHandler,
  type HttpEvent,
  type HttpResult,
  type LambdaHandler,
} from './slack/lambda/handler.js';
import { withSecrets } from './slack/lambda/secrets.js';
import { checkToken } from './slack/startup.js';
import { openStore } from './store/index.js';

/** Start-up gives Slack this long to answer auth.test: a cold start must still answer within 3 s. */
const REACH_SLACK_FOR_MS = 1_500;

export async function buildHandler(
  env: Record<string, string | undefined> = process.env,
): Promise<LambdaHandler> {
  const started = performance.now();
  const result = readConfig(await withSecrets({ env, timeoutMs: 1_000 }));
  if (!result.ok) throw new Error(`srm-bot cannot start: ${result.errors.join(' ')}`);
  const { config } = result;
  if (!config.signingSecret)
    throw new Error('srm-bot cannot start: SLACK_SIGNING_SECRET is required on Lambda.');
  if (!config.botToken)
    throw new Error(
      'srm-bot cannot start: on Lambda it serves one workspace (SLACK_BOT_TOKEN); the install flow is not served from Lambda.',
    );
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const loading = performance.now();
  const compiled = readCompiled(KNOWLEDGE_DIR, COMPILED_KNOWLEDGE);
  const engine = createEngine(loadKnowledge(KNOWLEDGE_DIR, { compiled }));
  const knowledgeMs = performance.now() - loading;
  const identity = await checkToken({
    token: config.botToken,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    timeoutMs: Math.min(config.slackTimeoutMs, REACH_SLACK_FOR_MS),
    giveUpMs: REACH_SLACK_FOR_MS,
    logger,
  });
  const health = createHealth();
  // Handled events in this instance's memory, or shared by every instance with DATABASE_URL.
  const store = await openStore({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    timeoutMs: REACH_SLACK_FOR_MS,
  });
  const slack = createSlackApp({ config, engine, logger, health, identity, store, lambda: true });
  if (!slack.lambdaReceiver) throw new Error('srm-bot cannot start: the Lambda receiver was not built.');
  health.ready = true;
  logger.event('info', 'ready', {
    mode: 'lambda',
    services: engine.knowledge.services.length,
    knowledge: compiled ? 'compiled' : 'yaml',
    knowledge_ms: Math.round(knowledgeMs),
    ms: Math.round(performance.now() - started),
  });
  return createLambdaHandler({ signingSecret: config.signingSecret, logger, receiver: slack.lambdaReceiver });
}

let built: Promise<LambdaHandler> | undefined;

export async function handler(event: HttpEvent, context: unknown): Promise<HttpResult> {
  built ??= buildHandler().catch((err: unknown) => {
    built = undefined;
    throw err;
  });
  let handle: LambdaHandler;
  try {
    handle = await built;
  } catch (err) {
    // Slack retries an event it could not deliver; a slash command shows its own error.
    console.error(
      JSON.stringify({
        level: 'error',
        event: 'startup_failed',
        error: err instanceof Error ? err.message : String(err),
      }),
    );
    return { statusCode: 503, body: '' };
  }
  return handle(event, context);
}
