import type { App } from '@slack/bolt';
import { type ListenerDeps, reply } from '../../reply.js';

/** `/srm <question>`: acknowledged at once, answered privately to the asker via response_url. */
export function registerSrmCommand(app: App, deps: ListenerDeps): void {
  app.command('/srm', async ({ command, ack, respond, logger }) => {
    await ack();
    await reply(
      deps,
      logger,
      '/srm',
      () => deps.engine.ask(command.text ?? ''),
      (m) => respond({ response_type: 'ephemeral', ...m }),
    );
  });
}
