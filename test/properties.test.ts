// Property-based tests: for any text a person (or an attacker) can send, the engine reads a bounded
// amount of it, and what we render is valid Block Kit within Slack's limits with nothing from the
// input live in any text field.
import fc from 'fast-check';
import { renderBlocks } from '../src/render/blocks/index.js';
import { checkMessage } from '../src/render/blocks/limits.js';
import { toJson } from '../src/render/json.js';
import { realEngine } from './support/engine.js';

const engine = realEngine();

/** Pieces that hostile or careless input is made of, mixed with arbitrary text. */
const HOSTILE = [
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '<!subteam^S123|@team>',
  '<@U123ABC>',
  '<#C123|secret>',
  '<https://evil.example/login|click here>',
  'https://evil.example/login',
  'www.evil.example',
  '&lt;!channel&gt;',
  '&lt;https://evil.example&gt;',
  '@here',
  '@channel',
  '*bold*',
  '`code`',
  '\u202e',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u180e',
  '\u061c',
  '\ud83d\ude00',
  's3',
  'who patches the os on',
  'lambda',
  'compare ec2 rds',
  'kinesis firehose',
  'azure',
  'how much',
];

const question = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 40 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(' '));

/** Every text Slack would show: block texts (with whether Slack reads them verbatim) and the fallback. */
function texts(message: { text: string; blocks: unknown[] }): { text: string; verbatim: boolean }[] {
  const out: { text: string; verbatim: boolean }[] = [{ text: message.text, verbatim: false }];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string')
        out.push({ text: o.text, verbatim: o.verbatim === true || o.type === 'plain_text' });
      for (const child of Object.values(o)) if (typeof child === 'object') walk(child);
    }
  };
  walk(message.blocks);
  return out;
}

/** Links we build ourselves, from AWS documentation URLs in knowledge/ and a few fixed AWS pages. */
const OWN_LINK = /<https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com|d1\.awsstatic\.com)\/[^<>|]*\|[^<>]*>/g;

describe('any input', () => {
  it('is read only up to a bounded length: text beyond it changes nothing', () => {
    fc.assert(
      fc.property(question, fc.string({ maxLength: 200 }), (q, tail) => {
        const long = `${q}${' '.repeat(1000)}`;
        const { query: _a, ...a } = toJson(engine.ask(long));
        const { query: _b, ...b } = toJson(engine.ask(`${long}${tail} ec2 s3 <!channel>`));
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('renders valid Block Kit within Slack limits', () => {
    fc.assert(
      fc.property(question, (q) => {
        expect(checkMessage(renderBlocks(engine.ask(q), engine.knowledge))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves nothing from the input live: no mention, broadcast, channel, link or bare URL', () => {
    fc.assert(
      fc.property(question, (q) => {
        const message = renderBlocks(engine.ask(q), engine.knowledge);
        for (const { text, verbatim } of texts(message)) {
          const rest = text.replace(OWN_LINK, '');
          expect(rest).not.toMatch(/<[!@#]|<https?:|<mailto:/);
          expect(rest).not.toMatch(/(^|[^\u200b])@(channel|here|everyone)\b/);
          // Slack turns bare URLs and domains into links except in verbatim text.
          if (!verbatim) expect(rest).not.toMatch(/evil\.example/);
          expect(rest).not.toMatch(/[\u202e\u2060\ufeff\u00ad\u180e\u061c]/);
          expect(rest).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
