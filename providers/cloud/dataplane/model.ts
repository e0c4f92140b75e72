import { CcnInstanceType, RouteNextHopType, SpdPolicy, VpnGatewayType, VpnRouteType } from "../../../lib";
import { CloudProfile, preferenceRank, profileOfRegion } from "../../../lib";
import { NetworkModel } from "../../../lib";
import { ResourceType } from "../../../lib";
import { ResourceRow, Store } from "../store";
import { tunnelStatus } from "./tunnel";

/**
 * The neutral network model of lib/net built from live state at one engine
 * instant: peering states as stored (expiry is applied when the clock
 * advances), gateways available once provisioned, tunnels up only when both
 * ends agree and device, site and tunnel are up, health-check detection on the engine
 * clock, gateway-route ranks from the profile's preference vocabulary.
 * By default every account's resources are included (the simulator operator's
 * view). `visibleTo` narrows it to what one account may analyse: its own
 * resources, plus the VPCs at the other end of its peerings with their subnets,
 * route tables and routes (packets cross accounts there, and replies need them).
 */
export function buildNetworkModel(store: Store, profile: CloudProfile, now: number, visibleTo?: string): NetworkModel {
  const r = visibleTo === undefined ? store.resources : accountView(store, visibleTo);
  const p = <T>(row: ResourceRow) => row.props as unknown as T;
  const deviceUp = (id: string, site?: string) =>
    store.faults.tryGetOpen(id) === undefined && (site === undefined || store.faults.tryGetOpen(site) === undefined);

  return {
    vpcs: r.ofType("Vpc").map((v) => ({
      id: v.id,
      name: p<{ name: string }>(v).name,
      region: v.region!,
      account: v.account,
      cidrs: p<{ cidrs: string[] }>(v).cidrs,
    })),
    subnets: r.ofType("Subnet").map((s) => {
      const sp = p<{ name: string; vpc: string; cidr: string; routeTable: string }>(s);
      return { id: s.id, name: sp.name, vpc: sp.vpc, cidr: sp.cidr, routeTable: sp.routeTable };
    }),
    routeTables: r.ofType("RouteTable").map((t) => ({ id: t.id, vpc: t.props.vpc as string, main: t.props.main === true })),
    routes: r.ofType("Route").map((rt) => {
      const rp = p<{ routeTable: string; destinationCidr: string; nextHopType: RouteNextHopType; nextHop: string; enabled: boolean }>(rt);
      return { id: rt.id, ...rp };
    }),
    vpnGateways: r.ofType("VpnGateway").map((g) => {
      const gp = p<{ name: string; type: VpnGatewayType; vpc?: string; bandwidthMbps?: number }>(g);
      return {
        id: g.id,
        name: gp.name,
        type: gp.type,
        region: g.region!,
        ...(gp.vpc ? { vpc: gp.vpc } : {}),
        available: g.state === "AVAILABLE",
        // As the store has it now: a ModifyVpnGatewayAttribute of the bandwidth shows in the next trace.
        ...(typeof gp.bandwidthMbps === "number" ? { bandwidthMbps: gp.bandwidthMbps } : {}),
      };
    }),
    connections: r.ofType("VpnConnection").map((c) => {
      const cp = p<{ name: string; vpnGateway: string; customerGateway: string; routeType: VpnRouteType; spdPolicies: SpdPolicy[] }>(c);
      const status = tunnelStatus(c, store, now);
      return {
        id: c.id,
        name: cp.name,
        gateway: cp.vpnGateway,
        customerGateway: cp.customerGateway,
        routeType: cp.routeType,
        // The SPD as negotiated: a device proposing other selectors narrows it (RFC 7296 §2.9).
        spdPolicies: status.policies ?? cp.spdPolicies,
        tunnelUp: status.tunnelUp,
        routable: status.routable,
        healthCheckEnabled: status.healthCheckEnabled,
        // Why it is down, so a trace can say so (a failed tunnel, a key that differs); never a key.
        ...(!status.tunnelUp && status.detail ? { downReason: status.detail } : {}),
      };
    }),
    gatewayRoutes: r.ofType("VpnGatewayRoute").map((g) => {
      const gp = p<{ vpnGateway: string; destinationCidr: string; nextHop: string; priority?: number; weight?: number; publishToVpc: boolean; enabled: boolean }>(g);
      return {
        id: g.id,
        gateway: gp.vpnGateway,
        destinationCidr: gp.destinationCidr,
        connection: gp.nextHop,
        // Ranked in the vocabulary of the cloud the route lives in (a store may hold several clouds).
        rank: preferenceRank(profileOfRegion(g.region) ?? profile, gp),
        publishToVpc: gp.publishToVpc,
        enabled: gp.enabled,
      };
    }),
    ccns: r.ofType("Ccn").map((c) => ({ id: c.id, name: p<{ name: string }>(c).name })),
    ccnAttachments: r.ofType("CcnAttachment").map((a) => {
      const ap = p<{ ccn: string; instanceType: CcnInstanceType; instance: string }>(a);
      return { id: a.id, ccn: ap.ccn, instanceType: ap.instanceType, instance: ap.instance };
    }),
    directConnectGateways: r.ofType("DirectConnectGateway").map((d) => {
      const dp = p<{ name: string; onPremPrefixes: string[] }>(d);
      return { id: d.id, name: dp.name, region: d.region!, onPremPrefixes: dp.onPremPrefixes };
    }),
    peerings: r.ofType("PeeringConnection").map((pc) => {
      const pp = p<{ name: string; requesterVpc: string; accepterVpc: string; bandwidthMbps?: number }>(pc);
      return {
        id: pc.id,
        name: pp.name,
        requesterVpc: pp.requesterVpc,
        accepterVpc: pp.accepterVpc,
        state: pc.state!,
        ...(typeof pp.bandwidthMbps === "number" ? { bandwidthMbps: pp.bandwidthMbps } : {}),
      };
    }),
    idcSites: r.ofType("IdcSite").map((s) => {
      const sp = p<{ name: string; cidrs: string[] }>(s);
      return { id: s.id, name: sp.name, cidrs: sp.cidrs };
    }),
    customerGateways: r.ofType("CustomerGateway").map((g) => {
      const gp = p<{ name: string; ipAddress: string; site?: string }>(g);
      return { id: g.id, name: gp.name, ipAddress: gp.ipAddress, ...(gp.site ? { site: gp.site } : {}), up: deviceUp(g.id, gp.site) };
    }),
  };
}

/** The rows of each type that one account may analyse. */
function accountView(store: Store, account: string): { ofType(type: ResourceType): ResourceRow[] } {
  const all = (type: ResourceType) => store.resources.ofType(type);
  const peerings = all("PeeringConnection").filter((p) => p.account === account || p.peerAccount === account);
  const vpcs = new Set(all("Vpc").filter((v) => v.account === account).map((v) => v.id));
  for (const p of peerings) {
    vpcs.add(p.props.requesterVpc as string);
    vpcs.add(p.props.accepterVpc as string);
  }
  const tables = new Set(all("RouteTable").filter((t) => vpcs.has(t.props.vpc as string)).map((t) => t.id));
  const visible = (row: ResourceRow): boolean => {
    switch (row.type) {
      case "Vpc":
        return vpcs.has(row.id);
      case "Subnet":
      case "RouteTable":
        return vpcs.has(row.props.vpc as string);
      case "Route":
        return tables.has(row.props.routeTable as string);
      case "PeeringConnection":
        return row.account === account || row.peerAccount === account;
      default:
        return row.account === account;
    }
  };
  return { ofType: (type) => all(type).filter(visible) };
}
