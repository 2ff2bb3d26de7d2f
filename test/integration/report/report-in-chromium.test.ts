/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page functions run in Chromium: they see the browser's DOM, not Node.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringFigures } from '../../../lib/report/figures.js';
import { reportHtml } from '../../../lib/report/html.js';
import { fixtureInput } from '../../unit/report/figures.fixture.js';

/** Debian's chromium, which .ci/run installs when it is missing; CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = new URL('../../../test-output/', import.meta.url).pathname;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start; the page is our own.
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  // Nothing may be fetched: the report must open offline, from an email attachment.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('data:') || request.url() === 'about:blank') void request.continue();
    else void request.abort();
  });
  await page.setContent(reportHtml(monitoringFigures(fixtureInput)), { waitUntil: 'load' });
}, 60_000);

afterAll(async () => {
  await browser.close();
});

/**
 * Elements whose right edge passes the viewport (what is inside a table's or chart's own
 * scrolling box scrolls there, not the page), how wide the page scrolls, and which boxes must scroll.
 */
async function overflow(width: number) {
  await page.setViewport({ width, height: 900 });
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const past = [...document.body.querySelectorAll('*')]
      .filter((element) => !element.parentElement?.closest('.table-scroll, .chart-scroll'))
      .filter((element) => element.getBoundingClientRect().right > limit + 0.5)
      .map((element) => [element.tagName.toLowerCase(), element.getAttribute('class')].filter(Boolean).join('.'));
    const scrolling = [...document.querySelectorAll('.table-scroll, .chart-scroll')]
      .filter((box) => box.scrollWidth > box.clientWidth)
      .map((box) => box.querySelector('caption')?.textContent ?? box.querySelector('svg')?.getAttribute('aria-label'));
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: limit, past, scrolling };
  });
}

describe('the HTML monitoring report in headless Chromium', () => {
  it('draws every chart, with bars, at a readable size', async () => {
    await page.setViewport({ width: 1024, height: 900 });
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return { label: svg.getAttribute('aria-label'), width: box.width, height: box.height, bars: svg.querySelectorAll('rect').length };
      }),
    );
    // Four a policy: the trend by month, agencies, stages reached and resolved, share within the timescale.
    expect(charts.map((c) => c.label)).toEqual([
      'Cases opened and resolved by month',
      'Cases opened by agency',
      'Highest stage reached and stage resolved at',
      'Share of stages finished within the timescale',
      'Cases opened and resolved by month',
      'Cases opened by agency',
      'Highest step reached and step resolved at',
      'Share of steps finished within the timescale',
    ]);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(600);
      expect(chart.height).toBeGreaterThan(20);
      expect(chart.bars).toBeGreaterThan(0);
    }
  });

  it('shows the tables with their figures', async () => {
    const captions = await page.$$eval('table caption', (all) => all.map((c) => c.textContent));
    expect(captions.filter((c) => c === 'Cases')).toHaveLength(2);
    expect(captions).toContain('Deadlines passed on open cases (any opening date)');
    const firstMonth = await page.$eval('table:has(caption) tbody tr', (row) => [...row.cells].map((cell) => cell.textContent));
    expect(firstMonth).toEqual(['Oct 2026', '2', '1', '1']);
    const tiles = await page.$$eval('section:first-of-type .tile', (all) => all.map((t) => t.textContent));
    expect(tiles).toEqual(['4cases opened', '2resolved', '2still open', '57%stages finished within their timescale', '2cases overdue now']);
  });

  it.each([1024, 800])('fits a %i-pixel-wide window whole: nothing overflows, no table or chart needs scrolling', async (width) => {
    const { scrollWidth, clientWidth, past, scrolling } = await overflow(width);
    expect(past).toEqual([]);
    expect(scrollWidth).toBe(clientWidth);
    expect(scrolling).toEqual([]);
  });

  it('on a phone the page still never scrolls sideways: wide tables and charts keep their size and scroll in their own box', async () => {
    const { scrollWidth, clientWidth, past, scrolling } = await overflow(390);
    expect(past).toEqual([]);
    expect(scrollWidth).toBe(clientWidth);
    expect(scrolling).toContain('Cases');
    expect(scrolling).toContain('Cases opened by agency');
  });

  it('leaves a screenshot in test-output/ for a person to look at', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    await page.setViewport({ width: 1024, height: 900 });
    const file = join(OUTPUT, 'report.png');
    await page.screenshot({ path: file, fullPage: true });
    await page.setViewport({ width: 390, height: 900 });
    await page.screenshot({ path: join(OUTPUT, 'report-narrow.png'), fullPage: true });
    const { height } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight }));
    expect(height).toBeGreaterThan(900);
  });
});
