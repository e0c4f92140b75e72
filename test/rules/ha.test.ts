import { HealthCheckOptions, IdcSite, NetworkApp, RoutePreference, SecretValue, Vpc, VpnGateway } from "../../lib";
import { errorIds, findingsOf, hits } from "./helpers";

const PSK = SecretValue.fromEnv("PSK");

interface PairOptions {
  profile?: "tencent" | "alibaba";
  healthCheck1?: HealthCheckOptions | null;
  healthCheck2?: HealthCheckOptions | null;
  sameDevice?: boolean;
  secondSiteCidr?: string;
}

/** Seed 001 / scenario S5a: one gateway, two IDC devices, two tunnels, active and standby routes to the IDC. */
function activeStandby(options: PairOptions = {}): NetworkApp {
  const profile = options.profile ?? "tencent";
  const app = new NetworkApp({ profile });
  const vpc = new Vpc(app, "Vpc", { region: profile === "tencent" ? "ap-guangzhou" : "cn-hangzhou", cidrs: ["10.0.0.0/16"] });
  const gateway = new VpnGateway(app, "Gw", { vpc });
  const site = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
  const device1 = site.addDevice("Cgw1", { ipAddress: "203.0.113.1" });
  const otherSite = options.secondSiteCidr ? new IdcSite(app, "Idc2", { cidrs: [options.secondSiteCidr] }) : site;
  const device2 = options.sameDevice ? device1 : otherSite.addDevice("Cgw2", { ipAddress: "203.0.113.2" });
  const check = (given: HealthCheckOptions | null | undefined, remoteIp: string): HealthCheckOptions | undefined =>
    given === null ? undefined : (given ?? { localIp: "10.0.0.100", remoteIp });
  const t1 = gateway.addConnection("Tunnel1", { customerGateway: device1, preSharedKey: PSK, healthCheck: check(options.healthCheck1, "192.168.0.1") });
  const t2 = gateway.addConnection("Tunnel2", { customerGateway: device2, preSharedKey: PSK, healthCheck: check(options.healthCheck2, "192.168.0.2") });
  gateway.addRoute("Active", { destinationCidr: "192.168.0.0/16", connection: t1, preference: RoutePreference.ACTIVE });
  gateway.addRoute("Standby", { destinationCidr: "192.168.0.0/16", connection: t2, preference: RoutePreference.STANDBY });
  return app;
}

describe("HL-HA-001: Connections of an active/standby pair have health checks", () => {
  it("fails for the tunnel without a health check (failover cannot happen)", () => {
    const app = activeStandby({ healthCheck2: null });
    expect(hits(app, "HL-HA-001", true)).toEqual(["Gw/Tunnel2#healthCheck"]);
    expect(findingsOf(app, "HL-HA-001")[0].message).toContain("failover cannot happen");
  });

  it("fails for a disabled health check", () => {
    const app = activeStandby({ healthCheck1: { localIp: "10.0.0.100", remoteIp: "192.168.0.1", enabled: false } });
    expect(hits(app, "HL-HA-001")).toEqual(["Gw/Tunnel1"]);
  });

  it("passes for the seed-001 pair on alibaba (weight 100/0, both checked) and does not apply to a single route", () => {
    expect(errorIds(activeStandby({ profile: "alibaba" }))).toEqual([]);
    const single = new NetworkApp();
    const vpc = new Vpc(single, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const gateway = new VpnGateway(single, "Gw", { vpc });
    const site = new IdcSite(single, "Idc", { cidrs: ["192.168.0.0/16"] });
    const t = gateway.addConnection("T", { customerGateway: site.addDevice("D", { ipAddress: "203.0.113.1" }), preSharedKey: PSK });
    gateway.addRoute("R", { destinationCidr: "192.168.0.0/16", connection: t });
    expect(hits(single, "HL-HA-001")).toEqual([]);
  });
});

describe("HL-HA-002: Health check source IP is on the cloud side", () => {
  it("fails for a source outside the VPC and for a non-address", () => {
    const app = activeStandby({
      healthCheck1: { localIp: "192.168.0.10", remoteIp: "192.168.0.1" },
      healthCheck2: { localIp: "10.0.0.300", remoteIp: "192.168.0.2" },
    });
    expect(hits(app, "HL-HA-002", true)).toEqual(["Gw/Tunnel1#healthCheck.localIp", "Gw/Tunnel2#healthCheck.localIp"]);
  });

  it("passes at the VPC's last address", () => {
    expect(hits(activeStandby({ healthCheck1: { localIp: "10.0.255.255", remoteIp: "192.168.0.1" } }), "HL-HA-002")).toEqual([]);
  });
});

describe("HL-HA-003: Health check destination IP is in the IDC", () => {
  it("fails for a target outside the IDC site", () => {
    const app = activeStandby({ healthCheck2: { localIp: "10.0.0.100", remoteIp: "10.0.0.1" } });
    expect(hits(app, "HL-HA-003", true)).toEqual(["Gw/Tunnel2#healthCheck.remoteIp"]);
  });

  it("passes for addresses inside the site", () => {
    expect(hits(activeStandby(), "HL-HA-003")).toEqual([]);
  });
});

describe("HL-HA-004: Health check interval and retries are within the cloud's ranges", () => {
  it.each([
    [999, 3, ["Gw/Tunnel1#healthCheck.intervalMs"]],
    [5001, 3, ["Gw/Tunnel1#healthCheck.intervalMs"]],
    [2000, 2, ["Gw/Tunnel1#healthCheck.retries"]],
    [2000, 9, ["Gw/Tunnel1#healthCheck.retries"]],
    [1000, 3, []],
    [5000, 8, []],
  ])("tencent interval %i ms, retries %i", (intervalMs, retries, expected) => {
    const app = activeStandby({ healthCheck1: { localIp: "10.0.0.100", remoteIp: "192.168.0.1", intervalMs, retries } });
    expect(hits(app, "HL-HA-004", true)).toEqual(expected);
  });

  it("uses alibaba's ranges on alibaba (retries 1 allowed there)", () => {
    const app = activeStandby({ profile: "alibaba", healthCheck1: { localIp: "10.0.0.100", remoteIp: "192.168.0.1", retries: 1 } });
    expect(hits(app, "HL-HA-004")).toEqual([]);
  });
});

describe("HL-HA-005: An active/standby pair uses two distinct customer gateways", () => {
  it("fails when both tunnels end on one device", () => {
    const app = activeStandby({ sameDevice: true });
    expect(hits(app, "HL-HA-005", true)).toEqual(["Gw/Standby#nextHop"]);
  });

  it("passes for two devices", () => {
    expect(hits(activeStandby(), "HL-HA-005")).toEqual([]);
  });
});

describe("HL-HA-006: An active/standby pair carries the same remote subnets", () => {
  it("fails when the standby device belongs to a site with other networks", () => {
    const app = activeStandby({ secondSiteCidr: "192.168.0.0/17" });
    expect(hits(app, "HL-HA-006", true)).toEqual(["Gw/Standby#nextHop"]);
    expect(findingsOf(app, "HL-HA-006")[0].message).toContain("remote 192.168.0.0/17");
  });

  it("passes for two devices of one site", () => {
    expect(hits(activeStandby(), "HL-HA-006")).toEqual([]);
  });
});

describe("HL-HA-007: Every standby route has an active route", () => {
  it("warns for a lone standby route", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const gateway = new VpnGateway(app, "Gw", { vpc });
    const site = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    const t = gateway.addConnection("T", { customerGateway: site.addDevice("D", { ipAddress: "203.0.113.1" }), preSharedKey: PSK });
    gateway.addRoute("OnlyStandby", { destinationCidr: "192.168.0.0/16", connection: t, preference: RoutePreference.STANDBY });
    const [finding] = findingsOf(app, "HL-HA-007");
    expect([finding.path, finding.property, finding.severity]).toEqual(["Gw/OnlyStandby", "priority", "warning"]);
  });

  it("warns on alibaba when both routes of a pair are standby (weight 0)", () => {
    const app = new NetworkApp({ profile: "alibaba" });
    const vpc = new Vpc(app, "Vpc", { region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] });
    const gateway = new VpnGateway(app, "Gw", { vpc });
    const site = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    for (const i of [1, 2]) {
      const t = gateway.addConnection(`T${i}`, { customerGateway: site.addDevice(`D${i}`, { ipAddress: `203.0.113.${i}` }), preSharedKey: PSK, healthCheck: { localIp: "10.0.0.9", remoteIp: "192.168.0.1" } });
      gateway.addRoute(`R${i}`, { destinationCidr: "192.168.0.0/16", connection: t, weight: 0 });
    }
    expect(hits(app, "HL-HA-007")).toEqual(["Gw/R1"]);
  });

  it("does not warn for an active/standby pair or a lone active route", () => {
    expect(hits(activeStandby(), "HL-HA-007")).toEqual([]);
  });
});
