import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** Web API method (chat.postMessage) or `respond` for a response_url post. */
  readonly method: string;
  readonly body: Record<string, unknown>;
  /** The bot token the call carried (Authorization header or form field), for Web API calls. */
  readonly token?: string;
}

/** A misbehaviour for the next call of one method ('respond' for response_url posts). */
export type Fault =
  | { readonly hang: true }
  | { readonly delayMs: number }
  | { readonly status: number; readonly retryAfter?: number }
  | { readonly error: string };

export interface FakeSlack {
  readonly url: string;
  readonly apiUrl: string;
  readonly calls: RecordedCall[];
  /** Calls other than auth.test: what our app said to Slack. */
  replies(): RecordedCall[];
  responseUrl(id: string): string;
  /** Makes the next `n` response_url posts fail with HTTP 500. */
  failResponses(n: number): void;
  /** Queues faults for the next calls of `method` ('respond' for response_url posts). */
  fault(method: string, ...faults: Fault[]): void;
  waitForReplies(count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function parse(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client sends objects (blocks) as JSON strings inside form fields.
    out[k] = k === 'blocks' || k === 'attachments' || k === 'view' ? JSON.parse(v) : v;
  }
  return out;
}

/** A stand-in for Slack's Web API and response_url endpoints that records what it receives. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  let failing = 0;
  const faults = new Map<string, Fault[]>();
  /** Applies the next queued fault of `method`; true when the response is handled. */
  const misbehave = (method: string, res: import('node:http').ServerResponse, ok: () => void): boolean => {
    const f = faults.get(method)?.shift();
    if (!f) return false;
    if ('hang' in f) return true;
    if ('delayMs' in f) {
      setTimeout(ok, f.delayMs);
      return true;
    }
    if ('status' in f) {
      if (f.retryAfter !== undefined) res.setHeader('retry-after', String(f.retryAfter));
      res.statusCode = f.status;
      res.end('{"ok":false}');
      return true;
    }
    res.end(JSON.stringify({ ok: false, error: f.error }));
    return true;
  };
  const server: Server = createServer(async (req, res) => {
    const body = parse(await readBody(req), req.headers['content-type']);
    const path = req.url ?? '';
    res.setHeader('content-type', 'application/json');
    if (path.startsWith('/respond/')) {
      calls.push({ method: 'respond', body: { ...body, _url: path } });
      if (misbehave('respond', res, () => res.end('{"ok":true}'))) return;
      if (failing > 0) {
        failing--;
        res.statusCode = 500;
        res.end('{"ok":false}');
        return;
      }
      res.end('{"ok":true}');
      return;
    }
    const method = path.replace(/^\/api\//, '').split('?')[0] ?? '';
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
    calls.push({ method, body, ...(token ? { token } : {}) });
    const ok = () => res.end(JSON.stringify({ ok: true, channel: body.channel, ts: '1700000001.000200' }));
    if (misbehave(method, res, ok)) return;
    if (method === 'auth.test') {
      // A token minted by oauth.v2.access below names its workspace: xoxb-<team>-….
      const team = /^xoxb-(T[A-Z0-9]+)-/.exec(token ?? '')?.[1];
      res.end(
        JSON.stringify({
          ok: true,
          user_id: team ? `UBOT${team}` : 'UBOT',
          bot_id: team ? `BBOT${team}` : 'BBOT',
          team_id: team ?? 'T1',
          user: 'srm',
          team: team ? `Workspace ${team}` : 'Test',
        }),
      );
    } else if (method === 'oauth.v2.access') {
      // The code the test put in the redirect names the workspace: <team>-anything.
      const team = /^(T[A-Z0-9]+)-/.exec(String(body.code ?? ''))?.[1];
      if (!team || (body.client_secret === undefined && !req.headers.authorization)) {
        res.end(JSON.stringify({ ok: false, error: 'invalid_code' }));
        return;
      }
      res.end(
        JSON.stringify({
          ok: true,
          app_id: 'A1',
          authed_user: { id: 'UINSTALLER' },
          scope: 'commands,chat:write,app_mentions:read,im:history',
          token_type: 'bot',
          access_token: `xoxb-${team}-${String(body.code).slice(team.length + 1)}`,
          bot_user_id: `UBOT${team}`,
          team: { id: team, name: `Workspace ${team}` },
          enterprise: null,
          is_enterprise_install: false,
        }),
      );
    } else if (method === 'chat.postMessage') {
      res.end(JSON.stringify({ ok: true, channel: body.channel, ts: '1700000001.000200' }));
    } else if (method === 'views.publish') {
      res.end(JSON.stringify({ ok: true, view: { id: 'V1' } }));
    } else {
      res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const replies = () => calls.filter((c) => c.method !== 'auth.test');
  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    replies,
    responseUrl: (id) => `${url}/respond/${id}`,
    failResponses: (n) => {
      failing = n;
    },
    fault: (method, ...f) => {
      faults.set(method, [...(faults.get(method) ?? []), ...f]);
    },
    async waitForReplies(count, timeoutMs = 3000) {
      const until = Date.now() + timeoutMs;
      while (replies().length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      return replies();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
