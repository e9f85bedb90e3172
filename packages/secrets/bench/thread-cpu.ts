// Per-thread CPU time of this process, from Linux's /proc/self/task (elsewhere: nothing). On a machine
// whose cores other jobs are using, wall-clock time says little about parallel scaling; the CPU time of
// each thread says how the work was split, and the busiest thread's time is the wall time the scan would
// take if each of its threads had a core to itself.
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's utime/stime (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

function sample(): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return out;
}

export interface ThreadCpu {
  /** This (the main) thread's CPU milliseconds. */
  main: number;
  /** Threads that started during the measurement (the scan's workers), CPU milliseconds each. */
  workers: number[];
  /** Threads that were already there (V8's compiler and GC helpers, libuv's pool). */
  helpers: number;
}

/**
 * Polls every 10 ms while `run` runs (a worker's last moments before it exits can be missed, by at most
 * one poll) and returns its result with the CPU time each thread used.
 */
export async function measureThreads<T>(run: () => Promise<T>): Promise<{ result: T; cpu: ThreadCpu }> {
  const before = sample();
  const last = new Map(before);
  const timer = setInterval(() => {
    for (const [tid, ms] of sample()) last.set(tid, ms);
  }, 10);
  try {
    const result = await run();
    for (const [tid, ms] of sample()) last.set(tid, ms);
    const cpu: ThreadCpu = { main: 0, workers: [], helpers: 0 };
    for (const [tid, ms] of last) {
      const used = ms - (before.get(tid) ?? 0);
      if (tid === String(process.pid)) cpu.main = used;
      else if (!before.has(tid)) cpu.workers.push(used);
      else cpu.helpers += used;
    }
    return { result, cpu };
  } finally {
    clearInterval(timer);
  }
}
