import { requireFeature } from "../account-features";
import { valueText } from "../../../lib";
import { CloudProfile, preferenceRank } from "../../../lib";
import { CloudError } from "../errors";
import { JsonObject, ParamReader } from "../params";
import { ResourceRow } from "../store";
import { readCidr } from "../validation/addressing";
import { ResourceKind } from "./kind";
import { readOwnedRef } from "./lookup";
import { ActionContext } from "./types";

/**
 * VPN gateway route (目的路由): destination → a connection on the same
 * gateway, with the profile's preference (tencent priority 0/100, alibaba
 * weight 100/0). Two routes to one destination must differ in preference.
 */
export const VPN_GATEWAY_ROUTE_KIND: ResourceKind = {
  type: "VpnGatewayRoute",
  names: {
    create: "CreateVpnGatewayRoute",
    describe: "DescribeVpnGatewayRoutes",
    modify: "ModifyVpnGatewayRouteAttribute",
    delete: "DeleteVpnGatewayRoute",
  },
  fields: ["vpnGateway", "destinationCidr", "nextHop", "priority", "weight", "publishToVpc", "enabled"],
  mutable: ["priority", "weight", "publishToVpc", "enabled"],
  refFields: { vpnGateway: ["VpnGateway"], nextHop: ["VpnConnection"] },
  scopeField: "vpnGateway",
  plan(params, ctx) {
    const gateway = readOwnedRef(params, "vpnGateway", "VpnGateway", ctx);
    // Tencent: gateway routes are the VPN route table, in gray release (seed 000): the account needs its ticket.
    requireFeature(ctx, "vpn-route-table", "a VPN gateway route");
    const destination = readCidr(params, "destinationCidr");
    if (destination.prefix === 0) {
      throw params.error(
        "InvalidParameterValue.DestinationCidr",
        "destinationCidr",
        "is 0.0.0.0/0; a VPN gateway route cannot be a default route. Route the IDC's own networks instead.",
      );
    }
    const connection = readOwnedRef(params, "nextHop", "VpnConnection", ctx);
    if (connection.props.vpnGateway !== gateway.id) {
      throw params.error(
        "InvalidParameterValue.NextHopMismatch",
        "nextHop",
        `is connection '${connection.id}' on gateway '${String(connection.props.vpnGateway)}', not on '${gateway.id}'. ` +
          "A gateway route's next hop is a connection of the same gateway.",
      );
    }
    const preference = readPreference(params, ctx.profile);
    const publishToVpc = params.boolean("publishToVpc");
    const enabled = params.boolean("enabled");
    const props = { vpnGateway: gateway.id, destinationCidr: destination.text, nextHop: connection.id, ...preference, publishToVpc, enabled };
    checkSiblings(props, undefined, ctx, destination.start, destination.end);
    return { props, region: gateway.region, scope: gateway.id, range: { start: destination.start, end: destination.end } };
  },
  modify(row, params, ctx) {
    const props: JsonObject = {};
    const field = ctx.profile.routePreference.field;
    if (params.has("priority") || params.has("weight")) Object.assign(props, readPreference(params, ctx.profile));
    else { params.value("priority"); params.value("weight"); }
    const publishToVpc = params.optionalBoolean("publishToVpc");
    const enabled = params.optionalBoolean("enabled");
    if (publishToVpc !== undefined) props.publishToVpc = publishToVpc;
    if (enabled !== undefined) props.enabled = enabled;
    if (props[field] !== undefined) checkSiblings({ ...row.props, ...props }, row.id, ctx, row.rangeStart!, row.rangeEnd!);
    return { props };
  },
};

function readPreference(params: ParamReader, profile: CloudProfile): JsonObject {
  const vocab = profile.routePreference;
  const other = vocab.field === "priority" ? "weight" : "priority";
  if (params.has(other)) {
    throw params.error(
      "InvalidParameterCombination",
      other,
      `is not how ${profile.displayName} ranks routes; it uses '${vocab.field}' (${vocab.allowed.join(" or ")}, ${vocab.preferred} preferred).`,
    );
  }
  params.value(other);
  const value = params.optionalNumber(vocab.field, { integer: true });
  if (value === undefined) return {};
  if (!vocab.allowed.includes(value)) {
    throw params.error(
      "InvalidParameterValue.RoutePreference",
      vocab.field,
      `is ${value}; ${profile.displayName} allows ${vocab.allowed.join(" or ")} (${vocab.preferred} is the active route).`,
    );
  }
  return { [vocab.field]: value };
}

/** Refuses a second route to the same destination through the same connection, or with the same preference. */
function checkSiblings(props: JsonObject, selfId: string | undefined, ctx: ActionContext, start: number, end: number): void {
  const siblings: ResourceRow[] = ctx.store.resources
    .exact("VpnGatewayRoute", props.vpnGateway as string, start, end)
    .filter((r) => r.id !== selfId);
  const rank = preferenceRank(ctx.profile, props);
  for (const s of siblings) {
    if (s.props.nextHop === props.nextHop) {
      throw new CloudError(
        "InvalidParameterValue.Duplicate",
        `${ctx.action}: gateway route '${s.id}' already sends ${String(props.destinationCidr)} through connection '${String(props.nextHop)}'. Change that route instead.`,
      );
    }
    if (preferenceRank(ctx.profile, s.props) === rank) {
      const field = ctx.profile.routePreference.field;
      throw new CloudError(
        "InvalidParameterValue.RoutePreferenceConflict",
        `${ctx.action}: gateway route '${s.id}' already sends ${String(props.destinationCidr)} with the same ${field} ` +
          `(${valueText(s.props[field] ?? ctx.profile.routePreference.preferred)}). Two routes to one destination must differ in ${field} ` +
          "(one active, one standby).",
      );
    }
  }
}
