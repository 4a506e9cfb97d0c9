// `npm run package:lambda`: what the Lambda function runs, in deploy/aws-lambda/build/ (the
// template's CodeUri): the compiled JavaScript (npm run build, which runs first), the knowledge,
// and production dependencies only, installed from the lock file. Without install scripts and
// without better-sqlite3: on Lambda srm-bot serves one workspace and never opens SQLite (the
// store loads its driver only when chosen), and a native module built here might not load there.
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const LAMBDA_BUILD = join(ROOT, 'deploy/aws-lambda/build');

export function packageLambda(out = LAMBDA_BUILD): string {
  if (!existsSync(join(ROOT, 'dist/lambda.js')))
    throw new Error('dist/lambda.js is missing: run npm run build first');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const path of ['dist', 'knowledge', 'package.json', 'package-lock.json'])
    cpSync(join(ROOT, path), join(out, path), { recursive: true });
  execSync('npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error', {
    cwd: out,
    stdio: 'inherit',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' },
  });
  rmSync(join(out, 'node_modules/better-sqlite3'), { recursive: true, force: true });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`Lambda package written to ${packageLambda()}`);
}
