import { randomUUID } from 'node:crypto';
import type { HttpEvent } from '../../src/slack/lambda/handler.js';
import { sign } from './signed.js';

export interface EventOptions {
  readonly contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** As a Function URL or HTTP API delivers a body it treats as binary (forms, in practice). */
  readonly base64?: boolean;
  /** Seconds to shift the timestamp by (negative: from the future). */
  readonly age?: number;
  readonly secret?: string;
  readonly unsigned?: boolean;
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
}

/**
 * A Lambda Function URL event (payload format 2.0, the same shape an HTTP API sends) as AWS
 * delivers Slack's request: header names lower-cased, the body as text or base64, the signature
 * computed over the raw UTF-8 bytes, as Slack computes it.
 */
export function functionUrlEvent(body: string, options: EventOptions): HttpEvent {
  const now = Date.now();
  const ts = Math.floor(now / 1000) - (options.age ?? 0);
  const method = options.method ?? 'POST';
  const path = options.path ?? '/slack/events';
  const headers: Record<string, string> = {
    'content-type': options.contentType,
    'content-length': String(Buffer.byteLength(body)),
    host: 'abcdefghij.lambda-url.eu-west-1.on.aws',
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    'accept-encoding': 'gzip,deflate',
    accept: '*/*',
    'x-amzn-trace-id': `Root=1-${Math.floor(now / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)}`,
    'x-forwarded-for': '54.0.0.1',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
    ...options.headers,
  };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(ts);
    headers['x-slack-signature'] = sign(body, ts, options.secret);
  }
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghij',
      domainName: 'abcdefghij.lambda-url.eu-west-1.on.aws',
      domainPrefix: 'abcdefghij',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '54.0.0.1', userAgent: headers['user-agent'] },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    } as never,
    body: options.base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
  };
}
