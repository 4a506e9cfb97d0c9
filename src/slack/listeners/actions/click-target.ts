import type { BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { ACTION, renderHome } from '../../../render/blocks/index.js';
import type { ListenerDeps, Send } from '../../reply.js';

/** The value of the button or menu option clicked. */
export const pickedValue = (action: ButtonAction | StaticSelectAction) =>
  (action.type === 'button' ? action.value : action.selected_option?.value) ?? '';

/** The category picked in a Home view's menu, as Slack reports the view's state. */
export function homeCategory(body: BlockAction): string | undefined {
  for (const block of Object.values(body.view?.state?.values ?? {}))
    for (const [actionId, input] of Object.entries(block))
      if (actionId === ACTION.pickCategory && input.selected_option?.value)
        return input.selected_option.value;
  return undefined;
}

/** A click in the Home tab (it carries no response_url: answers go into the view). */
export const fromHome = (body: BlockAction) => body.container?.type === 'view' || body.view?.type === 'home';

/** The Home tab again, with the picked category's menus and, if any, an answer under them. */
export function publishHome(
  deps: ListenerDeps,
  userId: string,
  picked: { categoryId?: string | undefined; answer?: Parameters<Send>[0] },
): Promise<void> {
  const { engine } = deps;
  return deps.sender.publish(userId, renderHome(engine.knowledge.model, engine.catalog, picked));
}

/** The Home tab published where there is no answer to log a reply for: a failure is only logged. */
export async function refreshHome(
  deps: ListenerDeps,
  userId: string,
  picked: Parameters<typeof publishHome>[2],
): Promise<void> {
  try {
    await publishHome(deps, userId, picked);
  } catch (err) {
    deps.logger.event('warn', 'home_not_published', {
      error: err instanceof Error ? err.message : String(err),
    });
  }
}

/**
 * Where the answer to a click goes. In the Home tab (no response_url there), into the view. On a
 * private /srm answer, in its place. On a message others read (a thread, a DM), privately to the
 * clicker, leaving the message as it was.
 */
export function clickTarget(deps: ListenerDeps, body: BlockAction, categoryId?: string): Send {
  return async (message) => {
    if (fromHome(body))
      return publishHome(deps, body.user.id, {
        categoryId: categoryId ?? homeCategory(body),
        answer: message,
      });
    if (!body.response_url) throw new Error('interaction without response_url');
    return deps.sender.respond(body.response_url, {
      response_type: 'ephemeral',
      replace_original: body.container?.is_ephemeral === true,
      message,
    });
  };
}

/** The category a service belongs to, to keep the Home's menus on it. */
export function categoryOf(deps: ListenerDeps, serviceId: string | undefined): string | undefined {
  return deps.engine.catalog.find((g) => g.services.some((s) => s.id === serviceId))?.category.id;
}
