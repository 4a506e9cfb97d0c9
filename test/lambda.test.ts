// The AWS Lambda handler, invoked with Function URL events built as AWS delivers Slack's requests
// (header names lower-cased, form bodies base64-encoded) against the fake Slack API. On Lambda the
// function freezes once it returns, so everything a request sends must have reached Slack by then.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildHandler, handler } from '../src/lambda.js';
import { topicValue } from '../src/render/blocks/actions.js';
import { renderBlocks, withShareButton } from '../src/render/blocks/index.js';
import type { LambdaHandler } from '../src/slack/lambda/handler.js';
import { realEngine } from './support/engine.js';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';
import { functionUrlEvent } from './support/lambda-events.js';
import { blockActionsBase, eventBody, SIGNING_SECRET, slashCommandBody } from './support/signed.js';

const form = { contentType: 'application/x-www-form-urlencoded', base64: true } as const;
const json = { contentType: 'application/json' } as const;

let fake: FakeSlack;
let handle: LambdaHandler;
const env = () => ({
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fake.apiUrl,
  SLACK_TIMEOUT_SECONDS: '1',
  LOG_LEVEL: 'error',
});

beforeAll(async () => {
  fake = await startFakeSlack();
  handle = await buildHandler(env());
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.calls.length = 0;
});

const mention = (text: string) =>
  eventBody({
    type: 'app_mention',
    user: 'U1',
    text: `<@UBOT> ${text}`,
    ts: '1700000000.000100',
    channel: 'C1',
    event_ts: '1700000000.000100',
  });

describe('AWS Lambda handler', () => {
  it('answers /srm in the acknowledgement itself, privately, with nothing left to send after it returns', async () => {
    const res = await handle(
      functionUrlEvent(slashCommandBody('who patches rds', fake.responseUrl('c')), form),
      {},
    );
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body) as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    // The answer /srm gives anywhere, with its Share button, carried by the acknowledgement.
    const engine = realEngine();
    const expected = withShareButton(
      renderBlocks(engine.ask('who patches rds'), engine.knowledge),
      'who patches rds',
    );
    expect({ text: body.text, blocks: body.blocks }).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(fake.replies()).toEqual([]);
  });

  it('answers a mention in its thread before returning, for a JSON body with non-ASCII text, plain or base64', async () => {
    for (const base64 of [false, true]) {
      fake.calls.length = 0;
      const res = await handle(
        functionUrlEvent(mention('who encrypts S3 data at rest — café ✓?'), { ...json, base64 }),
        {},
      );
      expect(res.statusCode).toBe(200);
      const posted = fake.replies();
      expect(posted.map((c) => c.method)).toEqual(['chat.postMessage']);
      expect(posted[0]?.body).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    }
  });

  it('answers an event once when Slack retries it', async () => {
    const body = mention('s3');
    await handle(functionUrlEvent(body, json), {});
    const retry = await handle(
      functionUrlEvent(body, {
        ...json,
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      }),
      {},
    );
    expect(retry.statusCode).toBe(200);
    expect(fake.replies()).toHaveLength(1);
  });

  it('handles a button click before returning: the answer is replaced through response_url', async () => {
    const payload = {
      ...blockActionsBase({
        type: 'static_select',
        action_id: 'srm_pick_topic',
        selected_option: {
          text: { type: 'plain_text', text: 'encryption' },
          value: topicValue('s3', 'encryption_at_rest'),
        },
      }),
      container: { type: 'message', message_ts: '1700000000.000900', channel_id: 'C1', is_ephemeral: true },
      channel: { id: 'C1', name: 'general' },
      response_url: fake.responseUrl('click'),
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await handle(functionUrlEvent(body, form), {});
    expect(res.statusCode).toBe(200);
    const [call] = fake.replies();
    expect(call?.method).toBe('respond');
    expect(call?.body.replace_original).toBe(true);
    // The clicked topic's answer, as the renderer draws it (not "no longer available").
    const engine = realEngine();
    const picked = engine.describe('s3', 'encryption_at_rest');
    expect(picked?.kind).toBe('topic');
    expect(call?.body.text).toBe(picked && renderBlocks(picked, engine.knowledge).text);
    expect(String(call?.body.text)).not.toMatch(/no longer available/);
  });

  it('refuses forged, unsigned, future-dated, oversized and misdirected requests, and sends nothing for them', async () => {
    const body = slashCommandBody('s3', fake.responseUrl('x'));
    const cases = [
      [functionUrlEvent(body, { ...form, secret: 'not-the-secret' }), 401],
      [functionUrlEvent(body, { ...form, unsigned: true }), 401],
      [functionUrlEvent(body, { ...form, age: -10 * 60 }), 401],
      [functionUrlEvent(body, { ...form, age: 10 * 60 }), 401],
      [functionUrlEvent('x'.repeat(300 * 1024), form), 413],
      [functionUrlEvent(body, { ...form, path: '/other' }), 404],
      [functionUrlEvent(body, { ...form, method: 'GET' }), 404],
    ] as const;
    for (const [event, status] of cases) expect((await handle(event, {})).statusCode).toBe(status);
    expect(fake.replies()).toEqual([]);
  });

  it('answers a replayed slash command (same signature) once', async () => {
    const event = functionUrlEvent(slashCommandBody('kms', fake.responseUrl('r')), form);
    const first = await handle(event, {});
    const again = await handle(event, {});
    expect(first.body).toContain('"blocks"');
    expect(again).toMatchObject({ statusCode: 200, body: '' });
  });

  it('reads the Slack secrets through the AWS Parameters and Secrets extension when SLACK_SECRET_ID is set', async () => {
    const asked: { url?: string; token?: string }[] = [];
    const extension: Server = createServer((req, res) => {
      asked.push({ url: req.url, token: req.headers['x-aws-parameters-secrets-token'] as string });
      const SecretString = JSON.stringify({
        SLACK_BOT_TOKEN: 'xoxb-from-secret',
        SLACK_SIGNING_SECRET: 'secret-from-store',
      });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ Name: 'srm', SecretString }));
    });
    await new Promise<void>((r) => extension.listen(0, '127.0.0.1', r));
    try {
      const { SLACK_BOT_TOKEN: _t, SLACK_SIGNING_SECRET: _s, ...rest } = env();
      const fromSecret = await buildHandler({
        ...rest,
        SLACK_SECRET_ID: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:srm-bot-AbCdEf',
        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String((extension.address() as AddressInfo).port),
        AWS_SESSION_TOKEN: 'session-token',
      });
      expect(asked).toEqual([
        {
          url: `/secretsmanager/get?secretId=${encodeURIComponent('arn:aws:secretsmanager:eu-west-1:111122223333:secret:srm-bot-AbCdEf')}`,
          token: 'session-token',
        },
      ]);
      const auth = fake.calls.find((c) => c.method === 'auth.test');
      expect(auth).toBeDefined();
      const body = slashCommandBody('s3', fake.responseUrl('s'));
      expect(
        (await fromSecret(functionUrlEvent(body, { ...form, secret: 'secret-from-store' }), {})).statusCode,
      ).toBe(200);
      expect((await fromSecret(functionUrlEvent(body, form), {})).statusCode).toBe(401);
    } finally {
      extension.close();
    }
  });

  it('refuses to build with a token Slack rejects, and says why', async () => {
    fake.fault('auth.test', { error: 'invalid_auth' });
    await expect(buildHandler(env())).rejects.toThrow(/invalid_auth|rejected/);
  });

  it('the exported handler answers 503 while it cannot start (Slack retries), and starts on a later request', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, env());
    try {
      fake.fault('auth.test', { error: 'invalid_auth' });
      const event = () => functionUrlEvent(slashCommandBody('s3', fake.responseUrl('h')), form);
      const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
      expect((await handler(event(), {})).statusCode).toBe(503);
      expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([
        expect.stringMatching(/"event":"startup_failed".*invalid_auth/),
      ]);
      logged.mockRestore();
      const ok = await handler(event(), {});
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('"blocks"');
      const authTests = fake.calls.filter((c) => c.method === 'auth.test').length;
      await handler(event(), {});
      expect(fake.calls.filter((c) => c.method === 'auth.test')).toHaveLength(authTests);
    } finally {
      process.env = saved;
    }
  });
});
