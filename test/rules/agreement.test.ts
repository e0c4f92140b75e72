import { Ccn, IdcSite, NetworkApp, RoutePreference, SecretValue, Vpc, VpnGateway } from "../../lib";
import { findingsOf, hits, manifestOf, validateEdited } from "./helpers";

// Rules found by the synth ⊇ engine property (test/property): each is a refusal
// the engine made after synth had accepted the program.

const psk = SecretValue.fromEnv("AGREE_PSK");

describe("HL-MAN-007: Resources reference only resources of their own account", () => {
  it("fails when a CCN attaches another account's VPC", () => {
    const app = new NetworkApp({ defaultAccount: "310000000001", trustedAccounts: ["320000000002"] });
    const theirs = new Vpc(app, "Theirs", { region: "ap-chengdu", cidrs: ["10.70.0.0/16"], account: "320000000002" });
    new Ccn(app, "Fabric").attach("Link", theirs);
    expect(hits(app, "HL-MAN-007", true)).toEqual(["Fabric/Link#instance"]);
  });

  it("fails when a route table routes through another account's gateway", () => {
    const app = new NetworkApp({ defaultAccount: "310000000001" });
    const vpc = new Vpc(app, "Mine", { region: "ap-chengdu", cidrs: ["10.70.0.0/16"] });
    const other = new Vpc(app, "Other", { region: "ap-chengdu", cidrs: ["10.71.0.0/16"], account: "320000000002" });
    const gateway = new VpnGateway(app, "Gw", { vpc: other });
    vpc.addRoute("ToIdc", { destinationCidr: "172.30.0.0/16", nextHop: gateway });
    expect(hits(app, "HL-MAN-007", true)).toEqual(["Mine/MainRouteTable/ToIdc#nextHop"]);
  });

  it("passes for a cross-account peering and the accepter's route through it", () => {
    const app = new NetworkApp({ defaultAccount: "310000000001", trustedAccounts: ["320000000002"] });
    const mine = new Vpc(app, "Mine", { region: "ap-chengdu", cidrs: ["10.70.0.0/16"] });
    const theirs = new Vpc(app, "Theirs", { region: "ap-chengdu", cidrs: ["10.71.0.0/16"], account: "320000000002" });
    mine.peerWith("Link", theirs).routeBothWays();
    expect(hits(app, "HL-MAN-007")).toEqual([]);
  });
});

describe("HL-ADDR-009: A route table has one route per destination", () => {
  it("fails when a hand-written route repeats one that routeBothWays added", () => {
    const app = new NetworkApp();
    const a = new Vpc(app, "A", { region: "ap-nanjing", cidrs: ["10.80.0.0/16"] });
    const b = new Vpc(app, "B", { region: "ap-nanjing", cidrs: ["10.81.0.0/16"] });
    const peering = a.peerWith("Link", b);
    peering.routeBothWays();
    a.addRoute("Again", { destinationCidr: "10.81.0.0/16", nextHop: peering });
    const [finding, ...more] = findingsOf(app, "HL-ADDR-009");
    expect(more).toEqual([]);
    // Reported once, on the later of the two in manifest order, naming the other.
    expect(finding.path).toBe("A/MainRouteTable/Link-ToB-0");
    expect(finding.message).toContain("'A/MainRouteTable/Again'");
  });

  it("passes for the same block in two tables, and for a more specific block in one", () => {
    const app = new NetworkApp();
    const a = new Vpc(app, "A", { region: "ap-nanjing", cidrs: ["10.80.0.0/16"] });
    const b = new Vpc(app, "B", { region: "ap-nanjing", cidrs: ["10.81.0.0/16"] });
    const peering = a.peerWith("Link", b);
    peering.routeBothWays();
    a.addRouteTable("Second").addRoute("Same", { destinationCidr: "10.81.0.0/16", nextHop: peering });
    a.addRoute("Narrower", { destinationCidr: "10.81.4.0/24", nextHop: peering });
    expect(hits(app, "HL-ADDR-009")).toEqual([]);
  });
});

function routeBased(app: NetworkApp, selectors: { localCidrs: string[]; remoteCidrs: string[] }[]) {
  const vpc = new Vpc(app, "Vpc", { region: "ap-nanjing", cidrs: ["10.90.0.0/16"] });
  const gateway = new VpnGateway(app, "Gw", { vpc });
  const site = new IdcSite(app, "Branch", { cidrs: ["172.31.0.0/20", "172.31.16.0/20"] });
  const connection = gateway.addConnection("Tunnel", { customerGateway: site.addDevice("Router", { ipAddress: "198.51.100.40" }), preSharedKey: psk, routeType: "ROUTE", spdPolicies: selectors });
  return { gateway, connection };
}

describe("HL-VPN-026: Route-based connections' traffic selectors lie inside both ends' networks", () => {
  it("fails when the remote selector is wider than the IDC's networks (even when the site's blocks together cover it)", () => {
    const app = new NetworkApp();
    routeBased(app, [{ localCidrs: ["10.90.0.0/16"], remoteCidrs: ["172.31.0.0/19"] }]);
    expect(hits(app, "HL-VPN-026", true)).toEqual(["Gw/Tunnel#spdPolicies[0].remoteCidrs[0]"]);
  });

  it("fails when the local selector is wider than the VPC", () => {
    const app = new NetworkApp();
    routeBased(app, [{ localCidrs: ["10.90.0.0/15"], remoteCidrs: ["172.31.0.0/20"] }]);
    expect(hits(app, "HL-VPN-026", true)).toEqual(["Gw/Tunnel#spdPolicies[0].localCidrs[0]"]);
  });

  it("passes for selectors inside both ends, and for a route-based connection without selectors", () => {
    const app = new NetworkApp();
    routeBased(app, [{ localCidrs: ["10.90.8.0/24"], remoteCidrs: ["172.31.16.0/20"] }]);
    expect(hits(app, "HL-VPN-026")).toEqual([]);
    const plain = new NetworkApp();
    routeBased(plain, []);
    expect(hits(plain, "HL-VPN-026")).toEqual([]);
  });
});

describe("HL-HA-008: Routes to one destination on a gateway use different connections", () => {
  it("fails when the standby route goes through the active route's connection", () => {
    const app = new NetworkApp({ profile: "alibaba" });
    const vpc = new Vpc(app, "Vpc", { region: "cn-shenzhen", cidrs: ["10.60.0.0/16"] });
    const gateway = new VpnGateway(app, "Gw", { vpc });
    const site = new IdcSite(app, "Plant", { cidrs: ["192.168.60.0/24"] });
    const tunnel = gateway.addConnection("T1", { customerGateway: site.addDevice("R1", { ipAddress: "198.51.100.61" }), preSharedKey: psk });
    gateway.addRoute("Active", { destinationCidr: "192.168.60.0/24", connection: tunnel });
    gateway.addRoute("Standby", { destinationCidr: "192.168.60.0/24", connection: tunnel, preference: RoutePreference.STANDBY });
    expect(hits(app, "HL-HA-008", true)).toEqual(["Gw/Standby#nextHop"]);
  });
});

describe("HL-MAN-008: Account IDs and names are well-formed", () => {
  const base = () => {
    const app = new NetworkApp({ defaultAccount: "330000000003", trustedAccounts: ["340000000004"] });
    new Vpc(app, "Lab", { region: "ap-chengdu", cidrs: ["10.75.0.0/16"], name: "lab net" });
    return manifestOf(app);
  };

  it("fails for a hand-written manifest with an account that is not an ID, an empty name and a huge one", () => {
    const manifest = base();
    (manifest.app as { trustedAccounts: readonly string[] }).trustedAccounts = ["not-an-account"];
    const vpc = manifest.resources.find((r) => r.logicalId === "Lab")!;
    vpc.account = "";
    vpc.props.name = "n".repeat(200_000);
    manifest.resources.find((r) => r.type === "RouteTable")!.props.name = "";
    const findings = validateEdited(manifest).errors.filter((f) => f.ruleId === "HL-MAN-008");
    expect(findings.map((f) => `${f.path}#${f.property}`)).toEqual(["#app.trustedAccounts[0]", "Lab#account", "Lab#name", "Lab/MainRouteTable#name"]);
    expect(findings.find((f) => f.property === "name" && f.path === "Lab")!.message).toContain("a string of 200000 characters");
    expect(JSON.stringify(findings).length).toBeLessThan(3000);
  });

  it("passes for what the constructs produce", () => {
    expect(validateEdited(base()).errors.filter((f) => f.ruleId === "HL-MAN-008")).toEqual([]);
  });
});

describe("HL-VPN-027: A customer gateway carries a description only where the cloud's API has one", () => {
  const withDevice = (profile: "tencent" | "alibaba", description?: string) => {
    const app = new NetworkApp({ profile, defaultAccount: "330000000027" });
    const site = new IdcSite(app, "Depot", { cidrs: ["172.29.0.0/16"] });
    site.addDevice("Edge", { ipAddress: "198.51.100.127", ...(description !== undefined ? { description } : {}) });
    return app;
  };

  it("fails for a Tencent customer gateway with a description (the engine would refuse it: UnknownParameter)", () => {
    expect(hits(withDevice("tencent", "loading bay"), "HL-VPN-027", true)).toEqual(["Depot/Edge#description"]);
    expect(findingsOf(withDevice("tencent", "loading bay"), "HL-VPN-027")[0].message).toMatch(/Tencent Cloud's customer gateway has no description field/);
  });

  it("passes for Alibaba's, which has the field, and for a Tencent gateway without one", () => {
    expect(hits(withDevice("alibaba", "loading bay"), "HL-VPN-027")).toEqual([]);
    expect(hits(withDevice("tencent"), "HL-VPN-027")).toEqual([]);
  });
});
