import type { KnownBlock } from '@slack/types';
import type { Answer, ModelAnswer } from '../../engine/index.js';
import type { Model } from '../../knowledge/types.js';
import { OUT_OF_SCOPE_TEXT, OWNER_LABEL, SCOPE_LINE, sentences } from '../wording.js';
import { ACTION, topicValue } from './actions.js';
import { categoryMenu } from './catalog.js';
import { buttons, context, fallback, fields, header, menu, type SlackMessage, section } from './elements.js';
import { escapeText, link } from './mrkdwn.js';
import { ownerText, sourcesContext } from './shared.js';

type ModelTopicAnswer = Extract<Answer, { kind: 'model_topic' }>;
type OverviewAnswer = Extract<Answer, { kind: 'overview' }>;

/** Both sides' part, side by side, when the answer gives them. */
function split(r: { aws?: string; customer?: string }): KnownBlock[] {
  return r.aws && r.customer
    ? [fields([`*AWS does*\n${escapeText(r.aws)}`, `*You do*\n${escapeText(r.customer)}`])]
    : [];
}

// The example services are the buttons under these lines.
const categoryLine = (x: ModelAnswer) =>
  `• *${escapeText(x.category?.name ?? '')}*: *${OWNER_LABEL[x.owner]}*. ${escapeText(x.summary)}`;

/** A topic with no service named: the verdict, each side's part, then the rule per category. */
export function renderModelTopic(a: ModelTopicAnswer): SlackMessage {
  const [verdict, ...byCategory] = a.answers as [ModelAnswer, ...ModelAnswer[]];
  const title = a.category ? `${a.topic.name} · ${a.category.name}` : a.topic.name;
  const blocks: KnownBlock[] = [
    header(title),
    section(`${ownerText(verdict.owner)}\n${escapeText(verdict.summary)}`),
    // With a rule per kind of service below, each side's general part would say it twice.
    ...(a.answers.length > 1 ? [] : split(verdict)),
  ];
  if (byCategory.length > 0) {
    blocks.push(
      section(
        `*It depends on the kind of service* (general rules; one service of each kind below)\n${byCategory.map(categoryLine).join('\n')}`,
      ),
    );
    const examples = byCategory.flatMap((x) => (x.example ? [x.example] : []));
    blocks.push(
      buttons(
        examples.map((s, i) => ({
          text: s.name,
          actionId: `${ACTION.pickService}_${i}`,
          value: topicValue(s.id, a.topic.id),
        })),
      ),
    );
  }
  if (a.category)
    blocks.push(
      context([
        `_General rule for ${escapeText(a.category.name.toLowerCase())}; a service may differ: ask \`who patches <service>\`._`,
      ]),
    );
  blocks.push(
    sourcesContext(
      a.answers.flatMap((x) => x.sources),
      [a.topic.checked],
    ),
  );
  const lines = byCategory.map((x) => `${x.category?.name}: ${OWNER_LABEL[x.owner]}`).join('; ');
  return {
    text: fallback(
      `${title}: ${OWNER_LABEL[verdict.owner]}. ${verdict.summary}${lines ? ` By kind of service: ${lines}.` : ''}`,
    ),
    blocks,
  };
}

/** The model as a whole, or one part of it (a half, or a kind of control) with its topics' verdicts. */
export function renderOverview(a: OverviewAnswer): SlackMessage {
  const m = a.model;
  const c = a.control;
  if (!c) return renderWholeModel(m);
  const blocks: KnownBlock[] = [header(c.name), section(`${ownerText(c.owner)}\n${escapeText(c.text)}`)];
  if (a.related.length > 0) {
    blocks.push(
      section(
        a.related
          .slice(0, 8)
          .map((r) => `• *${escapeText(r.topic.name)}*: ${OWNER_LABEL[r.answer.owner]}`)
          .join('\n'),
      ),
    );
  }
  blocks.push(
    context(['Ask `/srm model` for the whole model, or name a topic: `/srm who patches the os`.']),
    sourcesContext(c.sources, [m.checked]),
  );
  return { text: fallback(`${c.name}: ${OWNER_LABEL[c.owner]}. ${c.text}`), blocks };
}

/**
 * The whole model on one screen: the split in a sentence, who owns each kind of control in a
 * line, and menus to explain one part or see a kind of service.
 */
function renderWholeModel(m: Model): SlackMessage {
  const [first, ...rest] = sentences(m.summary);
  return {
    text: fallback(`${m.name}: ${m.summary}`),
    blocks: [
      header(m.name),
      section(`*${escapeText(first ?? '')}* ${escapeText(rest.join(' '))}`),
      section(m.controls.map((c) => `*${escapeText(c.name)}*: ${OWNER_LABEL[c.owner]}`).join('\n')),
      menu(
        {
          placeholder: 'Explain a part…',
          actionId: `${ACTION.example}_90`,
          options: m.controls.map((c) => ({ text: c.name, value: c.words[0] ?? c.name })),
        },
        [],
      ),
      categoryMenu(m.categories),
      sourcesContext(m.sources, [m.checked]),
    ],
  };
}

/** A question srm-bot does not answer: what it answers instead, and where to go. */
export function renderOutOfScope(a: Extract<Answer, { kind: 'out_of_scope' }>): SlackMessage {
  const said = OUT_OF_SCOPE_TEXT[a.reason];
  const more = said.link ? ` ${link(said.link.url, said.link.label)}` : '';
  return {
    text: fallback(`${said.line.replace(/`/g, '')} ${SCOPE_LINE}`),
    blocks: [
      section(`${escapeText(said.line)}${more}`),
      context([`${escapeText(SCOPE_LINE)} \`/srm help\` shows examples.`]),
    ],
  };
}

/**
 * A service recognised by name with no entry yet, or with an entry that does not answer this
 * topic: say so first, then only what holds for every service, or the usual rule for its kind.
 */
export function renderNotCovered(a: Extract<Answer, { kind: 'not_covered' }>): SlackMessage {
  const name = escapeText(a.service.name);
  const topic = a.topic ? escapeText(a.topic.name) : '';
  const blocks: KnownBlock[] = [
    header(
      a.partly && a.topic
        ? `${a.service.name}: ${a.topic.name} not covered yet`
        : `${a.service.name}: not covered yet`,
    ),
    section(
      a.partly
        ? `I have no answer of my own on *${topic}* for *${name}* yet, so I won't guess who does what.`
        : `I know *${name}* by name, but I have no answers of my own for it yet, so I won't guess who does what for it.`,
    ),
  ];
  const lines = a.answers.map((x) =>
    x.category
      ? `• Usually, for *${escapeText(x.category.name.toLowerCase())}*: *${OWNER_LABEL[x.owner]}*. ${escapeText(x.summary)}`
      : `• The same for every AWS service: *${OWNER_LABEL[x.owner]}*. ${escapeText(x.summary)}`,
  );
  if (a.topic && lines.length > 0)
    blocks.push(section(`*${topic}* (general rules, not checked for ${name}):\n${lines.join('\n')}`));
  const page = a.ownChapter ? `Security in ${a.service.name}` : 'Security chapters of every AWS service';
  blocks.push(context([`:books: ${link(a.securityPage, page)} · \`/srm list\` shows the services I cover.`]));
  const first = a.answers[0];
  const rule =
    !a.topic || !first
      ? ''
      : first.category || a.answers.length > 1
        ? ' It depends on the kind of service.'
        : ` ${a.topic.name}: ${OWNER_LABEL[first.owner]} for every AWS service.`;
  const what =
    a.partly && a.topic
      ? `${a.service.name}: ${a.topic.name} is not covered yet.`
      : `${a.service.name} is not covered yet.`;
  return { text: fallback(`${what}${rule}`), blocks };
}
