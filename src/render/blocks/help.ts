import type { KnownBlock } from '@slack/types';
import type { NoMatchReason } from '../../engine/index.js';
import type { Service } from '../../knowledge/types.js';
import { EXAMPLES } from '../wording.js';
import { ACTION } from './actions.js';
import { buttons, context, fallback, header, type SlackMessage, section, verbatim } from './elements.js';
import { escapeText } from './mrkdwn.js';
import { serviceButtons } from './shared.js';

/** Example questions as buttons: a click asks it. */
export function exampleButtons() {
  return buttons(EXAMPLES.map((e, i) => ({ text: e, actionId: `${ACTION.example}_${i}`, value: e })));
}

export function renderHelp(): SlackMessage {
  return {
    text: fallback(
      `srm-bot answers who is responsible for security on AWS, you or AWS. Try: ${EXAMPLES.map((e) => `/srm ${e}`).join(', ')}`,
    ),
    blocks: [
      header('srm-bot: who secures what on AWS'),
      section(
        'Ask about the shared responsibility model, an AWS service, or one security topic in it; I say what AWS does and what is yours, with links to the AWS documentation. Try one:',
      ),
      exampleButtons(),
      context([
        '`/srm <question>` answers only you; mention me in a channel (`@srm who patches rds`) and I answer in a thread, or send me a direct message.',
      ]),
    ],
  };
}

export function renderNoMatch(
  query: string,
  reason: NoMatchReason,
  suggestions: readonly Service[],
): SlackMessage {
  // The question is echoed only in a verbatim section, where nothing in it can become a link or
  // a mention; the fallback text does not repeat it at all.
  const q = escapeText(query);
  const said = reason === 'ambiguous' ? 'I’m not sure which service you mean' : 'I don’t know an AWS service';
  const blocks: KnownBlock[] = [header('Not sure what you mean'), verbatim(`${said} in “${q}”.`)];
  if (suggestions.length > 0) {
    blocks.push(section('*Did you mean:*'), buttons(serviceButtons(suggestions)));
  }
  blocks.push(context(['`/srm list` shows every service I know; `/srm help` shows examples.']));
  const did = suggestions.length ? ` Did you mean: ${suggestions.map((s) => s.name).join(', ')}?` : '';
  return { text: fallback(`${said} in that question.${did}`), blocks };
}
