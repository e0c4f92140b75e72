import { CloudError } from "../cloud";
import { CloudPort, list, s } from "./kind";
import { mainTableOf } from "./tencent-kinds";

/**
 * "Publish a VPN gateway's route to its VPC" on Tencent. Tencent's gateway
 * routes are not published by the gateway: the VPC reaches the gateway
 * through a route in its own table (CreateRoutes, GatewayType VPN). So the
 * endpoint path publishes by keeping that VPC route — one per destination in
 * the gateway VPC's default table — for as long as a gateway route to the
 * destination exists. (Our translation; a VPC route to the same destination
 * and gateway the app declares itself is the same route, and goes with the
 * last gateway route too.)
 */

/** The default table of the gateway's VPC; none for a CCN-type gateway (which publishes to its CCN, not to a VPC). */
function gatewayTable(gateway: string, port: CloudPort): Record<string, unknown> | undefined {
  const [gw] = list(port.call(port.regionOf(gateway), "DescribeVpnGateways", { VpnGatewayIds: [gateway] }).VpnGatewaySet);
  const vpc = s(gw?.VpcId);
  return vpc ? mainTableOf(vpc, port) : undefined;
}

/** The route of `table` that publishes `destination` through `gateway`, if there is one. */
function routeIn(table: Record<string, unknown>, gateway: string, destination: string): { table: string; route: string } | undefined {
  const route = list(table.RouteSet).find((r) => r.DestinationCidrBlock === destination && r.GatewayType === "VPN" && r.GatewayId === gateway);
  return route ? { table: s(table.RouteTableId), route: s(route.RouteItemId) } : undefined;
}

/** The VPC route that publishes `destination` through `gateway`, if there is one. */
export function publishedRoute(gateway: string, destination: string, port: CloudPort): { table: string; route: string } | undefined {
  const table = gatewayTable(gateway, port);
  return table && routeIn(table, gateway, destination);
}

export function publish(gateway: string, destination: string, port: CloudPort): void {
  // The gateway and its table are read once: the check for an existing route and the create use the same answer.
  const table = gatewayTable(gateway, port);
  if (table === undefined) throw new CloudError("UnsupportedOperation.EndpointPath", `publishToVpc: VPN gateway '${gateway}' has no VPC to publish to (a CCN-type gateway publishes to its CCN).`);
  if (routeIn(table, gateway, destination)) return;
  port.call(port.regionOf(gateway), "CreateRoutes", { RouteTableId: s(table.RouteTableId), Routes: [{ DestinationCidrBlock: destination, GatewayType: "VPN", GatewayId: gateway, Enabled: true }] });
}

/** Takes the VPC route away once no gateway route to `destination` is left on `gateway`. */
export function unpublishIfLast(gateway: string, destination: string, port: CloudPort): void {
  const left = list(port.call(port.regionOf(gateway), "DescribeVpnGatewayRoutes", { VpnGatewayId: gateway }).Routes).some((r) => r.DestinationCidrBlock === destination);
  if (left) return;
  const published = publishedRoute(gateway, destination, port);
  if (published) port.call(port.regionOf(gateway), "DeleteRoutes", { RouteTableId: published.table, Routes: [{ RouteItemId: published.route }] });
}
