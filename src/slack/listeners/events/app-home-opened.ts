import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../reply.js';
import { publishHome } from '../actions/click-target.js';

/** Publishes the App Home tab when a user opens it (the Messages tab needs nothing). */
export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(deps, event.user, {});
    } catch (err) {
      deps.logger.event('warn', 'home_not_published', {
        error: err instanceof Error ? err.message : String(err),
      });
    }
  });
}
