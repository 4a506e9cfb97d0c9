import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { compileKnowledge, readCompiled } from '../src/knowledge/compiled.js';
import { KnowledgeError } from '../src/knowledge/fields.js';
import { lintKnowledge } from '../src/knowledge/lint.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { RULES } from '../src/knowledge/rules.js';
import { CATEGORY_IDS } from '../src/knowledge/types.js';
import { KNOWLEDGE_DIR } from './support/engine.js';

const REQUIRED =
  `ec2 ebs autoscaling vpc rds emr elasticbeanstalk s3 glacier dynamodb sqs ses lambda ecs eks fargate
  ecr iam kms cloudfront cloudtrail cloudwatch sns elasticache redshift apigateway efs route53 secretsmanager aurora`
    .split(/\s+/)
    .filter(Boolean);

describe('the real knowledge base', () => {
  const k = loadKnowledge(KNOWLEDGE_DIR);

  it('covers at least 30 services, including every one v1 names', () => {
    expect(k.services.length).toBeGreaterThanOrEqual(30);
    const ids = k.services.map((s) => s.id);
    expect(REQUIRED.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('answers every topic for every service, each with an owner and a source', () => {
    for (const s of k.services) {
      for (const t of k.topics) {
        const e = s.topics[t.id];
        expect(e).toBeDefined();
        expect(e?.sources.length).toBeGreaterThan(0);
        for (const m of e?.modes ?? []) expect(m.sources.length).toBeGreaterThan(0);
      }
      for (const f of [...s.aws, ...s.customer]) expect(f.sources.length).toBeGreaterThan(0);
    }
  });

  it('states both sides of every shared responsibility', () => {
    for (const s of k.services) {
      for (const [id, e] of Object.entries(s.topics)) {
        for (const r of [e, ...e.modes]) {
          if (r.owner === 'shared')
            expect({ service: s.id, topic: id, aws: !!r.aws, customer: !!r.customer }).toEqual({
              service: s.id,
              topic: id,
              aws: true,
              customer: true,
            });
        }
      }
    }
  });

  it('says how the service is used where the notes say the answer depends on it', () => {
    const modes = (id: string) => k.services.find((s) => s.id === id)?.modes.map((m) => m.id) ?? [];
    expect(modes('lambda').length).toBeGreaterThanOrEqual(3);
    expect(modes('ecs')).toEqual(expect.arrayContaining(['fargate']));
    expect(modes('eks').length).toBeGreaterThanOrEqual(4);
    expect(modes('kms').length).toBeGreaterThanOrEqual(2);
    expect(modes('rds').length).toBeGreaterThanOrEqual(2);
  });

  it("answers a topic a service file leaves out with the topic's rule for the service's category", () => {
    const s3 = k.services.find((s) => s.id === 's3');
    const orgs = k.services.find((s) => s.id === 'organizations');
    const physical = k.topics.find((t) => t.id === 'physical');
    // s3.yml does not answer physical security: the rule for every service applies.
    expect(s3?.topics.physical).toMatchObject({ basis: 'all', owner: physical?.defaults.abstracted.owner });
    // organizations.yml does not answer resilience, on which abstracted services differ: unanswered.
    expect(orgs?.category).toBe('abstracted');
    expect(orgs?.topics.resilience?.basis).toBe('unanswered');
    expect(s3?.topics.os_patching?.basis).toBe('service');
  });

  it("answers a topic the category decides with the category's rule when a service file leaves it out", () => {
    const dir = mkdtempSync(join(tmpdir(), 'srm-knowledge-'));
    try {
      cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
      const path = join(dir, 'services', 'sqs.yml');
      const doc = parse(readFileSync(path, 'utf8'));
      delete doc.topics.os_patching;
      writeFileSync(path, stringify(doc));
      const sqs = loadKnowledge(dir).services.find((s) => s.id === 'sqs');
      const os = k.topics.find((t) => t.id === 'os_patching');
      expect(sqs?.topics.os_patching).toMatchObject({
        basis: 'category',
        summary: os?.defaults.abstracted.summary,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives every topic a model-level answer and a rule for every category, each sourced', () => {
    for (const t of k.topics) {
      expect(t.answer.sources.length).toBeGreaterThan(0);
      for (const c of CATEGORY_IDS) expect(t.defaults[c].sources.length).toBeGreaterThan(0);
    }
  });

  it('is immutable once loaded', () => {
    const s = k.services[0] as { name: string };
    expect(() => {
      s.name = 'changed';
    }).toThrow(TypeError);
    expect(Object.isFrozen(k.services)).toBe(true);
  });
});

describe('broken knowledge files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'srm-knowledge-'));
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, change: (text: string) => string) => {
    const path = join(dir, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };
  // biome-ignore lint/suspicious/noExplicitAny: test edits reach into arbitrary YAML
  const editYaml = (file: string, change: (doc: any) => void) => {
    edit(file, (t) => {
      const doc = parse(t);
      change(doc);
      return stringify(doc);
    });
  };
  const problems = (): string[] => {
    try {
      loadKnowledge(dir);
      return [];
    } catch (err) {
      expect(err).toBeInstanceOf(KnowledgeError);
      return [...(err as KnowledgeError).problems];
    }
  };

  it('names the file and field of a wrong owner', () => {
    editYaml('services/s3.yml', (d) => {
      d.topics.os_patching.owner = 'amazon';
    });
    expect(problems()).toEqual([
      expect.stringMatching(
        /^services\/s3\.yml: topics\.os_patching\.owner: must be one of aws, customer, shared/,
      ),
    ]);
  });

  it('rejects a fact without a documentation source', () => {
    editYaml('services/sqs.yml', (d) => {
      d.topics.encryption_at_rest.sources = ['http://example.com/blog'];
      d.aws[0].sources = [];
    });
    const all = problems().join('\n');
    expect(all).toMatch(
      /services\/sqs\.yml: topics\.encryption_at_rest\.sources\[0\]: must be an https URL of an AWS documentation page/,
    );
    expect(all).toMatch(/services\/sqs\.yml: aws\[0\]\.sources: needs at least 1 item/);
  });

  it('reports a missing required field', () => {
    editYaml('services/ec2.yml', (d) => {
      delete d.summary;
    });
    expect(problems()).toEqual(['services/ec2.yml: summary: is required [KB003]']);
  });

  it('requires both sides of a shared topic', () => {
    editYaml('services/ebs.yml', (d) => {
      d.topics.backup = {
        owner: 'shared',
        summary: 'Both.',
        sources: ['https://docs.aws.amazon.com/x.html'],
      };
    });
    expect(problems()).toEqual([
      'services/ebs.yml: topics.backup.aws: is required [KB012]',
      'services/ebs.yml: topics.backup.customer: is required [KB012]',
    ]);
  });

  it('rejects an alias that another service already has', () => {
    editYaml('services/sns.yml', (d) => {
      d.aliases.push('Simple Queue Service');
    });
    expect(problems()).toEqual([
      'services/sns.yml and services/sqs.yml: both are named "simple queue service" (ids and aliases must be unique) [KB030]',
    ]);
  });

  it('rejects a topic entry for a mode the service does not define', () => {
    editYaml('services/ecs.yml', (d) => {
      d.topics.os_patching.modes[0].mode = 'lightspeed';
    });
    expect(problems().join('\n')).toMatch(
      /services\/ecs\.yml: topics\.os_patching\.modes\[0\]\.mode: names mode lightspeed/,
    );
  });

  it('rejects a file whose id differs from its name', () => {
    editYaml('services/efs.yml', (d) => {
      d.id = 'efs2';
    });
    expect(problems()).toEqual(['services/efs.yml: id: is efs2 but the file is named efs.yml [KB030]']);
  });

  it('reports invalid YAML with the file name', () => {
    edit('services/kms.yml', (t) => `${t}\n  : : [unclosed\n`);
    expect(problems().join('\n')).toMatch(/^services\/kms\.yml: /m);
  });

  it('rejects an unknown topic and too-long text', () => {
    editYaml('services/iam.yml', (d) => {
      d.topics.teleportation = {
        owner: 'aws',
        summary: 'x',
        sources: ['https://docs.aws.amazon.com/x.html'],
      };
      d.summary = 'y'.repeat(500);
    });
    const all = problems().join('\n');
    expect(all).toMatch(/services\/iam\.yml: topics\.teleportation: unknown field/);
    expect(all).toMatch(/services\/iam\.yml: summary: is 500 characters; at most 400/);
  });

  it('refuses a topic rule without sources, for an unknown category, or with a wrong example', () => {
    editYaml('topics.yml', (d) => {
      const byId = (id: string) => d.topics.find((t: { id: string }) => t.id === id);
      byId('backup').defaults.container.sources = [];
      byId('logging').defaults.serverless = byId('logging').defaults.all;
      byId('os_patching').defaults.abstracted.example = 'ec2';
    });
    const all = problems().join('\n');
    expect(all).toMatch(/topics\.yml: topics\[\d+\]\.defaults\.container\.sources: needs at least 1 item/);
    expect(all).toMatch(/topics\.yml: topics\[\d+\]\.defaults\.serverless: unknown field/);
    expect(all).toMatch(
      /topics\.yml: os_patching\.defaults\.abstracted\.example: ec2 is not a known abstracted service/,
    );
  });

  it('refuses a topic without a rule for services that do not answer it, and one with half the categories', () => {
    editYaml('topics.yml', (d) => {
      const byId = (id: string) => d.topics.find((t: { id: string }) => t.id === id);
      delete byId('ddos').defaults;
      delete byId('resilience').defaults.abstracted;
    });
    const all = problems().join('\n');
    expect(all).toMatch(
      /topics\.yml: topics\[\d+\]\.defaults: is required: the rule for services that do not answer this topic \[KB032\]/,
    );
    expect(all).toMatch(
      /topics\.yml: topics\[\d+\]\.defaults: needs a rule for every category or one for `all` \(abstracted is missing\)/,
    );
  });

  it('lets a new topic in without touching any service file', () => {
    editYaml('topics.yml', (d) => {
      d.topics.push({
        id: 'quantum',
        name: 'Quantum safety',
        words: ['post quantum'],
        answer: {
          owner: 'aws',
          summary: 'x',
          sources: ['https://aws.amazon.com/compliance/shared-responsibility-model/'],
        },
        defaults: {
          all: {
            owner: 'aws',
            summary: 'y',
            sources: ['https://aws.amazon.com/compliance/shared-responsibility-model/'],
          },
        },
      });
    });
    const loaded = loadKnowledge(dir);
    expect(loaded.services.every((s) => s.topics.quantum?.basis === 'all')).toBe(true);
  });

  it('refuses a checked date that is not a real day or lies in the future', () => {
    editYaml('services/sqs.yml', (d) => {
      d.checked = '2026-02-30';
    });
    editYaml('topics.yml', (d) => {
      d.checked = '2999-01-01';
    });
    const all = problems().join('\n');
    expect(all).toMatch(/services\/sqs\.yml: checked: must be a date written YYYY-MM-DD/);
    expect(all).toMatch(/topics\.yml: checked: is 2999-01-01, a date in the future/);
  });

  it('names the rule each problem breaks, for every problem', () => {
    editYaml('services/sqs.yml', (d) => {
      d.topics.encryption_at_rest.sources = [
        'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/x.md',
      ];
      d.colour = 'blue';
    });
    const all = problems();
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) expect(p).toMatch(/ \[KB\d{3}\]$/);
    expect(all.join('\n')).toMatch(
      /sources\[0\]: must be an https URL of an AWS documentation page \(cite the \.html page, not the \.md copy\)/,
    );
  });
});

describe('kb:check lint rules', () => {
  const k = loadKnowledge(KNOWLEDGE_DIR);
  // A copy of the loaded knowledge with one service changed, for the rules that need a loaded base.
  const withService = (id: string, change: Record<string, unknown>) => ({
    ...k,
    services: k.services.map((s) => (s.id === id ? { ...s, ...change } : s)),
  });

  it('passes on the real knowledge base', () => {
    expect(lintKnowledge(k)).toEqual([]);
  });

  it('refuses placeholder text (KB040)', () => {
    const s3 = k.services.find((s) => s.id === 's3');
    const problems = lintKnowledge(withService('s3', { summary: `${s3?.summary} TODO check this` }));
    expect(problems).toEqual([
      expect.stringMatching(/^services\/s3\.yml: summary: holds placeholder text: .* \[KB040\]$/),
    ]);
  });

  it('refuses a strong alias that is an everyday or topic word (KB041)', () => {
    const glue = k.services.find((s) => s.id === 'glue');
    const problems = lintKnowledge(
      withService('glue', { aliases: [...(glue?.aliases ?? []), 'backups', 'config'] }),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^services\/glue\.yml: aliases\[\d+\]: "backups" is a word of the topic backup: list it under weak_aliases \[KB041\]$/,
      ),
      expect.stringMatching(
        /^services\/glue\.yml: aliases\[\d+\]: "config" is an everyday word: list it under weak_aliases \[KB041\]$/,
      ),
    ]);
  });

  it('lists every rule code it reports in knowledge/README.md', () => {
    const readme = readFileSync(join(KNOWLEDGE_DIR, 'README.md'), 'utf8');
    for (const code of Object.keys(RULES))
      expect({ code, listed: readme.includes(code) }).toEqual({ code, listed: true });
  });
});

describe('compiled knowledge (npm run build)', () => {
  it('loads exactly what the YAML files hold, survives a copy that loses modification times, and is ignored once a file changes, appears or goes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'srm-compiled-'));
    try {
      cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
      const out = join(dir, 'compiled.json');
      compileKnowledge(dir, out);
      const compiled = readCompiled(dir, out);
      expect(compiled).toBeDefined();
      expect(loadKnowledge(dir, { compiled })).toEqual(loadKnowledge(dir));

      // As a container image or a Lambda zip may: same contents, other times.
      const s3 = join(dir, 'services', 's3.yml');
      utimesSync(s3, new Date(), new Date(Date.now() + 5000));
      expect(readCompiled(dir, out)).toBeDefined();
      writeFileSync(s3, `${readFileSync(s3, 'utf8')}\n# changed\n`);
      expect(readCompiled(dir, out)).toBeUndefined();

      compileKnowledge(dir, out);
      expect(readCompiled(dir, out)).toBeDefined();
      rmSync(join(dir, 'services', 'sqs.yml'));
      expect(readCompiled(dir, out)).toBeUndefined();

      compileKnowledge(dir, out);
      writeFileSync(join(dir, 'services', 'new.yml'), readFileSync(s3, 'utf8'));
      expect(readCompiled(dir, out)).toBeUndefined();
      expect(readCompiled(dir, join(dir, 'missing.json'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
