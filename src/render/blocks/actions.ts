/** Action ids of the interactive elements we send; listeners/actions/ handles them. */
export const ACTION = {
  /** Static select of topics for one service; each option's value is `serviceId|topicId`. */
  pickTopic: 'srm_pick_topic',
  /** Buttons that open one service's answer; value is the service id. Suffixed to stay unique. */
  pickService: 'srm_pick_service',
} as const;

export const PICK_SERVICE_PATTERN = new RegExp(`^${ACTION.pickService}(_\\d+)?$`);

export function topicValue(serviceId: string, topicId: string): string {
  return `${serviceId}|${topicId}`;
}

export function parseTopicValue(value: string): { serviceId: string; topicId: string } | undefined {
  const [serviceId, topicId, ...rest] = value.split('|');
  return serviceId && topicId && rest.length === 0 ? { serviceId, topicId } : undefined;
}
