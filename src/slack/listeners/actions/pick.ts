import type {
  App,
  BlockAction,
  ButtonAction,
  Logger,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import type { Answer } from '../../../engine/index.js';
import { ACTION, PICK_SERVICE_PATTERN, parseTopicValue } from '../../../render/blocks/index.js';
import { type ListenerDeps, messageFor, withApology } from '../../reply.js';

/**
 * Menus and buttons in our answers. The new answer goes only to the person who clicked: it
 * replaces the original when that was already private (a /srm answer), and is added otherwise.
 */
export function registerPickActions(app: App, deps: ListenerDeps): void {
  const answerPrivately = async (
    what: string,
    answer: Answer | undefined,
    {
      body,
      respond,
      logger,
    }: Pick<SlackActionMiddlewareArgs<BlockAction>, 'body' | 'respond'> & { logger: Logger },
  ) => {
    if (!answer) return; // a value we did not send: nothing to answer
    const replace = body.container?.is_ephemeral === true;
    await withApology(
      logger,
      what,
      () => respond({ response_type: 'ephemeral', replace_original: replace, ...messageFor(deps, answer) }),
      (m) => respond({ response_type: 'ephemeral', replace_original: false, ...m }),
    );
  };

  app.action<BlockAction<StaticSelectAction>>(ACTION.pickTopic, async (args) => {
    await args.ack();
    const picked = parseTopicValue(args.action.selected_option?.value ?? '');
    await answerPrivately(
      'topic menu',
      picked && deps.engine.describe(picked.serviceId, picked.topicId),
      args,
    );
  });

  app.action<BlockAction<ButtonAction>>(PICK_SERVICE_PATTERN, async (args) => {
    await args.ack();
    await answerPrivately('service button', deps.engine.describe(args.action.value ?? ''), args);
  });
}
