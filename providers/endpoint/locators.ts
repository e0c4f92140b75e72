import { ID_PREFIXES } from "../cloud";
import { list } from "./kind";
import { routeTablesIn } from "./tencent-kinds";

/**
 * How to tell whether a region holds an ID, per cloud: one Describe by ID in
 * that region (a resource of another region is not found there, as on the
 * real clouds). The endpoint path asks each of the profile's regions once and
 * remembers the answer.
 */
export type Call = (region: string, action: string, params: object) => Record<string, unknown>;
export type Locator = (call: Call, region: string, id: string) => boolean;

const byIds = (action: string, param: string, set: string): Locator => (call, region, id) => list(call(region, action, { [param]: [id] })[set]).length > 0;

export const TENCENT_LOCATORS: Readonly<Record<string, Locator>> = {
  [ID_PREFIXES.Vpc]: byIds("DescribeVpcs", "VpcIds", "VpcSet"),
  [ID_PREFIXES.Subnet]: byIds("DescribeSubnets", "SubnetIds", "SubnetSet"),
  [ID_PREFIXES.RouteTable]: byIds("DescribeRouteTables", "RouteTableIds", "RouteTableSet"),
  [ID_PREFIXES.VpnGateway]: byIds("DescribeVpnGateways", "VpnGatewayIds", "VpnGatewaySet"),
  [ID_PREFIXES.CustomerGateway]: byIds("DescribeCustomerGateways", "CustomerGatewayIds", "CustomerGatewaySet"),
  [ID_PREFIXES.VpnConnection]: byIds("DescribeVpnConnections", "VpnConnectionIds", "VpnConnectionSet"),
  [ID_PREFIXES.PeeringConnection]: byIds("DescribeVpcPeeringConnections", "PeeringConnectionIds", "PeerConnectionSet"),
  // Tencent describes routes only inside their tables.
  [ID_PREFIXES.Route]: (call, region, id) => routeTablesIn(region, call).some((t) => list(t.RouteSet).some((r) => r.RouteItemId === id)),
};

/** Alibaba's lists come wrapped (`{vpcs: {vpc: [...]}}`); RegionId is in every request. */
const wrapped = (action: string, param: string, outer: string, inner: string): Locator => (call, region, id) => {
  const out = call(region, action, { regionId: region, [param]: id })[outer] as Record<string, unknown> | undefined;
  return list(out?.[inner]).length > 0;
};

export const ALIBABA_LOCATORS: Readonly<Record<string, Locator>> = {
  [ID_PREFIXES.Vpc]: wrapped("DescribeVpcs", "vpcId", "vpcs", "vpc"),
  [ID_PREFIXES.Subnet]: wrapped("DescribeVSwitches", "vSwitchId", "vSwitches", "vSwitch"),
  [ID_PREFIXES.RouteTable]: wrapped("DescribeRouteTableList", "routeTableId", "routerTableList", "routerTableListType"),
  [ID_PREFIXES.VpnGateway]: wrapped("DescribeVpnGateways", "vpnGatewayId", "vpnGateways", "vpnGateway"),
  [ID_PREFIXES.CustomerGateway]: wrapped("DescribeCustomerGateways", "customerGatewayId", "customerGateways", "customerGateway"),
  [ID_PREFIXES.VpnConnection]: wrapped("DescribeVpnConnections", "vpnConnectionId", "vpnConnections", "vpnConnection"),
};
