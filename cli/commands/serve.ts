import * as z from 'zod';
import { systemClock } from '../../lib/clock.js';
import { loadLocalConfig } from '../../lib/local/local-config.js';
import { startLocalRuntime } from '../../lib/local/runtime.js';
import { parseCommandArgs } from '../args.js';
import type { Io } from '../io.js';

export const SERVE_USAGE = 'serve [--config <file.json>] [--port <smtp port>] [--data <folder>]';

const ArgsSchema = z.object({
  config: z.string().optional(),
  port: z.coerce.number({ error: 'a port number' }).int().min(0).max(65_535).optional(),
  data: z.string().min(1).optional(),
  positionals: z.array(z.string()).max(0, { error: 'serve takes no arguments besides its options' }),
});

/** The local runtime: the product on this machine, mail in by SMTP, mail out to files. Runs until Ctrl-C. */
export async function serveCommand(argv: readonly string[], io: Io): Promise<void> {
  const args = parseCommandArgs(
    'serve',
    argv,
    { config: { type: 'string' }, port: { type: 'string' }, data: { type: 'string' } },
    ArgsSchema,
  );
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
  const mailbox = deployment.mailboxes[0];
  io.out(
    [
      'Escalation mailbox, running locally.',
      ...deployment.mailboxes.map(
        (m) => `  Inbox    smtp://127.0.0.1:${runtime.smtpPort} takes mail for ${m.address} (policy ${m.policy.id})`,
      ),
      `  Data     ${dataDir}/ keeps cases and pending reminders across restarts; sent mail is written to ${dataDir}/outbox/`,
      ...(config.relay ? [`  Relay    outgoing mail is also sent to smtp://${config.relay.host}:${config.relay.port}`] : []),
      '',
      'Copy the mailbox on a message, as practitioners do. For example, with Python:',
      `  python3 -c 'import smtplib,sys; smtplib.SMTP("127.0.0.1",${runtime.smtpPort}).sendmail("jane.smith@swindon-council.example",["${mailbox?.address ?? ''}"],open(sys.argv[1],"rb").read())' test/fixtures/mail/swindon-01-open-stage2-outlook.eml`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.out('Stopping: finishing the messages in hand…');
  await runtime.stop();
  io.out('Stopped.');
}
