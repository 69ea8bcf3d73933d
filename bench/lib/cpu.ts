/** CPU time of a process tree, read from /proc (Linux): how the bench splits the cost of an invoke. */
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return tasks ? tasks.split(" ").map(Number) : [];
  } catch {
    return [];
  }
}

/** CPU ms used so far by `pid` itself and by its (live) descendants. */
export function cpuMs(pid: number): { self: number; children: number } {
  let children = 0;
  const stack = childrenOf(pid);
  while (stack.length > 0) {
    const c = stack.pop() as number;
    children += ticksOf(c);
    stack.push(...childrenOf(c));
  }
  return { self: (ticksOf(pid) * 1000) / TICKS_PER_SECOND, children: (children * 1000) / TICKS_PER_SECOND };
}
