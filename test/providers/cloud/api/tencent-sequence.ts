import { IDC_SITE_TAG } from "../../../../providers/cloud";

/**
 * One call of the Tencent conformance walk: a label (`Action` or `Action#tag`; `admin:Verb` for a simulator verb),
 * how to build its parameters from earlier answers (by label), and the account (A unless B).
 */
export type Step = readonly [action: string, params: (got: Got) => object, as?: "A" | "B"];
export type Got = Record<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PSK = "conformance-psk-1";

/**
 * A walk that calls every in-scope Tencent action once with valid input (account A in ap-guangzhou,
 * B in ap-shanghai); `admin` runs simulator verbs between steps (names starting with "admin:").
 */
export const TENCENT_WALK: readonly Step[] = [
  ["CreateVpc", () => ({ VpcName: "app", CidrBlock: "10.0.0.0/16" })],
  ["DescribeVpcs", () => ({ Filters: [{ Name: "vpc-name", Values: ["app"] }], Offset: "0", Limit: "20" })],
  ["CreateSubnet", (g) => ({ VpcId: g.CreateVpc.Vpc.VpcId, SubnetName: "app", CidrBlock: "10.0.1.0/24", Zone: "ap-guangzhou-3" })],
  ["DescribeSubnets", (g) => ({ Filters: [{ Name: "vpc-id", Values: [g.CreateVpc.Vpc.VpcId] }] })],
  ["CreateRouteTable", (g) => ({ VpcId: g.CreateVpc.Vpc.VpcId, RouteTableName: "custom" })],
  ["DescribeRouteTables", () => ({})],
  ["CreateVpnGateway", (g) => ({ VpcId: g.CreateVpc.Vpc.VpcId, VpnGatewayName: "gw", InternetMaxBandwidthOut: 100, Type: "IPSEC" })],
  ["admin:AdvanceClock", () => ({ duration: "5m" })],
  ["DescribeVpnGateways", () => ({})],
  ["admin:CreateIdcSite", () => ({ name: "idc", cidrs: ["192.168.0.0/16"] })],
  ["CreateCustomerGateway", (g) => ({ CustomerGatewayName: "dev", IpAddress: "203.0.113.10", Tags: [{ Key: IDC_SITE_TAG, Value: g["admin:CreateIdcSite"].id }] })],
  ["DescribeCustomerGateways", () => ({})],
  ["CreateVpnConnection", (g) => ({
    VpcId: g.CreateVpc.Vpc.VpcId, VpnGatewayId: g.CreateVpnGateway.VpnGateway.VpnGatewayId, CustomerGatewayId: g.CreateCustomerGateway.CustomerGateway.CustomerGatewayId,
    VpnConnectionName: "t1", PreShareKey: PSK, RouteType: "StaticRoute", EnableHealthCheck: true, HealthCheckLocalIp: "10.0.1.9", HealthCheckRemoteIp: "192.168.0.9",
    HealthCheckConfig: { ProbeInterval: 2000, ProbeThreshold: 3 },
  })],
  ["CreateCustomerGateway#2", () => ({ CustomerGatewayName: "dev2", IpAddress: "203.0.113.20" })],
  ["CreateVpnConnection#spd", (g) => ({
    VpcId: g.CreateVpc.Vpc.VpcId, VpnGatewayId: g.CreateVpnGateway.VpnGateway.VpnGatewayId, CustomerGatewayId: g["CreateCustomerGateway#2"].CustomerGateway.CustomerGatewayId,
    VpnConnectionName: "t2", PreShareKey: PSK, RouteType: "Policy",
    SecurityPolicyDatabases: [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["172.20.0.0/16"] }],
    IKEOptionsSpecification: { PropoEncryAlgorithm: "AES-CBC-256", PropoAuthenAlgorithm: "SHA-256", ExchangeMode: "MAIN", DhGroupName: "GROUP14", IKESaLifetimeSeconds: 86400, IKEVersion: "IKEV2" },
    IPSECOptionsSpecification: { EncryptAlgorithm: "AES-CBC-256", IntegrityAlgorith: "SHA-256", PfsDhGroup: "DH-GROUP14", IPSECSaLifetimeSeconds: 3600 },
  })],
  ["DescribeVpnConnections", (g) => ({ Filters: [{ Name: "vpn-gateway-id", Values: [g.CreateVpnGateway.VpnGateway.VpnGatewayId] }] })],
  ["CreateVpnGatewayRoutes", (g) => ({ VpnGatewayId: g.CreateVpnGateway.VpnGateway.VpnGatewayId,
    Routes: [{ DestinationCidrBlock: "192.168.0.0/16", InstanceType: "VPNCONN", InstanceId: g.CreateVpnConnection.VpnConnection.VpnConnectionId, Priority: 0, Status: "ENABLE" }] })],
  ["DescribeVpnGatewayRoutes", (g) => ({ VpnGatewayId: g.CreateVpnGateway.VpnGateway.VpnGatewayId })],
  ["ModifyVpnGatewayRoutes", (g) => ({ VpnGatewayId: g.CreateVpnGateway.VpnGateway.VpnGatewayId, Routes: [{ RouteId: g.CreateVpnGatewayRoutes.Routes[0].RouteId, Status: "DISABLE" }] })],
  ["DownloadCustomerGatewayConfiguration", (g) => ({ VpnGatewayId: g.CreateVpnGateway.VpnGateway.VpnGatewayId, VpnConnectionId: g.CreateVpnConnection.VpnConnection.VpnConnectionId,
    CustomerGatewayVendor: { Platform: "linux", SoftwareVersion: "5.9", VendorName: "strongswan" }, InterfaceName: "eth0" })],
  ["CreateRoutes", (g) => ({ RouteTableId: g.CreateRouteTable.RouteTable.RouteTableId,
    Routes: [{ DestinationCidrBlock: "192.168.0.0/16", GatewayType: "VPN", GatewayId: g.CreateVpnGateway.VpnGateway.VpnGatewayId }] })],
  ["DeleteRoutes", (g) => ({ RouteTableId: g.CreateRouteTable.RouteTable.RouteTableId, Routes: [{ RouteId: g.CreateRoutes.RouteTableSet[0].RouteSet[0].RouteId }] })],
  ["CreateCcn", () => ({ CcnName: "hub" })],
  ["AttachCcnInstances", (g) => ({ CcnId: g.CreateCcn.Ccn.CcnId, Instances: [{ InstanceId: g.CreateVpc.Vpc.VpcId, InstanceRegion: "ap-guangzhou", InstanceType: "VPC" }] })],
  ["DescribeCcnRoutes", (g) => ({ CcnId: g.CreateCcn.Ccn.CcnId })],
  ["DescribeCcns", (g) => ({ CcnIds: [g.CreateCcn.Ccn.CcnId] })],
  ["DescribeCcnAttachedInstances", (g) => ({ CcnId: g.CreateCcn.Ccn.CcnId })],
  ["DetachCcnInstances", (g) => ({ CcnId: g.CreateCcn.Ccn.CcnId, Instances: [{ InstanceId: g.CreateVpc.Vpc.VpcId, InstanceRegion: "ap-guangzhou", InstanceType: "VPC" }] })],
  ["DeleteCcn", (g) => ({ CcnId: g.CreateCcn.Ccn.CcnId })],
  ...peeringSteps(""),
  ...peeringSteps("Ex"),
  ["DeleteVpnGatewayRoutes", (g) => ({ VpnGatewayId: g.CreateVpnGateway.VpnGateway.VpnGatewayId, RouteIds: [g.CreateVpnGatewayRoutes.Routes[0].RouteId] })],
  ["DeleteVpnConnection", (g) => ({ VpnGatewayId: g.CreateVpnGateway.VpnGateway.VpnGatewayId, VpnConnectionId: g.CreateVpnConnection.VpnConnection.VpnConnectionId })],
  ["DeleteVpnConnection#spd", (g) => ({ VpnConnectionId: g["CreateVpnConnection#spd"].VpnConnection.VpnConnectionId })],
  ["DeleteCustomerGateway", (g) => ({ CustomerGatewayId: g.CreateCustomerGateway.CustomerGateway.CustomerGatewayId })],
  ["DeleteVpnGateway", (g) => ({ VpnGatewayId: g.CreateVpnGateway.VpnGateway.VpnGatewayId })],
  ["DeleteSubnet", (g) => ({ SubnetId: g.CreateSubnet.Subnet.SubnetId })],
  ["CreateVpc#spare", () => ({ VpcName: "spare", CidrBlock: "10.9.0.0/16" })],
  ["DeleteVpc", (g) => ({ VpcId: g["CreateVpc#spare"].Vpc.VpcId })],
];

/** The peering actions (plain or Ex): cross-account, cross-region, each lifecycle action once. */
function peeringSteps(ex: "" | "Ex"): Step[] {
  const cidr = ex ? "10.3" : "10.2";
  const key = (n: number) => `CreateVpcPeeringConnection${ex}#${n}`;
  const create = (n: number): Step => [key(n), (g) => ({
    SourceVpcId: g.CreateVpc.Vpc.VpcId, DestinationVpcId: g[`CreateVpc#peer${ex}${n}`].Vpc.VpcId, DestinationUin: "100002", DestinationRegion: "ap-shanghai",
    Bandwidth: 100, PeeringConnectionName: `p${n}`,
  })];
  const peerVpc = (n: number): Step => [`CreateVpc#peer${ex}${n}`, () => ({ VpcName: `peer${n}`, CidrBlock: `${cidr}.${n}.0/24` }), "B"];
  const id = (n: number) => (g: Got) => ({ PeeringConnectionId: g[key(n)].PeeringConnectionId });
  return [
    peerVpc(1), peerVpc(2), peerVpc(3),
    create(1),
    ["DescribeVpcPeeringConnections", () => ({})],
    [`AcceptVpcPeeringConnection${ex}`, id(1), "B"],
    [`ModifyVpcPeeringConnection${ex}`, (g) => ({ ...id(1)(g), PeeringConnectionName: "renamed", Bandwidth: 200 })],
    [`DeleteVpcPeeringConnection${ex}`, id(1)],
    create(2),
    [`RejectVpcPeeringConnection${ex}`, id(2), "B"],
    create(3),
    ["admin:AdvanceClock", () => ({ duration: "7d" })],
    [`EnableVpcPeeringConnection${ex}`, id(3), "B"],
    [`DeleteVpcPeeringConnection${ex}`, id(3)],
  ];
}
