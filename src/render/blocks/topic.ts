import type { KnownBlock } from '@slack/types';
import type { Answer, TopicAnswer } from '../../engine/index.js';
import { basisLine, OWNER_LABEL } from '../wording.js';
import { fallback, fields, header, type SlackMessage, section } from './elements.js';
import { escapeText } from './mrkdwn.js';
import {
  categoryContext,
  ownerText,
  type RenderKnowledge,
  serviceButtons,
  sourcesContext,
  topicMenu,
} from './shared.js';

type TopicKindAnswer = Extract<Answer, { kind: 'topic' }>;

function splitFields(r: { aws?: string; customer?: string }) {
  return r.aws && r.customer
    ? [fields([`*AWS does*\n${escapeText(r.aws)}`, `*You do*\n${escapeText(r.customer)}`])]
    : [];
}

function modeBlock(a: TopicAnswer) {
  return section(`*${escapeText(a.mode?.name ?? '')}*: ${ownerText(a.owner)}\n${escapeText(a.summary)}`);
}

export function renderTopic(a: TopicKindAnswer, k: RenderKnowledge): SlackMessage {
  const { topics } = k;
  const s = a.service;
  // First the topic's answer (or the named mode's), then, without a named mode, every mode's.
  const [main, ...modeAnswers] = a.answers as [TopicAnswer, ...TopicAnswer[]];
  const blocks: KnownBlock[] = [
    header(`${s.name}: ${a.topic.name}`),
    section(
      `${a.mode ? `*${escapeText(a.mode.name)}*: ` : ''}${ownerText(main.owner)}\n${escapeText(main.summary)}`,
    ),
    ...splitFields(main),
  ];
  if (modeAnswers.length > 0) {
    blocks.push(section('*It depends on how you use it:*'), ...modeAnswers.map(modeBlock));
  }
  if (a.mode && a.entry.modes.length > 1) {
    const others = a.entry.modes
      .filter((m) => m.mode !== a.mode?.id)
      .map((m) => s.modes.find((x) => x.id === m.mode)?.name);
    blocks.push(section(`_Other ways of running it differ: ${escapeText(others.join(', '))}._`));
  }
  const rule = basisLine(a.entry.basis, a.category);
  if (rule) blocks.push(section(`_${escapeText(rule)}_`));
  blocks.push(
    topicMenu(
      s,
      topics,
      serviceButtons([s], () => `${s.name} overview`),
    ),
    categoryContext(s, a.category),
    sourcesContext(a.answers.flatMap((x) => x.sources).concat(a.entry.sources), [
      a.entry.basis === 'service' ? s.checked : a.topic.checked,
    ]),
  );
  const modeName = a.mode ? ` (${a.mode.name})` : '';
  return {
    text: fallback(`${s.name}, ${a.topic.name}${modeName}: ${OWNER_LABEL[main.owner]}. ${main.summary}`),
    blocks,
  };
}
