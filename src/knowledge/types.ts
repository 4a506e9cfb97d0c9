export const OWNERS = ['aws', 'customer', 'shared'] as const;
export type Owner = (typeof OWNERS)[number];

export const CATEGORY_IDS = ['infrastructure', 'container', 'abstracted'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface Fact {
  readonly text: string;
  readonly sources: readonly string[];
}

/** Words in a question that pick one layer of a topic ("guest os") and that layer's answer. */
export interface Layer extends Responsibility {
  readonly words: readonly string[];
}

/**
 * The rule for a service that does not answer a topic itself. `scope` says whether it holds for
 * every service (`all`) or for the services of one category; `example` is a service of that category.
 */
export interface TopicDefault extends Responsibility {
  readonly scope: 'all' | 'category';
  readonly example?: string;
  /** Services of the category differ: a service without its own answer is not covered for this topic. */
  readonly varies: boolean;
}

export interface Topic {
  readonly id: string;
  readonly name: string;
  readonly words: readonly string[];
  readonly weakWords: readonly string[];
  /** The verdict when no service is named. */
  readonly answer: Responsibility;
  readonly layers: readonly Layer[];
  readonly defaults: Readonly<Record<CategoryId, TopicDefault>>;
  /** The day topics.yml was last checked against AWS documentation. */
  readonly checked: string;
}

export interface Mode {
  readonly id: string;
  readonly name: string;
  readonly words: readonly string[];
}

export interface Responsibility {
  readonly owner: Owner;
  readonly summary: string;
  readonly aws?: string;
  readonly customer?: string;
  readonly sources: readonly string[];
}

export interface ModeResponsibility extends Responsibility {
  readonly mode: string;
}

export interface TopicEntry extends Responsibility {
  readonly modes: readonly ModeResponsibility[];
  /**
   * Where the answer comes from: the service file, the topic's rule for all services or for the
   * category, or nowhere yet (`unanswered`: the category's rule varies and the file has no answer).
   */
  readonly basis: 'service' | TopicDefault['scope'] | 'unanswered';
}

export interface Service {
  readonly id: string;
  readonly name: string;
  readonly fullName: string;
  readonly aliases: readonly string[];
  readonly weakAliases: readonly string[];
  readonly category: CategoryId;
  readonly categoryBasis: 'whitepaper' | 'derived';
  readonly categoryNote?: string;
  readonly summary: string;
  readonly aws: readonly Fact[];
  readonly customer: readonly Fact[];
  readonly sources: readonly string[];
  readonly modes: readonly Mode[];
  readonly topics: Readonly<Record<string, TopicEntry>>;
  /** The day the facts were last checked against AWS documentation (YYYY-MM-DD), or ''. */
  readonly checked: string;
}

export interface Category {
  readonly id: CategoryId;
  readonly name: string;
  readonly words: readonly string[];
  readonly summary: string;
  readonly aws: string;
  readonly customer: string;
  readonly sources: readonly string[];
}

/** A part of the model a question can ask about: a half (of / in the cloud) or a kind of control. */
export interface Control {
  readonly id: string;
  readonly name: string;
  readonly owner: Owner;
  readonly words: readonly string[];
  readonly text: string;
  /** Ids of the topics the part is made of. */
  readonly topics: readonly string[];
  readonly sources: readonly string[];
}

export interface Model {
  readonly name: string;
  readonly summary: string;
  readonly controls: readonly Control[];
  readonly categorySource: string;
  readonly categories: readonly Category[];
  readonly sources: readonly string[];
  readonly checked: string;
}

/** An AWS service srm-bot recognises by name but has no entry for (knowledge/catalog.yml). */
export interface CatalogService {
  readonly id: string;
  readonly name: string;
  /** The service file that answers for it, when it is an API client of a covered service. */
  readonly partOf?: string;
  readonly aliases: readonly string[];
  readonly weakAliases: readonly string[];
}

export interface Catalog {
  readonly services: readonly CatalogService[];
  /** Where AWS lists the security chapter of every service. */
  readonly securityPage: string;
  readonly checked: string;
}

export interface Knowledge {
  readonly model: Model;
  readonly topics: readonly Topic[];
  readonly services: readonly Service[];
  readonly catalog: Catalog;
}
