import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { AppLogger } from '../logging/logger.js';
import type { EventLog } from '../store/index.js';

/**
 * Drops an event Slack delivers again (a retry with x-slack-retry-num, a duplicate delivery, or
 * the same event at another replica) when its event_id was already recorded. Bolt acknowledges
 * events before middleware runs, so a dropped duplicate is still acked and Slack stops retrying.
 * If the record cannot be made (the database is down), the event is answered: twice is better
 * than never.
 */
export function dropRepeatedEvents(events: EventLog, log: AppLogger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string') {
      let first = true;
      try {
        first = await events.firstTime(id);
      } catch (err) {
        log.event('warn', 'event_log_failed', { error: err instanceof Error ? err.message : String(err) });
      }
      if (!first) {
        log.event('debug', 'event_repeated', { event_id: id });
        return;
      }
    }
    await next();
  };
}
