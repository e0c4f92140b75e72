import { NetworkApp } from "../../../lib";
import { addRouteBasedIdcs, buildCcnCloud, Scenario } from "./common";

/**
 * Seed 000 scenario 4: a CCN-type gateway attached to a CCN that also has two
 * VPCs in two regions and a direct-connect gateway; IDC-1..3 on route-based
 * connections. Everything reaches everything.
 */
export function buildS4(): Scenario {
  const app = new NetworkApp({ profile: "tencent" });
  const { gateway, endpoints: cloud } = buildCcnCloud(app);
  const endpoints: Record<string, string> = { ...cloud };
  addRouteBasedIdcs(app, gateway, endpoints);
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
