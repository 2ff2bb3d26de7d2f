import type { DateTime } from 'luxon';
import type { Case } from '../cases/case.js';
import { publicAddressOf, type Deployment, type Mailbox } from '../config.js';
import { formFileStem, type FilledForm } from '../forms/model.js';
import type { Trail } from '../forms/trail.js';
import { WORD_DOCUMENT, type Attachment, type OutgoingMail } from '../outgoing/mail.js';
import { sendOnce } from '../outgoing/send-once.js';
import { calendarFor } from '../policy/calendar.js';
import { stageRank } from '../policy/stages.js';
import type { CaseStore, Clock, Mailer } from '../ports.js';

export interface RecordDependencies {
  store: CaseStore;
  mailer: Mailer;
  clock: Clock;
  deployment: Deployment;
}

/**
 * What the partnership must keep, sent once each to its monitoring address: a policy's form when
 * a message brings the case to the form's stage (or past it), and the closure summary with the
 * forms when a message resolves it. Only the message that made the change (or its retry) sends:
 * later messages cost nothing. Each send is claimed first, so a retry or a duplicate delivery
 * never sends twice, and a failed send gives its claim back for the retry.
 */
export async function sendRecords(current: Case, mailbox: Mailbox, deps: RecordDependencies, messageId: string): Promise<void> {
  const { policy } = mailbox;
  const events = new Set(current.history.filter((entry) => entry.messageId === messageId).map((entry) => entry.event));
  const moved = events.has('opened') || events.has('advanced') || events.has('reopened');
  const due = moved
    ? policy.forms.filter(
        (form) =>
          form.stage !== undefined && form.when !== 'at-resolution' && stageRank(policy, current.stage) >= stageRank(policy, form.stage),
      )
    : [];
  const resolved = events.has('resolved') && current.status === 'resolved' && current.resolvedAt !== null;
  if (due.length === 0 && !resolved) return;
  // What writes the records loads when one is due: most messages make none.
  const { Trail, fillForms, formHtml, closureSummary, formNotice } = await import('./compose.js');

  // Read once a send is claimed, and once for all of them: most retries find everything sent already.
  let trail: Trail | undefined;
  let forms: FilledForm[] | undefined;
  const trailOf = () =>
    (trail ??= new Trail(current, {
      policy,
      calendar: calendarFor(policy, deps.deployment.closureDays),
      now: deps.clock.now(),
      partnershipAddresses: [mailbox.address, ...mailbox.partnershipAddresses, mailbox.monitoringAddress],
      agencies: deps.deployment.agencies,
    }));
  const filled = () => (forms ??= fillForms(trailOf()));
  const base = () => ({
    policy,
    mailbox: publicAddressOf(mailbox),
    monitoringAddress: mailbox.monitoringAddress,
    log: trailOf().log,
    date: (instant: DateTime) => trailOf().date(instant),
  });

  for (const form of due) {
    await sendRecord(`form:${current.ref}:${form.id}`, deps, async () => {
      const forms = filled().filter((f) => f.formId === form.id);
      return formNotice(current, form, { ...base(), attachments: await attachmentsOf(forms, 'stage', formHtml) });
    });
  }
  if (resolved) {
    await sendRecord(`closure:${current.ref}:${current.resolvedAt}`, deps, async () =>
      closureSummary(current, { ...base(), attachments: await attachmentsOf(filled(), 'closure', formHtml) }),
    );
  }
}

/** One record, sent once: composed only once its send is claimed. */
async function sendRecord(id: string, deps: RecordDependencies, compose: () => Promise<OutgoingMail>): Promise<void> {
  await sendOnce(deps.store, deps.clock, id, async () => deps.mailer.send(await compose()));
}

/** Each form as Word and as HTML. The Word writer loads on first use: most messages never need it. */
async function attachmentsOf(
  forms: FilledForm[],
  occasion: 'stage' | 'closure',
  formHtml: (form: FilledForm) => string,
): Promise<Attachment[]> {
  const { formDocx } = await import('../forms/docx.js');
  const attachments: Attachment[] = [];
  for (const form of forms) {
    const stem = formFileStem(form, occasion);
    attachments.push({ filename: `${stem}.docx`, contentType: WORD_DOCUMENT, content: await formDocx(form) });
    attachments.push({ filename: `${stem}.html`, contentType: 'text/html; charset=utf-8', content: Buffer.from(formHtml(form), 'utf8') });
  }
  return attachments;
}
