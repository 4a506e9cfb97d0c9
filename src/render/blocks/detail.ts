import type { Answer } from '../../engine/index.js';
import type { DetailPart } from './actions.js';
import type { SlackMessage } from './elements.js';
import { renderServiceDetail } from './service.js';
import { renderTopicDetail } from './topic.js';

/**
 * One part of an answer in full, as asked for with a detail button; undefined when the answer
 * has no such part (the button was not one we send for it).
 */
export function renderDetail(a: Answer, part: DetailPart): SlackMessage | undefined {
  if (a.kind === 'service' && part !== 'modes') return renderServiceDetail(a.service, part);
  if (a.kind === 'topic' && (part === 'modes' || part === 'sources')) return renderTopicDetail(a, part);
  return undefined;
}
