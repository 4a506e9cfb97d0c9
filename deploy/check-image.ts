// `npm run check:image`: the Dockerfile's runtime stage, reproduced without Docker (CI has none).
// Each stage gets a folder standing for its filesystem; COPY copies what it names (from the build
// context, minus .dockerignore, or from an earlier stage), RUN runs in the stage's WORKDIR with
// its ENV. One shortcut: the build stage's `npm ci` links this checkout's node_modules, installed
// by `npm ci` from the same lock file, and `chown` only prints what it would do (the image's users
// do not exist here). The runtime stage's `npm ci --omit=dev` runs for real, so a
// runtime import of a dev dependency, or a file the image forgot, fails here. Then the image's CMD
// starts in HTTP mode against a fake Slack, and must pass its HEALTHCHECK, answer a signed /srm
// and a mention, and exit 0 on SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { eventBody, freePort, postSigned, SIGNING_SECRET, slashCommandBody } from '../test/support/signed.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Stage {
  readonly name: string;
  readonly from: string;
  readonly root: string;
  workdir: string;
  user: string;
  env: Record<string, string>;
  cmd?: string[];
  healthcheck?: string[];
}

function fail(message: string): never {
  console.error(`check:image FAILED: ${message}`);
  process.exit(1);
}

/** .dockerignore patterns, matched against paths relative to the context root. */
function ignoreRules(): RegExp[] {
  const file = join(ROOT, '.dockerignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((p) => {
      const re = p
        .replace(/^\/+|\/+$/g, '')
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*/g, '§§')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replace(/§§/g, '.*');
      return new RegExp(`^${re}(/.*)?$`);
    });
}

function main(): Promise<void> | void {
  const lines = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const work = mkdtempSync(join(tmpdir(), 'srm-image-'));
  const ignored = ignoreRules();
  const stages: Stage[] = [];
  let stage: Stage | undefined;
  const inStage = (s: Stage, p: string) => join(s.root, posix.resolve(s.workdir, p));

  for (const line of lines) {
    const [op = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op === 'FROM') {
      const [from = '', , name = `stage${stages.length}`] = rest;
      stage = { name, from, root: join(work, name), workdir: '/', user: 'root', env: {} };
      mkdirSync(stage.root, { recursive: true });
      stages.push(stage);
      continue;
    }
    if (!stage) fail(`${op} before FROM`);
    const s = stage;
    switch (op) {
      case 'WORKDIR':
        s.workdir = posix.resolve(s.workdir, args);
        mkdirSync(inStage(s, '.'), { recursive: true });
        break;
      case 'ENV':
        for (const [, k, v] of args.matchAll(/(\w+)=(\S+)/g)) s.env[k as string] = v as string;
        break;
      case 'USER':
        s.user = args;
        break;
      case 'VOLUME':
        break;
      case 'COPY': {
        const fromArg = rest.find((r) => r.startsWith('--from='));
        const paths = rest.filter((r) => !r.startsWith('--'));
        const dest = paths.pop() as string;
        for (const src of paths) {
          const source = fromArg
            ? join(stages.find((x) => x.name === fromArg.slice(7))?.root ?? fail(`no stage ${fromArg}`), src)
            : join(ROOT, src);
          if (!existsSync(source)) fail(`COPY ${src}: not there (${relative(work, source)})`);
          const target =
            dest.endsWith('/') || paths.length > 1
              ? join(inStage(s, dest), posix.basename(src))
              : inStage(s, dest);
          mkdirSync(dirname(target), { recursive: true });
          cpSync(source, target, {
            recursive: true,
            preserveTimestamps: true,
            filter: (p) => fromArg !== undefined || !ignored.some((re) => re.test(relative(ROOT, p))),
          });
        }
        break;
      }
      case 'RUN': {
        const cwd = inStage(s, '.');
        if (s !== stages[stages.length - 1] && /^npm ci\b/.test(args) && !args.includes('--omit=dev')) {
          symlinkSync(join(ROOT, 'node_modules'), join(cwd, 'node_modules'));
          break;
        }
        console.log(`check:image [${s.name}] RUN ${args}`);
        const env = { ...cleanEnv(), ...s.env };
        env.PATH = `${shims(work)}:${env.PATH}`;
        const run = spawnSync('sh', ['-c', args], { cwd, stdio: 'inherit', env });
        if (run.status !== 0) fail(`[${s.name}] RUN ${args} exited ${run.status}`);
        break;
      }
      case 'HEALTHCHECK':
        s.healthcheck = JSON.parse(args.slice(args.indexOf('CMD') + 3).trim()) as string[];
        break;
      case 'CMD':
        s.cmd = JSON.parse(args) as string[];
        break;
      case 'EXPOSE':
        break;
      default:
        fail(`the check does not know the instruction ${op}: teach deploy/check-image.ts`);
    }
  }

  const runtime = stages[stages.length - 1] ?? fail('no stage');
  if (!/^node:22\b/.test(runtime.from))
    fail(`the runtime stage must run on Node.js 22 (FROM ${runtime.from})`);
  if (/^(root|0)(:|$)/.test(runtime.user)) fail('the runtime stage runs as root');
  if (!runtime.cmd || !runtime.healthcheck) fail('the runtime stage needs CMD and HEALTHCHECK in exec form');
  return serve(runtime, work);
}

/** A folder of stand-ins for commands that cannot act here: chown to the image's users. */
function shims(work: string): string {
  const dir = join(work, '.shims');
  if (!existsSync(dir)) {
    mkdirSync(dir);
    writeFileSync(join(dir, 'chown'), '#!/bin/sh\necho "check:image: not reproduced here: chown $*"\n', {
      mode: 0o755,
    });
  }
  return dir;
}

/** An environment that cannot reach this checkout's node_modules. */
function cleanEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
}

async function serve(runtime: Stage, work: string): Promise<void> {
  const fake = await startFakeSlack();
  const port = await freePort();
  const cwd = join(runtime.root, runtime.workdir);
  const [command = 'node', ...args] = runtime.cmd ?? [];
  const env = {
    ...cleanEnv(),
    ...runtime.env,
    PORT: String(port),
    SLACK_BOT_TOKEN: 'xoxb-image-check',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
  };
  const started = performance.now();
  const app = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  app.stdout.on('data', (d) => {
    output += d;
  });
  app.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((r) => app.on('exit', (code) => r(code)));
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 100 || app.exitCode !== null) fail(`the image's CMD did not become ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const ready = performance.now() - started;
    const [hc = 'node', ...hcArgs] = runtime.healthcheck ?? [];
    const health = spawnSync(hc, hcArgs, { cwd, env, timeout: 5000 });
    if (health.status !== 0) fail(`HEALTHCHECK exited ${health.status}`);

    const url = `${base}/slack/events`;
    const command = await postSigned(url, slashCommandBody('who patches rds', fake.responseUrl('img')), {
      contentType: 'application/x-www-form-urlencoded',
    });
    const mention = eventBody({
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> s3 encryption',
      ts: '1.1',
      channel: 'C1',
    });
    const event = await postSigned(url, mention, { contentType: 'application/json' });
    if (command.status !== 200 || event.status !== 200)
      fail(`Slack's requests answered ${command.status} and ${event.status}`);
    const replies = await fake.waitForReplies(2);
    const methods = replies.map((c) => c.method).sort();
    if (methods.join() !== 'chat.postMessage,respond')
      fail(`expected an answer to each request, got ${methods.join() || 'nothing'}`);
    if (!replies.every((c) => Array.isArray(c.body.blocks) && (c.body.blocks as unknown[]).length > 0))
      fail('an answer had no blocks');

    app.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 12_000))]);
    if (code !== 0) fail(`on SIGTERM the app exited with ${String(code)}:\n${output}`);
    console.log(
      `check:image OK: runtime stage (FROM ${runtime.from}, USER ${runtime.user}) installs without dev dependencies, ready in ${Math.round(ready)} ms, passes its HEALTHCHECK, answers /srm and a mention, exits 0 on SIGTERM`,
    );
  } finally {
    if (app.exitCode === null) app.kill('SIGKILL');
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (!isAbsolute(ROOT)) fail('cannot find the project root');
void Promise.resolve(main()).catch((err: unknown) =>
  fail(err instanceof Error ? (err.stack ?? err.message) : String(err)),
);
