/** The settings srm-bot accepts from the secret: the two that must never sit in plain text. */
export const SECRET_KEYS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'] as const;

export interface SecretOptions {
  readonly env: Record<string, string | undefined>;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/**
 * The environment with the Slack secrets filled in from AWS Secrets Manager, read through the AWS
 * Parameters and Secrets Lambda Extension (AWS's recommended way in Lambda: a local HTTP call,
 * cached by the extension, no SDK). `SLACK_SECRET_ID` names a secret whose value is a JSON object
 * with SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET. Without it, the environment is returned as is.
 */
export async function withSecrets(options: SecretOptions): Promise<Record<string, string | undefined>> {
  const { env } = options;
  const secretId = env.SLACK_SECRET_ID?.trim();
  if (!secretId) return env;
  const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
  const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`;
  const res = await (options.fetch ?? fetch)(url, {
    headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (!res.ok)
    throw new Error(`the secret ${secretId} could not be read (extension answered HTTP ${res.status})`);
  const { SecretString } = (await res.json()) as { SecretString?: string };
  let values: Record<string, unknown>;
  try {
    values = JSON.parse(SecretString ?? '') as Record<string, unknown>;
  } catch {
    throw new Error(`the secret ${secretId} must hold a JSON object with ${SECRET_KEYS.join(' and ')}`);
  }
  const merged = { ...env };
  for (const key of SECRET_KEYS) if (typeof values[key] === 'string') merged[key] = values[key];
  return merged;
}
