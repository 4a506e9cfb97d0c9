import { webApi } from '@slack/bolt';
import type { AppLogger } from '../logging/logger.js';

export interface Identity {
  readonly botId: string;
  readonly botUserId: string;
  readonly team: string;
}

/** Errors that mean the token itself is wrong: retrying cannot help. */
const REJECTED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
]);

export class TokenRejected extends Error {}

/**
 * Checks the bot token with auth.test before the app is built (Bolt would do it once, silently,
 * and reuse a failure for every request). A rejected token fails at once; an unreachable Slack
 * is retried with backoff until `giveUpMs`, then fails.
 */
export async function checkToken(options: {
  token: string;
  slackApiUrl?: string;
  timeoutMs: number;
  giveUpMs: number;
  logger: AppLogger;
}): Promise<Identity> {
  const client = new webApi.WebClient(options.token, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    timeout: options.timeoutMs,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: options.logger,
  });
  const started = Date.now();
  for (let attempt = 1, wait = 500; ; attempt++, wait = Math.min(wait * 2, 8_000)) {
    try {
      const auth = await client.auth.test();
      if (!auth.bot_id || !auth.user_id)
        throw new TokenRejected('the token is not a bot token (auth.test returned no bot)');
      return { botId: auth.bot_id, botUserId: auth.user_id, team: auth.team ?? '' };
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (err instanceof TokenRejected) throw err;
      if (code && REJECTED.has(code)) throw new TokenRejected(`Slack rejected SLACK_BOT_TOKEN (${code})`);
      const left = options.giveUpMs - (Date.now() - started);
      const why = code ?? (err instanceof Error ? err.message : String(err));
      if (left <= 0) throw new Error(`Slack did not answer auth.test after ${attempt} attempts: ${why}`);
      options.logger.event('warn', 'slack_unreachable', {
        attempt,
        retry_in_ms: Math.min(wait, left),
        error: why,
      });
      await new Promise((r) => setTimeout(r, Math.min(wait, left)));
    }
  }
}
