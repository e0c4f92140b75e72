/**
 * Pulumi adapter benchmark: the generated N = 1000 ring app of synth.bench.ts
 * (about 5.5 × N resources) deployed through `deploy(app)` under Pulumi's mock
 * runtime, against registering the same number of bare
 * `pulumi.dynamic.Resource`s with one trivial provider, in one run. The mocks
 * are trivial everywhere (state = inputs): this measures what the adapter
 * adds to Pulumi's own registration cost, not the engine.
 *
 * Two baselines, because Pulumi's cost grows with each resource's properties
 * and references: bare resources with one property (`{ index }`), and bare
 * resources carrying the same inputs as the adapter's (the manifest props,
 * references as the referenced bare resource's `id` Output), i.e. the same
 * program written by hand. Target: the adapter adds no more than 10% over
 * Pulumi's own cost for the same resources (the second baseline).
 *
 * The adapter is the built package's (dist/), as users run it. Source maps
 * are off while measuring: Pulumi stamps every promise with
 * `new Error().stack`, and with source maps on (tsx turns them on for the
 * bench process) formatting those stacks dominates.
 */
import { performance } from "perf_hooks";
import * as pulumi from "@pulumi/pulumi";
import type * as hybridlink from "../lib";
import type * as adapter from "../lib/pulumi";
import type * as inputs from "../providers/dynamic/inputs";
import { BenchContext, built, pairedRatio, Report, spreadOf, stats } from "./harness";
import { buildRingApp, setRingKeys } from "./topology";

const { deploy } = built<typeof adapter>("lib/pulumi");
const library = built<typeof hybridlink>("lib");
const { dependencyOrder, resourceInputs } = built<typeof inputs>("providers/dynamic/inputs");

const N = 1000;
const TARGET_OVERHEAD = 0.1;

// Internal to the SDK but exported: resolves once every registration RPC has been answered.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

class TrivialMocks implements pulumi.runtime.Mocks {
  public count = 0;
  public newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
    this.count++;
    return { id: `${args.name}-id`, state: args.inputs };
  }
  public call(): Record<string, unknown> {
    return {};
  }
}

class BareResource extends pulumi.dynamic.Resource {}

const trivialProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: "id", outs: inputs };
  },
};

async function timed(expected: number, register: () => void): Promise<number> {
  const mocks = new TrivialMocks();
  await pulumi.runtime.setMocks(mocks, "bench", "bench", false);
  const start = performance.now();
  register();
  await waitForRPCs();
  const seconds = (performance.now() - start) / 1000;
  if (mocks.count !== expected) throw new Error(`registered ${mocks.count} resources, expected ${expected}`);
  return seconds;
}

async function series(rounds: number, ordered: ReturnType<typeof dependencyOrder>, count: number) {
  const minimal: number[] = [];
  const handWritten: number[] = [];
  const adapter: number[] = [];
  for (let round = 0; round < rounds; round++) {
    minimal.push(
      await timed(count, () => {
        for (let i = 0; i < count; i++) new BareResource(trivialProvider, `r${round}-${i}`, { index: i });
      }),
    );
    handWritten.push(
      await timed(count, () => {
        const registered: Record<string, BareResource> = {};
        for (const r of ordered) {
          const inputs = resourceInputs<pulumi.Input<unknown>>(r, {
            ref: (ref) => registered[ref.ref].id,
            secret: (s) => pulumi.secret(process.env[(s.secret as { name: string }).name]!),
          });
          registered[r.logicalId] = new BareResource(trivialProvider, `h${round}-${r.logicalId}`, inputs);
        }
      }),
    );
    // The app is built outside the timing, as a program builds it before deploying; synth is inside.
    const app = buildRingApp(N, library);
    adapter.push(
      await timed(count, () => {
        deploy(app);
      }),
    );
  }
  return { minimal, handWritten, adapter };
}

export async function run(report: Report, ctx: BenchContext): Promise<void> {
  setRingKeys(N);
  const manifest = buildRingApp(N, library).synth();
  const count = manifest.resources.length;
  const ordered = dependencyOrder(manifest.resources);

  const mapsWereOn = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    // One round to warm up (the first registrations pay for loading and JIT), then the measured ones.
    await series(1, ordered, count);
    const { minimal, handWritten, adapter } = await series(ctx.runs, ordered, count);
    const ratio = pairedRatio(adapter, handWritten);
    const seconds = (xs: number[]) => ({ median: stats(xs).median, ...spreadOf(stats(xs)) });
    const bare = seconds(minimal);
    const same = seconds(handWritten);
    const ours = seconds(adapter);
    report(`bare dynamic resources, { index }, ${count}`, bare.median, "s", { spread: bare.spread, runs: bare.runs });
    report(`bare dynamic resources, same inputs, ${count}`, same.median, "s", { spread: same.spread, runs: same.runs });
    report(`deploy(app) N=${N}, ${count} resources (synth included)`, ours.median, "s", { spread: ours.spread, runs: ours.runs });
    report("adapter / bare with the same inputs (per round)", ratio.median, "×", {
      ...spreadOf(ratio),
      target: { text: `≤ ${1 + TARGET_OVERHEAD}×`, met: ratio.median <= 1 + TARGET_OVERHEAD },
    });
    report("adapter / bare { index } (per round)", pairedRatio(adapter, minimal).median, "×", "includes Pulumi's per-property cost of the real inputs");
  } finally {
    process.setSourceMapsEnabled(mapsWereOn);
  }
}
