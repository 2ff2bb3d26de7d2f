import { parseMessage } from '../lib/mail/parse.js';

/**
 * Messages built to make text handling slow: CPU per MB of message through parseMessage (MIME,
 * HTML to text, new text, history headers), the median of three runs. Goal: at most 1 s per MB.
 */
const MB = 1024 * 1024;

function message(body: string, contentType = 'text/plain', subject = 'Re: hostile'): Buffer {
  return Buffer.from(
    [
      'From: Sender <sender@example.org>',
      'To: Mailbox <mailbox@example.org>',
      `Subject: ${subject}`,
      'Date: Mon, 02 Mar 2026 10:00:00 +0000',
      'Message-ID: <hostile@example.org>',
      'MIME-Version: 1.0',
      `Content-Type: ${contentType}; charset=utf-8`,
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
    ].join('\r\n'),
  );
}

const nested = 200_000;
export const HOSTILE: Record<string, () => Buffer> = {
  /** One line "On …" full of "wrote", 1 MB: the old attribution pattern took over 150 s. */
  onWrote1MB: () => message(`Reply.\n\nOn ${'wrote '.repeat(MB / 6)}`),
  /** The same with a colon after each "wrote", so that every position ends like an attribution. */
  onWroteColon1MB: () => message(`Reply.\n\nOn 1 ${'wrote: '.repeat(MB / 7)}`),
  /** 50,000 "Thanks" paragraphs: the old sign-off check read every following line for each (over 140 s). */
  thanks50k: () => message(`Reply.\n\n${'Thanks\n\n'.repeat(50_000)}${'a long last line '.repeat(10)}`),
  /** HTML only, 200,000 <div>s deep (2.2 MB): html-to-text took up to a minute. */
  htmlNested200k: () => message(`<html><body>${'<div>'.repeat(nested)}Reply.${'</div>'.repeat(nested)}</body></html>`, 'text/html'),
  /** HTML only, 1 MB of "<" with no tag ever closed. */
  htmlOpenAngles1MB: () => message(`<html><body>Reply.${'<a '.repeat(MB / 3)}</body></html>`, 'text/html'),
  /** 1 MB of spaces on one line, then a letter (trailing-space trims). */
  spaces1MB: () => message(`Reply.\n${' '.repeat(MB)}x\n`),
  /** A quoted From line with a 1 MB address-like value (forwarded people). */
  fromLine1MB: () => message(`Reply.\n\n-----Original Message-----\nFrom: ${'a'.repeat(MB)}@\nSent: Monday\n`),
  /** 1 MB of alternating quoted and unquoted lines (inline-reply handling). */
  inline1MB: () => message('> q\na\n'.repeat(MB / 6)),
  /** Many short lines that each start like a wrapped attribution. */
  onLines1MB: () => message('On 1 May, Bob\n'.repeat(MB / 14)),
};

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export async function benchHostile(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = { bench: 'hostile' };
  for (const [name, build] of Object.entries(HOSTILE)) {
    const raw = build();
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = cpuMs();
      await parseMessage(raw, { ownLoop: 'escalations@partnership.example' });
      runs.push(cpuMs() - start);
    }
    const median = runs.sort((a, b) => a - b)[1] ?? 0;
    figures[`${name}CpuMsPerMB`] = Math.round(median / (raw.length / MB));
  }
  figures.goalCpuMsPerMB = 1000;
  return figures;
}
