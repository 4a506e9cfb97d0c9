import type { Answer, ModelAnswer, TopicAnswer } from '../engine/index.js';
import type { Owner, Service } from '../knowledge/types.js';

type AnswerLine = {
  /** The service the line is about; null for a model-level line. */
  service: string | null;
  owner: Owner;
  summary: string;
  mode?: string;
  category?: string;
  sources: string[];
};

/** The CLI's `--json` object: one per question, stable field names for scripts and tests. */
export interface AnswerJson {
  query: string;
  kind: Answer['kind'];
  /** `category` is null for a service that is recognised but not covered. */
  services: { id: string; name: string; category: string | null }[];
  topic: { id: string; name: string } | null;
  /** The part of the model an `overview` explains; null otherwise. */
  control: { id: string; name: string } | null;
  answers: AnswerLine[];
  suggestions: { id: string; name: string }[];
}

const brief = (s: Service) => ({ id: s.id, name: s.name, category: s.category });

function servicesOf(a: Answer): readonly Service[] {
  switch (a.kind) {
    case 'service':
    case 'topic':
      return [a.service];
    case 'compare':
      return a.services;
    case 'category':
      return a.group.services;
    case 'list':
      return a.groups.flatMap((g) => g.services);
    default:
      return [];
  }
}

function serviceLine(x: TopicAnswer): AnswerLine {
  return {
    service: x.service.id,
    owner: x.owner,
    summary: x.summary,
    ...(x.mode ? { mode: x.mode.id } : {}),
    sources: [...x.sources],
  };
}

function modelLine(x: ModelAnswer): AnswerLine {
  return {
    service: null,
    owner: x.owner,
    summary: x.summary,
    ...(x.category ? { category: x.category.id } : {}),
    sources: [...x.sources],
  };
}

function answersOf(a: Answer): AnswerLine[] {
  switch (a.kind) {
    case 'topic':
    case 'compare':
      return a.answers.map(serviceLine);
    case 'model_topic':
      return a.answers.map(modelLine);
    case 'overview':
      return a.control ? [modelLine({ ...a.control, summary: a.control.text })] : [];
    default:
      return [];
  }
}

export function toJson(a: Answer): AnswerJson {
  if (a.kind === 'not_covered') {
    return {
      query: a.query,
      kind: a.kind,
      services: [{ id: a.service.id, name: a.service.name, category: null }],
      topic: a.topic ? { id: a.topic.id, name: a.topic.name } : null,
      control: null,
      answers: a.answers.map(modelLine),
      suggestions: [],
    };
  }
  const topic =
    a.kind === 'topic' || a.kind === 'compare' || a.kind === 'no_match' || a.kind === 'model_topic'
      ? a.topic
      : undefined;
  const control = a.kind === 'overview' ? a.control : undefined;
  return {
    query: a.query,
    kind: a.kind,
    services: servicesOf(a).map(brief),
    topic: topic ? { id: topic.id, name: topic.name } : null,
    control: control ? { id: control.id, name: control.name } : null,
    answers: answersOf(a),
    suggestions: a.kind === 'no_match' ? a.suggestions.map((s) => ({ id: s.id, name: s.name })) : [],
  };
}
