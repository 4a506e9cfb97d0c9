import type { KnownBlock } from '@slack/types';
import type { Answer } from '../../engine/index.js';
import type { Owner, Service, Topic } from '../../knowledge/types.js';
import { sentences } from '../wording.js';
import { ACTION, detailValue } from './actions.js';
import { context, fallback, header, type SlackMessage, section } from './elements.js';
import { escapeText } from './mrkdwn.js';
import { bullets, categoryLine, type RenderKnowledge, sourcesContext, topicMenu } from './shared.js';

type ServiceAnswer = Extract<Answer, { kind: 'service' }>;

/** Who owns what, in words: topics grouped by owner, with the topics that depend on how the service is used apart. */
export function ownerGroups(s: Service, topics: readonly Topic[]): { label: string; topics: string[] }[] {
  const groups: Record<Owner | 'depends', string[]> = { aws: [], customer: [], shared: [], depends: [] };
  for (const t of topics) {
    const e = s.topics[t.id];
    // Topics whose rule is the same for every service say nothing about this one.
    if (!e || e.basis === 'unanswered' || e.basis === 'all') continue;
    const owners = new Set([e.owner, ...e.modes.map((m) => m.owner)]);
    groups[owners.size > 1 ? 'depends' : e.owner].push(t.name);
  }
  return [
    { label: 'AWS', topics: groups.aws },
    { label: 'You', topics: groups.customer },
    { label: 'Shared', topics: groups.shared },
    { label: 'Depends on how you use it', topics: groups.depends },
  ].filter((g) => g.topics.length > 0);
}

/**
 * A service: the split in a sentence, then who owns each topic in words, in a few lines. What AWS
 * does, what you do and the sources are one click away.
 */
export function renderService(a: ServiceAnswer, k: RenderKnowledge): SlackMessage {
  const s = a.service;
  const byOwner = ownerGroups(s, k.topics)
    .map((g) => `*${g.label}:* ${g.topics.map(escapeText).join(', ')}`)
    .join('\n');
  const example = exampleWithMode(s, k.topics);
  const blocks: KnownBlock[] = [
    header(`${s.name}: who secures what`),
    section(verdict(s.summary)),
    section(
      `${byOwner}${example ? `\n_Ask with how you use it, e.g._ \`/srm ${escapeText(example)}\`` : ''}`,
    ),
    topicMenu(s, k.topics, [
      { text: 'What AWS does', actionId: `${ACTION.detail}_0`, value: detailValue('aws', s.id) },
      { text: 'What you do', actionId: `${ACTION.detail}_1`, value: detailValue('customer', s.id) },
      { text: 'Sources', actionId: `${ACTION.detail}_2`, value: detailValue('sources', s.id) },
    ]),
    context([categoryLine(s, a.category), `Checked against AWS documentation on ${s.checked}.`]),
  ];
  return { text: fallback(`${s.name}: ${s.summary}`), blocks };
}

/** The summary's first sentence in bold, as the verdict; the rest plain. */
function verdict(summary: string): string {
  const [first = '', ...rest] = sentences(summary);
  return `*${escapeText(first)}*${rest.length ? ` ${escapeText(rest.join(' '))}` : ''}`;
}

/** One part of a service's answer in full: what AWS does, what you do, or every source. */
export function renderServiceDetail(s: Service, part: 'aws' | 'customer' | 'sources'): SlackMessage {
  if (part === 'sources') {
    const urls = [...s.sources, ...s.aws.flatMap((f) => f.sources), ...s.customer.flatMap((f) => f.sources)];
    return {
      text: fallback(`${s.name}: sources`),
      blocks: [header(`${s.name}: sources`), sourcesContext(urls, [s.checked], s.name, 10)],
    };
  }
  const facts = part === 'aws' ? s.aws : s.customer;
  const title = part === 'aws' ? `${s.name}: what AWS does` : `${s.name}: what you do`;
  return {
    text: fallback(`${title}: ${facts.map((f) => f.text).join(' ')}`),
    blocks: [
      header(title),
      section(bullets(facts.map((f) => f.text))),
      sourcesContext(
        facts.flatMap((f) => f.sources),
        [s.checked],
        s.name,
      ),
    ],
  };
}

/** A question that selects a mode where it matters most, e.g. "amazon ecs ec2 launch type os". */
function exampleWithMode(s: Service, topics: readonly Topic[]): string | undefined {
  const ranked = topics
    .map((t) => ({ t, modes: s.topics[t.id]?.modes ?? [] }))
    .sort((a, b) => b.modes.length - a.modes.length)[0];
  const mode = s.modes.find((m) => m.id === ranked?.modes[0]?.mode);
  if (!ranked || !mode) return undefined;
  // The name, not the id: an id can be an everyday word ("batch") that names the service only as "aws batch".
  return `${s.name.toLowerCase()} ${mode.words[0] ?? mode.name} ${ranked.t.words[0] ?? ranked.t.name}`;
}
