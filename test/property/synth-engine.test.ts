import fc from "fast-check";
import { HybridlinkError, NetworkApp } from "../../lib";
import { EngineDeployment, keyEnvironment } from "../e2e/engine-deployment";
import { buildProgram, ProgramSpec, programSpec } from "./programs";

/**
 * Synth ⊇ engine: every program synth accepts deploys on a fresh engine the
 * way `hybridlink up` deploys it, with no refusal. A counterexample is a
 * constraint the engine enforces and the rule catalog misses: it becomes a rule.
 *
 * `npm test` runs a bounded number of programs (400, ~12 s of CPU) with a fixed seed; `npm run fuzz`
 * runs many more with a fresh seed (FUZZ_RUNS, FUZZ_SEED to replay one).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 1104;

/** What happened to one program: refused by synth (fine), deployed, or refused by the engine (a counterexample). */
type Outcome = { readonly stage: "synth"; readonly codes: readonly string[] } | { readonly stage: "deployed"; readonly resources: number };

function attempt(spec: ProgramSpec): Outcome {
  let app: NetworkApp;
  try {
    app = buildProgram(spec);
  } catch (err) {
    // Construction refusals are the synth side's too (typed, before anything is created).
    if (HybridlinkError.isHybridlinkError(err)) return { stage: "synth", codes: [err.code] };
    throw err;
  }
  const result = app.synthesize({ throwOnError: false });
  if (result.report.errors.length > 0) return { stage: "synth", codes: [...new Set(result.report.errors.map((f) => f.ruleId))] };
  const manifest = result.manifest;
  const deployment = EngineDeployment.open(manifest.app.profile, keyEnvironment(manifest));
  try {
    deployment.apply(manifest, { acceptPeerings: spec.acceptPeerings });
    return { stage: "deployed", resources: manifest.resources.length };
  } catch (err) {
    const e = err as HybridlinkError;
    throw new Error(`synth accepted the program, the engine refused it: [${e.code}] ${e.message}`);
  } finally {
    deployment.close();
  }
}

describe("synth ⊇ engine", () => {
  it(`every program synth accepts deploys with no refusal (${RUNS} programs, seed ${SEED})`, () => {
    const tally = { synth: 0, deployed: 0, resources: 0 };
    fc.assert(
      fc.property(programSpec, (spec) => {
        const outcome = attempt(spec);
        tally[outcome.stage]++;
        if (outcome.stage === "deployed") tally.resources += outcome.resources;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    // The generator must reach the engine often enough for the property to mean something.
    expect(tally.deployed).toBeGreaterThanOrEqual(Math.floor(RUNS / 5));
    if (process.env.FUZZ_RUNS) console.log(`seed ${SEED}: ${tally.deployed} deployed (${tally.resources} resources), ${tally.synth} refused by synth`);
  });
});
