import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import { ACTION } from '../../../render/blocks/index.js';
import { type ListenerDeps, reply } from '../../reply.js';
import { clickTarget, publishHome } from './click-target.js';

/**
 * The menu of categories. In the Home tab it brings up that category's services to pick from;
 * in a message (the list) it answers with the category and its services.
 */
export function registerCategoryActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<StaticSelectAction>>(ACTION.pickCategory, async ({ ack, action, body }) => {
    await ack();
    const id = action.selected_option?.value ?? '';
    if (body.container?.type === 'view' || body.view?.type === 'home') {
      const known = deps.engine.catalog.some((g) => g.category.id === id);
      try {
        await publishHome(deps, body.user.id, known ? { categoryId: id } : {});
      } catch (err) {
        deps.logger.event('warn', 'home_not_published', {
          error: err instanceof Error ? err.message : String(err),
        });
      }
      return;
    }
    await reply(deps, 'category_menu', () => deps.engine.describeCategory(id), clickTarget(deps, body));
  });
}
