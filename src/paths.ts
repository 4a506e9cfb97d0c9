import { fileURLToPath } from 'node:url';

/** knowledge/ sits beside src/ and dist/, so the same relative path works from both. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge', import.meta.url));
