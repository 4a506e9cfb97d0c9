import type { App } from '@slack/bolt';
import { renderHome } from '../../../render/blocks/home.js';
import type { ListenerDeps } from '../../reply.js';

/** Publishes the App Home tab when a user opens it (the Messages tab needs nothing). */
export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    try {
      await deps.sender.publish(event.user, renderHome(deps.engine.knowledge.model, deps.engine.catalog));
    } catch (err) {
      deps.logger.event('warn', 'home_not_published', {
        error: err instanceof Error ? err.message : String(err),
      });
    }
  });
}
