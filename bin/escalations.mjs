#!/usr/bin/env node
// `npm run escalations` and `npm start`: the bundled command line in this very process (signals
// reach it), rebuilt first when a source has changed since the last build (a few milliseconds to check).
import { buildCli, isStale } from './build-cli.mjs';

if (isStale()) await buildCli();
await import('../dist/escalations.mjs');
