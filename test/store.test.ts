// The stores behind many workspaces and event de-duplication, each against the real thing:
// SQLite in a temporary folder, PostgreSQL in a fresh database (see support/postgres.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/oauth';
import pg from 'pg';
import { memoryEventLog } from '../src/store/memory.js';
import { MIGRATIONS, openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/types.js';
import { describeWithPostgres, freshDatabase } from './support/postgres.js';

const team = (id: string, token = `xoxb-${id}-1`): Installation =>
  ({
    team: { id, name: `Workspace ${id}` },
    enterprise: undefined,
    bot: { token, scopes: ['commands'], id: `B${id}`, userId: `U${id}` },
    user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  }) as Installation;
const org = (id: string): Installation =>
  ({
    team: undefined,
    enterprise: { id, name: `Org ${id}` },
    bot: { token: `xoxb-${id}-org`, scopes: ['commands'], id: `B${id}`, userId: `U${id}` },
    user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
    isEnterpriseInstall: true,
    authVersion: 'v2',
  }) as Installation;
const byTeam = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false as const });

/** The same behaviour from every store; `open` gives a store over the same data each time (a restart). */
function storeContract(open: () => Promise<Store>) {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  it('stores, replaces, finds and deletes installations by workspace, and org-wide ones by organization', async () => {
    const i = store.installations;
    if (!i?.deleteInstallation) throw new Error('no installation store');
    await i.storeInstallation(team('TA'));
    await i.storeInstallation(team('TA', 'xoxb-TA-2'));
    await i.storeInstallation(org('EA'));
    expect((await i.fetchInstallation(byTeam('TA'))).bot?.token).toBe('xoxb-TA-2');
    expect(
      (await i.fetchInstallation({ enterpriseId: 'EA', teamId: undefined, isEnterpriseInstall: true })).bot
        ?.token,
    ).toBe('xoxb-EA-org');
    await expect(i.fetchInstallation(byTeam('TB'))).rejects.toThrow(/no installation for T:TB/);
    await i.deleteInstallation(byTeam('TA'));
    await expect(i.fetchInstallation(byTeam('TA'))).rejects.toThrow(/no installation/);
  });

  it('keeps installations across a restart', async () => {
    await store.installations?.storeInstallation(team('TR'));
    await store.close();
    store = await open();
    expect((await store.installations?.fetchInstallation(byTeam('TR')))?.bot?.token).toBe('xoxb-TR-1');
  });

  it('records an event once, even when the same id arrives many times at once', async () => {
    const id = `Ev${Math.random()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => store.events.firstTime(id)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.events.firstTime(`${id}-other`)).toBe(true);
    await store.close();
    store = await open();
    expect(await store.events.firstTime(id)).toBe(false);
  });
}

describe('SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'srm-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  storeContract(async () => openSqliteStore(dir));
});

describeWithPostgres('PostgreSQL store', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());
  storeContract(() => openPostgresStore({ url: db.url }));

  it('creates the schema once when several replicas start at the same moment', async () => {
    const fresh = await freshDatabase();
    try {
      const stores = await Promise.all(
        Array.from({ length: 4 }, () => openPostgresStore({ url: fresh.url })),
      );
      await Promise.all(stores.map((s) => s.close()));
      const c = new pg.Client({ connectionString: fresh.url });
      await c.connect();
      const { rows } = await c.query('SELECT version FROM srm_schema ORDER BY version');
      await c.end();
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    } finally {
      await fresh.drop();
    }
  });

  it('fails, rather than hangs, on a database it cannot reach', async () => {
    const started = Date.now();
    await expect(
      openPostgresStore({ url: 'postgres://postgres@10.255.255.1:5432/none', timeoutMs: 500 }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('memory event log (one process, one workspace)', () => {
  it('forgets the oldest ids beyond its bound', async () => {
    const log = memoryEventLog({ max: 2 });
    expect(await log.firstTime('a')).toBe(true);
    expect(await log.firstTime('a')).toBe(false);
    await log.firstTime('b');
    await log.firstTime('c');
    expect(await log.firstTime('a')).toBe(true);
  });
});
