import type { ActionsBlock, KnownBlock } from '@slack/types';
import { ACTION, shareValue } from './actions.js';
import { serialisedParts, setSerialised } from './cache.js';
import { type ButtonSpec, buttons, context, LIMITS, type SlackMessage } from './elements.js';

/**
 * A private answer with "Share in channel": added to the message's first row of buttons when it
 * has room, in a row of its own otherwise. The button carries the question, asked again on click.
 */
export function withShareButton(message: SlackMessage, question: string): SlackMessage {
  const share: ButtonSpec = {
    text: 'Share in channel',
    actionId: ACTION.share,
    value: shareValue(question),
  };
  const [button] = buttons([share]).elements;
  const at = message.blocks.findIndex(
    (b) => b.type === 'actions' && b.elements.length < LIMITS.actionElements,
  );
  if (at < 0 || !button) {
    const row = buttons([share]);
    const shared = { text: message.text, blocks: [...message.blocks.slice(0, LIMITS.blocks - 1), row] };
    const parts = serialisedParts(message);
    const last = parts[parts.length - 1];
    if (message.blocks.length > 0 && message.blocks.length < LIMITS.blocks && last)
      setSerialised(shared, [
        ...parts.slice(0, -1),
        last.subarray(0, -1),
        Buffer.from(`,${JSON.stringify(row)}]`),
      ]);
    return shared;
  }
  const row = message.blocks[at] as ActionsBlock;
  const blocks: KnownBlock[] = [...message.blocks];
  blocks[at] = { ...row, elements: [...row.elements, button] };
  const shared = { text: message.text, blocks };
  spliceSerialised(message, row, shared, JSON.stringify(button));
  return shared;
}

/** Where a cached answer's button row ends in its JSON: the bytes before and from its closing `]}`. */
const rowSplit = new WeakMap<ActionsBlock, { head: Buffer; tail: Buffer } | null>();

/**
 * The message with its button is new for every question, but its JSON is the cached answer's with
 * one button more: the button goes between two views of the cached bytes, nothing is copied.
 */
function spliceSerialised(base: SlackMessage, row: ActionsBlock, next: SlackMessage, button: string): void {
  let split = rowSplit.get(row);
  if (split === undefined) {
    split = null;
    const parts = serialisedParts(base);
    const before = JSON.stringify(row);
    const whole = parts.length === 1 ? parts[0] : undefined;
    const at = whole?.indexOf(before) ?? -1;
    if (whole && at >= 0 && before.endsWith(']}')) {
      const end = at + Buffer.byteLength(before) - 2;
      split = { head: whole.subarray(0, end), tail: whole.subarray(end) };
    }
    rowSplit.set(row, split);
  }
  if (split) setSerialised(next, [split.head, Buffer.from(`,${button}`), split.tail]);
}

const USER_ID = /^[UW][A-Z0-9]{1,20}$/;

/** The answer as posted for everyone, saying who shared it. */
export function sharedBy(message: SlackMessage, userId: string): SlackMessage {
  const who = USER_ID.test(userId) ? `<@${userId}>` : 'someone';
  return {
    text: message.text,
    blocks: [...message.blocks.slice(0, LIMITS.blocks - 1), context([`Shared by ${who}`])],
  };
}
