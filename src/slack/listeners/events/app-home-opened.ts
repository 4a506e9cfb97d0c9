import { inWorkspace, type ListenerDeps } from '../../reply.js';
import { refreshHome } from '../actions/click-target.js';
import type { Router } from '../router.js';

/** Publishes the App Home tab when a user opens it (the Messages tab needs nothing). */
export function registerAppHomeOpened(app: Router, shared: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, context }) => {
    const deps = inWorkspace(shared, context);
    if (event.tab !== 'home') return;
    await refreshHome(deps, event.user, {});
  });
}
