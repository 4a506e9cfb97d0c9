// `npm run build` parses knowledge/ once into dist/knowledge.json: loading that at start-up skips
// YAML parsing, which costs more time and memory than everything else the loader does. The
// loader still validates it in full. The file records a hash of what it was compiled from, not
// modification times: a container image or a Lambda zip keeps the contents but not always the
// times, and a compiled file that no longer matches knowledge/ is ignored.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CompiledDocs } from './load.js';

interface CompiledFile {
  /** SHA-256 over the labels and contents of every knowledge file, when compiled. */
  readonly hash: string;
  readonly docs: CompiledDocs;
}

/** Labels ("services/s3.yml") of every file the loader reads. */
function knowledgeFiles(dir: string): string[] {
  return [
    'topics.yml',
    'model.yml',
    'catalog.yml',
    ...readdirSync(join(dir, 'services'))
      .filter((f) => f.endsWith('.yml'))
      .sort()
      .map((f) => `services/${f}`),
  ];
}

function read(dir: string): { hash: string; texts: Map<string, string> } {
  const hash = createHash('sha256');
  const texts = new Map<string, string>();
  for (const label of knowledgeFiles(dir)) {
    const text = readFileSync(join(dir, label), 'utf8');
    texts.set(label, text);
    hash.update(label).update('\0').update(text).update('\0');
  }
  return { hash: hash.digest('hex'), texts };
}

export function compileKnowledge(dir: string, out: string): void {
  const { hash, texts } = read(dir);
  const docs = Object.fromEntries([...texts].map(([label, text]) => [label, parse(text)]));
  writeFileSync(out, JSON.stringify({ hash, docs } satisfies CompiledFile));
}

/** The compiled docs, if the file exists and knowledge/ has not changed since; otherwise undefined. */
export function readCompiled(dir: string, path: string): CompiledDocs | undefined {
  let compiled: CompiledFile;
  try {
    compiled = JSON.parse(readFileSync(path, 'utf8')) as CompiledFile;
  } catch {
    return undefined;
  }
  return compiled.hash === read(dir).hash ? compiled.docs : undefined;
}
