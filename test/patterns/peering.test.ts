import { Construct } from "constructs";
import { analyzePair, CrossRegionPeering, modelFromManifest, NetworkApp, PatternErrorCode, Vpc, VpcPeering } from "../../lib";
import { newApp, ofType, propsOf, refused, synth, verdictGrid } from "./helpers";

function vpcs(app: NetworkApp, ...specs: Array<[string, string, string, string?]>): Vpc[] {
  return specs.map(([id, region, cidr, account]) => {
    const vpc = new Vpc(app, id, { region, cidrs: [cidr], ...(account ? { account } : {}) });
    vpc.addSubnet("App", { cidr: cidr.replace(/\.0\.0\/16$/, ".1.0/24") });
    return vpc;
  });
}

describe("VpcPeering (same region, seeds 003/004)", () => {
  test("creates the connection and routes both ways, one per route table and peer CIDR", () => {
    // GIVEN
    const app = newApp();
    const [a] = vpcs(app, ["A", "ap-guangzhou", "10.0.0.0/16"]);
    const b = new Vpc(app, "B", { region: "ap-guangzhou", cidrs: ["10.1.0.0/16", "10.2.0.0/16"] });
    // WHEN
    const peering = new VpcPeering(app, "AB", { requester: a, accepter: b });
    // THEN
    const { manifest, errors } = synth(app);
    expect(errors).toEqual([]);
    expect(propsOf(manifest, "AB/Connection", "PeeringConnection")).toEqual({
      name: "AB-Connection",
      requesterVpc: { ref: "A", attr: "id" },
      accepterVpc: { ref: "B", attr: "id" },
      accepterAccount: "100000000001",
    });
    expect(ofType(manifest, "Route").map((r) => [r.logicalId, r.props.routeTable.ref, r.props.destinationCidr, r.props.nextHopType, r.props.nextHop.ref])).toEqual([
      ["AB/AccepterRoutes/MainRouteTableToA-0", "B/MainRouteTable", "10.0.0.0/16", "PEERING", "AB/Connection"],
      ["AB/RequesterRoutes/MainRouteTableToB-0", "A/MainRouteTable", "10.1.0.0/16", "PEERING", "AB/Connection"],
      ["AB/RequesterRoutes/MainRouteTableToB-1", "A/MainRouteTable", "10.2.0.0/16", "PEERING", "AB/Connection"],
    ]);
    expect(peering.requiresAcceptance).toBe(false);
    expect(analyzePair(modelFromManifest(manifest), "A", "B").verdict).toBe("REACHABLE");
  });

  test("P1: two peerings from VPC1 leave VPC2 and VPC3 apart", () => {
    const app = newApp();
    const [v1, v2, v3] = vpcs(app, ["Vpc1", "ap-guangzhou", "10.1.0.0/16"], ["Vpc2", "ap-guangzhou", "10.2.0.0/16"], ["Vpc3", "ap-guangzhou", "10.3.0.0/16"]);
    new VpcPeering(app, "P12", { requester: v1, accepter: v2, declareIntents: true });
    new VpcPeering(app, "P13", { requester: v1, accepter: v3, declareIntents: true });
    const { manifest, errors } = synth(app);
    expect(errors).toEqual([]);
    expect(manifest.intents.map((i) => [i.kind, i.from, i.to, i.path])).toEqual([
      ["reachable", "Vpc1", "Vpc2", "P12"],
      ["reachable", "Vpc1", "Vpc3", "P13"],
    ]);
    expect(verdictGrid(modelFromManifest(manifest), ["Vpc1", "Vpc2", "Vpc3"])).toEqual([
      ["-", ".", "."],
      [".", "-", "NO_ROUTE"],
      [".", "NO_ROUTE", "-"],
    ]);
  });

  test("P2: routes on one side only leave the pair ONE_WAY, naming the missing return route, and warn HL-PEER-011", () => {
    // GIVEN seed 004's example: subnet A in VPC1, subnet B in VPC2, each on its own route table
    const app = newApp("ccb");
    const vpc1 = new Vpc(app, "Vpc1", { region: "wuhan", cidrs: ["192.168.0.0/16"] });
    const tableA = vpc1.addRouteTable("RouteTableA");
    vpc1.addSubnet("SubnetA", { cidr: "192.168.1.0/24", routeTable: tableA });
    const vpc2 = new Vpc(app, "Vpc2", { region: "wuhan", cidrs: ["10.0.0.0/16"] });
    const tableB = vpc2.addRouteTable("RouteTableB");
    vpc2.addSubnet("SubnetB", { cidr: "10.0.1.0/24", routeTable: tableB });
    // WHEN only A's table routes to the peer
    const peering = new VpcPeering(app, "PeerConn", {
      requester: vpc1,
      accepter: vpc2,
      requesterRoutes: { routeTables: [tableA], destinations: ["10.0.1.0/24"] },
      accepterRoutes: { addRoutes: false },
      declareIntents: true,
    });
    // THEN
    expect(peering.requesterRoutes.map((r) => [r.routeTable.node.path, r.destinationCidr])).toEqual([["Vpc1/RouteTableA", "10.0.1.0/24"]]);
    expect(peering.accepterRoutes).toEqual([]);
    const { manifest, errors, findings } = synth(app);
    expect(errors).toEqual([]);
    expect(findings.filter((f) => f.ruleId === "HL-PEER-011").map((f) => f.path)).toEqual(["PeerConn/Connection"]);
    expect(manifest.intents.map((i) => [i.kind, i.from, i.to])).toEqual([["isolated", "Vpc2", "Vpc1"]]);
    const pair = analyzePair(modelFromManifest(manifest), "Vpc1/SubnetA", "Vpc2/SubnetB");
    expect(pair.verdict).toBe("ONE_WAY");
    expect(pair.missingRoute).toMatchObject({ tableId: "Vpc2/RouteTableB", destinationCidr: "192.168.1.0/24" });
  });

  test("a cross-account peering needs the other account's acceptance and a trusted account", () => {
    const untrusted = newApp();
    const [a, b] = vpcs(untrusted, ["A", "ap-guangzhou", "10.0.0.0/16"], ["B", "ap-guangzhou", "10.1.0.0/16", "200000000002"]);
    const peering = new VpcPeering(untrusted, "AB", { requester: a, accepter: b });
    expect([peering.requesterAccount, peering.accepterAccount, peering.requiresAcceptance]).toEqual(["100000000001", "200000000002", true]);
    // The requester's app is not blocked for an account it does not list (the caution is the accepter's, HL-PEER-009).
    expect(synth(untrusted).errors).toEqual([]);
    // The accepter's routes belong to the accepter's account.
    expect(ofType(synth(untrusted).manifest, "Route").map((r) => [r.logicalId, r.account])).toEqual([
      ["AB/AccepterRoutes/MainRouteTableToA-0", "200000000002"],
      ["AB/RequesterRoutes/MainRouteTableToB-0", "100000000001"],
    ]);

    const trusted = newApp("tencent", ["200000000002"]);
    const [c, d] = vpcs(trusted, ["A", "ap-guangzhou", "10.0.0.0/16"], ["B", "ap-guangzhou", "10.1.0.0/16", "200000000002"]);
    new VpcPeering(trusted, "AB", { requester: c, accepter: d, declareIntents: true });
    const result = synth(trusted);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => [f.path, f.ruleId])).toEqual([["AB/Connection", "HL-PEER-010"]]);
  });

  test("isVpcPeering recognises instances by marker", () => {
    const app = newApp();
    const [a, b] = vpcs(app, ["A", "ap-guangzhou", "10.0.0.0/16"], ["B", "ap-guangzhou", "10.1.0.0/16"]);
    expect(VpcPeering.isVpcPeering(new VpcPeering(app, "AB", { requester: a, accepter: b }))).toBe(true);
    expect(VpcPeering.isVpcPeering(new Construct(app, "Plain"))).toBe(false);
  });

  describe("fails when", () => {
    let a: Vpc | undefined;
    let b: Vpc | undefined;
    let far: Vpc | undefined;
    const setup = (app: NetworkApp): void => {
      [a, b, far] = vpcs(app, ["A", "ap-guangzhou", "10.0.0.0/16"], ["B", "ap-guangzhou", "10.1.0.0/16"], ["Far", "ap-beijing", "10.2.0.0/16"]);
    };

    test("a VPC peers with itself (HL-PAT-030)", () => {
      refused(PatternErrorCode.PEERING_SAME_VPC, (app) => new VpcPeering(app, "AA", { requester: a!, accepter: a! }), setup);
    });

    test("the VPCs are in different regions (HL-PAT-031: use CrossRegionPeering)", () => {
      const message = refused(PatternErrorCode.PEERING_REGION_MISMATCH, (app) => new VpcPeering(app, "AFar", { requester: a!, accepter: far! }), setup);
      expect(message).toContain("use CrossRegionPeering with bandwidthMbps");
    });

    test("a route table of the other VPC is given for a side (HL-PAT-032)", () => {
      refused(
        PatternErrorCode.ROUTE_TABLE_NOT_IN_VPC,
        (app) => new VpcPeering(app, "AB", { requester: a!, accepter: b!, accepterRoutes: { routeTables: [a!.mainRouteTable] } }),
        setup,
      );
    });

    test("a destination lies outside the peer VPC: peering is not transitive (HL-PAT-023)", () => {
      const message = refused(
        PatternErrorCode.DESTINATION_OUTSIDE_NETWORK,
        (app) => new VpcPeering(app, "AB", { requester: a!, accepter: b!, requesterRoutes: { destinations: ["10.1.0.0/24", "10.2.0.0/16"] } }),
        setup,
      );
      expect(message).toContain("requesterRoutes.destinations 10.2.0.0/16 are not inside the peer VPC 'B' (10.1.0.0/16)");
    });
  });
});

describe("CrossRegionPeering (seed 003)", () => {
  test("sets the bandwidth cap and routes both ways, each side's routes in its own account", () => {
    // GIVEN a partner's VPC in another region, in a trusted account
    const app = newApp("tencent", ["200000000002"]);
    const [gz, bj] = vpcs(app, ["Gz", "ap-guangzhou", "10.0.0.0/16"], ["Bj", "ap-beijing", "10.2.0.0/16", "200000000002"]);
    // WHEN
    const peering = new CrossRegionPeering(app, "Peering", { requester: gz, accepter: bj, bandwidthMbps: 100, declareIntents: true });
    // THEN
    const { manifest, errors, findings } = synth(app);
    expect(errors).toEqual([]);
    expect(findings.map((f) => [f.path, f.ruleId])).toEqual([["Peering/Connection", "HL-PEER-010"]]);
    expect(propsOf(manifest, "Peering/Connection", "PeeringConnection")).toEqual({
      name: "Peering-Connection",
      requesterVpc: { ref: "Gz", attr: "id" },
      accepterVpc: { ref: "Bj", attr: "id" },
      accepterAccount: "200000000002",
      bandwidthMbps: 100,
    });
    expect(manifest.resources.find((r) => r.logicalId === "Peering/Connection")?.account).toBe("100000000001");
    expect(ofType(manifest, "Route").map((r) => [r.props.routeTable.ref, r.props.destinationCidr, r.account])).toEqual([
      ["Bj/MainRouteTable", "10.0.0.0/16", "200000000002"],
      ["Gz/MainRouteTable", "10.2.0.0/16", "100000000001"],
    ]);
    expect([peering.requesterAccount, peering.accepterAccount, peering.requiresAcceptance, peering.bandwidthMbps]).toEqual([
      "100000000001",
      "200000000002",
      true,
      100,
    ]);
    // PENDING as first deployed; reachable once the partner accepts (the declared intent holds as designed).
    const model = (accept: "none" | "trusted") => modelFromManifest(manifest, { acceptCrossAccountPeerings: accept });
    expect(analyzePair(model("none"), "Gz", "Bj").forward.verdict).toBe("PEERING_NOT_ACTIVE");
    expect(analyzePair(model("trusted"), "Gz", "Bj").verdict).toBe("REACHABLE");
    expect(manifest.intents.map((i) => [i.kind, i.from, i.to])).toEqual([["reachable", "Gz", "Bj"]]);
  });

  test("the rules apply to what it creates: bandwidth above 10,000 Mbps is HL-PEER-016 (a ticket), 0 is HL-PEER-004", () => {
    const app = newApp();
    const [gz, sh] = vpcs(app, ["Gz", "ap-guangzhou", "10.0.0.0/16"], ["Sh", "ap-shanghai", "10.1.0.0/16"]);
    new CrossRegionPeering(app, "Peering", { requester: gz, accepter: sh, bandwidthMbps: 10001 });
    expect(synth(app).errors).toEqual([]);
    expect(synth(app).findings.map((f) => [f.path, f.ruleId])).toContainEqual(["Peering/Connection", "HL-PEER-016"]);
    const zero = newApp();
    const [gz0, sh0] = vpcs(zero, ["Gz", "ap-guangzhou", "10.0.0.0/16"], ["Sh", "ap-shanghai", "10.1.0.0/16"]);
    new CrossRegionPeering(zero, "Peering", { requester: gz0, accepter: sh0, bandwidthMbps: 0 });
    expect(synth(zero).errors.map((f) => [f.path, f.ruleId])).toEqual([["Peering/Connection", "HL-PEER-004"]]);
  });

  test("isCrossRegionPeering recognises instances by marker", () => {
    const app = newApp();
    const [gz, sh] = vpcs(app, ["Gz", "ap-guangzhou", "10.0.0.0/16"], ["Sh", "ap-shanghai", "10.1.0.0/16"]);
    expect(CrossRegionPeering.isCrossRegionPeering(new CrossRegionPeering(app, "P", { requester: gz, accepter: sh, bandwidthMbps: 10 }))).toBe(true);
    expect(CrossRegionPeering.isCrossRegionPeering(new Construct(app, "Plain"))).toBe(false);
  });

  test("fails when both VPCs are in one region (HL-PAT-031: use VpcPeering)", () => {
    let a: Vpc | undefined;
    let b: Vpc | undefined;
    const message = refused(
      PatternErrorCode.PEERING_REGION_MISMATCH,
      (app) => new CrossRegionPeering(app, "AB", { requester: a!, accepter: b!, bandwidthMbps: 100 }),
      (app) => {
        [a, b] = vpcs(app, ["A", "ap-guangzhou", "10.0.0.0/16"], ["B", "ap-guangzhou", "10.1.0.0/16"]);
      },
    );
    expect(message).toContain("use VpcPeering");
  });
});
