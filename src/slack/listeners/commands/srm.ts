import type { App } from '@slack/bolt';
import { withShareButton } from '../../../render/blocks/index.js';
import { type ListenerDeps, reply } from '../../reply.js';

/** `/srm <question>`: acknowledged at once, answered privately to the asker via response_url, with a button to share it. */
export function registerSrmCommand(app: App, deps: ListenerDeps): void {
  app.command('/srm', async ({ command, ack }) => {
    await ack();
    await reply(
      deps,
      '/srm',
      () => deps.engine.ask(command.text ?? ''),
      (message) => deps.sender.respond(command.response_url, { response_type: 'ephemeral', message }),
      (a) => withShareButton(deps.render(a), command.text ?? ''),
    );
  });
}
