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
 * Source maps are off while measuring: Pulumi stamps every promise with
 * `new Error().stack`, and under tsx (source maps on) formatting those
 * stacks dominates and grows with the TypeScript frames on the stack, an
 * artifact of running the adapter from its sources. One round with them on
 * is reported too.
 */
import { performance } from "perf_hooks";
import * as pulumi from "@pulumi/pulumi";
import { deploy } from "../lib/pulumi";
import { dependencyOrder, resourceInputs } from "../providers/dynamic/inputs";
import type { Report } from "./run";
import { buildRingApp } from "./synth.bench";

const N = 1000;
const ROUNDS = 3;
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
    const app = buildRingApp(N);
    adapter.push(
      await timed(count, () => {
        deploy(app);
      }),
    );
  }
  const best = (xs: number[]) => Math.min(...xs);
  return { minimal: best(minimal), handWritten: best(handWritten), adapter: best(adapter) };
}

export async function run(report: Report): Promise<void> {
  for (let j = 0; j < Math.floor(N / 10); j++) process.env[`PSK_${j}`] = `bench-psk-${j}`;
  const manifest = buildRingApp(N).synth();
  const count = manifest.resources.length;
  const ordered = dependencyOrder(manifest.resources);

  const mapsWereOn = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  const off = await series(ROUNDS, ordered, count);
  process.setSourceMapsEnabled(true);
  const on = await series(1, ordered, count);
  process.setSourceMapsEnabled(mapsWereOn);
  const ratio = off.adapter / off.handWritten;
  report(`bare dynamic resources, { index }, ${count} (best of ${ROUNDS})`, off.minimal, "s");
  report(`bare dynamic resources, same inputs, ${count} (best of ${ROUNDS})`, off.handWritten, "s");
  report(`deploy(app) N=${N}, ${count} resources (best of ${ROUNDS})`, off.adapter, "s");
  report("adapter / bare with the same inputs", ratio, "ratio", `target ≤ ${1 + TARGET_OVERHEAD}: ${ratio <= 1 + TARGET_OVERHEAD ? "met" : "MISSED"}`);
  report("adapter / bare { index }", off.adapter / off.minimal, "ratio", "includes Pulumi's per-property cost of the real inputs");
  report("source maps on: bare same inputs (1 round)", on.handWritten, "s");
  report("source maps on: deploy(app) (1 round)", on.adapter, "s");
  report("source maps on: adapter / bare with the same inputs", on.adapter / on.handWritten, "ratio", "stack formatting of TypeScript frames included");
}
