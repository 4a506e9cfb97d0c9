import type { App } from '@slack/bolt';
import { renderHome } from '../../../render/blocks/home.js';
import type { ListenerDeps } from '../../reply.js';

/** Publishes the App Home tab when a user opens it (the Messages tab needs nothing). */
export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client, logger }) => {
    if (event.tab !== 'home') return;
    const { model, services } = deps.engine.knowledge;
    const groups = model.categories.map((category) => ({
      category,
      services: services.filter((s) => s.category === category.id),
    }));
    try {
      await client.views.publish({ user_id: event.user, view: renderHome(model, groups) });
    } catch (err) {
      logger.error(`app_home_opened failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}
