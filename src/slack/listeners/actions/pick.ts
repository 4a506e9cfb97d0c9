import type { App, BlockAction, ButtonAction, RespondFn, StaticSelectAction } from '@slack/bolt';
import { ACTION, PICK_SERVICE_PATTERN, parseTopicValue } from '../../../render/blocks/index.js';
import { type ListenerDeps, reply, type Send } from '../../reply.js';

/**
 * Menus and buttons in our answers. The new answer goes only to the person who clicked: it
 * replaces the original when that was already private (a /srm answer), and is added otherwise.
 */
export function registerPickActions(app: App, deps: ListenerDeps): void {
  const privately =
    (body: BlockAction, respond: RespondFn): Send =>
    (m) =>
      respond({ response_type: 'ephemeral', replace_original: body.container?.is_ephemeral === true, ...m });

  app.action<BlockAction<StaticSelectAction>>(
    ACTION.pickTopic,
    async ({ ack, action, body, respond, logger }) => {
      await ack();
      const picked = parseTopicValue(action.selected_option?.value ?? '');
      await reply(
        deps,
        logger,
        'topic menu',
        () => picked && deps.engine.describe(picked.serviceId, picked.topicId),
        privately(body, respond),
      );
    },
  );

  app.action<BlockAction<ButtonAction>>(
    PICK_SERVICE_PATTERN,
    async ({ ack, action, body, respond, logger }) => {
      await ack();
      await reply(
        deps,
        logger,
        'service button',
        () => {
          // Buttons open a service, or one topic of it (`service|topic`) from a model-level answer.
          const value = action.value ?? '';
          const picked = parseTopicValue(value);
          return picked
            ? deps.engine.describe(picked.serviceId, picked.topicId)
            : deps.engine.describe(value);
        },
        privately(body, respond),
      );
    },
  );
}
