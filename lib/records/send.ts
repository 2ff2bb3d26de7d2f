import type { DateTime } from 'luxon';
import type { Case } from '../cases/case.js';
import { publicAddressOf, type Deployment, type Mailbox } from '../config.js';
import { formFileStem, type FilledForm } from '../forms/model.js';
import type { Trail } from '../forms/trail.js';
import { WORD_DOCUMENT, type Attachment, type OutgoingMail } from '../outgoing/mail.js';
import { sendOnceOnCase } from '../outgoing/send-once.js';
import { calendarFor } from '../policy/calendar.js';
import { stageRank } from '../policy/stages.js';
import type { CaseStore, Clock, Mailer } from '../ports.js';

export interface RecordDependencies {
  store: CaseStore;
  mailer: Mailer;
  clock: Clock;
  deployment: Deployment;
}

/** The records a message made due on its case: the forms of the stage it brought the case to (or past), the closure summary when it resolved it. */
function recordsDue(current: Case, mailbox: Mailbox, messageId: string) {
  const { policy } = mailbox;
  const events = new Set(current.history.filter((entry) => entry.messageId === messageId).map((entry) => entry.event));
  const moved = events.has('opened') || events.has('advanced') || events.has('reopened');
  const forms = moved
    ? policy.forms.filter(
        (form) =>
          form.stage !== undefined && form.when !== 'at-resolution' && stageRank(policy, current.stage) >= stageRank(policy, form.stage),
      )
    : [];
  const resolved = events.has('resolved') && current.status === 'resolved' && current.resolvedAt !== null;
  return {
    forms: forms.map((form) => ({ form, id: `form:${current.ref}:${form.id}` })),
    closure: resolved ? `closure:${current.ref}:${current.resolvedAt ?? ''}` : null,
  };
}

/** The send ids of the records a message made due on its case, so that the case write that made them due claims them. */
export function recordSendIds(current: Case, mailbox: Mailbox, messageId: string): string[] {
  const { forms, closure } = recordsDue(current, mailbox, messageId);
  return [...forms.map((f) => f.id), ...(closure ? [closure] : [])];
}

/**
 * What the partnership must keep, sent once each to its monitoring address: a policy's form when
 * a message brings the case to the form's stage (or past it), and the closure summary with the
 * forms when a message resolves it. Only the message that made the change (or its retry) sends:
 * later messages cost nothing. Each send is claimed on the case (by the case write that made it
 * due, `claimed`, or here), so a retry or a duplicate delivery never sends twice, and a failed
 * send gives its claim back for the retry.
 */
export async function sendRecords(
  current: Case,
  mailbox: Mailbox,
  deps: RecordDependencies,
  messageId: string,
  claimed: ReadonlySet<string> = new Set(),
): Promise<void> {
  const { policy } = mailbox;
  const { forms: due, closure } = recordsDue(current, mailbox, messageId);
  if (due.length === 0 && !closure) return;
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
  /** One record, sent once: composed only once its send is claimed. */
  const sendRecord = async (id: string, compose: () => Promise<OutgoingMail>) => {
    const send = async () => {
      await deps.mailer.send(await compose());
      return undefined;
    };
    await sendOnceOnCase(deps.store, deps.clock, current, id, send, { claimed: claimed.has(id) });
  };

  for (const { form, id } of due) {
    await sendRecord(id, async () => {
      const forms = filled().filter((f) => f.formId === form.id);
      return formNotice(current, form, { ...base(), attachments: await attachmentsOf(forms, 'stage', formHtml) });
    });
  }
  if (closure) {
    await sendRecord(closure, async () =>
      closureSummary(current, { ...base(), attachments: await attachmentsOf(filled(), 'closure', formHtml) }),
    );
  }
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
