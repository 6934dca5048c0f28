/**
 * Runs a callback once a day at the configured local time. One timer at a time, re-armed from
 * the clock after every run (never a fixed 24 h interval, which would drift and ignore
 * daylight-saving changes); a run still going when the next one is due is not started twice.
 */
import { nextRunAt } from './schedule';

export interface PipelineSchedulerOptions {
  /** "HH:MM", local time. */
  dailyAt: string;
  run: () => Promise<unknown> | unknown;
  now?: () => number;
  /** Told about a run that threw; the schedule carries on. */
  onError?: (error: unknown) => void;
}

export class PipelineScheduler {
  readonly #options: PipelineSchedulerOptions;
  readonly #now: () => number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #dueAt: number | null = null;
  #running = false;

  constructor(options: PipelineSchedulerOptions) {
    nextRunAt(0, options.dailyAt); // refuses a malformed time now, not at the first run
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** When the armed timer is meant to fire, or null when stopped. */
  get dueAt(): number | null {
    return this.#dueAt;
  }

  get isRunning(): boolean {
    return this.#running;
  }

  start(): void {
    if (this.#timer === null) this.#arm();
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#dueAt = null;
  }

  #arm(): void {
    const now = this.#now();
    const dueAt = nextRunAt(now, this.#options.dailyAt);
    this.#dueAt = dueAt;
    this.#timer = setTimeout(() => void this.#fire(dueAt), dueAt - now);
  }

  async #fire(dueAt: number): Promise<void> {
    // Timers can fire early after the system clock is set back: wait for the real time.
    if (this.#now() < dueAt) {
      this.#timer = setTimeout(() => void this.#fire(dueAt), dueAt - this.#now());
      return;
    }
    this.#timer = null;
    if (!this.#running) {
      this.#running = true;
      try {
        await this.#options.run();
      } catch (error) {
        this.#options.onError?.(error);
      } finally {
        this.#running = false;
      }
    }
    if (this.#dueAt === dueAt) this.#arm(); // not stopped meanwhile
  }
}
