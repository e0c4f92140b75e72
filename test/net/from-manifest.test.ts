import { IdcSite, NetworkApp, RoutePreference, SecretValue, VpnGateway, Vpc } from "../../lib";
import { modelFromManifest, trace } from "../../lib/net";
import { PSK, synthModel } from "./scenarios/common";
import { buildHa } from "./scenarios/ha";
import { buildS2 } from "./scenarios/s2";
import { buildS5a } from "./scenarios/s5a";

/** One VPC, one IDC, one SPD connection whose IDC device is configured as given. */
function withDevice(customerDevice: Parameters<VpnGateway["addConnection"]>[1]["customerDevice"]) {
  const app = new NetworkApp({ profile: "tencent" });
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  const gateway = new VpnGateway(app, "Gateway", { vpc });
  const idc = new IdcSite(app, "Idc", { cidrs: ["172.16.0.0/16", "172.20.0.0/16"] });
  gateway.addConnection("Tunnel", {
    customerGateway: idc.addDevice("Device", { ipAddress: "203.0.113.10" }),
    preSharedKey: PSK,
    spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["172.16.0.0/16", "172.20.0.0/16"] }],
    customerDevice,
  });
  vpc.addRoute("ToIdc", { destinationCidr: "172.16.0.0/16", nextHop: gateway });
  return synthModel(app).model.connections[0];
}

describe("modelFromManifest: tunnels are up when both ends agree", () => {
  test("the downloaded configuration (no override) negotiates", () => {
    const c = withDevice(undefined);
    expect([c.tunnelUp, c.routable, c.downReason]).toEqual([true, true, undefined]);
  });

  test("a device whose key comes from another secret source does not, and the reason names sources only", () => {
    const c = withDevice({ preSharedKey: SecretValue.fromEnv("OTHER_PSK") });
    expect([c.tunnelUp, c.routable]).toEqual([false, false]);
    expect(c.downReason).toBe("the IDC device's pre-shared key comes from env:OTHER_PSK but the gateway's from env:HL_SCENARIO_PSK");
  });

  test("a device speaking another IKE version does not negotiate; the same version in other case does", () => {
    expect(withDevice({ ikeVersion: "IKEV1" }).downReason).toBe("the IDC device speaks IKEV1, the gateway IKEV2");
    expect(withDevice({ ikeVersion: "ikev2" }).tunnelUp).toBe(true);
  });

  test("IKEv2 selectors narrow (RFC 7296 §2.9): a subset or superset negotiates the common part, disjoint ones do not", () => {
    expect(withDevice({ localCidrs: ["172.20.0.0/16", "172.16.0.0/16"], remoteCidrs: ["10.0.0.0/16"] }).tunnelUp).toBe(true);
    const narrower = withDevice({ localCidrs: ["172.16.0.0/16"] });
    expect(narrower.tunnelUp).toBe(true);
    expect(narrower.spdPolicies).toEqual([{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["172.16.0.0/16"] }]);
    const wider = withDevice({ remoteCidrs: ["10.0.0.0/8"] });
    expect(wider.spdPolicies).toEqual([{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["172.16.0.0/16", "172.20.0.0/16"] }]);
    const outside = withDevice({ localCidrs: ["192.168.0.0/16"] });
    expect(outside.tunnelUp).toBe(false);
    expect(outside.downReason).toContain("TS_UNACCEPTABLE");
  });

  test("IKEv1 has no narrowing: the blocks must mirror", () => {
    const c = withDevice({ ikeVersion: "IKEV1", localCidrs: ["172.16.0.0/16"] });
    expect(c.tunnelUp).toBe(false);
  });

  test("health checks are carried over, and the tunnel without one reports none", () => {
    const withChecks = synthModel(buildS5a().app).model.connections;
    const without = synthModel(buildS5a({ healthChecks: false }).app).model.connections;
    expect(withChecks.map((c) => c.healthCheckEnabled)).toEqual([true, true]);
    expect(without.map((c) => c.healthCheckEnabled)).toEqual([false, false]);
  });
});

describe("modelFromManifest: preference ranks from the profile's vocabulary", () => {
  test("tencent: priority 0 is rank 0, priority 100 is rank 100", () => {
    const { model } = synthModel(buildS5a().app);
    expect(model.gatewayRoutes.map((r) => [r.id, r.rank])).toEqual([
      ["Gateway/ToIdcActive", 0],
      ["Gateway/ToIdcStandby", 100],
    ]);
  });

  test("alibaba: weight 100 is rank 0 (preferred), weight 0 is rank 100", () => {
    const { model } = synthModel(buildHa().app);
    expect(model.gatewayRoutes.map((r) => [r.id, r.rank, r.publishToVpc])).toEqual([
      ["VpnGateway/ToIdcWeight0", 100, true],
      ["VpnGateway/ToIdcWeight100", 0, true],
    ]);
  });

  test("alibaba: RoutePreference.STANDBY renders as weight 0 and ranks as standby", () => {
    const app = new NetworkApp({ profile: "alibaba" });
    const vpc = new Vpc(app, "Vpc", { region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] });
    const gateway = new VpnGateway(app, "Gateway", { vpc });
    const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    const tunnel = gateway.addConnection("Tunnel", { customerGateway: idc.addDevice("Device", { ipAddress: "198.51.100.1" }), preSharedKey: PSK });
    gateway.addRoute("Standby", { destinationCidr: "192.168.0.0/16", connection: tunnel, preference: RoutePreference.STANDBY });
    expect(synthModel(app).model.gatewayRoutes[0].rank).toBe(100);
  });
});

describe("modelFromManifest: peering states", () => {
  function crossAccount(trusted: boolean) {
    const app = new NetworkApp({ profile: "tencent", trustedAccounts: trusted ? ["200000000002"] : [] });
    const a = new Vpc(app, "A", { region: "ap-guangzhou", cidrs: ["10.1.0.0/16"] });
    const b = new Vpc(app, "B", { region: "ap-guangzhou", cidrs: ["10.2.0.0/16"], account: "200000000002" });
    const c = new Vpc(app, "C", { region: "ap-guangzhou", cidrs: ["10.3.0.0/16"] });
    a.peerWith("ToB", b).routeBothWays();
    a.peerWith("ToC", c).routeBothWays();
    return app.synthesize({ throwOnError: false }).manifest;
  }

  test.each([
    ["none", true, ["PENDING", "ACTIVE"]],
    ["trusted", true, ["ACTIVE", "ACTIVE"]],
    ["trusted", false, ["PENDING", "ACTIVE"]],
    ["all", false, ["ACTIVE", "ACTIVE"]],
  ] as const)("acceptCrossAccountPeerings=%s (peer account trusted: %s) → cross-account, same-account: %j", (accept, trusted, states) => {
    const model = modelFromManifest(crossAccount(trusted), { acceptCrossAccountPeerings: accept });
    expect(model.peerings.map((p) => [p.id, p.state])).toEqual([
      ["A/ToB", states[0]],
      ["A/ToC", states[1]],
    ]);
  });
});

describe("modelFromManifest: the model of S2", () => {
  test("IDs are logical IDs and every resource is provisioned", () => {
    const { model } = synthModel(buildS2().app);
    expect(model.vpnGateways).toEqual([{ id: "Gateway", name: "Gateway", type: "VPC", region: "ap-guangzhou", vpc: "Vpc", available: true, bandwidthMbps: 100 }]);
    expect(model.customerGateways.map((c) => [c.id, c.site, c.up])).toEqual([
      ["Idc1/Device", "Idc1", true],
      ["Idc2/Device", "Idc2", true],
      ["Idc3/Device", "Idc3", true],
    ]);
    expect(model.subnets).toEqual([{ id: "Vpc/App", name: "App", vpc: "Vpc", cidr: "10.0.1.0/24", routeTable: "Vpc/MainRouteTable" }]);
    // Published gateway routes are not copied into the model: forwarding puts them in the main table.
    expect(model.routes).toEqual([]);
    expect(trace(model, "10.0.1.1", "172.18.0.1").verdict).toBe("DELIVERED");
  });
});
