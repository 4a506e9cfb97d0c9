import { App, AwsLambdaReceiver } from '@slack/bolt';
import type { InstallProvider } from '@slack/oauth';
import type { Config } from '../config/env.js';
import type { Engine } from '../engine/index.js';
import type { AppLogger } from '../logging/logger.js';
import { cachedRenderer } from '../render/blocks/index.js';
import type { Store } from '../store/index.js';
import { dropRepeatedEvents } from './dedupe.js';
import type { Health } from './health.js';
import { GuardedReceiver } from './http/receiver.js';
import { createInFlight, type InFlight } from './in-flight.js';
import { installRoutes } from './install/installer.js';
import { registerUninstall } from './listeners/events/app-uninstalled.js';
import { registerListeners } from './listeners/index.js';
import { createRouter } from './listeners/router.js';
import { createSender, type Sender } from './send.js';
import type { Identity } from './startup.js';

export interface SlackAppOptions {
  readonly config: Config;
  readonly engine: Engine;
  readonly logger: AppLogger;
  readonly health: Health;
  /** One workspace: from our own auth.test at start-up, so that Bolt need not call it (and cannot cache a failure). */
  readonly identity?: Identity;
  /** Handled events (and, with many workspaces, installations). */
  readonly store: Store;
  /** Many workspaces: the install flow, whose authorize finds each request's workspace token. */
  readonly installer?: InstallProvider;
  /** On AWS Lambda: Bolt's Lambda receiver behind our guards (see lambda/handler.ts), /srm answered in its acknowledgement. */
  readonly lambda?: boolean;
  /** For tests: guard settings of the HTTP receiver. */
  readonly receiver?: Partial<ConstructorParameters<typeof GuardedReceiver>[0]>;
}

export interface SlackApp {
  readonly app: App;
  readonly sender: Sender;
  readonly inFlight: InFlight;
  /** The HTTP receiver in HTTP mode; undefined in Socket Mode and on Lambda. */
  readonly receiver?: GuardedReceiver;
  /** Bolt's Lambda receiver, on Lambda. */
  readonly lambdaReceiver?: AwsLambdaReceiver;
}

/** Builds the Bolt app: on Lambda when asked, Socket Mode when an app token is set, our guarded HTTP receiver otherwise. */
export function createSlackApp({
  config,
  engine,
  logger,
  health,
  identity,
  store,
  installer,
  lambda,
  receiver,
}: SlackAppOptions): SlackApp {
  if (!installer && !(config.botToken && identity))
    throw new Error('one workspace needs a bot token and its identity; many need the installer');
  const routes = installer ? installRoutes(installer, logger) : undefined;
  const onLambda =
    lambda && config.signingSecret
      ? // Our handler checks the signature first, as UTF-8 (the receiver would check it again as ASCII).
        new AwsLambdaReceiver({ signingSecret: config.signingSecret, signatureVerification: false, logger })
      : undefined;
  const http =
    onLambda || config.appToken || !config.signingSecret
      ? undefined
      : new GuardedReceiver({
          signingSecret: config.signingSecret,
          logger,
          health,
          ...(routes ? { routes } : {}),
          ...receiver,
        });
  const app = new App({
    ...(installer
      ? // Looked up on every request, not cached: an uninstall seen by one replica stops all.
        { authorize: installer.authorize }
      : { token: config.botToken, botId: identity?.botId, botUserId: identity?.botUserId }),
    tokenVerificationEnabled: false,
    ...(onLambda
      ? { receiver: onLambda }
      : config.appToken
        ? { socketMode: true, appToken: config.appToken }
        : { receiver: http }),
    logLevel: config.logLevel,
    logger,
    // Bolt's default conversation store costs time on every request and srm-bot never reads it.
    convoStore: false,
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      // The client's defaults wait forever and retry for ~30 minutes; send.ts retries 429s itself.
      timeout: config.slackTimeoutMs,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    },
  });
  const sender = createSender({ client: app.client, logger, timeoutMs: config.slackTimeoutMs });
  const inFlight = createInFlight();
  app.use(inFlight.middleware);
  app.use(dropRepeatedEvents(store.events, logger));
  const router = createRouter();
  registerListeners(router, {
    engine,
    sender,
    logger,
    render: cachedRenderer(engine.knowledge),
    answerInAck: onLambda !== undefined,
    perWorkspaceToken: installer !== undefined,
  });
  if (store.installations) registerUninstall(router, store.installations, logger);
  router.attach(app);
  app.error(async (error) => {
    logger.event('error', 'slack_error', { error: error.message });
  });
  return {
    app,
    sender,
    inFlight,
    ...(http ? { receiver: http } : {}),
    ...(onLambda ? { lambdaReceiver: onLambda } : {}),
  };
}
