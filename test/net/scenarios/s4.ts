import { Ccn, DirectConnectGateway, IdcSite, NetworkApp, VpnGateway, Vpc } from "../../../lib";
import { PSK, Scenario } from "./common";

/**
 * Seed 000 scenario 4: a CCN-type gateway attached to a CCN that also has two
 * VPCs in two regions and a direct-connect gateway; IDC-1..3 on route-based
 * connections. Everything reaches everything.
 */
export function buildS4(): Scenario {
  const app = new NetworkApp({ profile: "tencent" });
  const ccn = new Ccn(app, "Ccn");
  const vpcA = new Vpc(app, "VpcA", { region: "ap-guangzhou", cidrs: ["10.1.0.0/16"] });
  vpcA.addSubnet("App", { cidr: "10.1.1.0/24" });
  const vpcB = new Vpc(app, "VpcB", { region: "ap-shanghai", cidrs: ["10.2.0.0/16"] });
  vpcB.addSubnet("App", { cidr: "10.2.1.0/24" });
  const dc = new DirectConnectGateway(app, "DirectConnect", { region: "ap-guangzhou", onPremPrefixes: ["192.168.0.0/16"] });
  const gateway = new VpnGateway(app, "Gateway", { type: "CCN", region: "ap-guangzhou" });
  ccn.attach("AttachVpcA", vpcA);
  ccn.attach("AttachVpcB", vpcB);
  ccn.attach("AttachDirectConnect", dc);
  ccn.attach("AttachGateway", gateway);
  const endpoints: Record<string, string> = { "VPC-A": vpcA.logicalId, "VPC-B": vpcB.logicalId, DC: dc.logicalId };
  [1, 2, 3].forEach((n) => {
    const cidr = `172.${15 + n}.0.0/16`;
    const idc = new IdcSite(app, `Idc${n}`, { cidrs: [cidr] });
    const device = idc.addDevice("Device", { ipAddress: `203.0.113.${10 + n}` });
    const tunnel = gateway.addConnection(`Tunnel${n}`, { customerGateway: device, preSharedKey: PSK, routeType: "ROUTE" });
    gateway.addRoute(`ToIdc${n}`, { destinationCidr: cidr, connection: tunnel });
    endpoints[`IDC-${n}`] = idc.logicalId;
  });
  return { app, endpoints };
}

/** S4 must hold: every pair of {IDCs, VPCs, DC network}. */
export const S4_EXPECTED = `
      VPC-A VPC-B DC    IDC-1 IDC-2 IDC-3
VPC-A -     .     .     .     .     .
VPC-B .     -     .     .     .     .
DC    .     .     -     .     .     .
IDC-1 .     .     .     -     .     .
IDC-2 .     .     .     .     -     .
IDC-3 .     .     .     .     .     -`;
