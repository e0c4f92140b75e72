import { RouteNextHopType } from "../../../lib";
import { CloudError } from "../errors";
import { ParamReader } from "../params";
import { ResourceRow } from "../store";
import { readCidr } from "../validation/addressing";
import { matches, ResourceKind } from "./kind";
import { canSee, checkPrefix, NOUNS, readOwnedRef } from "./lookup";
import { ActionContext } from "./types";

const NEXT_HOP_TYPES: readonly RouteNextHopType[] = ["PEERING", "VPN_GATEWAY", "CCN"];

/** Route (路由) in a VPC route table: a destination and a next hop (peering, VPN gateway or CCN). */
export const ROUTE_KIND: ResourceKind = {
  type: "Route",
  names: { create: "CreateRoute", describe: "DescribeRoutes", modify: "ModifyRouteAttribute", delete: "DeleteRoute" },
  fields: ["routeTable", "destinationCidr", "nextHopType", "nextHop", "enabled"],
  mutable: ["enabled"],
  refFields: { routeTable: ["RouteTable"], nextHop: ["PeeringConnection", "VpnGateway", "Ccn"] },
  scopeField: "routeTable",
  extraFilters: {
    /** The routes of every table of this VPC. */
    vpc: (item, values) => matches(item.vpc, values),
  },
  plan(params, ctx) {
    const table = readOwnedRef(params, "routeTable", "RouteTable", ctx);
    // A table is in its VPC's region, and the VPC outlives its tables: the table says all a route needs of it.
    const vpc = table.props.vpc as string;
    const destination = readCidr(params, "destinationCidr");
    const nextHopType = params.oneOf("nextHopType", NEXT_HOP_TYPES);
    const nextHop = readNextHop(params, nextHopType, vpc, ctx);
    const enabled = params.boolean("enabled");
    const same = ctx.store.resources.exact("Route", table.id, destination.start, destination.end);
    if (same.length) {
      throw params.error(
        "InvalidParameterValue.RouteConflict",
        "destinationCidr",
        `is ${destination.text}, which route '${same[0].id}' of route table '${table.id}' already routes (next hop ` +
          `${String(same[0].props.nextHop)}). Change that route, or delete it first.`,
      );
    }
    return {
      props: { routeTable: table.id, destinationCidr: destination.text, nextHopType, nextHop: nextHop.id, enabled },
      region: table.region,
      range: { start: destination.start, end: destination.end },
    };
  },
  modify(_row, params) {
    const enabled = params.optionalBoolean("enabled");
    return { props: enabled !== undefined ? { enabled } : {} };
  },
  attributes(row, ctx) {
    const table = ctx.store.resources.tryGet(row.props.routeTable as string);
    return table ? { vpc: table.props.vpc } : {};
  },
};

function readNextHop(params: ParamReader, type: RouteNextHopType, vpc: string, ctx: ActionContext): ResourceRow {
  switch (type) {
    case "PEERING": {
      const id = params.string("nextHop");
      checkPrefix(ctx, id, "PeeringConnection", params.nameOf("nextHop"));
      const peering = ctx.store.resources.tryGet(id);
      // The accepter routes through a peering it does not own: visibility, not ownership, is what counts.
      if (!peering || peering.type !== "PeeringConnection" || !canSee(peering, ctx.account)) {
        throw new CloudError(
          "ResourceNotFound",
          `${ctx.action}: 'nextHop' names peering connection '${id}', which account '${ctx.account}' has no access to.`,
        );
      }
      if (peering.props.requesterVpc !== vpc && peering.props.accepterVpc !== vpc) {
        throw mismatch(ctx, `peering connection '${id}' connects ${String(peering.props.requesterVpc)} and ${String(peering.props.accepterVpc)}, not this route table's VPC '${vpc}'`);
      }
      return peering;
    }
    case "VPN_GATEWAY": {
      const gateway = readOwnedRef(params, "nextHop", "VpnGateway", ctx);
      if (gateway.props.vpc !== vpc) {
        throw mismatch(ctx, `VPN gateway '${gateway.id}' is ${gateway.props.type === "CCN" ? "a CCN-type gateway" : `attached to VPC '${String(gateway.props.vpc)}'`}, not to this route table's VPC '${vpc}'`);
      }
      return gateway;
    }
    case "CCN": {
      const ccn = readOwnedRef(params, "nextHop", "Ccn", ctx);
      // Rule HL-CCN-005: traffic enters a CCN only from the networks attached to it.
      const attached = ctx.store.resources.referrers(vpc, "instance").some((r) => ctx.store.resources.tryGet(r.fromId)?.props.ccn === ccn.id);
      if (!attached) {
        throw mismatch(ctx, `VPC '${vpc}' is not attached to CCN '${ccn.id}' (attach it first: CreateCcnAttachment)`);
      }
      return ccn;
    }
  }
}

function mismatch(ctx: ActionContext, what: string): CloudError {
  return new CloudError(
    "InvalidParameterValue.NextHopMismatch",
    `${ctx.action}: ${what}. A route's next hop must belong to the route table's VPC. (${NOUNS.Route} not created.)`,
  );
}
