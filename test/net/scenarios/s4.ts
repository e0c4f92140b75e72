import { IdcSite, NetworkApp } from "../../../lib";
import { buildCcnCloud, PSK, Scenario } from "./common";

/**
 * Seed 000 scenario 4: a CCN-type gateway attached to a CCN that also has two
 * VPCs in two regions and a direct-connect gateway; IDC-1..3 on route-based
 * connections. Everything reaches everything.
 */
export function buildS4(): Scenario {
  const app = new NetworkApp({ profile: "tencent" });
  const { gateway, endpoints: cloud } = buildCcnCloud(app);
  const endpoints: Record<string, string> = { ...cloud };
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
