import type { App } from '@slack/bolt';
import { type ListenerDeps, messageFor, withApology } from '../../reply.js';

/** A direct message to the bot: answered in the DM (in the thread when asked in one). */
export function registerDirectMessage(app: App, deps: ListenerDeps): void {
  app.message(async ({ message, client, logger }) => {
    // Edits, deletions, joins and bot posts (ours and other bots') carry a subtype or bot_id.
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    const post = (m: { text: string; blocks: unknown[] }) =>
      client.chat.postMessage({
        channel: message.channel,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        text: m.text,
        blocks: m.blocks as never,
        unfurl_links: false,
        unfurl_media: false,
      });
    await withApology(
      logger,
      'direct message',
      () => post(messageFor(deps, deps.engine.ask(message.text ?? ''))),
      post,
    );
  });
}
