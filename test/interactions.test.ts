// Every button and menu srm-bot sends, clicked through the real Bolt app over HTTP with signed
// block_actions payloads as Slack sends them (form field `payload` holding JSON; a `container` of
// type `message` or `view`; a `response_url` only on messages), against the fake Web API.
import { checkMessage } from '../src/render/blocks/index.js';
import { type TestApp, useTestApp } from './support/app.js';
import { realEngine } from './support/engine.js';
import type { FakeSlack, RecordedCall } from './support/fake-slack.js';
import {
  blockActionsBase,
  eventBody,
  form,
  json,
  postSigned,
  settle,
  slashCommandBody,
} from './support/signed.js';

const env = useTestApp(() => realEngine());
let fake: FakeSlack;
let srm: TestApp;
let url: string;

beforeAll(() => {
  ({ fake, srm } = env);
  url = srm.url;
});

async function replies(n: number): Promise<RecordedCall[]> {
  await fake.waitForReplies(n);
  await settle();
  const all = fake.replies();
  expect(all).toHaveLength(n);
  return all;
}

type Block = { type: string; elements?: Element[]; text?: { text: string } };
type Element = {
  type: string;
  action_id: string;
  value?: string;
  text?: { text: string };
  options?: { value: string }[];
};

function blocksOf(call: RecordedCall): Block[] {
  const view = call.body.view as { blocks: Block[] } | undefined;
  return (view?.blocks ?? call.body.blocks) as Block[];
}

/** The interactive elements of a message or view, each action_id once (Slack requires it). */
function elements(call: RecordedCall): Element[] {
  const all = blocksOf(call).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
  expect(new Set(all.map((e) => e.action_id)).size).toBe(all.length);
  return all;
}

function element(call: RecordedCall, actionId: string | RegExp, text?: string): Element {
  const found = elements(call).find(
    (e) =>
      (typeof actionId === 'string' ? e.action_id === actionId : actionId.test(e.action_id)) &&
      (text === undefined || e.text?.text === text),
  );
  if (!found) throw new Error(`no element ${actionId} ${text ?? ''}`);
  return found;
}

function expectValid(call: RecordedCall) {
  const text = (call.body.text as string | undefined) ?? 'view';
  const blocks = blocksOf(call) as never;
  expect(checkMessage({ text, blocks }).filter((p) => !p.includes('blocks, must be 1-50'))).toEqual([]);
}

/** Where the clicked element sits: a message (private or not, with a response_url) or the Home view. */
type Where = { message: { ephemeral: boolean; responseId: string } } | { home: { category?: string } };

function clickBody(element: Element, where: Where, selected?: string): string {
  const action =
    element.type === 'button'
      ? { type: 'button', action_id: element.action_id, value: element.value, text: element.text }
      : {
          type: 'static_select',
          action_id: element.action_id,
          selected_option: { text: { type: 'plain_text', text: selected }, value: selected },
        };
  const base = blockActionsBase(action);
  const payload =
    'message' in where
      ? {
          ...base,
          container: {
            type: 'message',
            message_ts: '1700000000.000900',
            channel_id: 'C1',
            is_ephemeral: where.message.ephemeral,
          },
          channel: { id: 'C1', name: 'general' },
          response_url: fake.responseUrl(where.message.responseId),
        }
      : {
          ...base,
          container: { type: 'view', view_id: 'V1' },
          view: {
            id: 'V1',
            type: 'home',
            blocks: [],
            state: {
              values: where.home.category
                ? {
                    cat: {
                      srm_pick_category: {
                        type: 'static_select',
                        selected_option: { value: where.home.category },
                      },
                    },
                  }
                : {},
            },
          },
        };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

async function click(element: Element, where: Where, selected?: string) {
  const res = await postSigned(url, clickBody(element, where, selected), form);
  expect(res.status).toBe(200);
}

async function ask(text: string, responseId = 'cmd'): Promise<RecordedCall> {
  await postSigned(url, slashCommandBody(text, fake.responseUrl(responseId)), form);
  const [answer] = await replies(1);
  fake.calls.length = 0;
  return answer as RecordedCall;
}

const privately = (responseId: string): Where => ({ message: { ephemeral: true, responseId } });
const inThread = (responseId: string): Where => ({ message: { ephemeral: false, responseId } });

describe('detail buttons', () => {
  it('replace a private /srm answer with the part asked for', async () => {
    const answer = await ask('s3');
    await click(element(answer, /^srm_detail/, 'What you do'), privately('detail'));
    const [reply] = await replies(1);
    expect(reply?.body).toMatchObject({
      _url: '/respond/detail',
      replace_original: true,
      response_type: 'ephemeral',
    });
    expect(reply?.body.text).toMatch(/^Amazon S3: what you do:/);
    expectValid(reply as RecordedCall);
  });

  it('answer only the clicker on a message others read, leaving it as it was', async () => {
    const answer = await ask('who patches rds');
    await click(element(answer, /^srm_detail/, 'Every way in full'), inThread('thread'));
    const [reply] = await replies(1);
    expect(reply?.body).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(reply?.body.text).toMatch(/^Amazon RDS: Operating system patching, by how you use it:/);
    expectValid(reply as RecordedCall);
  });

  it('list sources with readable labels', async () => {
    const answer = await ask('lambda');
    await click(element(answer, /^srm_detail/, 'Sources'), privately('sources'));
    const [reply] = await replies(1);
    const links = JSON.stringify(reply?.body.blocks).match(/<https:[^|>]+\|[^>]+>/g) ?? [];
    expect(links.length).toBeGreaterThan(1);
    for (const l of links) expect(l).not.toMatch(/\|[^>]*(\.html|#)[^>]*>/);
  });

  it('tell the clicker a tampered value is no longer available', async () => {
    await click(
      { type: 'button', action_id: 'srm_detail_0', value: 'aws|<!channel>', text: { text: 'x' } },
      inThread('bad'),
    );
    const [reply] = await replies(1);
    expect(reply?.body.text).toMatch(/no longer available/);
    expect(JSON.stringify(reply?.body)).not.toMatch(/<!channel>/);
  });
});

describe('service and topic picks', () => {
  it('answers a topic picked from the menu, replacing a private answer', async () => {
    const answer = await ask('rds');
    await click(element(answer, 'srm_pick_topic'), privately('menu'), 'rds|backup');
    const [reply] = await replies(1);
    expect(reply?.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(reply?.body.text).toMatch(/^Amazon RDS, Backup/);
    expectValid(reply as RecordedCall);
  });

  it("opens one service's topic from a button of a model-level answer", async () => {
    const answer = await ask('who patches the os');
    await click(element(answer, /^srm_pick_service/, 'Amazon EC2'), privately('model-button'));
    const [reply] = await replies(1);
    expect(reply?.body.replace_original).toBe(true);
    expect(reply?.body.text).toMatch(/^Amazon EC2, Operating system patching: You \(the customer\)/);
    expectValid(reply as RecordedCall);
  });

  it('tells the clicker a tampered or stale service value is no longer available', async () => {
    await click(
      { type: 'button', action_id: 'srm_pick_service_0', value: '<!channel>', text: { text: 'x' } },
      inThread('tampered'),
    );
    const [reply] = await replies(1);
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply?.body.text).toMatch(/no longer available/);
    expect(JSON.stringify(reply?.body)).not.toMatch(/<!channel>/);
  });
});

describe('Share in channel', () => {
  it('posts the same answer for everyone through response_url, says who shared it, then deletes the private copy', async () => {
    const answer = await ask('who patches the OS on RDS?', 'share');
    const share = element(answer, 'srm_share');
    expect(share.text?.text).toBe('Share in channel');
    await click(share, privately('share'));
    const [shown, deleted] = await replies(2);
    expect(shown?.body).toMatchObject({ _url: '/respond/share', response_type: 'in_channel' });
    expect(shown?.body.text).toBe(answer.body.text);
    expect(JSON.stringify(shown?.body.blocks)).toContain('Shared by <@U1>');
    expect(elements(shown as RecordedCall).some((e) => e.action_id === 'srm_share')).toBe(false);
    expectValid(shown as RecordedCall);
    expect(deleted?.body).toMatchObject({ _url: '/respond/share', delete_original: true });
  });

  it('carries hostile questions inertly and asks them again exactly', async () => {
    const answer = await ask('<!channel> who patches <@U999> rds', 'hostile-share');
    const share = element(answer, 'srm_share');
    expect(share.value).not.toMatch(/<|>|@/);
    await click(share, privately('hostile-share'));
    const [shown] = await replies(2);
    expect(shown?.body.text).toBe(answer.body.text);
    expect(JSON.stringify(shown?.body)).not.toMatch(/<!channel>|<@U999>/);
  });

  it('keeps a tampered share private: nothing is posted for everyone, nothing deleted', async () => {
    await click(
      { type: 'button', action_id: 'srm_share', value: 'ask|%E0%A4%A', text: { text: 'x' } },
      privately('bad-share'),
    );
    const [reply] = await replies(1);
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(reply?.body.text).toMatch(/no longer available/);
  });

  it('logs an expired response_url: there is nobody to tell', async () => {
    const answer = await ask('s3', 'expired');
    fake.fault('respond', { status: 404 });
    await click(element(answer, 'srm_share'), privately('expired'));
    await settle();
    expect(srm.logged.join('\n')).toMatch(/expired/);
  });
});

describe('help, list and did-you-mean', () => {
  it('asks an example question from help as if typed', async () => {
    const help = await ask('help');
    const example = element(help, /^srm_example_/, 'who patches the OS on RDS?');
    await click(example, privately('example'));
    const [reply] = await replies(1);
    expect(reply?.body.text).toMatch(/^Amazon RDS, Operating system patching:/);
    expect(reply?.body.replace_original).toBe(true);
  });

  it('lists services by category: a category menu, then a service menu, then the answer', async () => {
    const list = await ask('list');
    const categories = element(list, 'srm_pick_category');
    expect(categories.options?.map((o) => o.value)).toEqual(['infrastructure', 'container', 'abstracted']);
    await click(categories, privately('list'), 'abstracted');
    const [category] = await replies(1);
    expect(category?.body.text).toMatch(/^Abstracted services/);
    const menus = elements(category as RecordedCall).filter((e) => e.type === 'static_select');
    const offered = menus.flatMap((m) => m.options ?? []).map((o) => o.value);
    expect(offered).toContain('s3');
    for (const m of menus) expect(m.options?.length).toBeLessThanOrEqual(100);
    expectValid(category as RecordedCall);
    fake.calls.length = 0;
    await click(menus[0] as Element, privately('list'), 's3');
    const [answer] = await replies(1);
    expect(answer?.body.text).toMatch(/^Amazon S3:/);
  });

  it('offers up to five services for a bare prefix, and a click answers one', async () => {
    const reply = await ask('elastic');
    const buttons = elements(reply).filter((e) => /^srm_pick_service/.test(e.action_id));
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons.length).toBeLessThanOrEqual(5);
    await click(buttons[0] as Element, privately('prefix'));
    const [answer] = await replies(1);
    expect(answer?.body.text).toMatch(new RegExp(`^${buttons[0]?.text?.text}`));
  });

  it('explains a part of the model picked from its menu', async () => {
    const model = await ask('model');
    const menu = element(model, /^srm_example_/);
    const inherited = menu.options?.find((o) => /inherit/.test(o.value))?.value;
    await click(menu, privately('model'), inherited);
    const [reply] = await replies(1);
    expect(reply?.body.text).toMatch(/^Inherited controls: AWS/);
  });
});

describe('App Home', () => {
  async function open(): Promise<RecordedCall> {
    await postSigned(
      url,
      eventBody({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1.2' }),
      json,
    );
    const [view] = await replies(1);
    fake.calls.length = 0;
    return view as RecordedCall;
  }

  const viewOf = (call: RecordedCall) => call.body.view as { type: string; blocks: Block[] };

  function expectHome(call: RecordedCall) {
    expect(call.method).toBe('views.publish');
    expect(call.body.user_id).toBe('U1');
    expect(viewOf(call).type).toBe('home');
    expect(viewOf(call).blocks.length).toBeLessThanOrEqual(100);
    const problems = checkMessage({ text: 'home', blocks: viewOf(call).blocks as never });
    expect(problems.filter((p) => !/blocks, must be 1-50/.test(p))).toEqual([]);
  }

  it('explains the model in three lines, with a category menu and examples', async () => {
    const home = await open();
    expectHome(home);
    // The model's summary from knowledge/model.yml, one sentence a line.
    const lines = realEngine().knowledge.model.summary.split(/(?<=\.)\s+/);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const shown = viewOf(home)
      .blocks.find((b) => b.type === 'section')
      ?.text?.text.split('\n');
    expect(shown).toEqual(lines);
    expect(element(home, 'srm_pick_category').options).toHaveLength(3);
    expect(elements(home).filter((e) => /^srm_example_/.test(e.action_id)).length).toBeGreaterThan(3);
  });

  it("publishes a category's services, then a picked service's answer and a topic of it, in the view (no response_url)", async () => {
    const home = await open();
    await click(element(home, 'srm_pick_category'), { home: {} }, 'container');
    const [withServices] = await replies(1);
    expectHome(withServices as RecordedCall);
    const serviceMenu = element(withServices as RecordedCall, /^srm_pick_service_5\d$/);
    expect(serviceMenu.options?.map((o) => o.value)).toContain('rds');
    fake.calls.length = 0;

    await click(serviceMenu, { home: { category: 'container' } }, 'rds');
    const [withAnswer] = await replies(1);
    expectHome(withAnswer as RecordedCall);
    expect(JSON.stringify(viewOf(withAnswer as RecordedCall).blocks)).toContain(
      'Amazon RDS: who secures what',
    );
    // The category stays picked, so its services stay one click away.
    expect(
      element(withAnswer as RecordedCall, /^srm_pick_service_5\d$/).options?.map((o) => o.value),
    ).toContain('rds');
    fake.calls.length = 0;

    await click(
      element(withAnswer as RecordedCall, 'srm_pick_topic'),
      { home: { category: 'container' } },
      'rds|backup',
    );
    const [withTopic] = await replies(1);
    expectHome(withTopic as RecordedCall);
    expect(JSON.stringify(viewOf(withTopic as RecordedCall).blocks)).toContain('Amazon RDS: Backup');
    expect(fake.replies().some((c) => c.method === 'respond')).toBe(false);
  });

  it('answers an example and a detail button in the view', async () => {
    const home = await open();
    await click(element(home, /^srm_example_/, 's3'), { home: {} });
    const [withAnswer] = await replies(1);
    expectHome(withAnswer as RecordedCall);
    fake.calls.length = 0;
    await click(element(withAnswer as RecordedCall, /^srm_detail/, 'What AWS does'), { home: {} });
    const [withDetail] = await replies(1);
    expectHome(withDetail as RecordedCall);
    expect(JSON.stringify(viewOf(withDetail as RecordedCall).blocks)).toContain('Amazon S3: what AWS does');
  });
});
