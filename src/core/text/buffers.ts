/**
 * Reusable typed-array buffers for the engine's per-character work. Allocating several megabytes
 * of array buffers per page makes the garbage collector run full collections; one buffer of each
 * kind is kept and lent out while free (a second, concurrent run gets fresh ones).
 */

/** Largest buffer kept between runs (bigger pages get their own). */
const KEEP_MAX = 4_000_000;

/** A lendable buffer of one typed-array kind. */
class BufferSlot<
  T extends
    Int32Array<ArrayBufferLike> | Uint16Array<ArrayBufferLike> | Uint8Array<ArrayBufferLike>,
> {
  private buffer: T | undefined;
  private lent = false;

  /** Prepares a slot that makes buffers with `make`. */
  constructor(private readonly make: (n: number) => T) {}

  /** A zero-filled buffer of at least `n` elements. */
  borrow(n: number): T {
    if (this.lent || n > KEEP_MAX) return this.make(n);
    if (!this.buffer || this.buffer.length < n) this.buffer = this.make(Math.max(n, 4096));
    else this.buffer.fill(0, 0, n);
    this.lent = true;
    return this.buffer;
  }

  /** Returns a buffer obtained from {@link borrow} (other buffers are ignored). */
  giveBack(buffer: T | undefined): void {
    if (buffer !== undefined && buffer.buffer === this.buffer?.buffer) this.lent = false;
  }
}

/** Normalised code units before they become a string. */
export const codeUnits = new BufferSlot<Uint16Array<ArrayBufferLike>>((n) => new Uint16Array(n));
/** Per-character marks (characters already inside an entity). */
export const marks = new BufferSlot<Uint8Array<ArrayBufferLike>>((n) => new Uint8Array(n));
