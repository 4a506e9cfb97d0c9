import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';

/** Which Slack events were already answered, so that a retry, or the same event at another replica, is answered once. */
export interface EventLog {
  /** True the first time an event id is recorded (within the retention), false after. */
  firstTime(eventId: string): Promise<boolean>;
}

/** Where srm-bot keeps what must outlive a request: workspaces' installations and handled events. */
export interface Store {
  readonly kind: 'memory' | 'sqlite' | 'postgres';
  /** Undefined in single-workspace mode without a database: the one token comes from the environment. */
  readonly installations?: InstallationStore;
  readonly events: EventLog;
  close(): Promise<void>;
}

/** How long a handled event id is kept: Slack retries an event three times within minutes. */
export const EVENT_RETENTION_MS = 60 * 60 * 1000;

/**
 * One installation per workspace, or per organization for an org-wide install: the key both
 * storing and looking up agree on.
 */
export function installationKey(q: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E:${q.enterpriseId}`;
  if (q.teamId) return `T:${q.teamId}`;
  throw new Error('an installation needs a team id, or an enterprise id for an org-wide install');
}

export const keyOfInstallation = (i: Installation): string =>
  installationKey({
    isEnterpriseInstall: i.isEnterpriseInstall === true,
    enterpriseId: i.enterprise?.id,
    teamId: i.team?.id,
  });

export const keyOfQuery = (q: InstallationQuery<boolean>): string =>
  installationKey({
    isEnterpriseInstall: q.isEnterpriseInstall,
    enterpriseId: q.enterpriseId,
    teamId: q.teamId,
  });

export class InstallationMissing extends Error {
  constructor(key: string) {
    super(`no installation for ${key}`);
  }
}
