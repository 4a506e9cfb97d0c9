import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface PostOptions {
  readonly contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** Seconds to shift the timestamp by (negative: an old request). */
  readonly age?: number;
  readonly secret?: string;
  readonly unsigned?: boolean;
  readonly headers?: Record<string, string>;
}

/** Posts to the app exactly as Slack does: raw body, timestamp and v0 signature headers. */
export async function postSigned(url: string, body: string, options: PostOptions) {
  const ts = Math.floor(Date.now() / 1000) - (options.age ?? 0);
  const headers: Record<string, string> = { 'content-type': options.contentType, ...options.headers };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(ts);
    headers['x-slack-signature'] = sign(body, ts, options.secret);
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export function slashCommandBody(text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'legacy-token',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'asker',
    command: '/srm',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

let counter = 0;
/** An Events API envelope as Slack sends it, from workspace `team` (T1, the single workspace, by default). */
export function eventBody(
  event: Record<string, unknown>,
  eventId = `Ev${Date.now()}${counter++}`,
  team = 'T1',
): string {
  return JSON.stringify({
    token: 'legacy-token',
    team_id: team,
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: team,
        user_id: team === 'T1' ? 'UBOT' : `UBOT${team}`,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  });
}

/** The fields every block_actions payload carries, with the clicked action (Slack adds its block and time). */
export function blockActionsBase(action: Record<string, unknown>) {
  return {
    type: 'block_actions',
    user: { id: 'U1', username: 'asker', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-token',
    trigger_id: '1.2.3',
    team: { id: 'T1', domain: 'test' },
    actions: [{ block_id: 'b1', action_ts: '1700000000.1', ...action }],
  };
}

/** Content types of what Slack posts: events as JSON, commands and interactions as forms. */
export const json = { contentType: 'application/json' } as const;
export const form = { contentType: 'application/x-www-form-urlencoded' } as const;

/** Long enough for an answer that was going to be sent twice to have been sent twice. */
export const settle = () => new Promise((r) => setTimeout(r, 300));
