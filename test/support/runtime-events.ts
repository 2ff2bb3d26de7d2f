/**
 * Waiting on what the local runtime does, by its events (a log line, a look at its clock) rather
 * than by polling on a timer: each wait is checked when it starts and again after every event,
 * until its probe holds. A wait that never comes true ends with the test's own timeout.
 */
export class RuntimeEvents {
  private readonly waits = new Set<() => void>();

  /** Give this to the runtime as its `log` and `onTick`: every event looks at the pending waits again. */
  readonly notify = (): void => {
    for (const check of [...this.waits]) check();
  };

  /** Resolves with the probe's first truthy value, looked at now and after each event. */
  until<T>(probe: () => T | null | undefined | false | Promise<T | null | undefined | false>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let running = false;
      let again = false;
      const check = (): void => {
        if (running) {
          again = true; // an event while the probe runs: look once more when it is done
          return;
        }
        running = true;
        Promise.resolve()
          .then(probe)
          .then(
            (value) => {
              running = false;
              if (value) {
                this.waits.delete(check);
                resolve(value);
              } else if (again) {
                again = false;
                check();
              }
            },
            (error: unknown) => {
              this.waits.delete(check);
              reject(error instanceof Error ? error : new Error(String(error)));
            },
          );
      };
      this.waits.add(check);
      check();
    });
  }
}
