import { EventEmitter } from 'node:events';
import type { EventName, Events } from '../api/contract';

/** Core → host events, typed by the contract; hosts forward them over IPC or SSE. */
export class CoreEvents {
  readonly #emitter = new EventEmitter();

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.#emitter.emit(event, payload);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.#emitter.on(event, listener);
    return () => this.#emitter.off(event, listener);
  }

  /** Every event, for hosts that forward them all. */
  onAny(listener: (event: EventName, payload: Events[EventName]) => void): () => void {
    const names: EventName[] = ['job.progress', 'data.changed', 'settings.changed'];
    const offs = names.map((name) => this.on(name, (payload) => listener(name, payload)));
    return () => offs.forEach((off) => off());
  }
}
