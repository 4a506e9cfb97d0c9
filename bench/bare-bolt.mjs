// Child process of bench/load.ts: a bare Bolt app, with Bolt's defaults, that answers every /srm
// with one fixed message of REPLY_BYTES bytes of JSON, the size of srm-bot's median answer.
// Plain JavaScript, run by node itself, so that nothing but Bolt stands between it and the load.
import bolt from '@slack/bolt';

const bytes = Number(process.env.REPLY_BYTES ?? 2000);
const filler = 'x'.repeat(Math.max(0, bytes - 120));
const message = {
  response_type: 'ephemeral',
  text: 'Fixed answer',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: filler } }],
};

const app = new bolt.App({
  token: 'xoxb-bench',
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  logLevel: bolt.LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/srm', async ({ ack, respond }) => {
  await ack();
  await respond(message);
});
await app.start(Number(process.env.PORT));
process.stdout.write('ready\n');
process.on('SIGTERM', () => process.exit(0));
