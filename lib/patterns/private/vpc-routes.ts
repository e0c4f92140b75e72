import { Construct } from "constructs";
import { Route } from "../../resources/route";
import type { RouteTable } from "../../resources/route-table";
import type { Vpc } from "../../resources/vpc";
import type { VpnGateway } from "../../resources/vpn-gateway";
import { PatternErrorCode, patternError } from "../errors";
import { uniqueChildId } from "./ids";

/** The route tables given for a VPC, or its main table; throws when one belongs to another VPC. */
export function routeTablesOf(scope: Construct, vpc: Vpc, tables: readonly RouteTable[] | undefined, prop: string): RouteTable[] {
  const chosen = tables && tables.length > 0 ? [...tables] : [vpc.mainRouteTable];
  for (const table of chosen) {
    if (table.vpc !== vpc) {
      throw patternError(
        scope,
        PatternErrorCode.ROUTE_TABLE_NOT_IN_VPC,
        `'${prop}' lists route table '${table.node.path}' of VPC '${table.vpc.node.path}', but this side is VPC '${vpc.node.path}'; pass route tables of '${vpc.node.path}' (or omit '${prop}' for its main table)`,
      );
    }
  }
  return chosen;
}

/**
 * Routes `destinations` in every table to the VPN gateway, as children of
 * `group` named `<table>To<label>-<n>`: what an SPD connection needs on the VPC
 * side (policy-based tunnels have no gateway routes to publish).
 */
export function routeToGateway(
  group: Construct,
  tables: readonly RouteTable[],
  label: string,
  destinations: readonly string[],
  gateway: VpnGateway,
): Route[] {
  return tables.flatMap((routeTable) =>
    destinations.map(
      (destinationCidr, i) =>
        new Route(group, uniqueChildId(group, `${routeTable.node.id}To${label}-${i}`), { routeTable, destinationCidr, nextHop: gateway }),
    ),
  );
}
