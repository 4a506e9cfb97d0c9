import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's window for a request's timestamp, each way: older is a replay, newer is forged. */
export const TIMESTAMP_WINDOW_S = 5 * 60;

/** Checks the two headers before any of the body is read. */
export function checkHeaders(
  signature: string | undefined,
  timestamp: string | undefined,
  nowMs: number,
): { ok: true; timestamp: number } | { ok: false; why: string } {
  if (!signature || !timestamp) return { ok: false, why: 'missing signature headers' };
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, why: 'malformed signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, why: 'malformed timestamp' };
  const ts = Number(timestamp);
  if (Math.abs(nowMs / 1000 - ts) > TIMESTAMP_WINDOW_S)
    return { ok: false, why: 'timestamp outside the window' };
  return { ok: true, timestamp: ts };
}

/** Slack's v0 signature over `v0:timestamp:body`, compared in constant time. */
export function signatureMatches(
  secret: string,
  signature: string,
  timestamp: number,
  body: Buffer,
): boolean {
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Remembers the signatures of recent requests, to answer a replayed slash command once. Bounded:
 * entries older than the timestamp window cannot be replayed anyway and are dropped.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly max = 50_000) {}

  /** True the first time a signature is seen within the window. */
  first(signature: string, nowMs: number): boolean {
    for (const [sig, at] of this.seen) {
      if (nowMs - at <= TIMESTAMP_WINDOW_S * 2000 && this.seen.size < this.max) break;
      this.seen.delete(sig);
    }
    if (this.seen.has(signature)) return false;
    this.seen.set(signature, nowMs);
    return true;
  }
}
