/**
 * Splits a child's stdout + stderr into per-invocation log segments. Our bootstraps write a sentinel
 * token to both streams after init and after each invocation, before posting the answer, so output
 * written just before a response is never lost or given to the next invocation even though the pipes
 * and the Runtime API socket are read independently. Runtimes without the sentinel (provided.*) are cut
 * by time instead (`take()`).
 */
import type { Readable } from "node:stream";

/** Per segment we keep the head and a rolling tail, so a chatty function cannot exhaust memory. */
const HEAD_BYTES = 64 * 1024;
const TAIL_BYTES = 448 * 1024;

class Segment {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private readonly tail: Buffer[] = [];
  private tailBytes = 0;
  private omitted = 0;

  add(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.headBytes < HEAD_BYTES && this.tail.length === 0) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      return;
    }
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tailBytes > TAIL_BYTES && this.tail.length > 1) {
      const dropped = this.tail.shift() as Buffer;
      this.tailBytes -= dropped.length;
      this.omitted += dropped.length;
    }
  }

  toBuffer(): Buffer {
    const parts =
      this.omitted > 0
        ? [...this.head, Buffer.from(`\n[… ${this.omitted} bytes of log omitted …]\n`), ...this.tail]
        : [...this.head, ...this.tail];
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }
}

interface StreamState {
  /** Index of the segment this stream's data currently goes to. */
  segment: number;
  /** Bytes that might be the start of a sentinel split across chunks. */
  carry: Buffer;
  ended: boolean;
  /** Sentinels still to arrive for segments closed without them (see forceClose). */
  skip: number;
  /** Segments the runtime declared it wrote no sentinel for on this stream (nothing was written). */
  unmarked: Set<number>;
}

export class LogCollector {
  private readonly streams: StreamState[] = [];
  private readonly segments = new Map<number, Segment>();
  /** Segments [0, closedBelow) are complete. */
  private closedBelow = 0;
  private readonly waiters = new Map<number, (buf: Buffer) => void>();
  private readonly closedUnclaimed = new Map<number, Buffer>();
  private nextClaim = 0;
  private timeSegment = new Segment();

  constructor(
    sources: Readable[],
    private readonly token: Buffer | undefined,
  ) {
    for (const source of sources) {
      const state: StreamState = { segment: 0, carry: Buffer.alloc(0), ended: false, skip: 0, unmarked: new Set() };
      this.streams.push(state);
      source.on("data", (chunk: Buffer) => this.onData(state, chunk));
      const end = () => this.onEnd(state);
      source.on("end", end);
      source.on("close", end);
      source.on("error", end);
    }
  }

  /** Time mode: everything captured since the previous take(). */
  take(): Buffer {
    const out = this.timeSegment.toBuffer();
    this.timeSegment = new Segment();
    return out;
  }

  /**
   * Sentinel mode: claims the next segment in order and resolves when every stream reached its sentinel
   * (or ended). Claims must be made in the order the segments happen (init, then each invocation).
   * `marked[i] === false` says stream i carries no sentinel for this segment (the runtime wrote nothing
   * to it), so the segment does not wait for one there.
   */
  nextSegment(marked?: boolean[]): { index: number; promise: Promise<Buffer> } {
    const index = this.nextClaim++;
    const ready = this.closedUnclaimed.get(index);
    if (ready) {
      this.closedUnclaimed.delete(index);
      return { index, promise: Promise.resolve(ready) };
    }
    // The waiter goes in first: the closing below may complete this very segment.
    const promise = new Promise<Buffer>((resolve) => this.waiters.set(index, resolve));
    if (marked) {
      this.streams.forEach((s, i) => {
        if (marked[i] !== false || s.ended) return;
        s.unmarked.add(index);
        this.skipUnmarked(s);
      });
    }
    // After the process is gone nothing would close it otherwise.
    if (marked || this.streams.every((s) => s.ended)) this.closeReady();
    return { index, promise };
  }

  /** Closes a segment whose sentinel never came (a stream was closed or hijacked by user code). */
  forceClose(index: number): void {
    if (index < this.closedBelow) return;
    for (const s of this.streams) {
      if (!s.ended && s.segment <= index) {
        s.skip += index + 1 - s.segment;
        s.segment = index + 1;
      }
    }
    this.closeReady();
  }

  private onData(state: StreamState, chunk: Buffer): void {
    if (!this.token) {
      this.timeSegment.add(chunk);
      return;
    }
    const token = this.token;
    let buf = state.carry.length > 0 ? Buffer.concat([state.carry, chunk]) : chunk;
    state.carry = Buffer.alloc(0);
    for (;;) {
      const at = buf.indexOf(token);
      if (at < 0) break;
      this.segment(state.segment).add(buf.subarray(0, at));
      buf = buf.subarray(at + token.length);
      if (state.skip > 0) state.skip--;
      else {
        state.segment++;
        this.skipUnmarked(state);
      }
      this.closeReady();
    }
    // Keep back a trailing partial sentinel (it starts with a byte user output practically never has).
    const tailStart = Math.max(0, buf.length - token.length + 1);
    const first = token[0] as number;
    const candidate = buf.indexOf(first, tailStart);
    if (candidate >= 0 && token.subarray(0, buf.length - candidate).equals(buf.subarray(candidate))) {
      state.carry = Buffer.from(buf.subarray(candidate));
      buf = buf.subarray(0, candidate);
    }
    this.segment(state.segment).add(buf);
  }

  private onEnd(state: StreamState): void {
    if (state.ended) return;
    state.ended = true;
    if (state.carry.length > 0) {
      if (this.token) this.segment(state.segment).add(state.carry);
      else this.timeSegment.add(state.carry);
      state.carry = Buffer.alloc(0);
    }
    if (this.token) {
      // Every segment anyone waits for can now close: nothing more will come from this stream.
      state.segment = Number.MAX_SAFE_INTEGER;
      this.closeReady();
    }
  }

  /** Moves a stream past the segments it has no sentinel for. */
  private skipUnmarked(state: StreamState): void {
    while (state.unmarked.delete(state.segment)) state.segment++;
  }

  private segment(index: number): Segment {
    let seg = this.segments.get(index);
    if (!seg) {
      seg = new Segment();
      this.segments.set(index, seg);
    }
    return seg;
  }

  private closeReady(): void {
    const allEnded = this.streams.every((s) => s.ended);
    let lowest = Math.min(...this.streams.map((s) => s.segment));
    // When every stream ended, close exactly the segments that were claimed or hold data.
    if (allEnded) lowest = Math.max(this.nextClaim, ...[...this.segments.keys()].map((k) => k + 1));
    while (this.closedBelow < lowest) {
      const index = this.closedBelow++;
      const buf = this.segments.get(index)?.toBuffer() ?? Buffer.alloc(0);
      this.segments.delete(index);
      const waiter = this.waiters.get(index);
      if (waiter) {
        this.waiters.delete(index);
        waiter(buf);
      } else if (index >= this.nextClaim) {
        this.closedUnclaimed.set(index, buf);
      }
    }
  }
}
