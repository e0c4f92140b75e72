import { IdcSite, NetworkApp, VpnGateway, Vpc } from "../../../lib";
import { PSK, Scenario } from "./common";

/** Seed 000 scenario 1: one VPC and one IDC over an SPD (policy-based) connection. */
export function buildS1(): Scenario {
  const app = new NetworkApp({ profile: "tencent" });
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  const subnet = vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
  const gateway = new VpnGateway(app, "Gateway", { vpc });
  const idc = new IdcSite(app, "Idc", { cidrs: ["172.16.0.0/16"] });
  const device = idc.addDevice("Device", { ipAddress: "203.0.113.10" });
  gateway.addConnection("Tunnel", {
    customerGateway: device,
    preSharedKey: PSK,
    spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["172.16.0.0/16"] }],
  });
  vpc.addRoute("ToIdc", { destinationCidr: "172.16.0.0/16", nextHop: gateway });
  return { app, endpoints: { VPC: vpc.logicalId, App: subnet.logicalId, IDC: idc.logicalId } };
}

/** S1 must hold: VPC ↔ IDC. */
export const S1_EXPECTED = `
    VPC App IDC
VPC -   .   .
App .   -   .
IDC .   .   -`;
