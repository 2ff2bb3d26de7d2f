import { describe, expect, it } from 'vitest';
import { horizontalBars, verticalBars } from '../../../lib/report/charts.js';

const attribute = (svg: string, name: string) =>
  [...svg.matchAll(new RegExp(`<rect [^>]*?${name}="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]));

describe('horizontalBars', () => {
  it('draws each bar in proportion to the largest value, its value written beside it', () => {
    const svg = horizontalBars({
      title: 'Cases opened by agency',
      categories: ['Council', 'Hospital', 'Police'],
      series: [{ name: 'Cases opened', values: [4, 2, 1], colour: '#123456' }],
    });
    // 640 wide, 250 for labels, 60 for the value: 330 for the longest bar.
    expect(attribute(svg, 'width')).toEqual([330, 165, 83]);
    expect(svg).toContain('role="img" aria-label="Cases opened by agency"');
    expect(svg).toContain('<title>Hospital, Cases opened: 2</title>');
  });

  it('scales to a given top, such as 100 %, and writes values with the given format', () => {
    const svg = horizontalBars({
      title: 'Within the timescale',
      categories: ['Stage 1'],
      series: [{ name: 'Share', values: [50], colour: '#000' }],
      max: 100,
      format: (v) => `${v} %`,
    });
    expect(attribute(svg, 'width')).toEqual([165]);
    expect(svg).toContain('>50 %</text>');
  });

  it('escapes names from configuration and mail, and shortens long ones, keeping the whole name as a tooltip', () => {
    const name = '<script>alert(1)</script> & a very long agency name indeed';
    const svg = horizontalBars({ title: 'T', categories: [name], series: [{ name: 'S', values: [1], colour: '#000' }] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; a very long agency name indeed</title>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; a…</text>'); // 29 characters and an ellipsis
  });

  it('says so when there is nothing to draw', () => {
    expect(horizontalBars({ title: 'T', categories: [], series: [{ name: 'S', values: [], colour: '#000' }] })).toContain(
      'No cases in the period.',
    );
  });
});

describe('verticalBars', () => {
  it('draws a column group a month, a column a series, with a legend for several series', () => {
    const svg = verticalBars({
      title: 'By month',
      categories: ['2026-10', '2026-11'],
      series: [
        { name: 'Opened', values: [2, 4], colour: '#111' },
        { name: 'Resolved', values: [1, 0], colour: '#222' },
      ],
    });
    // 170 high for the largest value; a legend swatch of 12 per series at the end.
    expect(attribute(svg, 'height')).toEqual([85, 43, 170, 0, 12, 12]);
    expect(svg).toContain('>2026-11</text>');
    expect(svg).toContain('>Resolved</text>');
  });
});
