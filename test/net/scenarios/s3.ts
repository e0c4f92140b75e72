import { NetworkApp, VpnGateway, Vpc } from "../../../lib";
import { addRouteBasedIdcs, Scenario } from "./common";

/**
 * Seed 000 scenario 3: a CCN-type gateway attached to no CCN; IDC-1..3 transit
 * through it but reach no cloud network. A VPC in the same region shows that.
 */
export function buildS3(): Scenario {
  const app = new NetworkApp({ profile: "tencent" });
  const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
  const gateway = new VpnGateway(app, "Gateway", { type: "CCN", region: "ap-guangzhou" });
  const endpoints: Record<string, string> = { VPC: vpc.logicalId };
  addRouteBasedIdcs(app, gateway, endpoints);
  return { app, endpoints };
}

/** S3 must hold: IDC ↔ IDC for all pairs; no IDC reaches the VPC (nor the VPC an IDC). */
export const S3_EXPECTED = `
      VPC       IDC-1     IDC-2     IDC-3
VPC   -         NO_ROUTE  NO_ROUTE  NO_ROUTE
IDC-1 NO_TUNNEL -         .         .
IDC-2 NO_TUNNEL .         -         .
IDC-3 NO_TUNNEL .         .         -`;
