import type { App } from '@slack/bolt';
import type { View } from '@slack/types';
import type { AppLogger } from '../logging/logger.js';
import { type SlackMessage, serialisedParts } from '../render/blocks/index.js';
import { postJson } from './post-json.js';

/**
 * The one way srm-bot sends anything to Slack: Web API calls and response_url posts, each with a
 * timeout, a retry only after a 429 (Slack did not act on it, so nothing can appear twice), and a
 * logged give-up otherwise.
 */
export interface Sender {
  post(channel: string, threadTs: string | undefined, message: SlackMessage): Promise<void>;
  respond(url: string, payload: ResponsePayload): Promise<void>;
  publish(userId: string, view: View): Promise<void>;
  /** The same sender, calling the Web API with this workspace's bot token. */
  forToken(token: string): Sender;
}

/** A response_url post: a message (whose JSON is cached with it) and how Slack should place it. */
export interface ResponsePayload {
  readonly message: SlackMessage;
  readonly response_type?: 'ephemeral' | 'in_channel';
  readonly replace_original?: boolean;
  readonly delete_original?: boolean;
}

export interface SenderOptions {
  readonly client: App['client'];
  readonly logger: AppLogger;
  readonly timeoutMs: number;
  /** Longest Retry-After we wait for once; a longer one is a give-up. */
  readonly maxRetryAfterMs?: number;
}

/** Errors worth telling the user about in a short plain message instead of the answer. */
const REJECTED_MESSAGE = new Set([
  'invalid_blocks',
  'msg_too_long',
  'msg_blocks_too_long',
  'invalid_blocks_format',
]);

export class SlackRejected extends Error {
  constructor(readonly code: string) {
    super(`Slack rejected the message: ${code}`);
  }
}

/** What Slack says about a failed call: an API error code, a 429 with its Retry-After, or nothing. */
function slackError(err: unknown): { code?: string; retryAfterMs?: number } {
  const e = err as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number };
  if (e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number')
    return { retryAfterMs: e.retryAfter * 1000 };
  if (e?.code === 'slack_webapi_platform_error') return { code: e.data?.error };
  return {};
}

const CLOSE = Buffer.from('}');

/** The payload as JSON bytes: its options, then the message's cached serialisation, copied once. */
function body(p: ResponsePayload): Buffer {
  const options = {
    ...(p.response_type ? { response_type: p.response_type } : {}),
    ...(p.replace_original !== undefined ? { replace_original: p.replace_original } : {}),
    ...(p.delete_original !== undefined ? { delete_original: p.delete_original } : {}),
  };
  const head = JSON.stringify(options).slice(0, -1);
  return Buffer.concat([
    Buffer.from(head.length > 1 ? `${head},` : head),
    ...serialisedParts(p.message),
    CLOSE,
  ]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createSender(options: SenderOptions): Sender {
  const { client, logger, timeoutMs } = options;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  async function tracked<T>(what: string, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      const ms = Math.round(performance.now() - started);
      if (ms > timeoutMs / 2) logger.event('warn', 'slack_call_slow', { call: what, ms });
    }
  }

  /** A Web API call, tried again once after a 429 that asks for a short wait. */
  async function api<T>(what: string, call: () => Promise<T>): Promise<T> {
    return tracked(what, async () => {
      try {
        return await call();
      } catch (err) {
        const { code, retryAfterMs } = slackError(err);
        if (code && REJECTED_MESSAGE.has(code)) throw new SlackRejected(code);
        if (retryAfterMs === undefined || retryAfterMs > maxRetryAfterMs) throw err;
        logger.event('warn', 'slack_rate_limited', { call: what, retry_after_ms: retryAfterMs });
        await sleep(retryAfterMs);
        return call();
      }
    });
  }

  const respond: Sender['respond'] = async (url, payload) => {
    await tracked('response_url', async () => {
      const bytes = body(payload);
      const once = () =>
        postJson(url, bytes, timeoutMs).catch((err: Error) => {
          throw new Error(`response_url: ${err.message}`);
        });
      let res = await once();
      const retryAfterMs = Number(res.retryAfter ?? Number.NaN) * 1000;
      if (res.status === 429 && retryAfterMs <= maxRetryAfterMs) {
        await sleep(retryAfterMs);
        res = await once();
      }
      if (res.status === 404 || res.status === 410)
        throw new Error(`response_url expired or unknown (HTTP ${res.status}): nobody to tell`);
      if (res.status < 200 || res.status > 299) throw new Error(`response_url answered HTTP ${res.status}`);
      // Slack answers 200 with a JSON error for blocks it will not show.
      const code = /"error"\s*:\s*"([a-z_]+)"/.exec(res.head)?.[1];
      if (code && REJECTED_MESSAGE.has(code)) throw new SlackRejected(code);
    });
  };

  /** A sender whose Web API calls carry `token` (the client's own token when undefined). */
  const withToken = (token: string | undefined): Sender => ({
    async post(channel, threadTs, m) {
      await api('chat.postMessage', () =>
        client.chat.postMessage({
          ...(token ? { token } : {}),
          channel,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          text: m.text,
          blocks: m.blocks,
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
    },
    async publish(userId, view) {
      await api('views.publish', () =>
        client.views.publish({ ...(token ? { token } : {}), user_id: userId, view }),
      );
    },
    respond,
    forToken: (t) => withToken(t),
  });
  return withToken(undefined);
}
