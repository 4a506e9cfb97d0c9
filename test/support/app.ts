import { LogLevel } from '@slack/bolt';
import type { Config, OAuthConfig } from '../../src/config/env.js';
import type { Engine } from '../../src/engine/index.js';
import { type AppLogger, createLogger } from '../../src/logging/logger.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../src/slack/app.js';
import { createHealth, type Health } from '../../src/slack/health.js';
import { installerFor } from '../../src/slack/install/installer.js';
import type { Store } from '../../src/store/index.js';
import { memoryStore } from '../../src/store/memory.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import { freePort, SIGNING_SECRET } from './signed.js';

export interface TestApp extends SlackApp {
  readonly url: string;
  readonly port: number;
  readonly health: Health;
  readonly logged: string[];
  stop(): Promise<void>;
}

/**
 * The real Bolt app in HTTP mode on a free port, pointed at a fake Slack API, logging JSON lines
 * into `logged`. Start-up's own auth.test is skipped: the identity is given.
 */
export async function startTestApp(options: {
  apiUrl: string;
  engine: Engine;
  config?: Partial<Config>;
  receiver?: SlackAppOptions['receiver'];
  /** Handled events and installations; memory by default. */
  store?: Store;
  /** Many workspaces: the install flow over `store`'s installations (no bot token then). */
  oauth?: OAuthConfig;
}): Promise<TestApp> {
  const port = await freePort();
  const logged: string[] = [];
  const logger: AppLogger = createLogger({
    level: LogLevel.INFO,
    format: 'json',
    write: (l) => logged.push(l),
  });
  const health = createHealth();
  const config: Config = {
    botToken: 'xoxb-test',
    dataDir: 'data',
    signingSecret: SIGNING_SECRET,
    port,
    slackApiUrl: options.apiUrl,
    logLevel: LogLevel.INFO,
    logFormat: 'json',
    slackTimeoutMs: 1000,
    drainSeconds: 2,
    ...options.config,
  };
  const store = options.store ?? memoryStore();
  const installer = installerFor({ ...config, oauth: options.oauth }, store.installations, logger);
  if (installer) delete (config as { botToken?: string }).botToken;
  const slack = createSlackApp({
    config,
    engine: options.engine,
    logger,
    health,
    store,
    ...(installer ? { installer } : { identity: { botId: 'BBOT', botUserId: 'UBOT', team: 'T1' } }),
    ...(options.receiver ? { receiver: options.receiver } : {}),
  });
  await slack.app.start(port);
  health.ready = true;
  return {
    ...slack,
    url: `http://127.0.0.1:${port}/slack/events`,
    port,
    health,
    logged,
    stop: () => slack.app.stop() as Promise<void>,
  };
}

/**
 * A fake Slack and the app for one test file: started before its tests, stopped after them, and
 * with the calls and log lines of one test cleared before the next.
 */
export function useTestApp(engine: () => Engine): { readonly fake: FakeSlack; readonly srm: TestApp } {
  const env = {} as { fake: FakeSlack; srm: TestApp };
  beforeAll(async () => {
    env.fake = await startFakeSlack();
    env.srm = await startTestApp({ apiUrl: env.fake.apiUrl, engine: engine() });
  });
  afterAll(async () => {
    await env.srm.stop();
    await env.fake.close();
  });
  beforeEach(() => {
    env.fake.calls.length = 0;
    env.srm.logged.length = 0;
  });
  return env;
}
