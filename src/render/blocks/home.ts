import type { KnownBlock } from '@slack/types';
import type { CategoryGroup } from '../../engine/index.js';
import type { Model } from '../../knowledge/types.js';
import { EXAMPLES } from '../wording.js';
import { context, divider, header, section } from './elements.js';
import { escapeText } from './mrkdwn.js';

export interface HomeView {
  readonly type: 'home';
  readonly blocks: KnownBlock[];
}

/** The App Home tab: what the bot does, how to ask, and every service it knows. */
export function renderHome(model: Model, groups: readonly CategoryGroup[]): HomeView {
  return {
    type: 'home',
    blocks: [
      header('srm-bot: who secures what on AWS'),
      section(escapeText(model.summary)),
      section(`*Ask*\n${EXAMPLES.map((e) => `• \`/srm ${e}\``).join('\n')}`),
      context(['Or mention me in a channel (answered in a thread), or write to me in the Messages tab.']),
      divider(),
      ...groups.map((g) =>
        section(`*${escapeText(g.category.name)}*\n${g.services.map((s) => escapeText(s.name)).join(', ')}`),
      ),
      context([escapeText(model.categorySource)]),
    ],
  };
}
