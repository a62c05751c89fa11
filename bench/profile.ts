import { Session } from 'node:inspector/promises';
import { basename } from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] }

export interface ProfileSummary {
  runs: number;
  /** Self time per run, by package or folder. */
  byArea: { area: string; ms: number; share: number }[];
  /** The functions with the most self time, per run. */
  topFunctions: { name: string; area: string; ms: number; share: number }[];
}

/** Where a function lives: the package or our folder. Native work (zlib, crypto) is charged to its JavaScript caller. */
function areaOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)' || functionName === '(idle)' || functionName === '(root)') return '(program/idle)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] === 'restructure' ? 'fontkit (restructure)' : pkg[1]!;
  const ours = /\/(reports\/pdf|reports\/signing|reports|scales|bench)\//.exec(url);
  if (ours) return ours[1]!;
  if (url.startsWith('node:')) return 'node internals';
  return url ? 'other' : '(native/builtin)';
}

/**
 * Runs `work` `runs` times under V8's sampling profiler (the in-process equivalent of `node --cpu-prof`) and sums
 * self time by area and by function.
 */
export async function profile(work: () => Promise<unknown>, runs: number): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    for (let i = 0; i < runs; i++) await work();
    const { profile: cpu } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    return summarise(cpu, runs);
  } finally {
    session.disconnect();
  }
}

function summarise(cpu: CpuProfile, runs: number): ProfileSummary {
  const selfUs = new Map<number, number>();
  const samples = cpu.samples ?? [];
  const deltas = cpu.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, { area: string; us: number }>();
  let total = 0;
  for (const node of cpu.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const area = areaOf(node);
    if (area === '(program/idle)') continue;
    total += us;
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${basename(url)}:${lineNumber + 1}` : ''}`.trim();
    const entry = byFunction.get(name) ?? { area, us: 0 };
    entry.us += us;
    byFunction.set(name, entry);
  }
  const perRun = (us: number) => us / 1000 / runs;
  return {
    runs,
    byArea: [...byArea].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, ms: perRun(us), share: us / total })),
    topFunctions: [...byFunction].sort((a, b) => b[1].us - a[1].us).slice(0, 15)
      .map(([name, { area, us }]) => ({ name, area, ms: perRun(us), share: us / total })),
  };
}
