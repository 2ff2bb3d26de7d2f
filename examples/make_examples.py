#!/usr/bin/env python3
"""Writes examples/<policy>/*.eml: one realistic thread per policy, as practitioners write them.
The demo (`npm run demo`) replays each folder. Run this from examples/ to rebuild them."""
import os

THREADS = {
  'swindon': ('safeguardingpartnership@swindon.example', [
    ('Mon, 2 Nov 2026 09:30:00 +0000', 'Ms K Ahmed <k.ahmed@ridgeway-school.example>', 'Family Connect <duty.sw@swindon-council.example>',
     'Professional disagreement - referral outcome',
     "Dear colleague,\n\nI do not agree with the decision to close our referral of 27 October without an assessment. I have discussed it with my line manager (Stage 1) and I am now raising it with you as a Stage 2 inter-agency discussion under the Swindon Resolution Policy.\n\nCould we speak this week?\n\nKind regards\nK Ahmed\nDesignated Safeguarding Lead"),
    ('Mon, 9 Nov 2026 14:10:00 +0000', 'Family Connect <duty.sw@swindon-council.example>', 'Ms K Ahmed <k.ahmed@ridgeway-school.example>',
     'RE: Professional disagreement - referral outcome',
     "Thank you for the call on Thursday. We have not been able to agree, so I am escalating this to Stage 3: my team manager will contact your head teacher this week.\n\nRegards\nDuty Social Worker"),
    ('Wed, 18 Nov 2026 11:00:00 +0000', 'Team Manager <tm.north@swindon-council.example>', 'Head Teacher <head@ridgeway-school.example>',
     'RE: Professional disagreement - referral outcome',
     "Thank you for meeting yesterday. We have agreed a way forward: the referral will be reopened for a single assessment, so I consider the matter resolved.\n\nBest wishes\nTeam Manager"),
  ]),
  'hull-east-riding': ('hscp@hullcc.example', [
    ('Tue, 3 Nov 2026 10:00:00 +0000', 'Health Visitor <hv.east@humber-nhs.example>', 'Early Help <earlyhelp@hullcc.example>',
     'Professional difference - missed appointments',
     "Hello,\n\nUnder the Professional Resolution Practice Guidance I am raising this at Stage 1, practitioner to practitioner: we disagree with closing the early help plan while appointments are being missed.\n\nThanks\nHealth Visitor"),
    ('Wed, 4 Nov 2026 16:30:00 +0000', 'Health Visiting Team Leader <hv.lead@humber-nhs.example>', 'Early Help Manager <eh.manager@hullcc.example>',
     'RE: Professional difference - missed appointments',
     "Dear colleague,\n\nWe could not resolve this yesterday, so we are escalating to Stage 2, line manager to line manager. Please respond by email with the actions you propose.\n\nRegards\nTeam Leader"),
    ('Fri, 6 Nov 2026 11:00:00 +0000', 'Named Nurse <named.nurse@humber-nhs.example>', 'Group Manager <group.manager@hullcc.example>',
     'RE: Professional difference - Stage 3 written escalation',
     "Dear Group Manager,\n\nThis is our written escalation at Stage 3. Actions so far: a practitioner discussion on 3 November and a line manager call on 5 November. We remain concerned that closing the plan leaves the baby without oversight.\n\nNamed Nurse"),
    ('Thu, 12 Nov 2026 15:00:00 +0000', 'Group Manager <group.manager@hullcc.example>', 'Named Nurse <named.nurse@humber-nhs.example>',
     'RE: Professional difference - Stage 3 written escalation',
     "Thank you. Following our discussion we have reached an agreement: the plan stays open with a joint visit next week. The outcome is recorded on both files.\n\nGroup Manager"),
  ]),
  'wiltshire': ('lscb@wiltshire.example', [
    ('Mon, 2 Nov 2026 09:00:00 +0000', 'Pre-school Manager <manager@downs-preschool.example>', 'Children in Need Team <cin.manager@wiltshire-council.example>',
     'Escalation - Stage One',
     "Dear Team Manager,\n\nOur playleader has discussed this with the social worker without agreement. I am raising it with you as manager to manager at Stage One of the WSCB escalation policy: we believe the step-down is unsafe.\n\nRegards\nPre-school Manager"),
    ('Tue, 10 Nov 2026 10:00:00 +0000', 'Chair of Committee <chair@downs-preschool.example>', 'Senior Manager <senior.manager@wiltshire-council.example>',
     'RE: Escalation - Stage One',
     "Dear Senior Manager,\n\nThe managers have not resolved this, so I am taking it to Stage Two.\n\nChair of Committee"),
    ('Fri, 13 Nov 2026 12:00:00 +0000', 'Chair of Committee <chair@downs-preschool.example>', 'WSCB <lscb@wiltshire.example>',
     'RE: Escalation - Stage 3 referral to the WSCB',
     "Dear Board Manager,\n\nIt has not been possible to resolve this at Stage Two, and I would like to refer it to the WSCB nominated representative.\n\nChair of Committee"),
    ('Wed, 18 Nov 2026 16:00:00 +0000', 'Senior Manager <senior.manager@wiltshire-council.example>', 'WSCB Business Support <lscb@wiltshire.example>',
     'RE: Escalation - outcome',
     "Hello,\n\nThe Independent Chair's decision has been accepted and the disagreement has been resolved: the case stays open at child in need. The Notification of an Escalation form is attached.\n\nSenior Manager"),
  ]),
  'telford-wrekin': ('twsp@telford.example', [
    ('Mon, 2 Nov 2026 09:00:00 +0000', 'Academy DSL <dsl@telford-academy.example>', 'Family Connect <sw@telford-council.example>',
     'Professional disagreement - Stage 1',
     "Dear colleague,\n\nI am raising this at Stage 1 of the TWSP Resolution and Escalation process, verbally and now in writing: we disagree with the decision to take no further action.\n\nRegards\nDesignated Safeguarding Lead"),
    ('Thu, 12 Nov 2026 09:30:00 +0000', 'Head Teacher <head@telford-academy.example>', 'Team Manager <tm@telford-council.example>',
     'RE: Professional disagreement - Stage 1',
     "Dear Team Manager,\n\nThe practitioners were unable to find a way forward, so we are moving this to Stage 2.\n\nHead Teacher"),
    ('Wed, 18 Nov 2026 10:00:00 +0000', 'Head Teacher <head@telford-academy.example>', 'Service Manager <sm@telford-council.example>',
     'RE: Professional disagreement - formal escalation',
     "Dear Service Manager,\n\nPlease find our TWSP Resolution and Escalation Referral Form attached.\n\nHead Teacher"),
    ('Mon, 23 Nov 2026 15:00:00 +0000', 'Service Manager <sm@telford-council.example>', 'Head Teacher <head@telford-academy.example>',
     'RE: Professional disagreement - formal escalation',
     "Dear Head Teacher,\n\nFollowing our meeting I can confirm we agree with your position: a strategy discussion is booked for tomorrow. I am happy for this to be closed as resolved.\n\nService Manager"),
  ]),
  'sunderland': ('sscp@sunderland.example', [
    ('Mon, 9 Nov 2026 10:00:00 +0000', 'PC 1234 <pc1234@northumbria-police.example>', 'Early Help Worker <ehw@sunderland-council.example>',
     'Dispute resolution - Step 1',
     "Hi,\n\nUnder Step 1 of the SSCP dispute resolution protocol I'd like to discuss the decision to close the early help assessment.\n\nThanks"),
    ('Mon, 16 Nov 2026 11:00:00 +0000', 'Early Help Worker <ehw@sunderland-council.example>', 'PC 1234 <pc1234@northumbria-police.example>',
     'RE: Dispute resolution - Step 1',
     "Hello, this has now moved to Step 2: my line manager will contact your sergeant.\n\nEarly Help Worker"),
    ('Tue, 24 Nov 2026 09:30:00 +0000', 'Sergeant 5678 <sgt5678@northumbria-police.example>', 'Line Manager <lm@sunderland-council.example>',
     'RE: Dispute resolution - Step 3',
     "Please see the updated subject line: we are taking this to Step 3 and our Inspector will set up a resolution meeting.\n\nSgt 5678"),
    ('Mon, 7 Dec 2026 16:00:00 +0000', 'Line Manager <lm@sunderland-council.example>', 'Sergeant 5678 <sgt5678@northumbria-police.example>',
     'RE: Dispute resolution - Step 3',
     "Thank you, Sergeant. After today's resolution meeting I can confirm the dispute is now resolved: the assessment stays open for four more weeks.\n\nLine Manager"),
  ]),
}

ATTACH = {'Notification of an Escalation form is attached': 'Notification of an Escalation.docx',
          'Escalation Referral Form attached': 'TWSP Resolution and Escalation Referral Form.docx'}

for policy, (mailbox, thread) in THREADS.items():
    os.makedirs(policy, exist_ok=True)
    ids = []
    for n, (date, sender, to, subject, text) in enumerate(thread, 1):
        mid = f'<{policy}-{n}@example.mail>'
        headers = [f'From: {sender}', f'To: {to}', f'Cc: {mailbox}', f'Subject: {subject}', f'Date: {date}', f'Message-ID: {mid}']
        if ids:
            headers += [f'In-Reply-To: {ids[-1]}', 'References: ' + ' '.join(ids)]
        headers.append('MIME-Version: 1.0')
        attachment = next((name for phrase, name in ATTACH.items() if phrase in text), None)
        if attachment:
            body = ['Content-Type: multipart/mixed; boundary="part"', '', '--part', 'Content-Type: text/plain; charset=utf-8', '', text,
                    '--part', f'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="{attachment}"',
                    f'Content-Disposition: attachment; filename="{attachment}"', 'Content-Transfer-Encoding: base64', '', 'Zm9ybQ==', '--part--']
        else:
            body = ['Content-Type: text/plain; charset=utf-8', '', text]
        with open(os.path.join(policy, f'{n:02d}.eml'), 'wb') as f:
            f.write('\r\n'.join(headers + body + ['']).encode('utf-8'))
        ids.append(mid)
    with open(os.path.join(policy, 'MAILBOX'), 'w') as f:
        f.write(mailbox + '\n')
print('written')
