/** Text normalisation shared by the knowledge loader (alias keys) and the engine (questions). */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Slack escapes &, < and > in message text; undo that before reading the text. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (m) => ENTITIES[m] ?? m);
}

/**
 * Removes Slack markup that carries no meaning for a question: user/channel/special mentions,
 * links (keeping their label) and :emoji: codes.
 */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/<([^<>|]*)\|([^<>]*)>/g, ' $2 ')
    .replace(/<[@#!][^<>]*>/g, ' ')
    .replace(/<(https?:[^<>]*)>/g, ' ')
    .replace(/:[a-z0-9_+-]+:/g, ' ');
}

const FILLER = new Set(['aws', 'amazon']);

/** Lowercase, strip accents and control characters, punctuation to spaces, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function tokenize(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

/** The key an alias is stored under: normalised, without the words "aws"/"amazon". */
export function aliasKey(alias: string): string {
  return tokenize(alias)
    .filter((t) => !FILLER.has(t))
    .join(' ');
}

export function isFiller(token: string): boolean {
  return FILLER.has(token);
}

/** Cuts text to at most `max` UTF-16 units, ending with "…", never between the halves of a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
