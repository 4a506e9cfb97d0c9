import { LogLevel } from '@slack/bolt';

/** Slack's install flow (OAuth v2), when srm-bot serves many workspaces. */
export interface OAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the install flow's state; any long random string. */
  readonly stateSecret: string;
  /** Only when Slack must redirect somewhere other than the app's settings say. */
  readonly redirectUri?: string;
}

export interface Config {
  /** One workspace: its bot token. Absent when `oauth` is set (each workspace has its own). */
  readonly botToken?: string;
  readonly oauth?: OAuthConfig;
  /** PostgreSQL for installations and handled events, shared by replicas. */
  readonly databaseUrl?: string;
  /** The SQLite folder for installations when there is no database (install flow only). */
  readonly dataDir: string;
  /** Socket Mode when set (no public URL needed); HTTP on `port` otherwise. */
  readonly appToken?: string;
  readonly signingSecret?: string;
  /** HTTP mode: Slack's requests and the health endpoints; Socket Mode: the health endpoints only. */
  readonly port: number;
  readonly slackApiUrl?: string;
  readonly logLevel: LogLevel;
  /** `json`: one JSON object per line (production); `text`: readable lines (development). */
  readonly logFormat: 'json' | 'text';
  /** How long a Slack Web API call or response_url post may take before we give up on it. */
  readonly slackTimeoutMs: number;
  /** On SIGTERM/SIGINT, how long answers in flight may take to finish. */
  readonly drainSeconds: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

const LEVELS: Record<string, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/**
 * Reads and validates the environment. Every problem is reported, one line each, naming the
 * variable and what to do; secret values are never echoed.
 */
export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const errors: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };

  // Slack promises no token format beyond the prefix; whitespace or control characters inside a
  // token are a paste error that would otherwise reach every request (and the logs).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const badCharacters = (name: string) => /[\s\u0000-\u001f\u007f]/.test(env[name]?.trim() ?? '');

  const botToken = value('SLACK_BOT_TOKEN');
  const oauthNames = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauthSet = oauthNames.filter((n) => value(n));
  if (botToken && oauthSet.length > 0) {
    errors.push(
      `SLACK_BOT_TOKEN and ${oauthSet.join(', ')} are both set: use SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for the install flow (many workspaces), not both.`,
    );
  } else if (oauthSet.length > 0 && oauthSet.length < oauthNames.length) {
    errors.push(
      `The install flow needs all of ${oauthNames.join(', ')}: ${oauthNames.filter((n) => !value(n)).join(', ')} missing (client id and secret from "Basic Information"; the state secret is any long random string).`,
    );
  } else if (oauthSet.length === oauthNames.length) {
    if ((value('SLACK_STATE_SECRET') ?? '').length < 16)
      errors.push('SLACK_STATE_SECRET must be at least 16 characters: use a long random string.');
  } else if (!botToken) {
    errors.push(
      'SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from your app\'s "OAuth & Permissions" page (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to serve many workspaces through the install flow).',
    );
  } else if (!botToken.startsWith('xoxb-')) {
    errors.push(
      'SLACK_BOT_TOKEN does not look like a bot token: it must start with "xoxb-" (OAuth & Permissions page).',
    );
  } else if (badCharacters('SLACK_BOT_TOKEN')) {
    errors.push('SLACK_BOT_TOKEN contains spaces, line breaks or control characters: paste the token alone.');
  }

  const appToken = value('SLACK_APP_TOKEN');
  if (appToken && !appToken.startsWith('xapp-')) {
    errors.push(
      'SLACK_APP_TOKEN must start with "xapp-": create an app-level token with connections:write ("Basic Information" page), or unset it to serve HTTP.',
    );
  } else if (appToken && badCharacters('SLACK_APP_TOKEN')) {
    errors.push('SLACK_APP_TOKEN contains spaces, line breaks or control characters: paste the token alone.');
  }

  const signingSecret = value('SLACK_SIGNING_SECRET');
  if (!appToken && !signingSecret) {
    errors.push(
      'SLACK_SIGNING_SECRET is missing: HTTP mode (no SLACK_APP_TOKEN) needs the Signing Secret from your app\'s "Basic Information" page.',
    );
  } else if (signingSecret && badCharacters('SLACK_SIGNING_SECRET')) {
    errors.push(
      'SLACK_SIGNING_SECRET contains spaces: paste the Signing Secret exactly as shown on "Basic Information".',
    );
  }

  const portText = value('PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    errors.push(`PORT must be a whole number from 1 to 65535 (got "${portText.slice(0, 20)}").`);
  }

  let slackApiUrl = value('SLACK_API_URL');
  if (slackApiUrl) {
    try {
      const url = new URL(slackApiUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      // The Web API client appends method names to this base, so it must end with a slash.
      if (!slackApiUrl.endsWith('/')) slackApiUrl = `${slackApiUrl}/`;
    } catch {
      errors.push(
        "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/ (or unset it to use Slack's).",
      );
    }
  }

  const levelText = (value('LOG_LEVEL') ?? 'info').toLowerCase();
  const logLevel = LEVELS[levelText];
  if (!logLevel)
    errors.push(
      `LOG_LEVEL must be one of ${Object.keys(LEVELS).join(', ')} (got "${levelText.slice(0, 20)}").`,
    );

  const seconds = (name: string, fallback: number, max: number): number => {
    const text = value(name) ?? String(fallback);
    const n = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || n > max) {
      errors.push(`${name} must be a number of seconds from 0 to ${max} (got "${text.slice(0, 20)}").`);
      return fallback;
    }
    return n;
  };
  // Inside the 10 s a container runtime waits between SIGTERM and SIGKILL.
  const drainSeconds = seconds('SHUTDOWN_DRAIN_SECONDS', 8, 60);
  const slackTimeoutMs = seconds('SLACK_TIMEOUT_SECONDS', 5, 30) * 1000;

  const formatText = (value('LOG_FORMAT') ?? (env.NODE_ENV === 'production' ? 'json' : 'text')).toLowerCase();
  if (formatText !== 'json' && formatText !== 'text')
    errors.push(`LOG_FORMAT must be json or text (got "${formatText.slice(0, 20)}").`);
  const logFormat = formatText === 'json' ? 'json' : 'text';

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    errors.push(
      'DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/db), or unset it to use SQLite.',
    );
  const redirectUri = value('SLACK_REDIRECT_URI');
  if (redirectUri && !/^https?:\/\//.test(redirectUri))
    errors.push('SLACK_REDIRECT_URI must be the full https URL of /slack/oauth_redirect.');

  const oauth: OAuthConfig | undefined =
    oauthSet.length === oauthNames.length && !botToken
      ? {
          clientId: value('SLACK_CLIENT_ID') as string,
          clientSecret: value('SLACK_CLIENT_SECRET') as string,
          stateSecret: value('SLACK_STATE_SECRET') as string,
          ...(redirectUri ? { redirectUri } : {}),
        }
      : undefined;
  if (errors.length > 0 || (!botToken && !oauth) || !logLevel) return { ok: false, errors };
  return {
    ok: true,
    config: {
      ...(botToken ? { botToken } : {}),
      ...(oauth ? { oauth } : {}),
      ...(databaseUrl ? { databaseUrl } : {}),
      dataDir: value('SRM_DATA_DIR') ?? 'data',
      ...(appToken ? { appToken } : {}),
      ...(signingSecret ? { signingSecret } : {}),
      port,
      ...(slackApiUrl ? { slackApiUrl } : {}),
      logLevel,
      logFormat,
      slackTimeoutMs,
      drainSeconds,
    },
  };
}
