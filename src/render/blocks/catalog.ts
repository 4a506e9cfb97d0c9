import type { Answer, CategoryGroup } from '../../engine/index.js';
import type { Model } from '../../knowledge/types.js';
import { sourceLabel } from '../wording.js';
import { context, divider, fallback, header, type SlackMessage, section } from './elements.js';
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

export function renderOverview(a: { model: Model }): SlackMessage {
  const m = a.model;
  return {
    text: fallback(`${m.name}: ${m.summary}`),
    blocks: [
      header(m.name),
      section(escapeText(m.summary)),
      section(`:cloud: *Security of the cloud: AWS*\n${escapeText(m.ofTheCloud.text)}`),
      section(`:bust_in_silhouette: *Security in the cloud: you*\n${escapeText(m.inTheCloud.text)}`),
      divider(),
      ...m.controls.map((c) => section(`*${escapeText(c.name)}*\n${escapeText(c.text)}`)),
      divider(),
      section(
        `*Service categories*\n${m.categories
          .map((c) => `• *${escapeText(c.name)}*: ${escapeText(c.summary)}`)
          .join('\n')}\nAsk \`/srm ${m.categories.map((c) => c.id).join('`, `/srm ')}\`.`,
      ),
      context([escapeText(m.categorySource)]),
      context([`:books: ${link(m.sources[0] ?? '', 'AWS Shared Responsibility Model')}`]),
    ],
  };
}
