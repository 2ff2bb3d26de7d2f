import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentClient } from '../../../lib/aws/dynamo-clients.js';
import { DynamoCaseStore } from '../../../lib/aws/dynamo-case-store.js';
import { startEmbeddedDynamo } from '../../../lib/local/embedded-dynamo.js';
import { dynaliteLevels } from '../../../lib/local/level-iterators.js';
import { aCase } from '../../support/case.js';

interface Resources {
  attachResource: (this: Resources, resource: unknown) => void;
  detachResource: (this: Resources, resource: unknown) => void;
}

/** Counts the iterators open on dynalite's level databases: abstract-level attaches each to its database until it closes. */
function openIterators() {
  const open = new Set<unknown>();
  const prototypes = new Set(dynaliteLevels().map((level) => level.AbstractLevel.prototype as Resources));
  const restore = [...prototypes].map((prototype) => {
    const { attachResource, detachResource } = prototype;
    prototype.attachResource = function (this: Resources, resource: unknown) {
      open.add(resource);
      attachResource.call(this, resource);
    };
    prototype.detachResource = function (this: Resources, resource: unknown) {
      open.delete(resource);
      detachResource.call(this, resource);
    };
    return () => Object.assign(prototype, { attachResource, detachResource });
  });
  return {
    count: () => open.size,
    restore: () => {
      for (const undo of restore) undo();
    },
  };
}

describe.each([
  ['in memory', undefined],
  ['on disk', 'folder'],
])('the embedded DynamoDB server %s', (_, onDisk) => {
  let folder: string | undefined;
  beforeEach(async () => {
    folder = onDisk ? await mkdtemp(join(tmpdir(), 'embedded-dynamo-')) : undefined;
  });
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('closes the iterator of each query once its stream ends: none is left open, holding the store as it was', async () => {
    const iterators = openIterators();
    const dynamo = await startEmbeddedDynamo(folder ? { path: folder } : {});
    try {
      const store = new DynamoCaseStore(documentClient(dynamo.client), dynamo.table);
      for (let n = 1; n <= 5; n++) await store.createCase(aCase({ ref: `SSP-2026-000${n}`, mailbox: 'p@x.example' }));
      for (let query = 0; query < 20; query++) expect(await store.openCases()).toHaveLength(5);
      // A request answered after the last query's: its stream has ended and its iterator closed by then.
      await store.getCase('SSP-2026-00001');
      expect(iterators.count()).toBe(0);
    } finally {
      iterators.restore();
      await dynamo.close();
    }
  });
});
