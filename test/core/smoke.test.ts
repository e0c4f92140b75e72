import { NetworkApp, Vpc, VpnGateway, SecretValue, IdcSite, manifestToJson, isSecretRef } from "../../lib";

test("a small app synthesizes", () => {
  const app = new NetworkApp({ profile: "tencent" });
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
  const gw = new VpnGateway(app, "Gateway", { vpc });
  const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
  const dev = idc.addDevice("Device1", { ipAddress: "203.0.113.10" });
  const conn = gw.addConnection("Tunnel1", { customerGateway: dev, preSharedKey: SecretValue.fromEnv("PSK") });
  gw.addRoute("ToIdc", { destinationCidr: "192.168.0.0/16", connection: conn });
  const m = app.synth();
  expect(m.resources.map((r) => r.logicalId)).toEqual([
    "Gateway", "Gateway/ToIdc", "Gateway/Tunnel1", "Idc", "Idc/Device1", "Vpc", "Vpc/App", "Vpc/MainRouteTable",
  ]);
  expect(manifestToJson(m)).not.toContain("secret-value");
});

describe("acknowledgements and secret references", () => {
  test("an acknowledgement of an unknown rule ID is a warning (HL-CORE-004), not a silent no-op", () => {
    const app = new NetworkApp({ profile: "tencent" });
    new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    app.acknowledge("HL-VPN-9999", "typo");
    const { report } = app.synthesize({ throwOnError: false });
    expect(report.warnings.map((f) => [f.ruleId, f.path])).toEqual([["HL-CORE-004", ""]]);
    expect(report.warnings[0].message).toContain("HL-VPN-9999");
  });

  test("isSecretRef refuses a null secret", () => {
    expect(isSecretRef({ secret: null })).toBe(false);
    expect(isSecretRef({ secret: { source: "env", name: "X" } })).toBe(true);
  });
});
