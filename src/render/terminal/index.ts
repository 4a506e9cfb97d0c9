import type { Answer, TopicAnswer } from '../../engine/index.js';
import type { Knowledge, Owner } from '../../knowledge/types.js';
import {
  BASIS_LABEL,
  basisLine,
  checkedLine,
  EXAMPLES,
  OUT_OF_SCOPE_TEXT,
  OWNER_LABEL,
  SCOPE_LINE,
  unique,
} from '../wording.js';

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
  const sources = (urls: readonly string[], checked: readonly string[]) => [
    paint('dim', 'Sources:'),
    ...unique(urls).map((u) => paint('dim', `  ${u}`)),
    paint('dim', checkedLine(checked)),
  ];
  const split = (r: { aws?: string; customer?: string }) =>
    r.aws && r.customer ? [`  ${title('AWS does:')} ${r.aws}`, `  ${title('You do:')} ${r.customer}`] : [];
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
    case 'overview': {
      const m = a.model;
      const c = a.control;
      if (c) {
        lines.push(title(c.name), `${owner(c.owner)}. ${c.text}`);
        for (const r of a.related)
          lines.push(`  - ${r.topic.name}: ${owner(r.answer.owner)}. ${r.answer.summary}`);
        lines.push(...sources(c.sources, [m.checked]));
        break;
      }
      lines.push(title(m.name), m.summary, '');
      for (const x of m.controls) lines.push(`${title(`${x.name}:`)} ${owner(x.owner)}. ${x.text}`);
      lines.push('', title('Categories:'), ...list(m.categories.map((x) => `${x.name}: ${x.summary}`)));
      lines.push(paint('dim', m.categorySource), ...sources(m.sources, [m.checked]));
      break;
    }
    case 'model_topic': {
      const [verdict, ...byCategory] = a.answers;
      lines.push(title(a.category ? `${a.topic.name} (${a.category.name})` : a.topic.name));
      if (verdict) lines.push(`${owner(verdict.owner)}. ${verdict.summary}`, ...split(verdict));
      if (byCategory.length > 0) {
        lines.push(title('It depends on the kind of service (general rules):'));
        for (const x of byCategory)
          lines.push(
            `  - ${x.category?.name}${x.example ? ` (e.g. ${x.example.name})` : ''}: ${owner(x.owner)}. ${x.summary}`,
          );
      }
      lines.push(
        ...sources(
          a.answers.flatMap((x) => x.sources),
          [a.topic.checked],
        ),
      );
      break;
    }
    case 'not_covered': {
      const t = a.topic;
      lines.push(
        title(
          a.partly && t
            ? `${a.service.name}: ${t.name} not covered yet`
            : `${a.service.name}: not covered yet`,
        ),
        a.partly && t
          ? `I have no answer of my own on ${t.name} for ${a.service.name} yet, so I won't guess who does what.`
          : "I know it by name, but I have no answers of my own for it yet, so I won't guess who does what for it.",
      );
      if (t && a.answers.length > 0) {
        lines.push(title(`${t.name} (general rules, not checked for ${a.service.name}):`));
        for (const x of a.answers)
          lines.push(
            `  - ${x.category ? `Usually, for ${x.category.name.toLowerCase()}` : 'The same for every AWS service'}: ${owner(x.owner)}. ${x.summary}`,
          );
      }
      lines.push(paint('dim', `Security documentation: ${a.securityPage}`));
      break;
    }
    case 'out_of_scope': {
      const said = OUT_OF_SCOPE_TEXT[a.reason];
      lines.push(
        said.line.replace(/`/g, '"'),
        ...(said.link ? [paint('dim', `  ${said.link.url}`)] : []),
        SCOPE_LINE,
      );
      break;
    }
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
        ...sources(c.sources, [k.model.checked]),
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
      lines.push(...sources(s.sources, [s.checked]));
      break;
    }
    case 'topic': {
      lines.push(title(`${a.service.name}: ${a.topic.name}`));
      const [first, ...rest] = a.answers;
      if (first) lines.push(topicLine(first));
      if (!a.mode && first) lines.push(...split(first));
      if (rest.length) lines.push(title('It depends on how you use it:'), ...list(rest.map(topicLine)));
      const rule = basisLine(a.entry.basis, a.category);
      if (rule) lines.push(paint('dim', rule));
      lines.push(
        ...sources(
          a.answers.flatMap((x) => x.sources),
          [a.entry.basis === 'service' ? a.service.checked : a.topic.checked],
        ),
      );
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
          a.services.map((s) => s.checked),
        ),
      );
      break;
    case 'no_match':
      lines.push(
        a.reason === 'ambiguous'
          ? `I'm not sure which service you mean by "${a.query}".`
          : `I don't know an AWS service in "${a.query}".`,
      );
      if (a.suggestions.length)
        lines.push(`Did you mean: ${a.suggestions.map((s) => `${s.id} (${s.name})`).join(', ')}?`);
      lines.push(paint('dim', '"list" shows every service I know.'));
      break;
  }
  return lines.join('\n');
}
