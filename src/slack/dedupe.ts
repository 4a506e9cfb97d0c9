import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Drops an event Slack delivers again (a retry with x-slack-retry-num, or a duplicate delivery)
 * when its event_id was already seen. Bolt acknowledges events before middleware runs, so a
 * dropped duplicate is still acked and Slack stops retrying.
 */
export function dropRepeatedEvents(
  options: { max?: number; ttlMs?: number } = {},
): Middleware<AnyMiddlewareArgs> {
  const max = options.max ?? 10_000;
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const seen = new Map<string, number>();
  return async ({ body, next, logger }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string') {
      const now = Date.now();
      const at = seen.get(id);
      if (at !== undefined && now - at < ttlMs) {
        logger.debug(`dropping repeated event ${id}`);
        return;
      }
      seen.set(id, now);
      // Maps iterate in insertion order: the first keys are the oldest.
      while (seen.size > max) seen.delete(seen.keys().next().value as string);
    }
    await next();
  };
}
