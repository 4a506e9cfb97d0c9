import type { Answer, TopicAnswer } from '../engine/index.js';
import type { Owner, Service } from '../knowledge/types.js';

/** The CLI's `--json` object: one per question, stable field names for scripts and tests. */
export interface AnswerJson {
  query: string;
  kind: Answer['kind'];
  services: { id: string; name: string; category: string }[];
  topic: { id: string; name: string } | null;
  answers: { service: string; owner: Owner; summary: string; mode?: string; sources: string[] }[];
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

function answerJson(x: TopicAnswer): AnswerJson['answers'][number] {
  return {
    service: x.service.id,
    owner: x.owner,
    summary: x.summary,
    ...(x.mode ? { mode: x.mode.id } : {}),
    sources: [...x.sources],
  };
}

export function toJson(a: Answer): AnswerJson {
  const topic = a.kind === 'topic' || a.kind === 'compare' || a.kind === 'no_match' ? a.topic : undefined;
  return {
    query: a.query,
    kind: a.kind,
    services: servicesOf(a).map(brief),
    topic: topic ? { id: topic.id, name: topic.name } : null,
    answers: a.kind === 'topic' || a.kind === 'compare' ? a.answers.map(answerJson) : [],
    suggestions: a.kind === 'no_match' ? a.suggestions.map((s) => ({ id: s.id, name: s.name })) : [],
  };
}
