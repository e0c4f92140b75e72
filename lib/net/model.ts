/**
 * The neutral network model: what the forwarding algorithm needs to know, and
 * nothing about where it came from. Synth-time analysis builds it from a
 * manifest (everything provisioned, same-account peerings active, tunnels up);
 * the engine builds it from live state (peering states, negotiation, device
 * faults, health-check detection on the engine clock). One model, one
 * algorithm, two callers.
 *
 * IDs are opaque strings: logical IDs at synth time, cloud IDs on the engine.
 */
import { CcnInstanceType, RouteNextHopType, SpdPolicy, VpnGatewayType, VpnRouteType } from "../core/manifest";

export interface NetVpc {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly account: string;
  readonly cidrs: readonly string[];
}

export interface NetSubnet {
  readonly id: string;
  readonly name: string;
  readonly vpc: string;
  readonly cidr: string;
  readonly routeTable: string;
}

export interface NetRouteTable {
  readonly id: string;
  readonly vpc: string;
  readonly main: boolean;
}

export interface NetRoute {
  readonly id: string;
  readonly routeTable: string;
  readonly destinationCidr: string;
  readonly nextHopType: RouteNextHopType;
  readonly nextHop: string;
  readonly enabled: boolean;
}

export interface NetVpnGateway {
  readonly id: string;
  readonly name: string;
  readonly type: VpnGatewayType;
  readonly region: string;
  /** The VPC of a VPC-type gateway. */
  readonly vpc?: string;
  /** False while PENDING: no tunnel through it negotiates. */
  readonly available: boolean;
  /**
   * Public bandwidth in Mbps (seed 001: 带宽规格是VPN网关所具备的公网带宽。).
   * That every packet through the gateway's tunnels shares it, so it bounds a
   * path (a trace's bottleneck), is our reading (docs/fidelity.md).
   *
   * @default - unbounded (a model built without it)
   */
  readonly bandwidthMbps?: number;
}

export interface NetConnection {
  readonly id: string;
  readonly name: string;
  readonly gateway: string;
  readonly customerGateway: string;
  readonly routeType: VpnRouteType;
  readonly spdPolicies: readonly SpdPolicy[];
  /** The tunnel carries packets now: negotiated (both ends agree, gateway available) and the device is up. */
  readonly tunnelUp: boolean;
  /**
   * What route selection believes: false once a health check has detected the
   * tunnel down (after interval × retries), true again once it detects recovery.
   * Without a health check it stays true: routes never move (blackhole).
   */
  readonly routable: boolean;
  readonly healthCheckEnabled: boolean;
  /**
   * Why the tunnel is down, for people (e.g. the two ends use different IKE
   * versions). Never a secret: at most where a key comes from.
   *
   * @default - no reason recorded
   */
  readonly downReason?: string;
}

export interface NetGatewayRoute {
  readonly id: string;
  readonly gateway: string;
  readonly destinationCidr: string;
  /** The connection (on the same gateway) traffic leaves through. */
  readonly connection: string;
  /** 0 is the preferred route; higher ranks are standby (profile vocabulary already applied). */
  readonly rank: number;
  readonly publishToVpc: boolean;
  readonly enabled: boolean;
}

export interface NetCcn {
  readonly id: string;
  readonly name: string;
}

export interface NetCcnAttachment {
  readonly id: string;
  readonly ccn: string;
  readonly instanceType: CcnInstanceType;
  readonly instance: string;
}

export interface NetDirectConnectGateway {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  /** On-premises prefixes behind the dedicated line; packets to them are delivered there. */
  readonly onPremPrefixes: readonly string[];
}

export interface NetPeering {
  readonly id: string;
  readonly name: string;
  readonly requesterVpc: string;
  readonly accepterVpc: string;
  /** PENDING, ACTIVE, EXPIRED, REJECTED… */
  readonly state: string;
  /**
   * The bandwidth cap of a cross-region peering, in Mbps; it bounds a path.
   *
   * @default - no cap (a same-region peering has none: seed 003 同地域对等连接带宽无上限)
   */
  readonly bandwidthMbps?: number;
}

export interface NetIdcSite {
  readonly id: string;
  readonly name: string;
  readonly cidrs: readonly string[];
}

export interface NetCustomerGateway {
  readonly id: string;
  readonly name: string;
  readonly ipAddress: string;
  /** The site the device belongs to. */
  readonly site?: string;
  /** False while a fault is injected on the device or its whole site. */
  readonly up: boolean;
}

/** Everything the forwarding algorithm reads. */
export interface NetworkModel {
  readonly vpcs: readonly NetVpc[];
  readonly subnets: readonly NetSubnet[];
  readonly routeTables: readonly NetRouteTable[];
  readonly routes: readonly NetRoute[];
  readonly vpnGateways: readonly NetVpnGateway[];
  readonly connections: readonly NetConnection[];
  readonly gatewayRoutes: readonly NetGatewayRoute[];
  readonly ccns: readonly NetCcn[];
  readonly ccnAttachments: readonly NetCcnAttachment[];
  readonly directConnectGateways: readonly NetDirectConnectGateway[];
  readonly peerings: readonly NetPeering[];
  readonly idcSites: readonly NetIdcSite[];
  readonly customerGateways: readonly NetCustomerGateway[];
}
