import type { KnownBlock } from '@slack/types';
import type { Answer, TopicAnswer } from '../../engine/index.js';
import { basisLine, OWNER_LABEL } from '../wording.js';
import { ACTION, detailValue } from './actions.js';
import { context, fallback, fields, header, type SlackMessage, section } from './elements.js';
import { escapeText } from './mrkdwn.js';
import {
  categoryLine,
  ownerText,
  type RenderKnowledge,
  serviceButtons,
  sourcesContext,
  topicMenu,
} from './shared.js';

type TopicKindAnswer = Extract<Answer, { kind: 'topic' }>;

const modeLine = (a: TopicAnswer) => `*${escapeText(a.mode?.name ?? '')}*: ${OWNER_LABEL[a.owner]}`;

/**
 * A service and topic: the owner in words and the answer first, each side's part next, and where
 * the answer depends on how the service is used, one line per way; every way in full and the
 * sources are one click away.
 */
export function renderTopic(a: TopicKindAnswer, k: RenderKnowledge): SlackMessage {
  const s = a.service;
  const [main, ...modeAnswers] = a.answers as [TopicAnswer, ...TopicAnswer[]];
  const blocks: KnownBlock[] = [
    header(`${s.name}: ${a.topic.name}`),
    section(
      `${a.mode ? `*${escapeText(a.mode.name)}*: ` : ''}${ownerText(main.owner)}\n${escapeText(main.summary)}`,
    ),
  ];
  if (main.aws && main.customer)
    blocks.push(fields([`*AWS does*\n${escapeText(main.aws)}`, `*You do*\n${escapeText(main.customer)}`]));
  if (modeAnswers.length > 0) {
    // Past three ways the line would fill the screen; "Every way in full" has them all.
    const more = modeAnswers.length > 3 ? ` · _and ${modeAnswers.length - 3} more_` : '';
    blocks.push(
      section(`*It depends on how you use it:*\n${modeAnswers.slice(0, 3).map(modeLine).join(' · ')}${more}`),
    );
  } else if (a.mode && a.entry.modes.length > 1) {
    const others = a.entry.modes
      .filter((m) => m.mode !== a.mode?.id)
      .map((m) => s.modes.find((x) => x.id === m.mode)?.name);
    const more = others.length > 3 ? ` and ${others.length - 3} more` : '';
    blocks.push(
      section(`_Other ways of running it differ: ${escapeText(others.slice(0, 3).join(', '))}${more}._`),
    );
  }
  const details = [
    ...(a.entry.modes.length > 0
      ? [
          {
            text: 'Every way in full',
            actionId: `${ACTION.detail}_0`,
            value: detailValue('modes', s.id, a.topic.id),
          },
        ]
      : []),
    { text: 'Sources', actionId: `${ACTION.detail}_1`, value: detailValue('sources', s.id, a.topic.id) },
    ...serviceButtons([s], () => `${s.name} overview`),
  ];
  blocks.push(topicMenu(s, k.topics, details));
  const rule = basisLine(a.entry.basis, a.category);
  const checked = a.entry.basis === 'service' ? s.checked : a.topic.checked;
  blocks.push(
    context([
      ...(rule ? [escapeText(rule)] : []),
      categoryLine(s, a.category),
      `Checked against AWS documentation on ${checked}.`,
    ]),
  );
  const modeName = a.mode ? ` (${a.mode.name})` : '';
  const depends = modeAnswers.length
    ? ` It depends on how you use it: ${modeAnswers.map((m) => `${m.mode?.name}: ${OWNER_LABEL[m.owner]}`).join('; ')}.`
    : '';
  return {
    text: fallback(
      `${s.name}, ${a.topic.name}${modeName}: ${OWNER_LABEL[main.owner]}. ${main.summary}${depends}`,
    ),
    blocks,
  };
}

/** Every way of using the service for the topic in full, or the topic's sources. */
export function renderTopicDetail(a: TopicKindAnswer, part: 'modes' | 'sources'): SlackMessage {
  const s = a.service;
  const title = `${s.name}: ${a.topic.name}`;
  const checked = a.entry.basis === 'service' ? s.checked : a.topic.checked;
  const urls = a.answers.flatMap((x) => x.sources).concat(a.entry.sources);
  if (part === 'sources')
    return {
      text: fallback(`${title}: sources`),
      blocks: [header(`${title}: sources`), sourcesContext(urls, [checked], s.name, 10)],
    };
  const ways = a.answers.filter((x) => x.mode);
  return {
    text: fallback(
      `${title}, by how you use it: ${ways.map((w) => `${w.mode?.name}: ${OWNER_LABEL[w.owner]}`).join('; ')}`,
    ),
    blocks: [
      header(`${title}: by how you use it`),
      ...ways
        .slice(0, 8)
        .map((w) =>
          section(`*${escapeText(w.mode?.name ?? '')}*: ${ownerText(w.owner)}\n${escapeText(w.summary)}`),
        ),
      sourcesContext(urls, [checked], s.name),
    ],
  };
}
