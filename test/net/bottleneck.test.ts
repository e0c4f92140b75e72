import { Ccn, IdcSite, NetworkApp, VpnGateway, Vpc } from "../../lib";
import { analyzePair, formatBottleneck, NetworkModel, reachabilityMatrix, trace } from "../../lib/net";
import { EMPTY, PSK, synthModel } from "./scenarios/common";

/**
 * The bottleneck of a delivered path: the least bandwidth over the hops that
 * have one (VPN gateway bandwidth, a cross-region peering's cap); hops
 * without one do not count; none at all is null. Values differ from the
 * examples' (other regions, blocks, accounts, sizes) on purpose.
 */

/** Two VPCs of account 300000000042 peered across regions (eu-frankfurt ↔ na-ashburn), routes both ways. */
function peered(bandwidthMbps?: number): NetworkModel {
  return {
    ...EMPTY,
    vpcs: [
      { id: "vpc-fra", name: "fra", region: "eu-frankfurt", account: "300000000042", cidrs: ["10.77.0.0/16"] },
      { id: "vpc-iad", name: "iad", region: "na-ashburn", account: "300000000042", cidrs: ["100.64.8.0/22"] },
    ],
    routeTables: [
      { id: "rtb-fra", vpc: "vpc-fra", main: true },
      { id: "rtb-iad", vpc: "vpc-iad", main: true },
    ],
    routes: [
      { id: "r-1", routeTable: "rtb-fra", destinationCidr: "100.64.8.0/22", nextHopType: "PEERING", nextHop: "pcx-x", enabled: true },
      { id: "r-2", routeTable: "rtb-iad", destinationCidr: "10.77.0.0/16", nextHopType: "PEERING", nextHop: "pcx-x", enabled: true },
    ],
    peerings: [{ id: "pcx-x", name: "FraIad", requesterVpc: "vpc-fra", accepterVpc: "vpc-iad", state: "ACTIVE", ...(bandwidthMbps ? { bandwidthMbps } : {}) }],
  };
}

/**
 * A CCN joining a VPC (ap-beijing) and two CCN-type gateways: Edge (20 Mbps,
 * ap-beijing) to the Plant IDC and Core (500 Mbps, ap-shanghai) to the Hq IDC.
 */
function transit(edgeMbps = 20, coreMbps = 500) {
  const app = new NetworkApp({ profile: "tencent" });
  const ccn = new Ccn(app, "Backbone");
  const vpc = new Vpc(app, "Analytics", { region: "ap-beijing", cidrs: ["10.60.0.0/16"], account: "400000000009" });
  ccn.attach("AttachAnalytics", vpc);
  const site = (id: string, cidr: string, ip: string, gateway: VpnGateway) => {
    const idc = new IdcSite(app, id, { cidrs: [cidr] });
    const device = idc.addDevice("Device", { ipAddress: ip });
    const tunnel = gateway.addConnection(`To${id}`, { customerGateway: device, preSharedKey: PSK, routeType: "ROUTE" });
    gateway.addRoute(`Route${id}`, { destinationCidr: cidr, connection: tunnel });
    return idc;
  };
  const edge = new VpnGateway(app, "Edge", { type: "CCN", region: "ap-beijing", bandwidthMbps: edgeMbps, account: "400000000009" });
  const core = new VpnGateway(app, "Core", { type: "CCN", region: "ap-shanghai", bandwidthMbps: coreMbps, account: "400000000009" });
  ccn.attach("AttachEdge", edge);
  ccn.attach("AttachCore", core);
  site("Plant", "192.168.200.0/24", "198.51.100.20", edge);
  site("Hq", "172.31.0.0/16", "198.51.100.21", core);
  return { app, model: synthModel(app).model };
}

describe("bottleneck of a delivered trace", () => {
  test("a cross-region peering's cap bounds the path, both ways", () => {
    const forward = trace(peered(40), "10.77.3.9", "100.64.9.1");
    expect(forward.verdict).toBe("DELIVERED");
    expect(forward.bottleneck).toEqual({ bandwidthMbps: 40, at: { kind: "PEERING", id: "pcx-x", name: "FraIad" }, limit: "PEERING_BANDWIDTH" });
    expect(trace(peered(40), "100.64.9.1", "10.77.3.9").bottleneck?.bandwidthMbps).toBe(40);
  });

  test("a peering without a cap (same region: no limit) is not a bottleneck: null", () => {
    const t = trace(peered(), "10.77.3.9", "100.64.9.1");
    expect(t.verdict).toBe("DELIVERED");
    expect(t.bottleneck).toBeNull();
    expect(formatBottleneck(t.bottleneck!)).toBe("none: no hop on this path has a bandwidth limit");
  });

  test("a dropped packet has no bottleneck at all", () => {
    const oneWay: NetworkModel = { ...peered(40), routes: peered(40).routes.slice(0, 1) };
    const t = trace(oneWay, "100.64.9.1", "10.77.3.9");
    expect(t.verdict).toBe("NO_ROUTE");
    expect(t).not.toHaveProperty("bottleneck");
  });

  test("IDC → CCN → VPC: the gateway's bandwidth, named with its ID", () => {
    const { model } = transit();
    const t = trace(model, "192.168.200.7", "10.60.4.4");
    expect(t.verdict).toBe("DELIVERED");
    expect(t.bottleneck).toMatchObject({ bandwidthMbps: 20, at: { kind: "VPN_GATEWAY", id: "Edge" }, limit: "VPN_GATEWAY_BANDWIDTH" });
    expect(formatBottleneck(t.bottleneck!)).toBe("20 Mbps at Edge (VPN gateway bandwidth)");
  });

  test("two gateways on one path: the smaller wins, whichever end it is at", () => {
    const { model } = transit(20, 500);
    expect(trace(model, "192.168.200.7", "172.31.5.5").bottleneck).toMatchObject({ bandwidthMbps: 20, at: { id: "Edge" } });
    expect(trace(model, "172.31.5.5", "192.168.200.7").bottleneck).toMatchObject({ bandwidthMbps: 20, at: { id: "Edge" } });
    const swapped = transit(1000, 10).model;
    expect(trace(swapped, "192.168.200.7", "172.31.5.5").bottleneck).toMatchObject({ bandwidthMbps: 10, at: { id: "Core" } });
    expect(trace(swapped, "10.60.0.9", "172.31.5.5").bottleneck).toMatchObject({ bandwidthMbps: 10, at: { id: "Core" } });
  });

  test("equal limits: the first on the path is named", () => {
    const { model } = transit(50, 50);
    expect(trace(model, "192.168.200.7", "172.31.5.5").bottleneck?.at.id).toBe("Edge");
    expect(trace(model, "172.31.5.5", "192.168.200.7").bottleneck?.at.id).toBe("Core");
  });

  test("the matrix gives each delivered cell's bottleneck, the pair analysis each direction's", () => {
    const { model } = transit(20, 500);
    const matrix = reachabilityMatrix(model, ["Analytics", "Plant", "Hq"]);
    expect(matrix.bottleneckAt(0, 2)).toMatchObject({ bandwidthMbps: 500, at: { id: "Core" } });
    expect(matrix.bottleneckAt(1, 2)).toMatchObject({ bandwidthMbps: 20, at: { id: "Edge" } });
    expect(matrix.bottleneckAt(1, 1)).toBeUndefined();
    const pair = analyzePair(model, "Hq", "Analytics");
    expect(pair.verdict).toBe("REACHABLE");
    expect([pair.forward.bottleneck?.bandwidthMbps, pair.reverse.bottleneck?.bandwidthMbps]).toEqual([500, 500]);
  });

  test("a matrix cell that does not deliver has no bottleneck", () => {
    const matrix = reachabilityMatrix({ ...peered(40), routes: peered(40).routes.slice(0, 1) }, ["vpc-fra", "vpc-iad"]);
    expect(matrix.traceVerdictAt(1, 0)).toBe("NO_ROUTE");
    expect(matrix.bottleneckAt(1, 0)).toBeUndefined();
    expect(matrix.bottleneckAt(0, 1)?.bandwidthMbps).toBe(40);
  });
});
