import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** What a POST came back with: enough to tell a 429, an expired URL and a JSON error apart. */
export interface PostResult {
  readonly status: number;
  readonly retryAfter?: string;
  /** The first 200 characters of the response body (the rest is read and dropped). */
  readonly head: string;
}

// Node's own client, not fetch: fetch builds WHATWG streams and abort signals for every post,
// which under load cost more allocation per answer than working the answer out.
const AGENT = { keepAlive: true, maxSockets: 256, maxFreeSockets: 32, timeout: 30_000 } as const;
const agents: Record<string, HttpAgent> = {
  'http:': new HttpAgent(AGENT),
  'https:': new HttpsAgent(AGENT),
};

const HEAD_CHARS = 200;

/**
 * POSTs a JSON body over a kept-alive connection and settles within `timeoutMs` whatever the other
 * end does (no answer, a slow body, a dropped connection): the deadline covers the whole exchange.
 * A kept connection the other end had already closed (common after a process sat idle or frozen,
 * as on Lambda) fails with ECONNRESET before any answer: that one post is sent once more on a new
 * connection, as Node's documentation advises.
 */
export function postJson(url: string, body: Buffer, timeoutMs: number): Promise<PostResult> {
  const protocol = /^https?:/i.exec(url)?.[0].toLowerCase();
  const agent = protocol && agents[protocol];
  if (!agent) return Promise.reject(new Error('not an http(s) URL'));
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  const deadline = performance.now() + timeoutMs;
  const attempt = (mayRetry: boolean): Promise<PostResult> =>
    new Promise((resolve, reject) => {
      let answered = false;
      let timer: NodeJS.Timeout | undefined;
      const fail = (err: Error & { code?: string }) => {
        clearTimeout(timer);
        if (mayRetry && !answered && req.reusedSocket && err.code === 'ECONNRESET') resolve(attempt(false));
        else reject(err);
      };
      const req = send(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length },
        },
        (res: IncomingMessage) => {
          answered = true;
          let head = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (head.length < HEAD_CHARS) head += chunk;
          });
          res.on('end', () => {
            clearTimeout(timer);
            const retryAfter = res.headers['retry-after'];
            resolve({
              status: res.statusCode ?? 0,
              ...(retryAfter ? { retryAfter } : {}),
              head: head.slice(0, HEAD_CHARS),
            });
          });
          res.on('error', fail);
        },
      );
      timer = setTimeout(
        () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)),
        Math.max(0, deadline - performance.now()),
      );
      req.on('error', fail);
      req.end(body);
    });
  return attempt(true);
}
