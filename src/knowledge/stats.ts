// `npm run kb:stats`: how much the knowledge covers and how current it is, as a Markdown table.
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from './load.js';
import type { Knowledge } from './types.js';

export interface KnowledgeStats {
  services: number;
  /** Services that answer every topic whose rule depends on the category with their own entry. */
  servicesInFullDepth: number;
  modes: number;
  facts: number;
  distinctSources: number;
  oldestChecked: string;
  newestChecked: string;
  recognisedNotCovered: number;
}

export function knowledgeStats(k: Knowledge): KnowledgeStats {
  const categoryTopics = k.topics.filter((t) => t.defaults.infrastructure.scope === 'category');
  const sources = new Set<string>();
  let facts = 0;
  for (const s of k.services) {
    for (const f of [...s.aws, ...s.customer]) {
      facts++;
      for (const u of f.sources) sources.add(u);
    }
    for (const e of Object.values(s.topics)) {
      if (e.basis !== 'service') continue;
      for (const r of [e, ...e.modes]) {
        facts++;
        for (const u of r.sources) sources.add(u);
      }
    }
  }
  for (const t of k.topics)
    for (const r of [t.answer, ...t.layers, ...Object.values(t.defaults)])
      for (const u of r.sources) sources.add(u);
  const dates = [...k.services.map((s) => s.checked), k.model.checked, k.topics[0]?.checked ?? ''].sort();
  return {
    services: k.services.length,
    servicesInFullDepth: k.services.filter((s) =>
      categoryTopics.every((t) => s.topics[t.id]?.basis === 'service'),
    ).length,
    modes: k.services.reduce((n, s) => n + s.modes.length, 0),
    facts,
    distinctSources: sources.size,
    oldestChecked: dates[0] ?? '',
    newestChecked: dates[dates.length - 1] ?? '',
    recognisedNotCovered: k.catalog.services.filter((c) => !c.partOf).length,
  };
}

const LABELS: Record<keyof KnowledgeStats, string> = {
  services: 'services with their own file',
  servicesInFullDepth: 'of them answering every category-dependent topic themselves',
  modes: 'modes (ways of using a service that change an answer)',
  facts: 'sourced facts in service files',
  distinctSources: 'distinct AWS pages cited',
  oldestChecked: 'oldest `checked` date',
  newestChecked: 'newest `checked` date',
  recognisedNotCovered: 'more services recognised by name (not covered yet)',
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stats = knowledgeStats(loadKnowledge(fileURLToPath(new URL('../../knowledge', import.meta.url))));
  console.log('| | |\n|---|---|');
  for (const [key, label] of Object.entries(LABELS))
    console.log(`| ${label} | ${stats[key as keyof KnowledgeStats]} |`);
}
