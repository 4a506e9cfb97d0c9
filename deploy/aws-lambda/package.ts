// `npm run package:lambda`: what the Lambda function runs, in deploy/aws-lambda/build/ (the
// template's CodeUri): the compiled JavaScript (npm run build, which runs first), the knowledge,
// and production dependencies only, installed from the lock file.
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
  execSync('npm ci --omit=dev --no-audit --no-fund --loglevel=error', {
    cwd: out,
    stdio: 'inherit',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' },
  });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`Lambda package written to ${packageLambda()}`);
}
