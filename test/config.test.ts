import { LogLevel } from '@slack/bolt';
import { readConfig } from '../src/config/env.js';

const SECRET = 'abcdef0123456789abcdef0123456789';

describe('configuration', () => {
  it('selects Socket Mode when an app token is set', () => {
    const r = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(r).toEqual({
      ok: true,
      config: {
        botToken: 'xoxb-1',
        appToken: 'xapp-1',
        port: 3000,
        logLevel: LogLevel.INFO,
        logFormat: 'text',
        slackTimeoutMs: 5000,
        drainSeconds: 8,
        dataDir: 'data',
      },
    });
  });

  it('serves HTTP with a signing secret, a port and an API URL', () => {
    const r = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      LOG_LEVEL: 'DEBUG',
    });
    expect(r).toEqual({
      ok: true,
      config: {
        botToken: 'xoxb-1',
        signingSecret: SECRET,
        port: 8080,
        slackApiUrl: 'http://127.0.0.1:9999/api/',
        logLevel: LogLevel.DEBUG,
        logFormat: 'text',
        slackTimeoutMs: 5000,
        drainSeconds: 8,
        dataDir: 'data',
      },
    });
  });

  it('reports every problem, one line each, naming the variable', () => {
    const r = readConfig({
      SLACK_APP_TOKEN: 'xoxp-nope',
      PORT: '70000',
      SLACK_API_URL: 'ftp://x',
      LOG_LEVEL: 'loud',
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toHaveLength(5);
    for (const [i, name] of [
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'PORT',
      'SLACK_API_URL',
      'LOG_LEVEL',
    ].entries()) {
      expect(errors[i]).toMatch(new RegExp(`^${name} `));
    }
  });

  it('needs a signing secret in HTTP mode', () => {
    const r = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(r).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^SLACK_SIGNING_SECRET is missing: HTTP mode/)],
    });
  });

  it('never prints a secret value', () => {
    const r = readConfig({
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      SLACK_SIGNING_SECRET: 'has spaces secret-value',
    });
    const text = r.ok ? '' : r.errors.join('\n');
    expect(text).toMatch(/SLACK_BOT_TOKEN/);
    expect(text).toMatch(/SLACK_SIGNING_SECRET/);
    expect(text).not.toMatch(/user-token-secret|secret-value/);
  });

  it('refuses a token with a line break or control character inside, without printing it', () => {
    for (const token of ['xoxb-123\r\nX-Injected: 1', 'xoxb-12 34', 'xoxb-12\u000734']) {
      const r = readConfig({ SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: 'abc' });
      expect(r.ok).toBe(false);
      const text = r.ok ? '' : r.errors.join('\n');
      expect(text).toMatch(/^SLACK_BOT_TOKEN contains spaces, line breaks or control characters/);
      expect(text).not.toMatch(/123|Injected/);
    }
  });

  it('reads the drain time, the Slack timeout and the log format, JSON by default in production', () => {
    const r = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SHUTDOWN_DRAIN_SECONDS: '3',
      SLACK_TIMEOUT_SECONDS: '2.5',
      NODE_ENV: 'production',
    });
    expect(r.ok && [r.config.drainSeconds, r.config.slackTimeoutMs, r.config.logFormat]).toEqual([
      3,
      2500,
      'json',
    ]);
    const bad = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SHUTDOWN_DRAIN_SECONDS: 'soon',
    });
    expect(bad.ok ? [] : bad.errors).toEqual([
      expect.stringMatching(/^SHUTDOWN_DRAIN_SECONDS must be a number of seconds/),
    ]);
  });

  describe('one workspace or many', () => {
    const OAUTH = {
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 'a-long-random-state-secret',
      SLACK_SIGNING_SECRET: SECRET,
    };

    it('selects the install flow when the client id, client secret and state secret are set, with no bot token', () => {
      const r = readConfig({
        ...OAUTH,
        SRM_DATA_DIR: '/var/lib/srm',
        DATABASE_URL: 'postgres://srm@db:5432/srm',
      });
      expect(r.ok && r.config.oauth).toEqual({
        clientId: '123.456',
        clientSecret: 'client-secret-value',
        stateSecret: 'a-long-random-state-secret',
      });
      expect(r.ok && r.config.botToken).toBeUndefined();
      expect(r.ok && [r.config.dataDir, r.config.databaseUrl]).toEqual([
        '/var/lib/srm',
        'postgres://srm@db:5432/srm',
      ]);
    });

    it('refuses both modes at once, naming the variables and what to do, without echoing secrets', () => {
      const r = readConfig({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-secret-token' });
      expect(r.ok).toBe(false);
      const text = r.ok ? '' : r.errors.join('\n');
      expect(text).toMatch(
        /SLACK_BOT_TOKEN and SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET are both set/,
      );
      expect(text).toMatch(/not both/);
      expect(text).not.toMatch(/xoxb-secret-token|client-secret-value|a-long-random/);
    });

    it('names what the install flow still lacks, and refuses a short state secret or a non-PostgreSQL database URL', () => {
      const partial = readConfig({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: SECRET });
      expect(partial.ok ? [] : partial.errors).toEqual([
        expect.stringMatching(/needs all of .*SLACK_CLIENT_SECRET, SLACK_STATE_SECRET missing/),
      ]);
      const short = readConfig({ ...OAUTH, SLACK_STATE_SECRET: 'short' });
      expect(short.ok ? [] : short.errors).toEqual([
        expect.stringMatching(/SLACK_STATE_SECRET must be at least 16/),
      ]);
      const mysql = readConfig({ ...OAUTH, DATABASE_URL: 'mysql://x' });
      expect(mysql.ok ? [] : mysql.errors).toEqual([
        expect.stringMatching(/DATABASE_URL must be a PostgreSQL URL/),
      ]);
    });
  });
});
