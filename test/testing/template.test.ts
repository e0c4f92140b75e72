/**
 * hybridlink/testing's Template and Match, through the public entry as a user imports them:
 * GIVEN an app WHEN it is asserted on THEN matches pass, mismatches throw saying what differs.
 */
import { IdcSite, NetworkApp, SecretValue, SiteToSiteVpn, Vpc } from "hybridlink";
import { Match, Template } from "hybridlink/testing";

function s1(cidr = "192.168.0.0/16"): NetworkApp {
  const app = new NetworkApp({ profile: "tencent" });
  const vpc = new Vpc(app, "Vpc", { name: "VPC", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
  const idc = new IdcSite(app, "Idc", { name: "IDC", cidrs: [cidr] });
  idc.addDevice("Device", { ipAddress: "203.0.113.10" });
  new SiteToSiteVpn(app, "Vpn", { vpc, site: idc, preSharedKey: SecretValue.fromEnv("PSK") });
  return app;
}

describe("Template.hasResource", () => {
  const template = Template.fromApp(s1());

  test("matches partially and deeply by default", () => {
    template.hasResource("VpnConnection", { routeType: "SPD", ike: { version: "IKEV2" } });
    template.hasResource("Vpc", Match.objectLike({ cidrs: ["10.0.0.0/16"] }));
  });

  test("Match.arrayWith, Match.absent, Match.anyValue, Match.stringLikeRegexp, Match.not", () => {
    template.hasResource("VpnConnection", {
      spdPolicies: Match.arrayWith([Match.objectLike({ remoteCidrs: ["192.168.0.0/16"] })]),
      bgp: Match.absent(),
      preSharedKey: Match.anyValue(),
      name: Match.stringLikeRegexp(/^Vpn-/),
      routeType: Match.not("ROUTE"),
    });
  });

  test("fails naming the closest candidate and the differing property", () => {
    expect(() => template.hasResource("VpnConnection", { routeType: "ROUTE" })).toThrow(/Closest is Vpn\/Connection:\n  props.routeType: expected "ROUTE", got "SPD"/);
    expect(() => template.hasResource("Vpc", Match.objectEquals({ name: "VPC" }))).toThrow(/props.region: unexpected key/);
    expect(() => template.hasResource("Ccn", {})).toThrow(/Template has no Ccn \(it has .*1 Vpc/);
    expect(() => template.hasResource("Vpc", { cidrs: Match.arrayWith(["10.9.0.0/16"]) })).toThrow(/no element matches pattern 0/);
  });
});

describe("Template counts, finds and findings", () => {
  test("resourceCountIs and findResources (keyed by construct path)", () => {
    const template = Template.fromApp(s1());
    template.resourceCountIs("VpnConnection", 1);
    expect(() => template.resourceCountIs("Subnet", 2)).toThrow("Expected 2 Subnet resources, found 1.");
    expect(Object.keys(template.findResources("RouteTable", { main: true }))).toEqual(["Vpc/MainRouteTable"]);
  });

  test("hasFinding(code) on an app with an error-level finding (synth does not throw here)", () => {
    // The IDC overlaps the VPC: an addressing rule fires.
    const template = Template.fromApp(s1("10.0.0.0/16"));
    const codes = template.findings.filter((f) => f.severity === "error").map((f) => f.ruleId);
    expect(codes.length).toBeGreaterThan(0);
    template.hasFinding(codes[0], { severity: "error" });
    expect(() => template.hasNoFinding(codes[0])).toThrow(codes[0]);
    expect(() => template.hasFinding("HL-NOPE-999")).toThrow(/No HL-NOPE-999 finding\. Reported: \n/);
  });

  test("fromConstruct keeps the subtree only", () => {
    const app = s1();
    const template = Template.fromConstruct(app.node.findChild("Vpn"));
    expect(template.manifest.resources.every((r) => r.path.startsWith("Vpn/"))).toBe(true);
    template.resourceCountIs("Vpc", 0);
  });
});

describe("Template.toJSON", () => {
  test("is the same for two builds of the same app, whatever the construction order", () => {
    expect(JSON.stringify(Template.fromApp(s1()).toJSON())).toBe(JSON.stringify(Template.fromApp(s1()).toJSON()));
  });

  test("names references by path and secrets by their source only, never a value", () => {
    process.env.PSK = "super-secret-value-1";
    const json = JSON.stringify(Template.fromApp(s1()).toJSON());
    delete process.env.PSK;
    expect(json).not.toContain("super-secret-value-1");
    expect(json).toContain('"preSharedKey":{"secret":{"name":"PSK","source":"env"}}');
    expect(json).toContain('"vpnGateway":{"attr":"id","ref":"Vpn/VpnGateway"}');
  });
});
