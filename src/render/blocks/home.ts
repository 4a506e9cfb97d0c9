import type { KnownBlock } from '@slack/types';
import type { CategoryGroup } from '../../engine/index.js';
import type { Model } from '../../knowledge/types.js';
import { sentences } from '../wording.js';
import { categoryMenu, serviceMenus } from './catalog.js';
import { context, divider, header, type SlackMessage, section } from './elements.js';
import { exampleButtons } from './help.js';
import { escapeText } from './mrkdwn.js';

/** Slack's limit for a Home view. */
export const HOME_BLOCKS = 100;

export interface HomeView {
  readonly type: 'home';
  readonly blocks: KnownBlock[];
}

/**
 * The App Home tab: the model in three lines, menus to pick a kind of service and a service, the
 * examples, and, once something is picked, its answer right there (Home interactions have no
 * response_url: the listener publishes the view again).
 */
export function renderHome(
  model: Model,
  groups: readonly CategoryGroup[],
  picked: { readonly categoryId?: string | undefined; readonly answer?: SlackMessage } = {},
): HomeView {
  const group = groups.find((g) => g.category.id === picked.categoryId);
  const top: KnownBlock[] = [
    header('srm-bot: who secures what on AWS'),
    // The model's summary from knowledge/model.yml, a sentence a line.
    section(
      sentences(model.summary)
        .map((line) => escapeText(line))
        .join('\n'),
    ),
    categoryMenu(
      groups.map((g) => g.category),
      group?.category.id,
    ),
    ...(group ? serviceMenus(group.services, `${group.category.name} (${group.services.length})…`) : []),
  ];
  const bottom: KnownBlock[] = [
    divider(),
    section('*Or ask*'),
    exampleButtons(),
    context([
      `${escapeText(model.categorySource)} Ask with \`/srm\`, mention me in a channel, or write to me in Messages.`,
    ]),
  ];
  // Action ids must be unique in a view: the answer's menus give way to the Home's own.
  const ids = new Set([...top, ...bottom].flatMap(actionIds));
  const answer = picked.answer
    ? [divider(), ...picked.answer.blocks.filter((b) => !actionIds(b).some((id) => ids.has(id)))]
    : [];
  // The answer gives way first if the view would pass Slack's 100 blocks.
  const room = HOME_BLOCKS - top.length - bottom.length;
  return { type: 'home', blocks: [...top, ...answer.slice(0, Math.max(0, room)), ...bottom] };
}

function actionIds(b: KnownBlock): string[] {
  return b.type === 'actions'
    ? b.elements.flatMap((e) => ('action_id' in e && e.action_id ? [e.action_id] : []))
    : [];
}
