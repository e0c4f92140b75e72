import { Ccn, DirectConnectGateway, IdcSite, NetworkApp, SecretValue, Vpc, VpnGateway } from "../../lib";
import { errorIds, findingsOf, hits, manifestOf, validateEdited } from "./helpers";

const PSK = SecretValue.fromEnv("PSK");

/** Scenario S4: a CCN with two VPCs in two regions, a direct-connect gateway and a CCN-type VPN gateway to an IDC. */
function scenario4(overrides: { dcPrefix?: string; idcRoute?: string } = {}): { app: NetworkApp; ccn: Ccn; gateway: VpnGateway } {
  const app = new NetworkApp();
  const ccn = new Ccn(app, "Ccn");
  const gz = new Vpc(app, "Gz", { region: "ap-guangzhou", cidrs: ["10.1.0.0/16"] });
  const bj = new Vpc(app, "Bj", { region: "ap-beijing", cidrs: ["10.2.0.0/16"] });
  const dc = new DirectConnectGateway(app, "Dc", { region: "ap-guangzhou", onPremPrefixes: [overrides.dcPrefix ?? "172.16.0.0/16"] });
  const gateway = new VpnGateway(app, "Gw", { type: "CCN", region: "ap-guangzhou" });
  for (const [id, instance] of [["AttachGz", gz], ["AttachBj", bj], ["AttachDc", dc], ["AttachGw", gateway]] as const) ccn.attach(id, instance);
  const site = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
  const t = gateway.addConnection("T", { customerGateway: site.addDevice("D", { ipAddress: "203.0.113.1" }), preSharedKey: PSK });
  gateway.addRoute("ToIdc", { destinationCidr: overrides.idcRoute ?? "192.168.0.0/16", connection: t });
  gz.addRoute("ToCcn", { destinationCidr: "192.168.0.0/16", nextHop: ccn });
  return { app, ccn, gateway };
}

describe("HL-CCN-001: A VPN gateway attached to a CCN is CCN-type", () => {
  it("fails for a VPC-type gateway attached to a CCN", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    new Ccn(app, "Ccn").attach("AttachGw", new VpnGateway(app, "Gw", { vpc }));
    expect(hits(app, "HL-CCN-001", true)).toEqual(["Ccn/AttachGw#instance"]);
  });

  it("passes for scenario S4", () => {
    const { app } = scenario4();
    expect(errorIds(app)).toEqual([]);
  });
});

describe("HL-CCN-002: CCN attachments attach a VPC, VPN gateway or direct-connect gateway of the stated type", () => {
  function tampered(change: (attachment: Record<string, any>) => void): string[] {
    const manifest = manifestOf(scenario4().app);
    change(manifest.resources.find((r) => r.logicalId === "Ccn/AttachGz")!);
    return validateEdited(manifest).findings.filter((f) => f.ruleId === "HL-CCN-002").map((f) => `${f.path}#${f.property}: ${f.message}`);
  }

  it("fails when instanceType does not match the instance", () => {
    expect(tampered((a) => (a.props.instanceType = "VPN_GATEWAY"))).toEqual([
      "Ccn/AttachGz#instanceType: instanceType is \"VPN_GATEWAY\" but 'Gz' is a Vpc; set instanceType to 'VPC'.",
    ]);
  });

  it("fails for an instance that cannot be attached, and for a region that is not the instance's", () => {
    expect(tampered((a) => (a.props.instance = { ref: "Idc", attr: "id" }))[0]).toContain("'Idc' is a IdcSite; a CCN attaches a Vpc, VpnGateway or DirectConnectGateway");
    expect(tampered((a) => (a.props.region = "ap-beijing"))).toEqual(["Ccn/AttachGz#region: region is 'ap-beijing' but 'Gz' is in 'ap-guangzhou'; set region to 'ap-guangzhou'."]);
  });
});

describe("HL-CCN-003: Prefixes learned from different CCN attachments do not overlap", () => {
  it("warns naming both attachments when a direct-connect prefix overlaps a VPC", () => {
    const { app } = scenario4({ dcPrefix: "10.2.128.0/17" });
    const [finding] = findingsOf(app, "HL-CCN-003");
    expect(finding.severity).toBe("warning");
    expect(finding.message).toContain("'Bj'");
    expect(finding.message).toContain("'Dc'");
  });

  it("warns when a VPN gateway route overlaps a VPC on the CCN", () => {
    const { app } = scenario4({ idcRoute: "10.1.5.0/24" });
    expect(hits(app, "HL-CCN-003")).toEqual(["Ccn/AttachGw"]);
  });

  it("does not warn for an active/standby pair of routes from one gateway", () => {
    const { app, gateway } = scenario4();
    const t2 = gateway.addConnection("T2", {
      customerGateway: (app.node.findChild("Idc") as IdcSite).addDevice("D2", { ipAddress: "203.0.113.2" }),
      preSharedKey: PSK,
    });
    gateway.addRoute("Standby", { destinationCidr: "192.168.0.0/16", connection: t2, priority: 100 });
    expect(hits(app, "HL-CCN-003")).toEqual([]);
  });
});

describe("HL-CCN-004: An instance is attached to at most one CCN", () => {
  it("fails for a VPC attached to two CCNs", () => {
    const app = new NetworkApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    new Ccn(app, "A").attach("Attach", vpc);
    new Ccn(app, "B").attach("Attach", vpc);
    expect(hits(app, "HL-CCN-004", true)).toEqual(["B/Attach#instance"]);
  });

  it("passes for one attachment per instance", () => {
    expect(hits(scenario4().app, "HL-CCN-004")).toEqual([]);
  });
});

describe("HL-CCN-005: A VPC routes via a CCN only when attached to it", () => {
  it("fails for a route via a CCN the VPC is not attached to", () => {
    const { app, ccn } = scenario4();
    new Vpc(app, "Outsider", { region: "ap-guangzhou", cidrs: ["10.9.0.0/16"] }).addRoute("ViaCcn", { destinationCidr: "10.1.0.0/16", nextHop: ccn });
    expect(hits(app, "HL-CCN-005", true)).toEqual(["Outsider/MainRouteTable/ViaCcn#nextHop"]);
  });

  it("passes for an attached VPC", () => {
    expect(hits(scenario4().app, "HL-CCN-005")).toEqual([]);
  });
});
