import { DirectConnectGateway, NetworkApp, SecretValue, Vpc, VpnGateway } from "../../lib";
import { errorIds, findingsOf, hits, siteToSite } from "./helpers";

describe("HL-ADDR-001: CIDR blocks are valid IPv4 CIDR notation", () => {
  it.each(["10.0.0.0", "10.0.0.0/33", "10.0.256.0/16", "vpc-net", "2001:db8::/32"])("fails for VPC block '%s'", (cidr) => {
    const app = new NetworkApp();
    new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: [cidr] });
    expect(hits(app, "HL-ADDR-001", true)).toEqual(["Vpc#cidrs[0]"]);
    expect(findingsOf(app, "HL-ADDR-001")[0].message).toContain(`'${cidr}'`);
  });

  it("names every bad input: subnet, route destination, SPD selectors, on-prem prefixes", () => {
    const app = new NetworkApp();
    const { vpc, gateway, site } = siteToSite(app);
    vpc.addSubnet("Web", { cidr: "10.0.1.0" });
    gateway.addConnection("Spd", {
      customerGateway: site.addDevice("Device2", { ipAddress: "203.0.113.20" }),
      preSharedKey: SecretValue.fromEnv("PSK"),
      spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/40"] }],
    });
    new DirectConnectGateway(app, "Dc", { region: "ap-guangzhou", onPremPrefixes: ["172.16.0.0/12", "nope"] });
    expect(hits(app, "HL-ADDR-001", true)).toEqual([
      "Dc#onPremPrefixes[1]",
      "Gateway/Spd#spdPolicies[0].remoteCidrs[0]",
      "Vpc/Web#cidr",
    ]);
  });

  it("fails for a VPC without CIDR blocks", () => {
    const app = new NetworkApp();
    new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: [] });
    expect(hits(app, "HL-ADDR-001", true)).toEqual(["Vpc#cidrs"]);
  });

  it("passes for valid blocks", () => {
    const app = new NetworkApp();
    siteToSite(app);
    expect(errorIds(app)).toEqual([]);
  });
});

describe("HL-ADDR-002: CIDR blocks have their host bits zero", () => {
  it("fails for 10.0.0.1/16 and suggests 10.0.0.0/16", () => {
    const app = new NetworkApp();
    new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.1/16"] });
    const [finding] = findingsOf(app, "HL-ADDR-002");
    expect([finding.path, finding.property]).toEqual(["Vpc", "cidrs[0]"]);
    expect(finding.message).toContain("use '10.0.0.0/16'");
  });

  it("fails for a gateway route destination with host bits set", () => {
    const app = new NetworkApp();
    const { gateway, connection } = siteToSite(app);
    gateway.addRoute("Bad", { destinationCidr: "192.168.1.5/24", connection });
    expect(hits(app, "HL-ADDR-002", true)).toEqual(["Gateway/Bad#destinationCidr"]);
    expect(findingsOf(app, "HL-ADDR-002")[0].message).toContain("192.168.1.0/24");
  });

  it("passes for a /32 host block and for 0 host bits", () => {
    const app = new NetworkApp();
    new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16", "10.1.2.3/32"] });
    expect(hits(app, "HL-ADDR-002")).toEqual([]);
  });
});

describe("HL-ADDR-003: Subnets lie inside their VPC's CIDR blocks", () => {
  it("fails for a subnet outside the VPC", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    vpc.addSubnet("Outside", { cidr: "10.1.0.0/24" });
    vpc.addSubnet("Straddles", { cidr: "10.0.0.0/15" });
    expect(hits(app, "HL-ADDR-003", true)).toEqual(["Vpc/Outside#cidr", "Vpc/Straddles#cidr"]);
  });

  it("passes for a subnet inside a secondary CIDR, and one spanning two adjacent VPC blocks", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/17", "10.0.128.0/17", "172.16.0.0/16"] });
    vpc.addSubnet("Secondary", { cidr: "172.16.5.0/24" });
    vpc.addSubnet("Spanning", { cidr: "10.0.0.0/16" });
    expect(hits(app, "HL-ADDR-003")).toEqual([]);
  });
});

describe("HL-ADDR-004: Subnets of one VPC do not overlap", () => {
  it("fails when one subnet contains another", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    vpc.addSubnet("A", { cidr: "10.0.0.0/23" });
    vpc.addSubnet("B", { cidr: "10.0.1.0/24" });
    expect(hits(app, "HL-ADDR-004", true)).toEqual(["Vpc/B#cidr"]);
    expect(findingsOf(app, "HL-ADDR-004")[0].message).toContain("'Vpc/A' (10.0.0.0/23)");
  });

  it("passes for adjacent subnets, and for equal blocks in different VPCs", () => {
    const app = new NetworkApp();
    const one = new Vpc(app, "One", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const two = new Vpc(app, "Two", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    one.addSubnet("A", { cidr: "10.0.0.0/24" });
    one.addSubnet("B", { cidr: "10.0.1.0/24" });
    two.addSubnet("A", { cidr: "10.0.0.0/24" });
    expect(hits(app, "HL-ADDR-004")).toEqual([]);
  });
});

describe("HL-ADDR-005: Regions exist in the cloud profile", () => {
  it("fails for an alibaba region in a tencent app, naming the allowed regions", () => {
    const app = new NetworkApp({ profile: "tencent" });
    new Vpc(app, "Vpc", { region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] });
    const [finding] = findingsOf(app, "HL-ADDR-005");
    expect([finding.path, finding.property]).toEqual(["Vpc", "region"]);
    expect(finding.message).toContain("ap-guangzhou");
  });

  it("checks gateways and direct-connect gateways too", () => {
    const app = new NetworkApp({ profile: "ccb" });
    new VpnGateway(app, "Gw", { type: "CCN", region: "wuhan-2" });
    new DirectConnectGateway(app, "Dc", { region: "ap-beijing", onPremPrefixes: ["172.16.0.0/16"] });
    expect(hits(app, "HL-ADDR-005")).toEqual(["Dc", "Gw"]);
  });

  it("passes for wuhan on ccb", () => {
    const app = new NetworkApp({ profile: "ccb" });
    new Vpc(app, "Vpc", { region: "wuhan", cidrs: ["10.0.0.0/16"] });
    expect(errorIds(app)).toEqual([]);
  });
});

describe("HL-ADDR-006: VPN gateway routes do not use 0.0.0.0/0", () => {
  it("fails for a default route", () => {
    const app = new NetworkApp();
    const { gateway, connection } = siteToSite(app);
    gateway.addRoute("Default", { destinationCidr: "0.0.0.0/0", connection });
    expect(hits(app, "HL-ADDR-006", true)).toEqual(["Gateway/Default#destinationCidr"]);
  });

  it("passes for 0.0.0.0/1 (not a default route)", () => {
    const app = new NetworkApp();
    const { gateway, connection } = siteToSite(app);
    gateway.addRoute("Half", { destinationCidr: "0.0.0.0/1", connection });
    expect(hits(app, "HL-ADDR-006")).toEqual([]);
  });
});

describe("HL-ADDR-007: VPN gateway routes into 100.64.0.0/10 (shared address space)", () => {
  it("warns on alibaba for a route inside 100.64.0.0/10", () => {
    const app = new NetworkApp({ profile: "alibaba" });
    const { gateway, connection } = siteToSite(app);
    gateway.addRoute("Shared", { destinationCidr: "100.100.0.0/16", connection });
    const [finding] = findingsOf(app, "HL-ADDR-007");
    expect([finding.path, finding.severity]).toEqual(["Gateway/Shared", "warning"]);
  });

  it("does not warn for the neighbouring 100.128.0.0/16 on alibaba, nor on tencent", () => {
    const alibaba = new NetworkApp({ profile: "alibaba" });
    const a = siteToSite(alibaba);
    a.gateway.addRoute("Next", { destinationCidr: "100.128.0.0/16", connection: a.connection });
    expect(hits(alibaba, "HL-ADDR-007")).toEqual([]);
    const tencent = new NetworkApp({ profile: "tencent" });
    const t = siteToSite(tencent);
    t.gateway.addRoute("Shared", { destinationCidr: "100.100.0.0/16", connection: t.connection });
    expect(hits(tencent, "HL-ADDR-007")).toEqual([]);
  });
});

describe("HL-ADDR-008: A VPC's CIDR blocks do not overlap each other", () => {
  it("fails for a secondary block inside the primary", () => {
    const app = new NetworkApp();
    new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16", "10.0.8.0/24"] });
    expect(hits(app, "HL-ADDR-008", true)).toEqual(["Vpc#cidrs[1]"]);
  });

  it("passes for adjacent blocks", () => {
    const app = new NetworkApp();
    new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16", "10.1.0.0/16"] });
    expect(hits(app, "HL-ADDR-008")).toEqual([]);
  });
});
