import { fileURLToPath } from 'node:url';

/** knowledge/ sits beside src/ and dist/, so the same relative path works from both. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge', import.meta.url));

/** knowledge/ parsed by `npm run build` (see knowledge/compiled.ts). */
export const COMPILED_KNOWLEDGE = fileURLToPath(new URL('../dist/knowledge.json', import.meta.url));
