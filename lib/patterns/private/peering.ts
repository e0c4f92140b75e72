import { Construct } from "constructs";
import { Intents } from "../../core/intents";
import { PeeringConnection } from "../../resources/peering-connection";
import { Route } from "../../resources/route";
import type { RouteTable } from "../../resources/route-table";
import type { Vpc } from "../../resources/vpc";
import { PatternErrorCode, patternError } from "../errors";
import type { PeeringSideOptions } from "../peering-options";
import { destinationsOutside } from "./destinations";
import { displayName, uniqueChildId } from "./ids";
import { routeTablesOf } from "./vpc-routes";

/** One side's checked plan: its tables and destinations, or none when it adds no routes. */
export interface PeeringSidePlan {
  readonly vpc: Vpc;
  readonly peer: Vpc;
  readonly tables: readonly RouteTable[];
  readonly destinations: readonly string[];
}

/** Throws for a VPC peered with itself or a peering in the wrong construct for its regions. */
export function checkPeeringEnds(scope: Construct, requester: Vpc, accepter: Vpc, crossRegion: boolean): void {
  if (requester === accepter) {
    throw patternError(scope, PatternErrorCode.PEERING_SAME_VPC, `requester and accepter are both VPC '${requester.node.path}'; peer two different VPCs`);
  }
  const sameRegion = requester.region === accepter.region;
  if (crossRegion && sameRegion) {
    throw patternError(
      scope,
      PatternErrorCode.PEERING_REGION_MISMATCH,
      `both VPCs are in ${requester.region}: a same-region peering has no bandwidth cap and no charge (seed 003); use VpcPeering`,
    );
  }
  if (!crossRegion && !sameRegion) {
    throw patternError(
      scope,
      PatternErrorCode.PEERING_REGION_MISMATCH,
      `'${requester.node.path}' is in ${requester.region} and '${accepter.node.path}' in ${accepter.region}: a cross-region peering needs a bandwidth cap and is billed (seed 003); use CrossRegionPeering with bandwidthMbps`,
    );
  }
}

/** Checks one side's options before anything is created; throws naming the prop at fault. */
export function planPeeringSide(scope: Construct, vpc: Vpc, peer: Vpc, options: PeeringSideOptions = {}, prop: string): PeeringSidePlan {
  if (options.addRoutes === false) return { vpc, peer, tables: [], destinations: [] };
  const tables = routeTablesOf(scope, vpc, options.routeTables, `${prop}.routeTables`);
  const destinations = [...(options.destinations ?? peer.cidrs)];
  const outside = destinationsOutside(destinations, peer.cidrs);
  if (outside.length > 0) {
    throw patternError(
      scope,
      PatternErrorCode.DESTINATION_OUTSIDE_NETWORK,
      `${prop}.destinations ${outside.join(", ")} are not inside the peer VPC '${peer.node.path}' (${peer.cidrs.join(", ")}); peering is not transitive (seed 003), so such a route would carry nothing: route only to the peer's own blocks`,
    );
  }
  return { vpc, peer, tables, destinations };
}

/** The routes of one side's plan, children of `group`, each to the peering. */
export function routePeeringSide(group: Construct, plan: PeeringSidePlan, peering: PeeringConnection): Route[] {
  return plan.tables.flatMap((routeTable) =>
    plan.destinations.map(
      (destinationCidr, i) =>
        new Route(group, uniqueChildId(group, `${routeTable.node.id}To${plan.peer.node.id}-${i}`), {
          routeTable,
          destinationCidr,
          nextHop: peering,
        }),
    ),
  );
}

/** What both peering constructs build. */
export interface BuiltPeering {
  readonly peeringConnection: PeeringConnection;
  readonly requesterRoutes: readonly Route[];
  readonly accepterRoutes: readonly Route[];
}

export interface PeeringInputs {
  readonly requester: Vpc;
  readonly accepter: Vpc;
  readonly requesterRoutes?: PeeringSideOptions;
  readonly accepterRoutes?: PeeringSideOptions;
  readonly name?: string;
  readonly bandwidthMbps?: number;
  readonly crossBorderApproval?: string;
  readonly crossRegion: boolean;
  readonly declareIntents: boolean;
}

/**
 * The peering connection (child `Connection`) and each side's routes
 * (`RequesterRoutes/…`, `AccepterRoutes/…`), after every check has passed.
 */
export function buildPeering(scope: Construct, inputs: PeeringInputs): BuiltPeering {
  checkPeeringEnds(scope, inputs.requester, inputs.accepter, inputs.crossRegion);
  const requesterPlan = planPeeringSide(scope, inputs.requester, inputs.accepter, inputs.requesterRoutes, "requesterRoutes");
  const accepterPlan = planPeeringSide(scope, inputs.accepter, inputs.requester, inputs.accepterRoutes, "accepterRoutes");
  const peeringConnection = new PeeringConnection(scope, "Connection", {
    requesterVpc: inputs.requester,
    accepterVpc: inputs.accepter,
    name: inputs.name ?? displayName(scope, "Connection"),
    bandwidthMbps: inputs.bandwidthMbps,
    crossBorderApproval: inputs.crossBorderApproval,
  });
  const requesterRoutes = routePeeringSide(new Construct(scope, "RequesterRoutes"), requesterPlan, peeringConnection);
  const accepterRoutes = routePeeringSide(new Construct(scope, "AccepterRoutes"), accepterPlan, peeringConnection);
  if (inputs.declareIntents) declarePeeringIntents(scope, inputs, requesterRoutes.length > 0, accepterRoutes.length > 0);
  return { peeringConnection, requesterRoutes, accepterRoutes };
}

// Intents describe the network as designed: a cross-account peering to a trusted account counts as accepted.
function declarePeeringIntents(scope: Construct, inputs: PeeringInputs, requesterRoutes: boolean, accepterRoutes: boolean): void {
  const intents = Intents.of(scope);
  if (requesterRoutes && accepterRoutes) {
    intents.reachable(inputs.requester, inputs.accepter);
    return;
  }
  // The side without routes cannot start a conversation: its packets have no route.
  if (!requesterRoutes) intents.isolated(inputs.requester, inputs.accepter);
  if (!accepterRoutes) intents.isolated(inputs.accepter, inputs.requester);
}
