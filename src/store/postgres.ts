import type { Installation } from '@slack/oauth';
import pg from 'pg';
import {
  EVENT_RETENTION_MS,
  InstallationMissing,
  keyOfInstallation,
  keyOfQuery,
  type Store,
} from './types.js';

/** Any constant: replicas starting at once take this advisory lock in turn to migrate the schema. */
const SCHEMA_LOCK = 7_231_994_001;

/** Each entry runs once, in order, in its own transaction; append, never edit. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE installations (
     key TEXT PRIMARY KEY,
     team_id TEXT,
     enterprise_id TEXT,
     data JSONB NOT NULL,
     updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE handled_events (
     event_id TEXT PRIMARY KEY,
     seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE INDEX handled_events_seen_at ON handled_events (seen_at);`,
];

export interface PostgresOptions {
  readonly url: string;
  /** How long a query may take (and a connection may take to open) before it fails. */
  readonly timeoutMs?: number;
  /** Told when an idle connection breaks (the next query opens a new one). */
  readonly onError?: (err: Error) => void;
}

/** Creates the schema, or brings it up to date, once, however many replicas start together. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS srm_schema (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM srm_schema');
      for (let v = (rows[0]?.v ?? 0) + 1; v <= MIGRATIONS.length; v++) {
        await client.query('BEGIN');
        try {
          await client.query(MIGRATIONS[v - 1] as string);
          await client.query('INSERT INTO srm_schema (version) VALUES ($1)', [v]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
    }
  } finally {
    client.release();
  }
}

/**
 * The shared store for several replicas: installations, and handled event ids recorded with
 * ON CONFLICT DO NOTHING so that exactly one replica answers an event. Every query has a timeout.
 */
export async function openPostgresStore(options: PostgresOptions): Promise<Store> {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 5,
    connectionTimeoutMillis: timeoutMs,
    idleTimeoutMillis: 30_000,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => options.onError?.(err));
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  let sincePurge = 0;
  return {
    kind: 'postgres',
    installations: {
      async storeInstallation(i) {
        await pool.query(
          `INSERT INTO installations (key, team_id, enterprise_id, data, updated_at) VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
             data = excluded.data, updated_at = now()`,
          [
            keyOfInstallation(i as Installation),
            i.team?.id ?? null,
            i.enterprise?.id ?? null,
            JSON.stringify(i),
          ],
        );
      },
      async fetchInstallation(q) {
        const key = keyOfQuery(q);
        const { rows } = await pool.query<{ data: Installation }>(
          'SELECT data FROM installations WHERE key = $1',
          [key],
        );
        if (!rows[0]) throw new InstallationMissing(key);
        return rows[0].data;
      },
      async deleteInstallation(q) {
        await pool.query('DELETE FROM installations WHERE key = $1', [keyOfQuery(q)]);
      },
    },
    events: {
      async firstTime(id) {
        if (++sincePurge >= 500) {
          sincePurge = 0;
          await pool.query('DELETE FROM handled_events WHERE seen_at < now() - $1::interval', [
            `${EVENT_RETENTION_MS / 1000} seconds`,
          ]);
        }
        const res = await pool.query(
          'INSERT INTO handled_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING',
          [id],
        );
        return res.rowCount === 1;
      },
    },
    close: () => pool.end(),
  };
}
