import type { AppLogger } from '../logging/logger.js';
import type { SlackApp } from './app.js';
import type { Health } from './health.js';

/**
 * On SIGTERM/SIGINT: report not-ready first, stop accepting connections, let every acknowledged
 * request finish within the drain time, log what was dropped, then close what is left.
 */
export async function drainAndStop(slack: SlackApp, health: Health, drainMs: number, logger: AppLogger) {
  health.draining = true;
  logger.event('info', 'shutdown_started', { in_flight: slack.inFlight.count });
  const closing = slack.receiver?.stop();
  const drained = await slack.inFlight.drained(drainMs);
  if (!drained) logger.event('warn', 'shutdown_dropped', { in_flight: slack.inFlight.count });
  slack.receiver?.closeAll();
  await Promise.race([closing, new Promise((r) => setTimeout(r, 500))]);
  if (!slack.receiver) await slack.app.stop().catch(() => {});
  logger.event('info', 'stopped', { drained });
  return drained;
}
