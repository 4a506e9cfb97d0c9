import type { KnownBlock } from '@slack/types';
import type { Answer } from '../../engine/index.js';
import { OWNER_LABEL } from '../wording.js';
import { buttons, context, divider, fallback, header, type SlackMessage, section } from './elements.js';
import { escapeText } from './mrkdwn.js';
import { ownerText, serviceButtons, sourcesContext } from './shared.js';

type CompareAnswer = Extract<Answer, { kind: 'compare' }>;

export function renderCompare(a: CompareAnswer): SlackMessage {
  const title = a.topic
    ? `${a.topic.name}: ${a.services.map((s) => s.name).join(' vs ')}`
    : `Compare: ${a.services.map((s) => s.name).join(', ')}`;
  const blocks: KnownBlock[] = [header(title)];
  a.services.forEach((s, i) => {
    const category = a.categories[i];
    const answer = a.answers.find((x) => x.service.id === s.id);
    const lines = [`*${escapeText(s.name)}* · ${escapeText(category?.name ?? s.category)}`];
    if (answer) {
      lines.push(
        `${answer.mode ? `${escapeText(answer.mode.name)}: ` : ''}${ownerText(answer.owner)}`,
        escapeText(answer.summary),
      );
    } else {
      lines.push(escapeText(s.summary));
    }
    blocks.push(section(lines.join('\n')));
  });
  blocks.push(
    divider(),
    buttons(serviceButtons(a.services, (s) => `${s.name} details`)),
    context([
      a.topic
        ? 'Where a service says it depends, ask it alone for the details of each mode.'
        : 'Add a topic to compare one responsibility, e.g. `compare rds aurora backups`.',
    ]),
    sourcesContext(
      a.answers.length > 0 ? a.answers.flatMap((x) => x.sources) : a.services.flatMap((s) => s.sources),
      a.services.map((s) => s.checked),
    ),
  );
  const summary = a.answers.length
    ? a.answers.map((x) => `${x.service.name}: ${OWNER_LABEL[x.owner]}`).join('; ')
    : a.services.map((s) => s.name).join(', ');
  return { text: fallback(`${title}. ${summary}`), blocks };
}
