import type { App } from '@slack/bolt';
import { type ListenerDeps, postTo, reply } from '../../reply.js';

/** A direct message to the bot: answered in the DM (in the thread when asked in one). */
export function registerDirectMessage(app: App, deps: ListenerDeps): void {
  app.message(async ({ message, client, logger }) => {
    // Edits, deletions, joins and bot posts (ours and other bots') carry a subtype or bot_id.
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    await reply(
      deps,
      logger,
      'direct message',
      () => deps.engine.ask(message.text ?? ''),
      postTo(client, message.channel, message.thread_ts),
    );
  });
}
