import type { KnownBlock } from '@slack/types';
import type { Answer } from '../../engine/index.js';
import type { Owner, Service, Topic } from '../../knowledge/types.js';
import { OWNER_LABEL } from '../wording.js';
import { buttons, context, fallback, header, LIMITS, type SlackMessage, section } from './elements.js';
import { escapeText } from './mrkdwn.js';
import { ownerText, type RenderKnowledge, serviceButtons, sourcesContext } from './shared.js';

type CompareAnswer = Extract<Answer, { kind: 'compare' }>;

const SHORT: Record<Owner, string> = { aws: 'AWS', customer: 'you', shared: 'shared' };

/** One service's owner for a topic, in a word, with "depends" where its ways of use disagree. */
function cell(s: Service, topic: Topic): string {
  const e = s.topics[topic.id];
  if (!e || e.basis === 'unanswered') return 'not covered';
  const owners = new Set([e.owner, ...e.modes.map((m) => m.owner)]);
  return owners.size > 1 ? 'depends' : SHORT[e.owner];
}

/** Lines joined into as few sections as fit Slack's section limit. */
function chunked(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= LIMITS.sectionText)
      out[out.length - 1] = `${last}\n${line}`;
    else out.push(line);
  }
  return out;
}

/**
 * Two to five services side by side: one line per topic, each service's owner in a word; with a
 * topic named, that row in full. Exempt from the one-screen budget, within Block Kit's limits.
 */
export function renderCompare(a: CompareAnswer, k: RenderKnowledge): SlackMessage {
  const names = a.services.map((s) => s.name);
  const title = a.topic ? `${a.topic.name}: ${names.join(' vs ')}` : `Compare: ${names.join(', ')}`;
  const blocks: KnownBlock[] = [header(title)];
  if (a.topic) {
    for (const s of a.services) {
      const x = a.answers.find((y) => y.service.id === s.id);
      blocks.push(
        section(
          `*${escapeText(s.name)}*${x?.mode ? ` (${escapeText(x.mode.name)})` : ''}: ` +
            (x ? `${ownerText(x.owner)}\n${escapeText(x.summary)}` : '_not covered for this service yet_'),
        ),
      );
    }
  } else {
    // Topics whose rule is the same for every service would repeat one word across the row.
    const rows = k.topics
      .filter((t) => a.services.some((s) => s.topics[t.id]?.basis !== 'all'))
      .map(
        (t) =>
          `*${escapeText(t.name)}* — ${a.services.map((s) => `${escapeText(s.name)}: ${cell(s, t)}`).join(' · ')}`,
      );
    blocks.push(...chunked(rows).map(section));
    blocks.push(
      context([
        `Categories: ${a.services.map((s, i) => `${escapeText(s.name)}: ${escapeText(a.categories[i]?.name ?? s.category)}`).join(' · ')}`,
        '_depends_: it changes with how you use the service; add the topic to see the row in full.',
      ]),
    );
  }
  blocks.push(
    buttons(serviceButtons(a.services, (s) => `${s.name} details`)),
    sourcesContext(
      a.answers.length > 0 ? a.answers.flatMap((x) => x.sources) : a.services.flatMap((s) => s.sources),
      a.services.map((s) => s.checked),
    ),
  );
  const summary = a.topic
    ? a.services
        .map((s) => {
          const x = a.answers.find((y) => y.service.id === s.id);
          return `${s.name}: ${x ? OWNER_LABEL[x.owner] : 'not covered yet'}`;
        })
        .join('; ')
    : k.topics
        .filter((t) => a.services.some((s) => s.topics[t.id]?.basis !== 'all'))
        .slice(0, 6)
        .map((t) => `${t.name}: ${a.services.map((s) => `${s.name} ${cell(s, t)}`).join(', ')}`)
        .join('; ');
  return { text: fallback(`${title}. ${summary}`), blocks };
}
