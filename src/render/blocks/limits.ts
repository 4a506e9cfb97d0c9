import type { KnownBlock } from '@slack/types';
import { LIMITS, type SlackMessage } from './elements.js';

interface TextObject {
  type: string;
  text: string;
}

/** Every text an element carries, for the per-message total Slack enforces. */
function textsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) textsOf(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.text === 'string') out.push(o.text);
    for (const [k, v] of Object.entries(o)) if (k !== 'text' || typeof v !== 'string') textsOf(v, out);
  }
  return out;
}

function checkBlock(b: KnownBlock, i: number, problems: string[], actionIds: Set<string>): void {
  const at = `block ${i} (${b.type})`;
  const tooLong = (what: string, text: string | undefined, max: number) => {
    if (text === undefined || text.length === 0) problems.push(`${at}: ${what} is empty`);
    else if (text.length > max) problems.push(`${at}: ${what} is ${text.length} chars, limit ${max}`);
  };
  if (b.type === 'header') {
    if (b.text.type !== 'plain_text') problems.push(`${at}: header text must be plain_text`);
    tooLong('header text', b.text.text, LIMITS.headerText);
  } else if (b.type === 'section') {
    if (!b.text && !b.fields) problems.push(`${at}: section needs text or fields`);
    if (b.text) tooLong('section text', (b.text as TextObject).text, LIMITS.sectionText);
    if (b.fields) {
      if (b.fields.length > LIMITS.fields)
        problems.push(`${at}: ${b.fields.length} fields, limit ${LIMITS.fields}`);
      for (const f of b.fields) tooLong('field', f.text, LIMITS.fieldText);
    }
  } else if (b.type === 'context') {
    if (b.elements.length === 0 || b.elements.length > LIMITS.contextElements) {
      problems.push(`${at}: ${b.elements.length} elements, must be 1-${LIMITS.contextElements}`);
    }
    for (const e of b.elements) if ('text' in e) tooLong('context text', e.text, LIMITS.sectionText);
  } else if (b.type === 'actions') {
    if (b.elements.length === 0 || b.elements.length > LIMITS.actionElements) {
      problems.push(`${at}: ${b.elements.length} elements, must be 1-${LIMITS.actionElements}`);
    }
    for (const e of b.elements) {
      const id = 'action_id' in e ? e.action_id : undefined;
      if (!id || id.length > LIMITS.actionId) problems.push(`${at}: bad action_id`);
      else if (actionIds.has(id)) problems.push(`${at}: duplicate action_id ${id}`);
      else actionIds.add(id);
      if (e.type === 'button') {
        tooLong('button text', e.text.text, LIMITS.buttonText);
        tooLong('button value', e.value, LIMITS.buttonValue);
      }
      if (e.type === 'static_select') {
        const options = e.options ?? [];
        if (options.length === 0 || options.length > LIMITS.options)
          problems.push(`${at}: ${options.length} options`);
        for (const o of options) {
          tooLong('option text', o.text.text, LIMITS.optionText);
          tooLong('option value', o.value, LIMITS.optionValue);
        }
      }
    }
  }
}

/** Lists every way a message breaks Slack's Block Kit limits; empty when it is fine to send. */
export function checkMessage(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (!message.text || message.text.trim() === '') problems.push('text fallback is empty');
  if (message.text.length > LIMITS.fallbackText)
    problems.push(`text fallback is ${message.text.length} chars`);
  if (message.blocks.length === 0 || message.blocks.length > LIMITS.blocks) {
    problems.push(`${message.blocks.length} blocks, must be 1-${LIMITS.blocks}`);
  }
  const actionIds = new Set<string>();
  message.blocks.forEach((b, i) => {
    checkBlock(b, i, problems, actionIds);
  });
  const total = textsOf(message.blocks).reduce((n, t) => n + t.length, 0);
  if (total > LIMITS.totalText)
    problems.push(`blocks hold ${total} chars of text, limit about ${LIMITS.totalText}`);
  return problems;
}

/**
 * What a reader sees of a message before clicking anything: headers, section and context text
 * with links shown as their labels, and button labels (a menu's options stay folded away).
 */
export function visibleText(message: SlackMessage): string {
  const shown = (mrkdwn: string) =>
    mrkdwn
      .replace(/<[^|>]+\|([^>]+)>/g, '$1')
      .replace(/[*_~`]/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const out: string[] = [];
  for (const b of message.blocks) {
    if (b.type === 'header') out.push(b.text.text);
    else if (b.type === 'section') {
      if (b.text) out.push(shown(b.text.text));
      for (const f of b.fields ?? []) out.push(shown(f.text));
    } else if (b.type === 'context') {
      for (const e of b.elements) if ('text' in e) out.push(shown(e.text));
    } else if (b.type === 'actions') {
      for (const e of b.elements)
        if (e.type === 'button') out.push(e.text.text);
        else if ('placeholder' in e && e.placeholder) out.push(e.placeholder.text);
    }
  }
  return out.join('\n');
}
