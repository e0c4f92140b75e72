import { prepaidExpiry } from "../../../../lib";
import type * as M from "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_models";
import type { JsonObject } from "../../params";

/**
 * Engine Describe items as Tencent's models (vpc_models.d.ts). Only the fields
 * the engine knows are set; the responder fills every other declared field
 * with its type's zero value (listed as "ignored" by the conformance report).
 */

const s = (v: unknown): string => (typeof v === "string" ? v : "");
/** Tencent shows times as `YYYY-MM-DD hh:mm:ss`. */
export const tencentTime = (iso: unknown): string => (typeof iso === "string" ? iso.slice(0, 19).replace("T", " ") : "");

export function vpcOut(item: JsonObject): M.Vpc {
  const cidrs = (item.cidrs as string[]) ?? [];
  return {
    VpcId: s(item.id),
    VpcName: s(item.name),
    CidrBlock: cidrs[0] ?? "",
    AssistantCidrSet: cidrs.slice(1).map((c) => ({ VpcId: s(item.id), CidrBlock: c, AssistantType: 0, SubnetSet: [] })),
    CreatedTime: tencentTime(item.createdAt),
  };
}

export function subnetOut(item: JsonObject): M.Subnet {
  return {
    SubnetId: s(item.id),
    SubnetName: s(item.name),
    VpcId: s(item.vpc),
    CidrBlock: s(item.cidr),
    Zone: s(item.zone),
    RouteTableId: s(item.routeTable),
    CreatedTime: tencentTime(item.createdAt),
  };
}

/** cloud-api: CreateRoutes' GatewayType values for the next hops the engine models. */
export const GATEWAY_TYPES: Readonly<Record<string, string>> = { VPN: "VPN_GATEWAY", PEERCONNECTION: "PEERING", CCN: "CCN" };
const GATEWAY_TYPE_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(GATEWAY_TYPES).map(([k, v]) => [v, k]));

/** The number a Tencent route ID is: the engine route ID's base-36 number (`rt-0000000a` is 10). */
export function routeNumber(id: string): number {
  return parseInt(id.slice(id.indexOf("-") + 1), 36);
}

export function routeOut(item: JsonObject): M.Route {
  return {
    DestinationCidrBlock: s(item.destinationCidr),
    GatewayType: GATEWAY_TYPE_OF[s(item.nextHopType)] ?? s(item.nextHopType),
    GatewayId: s(item.nextHop),
    RouteId: routeNumber(s(item.id)),
    RouteItemId: s(item.id),
    Enabled: item.enabled === true,
    RouteType: "USER",
    RouteTableId: s(item.routeTable),
    CreatedTime: tencentTime(item.createdAt),
  };
}

export function routeTableOut(item: JsonObject, routes: readonly JsonObject[], subnets: readonly JsonObject[]): M.RouteTable {
  return {
    RouteTableId: s(item.id),
    RouteTableName: s(item.name),
    VpcId: s(item.vpc),
    Main: item.main === true,
    RouteSet: routes.map(routeOut),
    AssociationSet: subnets.map((sn) => ({ SubnetId: s(sn.id), RouteTableId: s(item.id) })),
    CreatedTime: tencentTime(item.createdAt),
  };
}

export function vpnGatewayOut(item: JsonObject): M.VpnGateway {
  return {
    VpnGatewayId: s(item.id),
    VpnGatewayName: s(item.name),
    VpcId: s(item.vpc),
    // cloud-api: Type IPSEC / SSL / CCN; the engine's VPC-type gateway with SSL enabled is SSL.
    Type: item.type === "CCN" ? "CCN" : item.sslEnabled === true ? "SSL" : "IPSEC",
    State: s(item.state),
    PublicIpAddress: s(item.publicIp),
    InternetMaxBandwidthOut: Number(item.bandwidthMbps ?? 0),
    // Absent terms are the API's default, by the hour.
    InstanceChargeType: s(item.chargeType) || "POSTPAID_BY_HOUR",
    CreatedTime: tencentTime(item.createdAt),
    // cloud-api: a subscription's end; the API returns no period.
    ...(item.chargeType === "PREPAID" && typeof item.periodMonths === "number"
      ? { ExpiredTime: tencentTime(prepaidExpiry(s(item.createdAt), item.periodMonths)) }
      : {}),
    NetworkInstanceId: s(item.vpc),
  };
}

export function customerGatewayOut(item: JsonObject): M.CustomerGateway {
  return {
    CustomerGatewayId: s(item.id),
    CustomerGatewayName: s(item.name),
    IpAddress: s(item.ipAddress),
    CreatedTime: tencentTime(item.createdAt),
  };
}

export function vpnConnectionOut(item: JsonObject): M.VpnConnection {
  const ike = (item.ike ?? {}) as JsonObject;
  const ipsec = (item.ipsec ?? {}) as JsonObject;
  const hc = item.healthCheck as JsonObject | undefined;
  return {
    VpnConnectionId: s(item.id),
    VpnConnectionName: s(item.name),
    VpcId: s(item.vpc),
    VpnGatewayId: s(item.vpnGateway),
    CustomerGatewayId: s(item.customerGateway),
    // Never the key: secrets are not returned by any Describe.
    PreShareKey: "",
    VpnProto: "IPSEC",
    RouteType: item.routeType === "ROUTE" ? "StaticRoute" : "Policy",
    CreatedTime: tencentTime(item.createdAt),
    State: "AVAILABLE",
    NetStatus: item.tunnelUp === true ? "AVAILABLE" : "UNAVAILABLE",
    SecurityPolicyDatabaseSet: ((item.spdPolicies as JsonObject[]) ?? []).flatMap((p) =>
      ((p.localCidrs as string[]) ?? []).map((local) => ({ LocalCidrBlock: local, RemoteCidrBlock: [...((p.remoteCidrs as string[]) ?? [])] })),
    ),
    IKEOptionsSpecification: {
      PropoEncryAlgorithm: s(ike.encryption),
      PropoAuthenAlgorithm: s(ike.integrity),
      ExchangeMode: s(ike.exchangeMode),
      DhGroupName: s(ike.dhGroup),
      IKESaLifetimeSeconds: Number(ike.lifetimeSeconds ?? 0),
      IKEVersion: s(ike.version),
    },
    IPSECOptionsSpecification: {
      EncryptAlgorithm: s(ipsec.encryption),
      IntegrityAlgorith: s(ipsec.integrity),
      IntegrityAlgorithm: s(ipsec.integrity),
      PfsDhGroup: s(ipsec.pfsDhGroup),
      IPSECSaLifetimeSeconds: Number(ipsec.lifetimeSeconds ?? 0),
    },
    EnableHealthCheck: hc?.enabled === true,
    HealthCheckLocalIp: s(hc?.localIp),
    HealthCheckRemoteIp: s(hc?.remoteIp),
    HealthCheckStatus: item.healthCheckStatus === "UP" ? "AVAILABLE" : item.healthCheckStatus === "DOWN" ? "UNAVAILABLE" : "",
    HealthCheckConfig: hc ? { ProbeType: "NQA", ProbeInterval: Number(hc.intervalMs), ProbeThreshold: Number(hc.retries), ProbeTimeout: 0 } : undefined,
  };
}

export function vpnGatewayRouteOut(item: JsonObject): M.VpnGatewayRoute {
  return {
    DestinationCidrBlock: s(item.destinationCidr),
    InstanceType: "VPNCONN",
    InstanceId: s(item.nextHop),
    Priority: Number(item.priority ?? 0),
    Status: item.enabled === false ? "DISABLE" : "ENABLE",
    RouteId: s(item.id),
    Type: "Static",
    CreateTime: tencentTime(item.createdAt),
    UpdateTime: tencentTime(item.createdAt),
  };
}

/** The Tencent account ID (a number) of an engine account; 0 when the account is not numeric. */
export const uinOf = (account: unknown): number => (typeof account === "string" && /^\d{1,15}$/.test(account) ? Number(account) : 0);

export function peerConnectionOut(item: JsonObject): M.PeerConnection {
  return {
    PeeringConnectionId: s(item.id),
    PeeringConnectionName: s(item.name),
    SourceVpcId: s(item.requesterVpc),
    PeerVpcId: s(item.accepterVpc),
    DestinationVpcId: s(item.accepterVpc),
    State: s(item.state),
    Bandwidth: Number(item.bandwidthMbps ?? 0),
    SourceRegion: s(item.requesterRegion),
    DestinationRegion: s(item.accepterRegion),
    CreateTime: tencentTime(item.createdAt),
    AppId: uinOf(item.account),
    PeerAppId: uinOf(item.accepterAccount),
    SourceUin: uinOf(item.account),
    DestinationUin: uinOf(item.accepterAccount),
    Type: "VPC_PEER",
  };
}

export function ccnOut(item: JsonObject, instanceCount: number): M.CCN {
  return {
    CcnId: s(item.id),
    CcnName: s(item.name),
    CcnDescription: "",
    InstanceCount: instanceCount,
    CreateTime: tencentTime(item.createdAt),
    State: "AVAILABLE",
  };
}

/** cloud-api: AttachCcnInstances' InstanceType values for the attachments the engine models. */
export const CCN_INSTANCE_TYPES: Readonly<Record<string, string>> = { VPC: "VPC", VPNGW: "VPN_GATEWAY", DIRECTCONNECT: "DIRECT_CONNECT_GATEWAY" };
const CCN_INSTANCE_TYPE_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CCN_INSTANCE_TYPES).map(([k, v]) => [v, k]));

export function ccnRouteOut(item: JsonObject): M.CcnRoute {
  return {
    RouteId: s(item.attachment),
    DestinationCidrBlock: s(item.destinationCidr),
    InstanceType: CCN_INSTANCE_TYPE_OF[s(item.instanceType)] ?? s(item.instanceType),
    InstanceId: s(item.instance),
    InstanceName: s(item.instanceName),
    InstanceRegion: s(item.instanceRegion),
    InstanceUin: s(item.instanceAccount),
    UpdateTime: tencentTime(item.updatedAt),
    Enabled: true,
  };
}
