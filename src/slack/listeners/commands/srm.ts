import type { App } from '@slack/bolt';
import { type ListenerDeps, reply } from '../../reply.js';

/** `/srm <question>`: acknowledged at once, answered privately to the asker via response_url. */
export function registerSrmCommand(app: App, deps: ListenerDeps): void {
  app.command('/srm', async ({ command, ack }) => {
    await ack();
    await reply(
      deps,
      '/srm',
      () => deps.engine.ask(command.text ?? ''),
      (message) => deps.sender.respond(command.response_url, { response_type: 'ephemeral', message }),
    );
  });
}
