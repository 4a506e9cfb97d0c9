import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Answer, createEngine } from '../src/engine/index.js';
import { realEngine } from './support/engine.js';

const engine = realEngine();
const ask = (q: string) => engine.ask(q);
const serviceIds = (a: Answer) =>
  a.kind === 'service' || a.kind === 'topic'
    ? [a.service.id]
    : a.kind === 'compare'
      ? a.services.map((s) => s.id)
      : [];

describe('kinds of answer', () => {
  it.each([
    ['', 'help'],
    ['help', 'help'],
    ['   ', 'help'],
    ['model', 'overview'],
    ['what is the shared responsibility model', 'overview'],
    ['list', 'list'],
    ['abstracted', 'category'],
    ['s3', 'service'],
    ['who patches rds', 'topic'],
    ['compare ec2 rds lambda', 'compare'],
    ['pizza', 'no_match'],
    ['whose job are backups?', 'model_topic'],
    ['explain inherited controls', 'overview'],
    ['how much does dynamodb cost?', 'out_of_scope'],
  ])('%j is %s', (q, kind) => {
    expect(ask(q).kind).toBe(kind);
  });

  it('lists every service once, grouped by category', () => {
    const a = ask('list');
    if (a.kind !== 'list') throw new Error(a.kind);
    const ids = a.groups.flatMap((g) => g.services.map((s) => s.id));
    expect(ids.sort()).toEqual(engine.knowledge.services.map((s) => s.id).sort());
    for (const g of a.groups) for (const s of g.services) expect(s.category).toBe(g.category.id);
  });
});

describe('topics and modes', () => {
  it('answers the topic with every mode when the question names none', () => {
    const a = ask('who patches the OS on RDS?');
    if (a.kind !== 'topic') throw new Error(a.kind);
    expect(a.topic.id).toBe('os_patching');
    expect(a.answers[0]?.mode).toBeUndefined();
    expect(a.answers.slice(1).map((x) => x.mode?.id)).toEqual(a.entry.modes.map((m) => m.mode));
  });

  it('answers only the named mode when the question names one', () => {
    const a = ask('ecs fargate patching');
    if (a.kind !== 'topic') throw new Error(a.kind);
    expect(a.mode?.id).toBe('fargate');
    expect(a.answers).toHaveLength(1);
    expect(a.answers[0]?.owner).toBe('aws');
    const ec2 = ask('ecs on ec2 patching');
    expect(ec2.kind === 'topic' && ec2.answers[0]?.owner).toBe('customer');
  });

  it("reads a mode's words around the service's own name", () => {
    for (const q of [
      'who patches the os in my own sagemaker container',
      'who patches custom sagemaker containers',
    ]) {
      const a = ask(q);
      expect(a.kind === 'topic' && [a.topic.id, a.mode?.id]).toEqual(['os_patching', 'own-container']);
    }
    // Only the name may stand between the words: "own" here belongs to no mode.
    const a = ask('who patches my own notebook code in a sagemaker training container');
    expect(a.kind === 'topic' && a.mode?.id).not.toBe('own-container');
  });

  it('prefers a specific topic word over a generic one', () => {
    const a = ask('patch the database engine on rds');
    expect(a.kind === 'topic' && a.topic.id).toBe('software_patching');
    const b = ask('encryption in transit for sqs');
    expect(b.kind === 'topic' && b.topic.id).toBe('encryption_in_transit');
  });

  it('reads a service name that is also a topic word as the topic when another service is named', () => {
    expect(serviceIds(ask('is s3 encrypted with kms'))).toEqual(['s3']);
    expect(serviceIds(ask('kms'))).toEqual(['kms']);
    expect(serviceIds(ask('iam vs cognito'))).toEqual(['iam', 'cognito']);
  });
});

describe('questions with no service named', () => {
  const knowledge = engine.knowledge;
  const topic = (id: string) => knowledge.topics.find((t) => t.id === id);

  it("answers a topic with the model's verdict, then the rule for each category with an example service", () => {
    const a = ask('who patches the os?');
    if (a.kind !== 'model_topic') throw new Error(a.kind);
    const os = topic('os_patching');
    expect(a.topic.id).toBe('os_patching');
    expect(a.answers[0]).toBe(os?.answer);
    expect(a.answers.slice(1).map((x) => [x.category?.id, x.owner, x.example?.category])).toEqual([
      ['infrastructure', os?.defaults.infrastructure.owner, 'infrastructure'],
      ['container', os?.defaults.container.owner, 'container'],
      ['abstracted', os?.defaults.abstracted.owner, 'abstracted'],
    ]);
  });

  it('answers the layer the question names instead of the whole topic', () => {
    const guest = ask('who patches the guest os?');
    const layer = topic('os_patching')?.layers.find((l) => l.words.includes('guest os'));
    expect(guest.kind === 'model_topic' && guest.answers[0]?.summary).toBe(layer?.summary);
    expect(guest.kind === 'model_topic' && guest.answers[0]?.layer).toBe(true);
    const audits = ask('who holds the iso 27001 certificate');
    expect(audits.kind === 'model_topic' && [audits.topic.id, audits.answers[0]?.layer]).toEqual([
      'compliance',
      true,
    ]);
  });

  it("answers only the named category's rule when the question names one", () => {
    const a = ask('who patches the os of abstracted services');
    if (a.kind !== 'model_topic') throw new Error(a.kind);
    expect(a.category?.id).toBe('abstracted');
    expect(a.answers.map((x) => x.summary)).toEqual([topic('os_patching')?.defaults.abstracted.summary]);
  });

  it('gives a topic whose rule is the same everywhere one answer, without category lines', () => {
    const a = ask('who trains our staff on security?');
    expect(a.kind === 'model_topic' && [a.topic.id, a.answers.length]).toEqual(['awareness_training', 1]);
  });

  it('explains a part of the model, with the verdicts of the topics it is made of', () => {
    const a = ask('what are shared controls?');
    if (a.kind !== 'overview') throw new Error(a.kind);
    expect(a.control?.id).toBe('shared');
    expect(a.related.map((r) => r.topic.id)).toEqual(a.control?.topics);
    expect(ask('security of vs in the cloud').kind === 'overview').toBe(true);
    expect((ask('security of vs in the cloud') as { control?: unknown }).control).toBeUndefined();
  });

  it('reads a part of the model as the topic when the question asks who does a topic in it', () => {
    const a = ask('who patches the os in the cloud');
    expect(a.kind === 'model_topic' && a.topic.id).toBe('os_patching');
  });

  it('needs a question about responsibility before generic words make a topic', () => {
    expect(ask('data').kind).not.toBe('model_topic');
    expect(ask('whose data is it').kind).toBe('model_topic');
  });
});

describe('services recognised but not covered', () => {
  // The SDK's service list, shared beside the repository (read-only), as in test/manifest.test.ts.
  const list = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'shared', 'aws', 'services.json'), 'utf8'),
  ) as {
    serviceFullName: string;
    iam_service_name: string | null;
  }[];

  it('recognises every service in the SDK list by its official name (or declines a billing one as a price)', () => {
    const missed = list
      .flatMap((s) => [s.serviceFullName, s.iam_service_name ?? s.serviceFullName])
      .filter((name) => /\s/.test(name)) // the camel-case API client names are not names people type
      .filter((name) => !['service', 'topic', 'not_covered', 'out_of_scope'].includes(ask(name).kind));
    expect(missed).toEqual([]);
  });

  it("answers a service it has no entry for as not covered, never as another service's card", () => {
    const a = ask('amazon ivs chat');
    expect(a.kind === 'not_covered' && a.service.id).toBe('ivschat');
    expect(ask('amazon ivs').kind).toBe('service');
    expect(ask('eventbridge scheduler').kind).toBe('not_covered');
  });

  it('gives only the rule that holds for every service, or the rules per category, never a guessed owner', () => {
    const same = ask('is amazon braket compliant with iso 27001');
    const compliance = engine.knowledge.topics.find((t) => t.id === 'compliance');
    expect(same.kind === 'not_covered' && same.answers.map((x) => x.summary)).toEqual([
      compliance?.defaults.container.summary,
    ]);
    const varies = ask('who patches the os on amazon braket');
    expect(varies.kind === 'not_covered' && varies.answers.map((x) => x.category?.id)).toEqual([
      'infrastructure',
      'container',
      'abstracted',
    ]);
  });

  it('reads an everyday name as the service only when qualified or alone', () => {
    const service = (q: string) => {
      const a = ask(q);
      return a.kind === 'not_covered' || a.kind === 'service' ? a.service.id : a.kind;
    };
    expect(service('aws account')).toBe('account');
    expect(service('account')).toBe('account');
    expect(service('who protects the root user of our account')).toBe('model_topic');
    expect(service('amazon connect')).toBe('connect');
    expect(service('can we connect lambda to rds')).toBe('compare');
    // The same rule holds for the services with a file: "aws backup" is AWS Backup.
    expect(
      ask('aws backup').kind === 'service' && (ask('aws backup') as { service: { id: string } }).service.id,
    ).toBe('backup');
    expect(ask('whose job are backups?').kind).toBe('model_topic');
    expect(ask('is config management on us or on amazon?').kind).toBe('model_topic');
  });

  it('never reads a typo as a service it does not cover', () => {
    expect(ask('cloud').kind).toBe('no_match');
  });
});

describe('out of scope', () => {
  it.each([
    ['how much does dynamodb cost?', 'price'],
    ['what is the S3 durability SLA?', 'figures'],
    ['is Azure SQL patched by Microsoft?', 'other_cloud'],
    ['who patches AKS nodes', 'other_cloud'],
    ['how do I create an S3 bucket?', 'how_to'],
    ['hello there', 'small_talk'],
  ])('%j is declined (%s), naming no service', (q, reason) => {
    const a = ask(q);
    expect(a.kind === 'out_of_scope' && a.reason).toBe(reason);
  });

  it.each([
    ['how do I patch EC2?', 'topic'],
    ['thanks! who patches rds', 'topic'],
    ['we moved from azure: who patches the os on ec2 now?', 'topic'],
    ['how to use', 'help'],
  ])('%j is answered (%s)', (q, kind) => {
    expect(ask(q).kind).toBe(kind);
  });
});

describe('matching people', () => {
  it('keeps every service a question names, in order', () => {
    expect(serviceIds(ask('ecs or eks'))).toEqual(['ecs', 'eks']);
    expect(serviceIds(ask('rds vs aurora backups'))).toEqual(['rds', 'aurora']);
  });

  it('never confuses short acronyms', () => {
    for (const id of ['ecs', 'ec2', 'ecr', 'eks', 'sns', 'sqs', 'ses', 'efs', 'ebs', 'emr']) {
      expect(serviceIds(ask(id))).toEqual([id]);
    }
  });

  it('suggests rather than guesses for unknown short acronyms and fragments', () => {
    const ec3 = ask('ec3');
    expect(ec3.kind).toBe('no_match');
    expect(ec3.kind === 'no_match' && ec3.suggestions.map((s) => s.id)).toEqual(
      expect.arrayContaining(['ec2']),
    );
    const cloud = ask('cloud');
    expect(cloud.kind === 'no_match' && cloud.suggestions.length).toBeGreaterThan(0);
    expect(ask('cloudflare').kind).toBe('out_of_scope');
  });

  it('asks instead of guessing when a typo is as close to two services', () => {
    // A made-up service one letter away from Lambda: "lambdx" is then one edit from both.
    const k = engine.knowledge;
    const lambda = k.services.find((s) => s.id === 'lambda');
    if (!lambda) throw new Error('no lambda');
    const twin = {
      ...lambda,
      id: 'lambdc',
      name: 'Lambdc',
      fullName: 'Lambdc',
      aliases: [],
      weakAliases: [],
    };
    const a = createEngine({ ...k, services: [...k.services, twin] }).ask('who patches lambdx');
    expect(a.kind === 'no_match' && a.reason).toBe('ambiguous');
    expect(a.kind === 'no_match' && a.suggestions.map((s) => s.id)).toEqual(
      expect.arrayContaining(['lambda', 'lambdc']),
    );
    expect(serviceIds(ask('who patches lambdx'))).toEqual(['lambda']);
  });

  it('strips Slack markup and decodes entities before matching', () => {
    expect(serviceIds(ask('<@U123ABC> who patches rds'))).toEqual(['rds']);
    expect(serviceIds(ask('&lt;!channel&gt; s3 &amp; dynamodb'))).toEqual(['s3', 'dynamodb']);
    expect(serviceIds(ask('<https://docs.aws.amazon.com|lambda> :wave:'))).toEqual(['lambda']);
  });
});

describe('hostile input', () => {
  it('answers huge, binary and control-character input without throwing', () => {
    const inputs = [
      'x'.repeat(20_000),
      's3 '.repeat(7000),
      '\u0000\u0001\u0007\u001b[31m s3',
      '🙂'.repeat(5000),
      '\u202e lambda \u2066',
      '| ! = ^ $ \' " \\ ` ~',
    ];
    for (const q of inputs) expect(() => ask(q)).not.toThrow();
    expect(serviceIds(ask('\u0000\u0001\u0007\u001b[31m s3'))).toEqual(['s3']);
  });

  it('echoes at most a short, single-line, control-free copy of the question', () => {
    const a = ask(`${'a\n\u0007'.repeat(5000)}`);
    expect(a.query.length).toBeLessThanOrEqual(150);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that control characters are gone
    expect(a.query).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('layering', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
    );
  const src = join(__dirname, '..', 'src');

  it.each([
    ['engine', /@slack\/|\/render\/|\/slack\/|node:fs|node:http/],
    ['knowledge', /@slack\/|\/engine\/|\/render\/|\/slack\//],
    ['render', /@slack\/bolt|\/slack\//],
  ])('%s imports nothing from the layers above it', (layer, forbidden) => {
    for (const f of files(join(src, layer))) {
      const imports = readFileSync(f, 'utf8').match(/from '[^']+'/g) ?? [];
      expect({ f, bad: imports.filter((i) => forbidden.test(i)) }).toEqual({ f, bad: [] });
    }
  });
});

describe('remembered work', () => {
  it('answers the same whatever was asked before (typos of generic names, qualified or not)', () => {
    const questions = [
      'aws bakup',
      'bakup',
      'who does bakups',
      'aws confg',
      'confg',
      'lamda',
      'compare ec2 and lamda',
    ];
    const fresh = () => createEngine(engine.knowledge);
    const alone = questions.map((q) => fresh().ask(q));
    const one = fresh();
    const forward = questions.map((q) => one.ask(q));
    const other = fresh();
    const backward = [...questions]
      .reverse()
      .map((q) => other.ask(q))
      .reverse();
    expect(forward).toEqual(alone);
    expect(backward).toEqual(alone);
  });
});
