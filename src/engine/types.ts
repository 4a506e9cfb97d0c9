import type { Category, Mode, Model, Owner, Service, Topic, TopicEntry } from '../knowledge/types.js';

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

interface Base {
  /** The question as the user wrote it (decoded, trimmed, shortened): for echoing only. */
  readonly query: string;
}

export type Answer =
  | (Base & { readonly kind: 'help' })
  | (Base & { readonly kind: 'overview'; readonly model: Model })
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

/** unknown: nothing recognised; ambiguous: two services fit a typo equally; need_service: a topic without a service. */
export type NoMatchReason = 'unknown' | 'ambiguous' | 'need_service';

export interface CategoryGroup {
  readonly category: Category;
  readonly services: readonly Service[];
}

export type AnswerKind = Answer['kind'];
