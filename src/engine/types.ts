import type {
  CatalogService,
  Category,
  Control,
  Mode,
  Model,
  Owner,
  Responsibility,
  Service,
  Topic,
  TopicEntry,
} from '../knowledge/types.js';
import type { OutOfScopeReason } from './vocabulary.js';

/** One responsibility statement for a service and topic, possibly for one way of using it. */
export interface TopicAnswer {
  readonly service: Service;
  readonly owner: Owner;
  readonly summary: string;
  readonly aws?: string;
  readonly customer?: string;
  readonly mode?: Mode;
  readonly sources: readonly string[];
}

/**
 * A responsibility statement that names no service: the topic's verdict, the verdict for the layer
 * the question named, or the rule for one category (with an example service of it).
 */
export interface ModelAnswer extends Responsibility {
  readonly category?: Category;
  readonly example?: Service;
  /** True when the question's own words picked this layer of the topic ("guest os"). */
  readonly layer?: boolean;
}

interface Base {
  /** The question as the user wrote it (decoded, trimmed, shortened): for echoing only. */
  readonly query: string;
}

export type Answer =
  | (Base & { readonly kind: 'help' })
  | (Base & {
      readonly kind: 'overview';
      readonly model: Model;
      /** The part of the model asked about; absent for the model as a whole. */
      readonly control?: Control;
      /** The model-level verdict of each topic the part is made of. */
      readonly related: readonly { readonly topic: Topic; readonly answer: Responsibility }[];
    })
  | (Base & {
      readonly kind: 'model_topic';
      readonly topic: Topic;
      /** The category the question named, if any: then the first answer is that category's rule. */
      readonly category?: Category;
      /** The verdict for the question as asked, then one rule per category where they differ. */
      readonly answers: readonly ModelAnswer[];
    })
  | (Base & { readonly kind: 'out_of_scope'; readonly reason: OutOfScopeReason })
  | (Base & {
      readonly kind: 'not_covered';
      /**
       * A service recognised by name that srm-bot has no entry for yet, or a service with an entry
       * that does not answer this topic yet.
       */
      readonly service: Pick<CatalogService, 'id' | 'name'>;
      /** True when the service has an entry, but not an answer for this topic. */
      readonly partly: boolean;
      /** The service's security chapter, or where AWS lists every service's. */
      readonly securityPage: string;
      /** True when `securityPage` is the service's own chapter. */
      readonly ownChapter: boolean;
      readonly topic?: Topic;
      /** The topic's rule for every service, or per category where categories differ: never a guess for this service. */
      readonly answers: readonly ModelAnswer[];
    })
  | (Base & { readonly kind: 'list'; readonly groups: readonly CategoryGroup[] })
  | (Base & { readonly kind: 'category'; readonly group: CategoryGroup })
  | (Base & {
      readonly kind: 'service';
      readonly service: Service;
      readonly category: Category;
    })
  | (Base & {
      readonly kind: 'topic';
      readonly service: Service;
      readonly category: Category;
      readonly topic: Topic;
      readonly entry: TopicEntry;
      /** The mode the question named, when the topic's answer depends on it. */
      readonly mode?: Mode;
      readonly answers: readonly TopicAnswer[];
    })
  | (Base & {
      readonly kind: 'compare';
      readonly services: readonly Service[];
      readonly categories: readonly Category[];
      readonly topic?: Topic;
      readonly answers: readonly TopicAnswer[];
    })
  | (Base & {
      readonly kind: 'no_match';
      readonly reason: NoMatchReason;
      readonly suggestions: readonly Service[];
      readonly topic?: Topic;
    });

/** unknown: nothing recognised; ambiguous: two services fit a typo equally. */
export type NoMatchReason = 'unknown' | 'ambiguous';

export interface CategoryGroup {
  readonly category: Category;
  readonly services: readonly Service[];
}

export type AnswerKind = Answer['kind'];
