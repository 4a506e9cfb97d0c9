import type { Answer } from '../../engine/index.js';
import { renderCategory, renderList } from './catalog.js';
import { renderCompare } from './compare.js';
import type { SlackMessage } from './elements.js';
import { renderHelp, renderNoMatch } from './help.js';
import { renderModelTopic, renderNotCovered, renderOutOfScope, renderOverview } from './model.js';
import { renderService } from './service.js';
import type { RenderKnowledge } from './shared.js';
import { renderTopic } from './topic.js';

export {
  ACTION,
  DETAIL_PATTERN,
  EXAMPLE_PATTERN,
  PICK_SERVICE_PATTERN,
  parseDetailValue,
  parseShareValue,
  parseTopicValue,
  shareValue,
} from './actions.js';
export { answerIdentity, cachedRenderer, serialised, serialisedParts } from './cache.js';
export { renderDetail } from './detail.js';
export { LIMITS, type SlackMessage } from './elements.js';
export { renderHome } from './home.js';
export { checkMessage } from './limits.js';
export { sharedBy, withShareButton } from './share.js';

/** Turns an engine answer into a Block Kit message with a plain-text fallback. */
export function renderBlocks(answer: Answer, k: RenderKnowledge): SlackMessage {
  switch (answer.kind) {
    case 'help':
      return renderHelp();
    case 'overview':
      return renderOverview(answer);
    case 'list':
      return renderList(answer);
    case 'category':
      return renderCategory(answer, k);
    case 'service':
      return renderService(answer, k);
    case 'topic':
      return renderTopic(answer, k);
    case 'compare':
      return renderCompare(answer, k);
    case 'model_topic':
      return renderModelTopic(answer);
    case 'out_of_scope':
      return renderOutOfScope(answer);
    case 'not_covered':
      return renderNotCovered(answer);
    case 'no_match':
      return renderNoMatch(answer.query, answer.reason, answer.suggestions);
  }
}
