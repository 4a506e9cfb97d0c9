// Starts the real Bolt app in HTTP mode against a fake Slack Web API and sends it requests exactly
// as Slack does (signed, form-encoded or JSON), then checks what reached the fake.
import type { Engine } from '../src/engine/index.js';
import { checkMessage } from '../src/render/blocks/index.js';
import { type TestApp, useTestApp } from './support/app.js';
import { realEngine } from './support/engine.js';
import type { FakeSlack, RecordedCall } from './support/fake-slack.js';
import { eventBody, form, json, postSigned, settle, slashCommandBody } from './support/signed.js';

// Questions containing "explode" make the engine throw, to test the apology path.
const engine: Engine = {
  ...realEngine(),
  ask(text: string) {
    if (text.includes('explode')) throw new Error('engine exploded');
    return realEngine().ask(text);
  },
};

const env = useTestApp(() => engine);
let fake: FakeSlack;
let srm: TestApp;
let url: string;

beforeAll(() => {
  ({ fake, srm } = env);
  url = srm.url;
});

/** The app's one reply: waits for it, then a little longer, so that a second one would show too. */
async function onlyReply(): Promise<RecordedCall> {
  await fake.waitForReplies(1);
  await settle();
  const replies = fake.replies();
  expect(replies).toHaveLength(1);
  return replies[0] as RecordedCall;
}

async function noReply(): Promise<void> {
  await settle();
  expect(fake.replies()).toHaveLength(0);
}

const mention = (text: string, ts: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'U1',
  text: `<@UBOT> ${text}`,
  ts,
  channel: 'C1',
  event_ts: ts,
  ...extra,
});

const directMessage = (extra: Record<string, unknown>) => ({
  type: 'message',
  channel_type: 'im',
  channel: 'D1',
  ts: '1700000000.000500',
  event_ts: '1700000000.000500',
  ...extra,
});

function expectValidMessage(body: Record<string, unknown>) {
  const problems = checkMessage({ text: body.text as string, blocks: body.blocks as never });
  expect(problems).toEqual([]);
}

describe('slash command /srm', () => {
  it('acks at once and answers privately through response_url', async () => {
    const res = await postSigned(
      url,
      slashCommandBody('who patches the OS on RDS?', fake.responseUrl('cmd1')),
      form,
    );
    expect(res.status).toBe(200);
    const reply = await onlyReply();
    expect(reply.method).toBe('respond');
    expect(reply.body._url).toBe('/respond/cmd1');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toMatch(/Amazon RDS/);
    expect(JSON.stringify(reply.body.blocks)).toMatch(/Operating system patching/);
    expectValidMessage(reply.body as Record<string, unknown>);
  });

  it.each([
    '<!channel> <!here> <@U999> <!subteam^S1|@team> @everyone s3 \u0007\u001b[31m',
    '<!channel> pizza <@U999> <!here|here> @here \u0007\u001b[2J\u202e',
    '&lt;!everyone&gt; &lt;@U999&gt; qwertyuiop',
    '<!subteam^S1> compare <#C123|secret> <https://evil.example|click>',
  ])('never lets hostile text ping anyone: %s', async (text) => {
    await postSigned(url, slashCommandBody(text, fake.responseUrl('hostile')), form);
    const reply = await onlyReply();
    const out = JSON.stringify(reply.body);
    expect(out).not.toMatch(/<!channel|<!here|<!everyone|<@U999|<!subteam|<#C123|<https:\/\/evil/);
    expect(out).not.toMatch(/@(everyone|here|channel)/);
    // JSON.stringify writes control characters other than \n, \t as \u00XX escapes.
    expect(out).not.toMatch(/\\u00[01][0-9a-f]/);
    expectValidMessage(reply.body as Record<string, unknown>);
  });

  it('answers 20 kB of text cleanly', async () => {
    await postSigned(url, slashCommandBody('lambda '.repeat(3000), fake.responseUrl('big')), form);
    const reply = await onlyReply();
    expect(reply.body.text).toMatch(/Lambda/);
    expectValidMessage(reply.body as Record<string, unknown>);
  });

  it('apologises instead of going silent when answering fails, and keeps serving', async () => {
    await postSigned(url, slashCommandBody('explode please', fake.responseUrl('boom')), form);
    const reply = await onlyReply();
    expect(reply.body.text).toMatch(/Sorry/);
    expect(srm.logged.join('\n')).toMatch(/engine exploded/);
    fake.calls.length = 0;
    await postSigned(url, slashCommandBody('s3', fake.responseUrl('after')), form);
    await onlyReply();
  });
});

describe('questions with no service named', () => {
  // The fallback is mrkdwn too: "&" arrives escaped exactly once.
  const modelTopic = /^Backup &amp; recovery: You \(the customer\)\./;

  it('answers a model-level question privately by /srm', async () => {
    await postSigned(url, slashCommandBody('whose job are backups?', fake.responseUrl('model1')), form);
    const reply = await onlyReply();
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toMatch(modelTopic);
    expect(JSON.stringify(reply.body.blocks)).toContain('"value":"rds|backup"');
    expectValidMessage(reply.body as Record<string, unknown>);
  });

  it('answers a model-level question in the thread of a mention', async () => {
    await postSigned(url, eventBody(mention('whose job are backups?', '1700000000.000700')), json);
    const reply = await onlyReply();
    expect(reply.method).toBe('chat.postMessage');
    expect(reply.body.thread_ts).toBe('1700000000.000700');
    expect(reply.body.text).toMatch(modelTopic);
  });

  it('explains a control and declines out-of-scope questions in a DM', async () => {
    await postSigned(
      url,
      eventBody(directMessage({ user: 'U1', text: 'explain inherited controls', ts: '1700000000.000800' })),
      json,
    );
    const explained = await onlyReply();
    expect(explained.body.text).toMatch(/^Inherited controls: AWS\./);
    fake.calls.length = 0;
    await postSigned(
      url,
      eventBody(directMessage({ user: 'U1', text: 'how much does dynamodb cost?', ts: '1700000000.000801' })),
      json,
    );
    const declined = await onlyReply();
    expect(declined.body.text).toMatch(/not what things cost/);
    expect(JSON.stringify(declined.body.blocks)).not.toMatch(/DynamoDB/);
  });
});

describe('app_mention', () => {
  it('answers in a thread under the mention', async () => {
    const event = mention('who patches the OS on RDS?', '1700000000.000100');
    const res = await postSigned(url, eventBody(event), json);
    expect(res.status).toBe(200);
    const reply = await onlyReply();
    expect(reply.method).toBe('chat.postMessage');
    expect(reply.body.channel).toBe('C1');
    expect(reply.body.thread_ts).toBe('1700000000.000100');
    expect(reply.body.text).toMatch(/Amazon RDS/);
    expectValidMessage(reply.body as Record<string, unknown>);
  });

  it('answers in the existing thread when asked inside one', async () => {
    const event = mention('s3', '1700000000.000300', { thread_ts: '1700000000.000001' });
    await postSigned(url, eventBody(event), json);
    const reply = await onlyReply();
    expect(reply.body.thread_ts).toBe('1700000000.000001');
  });

  it('answers a retried or duplicated event once', async () => {
    const event = mention('s3', '1700000000.000200');
    const body = eventBody(event, 'EvSAME1');
    await postSigned(url, body, json);
    await postSigned(url, body, {
      ...json,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await postSigned(url, body, json);
    await onlyReply();
  });

  it('ignores mentions posted by bots', async () => {
    const event = mention('s3', '1700000000.000400', { bot_id: 'BOTHER', user: 'U2' });
    await postSigned(url, eventBody(event), json);
    await noReply();
  });
});

describe('direct messages', () => {
  it('answers in the DM', async () => {
    const event = directMessage({ user: 'U1', text: 'dynamodb' });
    await postSigned(url, eventBody(event), json);
    const reply = await onlyReply();
    expect(reply.method).toBe('chat.postMessage');
    expect(reply.body.channel).toBe('D1');
    expect(reply.body.thread_ts).toBeUndefined();
    expect(reply.body.text).toMatch(/DynamoDB/);
    expectValidMessage(reply.body as Record<string, unknown>);
  });

  it('answers a file shared with a question and a thread reply also sent to the channel', async () => {
    for (const [subtype, ts] of [
      ['file_share', '1700000000.000610'],
      ['thread_broadcast', '1700000000.000620'],
    ] as const) {
      fake.calls.length = 0;
      await postSigned(
        url,
        eventBody(directMessage({ user: 'U1', text: 'who patches rds', subtype, ts })),
        json,
      );
      const reply = await onlyReply();
      expect(reply.body.text).toMatch(/Amazon RDS/);
    }
  });

  it('ignores edits, other bots and our own messages', async () => {
    for (const event of [
      directMessage({ subtype: 'message_changed', message: { text: 's3', user: 'U1' } }),
      directMessage({ user: 'U3', bot_id: 'BOTHER', text: 's3' }),
      directMessage({ subtype: 'bot_message', bot_id: 'BOTHER', text: 's3' }),
      directMessage({ user: 'UBOT', bot_id: 'BBOT', text: 's3' }),
    ]) {
      await postSigned(url, eventBody(event), json);
    }
    await noReply();
  });
});

describe('App Home', () => {
  it('publishes the home tab when it is opened, and nothing for the Messages tab', async () => {
    await postSigned(
      url,
      eventBody({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'messages', event_ts: '1.1' }),
      json,
    );
    await postSigned(
      url,
      eventBody({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1.2' }),
      json,
    );
    const reply = await onlyReply();
    expect(reply.method).toBe('views.publish');
    expect(reply.body.user_id).toBe('U1');
    const view = reply.body.view as { type: string; blocks: never[] };
    expect(view.type).toBe('home');
    expect(checkMessage({ text: 'home', blocks: view.blocks })).toEqual([]);
    expect(JSON.stringify(view.blocks)).toMatch(/srm_pick_category/);
  });
});

describe('request verification', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await postSigned(
      url,
      JSON.stringify({ token: 't', challenge: 'abc123', type: 'url_verification' }),
      json,
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain('abc123');
  });

  it.each([
    ['a wrong signature', { secret: 'not-the-secret' }],
    ['no signature', { unsigned: true }],
    ['a stale timestamp', { age: 6 * 60 }],
  ])('rejects %s with 401 and sends nothing', async (_name, opts) => {
    const res = await postSigned(url, slashCommandBody('s3', fake.responseUrl('forged')), {
      ...form,
      ...opts,
    });
    expect(res.status).toBe(401);
    const event = mention('s3', '1700000000.000700');
    expect((await postSigned(url, eventBody(event), { ...json, ...opts })).status).toBe(401);
    await noReply();
  });
});
