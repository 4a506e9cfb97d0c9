import { type Logger, LogLevel } from '@slack/bolt';

/**
 * The one logger of the app, given to Bolt too. `json` writes one object per line (level, time,
 * message, and any fields such as event, kind, ms, outcome); `text` writes readable lines. Tokens
 * never reach the output, and a message repeated in a burst is written a few times, then counted.
 */
export interface AppLogger extends Logger {
  /** A structured line: `event` names what happened; fields must not hold user text beyond the echoed question. */
  event(level: 'debug' | 'info' | 'warn' | 'error', event: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly format: 'json' | 'text';
  readonly write?: (line: string) => void;
  readonly now?: () => number;
  /** Warnings or errors with the same message allowed per window before they are only counted. */
  readonly burst?: number;
  readonly windowMs?: number;
}

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

// Slack tokens start with these prefixes; anything after them is secret.
const TOKEN = /\b(xox[abposr]|xapp|xoxe(?:\.xox[bp])?)-[A-Za-z0-9-]+/g;
export const redact = (text: string) => text.replace(TOKEN, '$1-…');

const text = (parts: readonly unknown[]) =>
  parts
    .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');

export function createLogger(options: LoggerOptions): AppLogger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? Date.now;
  const burst = options.burst ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  let level = options.level;
  let name = 'srm-bot';
  const recent = new Map<string, { since: number; count: number }>();

  function emit(at: LogLevel, event: string, message: string, fields: Record<string, unknown> = {}): void {
    if (ORDER[at] < ORDER[level]) return;
    const t = now();
    // Only warnings and errors repeat in bursts worth counting; info lines are one per answer.
    const key = at === LogLevel.WARN || at === LogLevel.ERROR ? `${at}|${event}|${message}` : undefined;
    const seen = key === undefined ? undefined : recent.get(key);
    let suppressed = 0;
    if (key !== undefined && seen && t - seen.since < windowMs) {
      seen.count++;
      if (seen.count > burst) return;
    } else if (key !== undefined) {
      if (seen && seen.count > burst) suppressed = seen.count - burst;
      recent.set(key, { since: t, count: 1 });
      if (recent.size > 1000) recent.delete(recent.keys().next().value as string);
    }
    const extra = suppressed > 0 ? { suppressed } : {};
    if (options.format === 'json') {
      write(
        redact(
          JSON.stringify({
            level: at,
            time: new Date(t).toISOString(),
            name,
            event,
            msg: message,
            ...fields,
            ...extra,
          }),
        ),
      );
    } else {
      const kv = Object.entries({ ...fields, ...extra })
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      write(
        redact(`${new Date(t).toISOString()} ${at.toUpperCase()} [${name}] ${message}${kv ? ` ${kv}` : ''}`),
      );
    }
  }

  return {
    debug: (...m) => emit(LogLevel.DEBUG, 'log', text(m)),
    info: (...m) => emit(LogLevel.INFO, 'log', text(m)),
    warn: (...m) => emit(LogLevel.WARN, 'log', text(m)),
    error: (...m) => emit(LogLevel.ERROR, 'log', text(m)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
    event: (at, event, fields = {}) => emit(at as LogLevel, event, event, fields),
  };
}
