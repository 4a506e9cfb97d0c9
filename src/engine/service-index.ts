import type { IFuseOptions } from 'fuse.js';

export interface FuzzyEntry {
  /** The alias without spaces: typos are compared against the squashed form. */
  readonly key: string;
  readonly id: string;
  /** How many words the alias has: a typo spanning a topic word must match a name of several words. */
  readonly words: number;
  /** A generic name: its typos count only right after "aws"/"amazon". */
  readonly weak: boolean;
}

/** A service as the matcher sees it: an id and the alias keys it answers to. */
export interface NamedService {
  readonly id: string;
  readonly strong: readonly string[];
  readonly weak: readonly string[];
  /** Whether typos of its names are accepted; exact names only otherwise. */
  readonly fuzzy: boolean;
}

/** Exact and fuzzy lookup structures over every service name, built once at start-up. */
export interface ServiceIndex {
  /** Alias key (spaced, and squashed without spaces) → service id. */
  readonly strong: ReadonlyMap<string, string>;
  readonly weak: ReadonlyMap<string, string>;
  /** The most words any alias has: the widest window worth looking up. */
  readonly maxWords: number;
  /** Every proper prefix of every name: a window can match only where its first word is one. */
  readonly starts: ReadonlySet<string>;
  /** The aliases typos are compared with; `byBigram` holds indexes into it. */
  readonly fuzzyEntries: readonly FuzzyEntry[];
  /**
   * First letter + character pair → indexes of the aliases starting with that letter and containing
   * the pair: the short list for typos and did-you-mean, which both keep the first letter.
   */
  readonly byBigram: ReadonlyMap<string, Int32Array>;
  readonly shortAliases: readonly FuzzyEntry[];
  /** Beginnings of names (2 to 8 letters) → the services whose names start so: "elastic" → several. */
  readonly byPrefix: ReadonlyMap<string, readonly string[]>;
}

export const FUSE_OPTIONS: IFuseOptions<FuzzyEntry> = {
  keys: ['key'],
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.4,
};

export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

function byBigram(entries: readonly FuzzyEntry[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const pair of bigrams(e.key)) {
      const key = `${e.key[0]}${pair}`;
      const list = lists.get(key);
      if (list) list.push(i);
      else lists.set(key, [i]);
    }
  });
  return new Map([...lists].map(([pair, list]) => [pair, Int32Array.from(list)]));
}

const squash = (key: string) => key.replace(/ /g, '');

export function buildServiceIndex(services: readonly NamedService[]): ServiceIndex {
  const strong = new Map<string, string>();
  const weak = new Map<string, string>();
  const fuzzy = new Map<string, FuzzyEntry>();
  let maxWords = 1;
  for (const s of services) {
    for (const [keys, map] of [
      [s.strong, strong],
      [s.weak, weak],
    ] as const) {
      for (const key of keys) {
        map.set(key, s.id);
        if (!map.has(squash(key))) map.set(squash(key), s.id);
        maxWords = Math.max(maxWords, key.split(' ').length);
      }
    }
    if (s.fuzzy)
      for (const [keys, weak] of [
        [s.weak, true],
        [s.strong, false],
      ] as const)
        for (const key of keys) {
          // "securityhub" and "security hub" squash alike: keep the most words either has.
          const words = Math.max(key.split(' ').length, fuzzy.get(squash(key))?.words ?? 0);
          fuzzy.set(squash(key), { key: squash(key), id: s.id, words, weak });
        }
  }
  const starts = new Set<string>();
  for (const key of [...strong.keys(), ...weak.keys()])
    for (let i = 1; i < key.length; i++) starts.add(key.slice(0, i));
  const entries = [...fuzzy.values()];
  const byPrefix = new Map<string, string[]>();
  // Shortest names first: "ec" lists EC2, ECR and ECS before "ec2 auto scaling".
  for (const e of [...entries].sort((a, b) => a.key.length - b.key.length)) {
    if (e.weak) continue;
    for (let n = 2; n <= Math.min(8, e.key.length - 1); n++) {
      const ids = byPrefix.get(e.key.slice(0, n)) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      byPrefix.set(e.key.slice(0, n), ids);
    }
  }
  return {
    byPrefix,
    strong,
    weak,
    maxWords: Math.min(maxWords, 6),
    starts,
    fuzzyEntries: entries.filter((e) => e.key.length >= 4),
    byBigram: byBigram(entries.filter((e) => e.key.length >= 4)),
    shortAliases: entries.filter((e) => e.key.length <= 4 && !e.weak),
  };
}
