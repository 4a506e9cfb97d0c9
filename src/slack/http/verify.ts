import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The largest body accepted. Slack's largest requests are block_actions payloads that carry the
 * whole message they came from (50 blocks at most): well under this.
 */
export const MAX_BODY_BYTES = 256 * 1024;

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

/** 32 bits of a signature's hex digits from `at`, read without making strings. */
function hex32(s: string, at: number): number {
  let n = 0;
  for (let i = at; i < at + 8; i++) {
    const c = s.charCodeAt(i);
    n = n * 16 + (c <= 57 ? c - 48 : (c | 32) - 87);
  }
  return n >>> 0;
}

/**
 * Remembers the signatures of recent requests, to answer a replayed slash command once. A fixed
 * table of 64-bit fingerprints in typed arrays, in sets of `WAYS`: nothing is kept per request on
 * the heap, so under load it neither grows memory nor churns the old generation. Signatures are
 * HMACs, so their bits are uniform and cannot be aimed at a set. Bounded: when a set is full, its
 * oldest entry gives way, and a replay of that one request would be answered again.
 */
export class ReplayGuard {
  private static readonly WAYS = 16;
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  /** Seconds (since the epoch) until which each entry is kept; 0 for an empty slot. */
  private readonly until: Uint32Array;
  private readonly sets: number;

  /** `capacity` is rounded up to a power of two sets of WAYS entries. */
  constructor(capacity = 262_144) {
    let sets = 1;
    while (sets * ReplayGuard.WAYS < capacity) sets *= 2;
    this.sets = sets;
    const size = sets * ReplayGuard.WAYS;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.until = new Uint32Array(size);
  }

  /** True the first time a signature (`v0=` and 64 hex digits) is seen within the window. */
  first(signature: string, nowMs: number): boolean {
    const hi = hex32(signature, 3);
    const lo = hex32(signature, 11);
    const now = Math.floor(nowMs / 1000);
    const start = (lo & (this.sets - 1)) * ReplayGuard.WAYS;
    let victim = start;
    for (let i = start; i < start + ReplayGuard.WAYS; i++) {
      const until = this.until[i] as number;
      if (until > now && this.hi[i] === hi && this.lo[i] === lo) return false;
      if (until < (this.until[victim] as number)) victim = i;
    }
    this.hi[victim] = hi;
    this.lo[victim] = lo;
    // Kept for twice the window: a request is accepted from 5 minutes before its timestamp to 5 after.
    this.until[victim] = now + TIMESTAMP_WINDOW_S * 2;
    return true;
  }
}
