import type { Answer } from '../../engine/index.js';
import type { SlackMessage } from './elements.js';
import { renderBlocks } from './index.js';
import type { RenderKnowledge } from './shared.js';

/**
 * What an answer's message depends on, for the kinds whose message never contains the user's
 * words; undefined for the others (no_match echoes the question), which are never cached.
 */
export function answerIdentity(a: Answer): string | undefined {
  switch (a.kind) {
    case 'help':
    case 'list':
      return a.kind;
    case 'overview':
      return `overview|${a.control?.id ?? ''}`;
    case 'category':
      return `category|${a.group.category.id}`;
    case 'service':
      return `service|${a.service.id}`;
    case 'topic':
      return `topic|${a.service.id}|${a.topic.id}|${a.mode?.id ?? ''}`;
    case 'compare':
      return `compare|${a.services.map((s) => s.id).join(',')}|${a.topic?.id ?? ''}|${a.answers.map((x) => x.mode?.id ?? '').join(',')}`;
    case 'model_topic':
      return `model|${a.topic.id}|${a.category?.id ?? ''}|${a.answers[0]?.layer ? a.answers[0].summary : ''}`;
    case 'out_of_scope':
      return `out|${a.reason}`;
    case 'not_covered':
      return `not_covered|${a.service.id}|${a.topic?.id ?? ''}`;
    case 'no_match':
      return undefined;
  }
}

/**
 * Renders through a bounded cache keyed by the answer's identity: most questions are asked again
 * in other words, and a cached message also keeps its serialised JSON (see `serialised`).
 */
export function cachedRenderer(k: RenderKnowledge, max = 500): (a: Answer) => SlackMessage {
  const cache = new Map<string, SlackMessage>();
  return (a) => {
    const key = answerIdentity(a);
    if (key === undefined) return renderBlocks(a, k);
    const hit = cache.get(key);
    if (hit) {
      // Refresh its place: the map's first key is the least recently used.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const message = Object.freeze(renderBlocks(a, k));
    cache.set(key, message);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return message;
  };
}

/**
 * A message's `text` and `blocks` as JSON object members (no braces), in UTF-8 bytes, as parts
 * whose concatenation is the whole: a cached answer is one part; the same answer with a Share
 * button is that part's two halves around the button (views, not copies). Sending concatenates
 * the parts once into the request body, so answering allocates little beyond the body itself.
 */
export type SerialisedParts = readonly Buffer[];

const json = new WeakMap<SlackMessage, SerialisedParts>();

/** Records a message's serialisation, when it was built more cheaply than by stringifying it. */
export function setSerialised(m: SlackMessage, parts: SerialisedParts): void {
  json.set(m, parts);
}

/** The message's serialisation as parts, computed once per message. */
export function serialisedParts(m: SlackMessage): SerialisedParts {
  let parts = json.get(m);
  if (parts === undefined) {
    parts = [Buffer.from(JSON.stringify({ text: m.text, blocks: m.blocks }).slice(1, -1))];
    json.set(m, parts);
  }
  return parts;
}

/** The message's `text` and `blocks` as JSON object members (no braces). */
export function serialised(m: SlackMessage): string {
  return Buffer.concat(serialisedParts(m)).toString('utf8');
}
