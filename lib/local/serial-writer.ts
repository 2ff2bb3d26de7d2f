/**
 * One writer for a file that many tasks update: writes run one at a time, and requests made while
 * one runs are served together by the next, which reads the state as it is then. Concurrent
 * messages used to race on one temporary file (each rename but the first failed).
 */
export class SerialWriter {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly write: () => Promise<void>) {}

  /** Resolves once a write that started after this call has finished. */
  save(): Promise<void> {
    if (this.next) return this.next;
    const after = this.running ?? Promise.resolve();
    const next = after
      .catch(() => undefined)
      .then(async () => {
        this.next = null;
        this.running = next;
        try {
          await this.write();
        } finally {
          if (this.running === next) this.running = null;
        }
      });
    this.next = next;
    return next;
  }
}
