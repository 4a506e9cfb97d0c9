// Run by `npm run build`: writes dist/knowledge.json, knowledge/ parsed once (see compiled.ts).
import { COMPILED_KNOWLEDGE, KNOWLEDGE_DIR } from '../paths.js';
import { compileKnowledge } from './compiled.js';

compileKnowledge(KNOWLEDGE_DIR, COMPILED_KNOWLEDGE);
