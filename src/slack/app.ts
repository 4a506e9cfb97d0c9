import { App, type Logger } from '@slack/bolt';
import type { Config } from '../config/env.js';
import type { Engine } from '../engine/index.js';
import { dropRepeatedEvents } from './dedupe.js';
import { registerListeners } from './listeners/index.js';

export interface SlackAppOptions {
  readonly config: Config;
  readonly engine: Engine;
  readonly logger?: Logger;
  /** Web API retries; Slack's client default retries for about 30 minutes. */
  readonly retries?: number;
}

/** Builds the Bolt app: Socket Mode when an app token is set, HTTP at /slack/events otherwise. */
export function createSlackApp({ config, engine, logger, retries }: SlackAppOptions): App {
  const app = new App({
    token: config.botToken,
    ...(config.appToken
      ? { socketMode: true, appToken: config.appToken }
      : { signingSecret: config.signingSecret }),
    logLevel: config.logLevel,
    ...(logger ? { logger } : {}),
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      ...(retries !== undefined ? { retryConfig: { retries } } : {}),
    },
  });
  app.use(dropRepeatedEvents());
  registerListeners(app, { engine });
  app.error(async (error) => {
    app.logger.error(`unhandled Slack error: ${error.message}`);
  });
  return app;
}
