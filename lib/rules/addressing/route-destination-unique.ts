import { assumption } from "../../core/provenance";
import { parsedCidr, propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-ADDR-009: a VPC route table holds one route per destination block. */
export const routeDestinationUnique: Rule = {
  id: "HL-ADDR-009",
  title: "A route table has one route per destination",
  severity: "error",
  source: assumption(
    "a route table entry is keyed by its destination block, so a second route to the same block conflicts with the first (the engine refuses it with InvalidParameterValue.RouteConflict); longest-prefix match only chooses between different blocks. Active/standby preference exists for VPN gateway routes (seed 000 scenario 5), not for VPC route tables.",
  ),
  rationale: "Two routes to one block in one table cannot both be used: the second create fails half-way through up, after the first has been made.",
  fix: "Keep one route per destination in each table (e.g. drop the hand-written route that routeBothWays already adds), or route a more specific block.",
  *check(context) {
    const seen = new Map<string, string>();
    for (const route of context.index.ofType("Route")) {
      const p = propsOf(route);
      const table = refId(p.routeTable);
      const cidr = parsedCidr(p.destinationCidr);
      if (!table || !cidr) continue;
      const key = `${table}|${cidr.start}/${cidr.prefix}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, route.logicalId);
        continue;
      }
      yield {
        resource: route.logicalId,
        property: "destinationCidr",
        message: `Route table '${context.index.tryGet(table)?.path ?? table}' already routes ${cidr.network} (route '${context.index.tryGet(first)?.path ?? first}'); a table holds one route per destination. Remove one of them or route a different block.`,
      };
    }
  },
};
