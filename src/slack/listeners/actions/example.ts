import type { BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { EXAMPLE_PATTERN } from '../../../render/blocks/index.js';
import { inWorkspace, type ListenerDeps, reply } from '../../reply.js';
import type { Router } from '../router.js';
import { clickTarget, pickedValue } from './click-target.js';

/** An example question (a button in help or Home, or a menu of parts of the model): asked as if typed. */
export function registerExampleActions(app: Router, shared: ListenerDeps): void {
  app.action<BlockAction<ButtonAction | StaticSelectAction>>(
    EXAMPLE_PATTERN,
    async ({ ack, action, body, context }) => {
      await ack();
      const deps = inWorkspace(shared, context);
      const question = pickedValue(action);
      await reply(deps, 'example', () => deps.engine.ask(question), clickTarget(deps, body));
    },
  );
}
