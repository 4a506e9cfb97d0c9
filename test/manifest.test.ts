import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { BOT_SCOPES } from '../src/slack/install/installer.js';

// Slack's published JSON Schema for app manifests, shared beside the repository (read-only).
const SCHEMA = join(__dirname, '..', '..', 'shared', 'slack-manifest-schema', 'manifest.schema.1.0.0.json');
const manifest = parse(readFileSync(join(__dirname, '..', 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  it("validates against Slack's manifest schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('uri', (u: string) => URL.canParse(u));
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('asks for exactly the scopes and events the bot uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'im:history',
    ]);
    // The install flow asks for the same scopes as the manifest.
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    // message.channels would deliver every @-mention a second time.
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'message.im',
      'tokens_revoked',
    ]);
  });

  it('defines /srm, a writable messages tab, interactivity and Socket Mode', () => {
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({
      command: '/srm',
      description: expect.any(String),
      usage_hint: expect.any(String),
    });
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.features.app_home).toMatchObject({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
