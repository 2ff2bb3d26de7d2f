import type { DateTime } from 'luxon';
import { shortDate } from '../calendar/wording.js';
import type { Case } from '../cases/case.js';
import type { Deployment, Mailbox } from '../config.js';
import { formFileStem, type FilledForm } from '../forms/model.js';
import { fillForms } from '../forms/fill.js';
import { formHtml } from '../forms/html.js';
import type { FormContext } from '../forms/trail.js';
import { WORD_DOCUMENT, type Attachment, type OutgoingMail } from '../outgoing/mail.js';
import { closureSummary, formNotice } from '../outgoing/records.js';
import { calendarFor } from '../policy/calendar.js';
import { stageRank } from '../policy/stages.js';
import type { CaseStore, Clock, Mailer } from '../ports.js';
import { stageLog } from './stage-log.js';

export interface RecordDependencies {
  store: CaseStore;
  mailer: Mailer;
  clock: Clock;
  deployment: Deployment;
}

/**
 * What the partnership must keep, sent once each to its monitoring address: a policy's form when
 * the case first reaches the form's stage, and the closure summary with the forms when it is
 * resolved. Each send is claimed first, so retries and duplicate deliveries never send twice.
 */
export async function sendRecords(current: Case, mailbox: Mailbox, deps: RecordDependencies): Promise<void> {
  const { policy } = mailbox;
  const context: FormContext = {
    policy,
    calendar: calendarFor(policy, deps.deployment.closureDays),
    now: deps.clock.now(),
    partnershipAddresses: [mailbox.address, ...mailbox.partnershipAddresses, mailbox.monitoringAddress],
    agencies: deps.deployment.agencies,
  };
  const due = policy.forms.filter(
    (form) =>
      form.stage !== undefined && form.when !== 'at-resolution' && stageRank(policy, current.stage) >= stageRank(policy, form.stage),
  );
  const resolved = current.status === 'resolved' && current.resolvedAt !== null;
  if (due.length === 0 && !resolved) return;

  const forms = fillForms(current, context);
  const log = stageLog(current, policy, context.calendar, context.now);
  const date = (instant: DateTime) => shortDate(instant, policy.timezone);
  const base = { policy, mailbox: mailbox.address, monitoringAddress: mailbox.monitoringAddress, log, date };

  for (const form of due) {
    const filled = forms.find((f) => f.formId === form.id);
    if (!filled) continue;
    await sendOnce(`form:${current.ref}:${form.id}`, deps, async () =>
      formNotice(current, form, { ...base, attachments: await attachmentsOf([filled], 'stage') }),
    );
  }
  if (resolved) {
    await sendOnce(`closure:${current.ref}:${current.resolvedAt}`, deps, async () =>
      closureSummary(current, { ...base, attachments: await attachmentsOf(forms, 'closure') }),
    );
  }
}

async function sendOnce(id: string, deps: RecordDependencies, compose: () => Promise<OutgoingMail>): Promise<void> {
  if (!(await deps.store.claimSending(id))) return;
  try {
    await deps.mailer.send(await compose());
  } catch (error) {
    await deps.store.releaseSending(id);
    throw error;
  }
}

/** Each form as Word and as HTML. The Word writer loads on first use: most messages never need it. */
async function attachmentsOf(forms: FilledForm[], occasion: 'stage' | 'closure'): Promise<Attachment[]> {
  const { formDocx } = await import('../forms/docx.js');
  const attachments: Attachment[] = [];
  for (const form of forms) {
    const stem = formFileStem(form, occasion);
    attachments.push({ filename: `${stem}.docx`, contentType: WORD_DOCUMENT, content: await formDocx(form) });
    attachments.push({ filename: `${stem}.html`, contentType: 'text/html; charset=utf-8', content: Buffer.from(formHtml(form), 'utf8') });
  }
  return attachments;
}
