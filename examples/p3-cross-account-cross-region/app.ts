import { CrossRegionPeering, NetworkApp, Vpc } from "hybridlink";

/** The account that owns VPC-Guangzhou and requests the peering (and pays for it, seed 003). */
export const REQUESTER_ACCOUNT = "100000000001";
/** The partner account that owns VPC-Beijing and must accept. */
export const ACCEPTER_ACCOUNT = "200000000002";

/**
 * Seed 003 (跨地域、跨账号对等连接): a VPC in Guangzhou (account 100000000001)
 * peers with a partner's VPC in Beijing (account 200000000002), 100 Mbps cap.
 * The request comes from the first account; the peering stays PENDING until the
 * second accepts, expires after 7 days if it does not, and stops traffic then.
 */
export const app = new NetworkApp({
  profile: "tencent",
  defaultAccount: REQUESTER_ACCOUNT,
  trustedAccounts: [ACCEPTER_ACCOUNT],
});

const guangzhou = new Vpc(app, "VpcGuangzhou", { name: "VPC-Guangzhou", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
guangzhou.addSubnet("App", { cidr: "10.0.1.0/24" });
const beijing = new Vpc(app, "VpcBeijing", {
  name: "VPC-Beijing",
  region: "ap-beijing",
  cidrs: ["10.2.0.0/16"],
  account: ACCEPTER_ACCOUNT,
});
beijing.addSubnet("App", { cidr: "10.2.1.0/24" });

/** The peering; the accepter-side routes belong to the partner's account. */
export const peering = new CrossRegionPeering(app, "Peering", {
  requester: guangzhou,
  accepter: beijing,
  bandwidthMbps: 100,
});

// The scenario's matrix once the partner has accepted (intents describe the network as designed).
app.intents.reachable(guangzhou, beijing);

export default app;
