import { EVERYDAY_WORDS } from '../text/everyday.js';
import { aliasKey } from '../text/normalize.js';
import { catalogNames } from './load.js';
import type { RuleCode } from './rules.js';
import type { Knowledge } from './types.js';

const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i;

/**
 * The rules kb:check adds to the loader's: things that load fine but should not ship. Each
 * problem names the file, the field and the rule code, like the loader's.
 */
export function lintKnowledge(k: Knowledge): string[] {
  const problems: string[] = [];
  const report = (file: string, path: string, message: string, code: RuleCode) =>
    problems.push(`${file}: ${path}: ${message} [${code}]`);

  const placeholders = (file: string, value: unknown, path = ''): void => {
    if (typeof value === 'string') {
      if (PLACEHOLDER.test(value))
        report(
          file,
          path || '(top level)',
          `holds placeholder text: ${JSON.stringify(value.slice(0, 60))}`,
          'KB040',
        );
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        placeholders(file, v, `${path}[${i}]`);
      });
    } else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) placeholders(file, v, path ? `${path}.${key}` : key);
  };
  placeholders('model.yml', k.model);
  placeholders('topics.yml', k.topics, 'topics');
  for (const s of k.services) placeholders(`services/${s.id}.yml`, s);
  placeholders('catalog.yml', k.catalog.services, 'services');

  // Words a question uses for other things: as a strong alias they would hijack those questions.
  const sayings = new Map<string, string>();
  for (const w of EVERYDAY_WORDS) sayings.set(w, 'an everyday word');
  for (const t of k.topics)
    for (const w of [...t.words, ...t.weakWords]) sayings.set(aliasKey(w), `a word of the topic ${t.id}`);
  for (const s of k.services)
    s.aliases.forEach((a, i) => {
      const why = sayings.get(aliasKey(a));
      if (why && !s.weakAliases.includes(a))
        report(
          `services/${s.id}.yml`,
          `aliases[${i}]`,
          `"${a}" is ${why}: list it under weak_aliases`,
          'KB041',
        );
    });
  k.catalog.services.forEach((c, i) => {
    for (const key of catalogNames(c).strong) {
      const why = sayings.get(key);
      if (why)
        report('catalog.yml', `services[${i}]`, `"${key}" is ${why}: it must be a weak alias`, 'KB041');
    }
  });
  return problems;
}
