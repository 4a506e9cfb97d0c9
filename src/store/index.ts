import { memoryStore } from './memory.js';
import type { Store } from './types.js';

export type { EventLog, Store } from './types.js';

export interface StoreChoice {
  /** PostgreSQL, for several replicas. */
  readonly databaseUrl?: string;
  /** SQLite in this folder, for one process, when installations must be kept. */
  readonly dataDir?: string;
  readonly timeoutMs?: number;
  readonly onError?: (err: Error) => void;
}

/**
 * PostgreSQL when a database URL is given, SQLite when a data folder is, memory otherwise. The
 * drivers load only when chosen (the Lambda package never loads a native module).
 */
export async function openStore(choice: StoreChoice): Promise<Store> {
  if (choice.databaseUrl) {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore({
      url: choice.databaseUrl,
      ...(choice.timeoutMs ? { timeoutMs: choice.timeoutMs } : {}),
      ...(choice.onError ? { onError: choice.onError } : {}),
    });
  }
  if (choice.dataDir) {
    const { openSqliteStore } = await import('./sqlite.js');
    return openSqliteStore(choice.dataDir);
  }
  return memoryStore();
}
