import type { ListenerDeps } from '../reply.js';
import { registerCategoryActions } from './actions/category.js';
import { registerDetailActions } from './actions/detail.js';
import { registerExampleActions } from './actions/example.js';
import { registerPickActions } from './actions/pick.js';
import { registerShareAction } from './actions/share.js';
import { registerSrmCommand } from './commands/srm.js';
import { registerAppHomeOpened } from './events/app-home-opened.js';
import { registerAppMention } from './events/app-mention.js';
import { registerDirectMessage } from './messages/direct-message.js';
import type { Router } from './router.js';

export function registerListeners(app: Router, deps: ListenerDeps): void {
  registerSrmCommand(app, deps);
  registerAppMention(app, deps);
  registerAppHomeOpened(app, deps);
  registerDirectMessage(app, deps);
  registerPickActions(app, deps);
  registerDetailActions(app, deps);
  registerExampleActions(app, deps);
  registerCategoryActions(app, deps);
  registerShareAction(app, deps);
}
