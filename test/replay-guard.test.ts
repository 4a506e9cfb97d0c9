// The memory of recent signatures that lets a replayed slash command be answered once.
import { createHmac } from 'node:crypto';
import { ReplayGuard, TIMESTAMP_WINDOW_S } from '../src/slack/http/verify.js';

const sig = (n: number) => `v0=${createHmac('sha256', 'secret').update(String(n)).digest('hex')}`;
const T0 = 1_700_000_000_000;

describe('ReplayGuard', () => {
  it('says first for a new signature and not again for the same one within the window', () => {
    const guard = new ReplayGuard();
    expect(guard.first(sig(1), T0)).toBe(true);
    expect(guard.first(sig(2), T0)).toBe(true);
    expect(guard.first(sig(1), T0 + 1000)).toBe(false);
    expect(guard.first(sig(1), T0 + TIMESTAMP_WINDOW_S * 2000 - 1000)).toBe(false);
    expect(guard.first(sig(2), T0 + 5000)).toBe(false);
  });

  it('forgets a signature once no request carrying it could be accepted', () => {
    const guard = new ReplayGuard();
    guard.first(sig(1), T0);
    expect(guard.first(sig(1), T0 + TIMESTAMP_WINDOW_S * 2000 + 1000)).toBe(true);
  });

  it('knows a signature by its first 64 bits', () => {
    const guard = new ReplayGuard();
    const a = `v0=${'ab'.repeat(8)}${'0'.repeat(48)}`;
    const b = `v0=${'ab'.repeat(8)}${'1'.repeat(48)}`;
    expect(guard.first(a, T0)).toBe(true);
    // Only 64 bits are kept: b is taken for a (a false "replay" needs an HMAC collision on 64 bits).
    expect(guard.first(b, T0)).toBe(false);
    expect(guard.first(`v0=${'ab'.repeat(7)}ac${'0'.repeat(48)}`, T0)).toBe(true);
  });

  it('stays within its capacity, letting the oldest entry of a full set go first', () => {
    const guard = new ReplayGuard(16); // one set of 16
    for (let i = 0; i < 16; i++) expect(guard.first(sig(i), T0 + i * 1000)).toBe(true);
    expect(guard.first(sig(100), T0 + 20_000)).toBe(true);
    // sig(0) was the oldest and gave way; the others are still known.
    for (let i = 1; i < 16; i++) expect(guard.first(sig(i), T0 + 21_000)).toBe(false);
    expect(guard.first(sig(100), T0 + 21_000)).toBe(false);
    expect(guard.first(sig(0), T0 + 21_000)).toBe(true);
  });

  it('remembers 100,000 recent signatures at its default size', () => {
    const guard = new ReplayGuard();
    for (let i = 0; i < 100_000; i++) guard.first(sig(i), T0);
    let forgotten = 0;
    for (let i = 0; i < 100_000; i++) if (guard.first(sig(i), T0)) forgotten++;
    // Sets fill unevenly; a handful of the fullest may have let their oldest go.
    expect(forgotten).toBeLessThan(100);
  });
});
