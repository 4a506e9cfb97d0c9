import type { OutOfScopeReason } from '../engine/index.js';
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

/** Said with a service's topic answer that comes from the topic's general rule, not the service's own file. */
export function basisLine(
  basis: 'service' | 'all' | 'category' | 'unanswered',
  category: { name: string },
): string | undefined {
  if (basis === 'all') return 'General rule, the same for every AWS service.';
  if (basis === 'category' || basis === 'unanswered')
    return `General rule for ${category.name.toLowerCase()}; this service has no answer of its own yet.`;
  return undefined;
}

/** How current the cited facts are: the oldest check date among them, once, small. */
export function checkedLine(dates: readonly string[]): string {
  if (dates.length === 0 || dates.some((d) => d === ''))
    return 'Some of these facts come from AWS documentation as archived in mid-2023 and have not been re-checked since.';
  const oldest = [...dates].sort()[0];
  return `Checked against AWS documentation on ${oldest}.`;
}

/** What srm-bot says when it declines a question, by reason; `link` is an AWS page to go on from. */
export const OUT_OF_SCOPE_TEXT: Record<
  OutOfScopeReason,
  { line: string; link?: { url: string; label: string } }
> = {
  price: {
    line: 'I answer who is responsible for security on AWS, not what things cost.',
    link: { url: 'https://aws.amazon.com/pricing/', label: 'AWS Pricing' },
  },
  figures: {
    line: 'I answer who is responsible for security on AWS, not SLA, uptime or durability figures.',
    link: {
      url: 'https://aws.amazon.com/legal/service-level-agreements/',
      label: 'AWS Service Level Agreements',
    },
  },
  other_cloud: {
    line: 'I cover AWS only. For another cloud, see that provider’s own shared responsibility documentation.',
  },
  how_to: {
    line: 'I answer who does what, not step-by-step how-to; the service’s AWS documentation has the steps. Ask me who is responsible for a part of it, e.g. `who patches ec2`.',
  },
  small_talk: {
    line: 'Hi! I answer who is responsible for security on AWS, you or AWS: try `who patches rds` or `help`.',
  },
};

export const SCOPE_LINE =
  'I answer AWS shared responsibility questions: who secures what, for the model, a service or a topic.';

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

export const EXAMPLES = [
  's3',
  'who patches the OS on RDS?',
  'whose job are backups?',
  'explain inherited controls',
  'lambda container image patching',
  'is dynamodb encrypted at rest',
  'compare ec2 rds lambda',
  'abstracted',
  'list',
  'model',
] as const;
