import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { ACTION, PICK_SERVICE_PATTERN, parseTopicValue } from '../../../render/blocks/index.js';
import { type ListenerDeps, messageFor, withApology } from '../../reply.js';

/**
 * Menus and buttons in our answers. The new answer goes only to the person who clicked: it
 * replaces the original when that was already private (a /srm answer), and is added otherwise.
 */
export function registerPickActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<StaticSelectAction>>(
    ACTION.pickTopic,
    async ({ ack, action, body, respond, logger }) => {
      await ack();
      const picked = parseTopicValue(action.selected_option?.value ?? '');
      const answer = picked && deps.engine.describe(picked.serviceId, picked.topicId);
      if (!answer) return;
      const replace = body.container?.is_ephemeral === true;
      await withApology(
        logger,
        'topic menu',
        () => respond({ response_type: 'ephemeral', replace_original: replace, ...messageFor(deps, answer) }),
        (m) => respond({ response_type: 'ephemeral', replace_original: false, ...m }),
      );
    },
  );

  app.action<BlockAction<ButtonAction>>(
    PICK_SERVICE_PATTERN,
    async ({ ack, action, body, respond, logger }) => {
      await ack();
      const answer = deps.engine.describe(action.value ?? '');
      if (!answer) return;
      const replace = body.container?.is_ephemeral === true;
      await withApology(
        logger,
        'service button',
        () => respond({ response_type: 'ephemeral', replace_original: replace, ...messageFor(deps, answer) }),
        (m) => respond({ response_type: 'ephemeral', replace_original: false, ...m }),
      );
    },
  );
}
