import { inWorkspace, type ListenerDeps, reply } from '../../reply.js';
import type { Router } from '../router.js';

/** `@srm question` in a channel: answered in a thread under the mention (or in its thread). */
export function registerAppMention(app: Router, shared: ListenerDeps): void {
  app.event('app_mention', async ({ event, context }) => {
    const deps = inWorkspace(shared, context);
    if (event.bot_id || event.subtype) return;
    // The engine strips every <@…> mention, the bot's own included.
    await reply(
      deps,
      'app_mention',
      () => deps.engine.ask(event.text),
      (m) => deps.sender.post(event.channel, event.thread_ts ?? event.ts, m),
    );
  });
}
