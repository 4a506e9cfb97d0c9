import type { Owner } from '../knowledge/types.js';

/** How each owner is said, in every renderer. */
export const OWNER_LABEL: Record<Owner, string> = {
  aws: 'AWS',
  customer: 'You (the customer)',
  shared: 'Shared: AWS and you',
};

export const OWNER_EMOJI: Record<Owner, string> = {
  aws: ':cloud:',
  customer: ':bust_in_silhouette:',
  shared: ':handshake:',
};

export const BASIS_LABEL = {
  whitepaper: 'as named in the AWS Security Best Practices whitepaper',
  derived: "srm-bot's placement; the whitepaper does not name this service",
} as const;

/** A readable label for a documentation link: the page's file name without extension. */
export function sourceLabel(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    const page = pathname.split('/').filter(Boolean).pop() ?? hostname;
    const name = page.replace(/\.(html|pdf)$/, '').replace(/[-_]+/g, ' ');
    return name.length > 0 && name !== 'index' ? name : hostname;
  } catch {
    return url;
  }
}

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

export const EXAMPLES = [
  's3',
  'who patches the OS on RDS?',
  'lambda container image patching',
  'is dynamodb encrypted at rest',
  'compare ec2 rds lambda',
  'abstracted',
  'list',
  'model',
] as const;
