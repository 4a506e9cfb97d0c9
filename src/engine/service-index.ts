import Fuse from 'fuse.js';
import { serviceNames } from '../knowledge/load.js';
import type { Service } from '../knowledge/types.js';

export interface FuzzyEntry {
  /** The alias without spaces: typos are compared against the squashed form. */
  readonly key: string;
  readonly id: string;
}

/** Exact and fuzzy lookup structures over every service name, built once at start-up. */
export interface ServiceIndex {
  readonly byId: ReadonlyMap<string, Service>;
  /** Alias key (spaced, and squashed without spaces) → service id. */
  readonly strong: ReadonlyMap<string, string>;
  readonly weak: ReadonlyMap<string, string>;
  /** The most words any alias has: the widest window worth looking up. */
  readonly maxWords: number;
  readonly fuse: Fuse<FuzzyEntry>;
  readonly shortAliases: readonly FuzzyEntry[];
}

const squash = (key: string) => key.replace(/ /g, '');

export function buildServiceIndex(services: readonly Service[]): ServiceIndex {
  const strong = new Map<string, string>();
  const weak = new Map<string, string>();
  const fuzzy = new Map<string, string>();
  let maxWords = 1;
  for (const s of services) {
    const names = serviceNames(s);
    for (const [keys, map] of [
      [names.strong, strong],
      [names.weak, weak],
    ] as const) {
      for (const key of keys) {
        map.set(key, s.id);
        if (!map.has(squash(key))) map.set(squash(key), s.id);
        maxWords = Math.max(maxWords, key.split(' ').length);
      }
    }
    for (const key of names.strong) fuzzy.set(squash(key), s.id);
  }
  const entries = [...fuzzy].map(([key, id]) => ({ key, id }));
  const fuse = new Fuse(
    entries.filter((e) => e.key.length >= 4),
    {
      keys: ['key'],
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: 0.5,
    },
  );
  return {
    byId: new Map(services.map((s) => [s.id, s])),
    strong,
    weak,
    maxWords: Math.min(maxWords, 6),
    fuse,
    shortAliases: entries.filter((e) => e.key.length <= 4),
  };
}
