import { IDC_SITE_TAG } from "../cloud";
import type { JsonObject } from "../cloud";
import { CloudKind, CloudPort, iso, list, notFound, one, periodOf, s, unsupported } from "./kind";
import { publish, publishedRoute, unpublishIfLast } from "./tencent-publish";

/**
 * VPN gateways, customer gateways, connections, gateway routes and peerings
 * as Tencent Cloud API 3.0 calls (see tencent-kinds.ts). Pre-shared keys go
 * out in CreateVpnConnection's PreShareKey and never come back: Describe
 * returns none, as the cloud's.
 */


const VPN_GATEWAY: CloudKind = {
  create(p, port) {
    const region = s(p.region);
    // cloud-api: Type CCN makes a gateway for a CCN (no VpcId); IPSEC and SSL attach to a VPC.
    const out = port.call(region, "CreateVpnGateway", {
      ...(p.type === "CCN" ? {} : { VpcId: p.vpc }),
      VpnGatewayName: p.name,
      InternetMaxBandwidthOut: p.bandwidthMbps,
      Type: p.type === "CCN" ? "CCN" : p.sslEnabled === true ? "SSL" : "IPSEC",
      ...(p.sslConnections !== undefined ? { MaxConnection: p.sslConnections } : {}),
      // cloud-api: InstanceChargeType and InstanceChargePrepaid.Period, in the engine's own words.
      ...(p.chargeType !== undefined ? { InstanceChargeType: p.chargeType } : {}),
      ...(p.periodMonths !== undefined ? { InstanceChargePrepaid: { Period: p.periodMonths } } : {}),
    });
    const id = s((out.VpnGateway as Record<string, unknown>).VpnGatewayId);
    port.remember(id, region);
    return VPN_GATEWAY.describe(id, port);
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const gw = one(port.call(region, "DescribeVpnGateways", { VpnGatewayIds: [id] }).VpnGatewaySet, "VPN gateway", id);
    return {
      id,
      account: port.account,
      name: gw.VpnGatewayName,
      region,
      type: gw.Type === "CCN" ? "CCN" : "VPC",
      ...(gw.Type === "CCN" ? {} : { vpc: gw.VpcId }),
      bandwidthMbps: gw.InternetMaxBandwidthOut,
      // Only a subscription is said: the engine leaves the by-the-hour default unsaid, as the manifest does.
      ...(gw.InstanceChargeType === "PREPAID" ? { chargeType: "PREPAID", ...periodOf(iso(gw.CreatedTime), iso(gw.ExpiredTime)) } : {}),
      ipsecEnabled: gw.Type !== "SSL",
      sslEnabled: gw.Type === "SSL",
      publicIp: gw.PublicIpAddress,
      state: gw.State,
      createdAt: iso(gw.CreatedTime),
    };
  },
  delete(id, port) {
    port.call(port.regionOf(id), "DeleteVpnGateway", { VpnGatewayId: id });
  },
};

const CUSTOMER_GATEWAY: CloudKind = {
  create(p, port) {
    // Its own region when it names one; else, our assumption, the app's first region: the engine's are account-wide, so any region finds it.
    const region = typeof p.region === "string" ? p.region : port.defaultRegion();
    const out = port.call(region, "CreateCustomerGateway", {
      CustomerGatewayName: p.name,
      IpAddress: p.ipAddress,
      ...(p.site !== undefined ? { Tags: [{ Key: IDC_SITE_TAG, Value: p.site }] } : {}),
    });
    const id = s((out.CustomerGateway as Record<string, unknown>).CustomerGatewayId);
    port.remember(id, region);
    return { ...CUSTOMER_GATEWAY.describe(id, port), ...(p.site !== undefined ? { site: p.site } : {}) };
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const cgw = one(port.call(region, "DescribeCustomerGateways", { CustomerGatewayIds: [id] }).CustomerGatewaySet, "customer gateway", id);
    return { id, account: port.account, name: cgw.CustomerGatewayName, ipAddress: cgw.IpAddress, region, createdAt: iso(cgw.CreatedTime) };
  },
  delete(id, port) {
    port.call(port.regionOf(id), "DeleteCustomerGateway", { CustomerGatewayId: id });
  },
};

function connectionItem(c: Record<string, unknown>, region: string, port: CloudPort): JsonObject {
  const ike = (c.IKEOptionsSpecification ?? {}) as Record<string, unknown>;
  const ipsec = (c.IPSECOptionsSpecification ?? {}) as Record<string, unknown>;
  const hc = c.HealthCheckConfig as Record<string, unknown> | undefined;
  return {
    id: s(c.VpnConnectionId),
    account: port.account,
    name: c.VpnConnectionName,
    vpnGateway: c.VpnGatewayId,
    customerGateway: c.CustomerGatewayId,
    vpc: c.VpcId,
    routeType: c.RouteType === "StaticRoute" ? "ROUTE" : "SPD",
    spdPolicies: list(c.SecurityPolicyDatabaseSet).map((p) => ({ localCidrs: [s(p.LocalCidrBlock)], remoteCidrs: (p.RemoteCidrBlock as string[]) ?? [] })),
    ike: { version: ike.IKEVersion, encryption: ike.PropoEncryAlgorithm, integrity: ike.PropoAuthenAlgorithm, dhGroup: ike.DhGroupName, lifetimeSeconds: ike.IKESaLifetimeSeconds },
    ipsec: { encryption: ipsec.EncryptAlgorithm, integrity: ipsec.IntegrityAlgorithm ?? ipsec.IntegrityAlgorith, pfsDhGroup: ipsec.PfsDhGroup, lifetimeSeconds: ipsec.IPSECSaLifetimeSeconds },
    ...(c.EnableHealthCheck === true
      ? { healthCheck: { enabled: true, localIp: c.HealthCheckLocalIp, remoteIp: c.HealthCheckRemoteIp, intervalMs: hc?.ProbeInterval, retries: hc?.ProbeThreshold } }
      : {}),
    state: c.State,
    tunnelUp: c.NetStatus === "AVAILABLE",
    region,
    createdAt: iso(c.CreatedTime),
  };
}

const VPN_CONNECTION: CloudKind = {
  create(p, port) {
    if (p.customerDevice !== undefined) {
      throw unsupported("customerDevice", "how the on-premises device is configured is the simulator's, not the cloud API's: the endpoint path cannot send it. Drop it (the device then runs the downloaded configuration) or use the in-process engine.");
    }
    const gateway = s(p.vpnGateway);
    const region = port.regionOf(gateway);
    const ike = (p.ike ?? {}) as JsonObject;
    const ipsec = (p.ipsec ?? {}) as JsonObject;
    const hc = p.healthCheck as JsonObject | undefined;
    const out = port.call(region, "CreateVpnConnection", {
      VpnGatewayId: gateway,
      CustomerGatewayId: p.customerGateway,
      ...(p.vpc !== undefined ? { VpcId: p.vpc } : {}),
      VpnConnectionName: p.name,
      PreShareKey: p.preSharedKey,
      RouteType: p.routeType === "ROUTE" ? "StaticRoute" : "Policy",
      ...(p.routeType === "ROUTE"
        ? {}
        : {
            SecurityPolicyDatabases: ((p.spdPolicies as JsonObject[]) ?? []).flatMap((policy) =>
              ((policy.localCidrs as string[]) ?? []).map((local) => ({ LocalCidrBlock: local, RemoteCidrBlock: policy.remoteCidrs })),
            ),
          }),
      IKEOptionsSpecification: { IKEVersion: ike.version, PropoEncryAlgorithm: ike.encryption, PropoAuthenAlgorithm: ike.integrity, DhGroupName: ike.dhGroup, IKESaLifetimeSeconds: ike.lifetimeSeconds, ExchangeMode: ike.exchangeMode },
      IPSECOptionsSpecification: { EncryptAlgorithm: ipsec.encryption, IntegrityAlgorith: ipsec.integrity, PfsDhGroup: ipsec.pfsDhGroup, IPSECSaLifetimeSeconds: ipsec.lifetimeSeconds },
      ...(hc?.enabled === true
        ? { EnableHealthCheck: true, HealthCheckLocalIp: hc.localIp, HealthCheckRemoteIp: hc.remoteIp, HealthCheckConfig: { ProbeType: "NQA", ProbeInterval: hc.intervalMs, ProbeThreshold: hc.retries } }
        : {}),
    });
    const id = s((out.VpnConnection as Record<string, unknown>).VpnConnectionId);
    port.remember(id, region);
    return VPN_CONNECTION.describe(id, port);
  },
  describe(id, port) {
    const region = port.regionOf(id);
    return connectionItem(one(port.call(region, "DescribeVpnConnections", { VpnConnectionIds: [id] }).VpnConnectionSet, "VPN connection", id), region, port);
  },
  delete(id, port) {
    port.call(port.regionOf(id), "DeleteVpnConnection", { VpnConnectionId: id });
  },
};

/**
 * Tencent lists a gateway's routes only through the gateway (DescribeVpnGatewayRoutes by
 * VpnGatewayId): the engine-side ID is `<gateway>|<RouteId>` (our encoding), so any
 * later process finds the route again.
 */
function gatewayRouteItem(r: Record<string, unknown>, gateway: string, port: CloudPort): JsonObject {
  return {
    id: `${gateway}|${s(r.RouteId)}`,
    account: port.account,
    vpnGateway: gateway,
    destinationCidr: r.DestinationCidrBlock,
    nextHop: r.InstanceId,
    priority: r.Priority,
    enabled: r.Status !== "DISABLE",
    createdAt: iso(r.CreateTime),
  };
}

function findGatewayRoute(id: string, port: CloudPort): { route: Record<string, unknown>; gateway: string; routeId: string } {
  const [gateway, routeId] = id.split("|");
  if (!gateway || !routeId) throw notFound("VPN gateway route", id);
  const route = list(port.call(port.regionOf(gateway), "DescribeVpnGatewayRoutes", { VpnGatewayId: gateway }).Routes).find((r) => r.RouteId === routeId);
  if (!route) throw notFound("VPN gateway route", id);
  return { route, gateway, routeId };
}

const VPN_GATEWAY_ROUTE: CloudKind = {
  create(p, port) {
    if (p.weight !== undefined) throw unsupported("weight", "Tencent's gateway routes take Priority (0 or 100), not Weight (Alibaba's).");
    const gateway = s(p.vpnGateway);
    const out = port.call(port.regionOf(gateway), "CreateVpnGatewayRoutes", {
      VpnGatewayId: gateway,
      Routes: [{ DestinationCidrBlock: p.destinationCidr, InstanceType: "VPNCONN", InstanceId: p.nextHop, Priority: p.priority ?? 0, Status: p.enabled === false ? "DISABLE" : "ENABLE" }],
    });
    const item = gatewayRouteItem(one(out.Routes, "VPN gateway route to", s(p.destinationCidr)), gateway, port);
    if (p.publishToVpc !== true) return { ...item, publishToVpc: false };
    try {
      publish(gateway, s(p.destinationCidr), port);
    } catch (err) {
      // All or nothing: the gateway route goes again when its publication is refused.
      VPN_GATEWAY_ROUTE.delete(s(item.id), port);
      throw err;
    }
    return { ...item, publishToVpc: true };
  },
  describe(id, port) {
    const { route, gateway } = findGatewayRoute(id, port);
    const item = gatewayRouteItem(route, gateway, port);
    return { ...item, publishToVpc: publishedRoute(gateway, s(item.destinationCidr), port) !== undefined };
  },
  modify(p, port) {
    const { gateway, routeId } = findGatewayRoute(s(p.id), port);
    if (p.enabled === undefined || Object.keys(p).some((k) => k !== "id" && k !== "enabled")) {
      throw unsupported("VpnGatewayRoute", "ModifyVpnGatewayRoutes changes a route's Status only: change 'enabled', or replace the route.");
    }
    port.call(port.regionOf(gateway), "ModifyVpnGatewayRoutes", { VpnGatewayId: gateway, Routes: [{ RouteId: routeId, Status: p.enabled === true ? "ENABLE" : "DISABLE" }] });
  },
  delete(id, port) {
    const { gateway, routeId, route } = findGatewayRoute(id, port);
    port.call(port.regionOf(gateway), "DeleteVpnGatewayRoutes", { VpnGatewayId: gateway, RouteIds: [routeId] });
    unpublishIfLast(gateway, s(route.DestinationCidrBlock), port);
  },
};

const PEERING: CloudKind = {
  create(p, port) {
    const requester = s(p.requesterVpc);
    const region = port.regionOf(requester);
    if (p.crossBorderApproval !== undefined) throw unsupported("crossBorderApproval", "a cross-border approval is a ticket with the cloud, not an API field: the endpoint path cannot send it.");
    // The accepter's VPC may be another account's: its region is looked up with that account's key.
    const accepterRegion = port.regionOf(s(p.accepterVpc), s(p.accepterAccount) || port.account);
    const out = port.call(region, "CreateVpcPeeringConnection", {
      SourceVpcId: requester,
      PeeringConnectionName: p.name,
      DestinationVpcId: p.accepterVpc,
      DestinationUin: p.accepterAccount ?? port.account,
      DestinationRegion: accepterRegion,
      ...(p.bandwidthMbps !== undefined ? { Bandwidth: p.bandwidthMbps } : {}),
    });
    const id = s(out.PeeringConnectionId);
    port.remember(id, region);
    return PEERING.describe(id, port);
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const pc = one(port.call(region, "DescribeVpcPeeringConnections", { PeeringConnectionIds: [id] }).PeerConnectionSet, "peering connection", id);
    return {
      id,
      account: typeof pc.SourceUin === "number" && pc.SourceUin > 0 ? String(pc.SourceUin) : port.account,
      name: pc.PeeringConnectionName,
      requesterVpc: pc.SourceVpcId,
      accepterVpc: pc.PeerVpcId ?? pc.DestinationVpcId,
      accepterAccount: typeof pc.DestinationUin === "number" && pc.DestinationUin > 0 ? String(pc.DestinationUin) : port.account,
      bandwidthMbps: pc.Bandwidth,
      state: pc.State,
      requesterRegion: pc.SourceRegion,
      accepterRegion: pc.DestinationRegion,
      createdAt: iso(pc.CreateTime),
    };
  },
  modify(p, port) {
    port.call(port.regionOf(s(p.id)), "ModifyVpcPeeringConnection", {
      PeeringConnectionId: p.id,
      ...(p.name !== undefined ? { PeeringConnectionName: p.name } : {}),
      ...(p.bandwidthMbps !== undefined ? { Bandwidth: p.bandwidthMbps } : {}),
    });
  },
  delete(id, port) {
    port.call(port.regionOf(id), "DeleteVpcPeeringConnection", { PeeringConnectionId: id });
  },
};

export const TENCENT_VPN_KINDS: Readonly<Record<string, CloudKind>> = {
  VpnGateway: VPN_GATEWAY,
  CustomerGateway: CUSTOMER_GATEWAY,
  VpnConnection: VPN_CONNECTION,
  VpnGatewayRoute: VPN_GATEWAY_ROUTE,
  PeeringConnection: PEERING,
};
