import type { BlockAction, ButtonAction } from '@slack/bolt';
import { DETAIL_PATTERN, parseDetailValue, renderDetail } from '../../../render/blocks/index.js';
import { inWorkspace, type ListenerDeps, reply } from '../../reply.js';
import type { Router } from '../router.js';
import { categoryOf, clickTarget } from './click-target.js';

/** "What AWS does", "What you do", "Sources", "By how you use it": one part of an answer in full. */
export function registerDetailActions(app: Router, shared: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(DETAIL_PATTERN, async ({ ack, action, body, context }) => {
    await ack();
    const deps = inWorkspace(shared, context);
    const picked = parseDetailValue(action.value ?? '');
    await reply(
      deps,
      'detail_button',
      () => picked && deps.engine.describe(picked.serviceId, picked.topicId),
      clickTarget(deps, body, categoryOf(deps, picked?.serviceId)),
      (a) => (picked ? renderDetail(a, picked.part) : undefined),
    );
  });
}
