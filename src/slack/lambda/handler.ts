import type { AwsLambdaReceiver } from '@slack/bolt';
import type { AppLogger } from '../../logging/logger.js';
import { EVENTS_PATH, parseBody } from '../http/receiver.js';
import { checkHeaders, MAX_BODY_BYTES, ReplayGuard, signatureMatches } from '../http/verify.js';

/** What a Function URL or an HTTP API (payload 2.0) delivers; REST API (1.0) fields are read too. */
export interface HttpEvent {
  readonly headers?: Record<string, string | undefined> | null;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly rawPath?: string;
  readonly path?: string;
  readonly httpMethod?: string;
  readonly requestContext?: { readonly http?: { readonly method?: string } };
  readonly [key: string]: unknown;
}

export interface HttpResult {
  readonly statusCode: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

export type LambdaHandler = (event: HttpEvent, context: unknown) => Promise<HttpResult>;

export interface LambdaHandlerOptions {
  readonly signingSecret: string;
  readonly logger: AppLogger;
  /** Bolt's receiver, built with signature verification off: this handler has checked it already. */
  readonly receiver: AwsLambdaReceiver;
  readonly bodyLimitBytes?: number;
  readonly now?: () => number;
}

/**
 * The Lambda entry point in front of Bolt's AwsLambdaReceiver, with the HTTP mode's guards: the
 * signature headers and a timestamp within five minutes either way before the body is decoded, a
 * body cap, and a replayed slash command answered once (in this instance; see the README). It
 * also decodes a base64 body as UTF-8 itself: the receiver decodes it as ASCII, which breaks the
 * signature of any event with a non-ASCII character in it.
 */
export function createLambdaHandler(options: LambdaHandlerOptions): LambdaHandler {
  const { logger, receiver } = options;
  const bodyLimit = options.bodyLimitBytes ?? MAX_BODY_BYTES;
  const now = options.now ?? Date.now;
  const replays = new ReplayGuard();
  const bolt = receiver.toHandler();
  const refuse = (statusCode: number, why: string): HttpResult => {
    logger.event('warn', 'request_refused', { status: statusCode, why });
    return { statusCode, body: '' };
  };

  return async (event, context) => {
    const method = event.requestContext?.http?.method ?? event.httpMethod;
    const path = event.rawPath ?? event.path ?? '';
    // An HTTP API stage name may come before the path.
    if (method !== 'POST' || !path.endsWith(EVENTS_PATH)) return refuse(404, 'unknown path');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(event.headers ?? {}))
      if (v !== undefined) headers[k.toLowerCase()] = v;
    const signature = headers['x-slack-signature'];
    const checked = checkHeaders(signature, headers['x-slack-request-timestamp'], now());
    if (!checked.ok) return refuse(401, checked.why);
    const encoded = event.body ?? '';
    // base64 is 4/3 of the bytes it holds: refuse before decoding what cannot fit.
    if ((event.isBase64Encoded ? (encoded.length * 3) / 4 : Buffer.byteLength(encoded)) > bodyLimit + 3)
      return refuse(413, 'body too large');
    const raw = Buffer.from(encoded, event.isBase64Encoded ? 'base64' : 'utf8');
    if (raw.length > bodyLimit) return refuse(413, 'body too large');
    if (!signatureMatches(options.signingSecret, signature as string, checked.timestamp, raw))
      return refuse(401, 'signature mismatch');
    const body = parseBody(headers['content-type'], raw);
    if (!body) return refuse(400, 'malformed body');
    if (typeof body.command === 'string' && !replays.first(signature as string, now())) {
      logger.event('warn', 'request_refused', { status: 200, why: 'replayed slash command' });
      return { statusCode: 200, body: '' };
    }
    const result = (await bolt(
      { ...event, headers, body: raw.toString('utf8'), isBase64Encoded: false } as never,
      context as never,
    )) as HttpResult;
    return result;
  };
}
