import type { Answer, Engine } from '../engine/index.js';
import type { AppLogger } from '../logging/logger.js';
import type { SlackMessage } from '../render/blocks/index.js';
import { type Sender, SlackRejected } from './send.js';

export interface ListenerDeps {
  readonly engine: Engine;
  readonly sender: Sender;
  readonly logger: AppLogger;
  /** Renders an answer, through the cache of messages that never echo the user's words. */
  readonly render: (a: Answer) => SlackMessage;
  /**
   * Answer /srm in the acknowledgement itself (on Lambda: nothing may run after the response, and
   * the acknowledgement costs no extra call). Elsewhere /srm is acknowledged at once and answered
   * through response_url, so the acknowledgement never waits for the answer.
   */
  readonly answerInAck?: boolean;
  /** Many workspaces: each request's Web API calls use the token of the workspace it came from. */
  readonly perWorkspaceToken?: boolean;
}

/**
 * The listener's deps for one request: with many workspaces, a sender that calls Slack with the
 * token Bolt's authorize found for the request's workspace; with one, the deps as they are.
 */
export function inWorkspace(deps: ListenerDeps, context: { botToken?: string }): ListenerDeps {
  if (!deps.perWorkspaceToken) return deps;
  if (!context.botToken) throw new Error('no bot token for this workspace');
  return { ...deps, sender: deps.sender.forToken(context.botToken) };
}

export type Send = (message: SlackMessage) => Promise<unknown>;

const plain = (text: string): SlackMessage => ({
  text,
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${text}` } }],
});

const SORRY = 'Sorry, something went wrong while answering. Please try again in a moment.';
export const APOLOGY: SlackMessage = plain(SORRY);
const REJECTED: SlackMessage = plain(
  'Sorry, Slack would not show that answer. Try a narrower question, such as one service and one topic.',
);
export const GONE: SlackMessage = plain(
  'This answer is no longer available. Ask again with `/srm`, or pick from a newer answer.',
);

const afterPendingIo = () => new Promise<void>((resolve) => setImmediate(resolve));

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Every listener's reply: works out the answer, renders and sends it, and logs one line with the
 * outcome. If working out the answer fails, the user gets an apology; if Slack refuses the blocks,
 * a short plain message; if sending fails (timeout, network, an expired response_url), the log
 * says why: sending again could show the answer twice, or reach nobody. An `undefined` answer (a
 * value we never sent, or one that no longer exists) and one `render` has nothing for are answered
 * with GONE.
 */
export async function reply(
  deps: ListenerDeps,
  what: string,
  answer: () => Answer | undefined,
  send: Send,
  render: (a: Answer) => SlackMessage | undefined = deps.render,
): Promise<void> {
  const started = performance.now();
  const done = (outcome: string, fields: Record<string, unknown> = {}) =>
    deps.logger.event(outcome === 'answered' ? 'info' : 'warn', 'reply', {
      request: what,
      outcome,
      ms: Math.round(performance.now() - started),
      work_us: workUs,
      ...fields,
    });
  // Acknowledgements first: other requests waiting for their ack (Slack gives up after 3 s) are
  // served before this answer is worked out; the asker waits for the answer either way.
  await afterPendingIo();
  const working = performance.now();
  let message: SlackMessage;
  let kind: string | undefined;
  try {
    const a = answer();
    const rendered = a && render(a);
    kind = rendered ? a.kind : undefined;
    message = rendered ?? GONE;
  } catch (err) {
    deps.logger.event('error', 'answer_failed', { request: what, error: reason(err) });
    message = APOLOGY;
  }
  // Our own work per answer (engine and rendering), measured inside the running server.
  const workUs = Math.round((performance.now() - working) * 1000);
  try {
    await send(message);
    done(message === APOLOGY ? 'apologised' : kind ? 'answered' : 'gone', kind ? { kind } : {});
  } catch (err) {
    if (err instanceof SlackRejected) {
      try {
        await send(REJECTED);
        done('rejected_by_slack', { code: err.code, kind });
      } catch (again) {
        done('not_delivered', { error: reason(again) });
      }
      return;
    }
    done('not_delivered', { error: reason(err) });
  }
}
