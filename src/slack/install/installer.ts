import type { IncomingMessage, ServerResponse } from 'node:http';
import { type InstallationStore, InstallProvider } from '@slack/oauth';
import type { Config, OAuthConfig } from '../../config/env.js';
import type { AppLogger } from '../../logging/logger.js';
import { failureLines, sendPage } from './pages.js';

/** The bot scopes srm-bot asks for; manifest.yml lists the same (checked by manifest.test.ts). */
export const BOT_SCOPES = ['commands', 'chat:write', 'app_mentions:read', 'im:history'] as const;

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

export interface InstallerOptions {
  readonly oauth: OAuthConfig;
  readonly installations: InstallationStore;
  readonly logger: AppLogger;
  readonly slackApiUrl?: string;
  readonly timeoutMs: number;
}

/**
 * Slack's OAuth v2 install flow, through the installer Bolt itself uses (@slack/oauth): state
 * signed with SLACK_STATE_SECRET and tied to the browser by a cookie, the code exchanged with
 * oauth.v2.access, the installation kept in our store. Its Web API calls have our timeout.
 */
export function createInstaller(options: InstallerOptions): InstallProvider {
  const { oauth } = options;
  return new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: options.installations,
    installUrlOptions: {
      scopes: [...BOT_SCOPES],
      ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
    },
    logger: options.logger,
    clientOptions: {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      timeout: options.timeoutMs,
      retryConfig: { retries: 0 },
    },
  });
}

/** The install flow the configuration asks for (many workspaces, with a store of installations), or none. */
export function installerFor(
  config: Pick<Config, 'oauth' | 'slackApiUrl' | 'slackTimeoutMs'>,
  installations: InstallationStore | undefined,
  logger: AppLogger,
): InstallProvider | undefined {
  if (!config.oauth || !installations) return undefined;
  return createInstaller({
    oauth: config.oauth,
    installations,
    logger,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    timeoutMs: config.slackTimeoutMs,
  });
}

/**
 * Serves GET /slack/install and /slack/oauth_redirect (browser requests, no Slack signature);
 * false for any other request. Both answer with our own small pages.
 */
export function installRoutes(installer: InstallProvider, logger: AppLogger) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET') return false;
    const path = req.url?.split('?')[0];
    if (path === INSTALL_PATH) {
      installer.handleInstallPath(req, res).catch((err: unknown) => {
        logger.event('error', 'install_page_failed', {
          error: err instanceof Error ? err.message : String(err),
        });
        if (!res.headersSent)
          sendPage(res, 500, 'srm-bot could not start the installation', ['Please try again.']);
      });
      return true;
    }
    if (path === REDIRECT_PATH) {
      void installer.handleCallback(req, res, {
        success: (installation) => {
          logger.event('info', 'installed', {
            team: installation.team?.id,
            enterprise: installation.enterprise?.id,
            org_wide: installation.isEnterpriseInstall === true,
          });
          sendPage(res, 200, 'srm-bot is installed', [
            `srm-bot is now in ${installation.team?.name ?? installation.enterprise?.name ?? 'your workspace'}.`,
            'Try /srm s3 in any channel, mention @srm in a channel it is in, or open its Home tab.',
          ]);
        },
        failure: (error) => {
          logger.event('warn', 'install_failed', { code: error.code, error: error.message });
          const { status, lines } = failureLines(error.code);
          sendPage(res, status, 'srm-bot was not installed', lines);
        },
      });
      return true;
    }
    return false;
  };
}

export type Routes = ReturnType<typeof installRoutes>;
