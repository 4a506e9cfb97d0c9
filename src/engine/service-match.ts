import { claimed, type PhraseHit, scanPhrases } from './phrases.js';
import type { ServiceIndex } from './service-index.js';

export interface ServiceMention extends PhraseHit<string> {
  readonly how: 'exact' | 'weak' | 'fuzzy';
}

export interface ServiceMatch {
  readonly mentions: readonly ServiceMention[];
  /** Service ids that fit an unrecognised word, best first: "did you mean". */
  readonly suggestions: readonly string[];
  /** True when a typo fitted two services equally well, so we ask rather than guess. */
  readonly ambiguous: boolean;
}

// fuse.js proposes candidates (its score is errors ÷ pattern length, and a transposition counts as
// two errors); an edit distance with transpositions then decides, allowing one edit in 5-8 letters
// and two in longer names. Measured on the labelled set (test/fixtures/labelled-queries.ts).
const CANDIDATE_SCORE = 0.4;
/** Fuzzy score plus half the missing length share: "cloud" → CloudFront passes, "pizza" → API Gateway not. */
const SUGGEST_COMBINED = 0.5;
const MIN_FUZZY_LENGTH = 5;
const MAX_FUZZY_LENGTH = 32;
const MAX_FUZZY_WINDOWS = 24;

const allowedEdits = (length: number) => (length >= 9 ? 2 : 1);

function exactLookup(map: ReadonlyMap<string, string>) {
  return (words: readonly string[]): string | undefined => {
    const spaced = words.join(' ');
    const hit = map.get(spaced);
    if (hit) return hit;
    // "dynamo db", "cloud watch", "ec 2", "E.C.S.": joined forms, but not short joins like "i am" → iam.
    const squashed = words.join('');
    const spelled = words.every((w) => w.length === 1);
    if (words.length > 1 && (squashed.length >= 5 || /\d/.test(squashed) || spelled)) {
      const joined = map.get(squashed);
      if (joined) return joined;
    }
    // Plurals: "ec2s", "lambdas".
    const last = words[words.length - 1] ?? '';
    if (last.length > 3 && last.endsWith('s')) return map.get(spaced.slice(0, -1));
    return undefined;
  };
}

/** Optimal-string-alignment distance, for the short acronyms fuse.js cannot judge. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly id: string;
  readonly score: number;
  readonly tie: boolean;
}

/** Windows of up to three consecutive free words, squashed, that are worth a fuzzy look. */
function fuzzyWindows(tokens: readonly string[], free: (i: number) => boolean) {
  const windows: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < tokens.length && windows.length < MAX_FUZZY_WINDOWS; i++) {
    for (let w = 1; w <= 3 && i + w <= tokens.length; w++) {
      if (!free(i + w - 1)) break;
      const text = tokens.slice(i, i + w).join('');
      if (text.length >= MIN_FUZZY_LENGTH && text.length <= MAX_FUZZY_LENGTH && /[a-z]/.test(text)) {
        windows.push({ start: i, end: i + w, text });
      }
    }
  }
  return windows;
}

const coverage = (a: string, b: string) => Math.min(a.length, b.length) / Math.max(a.length, b.length);

function fuzzyCandidates(index: ServiceIndex, windows: ReturnType<typeof fuzzyWindows>) {
  const accepted: Candidate[] = [];
  const suggested = new Map<string, number>();
  for (const win of windows) {
    const fits = index.fuse
      .search(win.text, { limit: 8 })
      .map((r) => ({ id: r.item.id, key: r.item.key, score: r.score ?? 1 }))
      .filter((r) => r.score <= CANDIDATE_SCORE);
    for (const r of fits) {
      const s = r.score + (1 - coverage(win.text, r.key)) / 2;
      if (s <= SUGGEST_COMBINED && (!suggested.has(r.id) || (suggested.get(r.id) as number) > s)) {
        suggested.set(r.id, s);
      }
    }
    const good = fits
      .map((r) => ({ ...r, edits: editDistance(win.text, r.key) }))
      .filter((r) => r.edits <= allowedEdits(Math.min(win.text.length, r.key.length)))
      .sort((a, b) => a.edits - b.edits);
    const best = good[0];
    if (!best) continue;
    const tie = good.some((r) => r.id !== best.id && r.edits === best.edits);
    accepted.push({ ...win, id: best.id, score: best.edits / win.text.length, tie });
  }
  return { accepted, suggested };
}

function shortSuggestions(index: ServiceIndex, tokens: readonly string[], free: (i: number) => boolean) {
  const found = new Map<string, number>();
  tokens.forEach((t, i) => {
    if (!free(i) || t.length < 2 || t.length > 4) return;
    for (const e of index.shortAliases) {
      if (Math.abs(e.key.length - t.length) <= 1 && editDistance(t, e.key) === 1 && !found.has(e.id)) {
        found.set(e.id, 0.3);
      }
    }
  });
  return found;
}

/**
 * Finds every service a question names: exact names and aliases first (whole words and word
 * windows), then fuzzy matching of the remaining free words for typos.
 * `blocked(i)` marks tokens that must not be read as service names (stopwords, topic words).
 */
export function matchServices(
  index: ServiceIndex,
  tokens: readonly string[],
  blocked: (i: number) => boolean,
): ServiceMatch {
  const exact = scanPhrases(tokens, index.maxWords, exactLookup(index.strong)).map(
    (h): ServiceMention => ({ ...h, how: 'exact' }),
  );
  const weak = scanPhrases(tokens, index.maxWords, exactLookup(index.weak), claimed(exact)).map(
    (h): ServiceMention => ({ ...h, how: 'weak' }),
  );
  const taken = claimed([...exact, ...weak]);
  const free = (i: number) => !taken.has(i) && !blocked(i);

  const { accepted, suggested } = fuzzyCandidates(index, fuzzyWindows(tokens, free));
  accepted.sort((a, b) => a.score - b.score || b.end - b.start - (a.end - a.start));
  const fuzzy: ServiceMention[] = [];
  let ambiguous = false;
  for (const c of accepted) {
    if (fuzzy.some((m) => c.start < m.end && m.start < c.end)) continue;
    if (c.tie) {
      ambiguous = true;
      continue;
    }
    fuzzy.push({ value: c.id, start: c.start, end: c.end, text: c.text, how: 'fuzzy' });
  }

  // Generic words ("glue") name a service only when nothing stronger does.
  const strong = [...exact, ...fuzzy];
  const mentions = (strong.length > 0 ? strong : weak).sort((a, b) => a.start - b.start);
  const unique = mentions.filter((m, i) => mentions.findIndex((x) => x.value === m.value) === i);

  for (const [id, score] of shortSuggestions(index, tokens, free)) {
    if (!suggested.has(id)) suggested.set(id, score);
  }
  const suggestions = [...suggested]
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id)
    .filter((id) => !unique.some((m) => m.value === id))
    .slice(0, 3);
  return { mentions: unique, suggestions, ambiguous: ambiguous && fuzzy.length === 0 && exact.length === 0 };
}
