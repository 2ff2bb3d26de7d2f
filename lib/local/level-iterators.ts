import { createRequire } from 'node:module';

interface IteratorClass {
  prototype: { close(): Promise<void>; return?: () => Promise<IteratorReturnResult<undefined>> };
}

/** What is used here of abstract-level, the base of every level store. */
export interface AbstractLevelModule {
  AbstractLevel: { prototype: object };
  AbstractIterator: IteratorClass;
  AbstractKeyIterator: IteratorClass;
  AbstractValueIterator: IteratorClass;
}

/** abstract-level as dynalite's two stores load it: memory-level's, and classic-level's (behind `level`, on Node). */
export function dynaliteLevels(): AbstractLevelModule[] {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const memory = createRequire(fromDynalite.resolve('memory-level'));
  const classic = createRequire(createRequire(fromDynalite.resolve('level')).resolve('classic-level'));
  return [memory('abstract-level') as AbstractLevelModule, classic('abstract-level') as AbstractLevelModule];
}

/**
 * dynalite (4.0) reads a query's items through a stream over a level iterator and, when the
 * stream ends, closes the iterator by calling its `return()`; abstract-level's iterators have
 * `close()` and no `return()`, so every query left its iterator open, registered with the database
 * until the server closed. In memory each open iterator held the version of the store's tree it
 * started from, and with it every older version of every item written since; on disk (`serve`), a
 * LevelDB iterator and its snapshot.
 * This gives the iterator classes dynalite's stores use the `return()` it calls. Idempotent.
 */
export function closeLevelIteratorsWhenDynaliteEnds(): void {
  for (const level of dynaliteLevels()) {
    for (const iterator of [level.AbstractIterator, level.AbstractKeyIterator, level.AbstractValueIterator]) {
      iterator.prototype.return ??= async function (this: { close(): Promise<void> }) {
        await this.close();
        return { done: true, value: undefined };
      };
    }
  }
}
