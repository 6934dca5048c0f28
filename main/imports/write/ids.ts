import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

/**
 * Random bits drawn from the OS a page at a time: uuidv7's default source asks for 32 bytes
 * per call, which is a third of the cost of an id at a million rows per file.
 */
class PooledRandom {
  readonly #pool = new Uint32Array(4096);
  #next = this.#pool.length;

  nextUint32(): number {
    if (this.#next === this.#pool.length) {
      randomFillSync(this.#pool);
      this.#next = 0;
    }
    return this.#pool[this.#next++]!;
  }
}

const generator = new V7Generator(new PooledRandom());

/** A new UUIDv7 (monotonic within this process), for rows born in an import. */
export function newId(): string {
  return generator.generate().toString();
}
