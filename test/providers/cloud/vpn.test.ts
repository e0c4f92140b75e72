import * as fs from "fs";
import * as path from "path";
import { CloudEngine } from "../../../providers/cloud";
import { ACCOUNT_A, memoryEngine, refusal, snapshotStore, tempDir, World } from "./helpers";

interface Tunnel {
  state: string;
  stateReason?: string;
  stateDetail?: string;
  tunnelUp: boolean;
  negotiated: boolean;
  healthCheckStatus: string;
}

/** One VPC-type gateway (provisioned), one site with two devices, and their connections. */
function drill(engine: CloudEngine, healthCheck: boolean) {
  const w = new World(engine);
  const { vpc, table } = w.vpc(["10.0.0.0/16"]);
  const gw = w.gateway(vpc);
  const site = w.site(["192.168.0.0/16"]);
  const dev1 = w.device("203.0.113.1", site);
  const dev2 = w.device("203.0.113.2", site);
  const hc = healthCheck ? { healthCheck: { enabled: true, localIp: "10.0.0.10", remoteIp: "192.168.0.10", intervalMs: 2000, retries: 3 } } : {};
  const c1 = w.connection(gw, dev1, hc);
  const c2 = w.connection(gw, dev2, hc);
  w.request("AdvanceClock", { duration: "5m" });
  const tunnel = (id: string) => (w.request("DescribeVpnConnections", { ids: [id] }).items as Tunnel[])[0];
  const model = (id: string) => engine.networkModel().connections.find((c) => c.id === id)!;
  return { w, vpc, table, gw, site, dev1, dev2, c1, c2, tunnel, model };
}

describe("negotiation: a tunnel comes up only when both ends agree", () => {
  test("PENDING while the gateway provisions, AVAILABLE after", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const gw = w.gateway(w.vpc(["10.0.0.0/16"]).vpc);
    const conn = w.connection(gw, w.device("203.0.113.1", w.site(["192.168.0.0/16"])));
    const state = () => (w.request("DescribeVpnConnections", {}).items as Tunnel[])[0];
    expect(state()).toMatchObject({ state: "PENDING", stateReason: "GATEWAY_PENDING", tunnelUp: false, negotiated: true });
    w.request("AdvanceClock", { duration: "5m" });
    expect(state()).toMatchObject({ state: "AVAILABLE", tunnelUp: true, healthCheckStatus: "DISABLED" });
    expect(state()).not.toHaveProperty("stateReason");
    expect(engine.networkModel().connections).toEqual([
      expect.objectContaining({ id: conn, tunnelUp: true, routable: true, healthCheckEnabled: false }),
    ]);
  });

  test.each([
    ["a different key on the device", { customerDevice: { preSharedKey: "Wrong-Key-1" } }, "PSK_MISMATCH"],
    ["another IKE version on the device", { customerDevice: { ikeVersion: "IKEV1" } }, "IKE_VERSION_MISMATCH"],
    ["device subnets outside the connection's", { customerDevice: { localCidrs: ["172.16.0.0/16"], remoteCidrs: ["10.0.0.0/16"] } }, "SUBNET_MISMATCH"],
    ["another IKE proposal on the device", { customerDevice: { ike: { encryption: "AES-CBC-128" } } }, "PROPOSAL_MISMATCH"],
    ["another ESP proposal on the device", { customerDevice: { ipsec: { integrity: "SHA1" } } }, "PROPOSAL_MISMATCH"],
    ["device subnets not swapped", { customerDevice: { localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] } }, "SUBNET_MISMATCH"],
  ])("NEGOTIATION_FAILED with %s", (_what, overrides, reason) => {
    const engine = memoryEngine();
    const w = new World(engine);
    const gw = w.gateway(w.vpc(["10.0.0.0/16"]).vpc);
    const conn = w.connection(gw, w.device("203.0.113.1", w.site(["192.168.0.0/16"])), overrides);
    w.request("AdvanceClock", { duration: "5m" });
    const t = (w.request("DescribeVpnConnections", { ids: [conn] }).items as Tunnel[])[0];
    expect(t).toMatchObject({ state: "NEGOTIATION_FAILED", stateReason: reason, negotiated: false, tunnelUp: false });
    expect(t.stateDetail).not.toContain("Wrong-Key-1");
    expect(t.stateDetail).not.toContain("Correct-Horse-9");
  });

  test("a device configured exactly as downloaded (mirrored, same key) negotiates", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const gw = w.gateway(w.vpc(["10.0.0.0/16"]).vpc);
    const conn = w.connection(gw, w.device("203.0.113.1", w.site(["192.168.0.0/16"])), {
      customerDevice: { preSharedKey: "Correct-Horse-9", ikeVersion: "ikev2", localCidrs: ["192.168.0.0/16"], remoteCidrs: ["10.0.0.0/16"] },
    });
    w.request("AdvanceClock", { duration: "5m" });
    expect((w.request("DescribeVpnConnections", { ids: [conn] }).items as Tunnel[])[0].state).toBe("AVAILABLE");
  });

  test("fixing the key with Modify brings the tunnel up", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const gw = w.gateway(w.vpc(["10.0.0.0/16"]).vpc);
    const conn = w.connection(gw, w.device("203.0.113.1", w.site(["192.168.0.0/16"])), { customerDevice: { preSharedKey: "Device-Key-2" } });
    w.request("AdvanceClock", { duration: "5m" });
    expect(w.request("ModifyVpnConnectionAttribute", { id: conn, preSharedKey: "Device-Key-2" }).state).toBe("AVAILABLE");
  });
});

describe("fault drills on the engine clock (seed 001, DESIGN: health checks and time)", () => {
  test("with a health check: the tunnel drops at once, routes move after interval × retries, and come back as late", () => {
    const engine = memoryEngine();
    const d = drill(engine, true);
    expect(d.model(d.c1)).toMatchObject({ tunnelUp: true, routable: true });

    d.w.request("FailCustomerGateway", { id: d.dev1 });
    expect(d.tunnel(d.c1)).toMatchObject({ state: "DOWN", stateReason: "DEVICE_DOWN", tunnelUp: false, healthCheckStatus: "UP" });
    expect(d.model(d.c1)).toMatchObject({ tunnelUp: false, routable: true });
    expect(d.model(d.c2)).toMatchObject({ tunnelUp: true, routable: true });
    expect(engine.networkModel().customerGateways.find((g) => g.id === d.dev1)?.up).toBe(false);

    d.w.request("AdvanceClock", { duration: "5999ms" });
    expect(d.model(d.c1).routable).toBe(true);
    d.w.request("AdvanceClock", { duration: "1ms" });
    expect(d.model(d.c1).routable).toBe(false);
    expect(d.tunnel(d.c1).healthCheckStatus).toBe("DOWN");

    d.w.request("AdvanceClock", { duration: "1m" });
    d.w.request("RecoverCustomerGateway", { id: d.dev1 });
    expect(d.model(d.c1)).toMatchObject({ tunnelUp: true, routable: false });
    expect(d.tunnel(d.c1)).toMatchObject({ state: "AVAILABLE", healthCheckStatus: "DOWN" });
    d.w.request("AdvanceClock", { duration: "6s" });
    expect(d.model(d.c1)).toMatchObject({ tunnelUp: true, routable: true });
  });

  test("a fault shorter than the detection time is never detected", () => {
    const engine = memoryEngine();
    const d = drill(engine, true);
    d.w.request("FailCustomerGateway", { id: d.dev1 });
    d.w.request("AdvanceClock", { duration: "3s" });
    d.w.request("RecoverCustomerGateway", { id: d.dev1 });
    for (const step of ["2s", "2s", "5s"]) {
      d.w.request("AdvanceClock", { duration: step });
      expect(d.model(d.c1)).toMatchObject({ tunnelUp: true, routable: true });
    }
  });

  test("without a health check routes never move: the tunnel is down but still routable (blackhole)", () => {
    const engine = memoryEngine();
    const d = drill(engine, false);
    d.w.request("FailCustomerGateway", { id: d.dev1 });
    d.w.request("AdvanceClock", { duration: "1h" });
    expect(d.model(d.c1)).toMatchObject({ tunnelUp: false, routable: true, healthCheckEnabled: false });
    expect(d.tunnel(d.c1).healthCheckStatus).toBe("DISABLED");
  });

  test("device and site outages that overlap count as one outage for detection", () => {
    const engine = memoryEngine();
    const d = drill(engine, true);
    d.w.request("FailCustomerGateway", { id: d.dev1 });
    d.w.request("AdvanceClock", { duration: "4s" });
    d.w.request("FailIdcSite", { id: d.site });
    d.w.request("RecoverCustomerGateway", { id: d.dev1 });
    d.w.request("AdvanceClock", { duration: "2s" });
    // 6 s without a working tunnel 1, though neither fault alone lasted that long.
    expect(d.model(d.c1).routable).toBe(false);
    // Tunnel 2 has been down only 2 s (the site): not detected yet.
    expect(d.model(d.c2).routable).toBe(true);
  });

  test("a whole site down takes every device's tunnel down", () => {
    const engine = memoryEngine();
    const d = drill(engine, true);
    d.w.request("FailIdcSite", { id: d.site });
    expect(d.tunnel(d.c1)).toMatchObject({ state: "DOWN", stateReason: "SITE_DOWN" });
    expect(d.tunnel(d.c2)).toMatchObject({ state: "DOWN", stateReason: "SITE_DOWN" });
    expect((d.w.request("DescribeIdcSites", { ids: [d.site] }).items as Array<{ siteState: string }>)[0].siteState).toBe("DOWN");
    d.w.request("AdvanceClock", { duration: "6s" });
    expect(engine.networkModel().connections.map((c) => c.routable)).toEqual([false, false]);
    d.w.request("RecoverIdcSite", { id: d.site });
    expect(d.tunnel(d.c1).state).toBe("AVAILABLE");
  });

  test("failing what is down, or recovering what is up, is refused and changes nothing", () => {
    const engine = memoryEngine();
    const d = drill(engine, true);
    expect(refusal(() => d.w.request("RecoverCustomerGateway", { id: d.dev1 })).code).toBe("UnsupportedOperation.NotDown");
    d.w.request("FailCustomerGateway", { id: d.dev1 });
    d.w.request("AdvanceClock", { duration: "4s" });
    expect(refusal(() => d.w.request("FailCustomerGateway", { id: d.dev1 })).code).toBe("UnsupportedOperation.AlreadyDown");
    // The original fault time still counts: detection at 6 s after the first failure, not after the refused one.
    d.w.request("AdvanceClock", { duration: "2s" });
    expect(d.model(d.c1).routable).toBe(false);
    expect((d.w.request("DescribeCustomerGateways", { ids: [d.dev1] }).items as Array<{ deviceState: string }>)[0].deviceState).toBe("DOWN");
  });
});

describe("failing one tunnel (FailVpnConnection / RecoverVpnConnection)", () => {
  test("only that tunnel drops: its device, its site and a sibling tunnel on the same device stay up", () => {
    const engine = memoryEngine();
    const d = drill(engine, true);
    // A second gateway (another VPC) whose tunnel ends on the same device as c1.
    const other = d.w.vpc(["10.1.0.0/16"], "ap-guangzhou", "vpc2");
    const gw2 = d.w.gateway(other.vpc);
    const sibling = d.w.connection(gw2, d.dev1, { spdPolicies: [{ localCidrs: ["10.1.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }] });
    d.w.request("AdvanceClock", { duration: "5m" });

    expect(d.w.request("FailVpnConnection", { id: d.c1 })).toEqual({ id: d.c1, state: "DOWN", since: expect.any(String) });
    expect(d.tunnel(d.c1)).toMatchObject({ state: "DOWN", stateReason: "CONNECTION_DOWN", tunnelUp: false, negotiated: true, healthCheckStatus: "UP" });
    expect(d.tunnel(d.c1).stateDetail).toContain("FailVpnConnection");
    expect(d.model(d.c1)).toMatchObject({ tunnelUp: false, routable: true, downReason: expect.stringContaining("the tunnel itself is down") });
    for (const id of [d.c2, sibling]) expect(d.model(id)).toMatchObject({ tunnelUp: true, routable: true });
    expect(engine.networkModel().connections.find((c) => c.id === d.c2)).not.toHaveProperty("downReason");
    expect(engine.networkModel().customerGateways.every((g) => g.up)).toBe(true);
    expect((d.w.request("DescribeCustomerGateways", { ids: [d.dev1] }).items as Array<{ deviceState: string }>)[0].deviceState).toBe("UP");
    expect((d.w.request("DescribeIdcSites", { ids: [d.site] }).items as Array<{ siteState: string }>)[0].siteState).toBe("UP");
  });

  test("health-check detection after interval × retries, failback as late, on the engine clock", () => {
    const engine = memoryEngine();
    const d = drill(engine, true);
    d.w.request("FailVpnConnection", { id: d.c1 });
    d.w.request("AdvanceClock", { duration: "5999ms" });
    expect(d.model(d.c1).routable).toBe(true);
    d.w.request("AdvanceClock", { duration: "1ms" });
    expect(d.model(d.c1).routable).toBe(false);
    expect(d.tunnel(d.c1).healthCheckStatus).toBe("DOWN");

    expect(d.w.request("RecoverVpnConnection", { id: d.c1 })).toMatchObject({ id: d.c1, state: "UP" });
    expect(d.model(d.c1)).toMatchObject({ tunnelUp: true, routable: false });
    expect(d.tunnel(d.c1)).toMatchObject({ state: "AVAILABLE", healthCheckStatus: "DOWN" });
    d.w.request("AdvanceClock", { duration: "5999ms" });
    expect(d.model(d.c1).routable).toBe(false);
    d.w.request("AdvanceClock", { duration: "1ms" });
    expect(d.model(d.c1)).toMatchObject({ tunnelUp: true, routable: true });
  });

  test("an outage shorter than the detection time goes unnoticed; without a health check routes never move", () => {
    const engine = memoryEngine();
    const d = drill(engine, true);
    d.w.request("FailVpnConnection", { id: d.c1 });
    d.w.request("AdvanceClock", { duration: "5s" });
    d.w.request("RecoverVpnConnection", { id: d.c1 });
    for (const step of ["1s", "5s", "1m"]) {
      d.w.request("AdvanceClock", { duration: step });
      expect(d.model(d.c1)).toMatchObject({ tunnelUp: true, routable: true });
    }

    const blackhole = drill(memoryEngine(), false);
    blackhole.w.request("FailVpnConnection", { id: blackhole.c1 });
    blackhole.w.request("AdvanceClock", { duration: "1h" });
    expect(blackhole.model(blackhole.c1)).toMatchObject({ tunnelUp: false, routable: true, healthCheckEnabled: false });
  });

  test("a tunnel fault and a device fault that overlap are one outage for detection", () => {
    const engine = memoryEngine();
    const d = drill(engine, true);
    d.w.request("FailVpnConnection", { id: d.c1 });
    d.w.request("AdvanceClock", { duration: "4s" });
    d.w.request("FailCustomerGateway", { id: d.dev1 });
    d.w.request("RecoverVpnConnection", { id: d.c1 });
    expect(d.tunnel(d.c1)).toMatchObject({ state: "DOWN", stateReason: "DEVICE_DOWN" });
    d.w.request("AdvanceClock", { duration: "2s" });
    expect(d.model(d.c1).routable).toBe(false);
  });

  test("failing a failed tunnel, or recovering one that is up, is refused and changes nothing", () => {
    const engine = memoryEngine();
    const d = drill(engine, true);
    const notDown = refusal(() => d.w.request("RecoverVpnConnection", { id: d.c1 }));
    expect(notDown.code).toBe("UnsupportedOperation.NotDown");
    expect(notDown.message).toContain(`VPN connection '${d.c1}' is not down`);
    d.w.request("FailVpnConnection", { id: d.c1 });
    d.w.request("AdvanceClock", { duration: "4s" });
    const twice = refusal(() => d.w.request("FailVpnConnection", { id: d.c1 }));
    expect(twice.code).toBe("UnsupportedOperation.AlreadyDown");
    expect(twice.message).toContain("RecoverVpnConnection");
    d.w.request("AdvanceClock", { duration: "2s" });
    expect(d.model(d.c1).routable).toBe(false);
    expect(refusal(() => d.w.request("FailVpnConnection", { id: d.dev1 })).code).toBe("InvalidParameterValue.MalformedId");
  });

  test("deleting a failed connection deletes its fault history", () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "state.db");
      const engine = CloudEngine.open({ path: file });
      const d = drill(engine, true);
      d.w.request("FailVpnConnection", { id: d.c1 });
      d.w.request("FailCustomerGateway", { id: d.dev2 });
      d.w.request("DeleteVpnConnection", { id: d.c1 });
      engine.close();
      const faults = snapshotStore(file).faults as Array<{ target_id: string }>;
      expect(faults.map((f) => f.target_id)).toEqual([d.dev2]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the data-plane model", () => {
  test("is built from every account's live state with profile ranks and peering states", () => {
    const engine = CloudEngine.open({ path: ":memory:", profile: "alibaba" });
    const w = new World(engine);
    const { vpc, table } = w.vpc(["10.0.0.0/16"], "cn-hangzhou");
    const subnet = w.subnet(vpc, table, "10.0.1.0/24");
    const gw = w.gateway(vpc, "cn-hangzhou");
    const site = w.site(["192.168.0.0/16"]);
    const alibabaIke = { version: "ikev2", encryption: "aes256", integrity: "sha256", dhGroup: "group14", lifetimeSeconds: 86400, exchangeMode: "main" };
    const alibabaIpsec = { encryption: "aes256", integrity: "sha256", pfsDhGroup: "group14", lifetimeSeconds: 86400 };
    const c1 = w.connection(gw, w.device("203.0.113.1", site), { ike: alibabaIke, ipsec: alibabaIpsec, routeType: "ROUTE", spdPolicies: [] });
    const c2 = w.connection(gw, w.device("203.0.113.2", site), { ike: alibabaIke, ipsec: alibabaIpsec, routeType: "ROUTE", spdPolicies: [] });
    const route = (nextHop: string, weight: number) =>
      w.request("CreateVpnGatewayRoute", { vpnGateway: gw, destinationCidr: "192.168.0.0/16", nextHop, weight, publishToVpc: true, enabled: true }).id;
    const active = route(c1, 100);
    const standby = route(c2, 0);
    const other = new World(engine, "200000000009").vpc(["10.1.0.0/16"], "cn-hangzhou");
    const peering = w.request("CreateVpcPeeringConnection", { name: "x", requesterVpc: vpc, accepterVpc: other.vpc, accepterAccount: "200000000009" }).id;

    const model = engine.networkModel();
    expect(model.vpcs.map((v) => [v.id, v.account])).toEqual([[vpc, ACCOUNT_A], [other.vpc, "200000000009"]]);
    expect(model.subnets).toEqual([{ id: subnet, name: "sn-10.0.1.0/24", vpc, cidr: "10.0.1.0/24", routeTable: table }]);
    expect(model.vpnGateways).toEqual([{ id: gw, name: "gw", type: "VPC", region: "cn-hangzhou", vpc, available: false, bandwidthMbps: 100 }]);
    // alibaba: weight 100 is the active route (rank 0), weight 0 the standby.
    expect(model.gatewayRoutes.map((r) => [r.id, r.rank])).toEqual([[active, 0], [standby, 100]]);
    expect(model.peerings).toEqual([{ id: peering, name: "x", requesterVpc: vpc, accepterVpc: other.vpc, state: "PENDING" }]);
    expect(model.connections.map((c) => [c.id, c.tunnelUp])).toEqual([[c1, false], [c2, false]]);
    expect(model.idcSites).toEqual([{ id: site, name: "idc", cidrs: ["192.168.0.0/16"] }]);
  });
});
