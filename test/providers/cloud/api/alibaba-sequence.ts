import type { Got, Step } from "./tencent-sequence";

const PSK = "conformance-psk-2";

/** A walk that calls every in-scope Alibaba action once with valid input (labels as in TENCENT_WALK; RegionId added by the runner). */
export const ALIBABA_WALK: readonly Step[] = [
  ["CreateVpc", () => ({ cidrBlock: "10.0.0.0/16", vpcName: "app" })],
  ["DescribeVpcs", () => ({})],
  ["CreateVSwitch", (g) => ({ vpcId: g.CreateVpc.vpcId, zoneId: "cn-hangzhou-h", cidrBlock: "10.0.1.0/24", vSwitchName: "app" })],
  ["DescribeVSwitches", () => ({})],
  ["DescribeRouteTableList", (g) => ({ vpcId: g.CreateVpc.vpcId })],
  ["CreateVpnGateway", (g) => ({ vpcId: g.CreateVpc.vpcId, bandwidth: 10, enableIpsec: true, enableSsl: false, name: "gw" })],
  ["admin:AdvanceClock", () => ({ duration: "5m" })],
  ["DescribeVpnGateway", (g) => ({ vpnGatewayId: g.CreateVpnGateway.vpnGatewayId })],
  ["DescribeVpnGateways", () => ({})],
  ["CreateRouteEntry", (g) => ({ routeTableId: g.CreateVpc.routeTableId, destinationCidrBlock: "172.16.0.0/16", nextHopType: "VpnGateway", nextHopId: g.CreateVpnGateway.vpnGatewayId })],
  ["DeleteRouteEntry", (g) => ({ routeTableId: g.CreateVpc.routeTableId, routeEntryId: g.CreateRouteEntry.routeEntryId })],
  ["CreateCustomerGateway", () => ({ ipAddress: "203.0.113.1", name: "cgw" })],
  ["DescribeCustomerGateway", (g) => ({ customerGatewayId: g.CreateCustomerGateway.customerGatewayId })],
  ["DescribeCustomerGateways", () => ({})],
  ["CreateVpnConnection", (g) => ({
    vpnGatewayId: g.CreateVpnGateway.vpnGatewayId, customerGatewayId: g.CreateCustomerGateway.customerGatewayId, name: "ipsec",
    localSubnet: "10.0.0.0/16", remoteSubnet: "192.168.0.0/16", ikeConfig: JSON.stringify({ Psk: PSK }),
    healthCheckConfig: JSON.stringify({ enable: "true", sip: "10.0.1.9", dip: "192.168.0.9", interval: "3", retry: "3" }),
  })],
  ["DescribeVpnConnection", (g) => ({ vpnConnectionId: g.CreateVpnConnection.vpnConnectionId })],
  ["DescribeVpnConnections", () => ({})],
  ["CreateVpnRouteEntry", (g) => ({ vpnGatewayId: g.CreateVpnGateway.vpnGatewayId, routeDest: "192.168.0.0/16", nextHop: g.CreateVpnConnection.vpnConnectionId, weight: 100, publishVpc: false })],
  ["PublishVpnRouteEntry", (g) => ({ vpnGatewayId: g.CreateVpnGateway.vpnGatewayId, routeDest: "192.168.0.0/16", nextHop: g.CreateVpnConnection.vpnConnectionId, routeType: "dbr", publishVpc: true })],
  ["DescribeVpnRouteEntries", (g) => ({ vpnGatewayId: g.CreateVpnGateway.vpnGatewayId })],
  ["DownloadVpnConnectionConfig", (g) => ({ vpnConnectionId: g.CreateVpnConnection.vpnConnectionId })],
  ["DeleteVpnRouteEntry", (g) => ({ vpnGatewayId: g.CreateVpnGateway.vpnGatewayId, routeDest: "192.168.0.0/16", nextHop: g.CreateVpnConnection.vpnConnectionId, weight: 100 })],
  ["DeleteVpnConnection", (g) => ({ vpnConnectionId: g.CreateVpnConnection.vpnConnectionId })],
  ["DeleteCustomerGateway", (g) => ({ customerGatewayId: g.CreateCustomerGateway.customerGatewayId })],
  ["DeleteVpnGateway", (g) => ({ vpnGatewayId: g.CreateVpnGateway.vpnGatewayId })],
  ["DeleteVSwitch", (g) => ({ vSwitchId: g.CreateVSwitch.vSwitchId })],
  ["DeleteVpc", (g) => ({ vpcId: g.CreateVpc.vpcId })],
];

export type { Got };
