export const OWNERS = ['aws', 'customer', 'shared'] as const;
export type Owner = (typeof OWNERS)[number];

export const CATEGORY_IDS = ['infrastructure', 'container', 'abstracted'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Topics whose answer comes from the model (inherited controls) unless a service overrides it. */
export const INHERITED_TOPIC_IDS = ['physical', 'network_infrastructure', 'virtualization'] as const;

export interface Fact {
  readonly text: string;
  readonly sources: readonly string[];
}

export interface Topic {
  readonly id: string;
  readonly name: string;
  readonly words: readonly string[];
  readonly weakWords: readonly string[];
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
  /** True when the entry comes from the model's inherited controls, not the service file. */
  readonly inherited: boolean;
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

export interface Control {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly sources: readonly string[];
}

export interface Model {
  readonly name: string;
  readonly summary: string;
  readonly ofTheCloud: Fact;
  readonly inTheCloud: Fact;
  readonly controls: readonly Control[];
  readonly categorySource: string;
  /** How current the facts are: shown beside every list of sources. */
  readonly sourcesNote: string;
  readonly categories: readonly Category[];
  readonly inheritedTopics: Readonly<Record<string, Responsibility>>;
  readonly sources: readonly string[];
}

export interface Knowledge {
  readonly model: Model;
  readonly topics: readonly Topic[];
  readonly services: readonly Service[];
}
