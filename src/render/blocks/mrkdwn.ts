/**
 * Escaping for Slack mrkdwn. Everything that comes from a user or from knowledge/ passes through
 * `escapeText`, so nothing we send can form a mention, a link or a broadcast.
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)/gi, '@\u200b$1');
}

/** A link we build ourselves from a knowledge URL (validated as https by the loader). */
export function link(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeText(label).replace(/\|/g, '/')}>`;
}

export { truncateText as truncate } from '../../text/normalize.js';
