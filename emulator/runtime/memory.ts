/**
 * A process's peak resident memory (VmHWM in /proc/<pid>/status), which is what Lambda's "Max Memory
 * Used" reports for the environment. The file stays open for the environment's life and is re-read
 * with one positional read per invocation (procfs regenerates it at offset 0).
 */
import { open, type FileHandle } from "node:fs/promises";

export class PeakMemory {
  private handle: Promise<FileHandle | undefined> | undefined;
  private readonly buf = Buffer.alloc(4096);
  /** Last value read, in MB (kept for when the process is gone). */
  lastMB = 0;

  constructor(private readonly pid: number | undefined) {}

  async read(): Promise<number> {
    if (this.pid === undefined) return this.lastMB;
    this.handle ??= open(`/proc/${this.pid}/status`, "r").catch(() => undefined);
    const handle = await this.handle;
    if (!handle) return this.lastMB;
    try {
      const { bytesRead } = await handle.read(this.buf, 0, this.buf.length, 0);
      const text = this.buf.toString("latin1", 0, bytesRead);
      const m = /VmHWM:\s*(\d+)\s*kB/.exec(text);
      if (m) this.lastMB = Math.ceil(Number(m[1]) / 1024);
    } catch {
      // The process exited between invocations' reads; keep the last value.
    }
    return this.lastMB;
  }

  async close(): Promise<void> {
    const handle = await this.handle;
    this.handle = Promise.resolve(undefined);
    await handle?.close().catch(() => undefined);
  }
}
