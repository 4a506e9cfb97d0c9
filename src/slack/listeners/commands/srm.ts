import { withShareButton } from '../../../render/blocks/index.js';
import { type ListenerDeps, reply } from '../../reply.js';
import type { Router } from '../router.js';

/**
 * `/srm <question>`: answered privately to the asker, with a button to share it: through
 * response_url after an empty acknowledgement, or in the acknowledgement itself on Lambda.
 */
export function registerSrmCommand(app: Router, deps: ListenerDeps): void {
  app.command('/srm', async ({ command, ack }) => {
    const question = command.text ?? '';
    const answer = () => deps.engine.ask(question);
    const render = (a: Parameters<ListenerDeps['render']>[0]) => withShareButton(deps.render(a), question);
    if (deps.answerInAck) {
      await reply(
        deps,
        '/srm',
        answer,
        (m) => ack({ response_type: 'ephemeral', text: m.text, blocks: m.blocks }),
        render,
      );
      return;
    }
    await ack();
    await reply(
      deps,
      '/srm',
      answer,
      (message) => deps.sender.respond(command.response_url, { response_type: 'ephemeral', message }),
      render,
    );
  });
}
