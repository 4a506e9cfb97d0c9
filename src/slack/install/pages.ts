import type { ServerResponse } from 'node:http';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A small self-contained page: no scripts, no outside resources, never cached. */
export function sendPage(res: ServerResponse, status: number, title: string, lines: string[]): void {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 36em; margin: 4em auto; line-height: 1.5">
<h1>${escapeHtml(title)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** What a failed install tells the person, by the installer's error code. */
export function failureLines(code: string): { status: number; lines: string[] } {
  switch (code) {
    case 'slack_oauth_invalid_state':
    case 'slack_oauth_missing_state':
      return {
        status: 400,
        lines: [
          'This install link is not valid for this browser: it was not started here, it expired (after 10 minutes), or it was already used.',
          'Start again from the install page of srm-bot.',
        ],
      };
    case 'slack_oauth_installer_authorization_error':
      return { status: 400, lines: ['The installation was cancelled in Slack. Nothing was installed.'] };
    default:
      return {
        status: 500,
        lines: [
          'Slack did not complete the installation. Nothing was installed. Please try again in a moment.',
        ],
      };
  }
}
