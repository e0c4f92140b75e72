import fc from "fast-check";
import { CrossRegionPeering, Finding, HubSpokeVpn, HybridlinkError, NetworkApp, SecretValue, Vpc, VpnRouting } from "../../lib";
import { EngineDeployment, keyEnvironment, TicketGrant } from "../e2e/engine-deployment";
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
    // Tickets are the account's, outside the program: grant what the warnings name, and nothing else, so a
    // warning that misses a ticket (or names the wrong account) is a counterexample like any refusal.
    deployment.apply(manifest, { acceptPeerings: spec.acceptPeerings, tickets: ticketsNamed(result.report.findings) });
    return { stage: "deployed", resources: manifest.resources.length };
  } catch (err) {
    const e = err as HybridlinkError;
    throw new Error(`synth accepted the program, the engine refused it: [${e.code}] ${e.message}`);
  } finally {
    deployment.close();
  }
}

/** The grants the ticket warnings (HL-VPN-015, HL-PEER-016) tell the user to make, read from their messages. */
function ticketsNamed(findings: readonly Finding[]): TicketGrant[] {
  const grants = new Map<string, TicketGrant>();
  for (const f of findings) {
    for (const m of f.message.matchAll(/hybridlink account feature grant (\S+) --account (\S+) --ticket/g)) grants.set(`${m[2]}/${m[1]}`, { account: m[2], feature: m[1] });
  }
  return [...grants.values()];
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

describe("tickets: state outside the program", () => {
  const ACCOUNT = "310000000031";
  /** A Tencent app needing both tickets: a route-table hub (seed 000) and a 12 Gbps cross-region peering (seed 003). */
  function ticketedApp(): NetworkApp {
    const app = new NetworkApp({ profile: "tencent", defaultAccount: ACCOUNT });
    const hub = new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-chengdu", cidrs: ["10.61.0.0/16"] }, routing: VpnRouting.ROUTE_TABLE, idcTransit: true });
    hub.addSpoke("Plant", { site: { cidrs: ["172.31.64.0/20"] }, device: "203.0.113.61", preSharedKey: SecretValue.fromEnv("TICKET_PSK") });
    const requester = new Vpc(app, "West", { region: "ap-chengdu", cidrs: ["10.62.0.0/16"] });
    const accepter = new Vpc(app, "East", { region: "ap-shanghai", cidrs: ["10.63.0.0/16"] });
    new CrossRegionPeering(app, "Trunk", { requester, accepter, bandwidthMbps: 12_000 });
    return app;
  }

  it("the warnings name both grants; without them the plan stops before its first create, with them it deploys", () => {
    const { manifest, report } = ticketedApp().synthesize({ throwOnError: false });
    expect(report.errors).toEqual([]);
    const named = ticketsNamed(report.findings);
    expect(named.sort((a, b) => a.feature.localeCompare(b.feature))).toEqual([
      { account: ACCOUNT, feature: "peering-bandwidth-above-cap" },
      { account: ACCOUNT, feature: "vpn-route-table" },
    ]);

    const refused = EngineDeployment.open("tencent", keyEnvironment(manifest));
    try {
      let err: HybridlinkError | undefined;
      try {
        refused.apply(manifest, { tickets: [] });
      } catch (e) {
        err = e as HybridlinkError;
      }
      expect(err?.code).toBe("UnsupportedOperation.FeatureNotEnabled");
      expect(err?.message).toContain("nothing was created");
      expect(err?.message).toContain(`hybridlink account feature grant vpn-route-table --account ${ACCOUNT}`);
      expect(err?.message).toContain(`hybridlink account feature grant peering-bandwidth-above-cap --account ${ACCOUNT}`);
      // No half-deploy: not one resource in the cloud, not one record.
      expect(refused.networkModel().vpcs).toHaveLength(0);
      expect(refused.stackRecords()).toEqual([]);
      // One ticket is not enough: still refused whole.
      expect(() => refused.apply(manifest, { tickets: named.filter((g) => g.feature === "vpn-route-table") })).toThrow(/peering-bandwidth-above-cap/);
      expect(refused.stackRecords()).toEqual([]);
    } finally {
      refused.close();
    }

    const granted = EngineDeployment.open("tencent", keyEnvironment(manifest));
    try {
      granted.apply(manifest, { tickets: named });
      expect(granted.stackRecords().length).toBe(manifest.resources.length);
    } finally {
      granted.close();
    }
  });
});
