import { NetworkApp } from "../../lib/core/app";
import { modelFromManifest, ModelFromManifestOptions, reachabilityMatrix } from "../../lib/net";
import { parseGrid } from "../net/grid";
import { labelOf, Scenario } from "../net/scenarios/common";
import { buildHa } from "../net/scenarios/ha";
import { buildLoop, LOOP_EXPECTED } from "../net/scenarios/loop";
import { buildP1, P1_EXPECTED } from "../net/scenarios/p1";
import { buildP2, P2_EXPECTED, P2_FIXED_EXPECTED } from "../net/scenarios/p2";
import { buildP3 } from "../net/scenarios/p3";
import { buildS1, S1_EXPECTED } from "../net/scenarios/s1";
import { buildS2, S2_EXPECTED } from "../net/scenarios/s2";
import { buildS3, S3_EXPECTED } from "../net/scenarios/s3";
import { buildS4, S4_EXPECTED } from "../net/scenarios/s4";
import { buildS5a } from "../net/scenarios/s5a";
import { buildS5b } from "../net/scenarios/s5b";
import { buildS6, S6_EXPECTED } from "../net/scenarios/s6";
import { EngineDeployment, keyEnvironment } from "./engine-deployment";
import { cloudIdMap, endpointAnswers, pairAnswers, sameIds } from "./pair-answers";

/**
 * Issue 4 over the lib/net scenario builders (the model-level twins of the
 * examples, plus the variants the examples cannot express: no health checks,
 * a routing loop, pending cross-account peering): deployed to the engine,
 * each answers its builder's expected grid where it has one, and the
 * synth-time and engine answers agree pair by pair. Rule findings do not stop
 * a deployment here (the engine enforces what it enforces), so variants that
 * synth refuses are deployable too.
 */

interface ScenarioCase {
  readonly build: () => Scenario;
  /** The builder's expected matrix (labels, `.` delivered, `-` self), where it has one. */
  readonly expected?: string;
  /** Deploy accepting cross-account peerings (and analyse them as accepted). */
  readonly acceptPeerings?: boolean;
}

const CASES: Record<string, ScenarioCase> = {
  S1: { build: buildS1, expected: S1_EXPECTED },
  S2: { build: buildS2, expected: S2_EXPECTED },
  S3: { build: buildS3, expected: S3_EXPECTED },
  S4: { build: buildS4, expected: S4_EXPECTED },
  "S5a without health checks": { build: () => buildS5a({ healthChecks: false }) },
  // HL-HA-002 refuses its health-check source at synth too; the engine cannot check it on a CCN-type
  // gateway (the cloud side comes from the CCN), so this one deploys, unlike S5a below.
  S5b: { build: () => buildS5b() },
  "S5b without health checks": { build: () => buildS5b({ healthChecks: false }) },
  S6: { build: buildS6, expected: S6_EXPECTED },
  HA: { build: () => buildHa() },
  "HA without health checks": { build: () => buildHa({ healthChecks: false }) },
  P1: { build: buildP1, expected: P1_EXPECTED },
  P2: { build: () => buildP2(), expected: P2_EXPECTED },
  "P2 with the return route": { build: () => buildP2({ returnRoute: true }), expected: P2_FIXED_EXPECTED },
  "P3 pending": { build: buildP3 },
  "P3 accepted": { build: buildP3, acceptPeerings: true },
  "routing loop": { build: buildLoop, expected: LOOP_EXPECTED },
};

describe.each(Object.entries(CASES))("scenario %s, deployed to the engine", (_name, c) => {
  const scenario = c.build();
  const manifest = synthAnyway(scenario.app);
  const assumption: ModelFromManifestOptions = { acceptCrossAccountPeerings: c.acceptPeerings ? "all" : "none" };
  let deployment: EngineDeployment;

  beforeAll(() => {
    deployment = EngineDeployment.open(manifest.app.profile, keyEnvironment(manifest));
    deployment.apply(manifest, { acceptPeerings: c.acceptPeerings === true });
  });
  afterAll(() => deployment.close());

  if (c.expected !== undefined) {
    const expected = c.expected;
    test("the engine's matrix is the builder's expected grid", () => {
      const cloudIds = Object.values(scenario.endpoints).map((id) => deployment.cloudId(id));
      const byCloudId = new Map(Object.entries(scenario.endpoints).map(([label, id]) => [deployment.cloudId(id), label]));
      const matrix = reachabilityMatrix(deployment.networkModel(), cloudIds);
      expect(parseGrid(matrix.render((e) => byCloudId.get(e.id) ?? e.id))).toEqual(parseGrid(expected));
      // The same grid at synth time, so both sides are held to one expectation.
      const synth = reachabilityMatrix(modelFromManifest(manifest, assumption), Object.values(scenario.endpoints));
      expect(parseGrid(synth.render(labelOf(scenario)))).toEqual(parseGrid(expected));
    });
  }

  test("synth-time and engine answers agree on every ordered pair (codes, hops, missing routes)", () => {
    const synthModel = modelFromManifest(manifest, assumption);
    const toCloud = cloudIdMap(deployment.cloudIds());
    expect(endpointAnswers(synthModel, toCloud)).toEqual(endpointAnswers(deployment.networkModel(), sameIds));
    expect(pairAnswers(synthModel, toCloud)).toEqual(pairAnswers(deployment.networkModel(), sameIds));
  });
});

describe("scenario S5a as its builder writes it (health-check source 169.254.128.1, outside the VPC)", () => {
  const manifest = synthAnyway(buildS5a().app);
  let deployment: EngineDeployment;
  beforeAll(() => {
    deployment = EngineDeployment.open(manifest.app.profile, keyEnvironment(manifest));
  });
  afterAll(() => deployment.close());

  test("synth (HL-HA-002) and the engine both refuse it; the refused create leaves no connection and no stack record behind", () => {
    const { report } = buildS5a().app.synthesize({ throwOnError: false });
    expect(report.errors.map((f) => f.ruleId)).toContain("HL-HA-002");
    expect(() => deployment.apply(manifest)).toThrow(expect.objectContaining({ code: "InvalidParameterValue.HealthCheck" }));
    const connections = deployment.request("DescribeVpnConnections", {}, manifest.app.defaultAccount).items as unknown[];
    expect(connections).toEqual([]);
    const recorded = deployment.stackRecords();
    expect(recorded.filter((r) => r.type === "VpnConnection")).toEqual([]);
    expect(recorded.every((r) => r.status === "READY")).toBe(true);
  });
});

/** The manifest even when rules refuse it: these scenarios include what the rules exist to prevent. */
function synthAnyway(app: NetworkApp) {
  return app.synthesize({ throwOnError: false }).manifest;
}
