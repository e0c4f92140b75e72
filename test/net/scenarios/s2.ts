import { NetworkApp, VpnGateway, Vpc } from "../../../lib";
import { addRouteBasedIdcs, Scenario } from "./common";

/**
 * Seed 000 scenario 2: one VPC, a VPC-type gateway in route-table mode, and
 * IDC-1..3 each on its own route-based connection; the gateway's routes are
 * published to the VPC, and IDCs transit through the gateway.
 */
export function buildS2(): Scenario {
  const app = new NetworkApp({ profile: "tencent" });
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
  const gateway = new VpnGateway(app, "Gateway", { vpc });
  const endpoints: Record<string, string> = { VPC: vpc.logicalId };
  addRouteBasedIdcs(app, gateway, endpoints);
  return { app, endpoints };
}

/** S2 must hold: every pair of {VPC, IDC-1, IDC-2, IDC-3}. */
export const S2_EXPECTED = `
      VPC   IDC-1 IDC-2 IDC-3
VPC   -     .     .     .
IDC-1 .     -     .     .
IDC-2 .     .     -     .
IDC-3 .     .     .     -`;
