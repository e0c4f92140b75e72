import { Acknowledgements, Ccn, CustomerGateway, DirectConnectGateway, IdcSite, NetworkApp, SecretValue, Vpc, VpnGateway } from "../../lib";
import { errorIds, findingsOf, hits, manifestOf, siteToSite, validateEdited } from "./helpers";
import { validateManifest } from "../../lib/rules/validate";

const PSK = SecretValue.fromEnv("PSK");

describe("HL-VPN-001: IDC networks do not overlap the cloud networks reached through the gateway", () => {
  it("fails when the IDC overlaps the gateway's VPC (containment counts)", () => {
    const app = new NetworkApp();
    siteToSite(app, { vpcCidr: "10.0.0.0/16", idcCidr: "10.0.0.0/8" });
    expect(hits(app, "HL-VPN-001", true)).toEqual(["Gateway/Tunnel1#customerGateway"]);
  });

  it("fails when the IDC overlaps a VPC on the CCN of a CCN-type gateway", () => {
    const app = new NetworkApp();
    const ccn = new Ccn(app, "Ccn");
    const far = new Vpc(app, "Far", { region: "ap-beijing", cidrs: ["172.20.0.0/16"] });
    const gateway = new VpnGateway(app, "Gw", { type: "CCN", region: "ap-guangzhou" });
    ccn.attach("AttachFar", far);
    ccn.attach("AttachGw", gateway);
    const site = new IdcSite(app, "Idc", { cidrs: ["172.20.8.0/24"] });
    const connection = gateway.addConnection("T", { customerGateway: site.addDevice("D", { ipAddress: "198.51.100.1" }), preSharedKey: PSK });
    gateway.addRoute("ToIdc", { destinationCidr: "172.20.8.0/24", connection });
    expect(hits(app, "HL-VPN-001")).toEqual(["Gw/T"]);
    expect(findingsOf(app, "HL-VPN-001")[0].message).toContain("Vpc 'Far' (172.20.0.0/16)");
  });

  it("passes for adjacent networks, and for a CCN-type gateway not attached to any CCN", () => {
    const app = new NetworkApp();
    siteToSite(app, { vpcCidr: "10.0.0.0/16", idcCidr: "10.1.0.0/16" });
    const lone = new VpnGateway(app, "Lone", { type: "CCN", region: "ap-guangzhou" });
    const site = new IdcSite(app, "Idc2", { cidrs: ["10.0.0.0/16"] });
    lone.addConnection("T", { customerGateway: site.addDevice("D", { ipAddress: "198.51.100.2" }), preSharedKey: PSK });
    expect(hits(app, "HL-VPN-001")).toEqual([]);
  });
});

describe("HL-VPN-002: Customer gateway IP is a public unicast IPv4 address", () => {
  it.each([
    ["10.1.2.3", "10.0.0.0/8"],
    ["172.16.0.1", "172.16.0.0/12"],
    ["192.168.1.1", "192.168.0.0/16"],
    ["127.0.0.1", "127.0.0.0/8"],
    ["169.254.10.1", "169.254.0.0/16"],
    ["100.64.0.1", "100.64.0.0/10"],
    ["224.0.0.5", "224.0.0.0/4"],
    ["240.0.0.1", "240.0.0.0/4"],
    ["0.1.2.3", "0.0.0.0/8"],
    ["255.255.255.255", "255.255.255.255/32"],
    ["192.0.0.9", "192.0.0.0/24"],
  ])("fails for %s (in %s)", (ip, block) => {
    const app = new NetworkApp();
    new CustomerGateway(app, "Cgw", { ipAddress: ip });
    const [finding] = findingsOf(app, "HL-VPN-002");
    expect([finding.path, finding.property]).toEqual(["Cgw", "ipAddress"]);
    expect(finding.message).toContain(`is in ${block}`);
  });

  it.each(["203.0.113.10/32", "1.2.3", "gateway.example.com"])("fails for '%s', not an address", (ip) => {
    const app = new NetworkApp();
    new CustomerGateway(app, "Cgw", { ipAddress: ip });
    expect(findingsOf(app, "HL-VPN-002")[0].message).toContain("not an IPv4 address");
  });

  // Documentation (RFC 5737) and benchmarking (RFC 2544) blocks are allowed: examples use them.
  it.each(["1.1.1.1", "100.63.255.255", "100.128.0.0", "172.32.0.1", "203.0.113.10", "198.51.100.7", "192.0.2.1", "198.18.0.1", "223.255.255.254"])(
    "passes for %s",
    (ip) => {
      const app = new NetworkApp();
      new CustomerGateway(app, "Cgw", { ipAddress: ip });
      expect(hits(app, "HL-VPN-002")).toEqual([]);
    },
  );
});

describe("HL-VPN-003: Customer gateways have distinct IP addresses", () => {
  it("fails for the second device with the same IP, naming the first", () => {
    const app = new NetworkApp();
    const site = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    site.addDevice("A", { ipAddress: "203.0.113.1" });
    site.addDevice("B", { ipAddress: "203.0.113.1" });
    expect(hits(app, "HL-VPN-003", true)).toEqual(["Idc/B#ipAddress"]);
    expect(findingsOf(app, "HL-VPN-003")[0].message).toContain("'Idc/A'");
  });

  it("passes for distinct IPs", () => {
    const app = new NetworkApp();
    const site = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    site.addDevice("A", { ipAddress: "203.0.113.1" });
    site.addDevice("B", { ipAddress: "203.0.113.2" });
    expect(hits(app, "HL-VPN-003")).toEqual([]);
  });
});

describe("HL-VPN-004: A VPN gateway is in its VPC's region", () => {
  it("fails for a gateway in another region", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    new VpnGateway(app, "Gw", { vpc, region: "ap-beijing" });
    expect(hits(app, "HL-VPN-004", true)).toEqual(["Gw#region"]);
  });

  it("passes when the region is taken from the VPC", () => {
    const app = new NetworkApp();
    new VpnGateway(app, "Gw", { vpc: new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }) });
    expect(hits(app, "HL-VPN-004")).toEqual([]);
  });
});

describe("HL-VPN-005: VPN gateway bandwidth is one of the offered sizes", () => {
  it("fails for 150 Mbps and suggests 200", () => {
    const app = new NetworkApp();
    new VpnGateway(app, "Gw", { vpc: new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }), bandwidthMbps: 150 });
    const [finding] = findingsOf(app, "HL-VPN-005");
    expect([finding.path, finding.property]).toEqual(["Gw", "bandwidthMbps"]);
    expect(finding.message).toContain("use 200");
  });

  it.each([5, 1000])("passes for %i Mbps", (mbps) => {
    const app = new NetworkApp();
    new VpnGateway(app, "Gw", { vpc: new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }), bandwidthMbps: mbps });
    expect(hits(app, "HL-VPN-005")).toEqual([]);
  });
});

describe("HL-VPN-006: VPN gateway type is offered by the cloud", () => {
  it("fails for a CCN-type gateway on alibaba and any gateway on ccb", () => {
    const alibaba = new NetworkApp({ profile: "alibaba" });
    new VpnGateway(alibaba, "Gw", { type: "CCN", region: "cn-hangzhou" });
    expect(hits(alibaba, "HL-VPN-006", true)).toEqual(["Gw#type"]);
    const ccb = new NetworkApp({ profile: "ccb" });
    new VpnGateway(ccb, "Gw", { vpc: new Vpc(ccb, "Vpc", { region: "wuhan", cidrs: ["10.0.0.0/16"] }) });
    expect(findingsOf(ccb, "HL-VPN-006")[0].message).toContain("offers no VPN gateways");
    expect(hits(ccb, "HL-VPN-005")).toEqual([]);
  });

  it("passes for CCN-type on tencent", () => {
    const app = new NetworkApp();
    new VpnGateway(app, "Gw", { type: "CCN", region: "ap-guangzhou" });
    expect(hits(app, "HL-VPN-006")).toEqual([]);
  });
});

describe("HL-VPN-007: SSL connection count only with SSL-VPN enabled", () => {
  const vpc = (app: NetworkApp): Vpc => new Vpc(app, "Vpc", { region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] });

  it("fails for sslConnections without SSL-VPN, and for 0 clients with it", () => {
    const app = new NetworkApp({ profile: "alibaba" });
    const v = vpc(app);
    new VpnGateway(app, "Off", { vpc: v, sslConnections: 5 });
    new VpnGateway(app, "Zero", { vpc: v, sslEnabled: true, sslConnections: 0 });
    expect(hits(app, "HL-VPN-007", true)).toEqual(["Off#sslConnections", "Zero#sslConnections"]);
  });

  it("passes with SSL-VPN enabled", () => {
    const app = new NetworkApp({ profile: "alibaba" });
    new VpnGateway(app, "Gw", { vpc: vpc(app), sslEnabled: true, sslConnections: 5 });
    expect(hits(app, "HL-VPN-007")).toEqual([]);
  });
});

describe("HL-VPN-008: Pre-shared key is a secret reference", () => {
  function withKey(key: unknown): ReturnType<typeof validateManifest> {
    const app = new NetworkApp();
    siteToSite(app);
    const manifest = manifestOf(app);
    manifest.resources.find((r) => r.logicalId === "Gateway/Tunnel1")!.props.preSharedKey = key;
    return validateEdited(manifest);
  }

  it("fails for a key written into the manifest, without echoing it", () => {
    const report = withKey("hunter2-very-secret");
    const finding = report.findings.find((f) => f.ruleId === "HL-VPN-008")!;
    expect([finding.path, finding.property]).toEqual(["Gateway/Tunnel1", "preSharedKey"]);
    expect(JSON.stringify(report)).not.toContain("hunter2-very-secret");
  });

  it.each([
    [{ secret: { source: "env", name: "1BAD" } }, "not a valid variable name"],
    [{ secret: { source: "pulumi-config", key: " " } }, "empty Pulumi config key"],
    [{ secret: { source: "vault", path: "x" } }, "secret source 'vault'"],
  ])("fails for %j", (key, text) => {
    expect(withKey(key).findings.find((f) => f.ruleId === "HL-VPN-008")!.message).toContain(text);
  });

  it("passes for env and pulumi-config sources", () => {
    expect(withKey({ secret: { source: "env", name: "VPN_PSK_1" } }).findings.filter((f) => f.ruleId === "HL-VPN-008")).toEqual([]);
    expect(withKey({ secret: { source: "pulumi-config", key: "vpnPsk" } }).findings.filter((f) => f.ruleId === "HL-VPN-008")).toEqual([]);
  });
});

describe("HL-VPN-009: Both ends of a tunnel use the same pre-shared key", () => {
  function app(deviceKey: SecretValue): NetworkApp {
    const a = new NetworkApp();
    const { gateway, site } = siteToSite(a);
    gateway.addConnection("Tunnel2", {
      customerGateway: site.addDevice("Device2", { ipAddress: "203.0.113.11" }),
      preSharedKey: PSK,
      customerDevice: { preSharedKey: deviceKey },
    });
    return a;
  }

  it("fails when the device reads another secret", () => {
    const a = app(SecretValue.fromEnv("OTHER_PSK"));
    expect(hits(a, "HL-VPN-009", true)).toEqual(["Gateway/Tunnel2#customerDevice.preSharedKey"]);
    expect(findingsOf(a, "HL-VPN-009")[0].message).toContain("env:PSK");
  });

  it("passes for the same source", () => {
    expect(hits(app(SecretValue.fromEnv("PSK")), "HL-VPN-009")).toEqual([]);
  });
});

describe("HL-VPN-010: IKE options are from the cloud's lists", () => {
  it("fails for unknown values, suggests the cloud's spelling, and checks the lifetime range", () => {
    const app = new NetworkApp();
    const { gateway, site } = siteToSite(app);
    gateway.addConnection("Bad", {
      customerGateway: site.addDevice("D2", { ipAddress: "203.0.113.12" }),
      preSharedKey: PSK,
      ike: { version: "ikev2", dhGroup: "GROUP99", lifetimeSeconds: 604801 },
    });
    expect(hits(app, "HL-VPN-010", true)).toEqual(["Gateway/Bad#ike.dhGroup", "Gateway/Bad#ike.lifetimeSeconds", "Gateway/Bad#ike.version"]);
    expect(findingsOf(app, "HL-VPN-010").map((f) => f.message).join("\n")).toContain("write it 'IKEV2'");
  });

  it("passes for tencent's defaults and alibaba's lowercase vocabulary", () => {
    const tencent = new NetworkApp();
    siteToSite(tencent);
    expect(hits(tencent, "HL-VPN-010")).toEqual([]);
    const alibaba = new NetworkApp({ profile: "alibaba" });
    const { gateway, site } = siteToSite(alibaba);
    gateway.addConnection("V1", { customerGateway: site.addDevice("D2", { ipAddress: "203.0.113.12" }), preSharedKey: PSK, ike: { version: "ikev1", lifetimeSeconds: 86400 } });
    expect(hits(alibaba, "HL-VPN-010")).toEqual([]);
  });
});

describe("HL-VPN-011: IPsec options are from the cloud's lists", () => {
  it("fails for an unknown PFS group and a too-short lifetime", () => {
    const app = new NetworkApp();
    const { gateway, site } = siteToSite(app);
    gateway.addConnection("Bad", {
      customerGateway: site.addDevice("D2", { ipAddress: "203.0.113.12" }),
      preSharedKey: PSK,
      ipsec: { pfsDhGroup: "group14", lifetimeSeconds: 179 },
    });
    expect(hits(app, "HL-VPN-011", true)).toEqual(["Gateway/Bad#ipsec.lifetimeSeconds", "Gateway/Bad#ipsec.pfsDhGroup"]);
  });

  it("passes at the range boundary (180 s)", () => {
    const app = new NetworkApp();
    const { gateway, site } = siteToSite(app);
    gateway.addConnection("Edge", { customerGateway: site.addDevice("D2", { ipAddress: "203.0.113.12" }), preSharedKey: PSK, ipsec: { lifetimeSeconds: 180 } });
    expect(hits(app, "HL-VPN-011")).toEqual([]);
  });
});

/** One VPC, a VPC-type gateway and three IDCs over SPD connections (scenario 6). */
function scenario6(app: NetworkApp, local = (i: number) => ["10.0.0.0/16"]): VpnGateway {
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  const gateway = new VpnGateway(app, "Gw", { vpc });
  for (let i = 1; i <= 3; i++) {
    const site = new IdcSite(app, `Idc${i}`, { cidrs: [`192.168.${i}.0/24`] });
    gateway.addConnection(`Spd${i}`, {
      customerGateway: site.addDevice("Device", { ipAddress: `203.0.113.${i}` }),
      preSharedKey: PSK,
      spdPolicies: [{ localCidrs: local(i), remoteCidrs: [`192.168.${i}.0/24`] }],
    });
  }
  return gateway;
}

describe("HL-VPN-012: SPD local CIDRs lie inside the cloud networks", () => {
  it("fails for a local block outside the VPC", () => {
    const app = new NetworkApp();
    scenario6(app, (i) => (i === 2 ? ["10.9.0.0/16"] : ["10.0.0.0/16"]));
    expect(hits(app, "HL-VPN-012", true)).toEqual(["Gw/Spd2#spdPolicies[0].localCidrs[0]"]);
  });

  it("passes for scenario 6 (several SPD connections on one gateway)", () => {
    const app = new NetworkApp();
    scenario6(app);
    expect(errorIds(app)).toEqual([]);
  });
});

describe("HL-VPN-013: SPD remote CIDRs lie inside the IDC's networks", () => {
  it("fails for a remote block the IDC does not have", () => {
    const app = new NetworkApp();
    const { gateway, site } = siteToSite(app);
    gateway.addConnection("Spd", {
      customerGateway: site.addDevice("D2", { ipAddress: "203.0.113.12" }),
      preSharedKey: PSK,
      spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16", "172.16.0.0/16"] }],
    });
    expect(hits(app, "HL-VPN-013", true)).toEqual(["Gateway/Spd#spdPolicies[0].remoteCidrs[1]"]);
  });
});

describe("HL-VPN-014: IDC-to-IDC transit needs route-table mode, not SPD", () => {
  it("fails for an SPD policy whose local side is another IDC (IDC-1 → IDC-2 through SPD)", () => {
    const app = new NetworkApp();
    scenario6(app, (i) => (i === 1 ? ["10.0.0.0/16", "192.168.2.0/24"] : ["10.0.0.0/16"]));
    expect(hits(app, "HL-VPN-014", true)).toEqual(["Gw/Spd1#spdPolicies[0].localCidrs[1]"]);
    expect(findingsOf(app, "HL-VPN-014")[0].message).toContain("IDC site 'Idc2'");
    // Reported once, by the transit rule, not also as "outside the cloud networks".
    expect(hits(app, "HL-VPN-012")).toEqual([]);
  });

  it("fails for a gateway route into an SPD connection while another IDC forwards by routes", () => {
    const app = new NetworkApp();
    const { gateway } = siteToSite(app); // Idc over a route-table connection
    const spdSite = new IdcSite(app, "Spd", { cidrs: ["172.16.0.0/16"] });
    const spd = gateway.addConnection("SpdTunnel", {
      customerGateway: spdSite.addDevice("D", { ipAddress: "203.0.113.50" }),
      preSharedKey: PSK,
      spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["172.16.0.0/16"] }],
    });
    gateway.addRoute("ToSpd", { destinationCidr: "172.16.0.0/16", connection: spd });
    expect(hits(app, "HL-VPN-014", true)).toEqual(["Gateway/ToSpd#nextHop"]);
  });

  it("passes for scenario 6 (SPD, no transit) and scenario 2 (route tables)", () => {
    const s6 = new NetworkApp();
    scenario6(s6);
    expect(hits(s6, "HL-VPN-014")).toEqual([]);
    const s2 = new NetworkApp();
    const vpc = new Vpc(s2, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const gateway = new VpnGateway(s2, "Gw", { vpc });
    for (let i = 1; i <= 3; i++) {
      const site = new IdcSite(s2, `Idc${i}`, { cidrs: [`192.168.${i}.0/24`] });
      const connection = gateway.addConnection(`T${i}`, { customerGateway: site.addDevice("D", { ipAddress: `203.0.113.${i}` }), preSharedKey: PSK });
      gateway.addRoute(`To${i}`, { destinationCidr: `192.168.${i}.0/24`, connection });
    }
    expect(errorIds(s2)).toEqual([]);
  });
});

describe("HL-VPN-015: VPN route tables are a gray-release feature (tencent)", () => {
  it("warns on a tencent gateway with route-table connections, and the warning can be acknowledged", () => {
    const app = new NetworkApp();
    const { gateway } = siteToSite(app);
    const [finding] = findingsOf(app, "HL-VPN-015");
    expect([finding.path, finding.severity]).toEqual(["Gateway", "warning"]);
    Acknowledgements.of(gateway).add("HL-VPN-015", "ticket 4711 enabled VPN route tables");
    const report = app.synthesize().report;
    expect(report.warnings.map((f) => f.ruleId)).toEqual([]);
    expect(report.acknowledged.map((f) => [f.ruleId, f.acknowledged!.reason])).toEqual([["HL-VPN-015", "ticket 4711 enabled VPN route tables"]]);
  });

  it("does not warn for SPD-only gateways or on alibaba", () => {
    const spd = new NetworkApp();
    scenario6(spd);
    expect(hits(spd, "HL-VPN-015")).toEqual([]);
    const alibaba = new NetworkApp({ profile: "alibaba" });
    siteToSite(alibaba);
    expect(hits(alibaba, "HL-VPN-015")).toEqual([]);
  });
});

describe("HL-VPN-016: VPC-type gateways need a VPC; CCN-type gateways take none", () => {
  it("fails for a CCN-type gateway with a VPC and a VPC-type gateway without one", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    new VpnGateway(app, "CcnWithVpc", { type: "CCN", vpc });
    new VpnGateway(app, "VpcWithout", { type: "VPC", region: "ap-guangzhou" });
    expect(hits(app, "HL-VPN-016", true)).toEqual(["CcnWithVpc#vpc", "VpcWithout#vpc"]);
  });
});

describe("HL-VPN-017: Connections on CCN-type gateways take no VPC", () => {
  it("fails for a connection naming a VPC on a CCN-type gateway, and another VPC on a VPC-type gateway", () => {
    const app = new NetworkApp();
    siteToSite(app);
    const manifest = manifestOf(app);
    const gateway = manifest.resources.find((r) => r.logicalId === "Gateway")!;
    const tunnel = manifest.resources.find((r) => r.logicalId === "Gateway/Tunnel1")!;
    tunnel.props.vpc = { ref: "Vpc", attr: "id" };
    gateway.props.type = "CCN";
    delete gateway.props.vpc;
    let ids = validateEdited(manifest).findings.filter((f) => f.ruleId === "HL-VPN-017").map((f) => `${f.path}#${f.property}`);
    expect(ids).toEqual(["Gateway/Tunnel1#vpc"]);
    gateway.props.type = "VPC";
    gateway.props.vpc = { ref: "Vpc", attr: "id" };
    manifest.resources.push({ ...manifest.resources.find((r) => r.logicalId === "Vpc")!, logicalId: "Vpc2", path: "Vpc2", props: { name: "Vpc2", region: "ap-beijing", cidrs: ["10.9.0.0/16"] } });
    tunnel.props.vpc = { ref: "Vpc2", attr: "id" };
    ids = validateEdited(manifest).findings.filter((f) => f.ruleId === "HL-VPN-017").map((f) => f.message);
    expect(ids[0]).toContain("belongs to VPC 'Vpc'");
  });

  it("passes for constructs (the connection takes its gateway's VPC)", () => {
    const app = new NetworkApp();
    siteToSite(app);
    expect(hits(app, "HL-VPN-017")).toEqual([]);
  });
});

describe("HL-VPN-018: Gateway route preference uses the cloud's field and values", () => {
  function routes(profile: "tencent" | "alibaba", preference: { priority?: number; weight?: number }): NetworkApp {
    const app = new NetworkApp({ profile });
    const { gateway, connection } = siteToSite(app);
    gateway.addRoute("Pref", { destinationCidr: "192.168.7.0/24", connection, ...preference });
    return app;
  }

  it.each([0, 100])("passes for tencent priority %i", (priority) => {
    expect(hits(routes("tencent", { priority }), "HL-VPN-018")).toEqual([]);
  });

  it("fails for tencent priority 50", () => {
    const app = routes("tencent", { priority: 50 });
    expect(hits(app, "HL-VPN-018", true)).toEqual(["Gateway/Pref#priority"]);
    expect(findingsOf(app, "HL-VPN-018")[0].message).toContain("allows 0 or 100 (0 active, 100 standby)");
  });

  it.each([0, 100])("passes for alibaba weight %i", (weight) => {
    expect(hits(routes("alibaba", { weight }), "HL-VPN-018")).toEqual([]);
  });

  it("fails for alibaba weight 50, and for the other cloud's field on either cloud", () => {
    expect(hits(routes("alibaba", { weight: 50 }), "HL-VPN-018", true)).toEqual(["Gateway/Pref#weight"]);
    expect(hits(routes("alibaba", { priority: 0 }), "HL-VPN-018", true)).toEqual(["Gateway/Pref#priority"]);
    expect(hits(routes("tencent", { weight: 100 }), "HL-VPN-018", true)).toEqual(["Gateway/Pref#weight"]);
  });
});

describe("HL-VPN-019: Routes to one destination on a gateway differ in preference", () => {
  it("fails for two active routes to one destination", () => {
    const app = new NetworkApp();
    const { gateway, site } = siteToSite(app);
    const second = gateway.addConnection("Tunnel2", { customerGateway: site.addDevice("Device2", { ipAddress: "203.0.113.11" }), preSharedKey: PSK });
    gateway.addRoute("ToIdcAgain", { destinationCidr: "192.168.0.0/16", connection: second });
    expect(hits(app, "HL-VPN-019", true)).toEqual(["Gateway/ToIdcAgain#priority"]);
  });

  it("passes for priority 0 and 100 to one destination", () => {
    const app = new NetworkApp();
    const { gateway, site } = siteToSite(app);
    const second = gateway.addConnection("Tunnel2", { customerGateway: site.addDevice("Device2", { ipAddress: "203.0.113.11" }), preSharedKey: PSK });
    gateway.addRoute("Standby", { destinationCidr: "192.168.0.0/16", connection: second, priority: 100 });
    expect(hits(app, "HL-VPN-019")).toEqual([]);
  });
});

describe("HL-VPN-020: A gateway route's next hop is a connection on the same gateway", () => {
  it("fails for a connection of another gateway", () => {
    const app = new NetworkApp();
    const { vpc, connection } = siteToSite(app);
    const other = new VpnGateway(app, "Other", { vpc });
    other.addRoute("Borrowed", { destinationCidr: "192.168.0.0/16", connection });
    expect(hits(app, "HL-VPN-020", true)).toEqual(["Other/Borrowed#nextHop"]);
  });

  it("passes for its own connection", () => {
    const app = new NetworkApp();
    siteToSite(app);
    expect(hits(app, "HL-VPN-020")).toEqual([]);
  });
});

describe("HL-VPN-021: SPD connections have policies with local and remote CIDRs", () => {
  it("fails for SPD without policies and a policy without a remote side", () => {
    const app = new NetworkApp();
    const { gateway, site } = siteToSite(app);
    gateway.addConnection("Empty", { customerGateway: site.addDevice("D2", { ipAddress: "203.0.113.12" }), preSharedKey: PSK, routeType: "SPD" });
    gateway.addConnection("Half", {
      customerGateway: site.addDevice("D3", { ipAddress: "203.0.113.13" }),
      preSharedKey: PSK,
      spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: [] }],
    });
    expect(hits(app, "HL-VPN-021", true)).toEqual(["Gateway/Empty#spdPolicies", "Gateway/Half#spdPolicies[0].remoteCidrs"]);
  });
});

describe("HL-VPN-022: IPsec connections need IPsec-VPN enabled on the gateway", () => {
  it("fails for connections on a gateway with IPsec-VPN off", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const gateway = new VpnGateway(app, "Gw", { vpc, ipsecEnabled: false, sslEnabled: true });
    const site = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    gateway.addConnection("T", { customerGateway: site.addDevice("D", { ipAddress: "203.0.113.1" }), preSharedKey: PSK });
    expect(hits(app, "HL-VPN-022", true)).toEqual(["Gw#ipsecEnabled"]);
  });

  it("passes for an SSL-only gateway without IPsec connections", () => {
    const app = new NetworkApp();
    new VpnGateway(app, "Gw", { vpc: new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }), ipsecEnabled: false, sslEnabled: true });
    expect(hits(app, "HL-VPN-022")).toEqual([]);
  });
});

describe("HL-VPN-023: A gateway route's destination is behind its next-hop connection", () => {
  it("warns for a route to IDC-2's network through IDC-1's tunnel", () => {
    const app = new NetworkApp();
    const { gateway, connection } = siteToSite(app);
    new IdcSite(app, "Idc2", { cidrs: ["172.16.0.0/16"] });
    gateway.addRoute("Misrouted", { destinationCidr: "172.16.0.0/16", connection });
    expect(hits(app, "HL-VPN-023", true)).toEqual(["Gateway/Misrouted#destinationCidr"]);
  });

  it("passes for the site's own network or part of it", () => {
    const app = new NetworkApp();
    const { gateway, connection } = siteToSite(app);
    gateway.addRoute("Part", { destinationCidr: "192.168.4.0/24", connection });
    expect(hits(app, "HL-VPN-023")).toEqual([]);
  });
});

describe("HL-VPN-024: VPC routes via a VPN gateway use a gateway of that VPC", () => {
  it("fails for another VPC's gateway and for a CCN-type gateway", () => {
    const app = new NetworkApp();
    const { gateway } = siteToSite(app);
    const other = new Vpc(app, "Other", { region: "ap-guangzhou", cidrs: ["10.9.0.0/16"] });
    other.addRoute("ViaForeign", { destinationCidr: "192.168.0.0/16", nextHop: gateway });
    const ccnGateway = new VpnGateway(app, "CcnGw", { type: "CCN", region: "ap-guangzhou" });
    other.addRoute("ViaCcnGw", { destinationCidr: "172.16.0.0/16", nextHop: ccnGateway });
    expect(hits(app, "HL-VPN-024")).toEqual(["Other/MainRouteTable/ViaCcnGw", "Other/MainRouteTable/ViaForeign"]);
  });

  it("passes for the VPC's own gateway", () => {
    const app = new NetworkApp();
    const { vpc, gateway } = siteToSite(app);
    vpc.addRoute("ToIdc", { destinationCidr: "192.168.0.0/16", nextHop: gateway });
    expect(hits(app, "HL-VPN-024")).toEqual([]);
  });
});

describe("HL-VPN-025: The IDC device's configuration mirrors the connection", () => {
  it("warns for another IKE version and unswapped subnets", () => {
    const app = new NetworkApp();
    const { gateway, site } = siteToSite(app);
    gateway.addConnection("Spd", {
      customerGateway: site.addDevice("D2", { ipAddress: "203.0.113.12" }),
      preSharedKey: PSK,
      spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }],
      customerDevice: { ikeVersion: "IKEV1", localCidrs: ["10.0.0.0/16"], remoteCidrs: ["10.0.0.0/16"] },
    });
    expect(hits(app, "HL-VPN-025", true)).toEqual(["Gateway/Spd#customerDevice.ikeVersion", "Gateway/Spd#customerDevice.localCidrs"]);
  });

  it("passes for a mirrored configuration", () => {
    const app = new NetworkApp();
    const { gateway, site } = siteToSite(app);
    gateway.addConnection("Spd", {
      customerGateway: site.addDevice("D2", { ipAddress: "203.0.113.12" }),
      preSharedKey: PSK,
      spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }],
      customerDevice: { ikeVersion: "IKEV2", localCidrs: ["192.168.0.0/16"], remoteCidrs: ["10.0.0.0/16"] },
    });
    expect(hits(app, "HL-VPN-025")).toEqual([]);
  });
});

// Keep the DirectConnectGateway import meaningful: a DC prefix counts as a cloud network on the CCN.
describe("cloud networks of a CCN-type gateway include direct-connect prefixes", () => {
  it("HL-VPN-001 fails when the IDC overlaps a direct-connect prefix on the gateway's CCN", () => {
    const app = new NetworkApp();
    const ccn = new Ccn(app, "Ccn");
    const gateway = new VpnGateway(app, "Gw", { type: "CCN", region: "ap-guangzhou" });
    ccn.attach("AttachGw", gateway);
    ccn.attach("AttachDc", new DirectConnectGateway(app, "Dc", { region: "ap-guangzhou", onPremPrefixes: ["172.30.0.0/16"] }));
    const site = new IdcSite(app, "Idc", { cidrs: ["172.30.1.0/24"] });
    gateway.addConnection("T", { customerGateway: site.addDevice("D", { ipAddress: "198.51.100.1" }), preSharedKey: PSK });
    expect(hits(app, "HL-VPN-001")).toEqual(["Gw/T"]);
  });
});
