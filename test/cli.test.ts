import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function cli(args: string[], input?: string) {
  const r = spawnSync(TSX, ['src/cli.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', () => {
  it('prints a readable answer', () => {
    const r = cli(['who', 'patches', 'rds']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Amazon RDS: Operating system patching/);
    expect(r.stdout).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('prints one JSON object for --json with a question, and nothing else', () => {
    const r = cli(['--json', 'ecs fargate patching']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0] as string);
    expect(j).toMatchObject({ query: 'ecs fargate patching', kind: 'topic', topic: { id: 'os_patching' } });
    expect(j.answers[0]).toMatchObject({ service: 'ecs', owner: 'aws', mode: 'fargate' });
  });

  it('reads one query per line from standard input and answers each in order (JSON Lines)', () => {
    const r = cli(['--json'], 's3\nlamda\npizza\ncompare ec2 rds lambda\n');
    expect(r.status).toBe(0);
    const objects = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(objects.map((o) => [o.query, o.kind])).toEqual([
      ['s3', 'service'],
      ['lamda', 'service'],
      ['pizza', 'no_match'],
      ['compare ec2 rds lambda', 'compare'],
    ]);
    expect(objects[1].services[0]).toEqual({ id: 'lambda', name: 'AWS Lambda', category: 'abstracted' });
    expect(objects[3].services.map((s: { id: string }) => s.id)).toEqual(['ec2', 'rds', 'lambda']);
  });
});
