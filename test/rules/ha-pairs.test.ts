import { execFileSync } from "child_process";
import * as path from "path";
import {
  ActiveStandbyVpn,
  Finding,
  HaDualCustomerGateway,
  IdcSite,
  NetworkApp,
  RoutePreference,
  SecretValue,
  validateManifest,
  Vpc,
  VpnGateway,
} from "../../lib";
import { findingsOf, hits, manifestOf, validateEdited } from "./helpers";

// HL-HA-009: the standby rule holds however the pair is built.

const key = SecretValue.fromEnv("PAIR_PSK");

/** Two devices of one IDC on one gateway, two networks; `standbyFor` says which networks get their standby route. */
function byHand(app: NetworkApp, standbyFor: readonly string[], options: { standbyEnabled?: boolean } = {}) {
  const vpc = new Vpc(app, "Vpc", { region: "ap-chengdu", cidrs: ["10.33.0.0/16"] });
  const gateway = new VpnGateway(app, "Gateway", { vpc });
  const site = new IdcSite(app, "Depot", { cidrs: ["192.168.33.0/24", "192.168.34.0/24"] });
  const healthCheck = { localIp: "10.33.0.9", remoteIp: "192.168.33.1" };
  const one = gateway.addConnection("Tunnel1", { customerGateway: site.addDevice("Edge1", { ipAddress: "198.51.100.33" }), preSharedKey: key, healthCheck });
  const two = gateway.addConnection("Tunnel2", { customerGateway: site.addDevice("Edge2", { ipAddress: "198.51.100.34" }), preSharedKey: key, healthCheck });
  for (const [i, cidr] of site.cidrs.entries()) {
    gateway.addRoute(`Active${i}`, { destinationCidr: cidr, connection: one });
    if (standbyFor.includes(cidr)) {
      gateway.addRoute(`Standby${i}`, { destinationCidr: cidr, connection: two, preference: RoutePreference.STANDBY, enabled: options.standbyEnabled ?? true });
    }
  }
  return { vpc, gateway, site, one, two };
}

const pairSites = () => ({ vpc: { region: "ap-chengdu", cidrs: ["10.33.0.0/16"] }, site: { cidrs: ["192.168.33.0/24", "192.168.34.0/24"] } });

describe("HL-HA-009: Every active route of a dual-device pair has its standby", () => {
  it("passes for HaDualCustomerGateway, whose every destination gets both routes", () => {
    const app = new NetworkApp({ profile: "alibaba" });
    new HaDualCustomerGateway(app, "Ha", { ...pairSites(), vpc: { region: "cn-beijing", cidrs: ["10.33.0.0/16"] }, primary: { device: "198.51.100.33", preSharedKey: key }, standby: { device: "198.51.100.34", preSharedKey: key } });
    expect(hits(app, "HL-HA-009")).toEqual([]);
  });

  it("passes for ActiveStandbyVpn on a CCN-type gateway", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-chengdu", cidrs: ["10.33.0.0/16"] });
    new ActiveStandbyVpn(app, "Pair", { vpnGateway: { type: "CCN", region: "ap-chengdu" }, ccn: { vpcs: [vpc] }, site: { cidrs: ["192.168.33.0/24"] }, primary: { device: "198.51.100.33", preSharedKey: key }, standby: { device: "198.51.100.34", preSharedKey: key } });
    expect(hits(app, "HL-HA-009")).toEqual([]);
  });

  it("warns when a pattern's pair gets an extra active route through its first connection only", () => {
    const app = new NetworkApp();
    const ha = new HaDualCustomerGateway(app, "Ha", { ...pairSites(), destinations: ["192.168.33.0/24"], primary: { device: "198.51.100.33", preSharedKey: key }, standby: { device: "198.51.100.34", preSharedKey: key } });
    ha.vpnGateway.addRoute("Extra", { destinationCidr: "192.168.34.0/24", connection: ha.ipsecConnection1 });
    const [finding, ...rest] = findingsOf(app, "HL-HA-009");
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ path: "Ha/VpnGateway/Extra", property: "nextHop", severity: "warning" });
    expect(finding.message).toContain("add the standby route to 192.168.34.0/24 through 'Ha/IpsecConnection2' (priority 100)");
  });

  it("warns, built by hand, for each destination whose standby is missing or disabled, and names it", () => {
    const missing = new NetworkApp();
    byHand(missing, ["192.168.33.0/24"]);
    expect(hits(missing, "HL-HA-009")).toEqual(["Gateway/Active1"]);
    const disabled = new NetworkApp();
    byHand(disabled, ["192.168.33.0/24", "192.168.34.0/24"], { standbyEnabled: false });
    expect(hits(disabled, "HL-HA-009")).toEqual(["Gateway/Active0", "Gateway/Active1"]);
    const complete = new NetworkApp();
    byHand(complete, ["192.168.33.0/24", "192.168.34.0/24"]);
    expect(hits(complete, "HL-HA-009")).toEqual([]);
  });

  it("warns the same for a hand-written manifest (validate), whatever wrote it", () => {
    const app = new NetworkApp();
    byHand(app, ["192.168.33.0/24", "192.168.34.0/24"]);
    const manifest = manifestOf(app);
    manifest.resources = manifest.resources.filter((r) => r.logicalId !== "Gateway/Standby0");
    expect(validateEdited(manifest).warnings.filter((f) => f.ruleId === "HL-HA-009").map((f) => f.path)).toEqual(["Gateway/Active0"]);
  });

  it("is acknowledgeable when the split is deliberate, the reason echoed", () => {
    const app = new NetworkApp();
    const { gateway } = byHand(app, []);
    app.acknowledge("HL-HA-009", "Edge1 carries both networks; Edge2 is for the lab link only");
    const report = app.synthesize({ throwOnError: false }).report;
    expect(report.warnings.filter((f: Finding) => f.ruleId === "HL-HA-009")).toEqual([]);
    expect(report.acknowledged.filter((f: Finding) => f.ruleId === "HL-HA-009").map((f) => f.path)).toEqual([`${gateway.node.path}/Active0`, `${gateway.node.path}/Active1`]);
  });

  it("does not apply to one device per IDC (hub and spoke)", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-chengdu", cidrs: ["10.33.0.0/16"] });
    const gateway = new VpnGateway(app, "Gateway", { vpc });
    for (const i of [1, 2]) {
      const site = new IdcSite(app, `Depot${i}`, { cidrs: [`192.168.3${i}.0/24`] });
      const connection = gateway.addConnection(`Tunnel${i}`, { customerGateway: site.addDevice("Edge", { ipAddress: `198.51.100.3${i}` }), preSharedKey: key });
      gateway.addRoute(`To${i}`, { destinationCidr: site.cidrs[0], connection });
    }
    expect(hits(app, "HL-HA-009")).toEqual([]);
    expect(validateManifest(app.synth()).warnings.map((f) => f.ruleId)).not.toContain("HL-HA-009");
  });

  it("warns for a plain JavaScript program built against the published build (dist)", () => {
    const out = execFileSync(process.execPath, [path.join(__dirname, "../fixtures/plain-js/ha-by-hand.js"), path.join(__dirname, "../../dist/lib")], { encoding: "utf8" });
    const warnings = JSON.parse(out) as { ruleId: string; path: string; message: string }[];
    expect(warnings.filter((w) => w.ruleId === "HL-HA-009")).toEqual([
      { ruleId: "HL-HA-009", path: "Gateway/Active45", message: expect.stringContaining("through 'Gateway/Ipsec2' (weight 0)") },
    ]);
  });
});
