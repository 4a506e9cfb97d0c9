import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { aliasKey } from '../text/normalize.js';
import { deepFreeze, Fields, KnowledgeError } from './fields.js';
import { parseModel, parseService, parseTopics } from './schema.js';
import type { Knowledge, Service, Topic } from './types.js';

function readYaml(path: string, label: string, problems: string[]): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push(`${label}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return undefined;
  }
}

/** Every name a service answers to, as alias keys: id, name, full name and its aliases. */
export function serviceNames(s: Service): { strong: string[]; weak: string[] } {
  const weak = new Set(s.weakAliases.map(aliasKey));
  const all = [s.id, s.name, s.fullName, ...s.aliases].map(aliasKey).filter(Boolean);
  return { strong: [...new Set(all)].filter((k) => !weak.has(k)), weak: [...weak] };
}

function checkUniqueNames(services: readonly Service[], problems: string[]): void {
  const owner = new Map<string, string>();
  for (const s of services) {
    const { strong, weak } = serviceNames(s);
    for (const key of [...strong, ...weak]) {
      const other = owner.get(key);
      if (other && other !== s.id) {
        const [a, b] = [other, s.id].sort();
        problems.push(
          `services/${a}.yml and services/${b}.yml: both are named "${key}" (ids and aliases must be unique)`,
        );
      }
      owner.set(key, s.id);
    }
  }
}

/** Every per-category rule names, as its example, a service of that category. */
function checkExamples(topics: readonly Topic[], services: readonly Service[], problems: string[]): void {
  for (const t of topics)
    for (const [category, rule] of Object.entries(t.defaults)) {
      if (!rule.example) continue;
      const s = services.find((x) => x.id === rule.example);
      if (!s || s.category !== category)
        problems.push(
          `topics.yml: ${t.id}.defaults.${category}.example: ${rule.example} is not a known ${category} service`,
        );
    }
}

/** Reads and validates knowledge/; throws KnowledgeError listing every problem found. */
export function loadKnowledge(dir: string): Knowledge {
  const problems: string[] = [];
  const topics = parseTopics(
    new Fields('topics.yml', problems),
    readYaml(join(dir, 'topics.yml'), 'topics.yml', problems),
  );
  const model = parseModel(
    new Fields('model.yml', problems),
    readYaml(join(dir, 'model.yml'), 'model.yml', problems),
    topics,
  );
  const serviceDir = join(dir, 'services');
  let files: string[] = [];
  try {
    files = readdirSync(serviceDir)
      .filter((f) => f.endsWith('.yml'))
      .sort();
  } catch {
    problems.push(`services/: cannot read the folder ${serviceDir}`);
  }
  if (files.length === 0) problems.push('services/: no service files found');
  const services = files.map((file) => {
    const label = `services/${file}`;
    return parseService(
      new Fields(label, problems),
      readYaml(join(serviceDir, file), label, problems),
      basename(file, '.yml'),
      topics,
    );
  });
  checkUniqueNames(services, problems);
  checkExamples(topics, services, problems);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return deepFreeze({ model, topics, services });
}
