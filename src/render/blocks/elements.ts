import type { ActionsBlock, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { escapeText, truncate } from './mrkdwn.js';

/** Slack's limits (Block Kit reference), applied as the blocks are built. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  actionElements: 25,
  optionText: 75,
  optionValue: 75,
  buttonValue: 2000,
  options: 100,
  actionId: 255,
  /** Undocumented: past about this much text in all blocks, Slack answers msg_blocks_too_long. */
  totalText: 11000,
  /** chat.postMessage truncates `text` beyond 40,000; we keep the fallback far shorter. */
  fallbackText: 3000,
} as const;

export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export function header(text: string): HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true },
  };
}

/** A mrkdwn section; `text` must already be escaped. */
export function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } };
}

/** A mrkdwn section Slack shows as written: no links, mentions or channel names are made from it. For user text, escaped. */
export function verbatim(text: string): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText), verbatim: true },
  };
}

export function fields(items: readonly string[]): SectionBlock {
  return {
    type: 'section',
    fields: items
      .slice(0, LIMITS.fields)
      .map((t) => ({ type: 'mrkdwn', text: truncate(t, LIMITS.fieldText) })),
  };
}

export function context(items: readonly string[]): ContextBlock {
  return {
    type: 'context',
    elements: items
      .slice(0, LIMITS.contextElements)
      .map((t) => ({ type: 'mrkdwn', text: truncate(t, LIMITS.sectionText) })),
  };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export interface ButtonSpec {
  readonly text: string;
  readonly actionId: string;
  readonly value: string;
}

export function buttons(items: readonly ButtonSpec[]): ActionsBlock {
  return {
    type: 'actions',
    elements: items.slice(0, LIMITS.actionElements).map((b) => ({
      type: 'button',
      text: { type: 'plain_text', text: truncate(b.text, LIMITS.buttonText), emoji: true },
      action_id: b.actionId,
      value: b.value.slice(0, LIMITS.buttonValue),
    })),
  };
}

export interface SelectSpec {
  readonly placeholder: string;
  readonly actionId: string;
  readonly options: readonly { text: string; value: string }[];
  /** The value shown as already picked. */
  readonly initial?: string;
}

/** An actions block holding one menu and any buttons after it. */
export function menu(select: SelectSpec, extra: readonly ButtonSpec[] = []): ActionsBlock {
  const block = buttons(extra);
  const options = select.options.slice(0, LIMITS.options).map((o) => ({
    text: { type: 'plain_text' as const, text: truncate(o.text, LIMITS.optionText), emoji: true },
    value: truncate(o.value, LIMITS.optionValue),
  }));
  const initial = options.find((o) => o.value === select.initial);
  block.elements.unshift({
    type: 'static_select',
    action_id: select.actionId,
    placeholder: { type: 'plain_text', text: truncate(select.placeholder, LIMITS.optionText), emoji: true },
    options,
    ...(initial ? { initial_option: initial } : {}),
  });
  return block;
}

/** Plain text for `text` fallbacks, escaped like mrkdwn (Slack parses `text` the same way). */
export function fallback(text: string): string {
  return truncate(escapeText(text.replace(/\s+/g, ' ').trim()), LIMITS.fallbackText);
}
