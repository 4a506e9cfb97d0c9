import type { Answer, CategoryGroup } from '../../engine/index.js';
import { sourceLabel } from '../wording.js';
import { context, fallback, header, type SlackMessage, section } from './elements.js';
import { escapeText, link } from './mrkdwn.js';
import type { RenderKnowledge } from './shared.js';

const names = (g: CategoryGroup) =>
  g.services.map((s) => `\`${escapeText(s.id)}\` ${escapeText(s.name)}`).join(', ');

export function renderList(a: Extract<Answer, { kind: 'list' }>): SlackMessage {
  const total = a.groups.reduce((n, g) => n + g.services.length, 0);
  return {
    text: fallback(
      `srm-bot knows ${total} AWS services: ${a.groups.map((g) => g.services.map((s) => s.name).join(', ')).join('; ')}`,
    ),
    blocks: [
      header(`AWS services srm-bot knows (${total})`),
      ...a.groups.map((g) => section(`*${escapeText(g.category.name)}* (${g.services.length})\n${names(g)}`)),
      context(['Ask about one with `/srm <service>`, or one topic with `/srm who patches rds`.']),
    ],
  };
}

export function renderCategory(a: Extract<Answer, { kind: 'category' }>, k: RenderKnowledge): SlackMessage {
  const { category, services } = a.group;
  return {
    text: fallback(`${category.name}: ${category.summary} AWS: ${category.aws} You: ${category.customer}`),
    blocks: [
      header(category.name),
      section(escapeText(category.summary)),
      section(`*AWS is responsible for*\n${escapeText(category.aws)}`),
      section(`*You are responsible for*\n${escapeText(category.customer)}`),
      section(`*Services in this category* (${services.length})\n${names(a.group)}`),
      context([escapeText(k.model.categorySource)]),
      context([`:books: ${category.sources.map((u) => link(u, sourceLabel(u))).join(' · ')}`]),
    ],
  };
}
