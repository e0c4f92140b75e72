/**
 * The cloud actions `hybridlink serve` answers: everything the seeds use
 * (issue 13). The shapes of each come from the official SDKs' models
 * (scripts/gen-api-shapes.ts); the conformance test walks this list.
 */

/** Tencent Cloud API 3.0, service vpc, version 2017-03-12. */
export const TENCENT_ACTIONS = [
  "CreateVpc", "DescribeVpcs", "DeleteVpc",
  "CreateSubnet", "DescribeSubnets", "DeleteSubnet",
  "CreateRouteTable", "DescribeRouteTables", "CreateRoutes", "DeleteRoutes",
  "CreateVpnGateway", "DescribeVpnGateways", "DeleteVpnGateway",
  "CreateCustomerGateway", "DescribeCustomerGateways", "DeleteCustomerGateway",
  "CreateVpnConnection", "DescribeVpnConnections", "DeleteVpnConnection",
  "CreateVpnGatewayRoutes", "DescribeVpnGatewayRoutes", "ModifyVpnGatewayRoutes", "DeleteVpnGatewayRoutes",
  "DownloadCustomerGatewayConfiguration",
  "CreateCcn", "AttachCcnInstances", "DescribeCcnRoutes",
  // What a deployment through the SDK needs to read back and take down a CCN (the endpoint path).
  "DescribeCcns", "DescribeCcnAttachedInstances", "DetachCcnInstances", "DeleteCcn",
  "CreateVpcPeeringConnection", "AcceptVpcPeeringConnection", "RejectVpcPeeringConnection",
  "DeleteVpcPeeringConnection", "ModifyVpcPeeringConnection", "DescribeVpcPeeringConnections",
  // seed 003 (API概览) names these; today's SDK has no model or method for them (client.request reaches them).
  "EnableVpcPeeringConnection",
  "CreateVpcPeeringConnectionEx", "AcceptVpcPeeringConnectionEx", "RejectVpcPeeringConnectionEx",
  "DeleteVpcPeeringConnectionEx", "ModifyVpcPeeringConnectionEx", "EnableVpcPeeringConnectionEx",
] as const;

/** Alibaba Cloud VPC API, version 2016-04-28, RPC style. */
export const ALIBABA_ACTIONS = [
  "CreateVpc", "DescribeVpcs", "DeleteVpc",
  "CreateVSwitch", "DescribeVSwitches", "DeleteVSwitch",
  "DescribeRouteTableList", "CreateRouteEntry", "DeleteRouteEntry",
  "CreateVpnGateway", "DescribeVpnGateway", "DescribeVpnGateways", "DeleteVpnGateway",
  "CreateCustomerGateway", "DescribeCustomerGateway", "DescribeCustomerGateways", "DeleteCustomerGateway",
  "CreateVpnConnection", "DescribeVpnConnection", "DescribeVpnConnections", "DeleteVpnConnection",
  "CreateVpnRouteEntry", "PublishVpnRouteEntry", "DescribeVpnRouteEntries", "DeleteVpnRouteEntry",
  "DownloadVpnConnectionConfig",
] as const;

export type TencentAction = (typeof TENCENT_ACTIONS)[number];
export type AlibabaAction = (typeof ALIBABA_ACTIONS)[number];
