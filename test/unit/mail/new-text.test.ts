import { describe, expect, it } from 'vitest';
import { splitNewText } from '../../../lib/mail/new-text.js';

describe('the new text of a message', () => {
  it.each([
    [
      'Outlook quoted block',
      'Escalating to Stage 3.\n\nFrom: Bob <bob@a.example>\nSent: 30 October 2026 16:02\nTo: Jane\nSubject: RE: x\n\nThis is resolved.',
    ],
    [
      'Outlook underscore separator',
      'Escalating to Stage 3.\n\n________________________________\nFrom: Bob\nSent: Friday\n\nThis is resolved.',
    ],
    ['Original Message', 'Escalating to Stage 3.\n\n-----Original Message-----\nFrom: Bob\nThis is resolved.'],
    ['Gmail', 'Escalating to Stage 3.\n\nOn Mon, 2 Nov 2026 at 10:15, Bob <bob@a.example> wrote:\n> This is resolved.'],
    [
      'Gmail, wrapped',
      'Escalating to Stage 3.\n\nOn Mon, 2 Nov 2026 at 10:15, Bob Jones <bob.jones@a.example>\nwrote:\n> This is resolved.',
    ],
    [
      'Apple Mail',
      'Escalating to Stage 3.\n\nSent from my iPhone\n\n> On 2 Nov 2026, at 10:15, Bob <bob@a.example> wrote:\n>\n> This is resolved.',
    ],
    ['Gmail forward', 'Escalating to Stage 3.\n\n---------- Forwarded message ---------\nFrom: Bob <bob@a.example>\n\nThis is resolved.'],
    ['Apple forward', 'Escalating to Stage 3.\n\nBegin forwarded message:\n\nFrom: Bob <bob@a.example>\n\nThis is resolved.'],
    ['German Outlook', 'Escalating to Stage 3.\n\nVon: Bob <bob@a.example>\nGesendet: Montag\nAn: Jane\n\nThis is resolved.'],
    ['a disclaimer', 'Escalating to Stage 3.\n\nThis email and any attachments are confidential. If it is not resolved, contact us.'],
    ['a signature', 'Escalating to Stage 3.\n\nKind regards,\nJane\nResolution lead'],
  ])('leaves out %s', (_, body) => {
    const { newText, historyText } = splitNewText(body);
    expect(newText).toContain('Escalating to Stage 3.');
    expect(newText).not.toMatch(/resolved|Resolution lead/i);
    if (!/disclaimer|signature/.test(_)) expect(historyText).toContain('This is resolved.');
  });

  it('keeps a message with no history whole, and drops quoted lines inside it', () => {
    expect(splitNewText('Line one.\r\n\r\nLine two.').newText).toBe('Line one.\n\nLine two.');
    expect(splitNewText('Reply above.\n> quoted\n> more').newText).toBe('Reply above.');
  });

  it('keeps a postscript written below the signature, and nothing else of the signature', () => {
    const text = [
      'Thanks for the chronology.',
      '',
      'Kind regards,',
      'PC Sam Ward',
      'Tel: 01482 000 488',
      '',
      "P.S. as we couldn't agree I've asked my DS to take this up with your team manager, so we're at stage 2.",
      '',
      'This email is confidential.',
    ].join('\n');
    expect(splitNewText(text).newText).toBe(
      "Thanks for the chronology.\n\nP.S. as we couldn't agree I've asked my DS to take this up with your team manager, so we're at stage 2.",
    );
    expect(splitNewText('Thanks.\n\nKind regards,\nSam\nPSHE lead, Hillside School').newText).toBe('Thanks.');
  });

  it('does not take a From: line in the text for history unless a date follows', () => {
    expect(splitNewText('From: my side, we agree.\nThanks').newText).toBe('From: my side, we agree.\nThanks');
  });
});

describe('history headers in the languages and layouts mail clients write', () => {
  const reply = 'Escalating to Stage 3.';
  it.each([
    ['German Gmail', 'Am 02.11.2026 um 10:15 schrieb Bob Jones <bob@a.example>:\n> Resolved.'],
    ['German, name after the verb', 'Am 02.11.2026 um 10:15 schrieb Bob Jones:\n\nResolved.'],
    ['French Gmail', 'Le lun. 2 nov. 2026 à 10:15, Bob Jones <bob@a.example> a écrit :\n> Resolved.'],
    ['Portuguese', 'Em seg., 2 de nov. de 2026 às 10:15, Bob Jones <bob@a.example> escreveu:\n> Resolved.'],
    ['Spanish', 'El lun, 2 nov 2026 a las 10:15, Bob Jones (<bob@a.example>) escribió:\n> Resolved.'],
    ['Russian', '2 нояб. 2026 г., в 10:15, Bob Jones <bob@a.example> написал:\n> Resolved.'],
    ['Chinese Outlook', '发件人: Bob Jones <bob@a.example>\n发送时间: 2026年11月2日 10:15\n收件人: Jane\n主题: Stage 2\n\nResolved.'],
    ['Japanese Outlook', '差出人: Bob Jones <bob@a.example>\n送信日時: 2026年11月2日 10:15\n宛先: Jane\n件名: Stage 2\n\nResolved.'],
    [
      'French Outlook, space before the colon',
      'De : Bob Jones <bob@a.example>\nEnvoyé le : lundi 2 novembre 2026 10:15\nÀ : Jane\nObjet : Stage 2\n\nResolved.',
    ],
    ['Danish separator', '-----Oprindelig meddelelse-----\nFra: Bob\nResolved.'],
    ['Dutch separator', '-----Oorspronkelijk bericht-----\nVan: Bob\nResolved.'],
    ['Swedish separator', '-----Ursprungligt meddelande-----\nFrån: Bob\nResolved.'],
    ['Gmail date first', '2026-11-02 10:15 GMT+00:00 Bob Jones <bob@a.example>:\n\n> Resolved.'],
    ['Gmail date first, slashes, "via"', '2026/11/2 Bob Jones via Partnership <bob@a.example>\n\n> Resolved.'],
    ['a From line with no Sent line', 'From: Bob Jones <bob@a.example>\n\nResolved.'],
    ['Samsung', 'Sent from Samsung Mobile Bob Jones <bob@a.example> wrote:\n\nResolved.'],
    ['a help-desk marker', '##- Please type your reply above this line -##\n\nResolved.'],
    ['an attribution over three lines', 'On Mon, 2 Nov 2026,\nat 10:15,\nBob Jones <bob@a.example> wrote:\n\n> Resolved.'],
    ['an attribution over four lines', 'On Mon, 2 Nov 2026 at 10:15 Bob Jones\n<\nbob@a.example\n> wrote:\nResolved.'],
    ['an Android header', '---- Bob Jones wrote ----\n\nResolved.'],
  ])('cuts at %s', (_, history) => {
    const { newText, historyText } = splitNewText(`${reply}\n\n${history}`);
    expect(newText).toBe(reply);
    expect(historyText).toContain('Resolved.');
  });

  it('keeps what the sender wrote below and between quoted lines (inline replies)', () => {
    const body = [
      'On Mon, 2 Nov 2026 at 10:15, Bob Jones <bob@a.example> wrote:',
      '> Can you confirm the stage?',
      '',
      'Stage 2, as of today.',
      '',
      '> And the deadline?',
      '',
      'Friday.',
      '',
      '> Thanks',
    ].join('\n');
    const { newText, historyText } = splitNewText(body);
    expect(newText).toBe('Stage 2, as of today.\n\nFriday.');
    expect(historyText).toContain('Bob Jones');
    expect(historyText).toContain('> And the deadline?');
  });

  it('takes a quoted line a client wrapped without its ">" for history, and a short answer between quotes for the reply', () => {
    const wrapped = splitNewText(
      'Agreed.\n\nOn 2 Nov 2026, Bob <bob@a.example> wrote:\n> We will not escalate unless the plan changes and the\nmanager agrees\n> today.',
    );
    expect(wrapped.newText).toBe('Agreed.');
    const answer = splitNewText('On 2 Nov 2026, Bob <bob@a.example> wrote:\n> Is it resolved?\nYes.\n> Good.');
    expect(answer.newText).toBe('Yes.');
  });

  it('keeps the reply on a line that ends with an attribution', () => {
    expect(splitNewText('Agreed--- On Mon, 2 Nov 2026 at 10:15, bob@a.example wrote:\n> Stage 2?').newText).toBe('Agreed');
  });

  it('does not cut "Sent from my desk" or ordinary sentences that start with "On"', () => {
    const desk = 'Escalating to Stage 3.\n\nSent from my desk, which is much easier than my phone.';
    expect(splitNewText(desk).newText).toBe(desk);
    const on = 'On Monday we met.\nOn this the managers agree: stage 2 stands.\nOn 3 November I will write to Bob.';
    expect(splitNewText(on).newText).toBe(on);
    expect(splitNewText('Escalating.\n\nSent from my iPhone\n\n> old').newText).toBe('Escalating.');
  });

  it('cuts a sign-off with the name on its line', () => {
    expect(splitNewText('Escalating to Stage 3.\n\nRegards, Jane Smith\nResolution lead').newText).toBe('Escalating to Stage 3.');
    expect(splitNewText('Escalating to Stage 3.\n\nRegards, we will call you tomorrow about it.').newText).toContain('we will call you');
  });
});

describe('more client layouts', () => {
  it.each([
    [
      'Portuguese Outlook',
      'De: Bob Jones\nEnviada em: segunda-feira, 2 de novembro de 2026 10:15\nPara: Jane\nAssunto: Stage 2\n\nResolved.',
    ],
    ['Turkish Outlook', 'Kimden: Bob Jones\nGönderildi: 2 Kasım 2026 Pazartesi 10:15\nKime: Jane\nKonu: Stage 2\n\nResolved.'],
    ['Lotus Notes', 'Bob Jones/Partnership@Partnership wrote on 02/11/2026 10:15:53 AM:\n\nResolved.'],
    ['Horde', 'Quoting Bob Jones <bob@a.example>:\n\nResolved.'],
    ['Italian Gmail', 'Il giorno lun 2 nov 2026 alle ore 10:15 Bob Jones <bob@a.example> ha scritto:\n\nResolved.'],
    ['Swedish Gmail', 'Den 2 nov. 2026 kl. 10:15 skrev Bob Jones <bob@a.example>:\n\nResolved.'],
    ['Japanese Gmail', '2026年11月2日(月) 10:15 Bob Jones <bob@a.example>:\n\n> Resolved.'],
    ['Thunderbird, name only', 'Bob Jones wrote:\n> Resolved.'],
  ])('cuts at %s', (_, history) => {
    const { newText, historyText } = splitNewText(`Escalating to Stage 3.\n\n${history}`);
    expect(newText).toBe('Escalating to Stage 3.');
    expect(historyText).toContain('Resolved.');
  });

  it('does not take "Jane wrote:" for history when no quotation follows', () => {
    const text = 'Escalating to Stage 3.\n\nThe manager wrote:\nwe cannot agree the plan.';
    expect(splitNewText(text).newText).toBe(text);
  });
});

it('keeps "On 3 November the form was sent:" and what follows it', () => {
  const text = 'On 3 November the form was sent:\n- to the manager\n- to the lead';
  expect(splitNewText(text).newText).toBe(text);
});
