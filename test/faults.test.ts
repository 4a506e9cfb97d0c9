// The app under a hostile or unlucky network: slow and failing Slack, forged and oversized
// requests, idle connections, start-up with a bad token, and shutdown with answers in flight.

import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { LogLevel } from '@slack/bolt';
import { createLogger } from '../src/logging/logger.js';
import { drainAndStop } from '../src/slack/shutdown.js';
import { checkToken, TokenRejected } from '../src/slack/startup.js';
import { startTestApp, type TestApp } from './support/app.js';
import { realEngine } from './support/engine.js';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';
import {
  eventBody,
  form,
  json,
  postSigned,
  SIGNING_SECRET,
  sign,
  slashCommandBody,
} from './support/signed.js';

const engine = realEngine();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let fake: FakeSlack;
let srm: TestApp;

beforeEach(async () => {
  fake = await startFakeSlack();
  srm = await startTestApp({
    apiUrl: fake.apiUrl,
    engine,
    config: { slackTimeoutMs: 400 },
    receiver: { requestTimeoutMs: 400, keepAliveTimeoutMs: 200 },
  });
});

afterEach(async () => {
  await srm.stop().catch(() => {});
  await fake.close();
});

const events = () => srm.logged.map((l) => JSON.parse(l) as Record<string, unknown>);
const mention = (text: string, ts: string) => ({
  type: 'app_mention',
  user: 'U1',
  text: `<@UBOT> ${text}`,
  ts,
  channel: 'C1',
  event_ts: ts,
});

/** Sends raw bytes and resolves with the status line's code, or 'closed' if the server hangs up first. */
function raw(port: number, head: string, body = '', holdOpen = false): Promise<number | 'closed'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`${head}\r\n\r\n${body}`);
      if (!holdOpen) socket.end();
    });
    let data = '';
    socket.on('data', (c) => {
      data += c;
    });
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      resolve(m ? Number(m[1]) : 'closed');
    });
    socket.on('error', () => {});
  });
}

describe('slow and failing Slack', () => {
  it('gives up on a hanging response_url within the timeout, logs why, and keeps answering others', async () => {
    fake.fault('respond', { hang: true });
    const started = Date.now();
    await postSigned(srm.url, slashCommandBody('s3', fake.responseUrl('hang')), form);
    await postSigned(srm.url, slashCommandBody('ec2', fake.responseUrl('ok')), form);
    await fake.waitForReplies(2);
    await sleep(600);
    const given = events().find((e) => e.event === 'reply' && e.outcome === 'not_delivered');
    expect(given).toMatchObject({
      request: '/srm',
      error: expect.stringMatching(/abort|timed out|timeout/i),
    });
    expect(Date.now() - started).toBeLessThan(3000);
    // The other answer was not held up, and nothing was sent twice.
    expect(fake.replies().map((r) => r.body._url)).toEqual(['/respond/hang', '/respond/ok']);
  });

  it('gives up on a hanging chat.postMessage without sending it again', async () => {
    fake.fault('chat.postMessage', { hang: true });
    await postSigned(srm.url, eventBody(mention('s3', '1700000000.000100')), json);
    await sleep(900);
    expect(fake.replies().filter((r) => r.method === 'chat.postMessage')).toHaveLength(1);
    expect(events().some((e) => e.event === 'reply' && e.outcome === 'not_delivered')).toBe(true);
  });

  it('does not retry a 500 (the message may have been posted) and logs it', async () => {
    fake.fault('chat.postMessage', { status: 500 });
    await postSigned(srm.url, eventBody(mention('s3', '1700000000.000200')), json);
    await sleep(400);
    expect(fake.replies()).toHaveLength(1);
    expect(events().find((e) => e.event === 'reply')).toMatchObject({ outcome: 'not_delivered' });
  });

  it('waits out a 429 and sends once more (Slack did not act on it)', async () => {
    fake.fault('chat.postMessage', { status: 429, retryAfter: 0 });
    await postSigned(srm.url, eventBody(mention('s3', '1700000000.000300')), json);
    await fake.waitForReplies(2);
    await sleep(200);
    expect(fake.replies().map((r) => r.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
    expect(events().find((e) => e.event === 'reply')).toMatchObject({ outcome: 'answered' });
  });

  it('waits out a 429 from a response_url and posts once more, and never retries a 500', async () => {
    fake.fault('respond', { status: 429, retryAfter: 0 }, { status: 500 });
    await postSigned(srm.url, slashCommandBody('s3', fake.responseUrl('limited')), form);
    await fake.waitForReplies(2);
    await sleep(200);
    expect(fake.replies().map((r) => r.body._url)).toEqual(['/respond/limited', '/respond/limited']);
    expect(events().find((e) => e.event === 'reply')).toMatchObject({
      outcome: 'not_delivered',
      error: expect.stringMatching(/HTTP 500/),
    });
  });

  it('answers a message Slack refuses to show with a short plain one', async () => {
    fake.fault('chat.postMessage', { error: 'msg_blocks_too_long' });
    await postSigned(srm.url, eventBody(mention('s3', '1700000000.000400')), json);
    await fake.waitForReplies(2);
    await sleep(100);
    const [, plain] = fake.replies();
    expect(plain?.body.text).toMatch(/Slack would not show that answer/);
    expect(events().find((e) => e.event === 'reply')).toMatchObject({
      outcome: 'rejected_by_slack',
      code: 'msg_blocks_too_long',
    });
  });
});

describe('the HTTP layer', () => {
  it('refuses a request without signature headers before reading its body', async () => {
    const head = `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4000000`;
    const started = Date.now();
    // The body is never sent: the answer must not wait for it.
    expect(await raw(srm.port, head, '{', true)).toBe(401);
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('refuses an oversized body by its declared length, before reading it', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const head =
      'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      `X-Slack-Request-Timestamp: ${ts}\r\nX-Slack-Signature: v0=${'0'.repeat(64)}\r\nContent-Length: 4000000`;
    expect(await raw(srm.port, head, '{', true)).toBe(413);
  });

  it('refuses an oversized chunked body as it arrives', async () => {
    const res = await postSigned(
      srm.url,
      JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(300_000) }),
      json,
    );
    expect(res.status).toBe(413);
  });

  it('refuses timestamps from the future, as from the past', async () => {
    const res = await postSigned(srm.url, slashCommandBody('s3', fake.responseUrl('future')), {
      ...form,
      age: -10 * 60,
    });
    expect(res.status).toBe(401);
    await sleep(200);
    expect(fake.replies()).toHaveLength(0);
  });

  it('answers a replayed slash command once', async () => {
    const body = slashCommandBody('s3', fake.responseUrl('replay'));
    const ts = Math.floor(Date.now() / 1000);
    const headers = { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) };
    for (let i = 0; i < 3; i++)
      expect((await postSigned(srm.url, body, { ...form, unsigned: true, headers })).status).toBe(200);
    await fake.waitForReplies(1);
    await sleep(300);
    expect(fake.replies()).toHaveLength(1);
  });

  it.each([
    ['null', 'null', json],
    ['payload=null', 'payload=null', form],
    ['broken JSON', '{"type":', json],
    ['an array', '[1,2]', json],
  ])('answers a signed but malformed body (%s) with 400 at once', async (_name, body, opts) => {
    const started = Date.now();
    const res = await postSigned(srm.url, body, opts);
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('closes a connection that sends nothing, and idle keep-alive connections', async () => {
    let started = Date.now();
    expect(await raw(srm.port, '', '', true)).toBe('closed');
    expect(Date.now() - started).toBeLessThan(2000);
    // A keep-alive request answered, then silence: closed after the keep-alive timeout.
    started = Date.now();
    expect(await raw(srm.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive', '', true)).toBe(
      200,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('serves /healthz and /readyz, and reports not ready while draining', async () => {
    const get = (path: string) =>
      new Promise<number>((resolve) =>
        request({ port: srm.port, host: '127.0.0.1', path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).end(),
      );
    expect(await get('/healthz')).toBe(200);
    expect(await get('/readyz')).toBe(200);
    srm.health.draining = true;
    expect(await get('/readyz')).toBe(503);
    expect(await get('/healthz')).toBe(200);
  });
});

describe('shutdown', () => {
  it('delivers every answer in flight within the drain time', async () => {
    for (let i = 0; i < 20; i++) fake.fault('respond', { delayMs: 300 });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postSigned(srm.url, slashCommandBody('who patches rds', fake.responseUrl(`d${i}`)), form),
      ),
    );
    const drained = await drainAndStop(
      srm,
      srm.health,
      2000,
      createLogger({ level: LogLevel.ERROR, format: 'json' }),
    );
    expect(drained).toBe(true);
    expect(new Set(fake.replies().map((r) => r.body._url)).size).toBe(20);
    expect(srm.health.draining).toBe(true);
  });
});

describe('start-up token check', () => {
  const logger = createLogger({ level: LogLevel.ERROR, format: 'json' });

  it('fails at once, naming the reason, when Slack rejects the token', async () => {
    fake.fault('auth.test', { error: 'invalid_auth' });
    await expect(
      checkToken({ token: 'xoxb-bad', slackApiUrl: fake.apiUrl, timeoutMs: 500, giveUpMs: 5000, logger }),
    ).rejects.toThrow(TokenRejected);
  });

  it('retries an unreachable Slack with backoff for a bounded time, then fails', async () => {
    fake.fault('auth.test', { status: 503 }, { status: 503 });
    const ok = await checkToken({
      token: 'xoxb-ok',
      slackApiUrl: fake.apiUrl,
      timeoutMs: 500,
      giveUpMs: 5000,
      logger,
    });
    expect(ok).toEqual({ botId: 'BBOT', botUserId: 'UBOT', team: 'Test' });
    const started = Date.now();
    await expect(
      checkToken({
        token: 'xoxb-ok',
        slackApiUrl: 'http://127.0.0.1:1/api/',
        timeoutMs: 200,
        giveUpMs: 800,
        logger,
      }),
    ).rejects.toThrow(/did not answer auth\.test/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('logs', () => {
  it('never contain a token, and count a burst of the same failure instead of repeating it', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: LogLevel.INFO,
      format: 'json',
      write: (l) => lines.push(l),
      burst: 3,
    });
    for (let i = 0; i < 50; i++) logger.error('call failed with token xoxb-1234-5678-abcdef');
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toMatch(/1234-5678/);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 'error',
      msg: expect.stringContaining('xoxb-…'),
    });
    expect(SIGNING_SECRET.length).toBeGreaterThan(0);
  });
});

describe('a burst of commands', () => {
  it('acknowledges every request that is waiting before it works out any answer', async () => {
    // The app in its own process, with an engine busy 150 ms per question: answered in turn, the
    // eighth ack would wait for seven answers (over a second); acknowledged first, none waits for one.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'support', 'app-process.ts'), fake.apiUrl, '150'],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      const port = await new Promise<number>((resolve) =>
        child.stdout?.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))),
      );
      const sockets = await Promise.all(
        Array.from(
          { length: 9 },
          () =>
            new Promise<Socket>((r) => {
              const s = connect(port, '127.0.0.1', () => r(s));
            }),
        ),
      );
      await sleep(200); // every connection accepted before anything is sent
      const ackOf = (s: Socket) =>
        new Promise<number | undefined>((resolve) =>
          s.once('data', (d: Buffer) =>
            resolve(d.toString('latin1').startsWith('HTTP/1.1 200') ? performance.now() : undefined),
          ),
        );
      const send = (s: Socket, i: number) => {
        const ts = Math.floor(Date.now() / 1000);
        const body = slashCommandBody('who patches rds', fake.responseUrl(`burst${i}`));
        s.write(
          'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
            `Content-Length: ${Buffer.byteLength(body)}\r\nX-Slack-Request-Timestamp: ${ts}\r\n` +
            `X-Slack-Signature: ${sign(body, ts)}\r\n\r\n${body}`,
        );
      };
      // One command first: once it is acknowledged the app is busy with its answer, and the burst
      // of eight arrives meanwhile, all of them waiting when the app next looks.
      const [first, ...burst] = sockets as [Socket, ...Socket[]];
      const firstAck = ackOf(first);
      send(first, 0);
      await firstAck;
      const acks = burst.map(ackOf);
      for (const [i, s] of burst.entries()) send(s, i + 1);
      const ackedAt = (await Promise.all(acks)).filter((t): t is number => t !== undefined);
      expect(ackedAt).toHaveLength(8);
      // All eight acks went out before any answer's 150 ms of work was done.
      expect(Math.max(...ackedAt) - Math.min(...ackedAt)).toBeLessThan(150);
      expect(await fake.waitForReplies(9, 5000)).toHaveLength(9);
      for (const s of sockets) s.destroy();
    } finally {
      child.stdin?.end();
      child.kill();
    }
  });
});
