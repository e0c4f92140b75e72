/**
 * What every bench shares: the run's mode, statistics over repeated runs,
 * whole processes timed from the outside, and paired series (baseline and
 * subject alternate, so that load from other processes on a shared machine
 * falls on both alike and their ratio stays meaningful).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** Quick (a few minutes, the default) or full (bigger workloads, more runs). */
export type BenchMode = "quick" | "full";

/** One measured figure. `spread` is min–max over the runs; `target` says what it must meet. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
  readonly spread?: readonly [number, number];
  readonly runs?: number;
  /** The target in words (`≤ 0.3 s`) and whether this run met it. */
  readonly target?: { readonly text: string; readonly met: boolean };
}

/** Records one figure: `report(name, value, unit, note?)`, or with `details` for spread and target. */
export type Report = (name: string, value: number, unit: string, details?: string | Omit<Figure, "name" | "value" | "unit">) => void;

/** What a bench module exports. */
export interface BenchContext {
  readonly mode: BenchMode;
  /** Runs per series: at least 5 (the median and spread of ≥ 5 runs). */
  readonly runs: number;
}

/** Median, min and max of a series. */
export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** The `details` of a report for a series: its spread and run count. */
export function spreadOf(s: Stats, scale = 1): { spread: [number, number]; runs: number } {
  return { spread: [s.min * scale, s.max * scale], runs: s.runs };
}

/** The value at quantile q (0–1) of unsorted samples. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export function millisSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Times `work` in milliseconds. */
export function timeMs(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return millisSince(start);
}

/** A command line to run as a cold process. */
export interface ProcessSpec {
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Exit codes that count as success. @default [0] */
  readonly okCodes?: readonly number[];
}

/** Runs `node <args>` to completion and returns its wall time in ms; throws with its output when it fails. */
export function timeNodeProcess(spec: ProcessSpec): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, spec.args as string[], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = millisSince(start);
  const ok = spec.okCodes ?? [0];
  if (result.error || !ok.includes(result.status ?? -1)) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.slice(-2000);
    throw new Error(`node ${spec.args.join(" ")} exited ${result.status}: ${result.error?.message ?? ""}\n${output}`);
  }
  return ms;
}

/**
 * Runs each named sample function once per round for `runs` rounds, in
 * turn, so that what the machine's other load does to one round it does to
 * all of them; returns the series of each. `prepare` runs before every
 * round, untimed (e.g. a fresh store).
 */
export function pairedSeries<K extends string>(runs: number, samples: Record<K, () => number>, prepare?: (round: number) => void): Record<K, Stats & { values: number[] }> {
  const values = Object.fromEntries(Object.keys(samples).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < runs; round++) {
    prepare?.(round);
    for (const key of Object.keys(samples) as K[]) values[key].push(samples[key]());
  }
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { ...stats(v as number[]), values: v as number[] }])) as Record<K, Stats & { values: number[] }>;
}

/** `pairedSeries` for samples that are asynchronous. */
export async function pairedSeriesAsync<K extends string>(runs: number, samples: Record<K, () => Promise<number>>): Promise<Record<K, Stats & { values: number[] }>> {
  const values = Object.fromEntries(Object.keys(samples).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < runs; round++) {
    for (const key of Object.keys(samples) as K[]) values[key].push(await samples[key]());
  }
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { ...stats(v as number[]), values: v as number[] }])) as Record<K, Stats & { values: number[] }>;
}

/** The ratio of two series taken round by round (paired), as median and spread. */
export function pairedRatio(numerator: readonly number[], denominator: readonly number[]): Stats {
  return stats(numerator.map((n, i) => n / denominator[i]));
}

/**
 * A folder laid out as a user's project: the bench programs, and
 * `node_modules/hybridlink` linking to this checkout (its built package,
 * dist/), with aws-cdk-lib and constructs for the CDK baseline. Programs
 * load the package as an installed user's would, and `.ts` programs are
 * compiled by the CLI's tsx hook, not against the repository's sources.
 */
export function userProject(): { dir: string; cleanup(): void } {
  const root = path.resolve(__dirname, "..");
  if (!fs.existsSync(path.join(root, "dist", "lib", "cli", "main.js"))) {
    throw new Error("bench: the CLI is not built; run `npm run build` first");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hybridlink-bench-"));
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(modules);
  fs.symlinkSync(root, path.join(modules, "hybridlink"), "dir");
  for (const pkg of ["aws-cdk-lib", "constructs"]) fs.symlinkSync(path.join(root, "node_modules", pkg), path.join(modules, pkg), "dir");
  for (const file of fs.readdirSync(path.join(__dirname, "programs"))) fs.copyFileSync(path.join(__dirname, "programs", file), path.join(dir, file));
  // The same program as TypeScript, for the figure with tsx's compile on the way in.
  fs.copyFileSync(path.join(dir, "ring.js"), path.join(dir, "ring.ts"));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The hybridlink CLI's entry, for `timeNodeProcess({ args: [cli, ...] })`. */
export const CLI = path.resolve(__dirname, "..", "bin", "hybridlink.js");

/** The machine, for RESULTS.md: CPU model and count, memory, OS, Node, load when the run started. */
export function machineDescription(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  return `${cpus.length} × ${model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}; load average at start ${load} (1/5/15 min)`;
}

/**
 * A module of the built package (dist/), for in-process benches: they
 * measure the code users run, not tsx's on-the-fly compile of the sources
 * (which wraps every function). Types come from the sources.
 */
export function built<T>(modulePath: string): T {
  const file = path.resolve(__dirname, "..", "dist", modulePath);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}
