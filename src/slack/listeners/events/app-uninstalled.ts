import type { InstallationStore } from '@slack/oauth';
import type { AppLogger } from '../../../logging/logger.js';
import type { Router } from '../router.js';

/**
 * Forgets a workspace's installation when the app is uninstalled from it, or its bot token is
 * revoked: requests from it then find no token and go unanswered, at every replica.
 */
export function registerUninstall(app: Router, installations: InstallationStore, logger: AppLogger): void {
  const forget = async (
    why: string,
    context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean },
  ) => {
    const isEnterpriseInstall = context.isEnterpriseInstall === true;
    await installations.deleteInstallation?.({
      isEnterpriseInstall,
      enterpriseId: context.enterpriseId,
      teamId: isEnterpriseInstall ? undefined : context.teamId,
    } as never);
    logger.event('info', 'uninstalled', { why, team: context.teamId, enterprise: context.enterpriseId });
  };
  app.event('app_uninstalled', async ({ context }) => forget('app_uninstalled', context));
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget('bot token revoked', context);
  });
}
