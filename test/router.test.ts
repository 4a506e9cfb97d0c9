// The router gives Bolt one listener per kind of request and hands each request to the listener
// registered for its command, action id or event type.
import type { App } from '@slack/bolt';
import { createRouter } from '../src/slack/listeners/router.js';

type Registered = { kind: string; pattern: RegExp; listener: (args: unknown) => Promise<void> };

function fakeApp() {
  const registered: Registered[] = [];
  const add = (kind: string) => (pattern: RegExp, listener: Registered['listener']) =>
    registered.push({ kind, pattern, listener });
  const app = { command: add('command'), action: add('action'), event: add('event') } as unknown as App;
  return { app, registered };
}

function routed() {
  const calls: string[] = [];
  const router = createRouter();
  const note = (name: string) => async () => {
    calls.push(name);
  };
  router.command('/srm', note('srm'));
  router.action('share', note('share'));
  router.action(/^detail\|/, note('detail'));
  router.action('pick.topic', note('pick-topic'));
  router.event('app_mention', note('mention'));
  router.event('app_home_opened', note('home'));
  router.message(note('message'));
  const { app, registered } = fakeApp();
  router.attach(app);
  const of = (kind: string) => registered.find((r) => r.kind === kind) as Registered;
  return { calls, registered, of };
}

describe('the listener router', () => {
  it('registers one Bolt listener per kind of request, whatever the number of listeners', () => {
    expect(routed().registered.map((r) => r.kind)).toEqual(['command', 'action', 'event']);
  });

  it("gives Bolt patterns that match exactly the routes' ids", () => {
    const { of } = routed();
    expect(of('action').pattern.test('share')).toBe(true);
    expect(of('action').pattern.test('detail|s3|patching')).toBe(true);
    expect(of('action').pattern.test('pick.topic')).toBe(true);
    // A string id is literal and whole: no prefix, suffix or regex meaning.
    for (const id of ['share_more', 'my_share', 'pickXtopic', 'other'])
      expect(of('action').pattern.test(id)).toBe(false);
    expect(of('command').pattern.test('/srm')).toBe(true);
    expect(of('command').pattern.test('/srmx')).toBe(false);
    expect(['app_mention', 'app_home_opened', 'message'].every((t) => of('event').pattern.test(t))).toBe(
      true,
    );
    expect(of('event').pattern.test('app_uninstalled')).toBe(false);
  });

  it('hands each request to the listener registered for its id, and to no other', async () => {
    const { calls, of } = routed();
    await of('action').listener({ action: { action_id: 'detail|ec2|data' } });
    await of('action').listener({ action: { action_id: 'share' } });
    await of('action').listener({ action: { action_id: 'pick.topic' } });
    await of('event').listener({ event: { type: 'message' } });
    await of('event').listener({ event: { type: 'app_home_opened' } });
    await of('command').listener({ command: { command: '/srm' } });
    expect(calls).toEqual(['detail', 'share', 'pick-topic', 'message', 'home', 'srm']);
  });

  it('calls nothing for an id no listener registered, or an action without one', async () => {
    const { calls, of } = routed();
    await of('action').listener({ action: { action_id: 'unknown' } });
    await of('action').listener({ action: { type: 'dialog_submission' } });
    await of('event').listener({ event: { type: 'reaction_added' } });
    expect(calls).toEqual([]);
  });

  it('passes on what a listener throws, so Bolt reports it', async () => {
    const router = createRouter();
    router.action('boom', async () => {
      throw new Error('listener failed');
    });
    const { app, registered } = fakeApp();
    router.attach(app);
    await expect(registered[0]?.listener({ action: { action_id: 'boom' } })).rejects.toThrow(
      'listener failed',
    );
  });
});
