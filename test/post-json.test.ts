// The client every response_url post goes through: a deadline over the whole exchange, kept-alive
// connections, and nothing held up by a post that hangs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postJson } from '../src/slack/post-json.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let url: string;
let handler: Handler;
let connections: number;
const received: string[] = [];

beforeEach(async () => {
  connections = 0;
  received.length = 0;
  handler = (_req, res) => res.end('{"ok":true}');
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(body);
      handler(req, res);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/respond/1`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const body = Buffer.from('{"text":"ünïcode ✓"}');

describe('postJson', () => {
  it('sends the bytes as JSON and returns the status, Retry-After and the head of the answer', async () => {
    let contentType: string | undefined;
    handler = (req, res) => {
      contentType = req.headers['content-type'];
      res.writeHead(429, { 'retry-after': '3' }).end(`{"error":"rate_limited","pad":"${'x'.repeat(5000)}"}`);
    };
    const res = await postJson(url, body, 1000);
    expect(received).toEqual([body.toString('utf8')]);
    expect(contentType).toBe('application/json; charset=utf-8');
    expect(res.status).toBe(429);
    expect(res.retryAfter).toBe('3');
    expect(res.head.startsWith('{"error":"rate_limited"')).toBe(true);
    expect(res.head.length).toBe(200);
  });

  it('gives up at the deadline on a server that never answers', async () => {
    handler = () => {};
    const started = Date.now();
    await expect(postJson(url, body, 300)).rejects.toThrow(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('gives up at the deadline on an answer whose body never ends', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"ok":');
    };
    await expect(postJson(url, body, 300)).rejects.toThrow(/timed out/);
  });

  it('fails, rather than waits, when the connection drops in the middle of the answer', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"ok":', () => req.socket.destroy());
    };
    const started = Date.now();
    await expect(postJson(url, body, 5000)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses anything but an http(s) URL without connecting', async () => {
    await expect(postJson('file:///etc/passwd', body, 300)).rejects.toThrow(/http/);
    await expect(postJson('not a url', body, 300)).rejects.toThrow(/http/);
    expect(connections).toBe(0);
  });

  it('keeps the connection for the next post', async () => {
    await postJson(url, body, 1000);
    await postJson(url, body, 1000);
    await postJson(url, body, 1000);
    expect(received).toHaveLength(3);
    expect(connections).toBe(1);
  });

  it('sends a post once more on a new connection when its kept connection turns out closed', async () => {
    const seen = new WeakMap<object, number>();
    handler = (req, res) => {
      const n = (seen.get(req.socket) ?? 0) + 1;
      seen.set(req.socket, n);
      // The second request on a kept connection finds it closed: reset, no answer.
      if (n === 2) req.socket.resetAndDestroy();
      else res.end('{"ok":true}');
    };
    await expect(postJson(url, body, 1000)).resolves.toMatchObject({ status: 200 });
    await expect(postJson(url, body, 1000)).resolves.toMatchObject({ status: 200 });
    expect(connections).toBe(2);
  });

  it('does not send again when a new connection is reset, or once an answer has begun', async () => {
    handler = (req) => req.socket.resetAndDestroy();
    await expect(postJson(url, body, 1000)).rejects.toThrow();
    expect(received).toHaveLength(1);
    // On a kept connection, an answer cut short is not a closed connection: the post arrived.
    const seen = new WeakMap<object, number>();
    handler = (req, res) => {
      const n = (seen.get(req.socket) ?? 0) + 1;
      seen.set(req.socket, n);
      if (n === 1) return void res.end('{"ok":true}');
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"ok":', () => req.socket.resetAndDestroy());
    };
    await postJson(url, body, 1000);
    await expect(postJson(url, body, 1000)).rejects.toThrow();
    expect(received).toHaveLength(3);
  });

  it('is not held up by another post to the same host that hangs', async () => {
    handler = (req, res) => {
      if (received.length > 1) res.end('{"ok":true}');
      else req.socket.setTimeout(0); // the first one hangs
    };
    const hanging = postJson(url, body, 800);
    const started = Date.now();
    await expect(postJson(url, body, 800)).resolves.toMatchObject({ status: 200 });
    expect(Date.now() - started).toBeLessThan(400);
    await expect(hanging).rejects.toThrow(/timed out/);
  });
});
