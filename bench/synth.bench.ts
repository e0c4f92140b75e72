/**
 * Synth, whole process: `hybridlink synth` of a user's program (cold `node`,
 * the installed package, every rule, the manifest written) against
 * aws-cdk-lib L1 synth of the same topology (bench/programs/cdk-ring.js,
 * validators off), run by run in the same bench, at N = 1000 and 5000.
 * Targets: hybridlink ≥ 10× faster than CDK at both sizes; start-up ≤ 80 ms
 * (the CLI on a one-VPC program, over bare `node -e 0` measured alongside).
 *
 * In-process figures (construct, synthesize; the built package) follow: they are what a profile
 * of synth itself looks at.
 */
import * as path from "path";
import { performance } from "perf_hooks";
import type * as hybridlink from "../lib";
import { BenchContext, built, CLI, pairedRatio, pairedSeries, Report, spreadOf, stats, timeNodeProcess, userProject } from "./harness";
import { buildRingApp, setRingKeys } from "./topology";

export { buildRingApp } from "./topology";

const STARTUP_TARGET_MS = 80;
const SPEEDUP_TARGET = 10;

export async function run(report: Report, ctx: BenchContext): Promise<void> {
  const project = userProject();
  try {
    startup(report, ctx, project.dir);
    for (const n of [1000, 5000]) againstCdk(report, ctx, project.dir, n);
    typescriptProgram(report, ctx, project.dir);
  } finally {
    project.cleanup();
  }
  inProcess(report, ctx);
}

function startup(report: Report, ctx: BenchContext, dir: string): void {
  const series = pairedSeries(ctx.runs * 2, {
    node: () => timeNodeProcess({ args: ["-e", "0"], cwd: dir }),
    synth: () => timeNodeProcess({ args: [CLI, "synth", "tiny.js", "-o", path.join(dir, "tiny.json")], cwd: dir }),
    help: () => timeNodeProcess({ args: [CLI, "--help"], cwd: dir }),
  });
  const over = pairedRatio(series.synth.values, series.node.values);
  const added = series.synth.values.map((v, i) => v - series.node.values[i]);
  const addedStats = stats(added);
  report("node -e 0 (the floor: Node's own start-up)", series.node.median, "ms", spreadOf(series.node));
  report("hybridlink synth, one-VPC program, whole process", series.synth.median, "ms", { ...spreadOf(series.synth), note: `${over.median.toFixed(2)}× bare node` });
  report("start-up: synth of one VPC minus bare node, same round", addedStats.median, "ms", {
    ...spreadOf(addedStats),
    target: { text: `≤ ${STARTUP_TARGET_MS} ms`, met: addedStats.median <= STARTUP_TARGET_MS },
    note: "module loading and the CLI itself; the whole process adds Node's own start-up (the line above)",
  });
  report("hybridlink --help, whole process", series.help.median, "ms", { ...spreadOf(series.help), note: "loads every command's definitions" });
}

function againstCdk(report: Report, ctx: BenchContext, dir: string, n: number): void {
  const env = { HL_BENCH_N: String(n) };
  const series = pairedSeries(ctx.runs, {
    hybridlink: () => timeNodeProcess({ args: [CLI, "synth", "ring.js", "-o", path.join(dir, `manifest-${n}.json`)], cwd: dir, env }),
    cdk: () => timeNodeProcess({ args: ["cdk-ring.js"], cwd: dir, env: { ...env, HL_BENCH_OUT: path.join(dir, `cdk.out-${n}`) } }),
  });
  const speedup = pairedRatio(series.cdk.values, series.hybridlink.values);
  report(`hybridlink synth N=${n} (${Math.round(5.5 * n)} resources), whole process`, series.hybridlink.median / 1000, "s", spreadOf(series.hybridlink, 1 / 1000));
  report(`aws-cdk-lib L1 synth N=${n}, validators off, whole process`, series.cdk.median / 1000, "s", spreadOf(series.cdk, 1 / 1000));
  report(`speed-up over CDK L1 at N=${n} (CDK / hybridlink, per round)`, speedup.median, "×", {
    ...spreadOf(speedup),
    target: { text: `≥ ${SPEEDUP_TARGET}×`, met: speedup.median >= SPEEDUP_TARGET },
  });
}

function typescriptProgram(report: Report, ctx: BenchContext, dir: string): void {
  const env = { HL_BENCH_N: "1000" };
  const series = pairedSeries(ctx.runs, {
    js: () => timeNodeProcess({ args: [CLI, "synth", "ring.js", "-o", path.join(dir, "manifest-js.json")], cwd: dir, env }),
    ts: () => timeNodeProcess({ args: [CLI, "synth", "ring.ts", "--no-typecheck", "-o", path.join(dir, "manifest-ts.json")], cwd: dir, env }),
  });
  report("hybridlink synth N=1000 of the program as .ts (tsx compiles it)", series.ts.median / 1000, "s", {
    ...spreadOf(series.ts, 1 / 1000),
    note: `+${(series.ts.median - series.js.median).toFixed(0)} ms over the .js program: tsx's hook and its compile`,
  });
}

function inProcess(report: Report, ctx: BenchContext): void {
  setRingKeys(5000);
  const library = built<typeof hybridlink>("lib");
  for (const n of ctx.mode === "full" ? [1000, 5000] : [5000]) {
    const construct: number[] = [];
    const synth: number[] = [];
    let resources = 0;
    for (let i = 0; i < ctx.runs; i++) {
      let start = performance.now();
      const app = buildRingApp(n, library);
      construct.push(performance.now() - start);
      start = performance.now();
      resources = app.synthesize({ throwOnError: false }).manifest.resources.length;
      synth.push(performance.now() - start);
    }
    const c = stats(construct);
    const s = stats(synth);
    report(`in process: construct the tree, N=${n}`, c.median, "ms", spreadOf(c));
    report(`in process: synthesize (manifest + every rule), N=${n}`, s.median, "ms", { ...spreadOf(s), note: `${resources} resources; ${((1000 * s.median) / resources).toFixed(1)} µs per resource` });
  }
}
