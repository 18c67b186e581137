/**
 * Counts how often each 64-bit row hash has been seen in one file, in typed
 * arrays (≈ 10 bytes a slot) instead of a Map of strings (≈ 100 bytes an entry),
 * so a 10M-row file needs ~160 MB rather than ~1 GB.
 *
 * A collision of two different rows on 64 bits only shifts the second row's
 * occurrence number; its dedupe key still carries the full 128-bit hash, so it
 * stays unique and a reload of the same file reproduces it exactly.
 */
export class OccurrenceCounter {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private counts: Uint32Array;
  private size = 0;
  private mask: number;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1;
    while (capacity < initialCapacity) capacity <<= 1;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Records one more occurrence of (hi, lo) and returns its 1-based occurrence number. */
  next(hi: number, lo: number): number {
    if ((this.size + 1) * 10 > this.counts.length * 7) this.grow();
    const slot = this.find(hi >>> 0, lo >>> 0);
    const current = this.counts[slot]!;
    if (current === 0) {
      this.hi[slot] = hi;
      this.lo[slot] = lo;
      this.size++;
    }
    this.counts[slot] = current + 1;
    return current + 1;
  }

  get distinct(): number {
    return this.size;
  }

  private find(hi: number, lo: number): number {
    let slot = (Math.imul(lo ^ hi, 0x9e3779b1) >>> 0) & this.mask;
    while (this.counts[slot] !== 0 && (this.hi[slot] !== hi || this.lo[slot] !== lo)) {
      slot = (slot + 1) & this.mask;
    }
    return slot;
  }

  private grow(): void {
    const { hi, lo, counts } = this;
    const capacity = counts.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i]!;
      if (count === 0) continue;
      const slot = this.find(hi[i]!, lo[i]!);
      this.hi[slot] = hi[i]!;
      this.lo[slot] = lo[i]!;
      this.counts[slot] = count;
    }
  }
}
