// Many workspaces: Slack's install flow (OAuth v2) through the real app in HTTP mode, against the
// fake Slack's oauth.v2.access, with installations in SQLite in a temporary folder. Each
// workspace is answered with its own token; a forged or missing state installs nothing; an
// uninstall or a revoked token forgets the workspace; installations survive a restart.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OAuthConfig } from '../src/config/env.js';
import { createLogger } from '../src/logging/logger.js';
import { createHealth, startHealthServer } from '../src/slack/health.js';
import { createInstaller, installRoutes } from '../src/slack/install/installer.js';
import type { Store } from '../src/store/index.js';
import { openSqliteStore, SQLITE_FILE } from '../src/store/sqlite.js';
import { startTestApp, type TestApp } from './support/app.js';
import { realEngine } from './support/engine.js';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';
import { eventBody, freePort, json, postSigned } from './support/signed.js';

const OAUTH: OAuthConfig = {
  clientId: '111.222',
  clientSecret: 'client-secret',
  stateSecret: 'state-secret-0123456789',
};

let dir: string;
let fake: FakeSlack;
let store: Store;
let srm: TestApp;
let base: string;

async function start(): Promise<void> {
  store = openSqliteStore(dir);
  srm = await startTestApp({ apiUrl: fake.apiUrl, engine: realEngine(), store, oauth: OAUTH });
  base = srm.url.replace('/slack/events', '');
}
async function stop(): Promise<void> {
  await srm.stop();
  await store.close();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'srm-install-'));
  fake = await startFakeSlack();
  await start();
});
afterAll(async () => {
  await stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.calls.length = 0;
});

/** Opens the install page as a browser would: the state comes in the page's link and in a cookie. */
async function openInstallPage(url = base) {
  const page = await fetch(`${url}/slack/install`);
  const html = (await page.text()).replace(/&amp;/g, '&');
  const link = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(html)?.[1] ?? '';
  const state = new URL(link || 'https://x/').searchParams.get('state') ?? '';
  return { page, link, state, cookie: page.headers.get('set-cookie') ?? '' };
}

/** Slack's redirect back after the person approved, with the state it was given. */
async function redirect(code: string, state: string | undefined, cookie: string | undefined) {
  const query = new URLSearchParams({ code, ...(state !== undefined ? { state } : {}) });
  const res = await fetch(`${base}/slack/oauth_redirect?${query}`, {
    headers: cookie ? { cookie: cookie.split(';')[0] as string } : {},
  });
  return { status: res.status, text: await res.text() };
}

async function install(team: string) {
  const { state, cookie } = await openInstallPage();
  return redirect(`${team}-code`, state, cookie);
}

const fromWorkspace = (team: string, event: Record<string, unknown>, eventId?: string) =>
  eventBody(event, eventId, team);
const mention = (team: string) =>
  fromWorkspace(team, {
    type: 'app_mention',
    user: 'U1',
    text: `<@UBOT${team}> s3`,
    ts: '1.1',
    channel: 'C1',
  });

async function postsAfter(body: string) {
  expect((await postSigned(srm.url, body, json)).status).toBe(200);
  await new Promise((r) => setTimeout(r, 150));
  return fake.calls.filter((c) => c.method === 'chat.postMessage');
}

describe('install flow (many workspaces)', () => {
  it('serves an install page whose Add to Slack link asks for our scopes, with the state also in an HttpOnly cookie', async () => {
    const { page, link, state, cookie } = await openInstallPage();
    expect(page.status).toBe(200);
    const url = new URL(link);
    expect(url.searchParams.get('client_id')).toBe(OAUTH.clientId);
    expect(url.searchParams.get('scope')?.split(',').sort()).toEqual(
      ['app_mentions:read', 'chat:write', 'commands', 'im:history'].sort(),
    );
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toContain(`slack-app-oauth-state=${state}`);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it('installs a workspace, keeps its token in the store, and answers each workspace with its own token', async () => {
    const done = await install('T2');
    expect(done.status).toBe(200);
    expect(done.text).toContain('srm-bot is installed');
    expect(fake.calls.find((c) => c.method === 'oauth.v2.access')?.body).toMatchObject({ code: 'T2-code' });
    await install('T3');
    const stored = await store.installations?.fetchInstallation({
      teamId: 'T2',
      isEnterpriseInstall: false,
      enterpriseId: undefined,
    });
    expect(stored?.bot?.token).toBe('xoxb-T2-code');

    fake.calls.length = 0;
    const [t2] = await postsAfter(mention('T2'));
    fake.calls.length = 0;
    const [t3] = await postsAfter(mention('T3'));
    expect([t2?.token, t3?.token]).toEqual(['xoxb-T2-code', 'xoxb-T3-code']);
  });

  it('keeps the SQLite file readable by its owner only (it holds bot tokens)', () => {
    expect(statSync(join(dir, SQLITE_FILE)).mode & 0o077).toBe(0);
    expect(statSync(dir).mode & 0o077).toBe(0);
  });

  it('refuses a forged, missing or foreign state with a clear page, and installs nothing', async () => {
    const { state: mine } = await openInstallPage();
    const theirs = await openInstallPage();
    const cases = [
      await redirect('T9-code', mine, undefined), // no cookie: not started in this browser
      await redirect('T9-code', theirs.state, `slack-app-oauth-state=${mine}`), // someone else's link
      await redirect('T9-code', undefined, theirs.cookie), // no state at all
      await redirect('T9-code', 'forged.state.value', 'slack-app-oauth-state=forged.state.value'), // not signed by us
    ];
    for (const c of cases) {
      expect(c.status).toBe(400);
      expect(c.text).toContain('srm-bot was not installed');
      expect(c.text).toMatch(/not valid for this browser/);
    }
    expect(fake.calls.filter((c) => c.method === 'oauth.v2.access')).toEqual([]);
    await expect(
      store.installations?.fetchInstallation({
        teamId: 'T9',
        isEnterpriseInstall: false,
        enterpriseId: undefined,
      }),
    ).rejects.toThrow(/no installation/);
  });

  it('keeps installations across a restart', async () => {
    await stop();
    await start();
    const [t2] = await postsAfter(mention('T2'));
    expect(t2?.token).toBe('xoxb-T2-code');
  });

  it('forgets a workspace on app_uninstalled and on a revoked bot token, and no longer answers it', async () => {
    await postsAfter(fromWorkspace('T2', { type: 'app_uninstalled', event_ts: '1.2' }));
    await postsAfter(
      fromWorkspace('T3', { type: 'tokens_revoked', tokens: { bot: ['UBOTT3'] }, event_ts: '1.3' }),
    );
    for (const team of ['T2', 'T3'])
      await expect(
        store.installations?.fetchInstallation({
          teamId: team,
          isEnterpriseInstall: false,
          enterpriseId: undefined,
        }),
      ).rejects.toThrow(/no installation/);
    fake.calls.length = 0;
    expect(await postsAfter(mention('T2'))).toEqual([]);
  });

  it('serves the install routes beside the health endpoints in Socket Mode', async () => {
    const logger = createLogger({ level: 'error' as never, format: 'json', write: () => {} });
    if (!store.installations) throw new Error('no installations');
    const installer = createInstaller({
      oauth: OAUTH,
      installations: store.installations,
      logger,
      timeoutMs: 1000,
    });
    const port = await freePort();
    const server = await startHealthServer(createHealth(), port, installRoutes(installer, logger));
    try {
      const { page, state } = await openInstallPage(`http://127.0.0.1:${port}`);
      expect(page.status).toBe(200);
      expect(state).not.toBe('');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
