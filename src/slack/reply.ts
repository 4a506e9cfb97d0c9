import type { Logger } from '@slack/bolt';
import type { Answer, Engine } from '../engine/index.js';
import { renderBlocks, type SlackMessage } from '../render/blocks/index.js';

export interface ListenerDeps {
  readonly engine: Engine;
}

export const APOLOGY: SlackMessage = {
  text: 'Sorry, something went wrong while answering. Please try again in a moment.',
  blocks: [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: ':warning: Sorry, something went wrong while answering. Please try again in a moment.',
      },
    },
  ],
};

export function messageFor(deps: ListenerDeps, answer: Answer): SlackMessage {
  return renderBlocks(answer, deps.engine.knowledge);
}

/**
 * Runs a listener's work; on failure logs it and sends the apology through `apologize`, so the
 * user hears back and the app keeps running even if the apology itself cannot be delivered.
 */
export async function withApology(
  logger: Logger,
  what: string,
  work: () => Promise<unknown>,
  apologize: (m: SlackMessage) => Promise<unknown>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    logger.error(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    try {
      await apologize(APOLOGY);
    } catch (again) {
      logger.error(
        `${what}: apology could not be sent either: ${again instanceof Error ? again.message : String(again)}`,
      );
    }
  }
}
