import { escapeHtml } from '../outgoing/escape-html.js';
import type { FilledForm, FormBlock } from './model.js';

const BLANK = '<span class="blank">To be completed by the professional</span>';
const cell = (value: string | null) => (value === null ? BLANK : escapeHtml(value));

function block(item: FormBlock): string {
  switch (item.kind) {
    case 'heading':
      return `<h2>${escapeHtml(item.text)}</h2>`;
    case 'text':
      return `<p>${escapeHtml(item.text)}</p>`;
    case 'fields':
      return `<table class="fields"><tbody>${item.rows
        .map(
          (row) =>
            `<tr><th scope="row">${escapeHtml(row.label)}</th><td${row.value === null ? ' class="empty"' : ''}>${cell(row.value)}</td></tr>`,
        )
        .join('')}</tbody></table>`;
    case 'table':
      return `<table class="grid"><thead><tr>${item.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${item.rows
        .map(
          (row) =>
            `<tr>${row.map((value) => `<td${value === null ? ' class="empty"' : ''}>${value === null ? '' : escapeHtml(value)}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
  }
}

/** The form as a page that prints on A4 and opens in any browser, with no external resources. */
export function formHtml(form: FilledForm): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(`${form.caseRef} – ${form.title}`)}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: #111; max-width: 190mm; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 16pt; margin-bottom: 0.2em; } h2 { font-size: 12pt; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; table-layout: fixed; }
th, td { border: 1px solid #555; padding: 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.fields th { width: 38%; background: #eef2f6; font-weight: normal; }
.grid th { background: #eef2f6; }
td.empty { height: 3.2em; }
.blank { color: #777; font-style: italic; }
.ref { color: #444; }
</style></head><body>
<h1>${escapeHtml(form.title)}</h1>
<p class="ref">Case ${escapeHtml(form.caseRef)}</p>
${form.blocks.map(block).join('\n')}
</body></html>
`;
}
