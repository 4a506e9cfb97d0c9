import { inWorkspace, type ListenerDeps, reply } from '../../reply.js';
import type { Router } from '../router.js';

/** Subtypes of a message a person sends with text worth answering: a file with a comment, a reply also sent to the channel. */
const ANSWERED_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** A direct message to the bot: answered in the DM (in the thread when asked in one). */
export function registerDirectMessage(app: Router, shared: ListenerDeps): void {
  app.message(async ({ message, context }) => {
    const deps = inWorkspace(shared, context);
    // Edits, deletions, joins and bot posts (ours and other bots') carry another subtype or bot_id.
    if (message.channel_type !== 'im' || 'bot_id' in message) return;
    if (message.subtype !== undefined && !ANSWERED_SUBTYPES.has(message.subtype)) return;
    const text = 'text' in message ? (message.text ?? '') : '';
    const thread = 'thread_ts' in message ? message.thread_ts : undefined;
    await reply(
      deps,
      'direct_message',
      () => deps.engine.ask(text),
      (m) => deps.sender.post(message.channel, thread, m),
    );
  });
}
