import type { App, Logger } from '@slack/bolt';
import type { Answer, Engine } from '../engine/index.js';
import { renderBlocks, type SlackMessage } from '../render/blocks/index.js';

export interface ListenerDeps {
  readonly engine: Engine;
}

export type Send = (message: SlackMessage) => Promise<unknown>;

const SORRY = 'Sorry, something went wrong while answering. Please try again in a moment.';

export const APOLOGY: SlackMessage = {
  text: SORRY,
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${SORRY}` } }],
};

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Every listener's reply: works out the answer, renders and sends it. On any failure it logs and
 * sends the apology the same way, so the user hears back and the app keeps running even when the
 * apology cannot be delivered either. An `undefined` answer (a value we never sent) gets no reply.
 */
export async function reply(
  deps: ListenerDeps,
  logger: Logger,
  what: string,
  answer: () => Answer | undefined,
  send: Send,
): Promise<void> {
  try {
    const a = answer();
    if (a) await send(renderBlocks(a, deps.engine.knowledge));
  } catch (err) {
    logger.error(`${what} failed: ${reason(err)}`);
    try {
      await send(APOLOGY);
    } catch (again) {
      logger.error(`${what}: apology could not be sent either: ${reason(again)}`);
    }
  }
}

/** Posts a message in a conversation (in a thread when `threadTs` is set), without link previews. */
export function postTo(client: App['client'], channel: string, threadTs?: string): Send {
  return (m) =>
    client.chat.postMessage({
      channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: m.text,
      blocks: m.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
}
