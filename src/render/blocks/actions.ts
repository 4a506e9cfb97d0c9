/** Action ids of the interactive elements we send; listeners/actions/ handles them. */
export const ACTION = {
  /** Static select of topics for one service; each option's value is `serviceId|topicId`. */
  pickTopic: 'srm_pick_topic',
  /** Buttons (and the list's service menus) that open one service's answer, or one topic of it. Suffixed to stay unique. */
  pickService: 'srm_pick_service',
  /** "What AWS does", "Sources"…: one part of an answer in full; value from `detailValue`. */
  detail: 'srm_detail',
  /** Posts a private /srm answer in the conversation for everyone; value from `shareValue`. */
  share: 'srm_share',
  /** An example question (help and Home buttons, the model's menu of parts), asked as if typed; value is the question. */
  example: 'srm_example',
  /** The list's and Home's menu of categories; value is the category id. */
  pickCategory: 'srm_pick_category',
} as const;

const suffixed = (id: string) => new RegExp(`^${id}(_\\d+)?$`);
export const PICK_SERVICE_PATTERN = suffixed(ACTION.pickService);
export const DETAIL_PATTERN = suffixed(ACTION.detail);
export const EXAMPLE_PATTERN = suffixed(ACTION.example);

export function topicValue(serviceId: string, topicId: string): string {
  return `${serviceId}|${topicId}`;
}

export function parseTopicValue(value: string): { serviceId: string; topicId: string } | undefined {
  const [serviceId, topicId, ...rest] = value.split('|');
  return serviceId && topicId && rest.length === 0 ? { serviceId, topicId } : undefined;
}

/** The parts of an answer shown on demand. */
export const DETAIL_PARTS = ['aws', 'customer', 'sources', 'modes'] as const;
export type DetailPart = (typeof DETAIL_PARTS)[number];

/** `part|serviceId` or `part|serviceId|topicId`. */
export function detailValue(part: DetailPart, serviceId: string, topicId?: string): string {
  return topicId ? `${part}|${serviceId}|${topicId}` : `${part}|${serviceId}`;
}

export function parseDetailValue(
  value: string,
): { part: DetailPart; serviceId: string; topicId?: string } | undefined {
  const [part, serviceId, topicId, ...rest] = value.split('|');
  if (!part || !serviceId || rest.length > 0 || !(DETAIL_PARTS as readonly string[]).includes(part))
    return undefined;
  return { part: part as DetailPart, serviceId, ...(topicId ? { topicId } : {}) };
}

const SHARE_PREFIX = 'ask|';
const MAX_VALUE = 2000;

/**
 * The question as the Share button's value, URI-encoded: nothing in it can read as a mention or a
 * link even where Slack shows a value, and it decodes back exactly. A very long question is cut
 * on a character boundary to fit.
 */
export function shareValue(question: string): string {
  let encoded = '';
  for (const ch of question) {
    const next = encodeURIComponent(ch);
    if (SHARE_PREFIX.length + encoded.length + next.length > MAX_VALUE) break;
    encoded += next;
  }
  return SHARE_PREFIX + encoded;
}

export function parseShareValue(value: string): string | undefined {
  if (!value.startsWith(SHARE_PREFIX)) return undefined;
  try {
    return decodeURIComponent(value.slice(SHARE_PREFIX.length));
  } catch {
    return undefined;
  }
}
