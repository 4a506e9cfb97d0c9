// `npm run kb:check`: the loader's validation plus the lint rules, every problem with its file,
// field and rule code (knowledge/README.md lists the codes). Exits 1 on any problem.
import { fileURLToPath } from 'node:url';
import { KnowledgeError } from './fields.js';
import { lintKnowledge } from './lint.js';
import { loadKnowledge } from './load.js';

const dir = process.argv[2] ?? fileURLToPath(new URL('../../knowledge', import.meta.url));
try {
  const k = loadKnowledge(dir);
  const problems = lintKnowledge(k);
  if (problems.length > 0) {
    console.error(
      `knowledge/ has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(
    `knowledge OK: ${k.services.length} services, ${k.topics.length} topics, ${k.catalog.services.filter((c) => !c.partOf).length} more services recognised by name`,
  );
} catch (err) {
  console.error(err instanceof KnowledgeError ? err.message : err);
  process.exit(1);
}
