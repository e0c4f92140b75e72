import { seed } from "../../core/provenance";
import { ManifestResource } from "../../core/manifest";
import { factsOf, NetworkFacts } from "../private/facts";
import { peeringEnds } from "../private/peering";
import { Rule } from "../rule";

/** HL-PEER-011: both VPCs of a peering route to each other through it. */
export const routesBothWays: Rule = {
  id: "HL-PEER-011",
  title: "Both ends of a peering route to each other",
  severity: "warning",
  source: seed("004", "您一定要在本端和对端都配置相关路由，才可以通过对等来接通信。", "You must configure the routes on both the local and the peer end before the peering can carry traffic."),
  rationale:
    "A peering carries nothing by itself: the requester needs a route to the accepter's CIDR via the peering (outbound) and the accepter one back (return). With one side only, packets leave but replies are dropped (the FAQ 'connected but cannot communicate').",
  fix: "Add the missing route named in the message (or call routeBothWays() on the peering).",
  *check(context) {
    const facts = factsOf(context);
    for (const ends of peeringEnds(context)) {
      const { peering, requester, accepter } = ends;
      if (requester.logicalId === accepter.logicalId) continue;
      const toAccepter = hasRouteToward(facts, peering.logicalId, requester, accepter);
      const toRequester = hasRouteToward(facts, peering.logicalId, accepter, requester);
      if (toAccepter && toRequester) continue;
      const missing = [
        ...(toAccepter ? [] : [needed(facts, requester, accepter)]),
        ...(toRequester ? [] : [needed(facts, accepter, requester)]),
      ];
      const state = !toAccepter && !toRequester ? "has no routes on either side" : `is only one way: '${(toAccepter ? requester : accepter).path}' routes to the other end but gets no return route`;
      yield {
        resource: peering.logicalId,
        message: `Peering '${peering.path}' ${state}; add ${missing.join(" and ")} with next hop this peering (or call routeBothWays()).`,
      };
    }
  },
};

/** True when `from` has an enabled route via the peering to some address of `to`. */
function hasRouteToward(facts: NetworkFacts, peeringId: string, from: ManifestResource<"Vpc">, to: ManifestResource<"Vpc">): boolean {
  const target = facts.vpcSet(to.logicalId);
  for (const route of facts.routesVia(peeringId)) {
    if (route.enabled && route.vpcId === from.logicalId && route.destination && target.overlaps(route.destination)) return true;
  }
  return false;
}

function needed(facts: NetworkFacts, from: ManifestResource<"Vpc">, to: ManifestResource<"Vpc">): string {
  const blocks = facts.vpcCidrs(to.logicalId).map((c) => c.network);
  return `a route in '${from.path}' (e.g. its main route table) to ${blocks.join(", ") || `'${to.path}'`}`;
}
