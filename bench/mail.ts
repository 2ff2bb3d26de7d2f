import { readFile } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import { MAILPARSER_OPTIONS, parseMessage } from '../lib/mail/parse.js';
import { builtInPolicy } from '../lib/policy/registry.js';
import { readSignals } from '../lib/signals/read.js';
import { pairedRatio, throughput } from './measure.js';

/** A ~20 KB Outlook reply with a long quoted thread and an HTML alternative. */
const MESSAGE = new URL('../test/fixtures/mail/swindon-15-long-chain-outlook.eml', import.meta.url);

/** Parsing and classifying one message, as ingest does, against bare mailparser with the same options. Goal: at least 80 %. */
export async function benchMail(): Promise<Record<string, number | string>> {
  const raw = await readFile(MESSAGE);
  const policy = builtInPolicy('swindon');
  const result = await throughput({
    parse: () => simpleParser(raw, MAILPARSER_OPTIONS),
    classify: async () =>
      readSignals(await parseMessage(raw, { ownLoop: 'escalations@partnership.example' }), policy, { currentStage: '2' }),
  });
  return {
    bench: 'mail',
    messageBytes: raw.length,
    parseMsgsPerSec: Math.round(result.rates.parse ?? 0),
    classifyMsgsPerSec: Math.round(result.rates.classify ?? 0),
    classifyToParseRatio: Number(pairedRatio(result, 'classify', 'parse').toFixed(3)),
    classifyToParseGoal: 0.8,
  };
}
