import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackMessage } from '../../../render/blocks/index.js';
import { ACTION, parseShareValue, sharedBy } from '../../../render/blocks/index.js';
import { type ListenerDeps, reply } from '../../reply.js';
import type { Router } from '../router.js';

/**
 * "Share in channel" on a private /srm answer: the same answer posted for everyone through the
 * response_url (so it works where the bot is not a member), saying who shared it; then the private
 * copy is deleted. If posting fails, the private copy stays.
 */
export function registerShareAction(app: Router, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, action, body }) => {
    await ack();
    const url = body.response_url;
    if (!url) return;
    const question = parseShareValue(action.value ?? '');
    let shared: SlackMessage | undefined;
    await reply(
      deps,
      'share_button',
      () => (question === undefined ? undefined : deps.engine.ask(question)),
      async (message) => {
        // Only the answer itself goes public; an apology or "no longer available" stays private.
        if (message !== shared)
          return deps.sender.respond(url, { response_type: 'ephemeral', replace_original: true, message });
        await deps.sender.respond(url, { response_type: 'in_channel', message });
        await deps.sender.respond(url, { delete_original: true, message: DELETED });
      },
      (a) => {
        shared = sharedBy(deps.render(a), body.user.id);
        return shared;
      },
    );
  });
}

const DELETED: SlackMessage = { text: 'Shared in channel.', blocks: [] };
