/**
 * A streamed function response as the emulator sees it: the chunks a runtime posts in
 * `Lambda-Runtime-Function-Response-Mode: streaming`, consumable once as an async iterable, plus how the
 * stream ended (the error trailers, if any). Single consumer; the producer is paused while it lags.
 */

export interface StreamEnd {
  /** `Lambda-Runtime-Function-Error-Type` trailer (or the platform's error: timeout, exit). */
  errorType?: string;
  /** The error body, decoded from the base64 `Lambda-Runtime-Function-Error-Body` trailer. */
  errorBody?: Buffer;
}

export class ChunkStream implements AsyncIterable<Buffer> {
  private readonly queue: Buffer[] = [];
  private queuedBytes = 0;
  private ending: StreamEnd | undefined;
  private wake: (() => void) | undefined;
  private resolveDone: (end: StreamEnd) => void = () => {};
  private paused = false;
  /** Total bytes pushed so far. */
  bytes = 0;
  /** Settles once the producer finished (whether or not the consumer read everything). */
  readonly done: Promise<StreamEnd>;

  constructor(
    readonly contentType: string,
    private readonly flow: { pause(): void; resume(): void } = { pause() {}, resume() {} },
    private readonly highWaterMark = 1 << 20,
  ) {
    // The executor runs synchronously, so resolveDone is wired before anyone can call end().
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  get ended(): boolean {
    return this.ending !== undefined;
  }

  push(chunk: Buffer): void {
    if (this.ending) return;
    this.queue.push(chunk);
    this.queuedBytes += chunk.length;
    this.bytes += chunk.length;
    if (this.queuedBytes > this.highWaterMark && !this.paused) {
      this.paused = true;
      this.flow.pause();
    }
    this.notify();
  }

  end(info: StreamEnd = {}): void {
    if (this.ending) return;
    this.ending = info;
    this.resolveDone(info);
    this.notify();
  }

  /** Everything, once the stream ended (for the buffered Invoke of a streaming function). */
  async collect(): Promise<{ body: Buffer; end: StreamEnd }> {
    const chunks: Buffer[] = [];
    for await (const chunk of this) chunks.push(chunk);
    const end = await this.done;
    return { body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks), end };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      const chunk = this.queue.shift();
      if (chunk) {
        this.queuedBytes -= chunk.length;
        if (this.paused && this.queuedBytes <= this.highWaterMark / 2) {
          this.paused = false;
          this.flow.resume();
        }
        yield chunk;
        continue;
      }
      if (this.ending) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
