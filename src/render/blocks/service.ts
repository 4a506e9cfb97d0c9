import type { KnownBlock } from '@slack/types';
import type { Answer } from '../../engine/index.js';
import type { Topic } from '../../knowledge/types.js';
import { OWNER_EMOJI } from '../wording.js';
import { divider, fallback, header, type SlackMessage, section } from './elements.js';
import { escapeText } from './mrkdwn.js';
import { bullets, categoryContext, type RenderKnowledge, sourcesContext, topicMenu } from './shared.js';

type ServiceAnswer = Extract<Answer, { kind: 'service' }>;

export function renderService(a: ServiceAnswer, k: RenderKnowledge): SlackMessage {
  const { topics } = k;
  const s = a.service;
  const owners = topics
    .map((t) => {
      const e = s.topics[t.id];
      if (!e) return '';
      const depends = e.modes.length > 0 ? ' _(depends on how you use it)_' : '';
      return `${OWNER_EMOJI[e.owner]} ${escapeText(t.name)}${depends}`;
    })
    .filter(Boolean);
  const blocks: KnownBlock[] = [
    header(`${s.name}: who secures what`),
    section(`${escapeText(s.summary)}`),
    section(`*AWS is responsible for*\n${bullets(s.aws.map((f) => f.text))}`),
    section(`*You are responsible for*\n${bullets(s.customer.map((f) => f.text))}`),
    divider(),
    section(`*By topic* (:cloud: AWS · :bust_in_silhouette: you · :handshake: shared)\n${owners.join('\n')}`),
  ];
  const example = exampleWithMode(a.service, topics);
  if (example) {
    blocks.push(
      section(
        `*It depends on how you use it:* ${s.modes.map((m) => escapeText(m.name)).join(', ')}. ` +
          `Ask with the mode, e.g. \`/srm ${escapeText(example)}\`.`,
      ),
    );
  }
  blocks.push(
    topicMenu(s, topics),
    categoryContext(s, a.category),
    sourcesContext(
      [...s.sources, ...s.aws.flatMap((f) => f.sources), ...s.customer.flatMap((f) => f.sources)],
      [s.checked],
    ),
  );
  return { text: fallback(`${s.name}: ${s.summary}`), blocks };
}

/** A question that selects a mode where it matters most, e.g. "ecs ec2 launch type os". */
function exampleWithMode(s: ServiceAnswer['service'], topics: readonly Topic[]): string | undefined {
  const ranked = topics
    .map((t) => ({ t, modes: s.topics[t.id]?.modes ?? [] }))
    .sort((a, b) => b.modes.length - a.modes.length)[0];
  const mode = s.modes.find((m) => m.id === ranked?.modes[0]?.mode);
  if (!ranked || !mode) return undefined;
  // The name, not the id: an id can be an everyday word ("batch") that names the service only as "aws batch".
  return `${s.name.toLowerCase()} ${mode.words[0] ?? mode.name} ${ranked.t.words[0] ?? ranked.t.name}`;
}
