import { NetworkApp, Vpc } from "../../../lib";
import { Scenario } from "./common";

/** The account that owns VPC2 in P3. */
export const P3_PEER_ACCOUNT = "100000000002";

/**
 * Seed 003, cross-account and cross-region: VPC1 (ap-guangzhou, the app's
 * account) requests a peering with VPC2 (ap-shanghai, another, trusted
 * account), 100 Mbps, routes both ways. It stays PENDING until accepted.
 */
export function buildP3(): Scenario & { readonly peering: string } {
  const app = new NetworkApp({ profile: "tencent", trustedAccounts: [P3_PEER_ACCOUNT] });
  const vpc1 = new Vpc(app, "Vpc1", { region: "ap-guangzhou", cidrs: ["10.1.0.0/16"] });
  const vpc2 = new Vpc(app, "Vpc2", { region: "ap-shanghai", cidrs: ["10.2.0.0/16"], account: P3_PEER_ACCOUNT });
  const peering = vpc1.peerWith("Peer", vpc2, { bandwidthMbps: 100 });
  peering.routeBothWays();
  return { app, endpoints: { VPC1: vpc1.logicalId, VPC2: vpc2.logicalId }, peering: peering.logicalId };
}
