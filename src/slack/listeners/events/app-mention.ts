import type { App } from '@slack/bolt';
import { type ListenerDeps, messageFor, withApology } from '../../reply.js';

/** `@srm question` in a channel: answered in a thread under the mention (or in its thread). */
export function registerAppMention(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, client, logger }) => {
    if (event.bot_id || event.subtype) return;
    const post = (m: { text: string; blocks: unknown[] }) =>
      client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts ?? event.ts,
        text: m.text,
        blocks: m.blocks as never,
        unfurl_links: false,
        unfurl_media: false,
      });
    // The engine strips every <@…> mention, the bot's own included.
    await withApology(logger, 'app_mention', () => post(messageFor(deps, deps.engine.ask(event.text))), post);
  });
}
