import { ManifestResource } from "../../core/manifest";
import { preferenceRank } from "../../core/profiles";
import { RuleContext } from "../rule";
import { factsOf, resolve } from "./facts";
import { parsedCidr, propsOf, refId } from "./read";

/** Enabled routes of one gateway to one destination: an active/standby pair when there are two or more. */
export interface RouteGroup {
  readonly gateway: ManifestResource<"VpnGateway">;
  /** Normalized destination block. */
  readonly destination: string;
  /** Routes sorted by logical ID, each with its next-hop connection (when it resolves) and rank (0 = active). */
  readonly members: readonly {
    readonly route: ManifestResource<"VpnGatewayRoute">;
    readonly connection?: ManifestResource<"VpnConnection">;
    readonly rank: number;
  }[];
}

const cache = new WeakMap<object, RouteGroup[]>();

/** Every (gateway, destination) group of enabled gateway routes, computed once per manifest. */
export function routeGroups(context: RuleContext): readonly RouteGroup[] {
  let groups = cache.get(context.index);
  if (groups) return groups;
  groups = [];
  const facts = factsOf(context);
  for (const gateway of context.index.ofType("VpnGateway")) {
    const byDestination = new Map<string, ManifestResource<"VpnGatewayRoute">[]>();
    for (const route of facts.gatewayRoutesOf(gateway.logicalId)) {
      const p = propsOf(route);
      const destination = parsedCidr(p.destinationCidr);
      if (!destination || p.enabled === false) continue;
      const list = byDestination.get(destination.network) ?? [];
      list.push(route);
      byDestination.set(destination.network, list);
    }
    for (const [destination, routes] of byDestination) {
      const members = [...routes]
        .sort((a, b) => (a.logicalId < b.logicalId ? -1 : 1))
        .map((route) => ({
          route,
          connection: resolve(context.index, refId(propsOf(route).nextHop), "VpnConnection"),
          rank: preferenceRank(context.profile, propsOf(route) as { priority?: number; weight?: number }),
        }));
      groups.push({ gateway, destination, members });
    }
  }
  cache.set(context.index, groups);
  return groups;
}

/** The groups with two or more routes: active/standby (or dual customer gateway) pairs. */
export function redundantGroups(context: RuleContext): readonly RouteGroup[] {
  return routeGroups(context).filter((g) => g.members.length >= 2);
}
