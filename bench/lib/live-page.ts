// A page held open by a user while the bench works: it hears a change on the live channel (the
// caller subscribes, with /api/live's scope rule) and re-reads its list through the domain
// function, as the browser re-renders the page. Reads never overlap: a change heard during a read
// causes one more read after it. Used by the dispatch chain's station inboxes (chain-worker.ts)
// and the bank desks (money-worker.ts).
import { errorText } from "./worker-session";

export class LivePage {
  private seen = new Set<string>();
  /** Every id any read of this page returned (which pages saw a record, for the scope check). */
  readonly everSeen = new Set<string>();
  private lastRead = 0;
  private reading = false;
  private again = false;
  private waiters = new Map<string, (at: number) => void>();
  refreshMs: number[] = [];
  failures = 0;
  firstFailure: string | null = null;

  /** `read` returns the ids the page lists. */
  constructor(private readonly read: () => Promise<string[]>) {}

  changed(): void {
    if (this.reading) this.again = true;
    else void this.reread();
  }

  private async reread(): Promise<void> {
    this.reading = true;
    do {
      this.again = false;
      const t = performance.now();
      try {
        const ids = await this.read();
        const at = performance.now();
        this.refreshMs.push(at - t);
        this.seen = new Set(ids);
        for (const id of ids) this.everSeen.add(id);
        this.lastRead = at;
        for (const [id, resolve] of this.waiters) {
          if (this.seen.has(id)) {
            this.waiters.delete(id);
            resolve(at);
          }
        }
      } catch (error) {
        this.failures++;
        this.firstFailure ??= errorText(error);
      }
    } while (this.again);
    this.reading = false;
  }

  /** When a read containing `id` that returned after `since` returned (now, or later); null after `timeoutMs`. */
  visible(id: string, since: number, timeoutMs: number): Promise<number | null> {
    if (this.seen.has(id) && this.lastRead > since) return Promise.resolve(this.lastRead);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        resolve(null);
      }, timeoutMs);
      this.waiters.set(id, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}
