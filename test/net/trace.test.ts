import { HybridlinkError } from "../../lib";
import { analyzePair, formatTrace, NetworkModel, reachabilityMatrix, trace } from "../../lib/net";
import { parseGrid } from "./grid";
import { EMPTY, endpointIds, labelOf, synthModel } from "./scenarios/common";
import { buildLoop, LOOP_EXPECTED } from "./scenarios/loop";
import { buildS1 } from "./scenarios/s1";
import { buildS2 } from "./scenarios/s2";
import { buildS4 } from "./scenarios/s4";

/** Two VPCs, same account and region, peered, with a route each way; the engine's kind of model. */
function peered(): NetworkModel {
  return {
    ...EMPTY,
    vpcs: [
      { id: "vpc-a", name: "a", region: "r", account: "1", cidrs: ["10.1.0.0/16"] },
      { id: "vpc-b", name: "b", region: "r", account: "1", cidrs: ["10.2.0.0/16"] },
    ],
    routeTables: [
      { id: "rtb-a", vpc: "vpc-a", main: true },
      { id: "rtb-b", vpc: "vpc-b", main: true },
    ],
    routes: [
      { id: "r-ab", routeTable: "rtb-a", destinationCidr: "10.2.0.0/16", nextHopType: "PEERING", nextHop: "pcx", enabled: true },
      { id: "r-ba", routeTable: "rtb-b", destinationCidr: "10.1.0.0/16", nextHopType: "PEERING", nextHop: "pcx", enabled: true },
    ],
    peerings: [{ id: "pcx", name: "pcx", requesterVpc: "vpc-a", accepterVpc: "vpc-b", state: "ACTIVE" }],
  };
}

describe("trace: endpoints and addresses", () => {
  test("an address outside every network is UNKNOWN_ENDPOINT, as source or destination", () => {
    const model = peered();
    expect(trace(model, "192.0.2.1", "10.2.0.1").verdict).toBe("UNKNOWN_ENDPOINT");
    const t = trace(model, "10.1.0.1", "192.0.2.1");
    expect(t.verdict).toBe("UNKNOWN_ENDPOINT");
    expect(t.reason).toContain("destination 192.0.2.1");
    expect(t.hops).toEqual([]);
  });

  test("text that is not an IPv4 address is an error naming it", () => {
    expect(() => trace(peered(), "10.1.0.1", "10.2.0.300")).toThrow(/destination '10\.2\.0\.300' is not an IPv4 address/);
    let error: unknown;
    try {
      trace(peered(), "vpc-a", "10.2.0.1");
    } catch (e) {
      error = e;
    }
    expect(HybridlinkError.isHybridlinkError(error) && error.code).toBe("InvalidAddress");
  });

  test("a source address in two VPCs with the same block is ambiguous until the start is named", () => {
    const model: NetworkModel = {
      ...peered(),
      vpcs: [...peered().vpcs, { id: "vpc-c", name: "c", region: "r", account: "2", cidrs: ["10.1.0.0/16"] }],
    };
    expect(trace(model, "10.1.0.1", "10.2.0.1").verdict).toBe("AMBIGUOUS_ENDPOINT");
    expect(trace(model, "10.1.0.1", "10.2.0.1", { from: "vpc-a" }).verdict).toBe("DELIVERED");
    expect(trace(model, "10.1.0.1", "10.2.0.1", { from: "vpc-c" }).verdict).toBe("NO_ROUTE");
  });

  test("delivered to a look-alike network is not delivered to the endpoint asked for (DELIVERED_ELSEWHERE)", () => {
    const base = peered();
    // vpc-c copies vpc-a's block: b's replies to "c" land in a.
    const model: NetworkModel = {
      ...base,
      vpcs: [...base.vpcs, { id: "vpc-c", name: "c", region: "r", account: "2", cidrs: ["10.1.0.0/16"] }],
    };
    const p = analyzePair(model, "vpc-b", "vpc-c");
    expect(p.forward.verdict).toBe("DELIVERED_ELSEWHERE");
    expect(p.forward.deliveredTo?.id).toBe("vpc-a");
    expect(p.verdict).toBe("UNREACHABLE");
    expect(reachabilityMatrix(model).traceVerdict("vpc-b", "vpc-c")).toBe("DELIVERED_ELSEWHERE");
  });
});

describe("trace: VPC route tables", () => {
  test("disabled routes do not count", () => {
    const base = peered();
    const model = { ...base, routes: base.routes.map((r) => (r.id === "r-ab" ? { ...r, enabled: false } : r)) };
    expect(trace(model, "10.1.0.1", "10.2.0.1").verdict).toBe("NO_ROUTE");
  });

  test("a route to a peering that does not connect this VPC is INVALID_NEXT_HOP", () => {
    const base = peered();
    const model: NetworkModel = {
      ...base,
      vpcs: [...base.vpcs, { id: "vpc-d", name: "d", region: "r", account: "1", cidrs: ["10.4.0.0/16"] }],
      routeTables: [...base.routeTables, { id: "rtb-d", vpc: "vpc-d", main: true }],
      routes: [...base.routes, { id: "r-db", routeTable: "rtb-d", destinationCidr: "10.2.0.0/16", nextHopType: "PEERING", nextHop: "pcx", enabled: true }],
    };
    const t = trace(model, "10.4.0.1", "10.2.0.1");
    expect(t.verdict).toBe("INVALID_NEXT_HOP");
    expect(t.reason).toContain("does not connect VPC d");
    expect(t.hops[0].entry?.entryId).toBe("r-db");
  });

  test("a route to the VPN gateway of another VPC, or to a CCN the VPC is not attached to, is INVALID_NEXT_HOP", () => {
    const { model } = synthModel(buildS4().app);
    const withRoutes: NetworkModel = {
      ...model,
      vpcs: [...model.vpcs, { id: "Lonely", name: "Lonely", region: "ap-guangzhou", account: "1", cidrs: ["10.9.0.0/16"] }],
      routeTables: [...model.routeTables, { id: "Lonely/Main", vpc: "Lonely", main: true }],
      routes: [
        ...model.routes,
        { id: "Lonely/ToIdc", routeTable: "Lonely/Main", destinationCidr: "172.16.0.0/16", nextHopType: "VPN_GATEWAY", nextHop: "Gateway", enabled: true },
        { id: "Lonely/ToVpcA", routeTable: "Lonely/Main", destinationCidr: "10.1.0.0/16", nextHopType: "CCN", nextHop: "Ccn", enabled: true },
      ],
    };
    expect(trace(withRoutes, "10.9.0.1", "172.16.0.1").verdict).toBe("INVALID_NEXT_HOP");
    const t = trace(withRoutes, "10.9.0.1", "10.1.0.1");
    expect(t.verdict).toBe("INVALID_NEXT_HOP");
    expect(t.reason).toContain("not attached to that CCN");
  });

  test("longest prefix wins between a table route and a CCN-learned route; at equal prefix the table's own route wins", () => {
    const { model } = synthModel(buildS4().app);
    const more = (dest: string): NetworkModel => ({
      ...model,
      routes: [...model.routes, { id: "VpcA/Blackhole", routeTable: "VpcA/MainRouteTable", destinationCidr: dest, nextHopType: "PEERING", nextHop: "none", enabled: true }],
    });
    // A /24 route in the table beats the CCN's /16 (and is invalid here: no such peering).
    expect(trace(more("10.2.1.0/24"), "10.1.1.1", "10.2.1.1").verdict).toBe("INVALID_NEXT_HOP");
    // A /8 loses to the CCN's /16.
    expect(trace(more("10.0.0.0/8"), "10.1.1.1", "10.2.1.1").verdict).toBe("DELIVERED");
    // The same /16: the table's own route wins.
    expect(trace(more("10.2.0.0/16"), "10.1.1.1", "10.2.1.1").verdict).toBe("INVALID_NEXT_HOP");
  });
});

describe("trace: VPN gateways", () => {
  test("routes published to the VPC appear in its main route table with the gateway as next hop", () => {
    const { model } = synthModel(buildS2().app);
    const hop = trace(model, "10.0.1.1", "172.17.0.1").hops[0];
    expect(hop.entry).toEqual({
      table: "ROUTE_TABLE",
      tableId: "Vpc/MainRouteTable",
      entryId: "Gateway/ToIdc2",
      destinationCidr: "172.17.0.0/16",
      nextHop: "Gateway",
      note: "published to the VPC by VPN gateway route Gateway/ToIdc2",
    });
  });

  test("an SPD policy match wins over the gateway's route table", () => {
    const { model } = synthModel(buildS2().app);
    // Tunnel3 also carries an SPD policy for 172.17.0.0/16, while the route table sends it to Tunnel2.
    const spd: NetworkModel = {
      ...model,
      connections: model.connections.map((c) =>
        c.id === "Gateway/Tunnel3" ? { ...c, routeType: "SPD", spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["172.17.0.0/16"] }] } : c,
      ),
    };
    const t = trace(spd, "10.0.1.1", "172.17.0.1");
    expect(t.hops[1].entry?.table).toBe("SPD_POLICY");
    expect(t.hops[1].entry?.nextHop).toBe("Gateway/Tunnel3");
    // The SPD tunnel leads to IDC-3, which does not own IDC-2's block and has no tunnel toward it.
    expect([t.verdict, t.droppedAt?.id]).toEqual(["NO_TUNNEL", "Idc3"]);
    expect(trace(model, "10.0.1.1", "172.17.0.1").verdict).toBe("DELIVERED");
  });

  test("a gateway that is not AVAILABLE passes nothing (GATEWAY_UNAVAILABLE)", () => {
    const { model } = synthModel(buildS1().app);
    const pending = { ...model, vpnGateways: model.vpnGateways.map((g) => ({ ...g, available: false })) };
    const t = trace(pending, "10.0.1.1", "172.16.0.1");
    expect(t.verdict).toBe("GATEWAY_UNAVAILABLE");
    expect(t.droppedAt?.id).toBe("Gateway");
  });

  test("a gateway route through a connection of another gateway is INVALID_NEXT_HOP", () => {
    const { model } = synthModel(buildS2().app);
    const moved = { ...model, connections: model.connections.map((c) => (c.id === "Gateway/Tunnel2" ? { ...c, gateway: "Elsewhere" } : c)) };
    const t = trace(moved, "10.0.1.1", "172.17.0.1");
    expect(t.verdict).toBe("INVALID_NEXT_HOP");
    expect(t.reason).toContain("not a connection of this gateway");
  });

  test("a tunnel that does not negotiate says why, without any secret", () => {
    const { model } = synthModel(buildS1().app);
    const down = {
      ...model,
      connections: model.connections.map((c) => ({ ...c, tunnelUp: false, routable: false, downReason: "the IDC device speaks IKEV1, the gateway IKEV2" })),
    };
    const t = trace(down, "10.0.1.1", "172.16.0.1");
    expect(t.verdict).toBe("TUNNEL_DOWN");
    expect(t.reason).toContain("IKEV1");
  });
});

describe("loops", () => {
  test("whole matrix: everything toward IDC-2 loops through IDC-1", () => {
    const s = buildLoop();
    const { model } = synthModel(s.app);
    expect(parseGrid(reachabilityMatrix(model, endpointIds(s)).render(labelOf(s)))).toEqual(parseGrid(LOOP_EXPECTED));
  });

  test("the loop trace shows the packet going round and names where it came back", () => {
    const { model } = synthModel(buildLoop().app);
    const t = trace(model, "10.0.1.1", "172.17.0.1");
    expect(t.verdict).toBe("LOOP");
    expect(t.hops.map((h) => h.at.id)).toEqual([
      "Vpc/App",
      "Gateway",
      "Gateway/Tunnel1",
      "Idc1",
      "Idc1",
      "Gateway",
      "Gateway/Tunnel1",
    ]);
    expect(t.droppedAt?.id).toBe("Gateway/Tunnel1");
    expect(formatTrace(t)).toContain("dropped: LOOP");
  });
});
