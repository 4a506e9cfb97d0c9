import type { ActionsBlock, KnownBlock } from '@slack/types';
import { ACTION, shareValue } from './actions.js';
import { serialised, setSerialised } from './cache.js';
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
    if (message.blocks.length < LIMITS.blocks)
      setSerialised(shared, `${serialised(message).slice(0, -1)},${JSON.stringify(row)}]`);
    return shared;
  }
  const row = message.blocks[at] as ActionsBlock;
  const blocks: KnownBlock[] = [...message.blocks];
  blocks[at] = { ...row, elements: [...row.elements, button] };
  const shared = { text: message.text, blocks };
  spliceSerialised(message, row, shared, JSON.stringify(button));
  return shared;
}

const rowJson = new WeakMap<ActionsBlock, string>();

/**
 * The message with its button is new for every question, but its JSON is the cached answer's with
 * one button more: splice it in rather than stringify the whole message again on every request.
 */
function spliceSerialised(base: SlackMessage, row: ActionsBlock, next: SlackMessage, button: string): void {
  let before = rowJson.get(row);
  if (before === undefined) {
    before = JSON.stringify(row);
    rowJson.set(row, before);
  }
  const members = serialised(base);
  const at = members.indexOf(before);
  if (at < 0 || !before.endsWith(']}')) return;
  const after = `${before.slice(0, -2)},${button}]}`;
  setSerialised(next, `${members.slice(0, at)}${after}${members.slice(at + before.length)}`);
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
