let counter = 0;

export interface EmlInput {
  from: string;
  to: string;
  cc?: string;
  subject: string;
  text: string;
  id?: string;
  inReplyTo?: string;
  references?: string[];
  date?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string }[];
}

/** A plain-text email as a mail client would send it; ids are unique unless given. */
export function eml(input: EmlInput): Buffer {
  const id = input.id ?? `<test-${++counter}-${Date.now()}@agency.example>`;
  const headers = [
    `From: ${input.from}`,
    `To: ${input.to}`,
    ...(input.cc ? [`Cc: ${input.cc}`] : []),
    `Subject: ${input.subject}`,
    `Date: ${input.date ?? 'Mon, 2 Nov 2026 10:00:00 +0000'}`,
    `Message-ID: ${id}`,
    ...(input.inReplyTo ? [`In-Reply-To: ${input.inReplyTo}`] : []),
    ...(input.references?.length ? [`References: ${input.references.join(' ')}`] : []),
    ...Object.entries(input.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
  ];
  if (!input.attachments?.length) {
    return Buffer.from([...headers, 'Content-Type: text/plain; charset=utf-8', '', input.text, ''].join('\r\n'));
  }
  const parts = [
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    input.text,
    ...input.attachments.flatMap((a) => [
      '--b1',
      `Content-Type: ${a.contentType}; name="${a.filename}"`,
      `Content-Disposition: attachment; filename="${a.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('form').toString('base64'),
    ]),
    '--b1--',
  ];
  return Buffer.from([...headers, 'Content-Type: multipart/mixed; boundary="b1"', '', ...parts, ''].join('\r\n'));
}

/** The Message-ID `eml` would give a message, for replies. */
export function messageIdOf(raw: Buffer): string {
  return /^Message-ID: (<[^>]+>)/m.exec(raw.toString())?.[1] ?? '';
}
