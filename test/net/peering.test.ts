import { analyzePair, failPeering, reachabilityMatrix, trace } from "../../lib/net";
import { parseGrid } from "./grid";
import { endpointIds, labelOf, synthModel } from "./scenarios/common";
import { buildP1, P1_EXPECTED } from "./scenarios/p1";
import { buildP2, P2_EXPECTED, P2_FIXED_EXPECTED } from "./scenarios/p2";
import { buildP3, P3_PEER_ACCOUNT } from "./scenarios/p3";

describe("P1: peering is not transitive (seeds 003/004)", () => {
  test("whole matrix: 1 ↔ 2, 1 ↔ 3, 2 ↛ 3 and 3 ↛ 2", () => {
    const s = buildP1();
    const { model } = synthModel(s.app);
    const matrix = reachabilityMatrix(model, endpointIds(s));
    expect(parseGrid(matrix.render(labelOf(s)))).toEqual(parseGrid(P1_EXPECTED));
    expect(matrix.verdict(s.endpoints.VPC2, s.endpoints.VPC3)).toBe("UNREACHABLE");
    expect(matrix.verdict(s.endpoints.VPC1, s.endpoints.VPC3)).toBe("REACHABLE");
  });

  test("VPC2 → VPC3 crosses the first peering and stops at VPC1, which does not forward it", () => {
    const { model } = synthModel(buildP1().app);
    const t = trace(model, "10.2.0.1", "10.3.0.1");
    expect(t.verdict).toBe("NON_TRANSITIVE");
    expect(t.hops.map((h) => [h.at.kind, h.at.id])).toEqual([
      ["VPC", "Vpc2"],
      ["PEERING", "Vpc1/Peer12"],
      ["VPC", "Vpc1"],
    ]);
    expect(t.droppedAt?.id).toBe("Vpc1");
    expect(t.reason).toContain("peering Peer12");
  });
});

describe("P2: routes on one side only (seed 004 worked example)", () => {
  test("whole matrix: subnet A reaches subnet B, B's reply has no route", () => {
    const s = buildP2();
    const { model } = synthModel(s.app);
    expect(parseGrid(reachabilityMatrix(model, endpointIds(s)).render(labelOf(s)))).toEqual(parseGrid(P2_EXPECTED));
  });

  test("the pair is ONE_WAY and names the missing return route: VPC2's table needs 192.168.1.0/24", () => {
    const s = buildP2();
    const { model } = synthModel(s.app);
    const p = analyzePair(model, s.endpoints["Subnet-A"], s.endpoints["Subnet-B"]);
    expect(p.verdict).toBe("ONE_WAY");
    expect(p.brokenDirection).toBe("REVERSE");
    expect(p.missingRoute).toEqual({
      table: "ROUTE_TABLE",
      tableId: s.vpc2MainRouteTable,
      tableName: `route table ${s.vpc2MainRouteTable}`,
      destinationCidr: "192.168.1.0/24",
    });
    expect(p.reason).toContain("needs a route to 192.168.1.0/24");
  });

  test("the same pair named the other way round: the request direction is the broken one", () => {
    const s = buildP2();
    const { model } = synthModel(s.app);
    const p = analyzePair(model, s.endpoints["Subnet-B"], s.endpoints["Subnet-A"]);
    expect(p.verdict).toBe("ONE_WAY");
    expect(p.brokenDirection).toBe("FORWARD");
    expect(p.missingRoute?.destinationCidr).toBe("192.168.1.0/24");
  });

  test("for whole VPCs the missing route is to the VPC's block", () => {
    const { model } = synthModel(buildP2().app);
    expect(analyzePair(model, "Vpc1", "Vpc2").missingRoute?.destinationCidr).toBe("192.168.0.0/16");
  });

  test("adding the return route makes the pair reachable", () => {
    const s = buildP2({ returnRoute: true });
    const { model } = synthModel(s.app);
    expect(parseGrid(reachabilityMatrix(model, endpointIds(s)).render(labelOf(s)))).toEqual(parseGrid(P2_FIXED_EXPECTED));
    expect(analyzePair(model, s.endpoints["Subnet-A"], s.endpoints["Subnet-B"]).verdict).toBe("REACHABLE");
  });
});

describe("P3: cross-account peering at synth time", () => {
  test("by default a cross-account peering is PENDING: no traffic either way", () => {
    const s = buildP3();
    const { model } = synthModel(s.app);
    expect(model.peerings.map((p) => p.state)).toEqual(["PENDING"]);
    const p = analyzePair(model, "Vpc1", "Vpc2");
    expect(p.verdict).toBe("UNREACHABLE");
    expect([p.forward.verdict, p.reverse.verdict]).toEqual(["PEERING_NOT_ACTIVE", "PEERING_NOT_ACTIVE"]);
    expect(p.forward.reason).toContain("must accept it");
  });

  test("accepted by the trusted account: reachable; the peering failing stops it again", () => {
    const s = buildP3();
    const { model } = synthModel(s.app, { acceptCrossAccountPeerings: "trusted" });
    expect(model.vpcs.find((v) => v.id === "Vpc2")?.account).toBe(P3_PEER_ACCOUNT);
    expect(analyzePair(model, "Vpc1", "Vpc2").verdict).toBe("REACHABLE");
    const down = failPeering(model, s.peering);
    expect(analyzePair(down, "Vpc1", "Vpc2").forward.verdict).toBe("PEERING_NOT_ACTIVE");
  });

  test("an expired peering says how to re-enable it", () => {
    const s = buildP3();
    const { model } = synthModel(s.app, { acceptCrossAccountPeerings: "all" });
    const expired = { ...model, peerings: model.peerings.map((p) => ({ ...p, state: "EXPIRED" })) };
    const t = trace(expired, "10.1.0.1", "10.2.0.1");
    expect(t.verdict).toBe("PEERING_NOT_ACTIVE");
    expect(t.reason).toContain("EnableVpcPeeringConnection");
  });
});
