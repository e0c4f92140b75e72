import { NetworkApp, Vpc, VpnGateway, SecretValue, IdcSite, manifestToJson } from "../../lib";

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
