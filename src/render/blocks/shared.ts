import type { Category, Knowledge, Owner, Service, Topic } from '../../knowledge/types.js';
import { checkedLine, OWNER_EMOJI, OWNER_LABEL, sourceLabel, unique } from '../wording.js';
import { ACTION, topicValue } from './actions.js';
import { type ButtonSpec, context, menu } from './elements.js';
import { escapeText, link } from './mrkdwn.js';

/** What renderers read from the knowledge beside the answer itself. */
export type RenderKnowledge = Pick<Knowledge, 'topics' | 'model'>;

export const MAX_SOURCE_LINKS = 6;

export function ownerText(owner: Owner): string {
  return `${OWNER_EMOJI[owner]} *${OWNER_LABEL[owner]}*`;
}

export function bullets(items: readonly string[]): string {
  return items.map((t) => `• ${escapeText(t)}`).join('\n');
}

/** The cited pages, and the check date of the facts they back (`checked` dates, '' when unchecked). */
export function sourcesContext(
  urls: readonly string[],
  checked: readonly string[],
  serviceName?: string,
  max = MAX_SOURCE_LINKS,
) {
  // Two sections of one page read as the same label: the first stands for both.
  const labelled = new Map<string, string>();
  for (const u of unique(urls)) {
    const label = sourceLabel(u, serviceName);
    if (!labelled.has(label)) labelled.set(label, u);
  }
  const links = [...labelled].slice(0, max).map(([label, u]) => link(u, label));
  return context([
    `:books: Sources (AWS documentation): ${links.join(' · ')}`,
    escapeText(checkedLine(checked)),
  ]);
}

/** The service's category in a few words, and whose placement it is. */
export function categoryLine(service: Service, category: Category): string {
  const whose =
    service.categoryBasis === 'whitepaper' ? 'AWS Security Best Practices whitepaper' : "srm-bot's placement";
  return `${escapeText(category.name)} (${whose})`;
}

/** A menu of every topic of one service, plus optional buttons. */
export function topicMenu(service: Service, topics: readonly Topic[], extra: readonly ButtonSpec[] = []) {
  return menu(
    {
      placeholder: 'Ask about a topic…',
      actionId: ACTION.pickTopic,
      options: topics.map((t) => ({ text: t.name, value: topicValue(service.id, t.id) })),
    },
    extra,
  );
}

export function serviceButtons(services: readonly Service[], label = (s: Service) => s.name): ButtonSpec[] {
  return services.map((s, i) => ({ text: label(s), actionId: `${ACTION.pickService}_${i}`, value: s.id }));
}
