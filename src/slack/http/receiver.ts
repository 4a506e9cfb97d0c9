import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { type App, HTTPResponseAck, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { AppLogger } from '../../logging/logger.js';
import { type Health, serveHealth } from '../health.js';
import { checkHeaders, MAX_BODY_BYTES, ReplayGuard, signatureMatches } from './verify.js';

export interface GuardedReceiverOptions {
  readonly signingSecret: string;
  readonly logger: AppLogger;
  readonly health: Health;
  /** For tests: the largest body accepted (MAX_BODY_BYTES otherwise). */
  readonly bodyLimitBytes?: number;
  readonly maxConnections?: number;
  /** A connection must send a complete request within this; Slack sends small bodies at once. */
  readonly requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs?: number;
  readonly now?: () => number;
  /** Browser GET routes beside Slack's (the install flow); true when a route answered. */
  readonly routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export const EVENTS_PATH = '/slack/events';

/**
 * Bolt's HTTP receiver, guarded: it refuses a request without Slack's signature headers or with a
 * timestamp outside five minutes either way before reading any of its body, caps the body and the
 * number of connections, times out slow and idle connections, answers a replayed slash command
 * once, answers malformed bodies with 400 at once, and serves /healthz and /readyz.
 */
export class GuardedReceiver implements Receiver {
  private app?: App;
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly replays = new ReplayGuard();
  private readonly bodyLimit: number;
  private readonly now: () => number;

  constructor(private readonly options: GuardedReceiverOptions) {
    this.bodyLimit = options.bodyLimitBytes ?? MAX_BODY_BYTES;
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  start(port: number): Promise<Server> {
    const server = createServer((req, res) => this.handle(req, res));
    server.maxConnections = this.options.maxConnections ?? 1024;
    server.requestTimeout = this.options.requestTimeoutMs ?? 10_000;
    server.headersTimeout = server.requestTimeout;
    server.keepAliveTimeout = this.options.keepAliveTimeoutMs ?? 5_000;
    // A socket that never sends a byte: Node's request timers start with the first byte.
    server.timeout = server.requestTimeout;
    server.on('timeout', (socket: Socket) => socket.destroy());
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('clientError', (_err, socket) => socket.destroy());
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve(server));
    });
  }

  /** Stops accepting connections, closes idle ones, and lets requests in progress finish. */
  stop(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  /** Closes every connection, idle or not (after the drain). */
  closeAll(): void {
    for (const s of this.sockets) s.destroy();
  }

  private refuse(res: ServerResponse, status: number, why: string, req: IncomingMessage): void {
    this.options.logger.event('warn', 'request_refused', { status, why, path: req.url?.slice(0, 40) });
    // The body is not read: close the connection once the answer is out, rather than drain it.
    res.on('finish', () => req.socket.destroy());
    res.writeHead(status, { connection: 'close' });
    res.end();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'GET' && serveHealth(this.options.health, req, res)) return;
    if (this.options.routes?.(req, res)) return;
    if (req.method !== 'POST' || req.url?.split('?')[0] !== EVENTS_PATH) {
      this.refuse(res, 404, 'unknown path', req);
      return;
    }
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const signature = header('x-slack-signature');
    const checked = checkHeaders(signature, header('x-slack-request-timestamp'), this.now());
    if (!checked.ok) {
      this.refuse(res, 401, checked.why, req);
      return;
    }
    const declared = Number(header('content-length') ?? Number.NaN);
    if (declared > this.bodyLimit) {
      this.refuse(res, 413, 'body too large', req);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.bodyLimit) {
        req.removeAllListeners('data');
        this.refuse(res, 413, 'body too large', req);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.headersSent || size > this.bodyLimit) return;
      const raw = Buffer.concat(chunks);
      if (!signatureMatches(this.options.signingSecret, signature as string, checked.timestamp, raw)) {
        this.refuse(res, 401, 'signature mismatch', req);
        return;
      }
      void this.dispatch(req, res, raw, signature as string);
    });
    req.on('error', () => req.socket.destroy());
  }

  private async dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    raw: Buffer,
    signature: string,
  ): Promise<void> {
    const body = parseBody(req.headers['content-type'], raw);
    if (!body) {
      this.refuse(res, 400, 'malformed body', req);
      return;
    }
    if (body.ssl_check === '1') {
      res.writeHead(200).end();
      return;
    }
    if (body.type === 'url_verification') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ challenge: body.challenge }));
      return;
    }
    // A slash command carries no id of its own: the same signature again is the same request replayed.
    if (typeof body.command === 'string' && !this.replays.first(signature, this.now())) {
      this.options.logger.event('warn', 'request_refused', { status: 200, why: 'replayed slash command' });
      res.writeHead(200).end();
      return;
    }
    const ack = new HTTPResponseAck({
      logger: this.options.logger,
      processBeforeResponse: false,
      httpRequest: req as never,
      httpRequestBody: body,
      httpResponse: res,
    });
    const retry = Number(req.headers['x-slack-retry-num']);
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      ...(Number.isFinite(retry) ? { retryNum: retry } : {}),
      ...(typeof req.headers['x-slack-retry-reason'] === 'string'
        ? { retryReason: req.headers['x-slack-retry-reason'] }
        : {}),
      customProperties: {},
    };
    try {
      await this.app?.processEvent(event);
    } catch (err) {
      this.options.logger.event('error', 'event_failed', {
        error: err instanceof Error ? err.message : String(err),
      });
      if (!res.headersSent) {
        ack.ack();
        res.writeHead(500).end();
      }
    }
  }
}

type Body = Record<string, unknown>;

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Slack's two encodings: JSON (events), or a form whose `payload` field holds JSON (interactions). */
export function parseBody(contentType: string | undefined, raw: Buffer): Body | undefined {
  try {
    const type = (contentType ?? '').split(';')[0]?.trim();
    if (type === 'application/x-www-form-urlencoded') {
      const form = parseQuery(raw.toString('utf8')) as Body;
      if (typeof form.payload !== 'string') return isObject(form) ? form : undefined;
      const payload: unknown = JSON.parse(form.payload);
      return isObject(payload) ? payload : undefined;
    }
    if (type === 'application/json') {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      return isObject(parsed) ? parsed : undefined;
    }
    return undefined;
  } catch {
    return undefined;
  }
}
