import { Manifest, ManifestResource, RESOURCE_TYPES } from "../../lib/core/manifest";
import { modelFromManifest } from "../../lib/net";
import { ACTIONS_BY_TYPE } from "../../providers/cloud";
import type { JsonObject } from "../../providers/cloud";
import { AppliedPlan, EngineDeployment, keyEnvironment } from "./engine-deployment";
import { engineTable, exampleApp, exampleFolders, ExpectedMatrix, expectedMatrices, wantedTable } from "./example-matrices";
import { cloudIdMap, endpointAnswers, pairAnswers, sameIds } from "./pair-answers";

/**
 * Issue 6 and issue 4 over every example: each expected matrix of each
 * README (the DESIGN.md table's row) is deployed through the providers into
 * an in-memory engine, and the live network must answer exactly as the
 * README says, and exactly as the synth-time analysis of the same manifest.
 */

const variants: Array<[string, ExpectedMatrix]> = exampleFolders().flatMap((folder) =>
  expectedMatrices(folder).map((m): [string, ExpectedMatrix] => [`${folder} ${m.exportName}${m.pending ? " (peerings pending)" : ""}`, m]),
);

test("every example folder has at least one expected matrix to deploy", () => {
  expect(new Set(variants.map(([, m]) => m.folder))).toEqual(new Set(exampleFolders()));
  expect(exampleFolders()).toHaveLength(11);
});

describe.each(variants)("%s, deployed to the engine", (_label, expected) => {
  let manifest: Manifest;
  let env: Record<string, string>;
  let deployment: EngineDeployment;
  let applied: AppliedPlan;

  beforeAll(() => {
    manifest = exampleApp(expected.folder, expected.exportName).synth();
    env = keyEnvironment(manifest);
    deployment = EngineDeployment.open(manifest.app.profile, env);
    // "pending": the partner account has not accepted; otherwise the deployer accepts as it (`up --accept-peerings`).
    applied = deployment.apply(manifest, { acceptPeerings: !expected.pending });
  });
  afterAll(() => deployment.close());

  test("every manifest resource is created through the providers and the cloud describes it, ready, to its account", () => {
    expect(applied.plan.counts).toEqual({ create: manifest.resources.length, update: 0, replace: 0, delete: 0, same: 0 });
    expect(applied.outcomes.map((o) => o.logicalId).sort()).toEqual(manifest.resources.map((r) => r.logicalId).sort());
    const states: Record<string, unknown> = {};
    const wanted: Record<string, unknown> = {};
    for (const r of manifest.resources) {
      const [item] = describeAs(deployment, r, r.account);
      expect(item.id).toBe(deployment.cloudId(r.logicalId));
      if (item.state === undefined) continue;
      states[r.logicalId] = item.state;
      wanted[r.logicalId] = isCrossAccountPeering(r) && expected.pending ? "PENDING" : r.type === "PeeringConnection" ? "ACTIVE" : "AVAILABLE";
    }
    // Gateways provisioned on the engine clock, every tunnel negotiated (both ends got the same key), peerings as accepted.
    expect(states).toEqual(wanted);
  });

  test("the engine's DescribeReachability answers the README's matrix, every ordered pair with its verdict and reason codes", () => {
    expect(engineTable(deployment, expected.names, manifest.app.defaultAccount)).toEqual(wantedTable(expected));
  });

  test("issue 4: synth-time analysis of the manifest and the engine's live model agree on every ordered pair (codes, hops, missing routes)", () => {
    const synthModel = modelFromManifest(manifest, { acceptCrossAccountPeerings: expected.pending ? "none" : "all" });
    const engineModel = deployment.networkModel();
    const toCloud = cloudIdMap(deployment.cloudIds());
    expect(endpointAnswers(synthModel, toCloud)).toEqual(endpointAnswers(engineModel, sameIds));
    const synthAnswers = pairAnswers(synthModel, toCloud);
    const engineAnswers = pairAnswers(engineModel, sameIds);
    expect(engineAnswers.length).toBeGreaterThan(0);
    expect(synthAnswers).toEqual(engineAnswers);
  });

  test("deploying the same manifest again plans nothing and calls nothing", () => {
    const again = deployment.apply(manifest, { acceptPeerings: !expected.pending });
    expect(again.plan.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: manifest.resources.length });
    expect(again.outcomes).toEqual([]);
  });

  test("no pre-shared key in any Describe, the stack records, the live model or an analysis; the device download has it only on request", () => {
    const keys = Object.values(env);
    const published: unknown[] = [deployment.stackRecords(), deployment.networkModel(), pairAnswers(deployment.networkModel(), sameIds)];
    for (const account of accountsOf(manifest)) {
      for (const type of RESOURCE_TYPES) published.push(deployment.request(ACTIONS_BY_TYPE[type].describe, {}, account));
      published.push(deployment.request("DescribeReachability", {}, account));
    }
    const connections = manifest.resources.filter((r): r is ManifestResource<"VpnConnection"> => r.type === "VpnConnection");
    for (const c of connections) {
      published.push(deployment.request("DownloadCustomerGatewayConfiguration", { id: deployment.cloudId(c.logicalId) }, c.account));
    }
    const text = JSON.stringify(published);
    for (const key of keys) expect(text).not.toContain(key);

    // The search can fail: asked for, the configuration carries the key the test's environment gave.
    for (const c of connections) {
      const withKey = deployment.request("DownloadCustomerGatewayConfiguration", { id: deployment.cloudId(c.logicalId), includePreSharedKey: true }, c.account);
      const source = c.props.preSharedKey.secret;
      expect(source.source).toBe("env");
      expect(JSON.stringify(withKey.configuration)).toContain(env[(source as { name: string }).name]);
    }
  });
});

/** The Describe item of a deployed resource, asked by ID as `account`. */
function describeAs(deployment: EngineDeployment, r: ManifestResource, account: string): JsonObject[] {
  const answer = deployment.request(ACTIONS_BY_TYPE[r.type].describe, { ids: [deployment.cloudId(r.logicalId)] }, account);
  return answer.items as JsonObject[];
}

function isCrossAccountPeering(r: ManifestResource): boolean {
  return r.type === "PeeringConnection" && (r as ManifestResource<"PeeringConnection">).props.accepterAccount !== r.account;
}

/** Every account that owns something in the app, and the app's own. */
function accountsOf(manifest: Manifest): string[] {
  return [...new Set([manifest.app.defaultAccount, ...manifest.resources.map((r) => r.account)])].sort();
}
