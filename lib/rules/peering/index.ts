import { Rule } from "../rule";
import { accepterAccountOwnsVpc } from "./accepter-account";
import { peeringCidrOverlap } from "./cidr-overlap";
import { crossBorderApproval } from "./cross-border";
import { aboveCapTicket } from "./above-cap-ticket";
import { crossRegionBandwidth } from "./cross-region-bandwidth";
import { peeringsPerVpc } from "./max-per-vpc";
import { peeringNotTransitive } from "./non-transitive";
import { pendingAcceptance } from "./pending-acceptance";
import { crossRegionPeersOverlap } from "./peers-overlap";
import { peeringRegionSupported } from "./region-supported";
import { peeringRouteFromEnd } from "./route-from-end";
import { routesBothWays } from "./routes-both-ways";
import { secondPeering } from "./second-peering";
import { sameRegionBandwidth } from "./same-region-bandwidth";
import { sameRegionOnly } from "./same-region-only";
import { trustedPeerAccount } from "./trusted-account";

/** VPC peering: CIDRs, limits, regions, accounts and routes (seeds 003, 004). */
export const PEERING_RULES: readonly Rule[] = [
  peeringCidrOverlap,
  crossRegionPeersOverlap,
  peeringsPerVpc,
  crossRegionBandwidth,
  aboveCapTicket,
  sameRegionBandwidth,
  peeringRegionSupported,
  crossBorderApproval,
  sameRegionOnly,
  trustedPeerAccount,
  pendingAcceptance,
  routesBothWays,
  peeringNotTransitive,
  peeringRouteFromEnd,
  accepterAccountOwnsVpc,
  secondPeering,
];
