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
});
