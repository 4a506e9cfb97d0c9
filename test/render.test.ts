import type { Answer } from '../src/engine/index.js';
import {
  cachedRenderer,
  renderBlocks,
  renderDetail,
  type SlackMessage,
  serialised,
  withShareButton,
} from '../src/render/blocks/index.js';
import { checkMessage, visibleText } from '../src/render/blocks/limits.js';
import { escapeText } from '../src/render/blocks/mrkdwn.js';
import { toJson } from '../src/render/json.js';
import { renderTerminal } from '../src/render/terminal/index.js';
import { realEngine } from './support/engine.js';
import { ANSWER_KINDS } from './support/kinds.js';

const engine = realEngine();
const { services, topics, model } = engine.knowledge;

/** Every kind of answer, for every service, topic and mode the knowledge holds. */
function everyAnswer(): Answer[] {
  const out: Answer[] = [];
  for (const q of ['', 'help', 'list', 'model', 'abstracted', 'infrastructure services', 'fully managed'])
    out.push(engine.ask(q));
  for (const s of services) {
    out.push(engine.describe(s.id) as Answer);
    for (const t of topics) {
      out.push(engine.describe(s.id, t.id) as Answer);
      for (const m of s.modes) out.push(engine.ask(`${s.id} ${m.words[0]} ${t.words[0]}`));
    }
  }
  for (let i = 0; i + 5 <= services.length; i += 5) {
    const ids = services.slice(i, i + 5).map((s) => s.id);
    out.push(engine.ask(`compare ${ids.join(' ')}`));
    for (const t of topics) out.push(engine.ask(`compare ${ids.join(' ')} ${t.words[0]}`));
  }
  for (const t of topics) out.push(engine.ask(`who is responsible for ${t.words[0]}`));
  for (const c of model.controls) out.push(engine.ask(`what is ${c.words[0]}`));
  out.push(
    engine.ask('elastic'),
    engine.ask('pizza'),
    engine.ask('who patches the os'),
    engine.ask('who patches the guest os on abstracted services'),
    engine.ask('how much does s3 cost'),
    engine.ask('is azure sql patched by microsoft'),
    engine.ask('hello'),
    engine.ask('quicksight'),
    engine.ask('who patches the os on amazon mq'),
    engine.ask('is quicksight compliant'),
    engine.ask(`<!channel> ${'x'.repeat(20000)}`),
  );
  return out;
}

describe('Block Kit renderer', () => {
  const answers = everyAnswer();

  it('covers every kind of answer', () => {
    expect(new Set(answers.map((a) => a.kind))).toEqual(ANSWER_KINDS);
    expect(answers.length).toBeGreaterThan(services.length * topics.length);
  });

  it("keeps every message within Slack's limits, with a text fallback", () => {
    const broken = answers
      .map((a) => ({ q: a.query, kind: a.kind, problems: checkMessage(renderBlocks(a, engine.knowledge)) }))
      .filter((x) => x.problems.length > 0);
    expect(broken).toEqual([]);
  });

  it('states the owner in words, with every way of using it and readable sources one click away', () => {
    const a = engine.ask('who patches the OS on RDS?');
    const msg = renderBlocks(a, engine.knowledge);
    const all = JSON.stringify(msg.blocks);
    expect(msg.text).toMatch(/^Amazon RDS, Operating system patching: Shared: AWS and you\./);
    expect(all).toMatch(/:handshake: \*Shared: AWS and you\*/);
    expect(all).toMatch(/It depends on how you use it/);
    const rds = services.find((x) => x.id === 'rds');
    expect(visibleText(msg)).toContain(`Checked against AWS documentation on ${rds?.checked}`);
    const sources = JSON.stringify(renderDetail(a, 'sources')?.blocks);
    expect(sources).toMatch(/<https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\/[^|>]+\|[^>]+>/);
    // Link text is a title or a label, never a URL fragment ("USER UpgradeDBInstance.Maintenance").
    for (const label of sources.matchAll(/\|([^>]+)>/g))
      expect(label[1]).not.toMatch(/\.html|#|USER_|USER |^[A-Za-z]+_[A-Za-z]/);
    const modes = renderDetail(a, 'modes');
    expect(modes?.blocks.length).toBeGreaterThan(2);
    expect(checkMessage(modes as SlackMessage)).toEqual([]);
  });

  it("groups a service's topics by owner in words, with what each side does one click away", () => {
    const a = engine.ask('s3');
    const msg = renderBlocks(a, engine.knowledge);
    expect(msg.blocks[0]).toMatchObject({
      type: 'header',
      text: { type: 'plain_text', text: 'Amazon S3: who secures what' },
    });
    const shown = visibleText(msg);
    expect(shown).toMatch(/^AWS: .*Operating system patching/m);
    expect(shown).toMatch(/^You: .*Identity & access management/m);
    expect(shown).toMatch(/^Depends on how you use it: .*Encryption at rest/m);
    expect(shown).not.toMatch(/:cloud:|:bust_in_silhouette:/);
    const s3 = services.find((x) => x.id === 's3');
    const aws = visibleText(renderDetail(a, 'aws') as SlackMessage);
    const you = visibleText(renderDetail(a, 'customer') as SlackMessage);
    for (const f of s3?.aws ?? []) expect(aws).toContain(f.text.slice(0, 40));
    for (const f of s3?.customer ?? []) expect(you).toContain(f.text.slice(0, 40));
    expect(renderDetail(a, 'modes')).toBeUndefined();
  });

  it('fits default answers on about one phone screen, as /srm sends them (with Share)', () => {
    const size = (msg: SlackMessage) => `${msg.blocks.length} blocks, ${visibleText(msg).length} chars`;
    const tooBig = (msg: SlackMessage, chars: number) =>
      msg.blocks.length > 6 || visibleText(msg).length > chars;
    const named = ['s3', 'ec2', 'lambda', 'who patches rds', 'ecs fargate patching', 'model']
      .map((q) => ({ q, msg: withShareButton(renderBlocks(engine.ask(q), engine.knowledge), q) }))
      .filter(({ msg }) => tooBig(msg, 1200))
      .map(({ q, msg }) => `${q}: ${size(msg)}`);
    expect(named).toEqual([]);
    // Comparisons, the list and a category's menus are exempt: they are lists by nature.
    const others = answers
      .filter((a) => a.kind !== 'compare' && a.kind !== 'list' && a.kind !== 'category')
      .map((a) => ({ q: a.query, msg: renderBlocks(a, engine.knowledge) }))
      .filter(({ msg }) => tooBig(msg, 1250))
      .map(({ q, msg }) => `${q}: ${size(msg)}`);
    expect(others).toEqual([]);
  });

  it('gives, for every service with modes, an example question that really selects a mode', () => {
    for (const s of services.filter((x) => x.modes.length > 0)) {
      const all = JSON.stringify(renderBlocks(engine.ask(s.id), engine.knowledge).blocks);
      const example = all.match(/Ask with how you use it, e\.g\._ `\/srm ([^`]+)`/)?.[1];
      const a = engine.ask(example ?? '');
      expect({
        service: s.id,
        example,
        kind: a.kind,
        mode: a.kind === 'topic' && a.mode !== undefined,
      }).toEqual({
        service: s.id,
        example,
        kind: 'topic',
        mode: true,
      });
    }
  });

  it('offers up to five buttons for a fragment that begins several names, and none for nonsense', () => {
    for (const q of ['elastic', 'ec', 'cloud']) {
      const msg = renderBlocks(engine.ask(q), engine.knowledge);
      const buttons = msg.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
      expect({ q, n: buttons.length >= 2 && buttons.length <= 5 }).toEqual({ q, n: true });
      // Each suggestion has a name or alias that starts with the fragment (OpenSearch: "elasticsearch").
      for (const b of buttons) {
        const s = services.find((x) => b.type === 'button' && x.id === b.value);
        const names = [s?.name ?? '', ...(s?.aliases ?? [])].map((n) =>
          n.toLowerCase().replace(/^(amazon|aws) /, ''),
        );
        expect({ q, id: s?.id, starts: names.some((n) => n.startsWith(q)) }).toEqual({
          q,
          id: s?.id,
          starts: true,
        });
      }
      expect(msg.text).toMatch(/Did you mean/);
    }
    for (const q of ['zzz nonsense', 'qwxz', 'asdfgh jkl']) {
      const msg = renderBlocks(engine.ask(q), engine.knowledge);
      expect(msg.blocks.some((b) => b.type === 'actions')).toBe(false);
      expect(visibleText(msg)).toMatch(/\/srm list.*\/srm help/);
    }
  });

  it('adds Share in channel to any answer, its JSON spliced into the cached one exactly', () => {
    const render = cachedRenderer(engine.knowledge);
    for (const q of [
      's3',
      'who patches rds',
      'compare ec2 rds lambda',
      'help',
      'list',
      'zzz nonsense',
      'model',
    ]) {
      const shared = withShareButton(render(engine.ask(q)), `${q} <!channel> “é” 🚀`);
      const buttons = shared.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
      expect(buttons.filter((b) => b.action_id === 'srm_share')).toHaveLength(1);
      expect(`{${serialised(shared)}}`).toBe(JSON.stringify({ text: shared.text, blocks: shared.blocks }));
      expect(checkMessage(shared)).toEqual([]);
    }
    // A message with no blocks (or no room in its rows) gets a row of its own, and valid JSON.
    for (const m of [{ text: 'plain', blocks: [] }, renderBlocks(engine.ask('s3'), engine.knowledge)]) {
      const bare = { text: m.text, blocks: m.blocks.filter((b) => b.type !== 'actions') };
      const shared = withShareButton(bare, 'q');
      expect(shared.blocks.at(-1)?.type).toBe('actions');
      expect(`{${serialised(shared)}}`).toBe(JSON.stringify({ text: shared.text, blocks: shared.blocks }));
    }
  });

  it('compares services as a matrix, one line per topic, and names the verdicts in the fallback', () => {
    const msg = renderBlocks(engine.ask('compare ec2 rds lambda'), engine.knowledge);
    const shown = visibleText(msg);
    const line = shown.split('\n').find((l) => l.startsWith('Operating system patching'));
    expect(line).toMatch(/^Operating system patching — Amazon EC2: you · Amazon RDS: \w+ · AWS Lambda: \w+$/);
    expect(msg.text).toMatch(/Operating system patching: Amazon EC2 you, Amazon RDS \w+, AWS Lambda \w+/);
    expect(checkMessage(msg)).toEqual([]);
    const five = engine.ask(
      `compare ${services
        .slice(0, 5)
        .map((s) => s.id)
        .join(' ')}`,
    );
    expect(five.kind).toBe('compare');
    expect(checkMessage(renderBlocks(five, engine.knowledge))).toEqual([]);
    const row = renderBlocks(engine.ask('ec2 vs fargate patching'), engine.knowledge);
    expect(row.text).toMatch(/Amazon EC2: You .*; AWS Fargate: /);
  });
});

describe('escaping', () => {
  it('neutralises Slack control sequences', () => {
    expect(escapeText('<!channel> & <@U1> @here')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; @\u200bhere');
  });

  it('echoes hostile questions without working mentions', () => {
    for (const q of [
      '<!channel> pizza',
      '&lt;!here&gt; zzz',
      '<@U123> <!subteam^S1> qqq',
      '@everyone nope',
    ]) {
      const msg = renderBlocks(engine.ask(q), engine.knowledge);
      const out = JSON.stringify(msg);
      expect(out).not.toMatch(/<!(channel|here|everyone|subteam)|<@U|@(everyone|here|channel)/);
    }
  });
});

describe('terminal renderer', () => {
  it('prints the same answers without colour codes unless asked', () => {
    const plain = renderTerminal(engine.ask('who patches rds'), engine.knowledge, { color: false });
    expect(plain).toMatch(/Amazon RDS: Operating system patching/);
    expect(plain).toMatch(/Shared: AWS and you/);
    expect(plain).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);
    expect(plain).toMatch(/Checked against AWS documentation on \d{4}-\d{2}-\d{2}\.|not been re-checked/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    expect(plain).not.toMatch(/\u001b\[/);
    const coloured = renderTerminal(engine.ask('who patches rds'), engine.knowledge, { color: true });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    expect(coloured).toMatch(/\u001b\[\d+m/);
  });

  it('renders every kind', () => {
    for (const a of everyAnswer().slice(0, 60))
      expect(renderTerminal(a, engine.knowledge, { color: false }).length).toBeGreaterThan(0);
    expect(renderTerminal(engine.ask('model'), engine.knowledge, { color: false })).toContain(model.name);
  });
});

describe('JSON output', () => {
  it('has the documented shape for a topic answer with a mode', () => {
    const j = toJson(engine.ask('ecs fargate patching'));
    expect(j).toEqual({
      query: 'ecs fargate patching',
      kind: 'topic',
      services: [{ id: 'ecs', name: 'Amazon ECS', category: 'container' }],
      topic: { id: 'os_patching', name: 'Operating system patching' },
      control: null,
      answers: [
        expect.objectContaining({
          service: 'ecs',
          owner: 'aws',
          mode: 'fargate',
          sources: expect.any(Array),
        }),
      ],
      suggestions: [],
    });
  });

  it('lists suggestions for no_match and nothing else', () => {
    const j = toJson(engine.ask('ec3'));
    expect(j.kind).toBe('no_match');
    expect(j.services).toEqual([]);
    expect(j.answers).toEqual([]);
    expect(j.suggestions.map((s) => s.id)).toEqual(expect.arrayContaining(['ec2']));
  });
});

describe('answers that name no service', () => {
  const topic = (id: string) => topics.find((t) => t.id === id);

  it('leads a model-level answer with the owner in words, then one line per category with buttons', () => {
    const msg = renderBlocks(engine.ask('who patches the os?'), engine.knowledge);
    const all = JSON.stringify(msg.blocks);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Operating system patching' } });
    expect(JSON.stringify(msg.blocks[1])).toMatch(/\*Shared: AWS and you\*/);
    expect(all).toMatch(/Infrastructure services\*: \*You \(the customer\)\*/);
    expect(all).toContain('"value":"ec2|os_patching"');
    expect(msg.text).toMatch(
      /^Operating system patching: Shared: AWS and you\. .* By kind of service: Infrastructure services: You/,
    );
    expect(checkMessage(msg)).toEqual([]);
  });

  it('marks a service answer from the rule for every service, and says when a service has no answer of its own', () => {
    const general = renderBlocks(engine.ask('s3 security awareness training'), engine.knowledge);
    expect(JSON.stringify(general.blocks)).toMatch(/General rule, the same for every AWS service/);
    const own = renderBlocks(engine.ask('s3 encryption at rest'), engine.knowledge);
    expect(JSON.stringify(own.blocks)).not.toMatch(/General rule/);
    const missing = engine.ask('organizations resilience');
    expect(missing.kind === 'not_covered' && missing.partly).toBe(true);
    const msg = renderBlocks(missing, engine.knowledge);
    expect(msg.text).toMatch(
      /^AWS Organizations: Resilience &amp; availability configuration is not covered yet\. It depends on the kind of service\./,
    );
    expect(JSON.stringify(msg.blocks)).toMatch(/Usually, for \*abstracted services\*/);
    expect(toJson(missing).answers[0]).toMatchObject({ service: null, category: 'abstracted' });
  });

  it('explains a control with its owner and the verdict of each topic in it, in Block Kit and the terminal', () => {
    const a = engine.ask('what are shared controls');
    const msg = renderBlocks(a, engine.knowledge);
    const all = JSON.stringify(msg.blocks);
    expect(msg.text).toMatch(/^Shared controls: Shared: AWS and you\./);
    expect(all).toContain(topic('config_management')?.name);
    const plain = renderTerminal(a, engine.knowledge, { color: false });
    expect(plain).toMatch(/^Shared controls\nShared: AWS and you\./);
    expect(plain).toContain(
      `Security awareness & training: Shared: AWS and you. ${topic('awareness_training')?.answer.summary}`,
    );
  });

  it('declines out-of-scope questions in a short message that names what srm-bot answers', () => {
    for (const q of ['how much does s3 cost', 'is azure sql patched by microsoft', 'hello']) {
      const msg = renderBlocks(engine.ask(q), engine.knowledge);
      expect(msg.blocks.length).toBeLessThanOrEqual(2);
      expect(msg.text).toMatch(/I answer AWS shared responsibility questions/);
      expect(JSON.stringify(msg.blocks)).not.toMatch(/Amazon S3/);
    }
    expect(
      renderTerminal(engine.ask('is azure sql patched by microsoft'), engine.knowledge, { color: false }),
    ).toMatch(/I cover AWS only/);
  });

  it('prints model_topic, overview with a control and out_of_scope in the JSON contract', () => {
    const mt = toJson(engine.ask('whose job are backups?'));
    expect(mt).toMatchObject({ kind: 'model_topic', services: [], topic: { id: 'backup' }, control: null });
    expect(mt.answers[0]).toMatchObject({ service: null, owner: topic('backup')?.answer.owner });
    expect(mt.answers.slice(1).map((x) => x.category)).toEqual(['infrastructure', 'container', 'abstracted']);
    const ov = toJson(engine.ask('explain inherited controls'));
    expect(ov).toMatchObject({
      kind: 'overview',
      control: { id: 'inherited' },
      answers: [{ service: null }],
    });
    expect(ov.answers[0]?.owner).toBe(model.controls.find((c) => c.id === 'inherited')?.owner);
    expect(toJson(engine.ask('model')).control).toBeNull();
    expect(toJson(engine.ask('gcp iam'))).toMatchObject({ kind: 'out_of_scope', services: [], answers: [] });
  });
});

describe('services recognised but not covered', () => {
  it("names the link a service's own chapter only when it is one", () => {
    const generic = engine.knowledge.catalog.securityPage;
    const partly = services
      .map((s) => ({ s, t: topics.find((t) => s.topics[t.id]?.basis === 'unanswered') }))
      .filter((x) => x.t !== undefined);
    const own = partly.find((x) => x.s.sources[0] !== generic);
    const listed = partly.find((x) => x.s.sources[0] === generic);
    for (const [x, label] of [
      [own, 'Security in'],
      [listed, 'Security chapters of every AWS service'],
    ] as const) {
      const a = engine.describe(x?.s.id ?? '', x?.t?.id);
      const shown = visibleText(renderBlocks(a as Answer, engine.knowledge));
      expect({ id: x?.s.id, kind: a?.kind, label: shown.includes(label) }).toEqual({
        id: x?.s.id,
        kind: 'not_covered',
        label: true,
      });
    }
  });

  it('says so first, gives per-category rules without a guessed owner, and links the security pages', () => {
    // Any service known only by name will do; the knowledge grows, so pick one that is still uncovered.
    const uncovered = engine.knowledge.catalog.services.find(
      (c) => !c.partOf && engine.ask(`who patches the os on ${c.name}`).kind === 'not_covered',
    );
    const name = uncovered?.name ?? 'none left';
    const re = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const msg = renderBlocks(engine.ask(`who patches the os on ${name}`), engine.knowledge);
    const all = JSON.stringify(msg.blocks);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: `${name}: not covered yet` } });
    expect(msg.text).toMatch(new RegExp(`^${re} is not covered yet\\. It depends on the kind of service\\.`));
    expect(all).toMatch(new RegExp(`general rules, not checked for ${re}`));
    expect(all).toContain('<https://docs.aws.amazon.com/security/|');
    expect(checkMessage(msg)).toEqual([]);
    const plain = renderTerminal(engine.ask(name), engine.knowledge, { color: false });
    expect(plain).toMatch(new RegExp(`^${re}: not covered yet\\n`));
    expect(toJson(engine.ask(name))).toMatchObject({
      kind: 'not_covered',
      services: [{ id: uncovered?.id, name, category: null }],
      answers: [],
    });
  });
});
