import type { RuleCode } from './rules.js';

/**
 * A tiny reader over parsed YAML that records every problem with its file and field path,
 * so one run reports all mistakes in a knowledge file instead of the first.
 */
export class KnowledgeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`knowledge/ is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

// d1.awsstatic.com serves many files; the only one cited is the 2016 whitepaper the categories follow.
const SOURCE_URL =
  /^https:\/\/(docs\.aws\.amazon\.com\/\S*|aws\.amazon\.com\/\S*|d1\.awsstatic\.com\/whitepapers\/Security\/AWS_Security_Best_Practices\.pdf)$/;
const MARKDOWN_COPY = /\.md([?#].*)?$/;

export class Fields {
  constructor(
    readonly file: string,
    readonly problems: string[],
    private readonly path = '',
  ) {}

  at(key: string | number): Fields {
    const p = typeof key === 'number' ? `${this.path}[${key}]` : this.path ? `${this.path}.${key}` : key;
    return new Fields(this.file, this.problems, p);
  }

  fail(message: string, key?: string | number, code: RuleCode = 'KB004'): void {
    const where = key === undefined ? this : this.at(key);
    this.problems.push(`${this.file}: ${where.path || '(top level)'}: ${message} [${code}]`);
  }

  object(value: unknown, key?: string | number): Record<string, unknown> {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    this.fail('must be a mapping (key: value pairs)', key);
    return {};
  }

  onlyKeys(obj: Record<string, unknown>, allowed: readonly string[]): void {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) this.fail(`unknown field (allowed: ${allowed.join(', ')})`, k, 'KB002');
    }
  }

  string(
    obj: Record<string, unknown>,
    key: string,
    opts: { max?: number; optional?: boolean; code?: RuleCode } = {},
  ): string {
    const v = obj[key];
    if (v === undefined && opts.optional) return '';
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(v === undefined ? 'is required' : 'must be a non-empty string', key, opts.code ?? 'KB003');
      return '';
    }
    const text = v.trim();
    if (opts.max && text.length > opts.max)
      this.fail(`is ${text.length} characters; at most ${opts.max}`, key, 'KB005');
    return text;
  }

  oneOf<T extends string>(obj: Record<string, unknown>, key: string, values: readonly T[]): T {
    const v = obj[key];
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    this.fail(
      `must be one of ${values.join(', ')}${v === undefined ? ' (missing)' : ` (got ${String(v)})`}`,
      key,
    );
    return values[0] as T;
  }

  list(
    obj: Record<string, unknown>,
    key: string,
    opts: { min?: number; max?: number; optional?: boolean } = {},
  ) {
    const v = obj[key];
    if (v === undefined && opts.optional) return [];
    if (!Array.isArray(v)) {
      this.fail(
        v === undefined ? 'is required (a list)' : 'must be a list',
        key,
        v === undefined ? 'KB003' : 'KB004',
      );
      return [];
    }
    if (opts.min !== undefined && v.length < opts.min)
      this.fail(`needs at least ${opts.min} item(s)`, key, key === 'sources' ? 'KB010' : 'KB005');
    if (opts.max !== undefined && v.length > opts.max)
      this.fail(`has ${v.length} items; at most ${opts.max}`, key, 'KB005');
    return v as unknown[];
  }

  words(obj: Record<string, unknown>, key: string, opts: { optional?: boolean } = {}): string[] {
    const at = this.at(key);
    return this.list(obj, key, { optional: opts.optional }).map((w, i) => {
      if (typeof w !== 'string' || w.trim() === '') {
        at.fail('must be a non-empty string', i);
        return '';
      }
      return w.trim().toLowerCase();
    });
  }

  /** A `YYYY-MM-DD` calendar date that is not in the future (the day a fact was checked). */
  date(obj: Record<string, unknown>, key: string, opts: { optional?: boolean } = {}): string {
    const v = obj[key];
    if (v === undefined && opts.optional) return '';
    // YAML reads an unquoted 2026-12-01 as a string with the core schema the loader uses.
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.trim() : '';
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
      this.fail(`must be a date written YYYY-MM-DD (got ${JSON.stringify(v)})`, key, 'KB020');
      return '';
    }
    if (day.getTime() > Date.now()) this.fail(`is ${text}, a date in the future`, key, 'KB020');
    return text;
  }

  /** One https URL of an AWS documentation page. */
  url(obj: Record<string, unknown>, key: string): string {
    return this.checkUrl(obj[key], key);
  }

  private checkUrl(u: unknown, key: string | number): string {
    if (typeof u === 'string' && SOURCE_URL.test(u) && !MARKDOWN_COPY.test(u)) return u;
    const why =
      typeof u === 'string' && MARKDOWN_COPY.test(u) ? ' (cite the .html page, not the .md copy)' : '';
    this.fail(
      `must be an https URL of an AWS documentation page${why} (got ${JSON.stringify(u)})`,
      key,
      'KB011',
    );
    return '';
  }

  sources(obj: Record<string, unknown>, key = 'sources'): string[] {
    const at = this.at(key);
    return this.list(obj, key, { min: 1 }).map((u, i) => at.checkUrl(u, i));
  }
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
