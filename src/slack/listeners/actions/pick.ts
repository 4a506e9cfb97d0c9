import type { BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { ACTION, PICK_SERVICE_PATTERN, parseTopicValue } from '../../../render/blocks/index.js';
import { inWorkspace, type ListenerDeps, reply } from '../../reply.js';
import type { Router } from '../router.js';
import { categoryOf, clickTarget, pickedValue } from './click-target.js';

/**
 * Menus and buttons that open a service, or one topic of it (`service|topic`). A value we do not
 * know (an old button, or a tampered one) is answered "no longer available".
 */
export function registerPickActions(app: Router, shared: ListenerDeps): void {
  const answerFor = (value: string) => {
    const picked = parseTopicValue(value);
    return picked ? shared.engine.describe(picked.serviceId, picked.topicId) : shared.engine.describe(value);
  };
  const serviceOf = (value: string) => parseTopicValue(value)?.serviceId ?? value;

  app.action<BlockAction<StaticSelectAction>>(ACTION.pickTopic, async ({ ack, action, body, context }) => {
    await ack();
    const deps = inWorkspace(shared, context);
    const value = pickedValue(action);
    await reply(
      deps,
      'topic_menu',
      () => answerFor(value),
      clickTarget(deps, body, categoryOf(deps, serviceOf(value))),
    );
  });

  app.action<BlockAction<ButtonAction | StaticSelectAction>>(
    PICK_SERVICE_PATTERN,
    async ({ ack, action, body, context }) => {
      await ack();
      const deps = inWorkspace(shared, context);
      const value = pickedValue(action);
      await reply(
        deps,
        action.type === 'button' ? 'service_button' : 'service_menu',
        () => answerFor(value),
        clickTarget(deps, body, categoryOf(deps, serviceOf(value))),
      );
    },
  );
}
