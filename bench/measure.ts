import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/**
 * Clocks for the benchmark. Wall time is what a user waits for; CPU time (this process plus its reaped children,
 * i.e. Chromium and everything Chromium started) is what the work costs, and is much less disturbed when other jobs
 * share the two cores.
 */
export interface Sample {
  wallMs: number;
  /** This process plus the children it waited for (for Chromium an undercount: see bench/subreaper.py). */
  cpuMs: number;
  /** This process alone (all its threads). */
  selfCpuMs: number;
  parts: Record<string, number>;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)

/** CPU time of this process and of its terminated, waited-for children (Linux /proc; children 0 elsewhere). */
export function cpuMsNow(): number {
  return selfCpuMs() + childrenCpuMs();
}

function selfCpuMs(): number {
  const self = process.cpuUsage();
  return (self.user + self.system) / 1000;
}

function childrenCpuMs(): number {
  try {
    // Fields after the "(comm)" part: state is field 3, cutime and cstime are fields 16 and 17.
    const stat = readFileSync('/proc/self/stat', 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Runs `work`, which may note named parts of its time through `mark(name, ms)`. */
export async function measure<T>(work: (mark: (name: string, ms: number) => void) => Promise<T>): Promise<{ result: T; sample: Sample }> {
  const parts: Record<string, number> = {};
  const cpuStart = cpuMsNow();
  const selfStart = selfCpuMs();
  const started = performance.now();
  const result = await work((name, ms) => { parts[name] = (parts[name] ?? 0) + ms; });
  const wallMs = performance.now() - started;
  return { result, sample: { wallMs, cpuMs: cpuMsNow() - cpuStart, selfCpuMs: selfCpuMs() - selfStart, parts } };
}

/** Times one step and reports it to `mark`. */
export async function step<T>(mark: (name: string, ms: number) => void, name: string, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  mark(name, performance.now() - started);
  return result;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const min = (values: readonly number[]): number => Math.min(...values);

/** Busy and idle CPU time of the whole machine, summed over its cores. */
function machineCpuMs(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const { user, nice, sys, irq, idle } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + irq + idle;
  }
  return { busy, total };
}

export interface LoadWindow {
  cores: number;
  loadBefore: number[];
  loadAfter: number[];
  /** Average number of cores busy during the window, all processes. */
  busyCores: number;
  /** Of which this benchmark (itself and its Chromium children). */
  benchCores: number;
  /** The rest: other people's test suites and everything else on the machine. */
  otherCores: number;
  seconds: number;
}

/** Starts watching the machine's load; call the returned function at the end of the window. */
export function watchLoad(): () => LoadWindow {
  const loadBefore = loadavg();
  const machineStart = machineCpuMs();
  const benchStart = cpuMsNow();
  const started = performance.now();
  return () => {
    const seconds = (performance.now() - started) / 1000;
    const machine = machineCpuMs();
    const cores = cpus().length;
    const busyCores = (machine.busy - machineStart.busy) / 1000 / seconds;
    const benchCores = (cpuMsNow() - benchStart) / 1000 / seconds;
    return { cores, loadBefore, loadAfter: loadavg(), busyCores, benchCores, otherCores: Math.max(0, busyCores - benchCores), seconds };
  };
}
