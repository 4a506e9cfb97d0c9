import type { KnownBlock } from '@slack/types';
import type { Answer } from '../../engine/index.js';
import type { Category, Service } from '../../knowledge/types.js';
import { sourceLabel } from '../wording.js';
import { ACTION } from './actions.js';
import { context, fallback, header, LIMITS, menu, type SlackMessage, section } from './elements.js';
import { escapeText, link } from './mrkdwn.js';
import type { RenderKnowledge } from './shared.js';

/** Menus of services, at most 100 options each (Slack's limit), numbered apart from answer buttons. */
export function serviceMenus(services: readonly Service[], label: string): KnownBlock[] {
  const menus: KnownBlock[] = [];
  for (let i = 0; i < services.length; i += LIMITS.options) {
    const chunk = services.slice(i, i + LIMITS.options);
    const range =
      services.length > LIMITS.options
        ? ` (${chunk[0]?.name.slice(0, 12)} … ${chunk.at(-1)?.name.slice(0, 12)})`
        : '';
    menus.push(
      menu({
        placeholder: `${label}${range}`,
        actionId: `${ACTION.pickService}_${50 + i / LIMITS.options}`,
        options: chunk.map((s) => ({ text: s.name, value: s.id })),
      }),
    );
  }
  return menus;
}

/** A menu of the three categories; picking one shows its services to pick from. */
export function categoryMenu(categories: readonly Category[], initial?: string) {
  return menu({
    placeholder: 'Pick a kind of service…',
    actionId: ACTION.pickCategory,
    options: categories.map((c) => ({ text: c.name, value: c.id })),
    ...(initial ? { initial } : {}),
  });
}

export function renderList(a: Extract<Answer, { kind: 'list' }>): SlackMessage {
  const total = a.groups.reduce((n, g) => n + g.services.length, 0);
  return {
    text: fallback(
      `srm-bot knows ${total} AWS services: ${a.groups.map((g) => `${g.category.name} ${g.services.length}`).join(', ')}. Pick a kind of service to see them.`,
    ),
    blocks: [
      header(`AWS services srm-bot knows (${total})`),
      section(a.groups.map((g) => `*${escapeText(g.category.name)}*: ${g.services.length}`).join(' · ')),
      categoryMenu(a.groups.map((g) => g.category)),
      context(['Or ask about one with `/srm <service>`, or one topic with `/srm who patches rds`.']),
    ],
  };
}

export function renderCategory(a: Extract<Answer, { kind: 'category' }>, k: RenderKnowledge): SlackMessage {
  const { category, services } = a.group;
  return {
    text: fallback(`${category.name}: ${category.summary} AWS: ${category.aws} You: ${category.customer}`),
    blocks: [
      header(category.name),
      section(`*${escapeText(category.summary)}*`),
      section(`*AWS*: ${escapeText(category.aws)}\n*You*: ${escapeText(category.customer)}`),
      ...serviceMenus(services, `Its services (${services.length})…`),
      context([
        escapeText(k.model.categorySource),
        `:books: ${category.sources.map((u) => link(u, sourceLabel(u))).join(' · ')}`,
      ]),
    ],
  };
}
