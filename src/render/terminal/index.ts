import type { Answer, TopicAnswer } from '../../engine/index.js';
import type { Knowledge, Owner } from '../../knowledge/types.js';
import { BASIS_LABEL, EXAMPLES, OWNER_LABEL, unique } from '../wording.js';

export interface TerminalStyle {
  readonly color: boolean;
}

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  cyan: [36, 39],
  yellow: [33, 39],
  green: [32, 39],
  magenta: [35, 39],
};
type Paint = (code: keyof typeof CODES, text: string) => string;

const OWNER_COLOR: Record<Owner, keyof typeof CODES> = { aws: 'cyan', customer: 'yellow', shared: 'magenta' };

/** Renders an answer as plain terminal text, with ANSI colour when `color` is set. */
export function renderTerminal(
  a: Answer,
  k: Pick<Knowledge, 'topics' | 'model'>,
  style: TerminalStyle,
): string {
  const { topics } = k;
  const paint: Paint = (code, text) =>
    style.color ? `\u001b[${CODES[code][0]}m${text}\u001b[${CODES[code][1]}m` : text;
  const title = (t: string) => paint('bold', t);
  const owner = (o: Owner) => paint(OWNER_COLOR[o], OWNER_LABEL[o]);
  const list = (items: readonly string[]) => items.map((t) => `  - ${t}`);
  const sources = (urls: readonly string[]) => [
    paint('dim', 'Sources:'),
    ...unique(urls).map((u) => paint('dim', `  ${u}`)),
    paint('dim', k.model.sourcesNote),
  ];
  const topicLine = (x: TopicAnswer) => `${x.mode ? `${x.mode.name}: ` : ''}${owner(x.owner)}. ${x.summary}`;

  const lines: string[] = [];
  switch (a.kind) {
    case 'help':
      lines.push(
        title('srm-bot: who secures what on AWS'),
        'Ask about a service or a topic in it. Try:',
        ...list(EXAMPLES.map((e) => `srm ${e}`)),
      );
      break;
    case 'overview':
      lines.push(
        title(a.model.name),
        a.model.summary,
        '',
        `${title('Security of the cloud (AWS):')} ${a.model.ofTheCloud.text}`,
      );
      lines.push(`${title('Security in the cloud (you):')} ${a.model.inTheCloud.text}`, '');
      for (const c of a.model.controls) lines.push(`${title(`${c.name}:`)} ${c.text}`);
      lines.push('', title('Categories:'), ...list(a.model.categories.map((c) => `${c.name}: ${c.summary}`)));
      lines.push(paint('dim', a.model.categorySource), ...sources(a.model.sources));
      break;
    case 'list':
      for (const g of a.groups)
        lines.push(
          title(`${g.category.name} (${g.services.length})`),
          `  ${g.services.map((s) => `${s.id} (${s.name})`).join(', ')}`,
        );
      break;
    case 'category': {
      const c = a.group.category;
      lines.push(title(c.name), c.summary, `${title('AWS:')} ${c.aws}`, `${title('You:')} ${c.customer}`);
      lines.push(
        `${title('Services:')} ${a.group.services.map((s) => s.name).join(', ')}`,
        paint('dim', k.model.categorySource),
        ...sources(c.sources),
      );
      break;
    }
    case 'service': {
      const s = a.service;
      lines.push(
        title(`${s.name} (${s.fullName})`),
        `${a.category.name}, ${BASIS_LABEL[s.categoryBasis]}`,
        '',
        s.summary,
        '',
      );
      lines.push(
        title('AWS is responsible for:'),
        ...list(s.aws.map((f) => f.text)),
        title('You are responsible for:'),
        ...list(s.customer.map((f) => f.text)),
        '',
      );
      lines.push(title('By topic:'));
      for (const t of topics) {
        const e = s.topics[t.id];
        if (e)
          lines.push(
            `  ${t.name}: ${owner(e.owner)}${e.modes.length ? paint('dim', ' (depends on how you use it)') : ''}`,
          );
      }
      if (s.modes.length)
        lines.push('', `It depends on how you use it: ${s.modes.map((m) => m.name).join(', ')}.`);
      lines.push(...sources(s.sources));
      break;
    }
    case 'topic': {
      lines.push(title(`${a.service.name}: ${a.topic.name}`));
      const [first, ...rest] = a.answers;
      if (first) lines.push(topicLine(first));
      if (!a.mode && first?.aws && first.customer)
        lines.push(`  ${title('AWS does:')} ${first.aws}`, `  ${title('You do:')} ${first.customer}`);
      if (rest.length) lines.push(title('It depends on how you use it:'), ...list(rest.map(topicLine)));
      lines.push(...sources(a.answers.flatMap((x) => x.sources)));
      break;
    }
    case 'compare':
      lines.push(
        title(`Compare${a.topic ? ` (${a.topic.name})` : ''}: ${a.services.map((s) => s.name).join(', ')}`),
      );
      a.services.forEach((s, i) => {
        const x = a.answers.find((y) => y.service.id === s.id);
        lines.push(
          `${title(s.name)} (${a.categories[i]?.name ?? s.category})`,
          `  ${x ? topicLine(x) : s.summary}`,
        );
      });
      lines.push(
        ...sources(
          a.answers.length ? a.answers.flatMap((x) => x.sources) : a.services.flatMap((s) => s.sources),
        ),
      );
      break;
    case 'no_match':
      lines.push(
        a.reason === 'need_service' && a.topic
          ? `Which service? I can answer "${a.topic.name}" for a service, e.g. "rds ${a.topic.words[0] ?? ''}".`
          : `I don't know an AWS service in "${a.query}".`,
      );
      if (a.suggestions.length)
        lines.push(`Did you mean: ${a.suggestions.map((s) => `${s.id} (${s.name})`).join(', ')}?`);
      lines.push(paint('dim', '"list" shows every service I know.'));
      break;
  }
  return lines.join('\n');
}
