import { Rng } from './prng';

/**
 * UUIDv7-format ids that are reproducible: the 48-bit timestamp is one fixed data timestamp
 * (not the clock), the next 36 bits are a counter (RFC 9562 §6.2 "fixed-length dedicated
 * counter"), the last 38 bits come from the seeded PRNG.
 *
 * The counter makes ids unique by construction and increasing in generation order, so each
 * table's primary-key index is appended to rather than split at random: at 50,000 students
 * (~15M rows) that is the difference between minutes and tens of minutes.
 */
export class IdFactory {
  private counter = 0;
  private prefix = '';
  private prefixBlock = -1;
  private readonly timeHex: string;
  private readonly rng: Rng;

  constructor(seed: number, timestampMs: number) {
    this.timeHex = timestampMs.toString(16).padStart(12, '0');
    if (this.timeHex.length !== 12) throw new Error('UUIDv7 timestamps are 48 bits');
    this.rng = Rng.derive(seed, 'uuid');
  }

  next(): string {
    const c = this.counter++;
    // 36-bit counter: 12 bits in rand_a, 14 bits after the variant, 10 bits atop the last group.
    // Everything but the last group changes once per 1,024 ids, so that prefix is cached.
    const block = Math.floor(c / 1024);
    if (block !== this.prefixBlock) {
      const high12 = Math.floor(c / 0x1000000) & 0xfff;
      const mid14 = block & 0x3fff;
      const t = this.timeHex;
      this.prefix = `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(high12, 3)}-${hex(0x8000 | mid14, 4)}-`;
      this.prefixBlock = block;
    }
    // 38 random bits: 32 + 6.
    const r32 = this.rng.nextUint32();
    const r6 = this.rng.nextUint32() & 0x3f;
    return this.prefix + hex((c & 0x3ff) * 2 ** 38 + r32 * 2 ** 6 + r6, 12);
  }
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

/** Zero-padded sequence numbers keep readable source ids sortable (`stu-000123`). */
export function pad(n: number, width = 6): string {
  return String(n).padStart(width, '0');
}
