/**
 * An HTTP response written while its content is still being produced (InvokeWithResponseStream, function
 * URLs in RESPONSE_STREAM mode): headers leave at once, every write is flushed to the socket as it is made
 * (no Nagle delay), a slow reader slows the writer (drain), and a client that went away turns writes into
 * no-ops instead of errors — the function behind it keeps running to its end, as in Lambda.
 */
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

export class LiveResponse {
  private gone = false;

  constructor(private readonly res: ServerResponse) {
    res.socket?.setNoDelay(true);
    res.once("close", () => {
      if (!res.writableFinished) this.gone = true;
    });
    // A write racing a disconnect reports through 'error'; the close handler already recorded it.
    res.on("error", () => {
      this.gone = true;
    });
  }

  /** The client disconnected before the response was complete. */
  get clientGone(): boolean {
    return this.gone || this.res.destroyed;
  }

  get started(): boolean {
    return this.res.headersSent;
  }

  /** Sends the status line and headers now, before any body byte exists. */
  start(status: number, headers: OutgoingHttpHeaders): void {
    if (this.clientGone) return;
    this.res.writeHead(status, headers);
    this.res.flushHeaders();
  }

  /** Writes one piece of the body; resolves once the socket can take more (or the client is gone). */
  async write(bytes: Uint8Array): Promise<void> {
    if (this.clientGone || bytes.length === 0) return;
    if (this.res.write(bytes)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.res.off("drain", done);
        this.res.off("close", done);
        resolve();
      };
      this.res.on("drain", done);
      this.res.on("close", done);
    });
  }

  end(bytes?: Uint8Array): void {
    if (this.clientGone) return;
    if (bytes && bytes.length > 0) this.res.end(bytes);
    else this.res.end();
  }

  /** Cuts the connection (a stream that cannot be completed must not look complete). */
  abort(): void {
    if (!this.res.destroyed) this.res.destroy();
  }
}
