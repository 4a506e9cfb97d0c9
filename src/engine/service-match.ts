import Fuse from 'fuse.js';
import { editDistance } from './edit-distance.js';
import { claimed, type Lookup, type PhraseHit, phraseAt, scanPhrases } from './phrases.js';
import { bigrams, FUSE_OPTIONS, type FuzzyEntry, type ServiceIndex } from './service-index.js';

/** Where a question names a service; `value` is the service id. */
export interface ServiceMention extends PhraseHit<string> {
  /** Named only by a generic word ("glue", "backup") without "aws"/"amazon" before it. */
  readonly weak?: boolean;
}

export interface ServiceMatch {
  readonly mentions: readonly ServiceMention[];
  /** Generic names left out because a stronger name was found: a comparison keeps them. */
  readonly generic: readonly ServiceMention[];
  /** Service ids that fit an unrecognised word, best first: "did you mean". */
  /** Computed on first use: most questions never need them. */
  readonly suggestions: () => readonly string[];
  /** True when a typo fitted two services equally well, so we ask rather than guess. */
  readonly ambiguous: boolean;
}

// A typo is accepted when an edit distance that counts a transposition as one edit finds one
// service within one edit (5-8 letters) or two (9 or more). fuse.js, whose score is errors ÷
// pattern length and counts a transposition as two, proposes did-you-mean suggestions only.
// Thresholds measured on the labelled set (test/fixtures/labelled-queries.ts).
const SUGGEST_SCORE = 0.4;
/** Fuzzy score plus half the missing length share: "cloud" → CloudFront passes, "pizza" → API Gateway not. */
const SUGGEST_COMBINED = 0.5;
const MIN_FUZZY_LENGTH = 5;
const MAX_FUZZY_LENGTH = 24;
const MAX_FUZZY_WINDOWS = 12;
const MAX_SUGGEST_WINDOWS = 4;
const MAX_SUGGESTIONS = 5;
/** Share of a word's character pairs an alias must contain before fuse.js looks at it. */
const MIN_SHARED_BIGRAMS = 0.6;

const allowedEdits = (length: number) => (length >= 9 ? 2 : 1);

function exactLookup(map: ReadonlyMap<string, string>): Lookup<string> {
  return (tokens, start, end) => {
    const spaced = phraseAt(tokens, start, end);
    const hit = map.get(spaced);
    if (hit) return hit;
    // "dynamo db", "cloud watch", "ec 2", "E.C.S.": joined forms, but not short joins like "i am" → iam.
    if (end - start > 1) {
      const squashed = phraseAt(tokens, start, end, '');
      let spelled = true;
      for (let i = start; i < end; i++) if ((tokens[i] as string).length !== 1) spelled = false;
      if (squashed.length >= 5 || /\d/.test(squashed) || spelled) {
        const joined = map.get(squashed);
        if (joined) return joined;
      }
    }
    // Plurals: "ec2s", "lambdas".
    const last = tokens[end - 1] ?? '';
    if (last.length > 3 && last.endsWith('s')) return map.get(spaced.slice(0, -1));
    return undefined;
  };
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly id: string;
  /** The alias it is nearest to. */
  readonly key: string;
  readonly score: number;
  readonly tie: boolean;
}

interface Window {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** It includes a word that steers questions ("firewall manger"): only a name of as many words fits. */
  readonly spansBlocked: boolean;
  /** It follows "aws"/"amazon": a typo of a generic name counts. */
  readonly qualified: boolean;
}

/**
 * Windows of up to three consecutive words not already named, squashed, worth a fuzzy look: at
 * least one of their words is free; the others may be words that steer questions.
 */
function fuzzyWindows(
  tokens: readonly string[],
  free: (i: number) => boolean,
  open: (i: number) => boolean,
  qualified: (i: number) => boolean,
  misspelt: (i: number) => boolean,
): Window[] {
  const windows: Window[] = [];
  for (let i = 0; i < tokens.length && windows.length < MAX_FUZZY_WINDOWS; i++) {
    let anyFree = false;
    let anyBlocked = false;
    for (let w = 1; w <= 3 && i + w <= tokens.length; w++) {
      const j = i + w - 1;
      if (!open(j)) break;
      // A misspelt steering word ("aplication") may be part of a misspelt name of several words.
      if (free(j)) anyFree = true;
      else anyBlocked = true;
      if (misspelt(j)) anyFree = true;
      if (!anyFree || (anyBlocked && w === 1)) continue;
      const text = tokens.slice(i, i + w).join('');
      if (text.length >= MIN_FUZZY_LENGTH && text.length <= MAX_FUZZY_LENGTH && /[a-z]/.test(text)) {
        windows.push({ start: i, end: i + w, text, spansBlocked: anyBlocked, qualified: qualified(i) });
      }
    }
  }
  return windows;
}

const coverage = (a: string, b: string) => Math.min(a.length, b.length) / Math.max(a.length, b.length);

/** How many of the word's character pairs each alias shares (only aliases sharing at least one). */
// Counting shared pairs runs for every unmatched word: one reusable counter per index, no maps.
const counters = new WeakMap<ServiceIndex, Int32Array>();

/**
 * The aliases starting with the text's first letter and sharing at least `least(pairs)` of its
 * character pairs, with how many they share.
 */
function sharedPairs(
  index: ServiceIndex,
  text: string,
  least: (pairs: number) => number,
): { counts: Map<FuzzyEntry, number>; pairs: number } {
  let counter = counters.get(index);
  if (!counter) {
    counter = new Int32Array(index.fuzzyEntries.length);
    counters.set(index, counter);
  }
  const pairs = bigrams(text);
  const touched: number[] = [];
  const first = text[0] ?? '';
  for (const p of pairs) {
    const list = index.byBigram.get(first + p);
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const i = list[k] as number;
      if (counter[i] === 0) touched.push(i);
      counter[i] = (counter[i] as number) + 1;
    }
  }
  const need = Math.max(1, least(pairs.size));
  const counts = new Map<FuzzyEntry, number>();
  for (const i of touched) {
    if ((counter[i] as number) >= need) counts.set(index.fuzzyEntries[i] as FuzzyEntry, counter[i] as number);
    counter[i] = 0;
  }
  return { counts, pairs: pairs.size };
}

type Nearest = { readonly id: string; readonly key: string; readonly edits: number; readonly tie: boolean };

/** The alias a window of words is a typo of, if any: independent of the question around it. */
function nearest(index: ServiceIndex, win: Window): Nearest | undefined {
  const max = allowedEdits(win.text.length);
  // One edit changes at most three character pairs (a transposition), so an alias within
  // `max` edits shares all but 3 × max of the word's pairs: a cheap filter before the distance.
  const { counts, pairs } = sharedPairs(index, win.text, (n) => n - 3 * max);
  const good: { id: string; key: string; edits: number }[] = [];
  for (const [e, shared] of counts) {
    if (Math.abs(e.key.length - win.text.length) > max || shared < pairs - 3 * max) continue;
    if ((e.weak && !win.qualified) || (win.spansBlocked && e.words < 2)) continue;
    const edits = editDistance(win.text, e.key, max);
    if (edits <= allowedEdits(Math.min(win.text.length, e.key.length)))
      good.push({ id: e.id, key: e.key, edits });
  }
  good.sort((a, b) => a.edits - b.edits);
  const best = good[0];
  if (!best) return undefined;
  return { ...best, tie: good.some((r) => r.id !== best.id && r.edits === best.edits) };
}

// The same words come back in question after question ("instance", "bucket", "cluster"): what
// each is nearest to is remembered, a bounded number of them, per index.
const MEMO_SIZE = 5000;
const memos = new WeakMap<ServiceIndex, Map<string, Nearest | null>>();

function typoCandidates(index: ServiceIndex, windows: readonly Window[]): Candidate[] {
  let memo = memos.get(index);
  if (!memo) {
    memo = new Map();
    memos.set(index, memo);
  }
  const accepted: Candidate[] = [];
  for (const win of windows) {
    const key = `${win.text}|${win.qualified ? 1 : 0}${win.spansBlocked ? 1 : 0}`;
    let found = memo.get(key);
    if (found === undefined) {
      found = nearest(index, win) ?? null;
      if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
      memo.set(key, found);
    }
    if (found)
      accepted.push({
        ...win,
        id: found.id,
        key: found.key,
        score: found.edits / win.text.length,
        tie: found.tie,
      });
  }
  return accepted;
}

/** Aliases sharing enough character pairs with the word to be worth a fuzzy look. */
function shortlist(index: ServiceIndex, text: string): FuzzyEntry[] {
  const { counts } = sharedPairs(index, text, (n) => Math.ceil(n * MIN_SHARED_BIGRAMS));
  return [...counts.keys()];
}

function fuzzySuggestions(index: ServiceIndex, windows: readonly Window[]): Map<string, number> {
  const suggested = new Map<string, number>();
  for (const win of windows.slice(0, MAX_SUGGEST_WINDOWS)) {
    // The short list keeps the first letter: "nonsense" is no near miss of "opensearch".
    const list = shortlist(index, win.text);
    if (list.length === 0) continue;
    for (const r of new Fuse(list, FUSE_OPTIONS).search(win.text, { limit: 24 })) {
      const score = r.score ?? 1;
      if (score > SUGGEST_SCORE) continue;
      const s = score + (1 - coverage(win.text, r.item.key)) / 2;
      if (s <= SUGGEST_COMBINED && (suggested.get(r.item.id) ?? 1) > s) suggested.set(r.item.id, s);
    }
  }
  return suggested;
}

function shortSuggestions(index: ServiceIndex, tokens: readonly string[], free: (i: number) => boolean) {
  const found = new Map<string, number>();
  tokens.forEach((t, i) => {
    if (!free(i) || t.length < 2 || t.length > 4) return;
    for (const e of index.shortAliases) {
      // The first letter right, as for longer names: "devs" is no near miss of "evs".
      if (e.key[0] === t[0] && editDistance(t, e.key, 1) === 1 && !found.has(e.id)) {
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
  qualified: (i: number) => boolean = () => false,
  misspelt: (i: number) => boolean = () => false,
): ServiceMatch {
  const named = scanPhrases(tokens, index, exactLookup(index.strong));
  const generic = scanPhrases(tokens, index, exactLookup(index.weak), claimed(named));
  // "aws backup": a generic name right after "aws"/"amazon" names the service as surely as any.
  const exact = [...named, ...generic.filter((h) => qualified(h.start))];
  const weak: ServiceMention[] = generic
    .filter((h) => !qualified(h.start))
    .map((h) => ({ ...h, weak: true }));
  const taken = claimed([...exact, ...weak]);
  const free = (i: number) => !taken.has(i) && !blocked(i);
  // A beginning of names may also be a word that steers ("cloud" in "of the cloud").
  const steeringFree = (i: number) => !taken.has(i) && tokens.length === 1;

  const windows = fuzzyWindows(tokens, free, (i) => !taken.has(i), qualified, misspelt);
  const accepted = typoCandidates(index, windows);
  accepted.sort((a, b) => a.score - b.score || b.end - b.start - (a.end - a.start));
  const fuzzy: ServiceMention[] = [];
  let ambiguous = false;
  for (const c of accepted) {
    if (fuzzy.some((m) => c.start < m.end && m.start < c.end)) continue;
    // One word that begins several names ("cloud") is a fragment, not a typo of the nearest one
    // ("cloud9"), unless every name it begins also begins with that one ("neptun": Neptune, Neptune Analytics).
    const fragment =
      c.end - c.start === 1 &&
      (index.byPrefix.get(tokens[c.start] ?? '') ?? []).some(
        (id) => id !== c.id && !(index.byPrefix.get(c.key.slice(0, 8)) ?? []).includes(id),
      );
    if (fragment) continue;
    if (c.tie) {
      ambiguous = true;
      continue;
    }
    fuzzy.push({ value: c.id, start: c.start, end: c.end, text: c.text });
  }

  // Generic words ("glue") name a service only when nothing stronger does.
  const strong: ServiceMention[] = [...exact, ...fuzzy];
  const mentions = (strong.length > 0 ? strong : weak).sort((a, b) => a.start - b.start);
  const unique = mentions.filter((m, i) => mentions.findIndex((x) => x.value === m.value) === i);

  // Suggestions matter only when nothing matched and the question is not answered otherwise, so
  // their cost is paid only then.
  let suggested: string[] | undefined;
  const suggest = (): string[] => {
    if (unique.length > 0) return [];
    // A bare beginning of several names ("elastic", "ec") lists them all, up to five.
    const starts = new Set(
      tokens.flatMap((t, i) => (free(i) || steeringFree(i) ? (index.byPrefix.get(t) ?? []) : [])),
    );
    if (starts.size >= 2) return [...starts].slice(0, MAX_SUGGESTIONS);
    const found = fuzzySuggestions(index, windows);
    for (const [id, score] of shortSuggestions(index, tokens, free)) if (!found.has(id)) found.set(id, score);
    return [...found]
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id)
      .slice(0, MAX_SUGGESTIONS);
  };
  const suggestions = () => {
    suggested ??= suggest();
    return suggested;
  };
  return {
    mentions: unique,
    generic: strong.length > 0 ? weak : [],
    suggestions,
    ambiguous: ambiguous && fuzzy.length === 0 && exact.length === 0,
  };
}
