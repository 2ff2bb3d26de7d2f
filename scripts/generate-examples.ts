import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run generate:examples`: writes examples/<policy>/*.eml, one realistic thread per policy as
 * practitioners write them, and each folder's MAILBOX. `npm run demo` replays them; the banner of
 * `npm start` sends examples/swindon/01.eml.
 */
interface Email {
  date: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

const THREADS: Record<string, { mailbox: string; thread: Email[] }> = {
  swindon: {
    mailbox: 'safeguardingpartnership@swindon.example',
    thread: [
      {
        date: 'Mon, 2 Nov 2026 09:30:00 +0000',
        from: 'Ms K Ahmed <k.ahmed@ridgeway-school.example>',
        to: 'Family Connect <duty.sw@swindon-council.example>',
        subject: 'Professional disagreement - referral outcome',
        text: 'Dear colleague,\n\nI do not agree with the decision to close our referral of 27 October without an assessment. I have discussed it with my line manager (Stage 1) and I am now raising it with you as a Stage 2 inter-agency discussion under the Swindon Resolution Policy.\n\nCould we speak this week?\n\nKind regards\nK Ahmed\nDesignated Safeguarding Lead',
      },
      {
        date: 'Mon, 9 Nov 2026 14:10:00 +0000',
        from: 'Family Connect <duty.sw@swindon-council.example>',
        to: 'Ms K Ahmed <k.ahmed@ridgeway-school.example>',
        subject: 'RE: Professional disagreement - referral outcome',
        text: 'Thank you for the call on Thursday. We have not been able to agree, so I am escalating this to Stage 3: my team manager will contact your head teacher this week.\n\nRegards\nDuty Social Worker',
      },
      {
        date: 'Wed, 18 Nov 2026 11:00:00 +0000',
        from: 'Team Manager <tm.north@swindon-council.example>',
        to: 'Head Teacher <head@ridgeway-school.example>',
        subject: 'RE: Professional disagreement - referral outcome',
        text: 'Thank you for meeting yesterday. We have agreed a way forward: the referral will be reopened for a single assessment, so I consider the matter resolved.\n\nBest wishes\nTeam Manager',
      },
    ],
  },
  'hull-east-riding': {
    mailbox: 'hscp@hullcc.example',
    thread: [
      {
        date: 'Tue, 3 Nov 2026 10:00:00 +0000',
        from: 'Health Visitor <hv.east@humber-nhs.example>',
        to: 'Early Help <earlyhelp@hullcc.example>',
        subject: 'Professional difference - missed appointments',
        text: 'Hello,\n\nUnder the Professional Resolution Practice Guidance I am raising this at Stage 1, practitioner to practitioner: we disagree with closing the early help plan while appointments are being missed.\n\nThanks\nHealth Visitor',
      },
      {
        date: 'Wed, 4 Nov 2026 16:30:00 +0000',
        from: 'Health Visiting Team Leader <hv.lead@humber-nhs.example>',
        to: 'Early Help Manager <eh.manager@hullcc.example>',
        subject: 'RE: Professional difference - missed appointments',
        text: 'Dear colleague,\n\nWe could not resolve this yesterday, so we are escalating to Stage 2, line manager to line manager. Please respond by email with the actions you propose.\n\nRegards\nTeam Leader',
      },
      {
        date: 'Fri, 6 Nov 2026 11:00:00 +0000',
        from: 'Named Nurse <named.nurse@humber-nhs.example>',
        to: 'Group Manager <group.manager@hullcc.example>',
        subject: 'RE: Professional difference - Stage 3 written escalation',
        text: 'Dear Group Manager,\n\nThis is our written escalation at Stage 3. Actions so far: a practitioner discussion on 3 November and a line manager call on 5 November. We remain concerned that closing the plan leaves the baby without oversight.\n\nNamed Nurse',
      },
      {
        date: 'Thu, 12 Nov 2026 15:00:00 +0000',
        from: 'Group Manager <group.manager@hullcc.example>',
        to: 'Named Nurse <named.nurse@humber-nhs.example>',
        subject: 'RE: Professional difference - Stage 3 written escalation',
        text: 'Thank you. Following our discussion we have reached an agreement: the plan stays open with a joint visit next week. The outcome is recorded on both files.\n\nGroup Manager',
      },
    ],
  },
  wiltshire: {
    mailbox: 'lscb@wiltshire.example',
    thread: [
      {
        date: 'Mon, 2 Nov 2026 09:00:00 +0000',
        from: 'Pre-school Manager <manager@downs-preschool.example>',
        to: 'Children in Need Team <cin.manager@wiltshire-council.example>',
        subject: 'Escalation - Stage One',
        text: 'Dear Team Manager,\n\nOur playleader has discussed this with the social worker without agreement. I am raising it with you as manager to manager at Stage One of the WSCB escalation policy: we believe the step-down is unsafe.\n\nRegards\nPre-school Manager',
      },
      {
        date: 'Tue, 10 Nov 2026 10:00:00 +0000',
        from: 'Chair of Committee <chair@downs-preschool.example>',
        to: 'Senior Manager <senior.manager@wiltshire-council.example>',
        subject: 'RE: Escalation - Stage One',
        text: 'Dear Senior Manager,\n\nThe managers have not resolved this, so I am taking it to Stage Two.\n\nChair of Committee',
      },
      {
        date: 'Fri, 13 Nov 2026 12:00:00 +0000',
        from: 'Chair of Committee <chair@downs-preschool.example>',
        to: 'WSCB <lscb@wiltshire.example>',
        subject: 'RE: Escalation - Stage 3 referral to the WSCB',
        text: 'Dear Board Manager,\n\nIt has not been possible to resolve this at Stage Two, and I would like to refer it to the WSCB nominated representative.\n\nChair of Committee',
      },
      {
        date: 'Wed, 18 Nov 2026 16:00:00 +0000',
        from: 'Senior Manager <senior.manager@wiltshire-council.example>',
        to: 'WSCB Business Support <lscb@wiltshire.example>',
        subject: 'RE: Escalation - outcome',
        text: "Hello,\n\nThe Independent Chair's decision has been accepted and the disagreement has been resolved: the case stays open at child in need. The Notification of an Escalation form is attached.\n\nSenior Manager",
      },
    ],
  },
  'telford-wrekin': {
    mailbox: 'twsp@telford.example',
    thread: [
      {
        date: 'Mon, 2 Nov 2026 09:00:00 +0000',
        from: 'Academy DSL <dsl@telford-academy.example>',
        to: 'Family Connect <sw@telford-council.example>',
        subject: 'Professional disagreement - Stage 1',
        text: 'Dear colleague,\n\nI am raising this at Stage 1 of the TWSP Resolution and Escalation process, verbally and now in writing: we disagree with the decision to take no further action.\n\nRegards\nDesignated Safeguarding Lead',
      },
      {
        date: 'Thu, 12 Nov 2026 09:30:00 +0000',
        from: 'Head Teacher <head@telford-academy.example>',
        to: 'Team Manager <tm@telford-council.example>',
        subject: 'RE: Professional disagreement - Stage 1',
        text: 'Dear Team Manager,\n\nThe practitioners were unable to find a way forward, so we are moving this to Stage 2.\n\nHead Teacher',
      },
      {
        date: 'Wed, 18 Nov 2026 10:00:00 +0000',
        from: 'Head Teacher <head@telford-academy.example>',
        to: 'Service Manager <sm@telford-council.example>',
        subject: 'RE: Professional disagreement - formal escalation',
        text: 'Dear Service Manager,\n\nPlease find our TWSP Resolution and Escalation Referral Form attached.\n\nHead Teacher',
      },
      {
        date: 'Mon, 23 Nov 2026 15:00:00 +0000',
        from: 'Service Manager <sm@telford-council.example>',
        to: 'Head Teacher <head@telford-academy.example>',
        subject: 'RE: Professional disagreement - formal escalation',
        text: 'Dear Head Teacher,\n\nFollowing our meeting I can confirm we agree with your position: a strategy discussion is booked for tomorrow. I am happy for this to be closed as resolved.\n\nService Manager',
      },
    ],
  },
  sunderland: {
    mailbox: 'sscp@sunderland.example',
    thread: [
      {
        date: 'Mon, 9 Nov 2026 10:00:00 +0000',
        from: 'PC 1234 <pc1234@northumbria-police.example>',
        to: 'Early Help Worker <ehw@sunderland-council.example>',
        subject: 'Dispute resolution - Step 1',
        text: "Hi,\n\nUnder Step 1 of the SSCP dispute resolution protocol I'd like to discuss the decision to close the early help assessment.\n\nThanks",
      },
      {
        date: 'Mon, 16 Nov 2026 11:00:00 +0000',
        from: 'Early Help Worker <ehw@sunderland-council.example>',
        to: 'PC 1234 <pc1234@northumbria-police.example>',
        subject: 'RE: Dispute resolution - Step 1',
        text: 'Hello, this has now moved to Step 2: my line manager will contact your sergeant.\n\nEarly Help Worker',
      },
      {
        date: 'Tue, 24 Nov 2026 09:30:00 +0000',
        from: 'Sergeant 5678 <sgt5678@northumbria-police.example>',
        to: 'Line Manager <lm@sunderland-council.example>',
        subject: 'RE: Dispute resolution - Step 3',
        text: 'Please see the updated subject line: we are taking this to Step 3 and our Inspector will set up a resolution meeting.\n\nSgt 5678',
      },
      {
        date: 'Mon, 7 Dec 2026 16:00:00 +0000',
        from: 'Line Manager <lm@sunderland-council.example>',
        to: 'Sergeant 5678 <sgt5678@northumbria-police.example>',
        subject: 'RE: Dispute resolution - Step 3',
        text: "Thank you, Sergeant. After today's resolution meeting I can confirm the dispute is now resolved: the assessment stays open for four more weeks.\n\nLine Manager",
      },
    ],
  },
};

/** A phrase in the text → the form attached to that message. */
const ATTACHMENTS: [string, string][] = [
  ['Notification of an Escalation form is attached', 'Notification of an Escalation.docx'],
  ['Escalation Referral Form attached', 'TWSP Resolution and Escalation Referral Form.docx'],
];

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
for (const [policy, { mailbox, thread }] of Object.entries(THREADS)) {
  const folder = join(examples, policy);
  mkdirSync(folder, { recursive: true });
  const ids: string[] = [];
  thread.forEach((email, index) => {
    const n = index + 1;
    const id = `<${policy}-${n}@example.mail>`;
    const headers = [
      `From: ${email.from}`,
      `To: ${email.to}`,
      `Cc: ${mailbox}`,
      `Subject: ${email.subject}`,
      `Date: ${email.date}`,
      `Message-ID: ${id}`,
      ...(ids.length > 0 ? [`In-Reply-To: ${ids.at(-1) ?? ''}`, `References: ${ids.join(' ')}`] : []),
      'MIME-Version: 1.0',
    ];
    const attachment = ATTACHMENTS.find(([phrase]) => email.text.includes(phrase))?.[1];
    const body = attachment
      ? [
          'Content-Type: multipart/mixed; boundary="part"',
          '',
          '--part',
          'Content-Type: text/plain; charset=utf-8',
          '',
          email.text,
          '--part',
          `Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="${attachment}"`,
          `Content-Disposition: attachment; filename="${attachment}"`,
          'Content-Transfer-Encoding: base64',
          '',
          'Zm9ybQ==',
          '--part--',
        ]
      : ['Content-Type: text/plain; charset=utf-8', '', email.text];
    writeFileSync(join(folder, `${String(n).padStart(2, '0')}.eml`), [...headers, ...body, ''].join('\r\n'));
    ids.push(id);
  });
  writeFileSync(join(folder, 'MAILBOX'), `${mailbox}\n`);
}
console.log(`wrote ${examples}`);
