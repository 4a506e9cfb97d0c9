import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import { ACTION } from '../../../render/blocks/index.js';
import { inWorkspace, type ListenerDeps, reply } from '../../reply.js';
import type { Router } from '../router.js';
import { clickTarget, fromHome, refreshHome } from './click-target.js';

/**
 * The menu of categories. In the Home tab it brings up that category's services to pick from;
 * in a message (the list) it answers with the category and its services.
 */
export function registerCategoryActions(app: Router, shared: ListenerDeps): void {
  app.action<BlockAction<StaticSelectAction>>(ACTION.pickCategory, async ({ ack, action, body, context }) => {
    await ack();
    const deps = inWorkspace(shared, context);
    const id = action.selected_option?.value ?? '';
    if (fromHome(body)) {
      const known = deps.engine.catalog.some((g) => g.category.id === id);
      await refreshHome(deps, body.user.id, known ? { categoryId: id } : {});
      return;
    }
    await reply(deps, 'category_menu', () => deps.engine.describeCategory(id), clickTarget(deps, body));
  });
}
