import { Manifest, ManifestResource, RESOURCE_TYPES } from "../../lib/core/manifest";
import { emptyManifest } from "../../lib/cli/deploy/deployment";
import { ACTIONS_BY_TYPE } from "../../providers/cloud";
import type { JsonObject } from "../../providers/cloud";
import { EngineDeployment, keyEnvironment } from "./engine-deployment";
import { engineTable, exampleApp, expectedMatrices, operatorTable, pairTable, wantedTable } from "./example-matrices";

/**
 * Seed 003's peering lifecycle across accounts (P3) and seed 004's one-way
 * peering and its fix (P2), on the engine: every state change is made by the
 * account the cloud allows, and the data plane is asked after each.
 */

const DAY_SECONDS = 24 * 3600;
/** An account with nothing to do with the peering. */
const STRANGER = "300000000003";

describe("P3 (examples/p3-cross-account-cross-region): cross-account peering lifecycle", () => {
  const manifest = exampleApp("p3-cross-account-cross-region").synth();
  const peering = manifest.resources.find((r): r is ManifestResource<"PeeringConnection"> => r.type === "PeeringConnection")!;
  const requester = peering.account;
  const accepter = peering.props.accepterAccount;
  const [pendingMatrix, acceptedMatrix] = ["pending", "accepted"].map((which) =>
    expectedMatrices("p3-cross-account-cross-region").find((m) => m.pending === (which === "pending"))!,
  );
  const names = acceptedMatrix.names;
  let deployment: EngineDeployment;

  /** What the network answers now, as the requester's account sees it. */
  const matrix = () => engineTable(deployment, names, requester);
  const id = () => deployment.cloudId(peering.logicalId);
  const describePeering = (account: string): JsonObject[] =>
    deployment.request("DescribeVpcPeeringConnections", {}, account).items as JsonObject[];
  const stateAs = (account: string) => describePeering(account).find((p) => p.id === id())?.state;
  /** The routes, of either account, whose next hop is the peering. */
  const routesToPeering = () =>
    [requester, accepter].flatMap((account) =>
      (deployment.request("DescribeRoutes", { filters: { nextHop: id() } }, account).items as JsonObject[]).map((r) => `${account} ${r.destinationCidr}`),
    );

  /** With the peering gone the requester no longer sees the partner's VPC; the operator sees both, and no route between them. */
  const expectPeeringGone = () => {
    expect(() => matrix()).toThrow(expect.objectContaining({ code: "InvalidParameterValue.UnknownEndpoint" }));
    expect(operatorTable(deployment, names)).toEqual(pairTable(names, () => "NO_ROUTE"));
  };

  beforeEach(() => {
    deployment = EngineDeployment.open(manifest.app.profile, keyEnvironment(manifest));
    deployment.apply(manifest);
  });
  afterEach(() => deployment.close());

  test("the example is cross-account, and its README has both the pending and the accepted matrix", () => {
    expect(accepter).not.toBe(requester);
    expect(manifest.app.trustedAccounts).toContain(accepter);
    expect(pendingMatrix.names).toEqual(acceptedMatrix.names);
  });

  test("PENDING after deploy, for both accounts and no other; no traffic; only the accepter's account can accept, and then it is ACTIVE", () => {
    expect(stateAs(requester)).toBe("PENDING");
    expect(stateAs(accepter)).toBe("PENDING");
    expect(describePeering(STRANGER)).toEqual([]);
    const created = describePeering(requester).find((p) => p.id === id())!;
    expect(Date.parse(String(created.expiresAt))).toBe(Date.parse(clockNow(deployment, requester)) + 7 * DAY_SECONDS * 1000);
    expect(matrix()).toEqual(wantedTable(pendingMatrix));

    for (const account of [requester, STRANGER]) {
      expect(() => deployment.request("AcceptVpcPeeringConnection", { id: id() }, account)).toThrow(
        expect.objectContaining({ code: account === requester ? "UnauthorizedOperation" : "ResourceNotFound" }),
      );
    }
    expect(stateAs(requester)).toBe("PENDING");
    expect(matrix()).toEqual(wantedTable(pendingMatrix));

    expect(deployment.request("AcceptVpcPeeringConnection", { id: id() }, accepter)).toMatchObject({ id: id(), state: "ACTIVE" });
    expect(stateAs(requester)).toBe("ACTIVE");
    expect(matrix()).toEqual(wantedTable(acceptedMatrix));
  });

  test("rejected by the accepter's account: gone for both accounts, with the routes that pointed at it", () => {
    expect(routesToPeering()).toEqual([`${requester} 10.2.0.0/16`, `${accepter} 10.0.0.0/16`]);
    deployment.request("RejectVpcPeeringConnection", { id: id() }, accepter);
    expect(describePeering(requester)).toEqual([]);
    expect(describePeering(accepter)).toEqual([]);
    expect(() => deployment.request("DescribeVpcPeeringConnections", { ids: [id()] }, requester)).toThrow(
      expect.objectContaining({ code: "ResourceNotFound" }),
    );
    expect(routesToPeering()).toEqual([]);
    expectPeeringGone();
  });

  test("not accepted within 7 simulated days: EXPIRED, no traffic, and too late to accept", () => {
    expect(deployment.advance(7 * DAY_SECONDS - 1, requester).transitions).toEqual([]);
    expect(stateAs(requester)).toBe("PENDING");
    const expired = deployment.advance(1, requester);
    expect(expired.transitions).toEqual([expect.objectContaining({ id: id(), type: "PeeringConnection", from: "PENDING", to: "EXPIRED" })]);
    expect(stateAs(requester)).toBe("EXPIRED");
    expect(stateAs(accepter)).toBe("EXPIRED");
    expect(matrix()).toEqual(pairTable(names, () => "PEERING_NOT_ACTIVE"));
    expect(() => deployment.request("AcceptVpcPeeringConnection", { id: id() }, accepter)).toThrow(
      expect.objectContaining({ code: "UnsupportedOperation.VpcPeerInvalidStateChange" }),
    );
    expect(stateAs(accepter)).toBe("EXPIRED");
  });

  test("an accepted peering never expires: 30 simulated days later it is ACTIVE and carries traffic", () => {
    deployment.request("AcceptVpcPeeringConnection", { id: id() }, accepter);
    expect(deployment.advance(30 * DAY_SECONDS, requester).transitions).toEqual([]);
    expect(stateAs(requester)).toBe("ACTIVE");
    expect(matrix()).toEqual(wantedTable(acceptedMatrix));
  });

  test("Enable after expiry: the requester's account renews the request (7 more days), the accepter's re-activates it", () => {
    deployment.advance(7 * DAY_SECONDS, requester);
    expect(stateAs(requester)).toBe("EXPIRED");

    expect(deployment.request("EnableVpcPeeringConnection", { id: id() }, requester)).toMatchObject({ state: "PENDING" });
    expect(matrix()).toEqual(wantedTable(pendingMatrix));
    deployment.advance(7 * DAY_SECONDS - 1, requester);
    expect(stateAs(requester)).toBe("PENDING");
    deployment.advance(1, requester);
    expect(stateAs(requester)).toBe("EXPIRED");

    expect(() => deployment.request("EnableVpcPeeringConnection", { id: id() }, STRANGER)).toThrow(expect.objectContaining({ code: "ResourceNotFound" }));
    expect(deployment.request("EnableVpcPeeringConnection", { id: id() }, accepter)).toMatchObject({ state: "ACTIVE" });
    expect(matrix()).toEqual(wantedTable(acceptedMatrix));
  });

  test("deleted by either side: gone with the routes that point at it; a later destroy of the stack still succeeds", () => {
    deployment.request("AcceptVpcPeeringConnection", { id: id() }, accepter);
    expect(matrix()).toEqual(wantedTable(acceptedMatrix));
    expect(() => deployment.request("DeleteVpcPeeringConnection", { id: id() }, STRANGER)).toThrow(expect.objectContaining({ code: "ResourceNotFound" }));
    expect(routesToPeering()).toHaveLength(2);

    deployment.request("DeleteVpcPeeringConnection", { id: id() }, accepter);
    expect(describePeering(requester)).toEqual([]);
    expect(describePeering(accepter)).toEqual([]);
    expect(routesToPeering()).toEqual([]);
    expectPeeringGone();

    // The stack still records the peering and its routes: deleting what the cloud already removed counts as done.
    const destroy = deployment.apply(emptyManifest(manifest.app));
    expect(destroy.plan.counts.delete).toBe(manifest.resources.length);
    expect(deployment.stackRecords()).toEqual([]);
    expect(everythingDescribed(deployment, manifest)).toEqual([]);
  });
});

describe("P2 (examples/p2-peering-one-way): one-way until the return route is added", () => {
  const folder = "p2-peering-one-way";
  const app = exampleApp(folder).synth();
  const fixed = exampleApp(folder, "fixedApp").synth();
  const matrices = expectedMatrices(folder);
  const asLeft = matrices.find((m) => m.exportName === "app")!;
  const withFix = matrices.find((m) => m.exportName === "fixedApp")!;
  let deployment: EngineDeployment;

  beforeAll(() => {
    deployment = EngineDeployment.open(app.app.profile, keyEnvironment(app));
    deployment.apply(app);
  });
  afterAll(() => deployment.close());

  test("ONE_WAY: Subnet-B's replies find no route, and the engine names the missing one (route table B → Subnet-A's block)", () => {
    expect(engineTable(deployment, asLeft.names, app.app.defaultAccount)).toEqual(wantedTable(asLeft));
    const [a, b] = asLeft.names.map((name) => subnetNamed(app, name));
    const answer = deployment.request("DescribeReachability", { from: deployment.cloudId(a.logicalId), to: deployment.cloudId(b.logicalId) }, app.app.defaultAccount);
    expect(answer.pair).toMatchObject({
      verdict: "ONE_WAY",
      brokenDirection: "REVERSE",
      missingRoute: { table: "ROUTE_TABLE", tableId: deployment.cloudId(b.props.routeTable.ref), destinationCidr: a.props.cidr },
    });
  });

  test("deploying the fixed app over it adds only the return route, and the pair becomes REACHABLE", () => {
    const update = deployment.apply(fixed);
    const added = fixed.resources.filter((r) => !app.resources.some((x) => x.logicalId === r.logicalId));
    expect(added.map((r) => r.type)).toEqual(["Route"]);
    expect(update.plan.counts).toMatchObject({ create: 1, update: 0, replace: 0, delete: 0 });
    expect(update.outcomes.map((o) => `${o.operation} ${o.logicalId}`)).toEqual([`create ${added[0].logicalId}`]);
    expect(engineTable(deployment, withFix.names, fixed.app.defaultAccount)).toEqual(wantedTable(withFix));
  });
});

function subnetNamed(manifest: Manifest, name: string): ManifestResource<"Subnet"> {
  const subnets = manifest.resources.filter((r): r is ManifestResource<"Subnet"> => r.type === "Subnet");
  const found = subnets.find((r) => r.props.name === name);
  if (!found) throw new Error(`no subnet named '${name}' in the manifest`);
  return found;
}

function clockNow(deployment: EngineDeployment, account: string): string {
  return String(deployment.request("DescribeClock", {}, account).now);
}

/** Every resource any of the app's accounts can still describe, as `type id`. */
function everythingDescribed(deployment: EngineDeployment, manifest: Manifest): string[] {
  const accounts = [...new Set(manifest.resources.map((r) => r.account))];
  return accounts.flatMap((account) =>
    RESOURCE_TYPES.flatMap((type) =>
      (deployment.request(ACTIONS_BY_TYPE[type].describe, {}, account).items as JsonObject[]).map((item) => `${type} ${String(item.id)}`),
    ),
  );
}
