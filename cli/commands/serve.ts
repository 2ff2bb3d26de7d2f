import * as z from 'zod';
import { systemClock } from '../../lib/clock.js';
import { loadLocalConfig } from '../../lib/local/local-config.js';
import { startLocalRuntime } from '../../lib/local/runtime.js';
import { defineCommand, option, type Args } from '../command.js';
import type { Io } from '../io.js';

const OPTIONS = {
  config: option.string(
    '<file.json>',
    'mailboxes, policies and the rest (see examples/local-config.json; default: a sample Swindon mailbox)',
    z.string().optional(),
  ),
  port: option.string(
    '<port>',
    "the SMTP port on 127.0.0.1 (default: the configuration's smtpPort, 2525; 0 picks a free one)",
    z.coerce.number({ error: 'a port number' }).int().min(0).max(65_535).optional(),
  ),
  data: option.string(
    '<folder>',
    "where cases, pending reminders, the spool and the outbox live (default: the configuration's dataDir, .local)",
    z.string().min(1).optional(),
  ),
};

export const serve = defineCommand({
  name: 'serve',
  summary:
    'The local runtime behind `npm start`: an SMTP inbox, cases in an embedded store, reminders on the real clock, mail out to files.',
  description:
    'Every message is written to the spool (in the data folder) before it is answered 250 and removed once it is on its\n' +
    'case; a message left there by a crash is taken again at the next start. SIGINT (Ctrl-C) and SIGTERM stop it cleanly.',
  options: OPTIONS,
  examples: ['serve', 'serve --config examples/local-config.json --port 2526'],
  run: serveCommand,
});

/** The local runtime: the product on this machine, mail in by SMTP, mail out to files. Runs until Ctrl-C. */
async function serveCommand(args: Args<typeof OPTIONS>, io: Io): Promise<void> {
  // Listening for the signals comes first, so that one sent as soon as the banner shows (or before) is a clean stop.
  let stopRequested!: () => void;
  const stopping = new Promise<void>((resolve) => (stopRequested = resolve));
  const stop = () => {
    stopRequested();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const { config, deployment } = await loadLocalConfig(args.config);
    const dataDir = args.data ?? config.dataDir;
    const log = (line: string) => {
      io.out(`${new Date().toISOString().slice(0, 19).replace('T', ' ')}  ${line}`);
    };
    const runtime = await startLocalRuntime({
      deployment,
      dataDir,
      smtpPort: args.port ?? config.smtpPort,
      relay: config.relay,
      clock: systemClock,
      log,
    });
    const mailbox = deployment.mailboxes[0]?.address ?? '';
    io.out(
      [
        'Escalation mailbox, running locally.',
        ...deployment.mailboxes.map(
          (m) => `  Inbox    smtp://127.0.0.1:${runtime.smtpPort} takes mail for ${m.address} (policy ${m.policy.id})`,
        ),
        `  Data     ${dataDir}/ keeps cases, pending reminders and the spool across restarts; sent mail is written to ${dataDir}/outbox/`,
        ...(config.relay ? [`  Relay    outgoing mail is also sent to smtp://${config.relay.host}:${config.relay.port}`] : []),
        '',
        'Copy the mailbox on a message, as practitioners do. For example, from another terminal here:',
        `  ${sendExample(runtime.smtpPort, mailbox)}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await stopping;
    io.out('Stopping: finishing the messages in hand…');
    await runtime.stop();
    io.out('Stopped.');
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/**
 * A one-line send with Node and the nodemailer the project already has. The sample mailbox's
 * example is examples/swindon/01.eml, which is copied to that very mailbox.
 */
function sendExample(port: number, mailbox: string): string {
  const sample = mailbox === 'safeguardingpartnership@swindon.example';
  const file = sample ? 'examples/swindon/01.eml' : '<message.eml>';
  const from = sample ? 'k.ahmed@ridgeway-school.example' : 'someone@agency.example';
  return (
    `node -e 'require("nodemailer").createTransport({host:"127.0.0.1",port:${port}}).sendMail({envelope:{from:"${from}",to:["${mailbox}"]},` +
    `raw:require("fs").readFileSync(process.argv[1])}).then(()=>console.log("sent"))' ${file}`
  );
}
