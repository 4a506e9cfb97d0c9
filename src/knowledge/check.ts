// `npm run check:knowledge`: validate knowledge/ and print a one-line summary or every problem.
import { fileURLToPath } from 'node:url';
import { KnowledgeError } from './fields.js';
import { loadKnowledge } from './load.js';

const dir = fileURLToPath(new URL('../../knowledge', import.meta.url));
try {
  const k = loadKnowledge(dir);
  console.log(`knowledge OK: ${k.services.length} services, ${k.topics.length} topics`);
} catch (err) {
  console.error(err instanceof KnowledgeError ? err.message : err);
  process.exit(1);
}
