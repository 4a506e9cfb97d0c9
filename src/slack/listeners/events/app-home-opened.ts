import type { App } from '@slack/bolt';
import { renderHome } from '../../../render/blocks/home.js';
import type { ListenerDeps } from '../../reply.js';

/** Publishes the App Home tab when a user opens it (the Messages tab needs nothing). */
export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client, logger }) => {
    if (event.tab !== 'home') return;
    try {
      const view = renderHome(deps.engine.knowledge.model, deps.engine.catalog);
      await client.views.publish({ user_id: event.user, view });
    } catch (err) {
      logger.error(`app_home_opened failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}
