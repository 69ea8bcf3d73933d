import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { LogCollector } from "./log-collector";

const TOKEN = Buffer.from("\u001eabc123\u001f", "latin1");
const tick = () => new Promise((r) => setImmediate(r));

describe("LogCollector (sentinel mode)", () => {
  it("cuts segments at the sentinel on every stream, keeping arrival order", async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    const logs = new LogCollector([out, err], TOKEN);
    const first = logs.nextSegment().promise;
    out.write("init line\n");
    out.write(TOKEN);
    err.write(TOKEN);
    expect((await first).toString()).toBe("init line\n");

    const second = logs.nextSegment().promise;
    out.write("a\n");
    err.write("b\n");
    out.write(Buffer.concat([Buffer.from("c\n"), TOKEN, Buffer.from("next invocation\n")]));
    let done = false;
    void second.then(() => (done = true));
    await tick();
    // stderr has not reached its sentinel yet: the segment stays open.
    expect(done).toBe(false);
    err.write(TOKEN);
    expect((await second).toString()).toBe("a\nb\nc\n");
    const third = logs.nextSegment().promise;
    out.write(TOKEN);
    err.write(TOKEN);
    expect((await third).toString()).toBe("next invocation\n");
  });

  it("does not wait for a sentinel on a stream the runtime marked as unwritten", async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    const logs = new LogCollector([out, err], TOKEN);
    const init = logs.nextSegment().promise;
    out.write(TOKEN);
    err.write(TOKEN);
    await init;
    // Invocation 1 wrote only to stdout; its sentinel came before the answer was processed.
    out.write(Buffer.concat([Buffer.from("only stdout\n"), TOKEN]));
    await tick();
    expect((await logs.nextSegment([true, false]).promise).toString()).toBe("only stdout\n");
    // Invocation 2 wrote nothing at all; its claim closes at once, before any sentinel.
    expect((await logs.nextSegment([false, false]).promise).length).toBe(0);
    // Invocation 3 writes to both again: everything lines up.
    const third = logs.nextSegment([true, true]).promise;
    out.write(Buffer.concat([Buffer.from("x\n"), TOKEN]));
    err.write(Buffer.concat([Buffer.from("y\n"), TOKEN]));
    expect((await third).toString()).toBe("x\ny\n");
  });

  it("finds a sentinel split across chunks", async () => {
    const out = new PassThrough();
    const logs = new LogCollector([out], TOKEN);
    const seg = logs.nextSegment().promise;
    out.write(Buffer.concat([Buffer.from("hello"), TOKEN.subarray(0, 3)]));
    await tick();
    out.write(Buffer.concat([TOKEN.subarray(3), Buffer.from("rest")]));
    expect((await seg).toString()).toBe("hello");
    const next = logs.nextSegment().promise;
    out.end();
    expect((await next).toString()).toBe("rest");
  });

  it("closes the open segment when the streams end, and later claims get empty segments", async () => {
    const out = new PassThrough();
    const logs = new LogCollector([out], TOKEN);
    const seg = logs.nextSegment().promise;
    out.end("crashed halfway");
    expect((await seg).toString()).toBe("crashed halfway");
    expect((await logs.nextSegment().promise).length).toBe(0);
  });

  it("forceClose ends a segment whose sentinel never came, and skips that sentinel later", async () => {
    const out = new PassThrough();
    const logs = new LogCollector([out], TOKEN);
    const { index, promise } = logs.nextSegment();
    out.write("partial");
    await tick();
    logs.forceClose(index);
    expect((await promise).toString()).toBe("partial");
    const next = logs.nextSegment().promise;
    out.write(Buffer.concat([Buffer.from("late"), TOKEN, Buffer.from("new"), TOKEN]));
    expect((await next).toString()).toBe("latenew");
  });
});

describe("LogCollector (time mode)", () => {
  it("returns what arrived since the previous take", async () => {
    const out = new PassThrough();
    const logs = new LogCollector([out], undefined);
    out.write("one");
    await tick();
    expect(logs.take().toString()).toBe("one");
    out.write("two");
    await tick();
    expect(logs.take().toString()).toBe("two");
  });
});
