// `npm run build` parses knowledge/ once into dist/knowledge.json: loading that at start-up skips
// YAML parsing, which costs more time and memory than everything else the loader does. The
// loader still validates it in full; a compiled file older than any knowledge file is ignored.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CompiledDocs } from './load.js';

interface CompiledFile {
  /** The knowledge files' labels and modification times when compiled. */
  readonly files: Record<string, number>;
  readonly docs: CompiledDocs;
}

/** Labels ("services/s3.yml") and modification times of every file the loader reads. */
function knowledgeFiles(dir: string): Record<string, number> {
  const labels = [
    'topics.yml',
    'model.yml',
    'catalog.yml',
    ...readdirSync(join(dir, 'services'))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => `services/${f}`),
  ];
  return Object.fromEntries(labels.map((l) => [l, statSync(join(dir, l)).mtimeMs]));
}

export function compileKnowledge(dir: string, out: string): void {
  const files = knowledgeFiles(dir);
  const docs = Object.fromEntries(
    Object.keys(files).map((l) => [l, parse(readFileSync(join(dir, l), 'utf8'))]),
  );
  writeFileSync(out, JSON.stringify({ files, docs } satisfies CompiledFile));
}

/** The compiled docs, if the file exists and knowledge/ has not changed since; otherwise undefined. */
export function readCompiled(dir: string, path: string): CompiledDocs | undefined {
  let compiled: CompiledFile;
  try {
    compiled = JSON.parse(readFileSync(path, 'utf8')) as CompiledFile;
  } catch {
    return undefined;
  }
  const now = knowledgeFiles(dir);
  const same =
    Object.keys(now).length === Object.keys(compiled.files).length &&
    Object.entries(now).every(([label, mtime]) => compiled.files[label] === mtime);
  return same ? compiled.docs : undefined;
}
