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

/** Labels for pages whose address says little. */
const PAGE_LABELS: Record<string, string> = {
  'aws.amazon.com/compliance/shared-responsibility-model/': 'AWS Shared Responsibility Model',
  'd1.awsstatic.com/whitepapers/Security/AWS_Security_Best_Practices.pdf':
    'AWS Security Best Practices (2016)',
  'aws.amazon.com/compliance/programs/': 'AWS compliance programs',
  'aws.amazon.com/compliance/services-in-scope/': 'AWS services in scope by compliance program',
  'docs.aws.amazon.com/security/': 'AWS security documentation by service',
};

/** Prefixes of AWS page names that say nothing to a reader ("USER_", "CHAP_", "Overview."). */
const NOISE = /^(user|chap|overview|concepts|aws|amazon|api|gs|id|dg|ug|mem|red)[._-]+/i;

/**
 * A readable label for a documentation link: "Security in Amazon S3" for a security chapter,
 * otherwise the page's name in words ("USER_UpgradeDBInstance.Maintenance" → "Upgrade DB
 * instance maintenance").
 */
export function sourceLabel(url: string, serviceName?: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    const known = PAGE_LABELS[`${hostname}${pathname}`];
    if (known) return known;
    const page = (pathname.split('/').filter(Boolean).pop() ?? hostname).replace(/\.(html|pdf|md)$/, '');
    if (/^([a-z0-9-]+-)?security$/i.test(page))
      return serviceName ? `Security in ${serviceName}` : 'Security chapter';
    let words = page;
    for (let i = 0; i < 3 && NOISE.test(words); i++) words = words.replace(NOISE, '');
    words = words
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/[-_.]+/g, ' ')
      .trim();
    if (!words || words === 'index') return hostname;
    const text =
      words.charAt(0).toUpperCase() +
      words
        .slice(1)
        .toLowerCase()
        .replace(/\b(db|os|ssl|tls|kms|iam|vpc|api|s3|ec2|aws)\b/g, (w) => w.toUpperCase());
    return text;
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

/** A summary's sentences: the first is the verdict an answer leads with. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.;])\s+(?=[A-Z])/);
}
