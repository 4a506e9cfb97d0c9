import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Installation } from '@slack/oauth';
import Database from 'better-sqlite3';
import {
  EVENT_RETENTION_MS,
  InstallationMissing,
  keyOfInstallation,
  keyOfQuery,
  type Store,
} from './types.js';

export const SQLITE_FILE = 'srm-bot.sqlite';

/**
 * The embedded store: one SQLite file in `dir`, for one process. WAL mode, so reads never wait
 * for a write; the folder and file are readable by this user only (they hold bot tokens).
 */
export function openSqliteStore(dir: string): Store {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const path = join(dir, SQLITE_FILE);
  const db = new Database(path, { timeout: 2_000 });
  chmodSync(path, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS installations (
      key TEXT PRIMARY KEY,
      team_id TEXT,
      enterprise_id TEXT,
      data TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS handled_events (
      event_id TEXT PRIMARY KEY,
      seen_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS handled_events_seen_at ON handled_events (seen_at);
  `);
  const upsert = db.prepare(
    `INSERT INTO installations (key, team_id, enterprise_id, data, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
       data = excluded.data, updated_at = excluded.updated_at`,
  );
  const select = db.prepare('SELECT data FROM installations WHERE key = ?');
  const remove = db.prepare('DELETE FROM installations WHERE key = ?');
  const record = db.prepare(
    'INSERT INTO handled_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const purge = db.prepare('DELETE FROM handled_events WHERE seen_at < ?');
  let sincePurge = 0;

  return {
    kind: 'sqlite',
    installations: {
      async storeInstallation(i) {
        upsert.run(
          keyOfInstallation(i as Installation),
          i.team?.id ?? null,
          i.enterprise?.id ?? null,
          JSON.stringify(i),
          Date.now(),
        );
      },
      async fetchInstallation(q) {
        const key = keyOfQuery(q);
        const row = select.get(key) as { data: string } | undefined;
        if (!row) throw new InstallationMissing(key);
        return JSON.parse(row.data) as Installation;
      },
      async deleteInstallation(q) {
        remove.run(keyOfQuery(q));
      },
    },
    events: {
      async firstTime(id) {
        const now = Date.now();
        if (++sincePurge >= 500) {
          sincePurge = 0;
          purge.run(now - EVENT_RETENTION_MS);
        }
        return record.run(id, now).changes === 1;
      },
    },
    close: async () => {
      db.close();
    },
  };
}
