import { EVENT_RETENTION_MS, type EventLog, type Store } from './types.js';

/** Handled events in this process only (single workspace, one process): bounded by count and age. */
export function memoryEventLog(options: { max?: number; ttlMs?: number } = {}): EventLog {
  const max = options.max ?? 10_000;
  const ttlMs = options.ttlMs ?? EVENT_RETENTION_MS;
  const seen = new Map<string, number>();
  return {
    async firstTime(id) {
      const now = Date.now();
      const at = seen.get(id);
      if (at !== undefined && now - at < ttlMs) return false;
      seen.delete(id);
      seen.set(id, now);
      // Maps iterate in insertion order: the first keys are the oldest.
      while (seen.size > max) seen.delete(seen.keys().next().value as string);
      return true;
    },
  };
}

export const memoryStore = (): Store => ({ kind: 'memory', events: memoryEventLog(), close: async () => {} });
