import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by .ci/run (a throw-away cluster); a developer may point it at any PostgreSQL they can drop databases in. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/**
 * describe() for tests that need a real PostgreSQL: skipped with a clear message on a developer's
 * machine without one, a failure in CI (CI=true), which must never skip them.
 */
export function describeWithPostgres(name: string, fn: () => void): void {
  if (TEST_DATABASE_URL) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('has a PostgreSQL to test against', () => {
        throw new Error('CI=true but TEST_DATABASE_URL is not set: .ci/run starts PostgreSQL and sets it');
      });
    });
    return;
  }
  console.warn(
    `PostgreSQL tests skipped ("${name}"): set TEST_DATABASE_URL to a database you may create databases from.`,
  );
  describe.skip(name, fn);
}

/** A fresh database for one test file, dropped afterwards; its URL. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  const name = `srm_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
