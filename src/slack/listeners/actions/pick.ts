import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { ACTION, PICK_SERVICE_PATTERN, parseTopicValue } from '../../../render/blocks/index.js';
import { type ListenerDeps, reply, type Send } from '../../reply.js';

/**
 * Menus and buttons in our answers. The new answer goes only to the person who clicked: it
 * replaces the original when that was already private (a /srm answer), and is added otherwise.
 * A value we no longer know (an old button, or a tampered one) is answered "no longer available".
 */
export function registerPickActions(app: App, deps: ListenerDeps): void {
  const privately =
    (body: BlockAction): Send =>
    async (message) => {
      // Interactions from a Home view carry no response_url: there is nowhere to answer.
      if (!body.response_url) throw new Error('interaction without response_url');
      await deps.sender.respond(body.response_url, {
        response_type: 'ephemeral',
        replace_original: body.container?.is_ephemeral === true,
        message,
      });
    };

  app.action<BlockAction<StaticSelectAction>>(ACTION.pickTopic, async ({ ack, action, body }) => {
    await ack();
    const picked = parseTopicValue(action.selected_option?.value ?? '');
    await reply(
      deps,
      'topic_menu',
      () => picked && deps.engine.describe(picked.serviceId, picked.topicId),
      privately(body),
    );
  });

  app.action<BlockAction<ButtonAction>>(PICK_SERVICE_PATTERN, async ({ ack, action, body }) => {
    await ack();
    await reply(
      deps,
      'service_button',
      () => {
        // Buttons open a service, or one topic of it (`service|topic`) from a model-level answer.
        const value = action.value ?? '';
        const picked = parseTopicValue(value);
        return picked ? deps.engine.describe(picked.serviceId, picked.topicId) : deps.engine.describe(value);
      },
      privately(body),
    );
  });
}
