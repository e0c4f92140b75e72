import * as path from "path";
import fc from "fast-check";
import { HybridlinkError, Manifest } from "../../lib";
import { validateManifest } from "../../lib/rules/validate";
import { exampleApp, exampleFolders } from "../e2e/example-matrices";

/**
 * Issue 16 item 4: manifests as `validate` meets them — a real example's
 * manifest with one part replaced by any JSON value (or removed). `validate`
 * must answer with findings, or a typed hybridlink error; never a TypeError
 * or any other untyped failure.
 *
 * `npm test` runs a bounded number with a fixed seed; `npm run fuzz` many more
 * (FUZZ_RUNS, FUZZ_SEED to replay one).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 20261204;

const manifests: Manifest[] = exampleFolders().map((f) => exampleApp(path.basename(f)).synth());

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path into a JSON document (arrays by index, objects by key). */
function pathsOf(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

/** `doc` with the value at `at` replaced (or, with `undefined`, removed). */
function mutate(doc: Json, at: (string | number)[], value: Json | undefined): Json {
  if (at.length === 0) return value === undefined ? null : value;
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  let node = copy as Record<string | number, Json>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = at[at.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

const anyValue: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 100_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom("", "10.0.0.0/8", "not-a-cidr", "vpc-00000001", "x".repeat(300), "HL-VPN-010", "0.0.0.0/0"),
  fc.constant([] as Json),
  fc.constant({} as Json),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

describe("validate over mutated manifests", () => {
  test("answers with findings or a typed error, never an untyped failure", () => {
    const untyped: string[] = [];
    fc.assert(
      fc.property(fc.nat(), fc.nat(), anyValue, (which, where, value) => {
        const doc = manifests[which % manifests.length] as unknown as Json;
        const paths = pathsOf(doc);
        const at = paths[where % paths.length];
        const mutated = mutate(doc, at, value) as unknown as Manifest;
        try {
          const report = validateManifest(mutated);
          return Array.isArray(report.errors);
        } catch (err) {
          if (HybridlinkError.isHybridlinkError(err)) return true;
          // Collected, not failed at once: the report lists every distinct cause of one run.
          untyped.push(`${at.join(".")} = ${JSON.stringify(value)?.slice(0, 60)}: ${(err as Error).stack?.split("\n").slice(0, 2).join(" | ")}`);
          return true;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(untyped).toEqual([]);
  });
});
