// What sendRecords (./send.ts) writes records with, in one module it loads when a record is due.
export { fillForms } from '../forms/fill.js';
export { formHtml } from '../forms/html.js';
export { Trail } from '../forms/trail.js';
export { closureSummary, formNotice } from '../outgoing/records.js';
