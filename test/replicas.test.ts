// Two srm-bot processes (`src/main.ts`, as `npm start` runs it but from source) on different
// ports, sharing one PostgreSQL, in install-flow mode: they agree on who is installed and on
// which events were already answered.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';
import { describeWithPostgres, freshDatabase } from './support/postgres.js';
import { eventBody, freePort, json, postSigned, SIGNING_SECRET } from './support/signed.js';

const ROOT = join(__dirname, '..');

interface Replica {
  readonly base: string;
  readonly events: string;
  readonly child: ChildProcess;
  readonly output: () => string;
}

async function startReplica(databaseUrl: string, apiUrl: string): Promise<Replica> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SLACK_CLIENT_ID: '111.222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 150 || child.exitCode !== null) throw new Error(`replica did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, events: `${base}/slack/events`, child, output: () => output };
}

const fromWorkspace = (team: string, event: Record<string, unknown>, eventId?: string) =>
  eventBody(event, eventId, team);
const mention = (team: string, eventId?: string) =>
  fromWorkspace(
    team,
    { type: 'app_mention', user: 'U1', text: `<@UBOT${team}> kms`, ts: '1.1', channel: 'C1' },
    eventId,
  );

describeWithPostgres('two replicas sharing one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let fake: FakeSlack;
  let a: Replica;
  let b: Replica;
  const posts = () => fake.calls.filter((c) => c.method === 'chat.postMessage');
  const settle = () => new Promise((r) => setTimeout(r, 400));

  beforeAll(async () => {
    db = await freshDatabase();
    fake = await startFakeSlack();
    // Started together: the schema is created once, under the advisory lock.
    [a, b] = await Promise.all([startReplica(db.url, fake.apiUrl), startReplica(db.url, fake.apiUrl)]);
  }, 60_000);
  afterAll(async () => {
    for (const r of [a, b]) r?.child.kill('SIGTERM');
    await Promise.all([a, b].map((r) => r && new Promise((done) => r.child.once('exit', done))));
    await fake.close();
    await db.drop();
  });

  it('uses at one replica an installation made through the other', async () => {
    const page = await fetch(`${a.base}/slack/install`);
    const state = new URL(
      /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(
        (await page.text()).replace(/&amp;/g, '&'),
      )?.[1] ?? '',
    ).searchParams.get('state');
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const done = await fetch(`${a.base}/slack/oauth_redirect?code=T5-code&state=${state}`, {
      headers: { cookie },
    });
    expect(done.status).toBe(200);

    fake.calls.length = 0;
    expect((await postSigned(b.events, mention('T5'), json)).status).toBe(200);
    await settle();
    expect(posts().map((c) => c.token)).toEqual(['xoxb-T5-code']);
  });

  it('answers an event sent to both replicas at once exactly once', async () => {
    for (let round = 0; round < 5; round++) {
      fake.calls.length = 0;
      const body = mention('T5', `EvBoth${round}${Date.now()}`);
      const [ra, rb] = await Promise.all([
        postSigned(a.events, body, json),
        postSigned(b.events, body, json),
      ]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      await settle();
      expect(posts()).toHaveLength(1);
    }
  });

  it('stops answering a workspace at both replicas once one of them sees the uninstall', async () => {
    fake.calls.length = 0;
    await postSigned(b.events, mention('T5'), json);
    await settle();
    expect(posts()).toHaveLength(1);
    await postSigned(a.events, fromWorkspace('T5', { type: 'app_uninstalled', event_ts: '1.2' }), json);
    await settle();
    fake.calls.length = 0;
    await postSigned(b.events, mention('T5'), json);
    await postSigned(a.events, mention('T5'), json);
    await settle();
    expect(posts()).toEqual([]);
    expect(a.output()).toContain('"uninstalled"');
  });
});
