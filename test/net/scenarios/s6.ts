import { IdcSite, NetworkApp, VpnGateway, Vpc } from "../../../lib";
import { PSK, Scenario } from "./common";

/**
 * Seed 000 scenario 6: one VPC and IDC-1..3, each on an SPD connection
 * (VPC CIDR ↔ that IDC's CIDR) with a VPC route to the gateway. Each IDC
 * reaches the VPC; SPD gives no IDC ↔ IDC transit.
 */
export function buildS6(): Scenario {
  const app = new NetworkApp({ profile: "tencent" });
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
  const gateway = new VpnGateway(app, "Gateway", { vpc });
  const endpoints: Record<string, string> = { VPC: vpc.logicalId };
  [1, 2, 3].forEach((n) => {
    const cidr = `172.${15 + n}.0.0/16`;
    const idc = new IdcSite(app, `Idc${n}`, { cidrs: [cidr] });
    const device = idc.addDevice("Device", { ipAddress: `203.0.113.${10 + n}` });
    gateway.addConnection(`Tunnel${n}`, {
      customerGateway: device,
      preSharedKey: PSK,
      spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: [cidr] }],
    });
    vpc.addRoute(`ToIdc${n}`, { destinationCidr: cidr, nextHop: gateway });
    endpoints[`IDC-${n}`] = idc.logicalId;
  });
  return { app, endpoints };
}

/** S6 must hold: each IDC ↔ VPC; no IDC ↔ IDC. */
export const S6_EXPECTED = `
      VPC       IDC-1     IDC-2     IDC-3
VPC   -         .         .         .
IDC-1 .         -         NO_TUNNEL NO_TUNNEL
IDC-2 .         NO_TUNNEL -         NO_TUNNEL
IDC-3 .         NO_TUNNEL NO_TUNNEL -`;
