import type { IkeOptions, IpsecOptions, VpnGatewayType } from "../core/manifest";
import type { SecretValue } from "../core/secret";
import type { Ccn } from "../resources/ccn";
import type { CustomerGateway } from "../resources/customer-gateway";
import type { DirectConnectGateway } from "../resources/direct-connect-gateway";
import type { IdcSite } from "../resources/idc-site";
import type { Vpc } from "../resources/vpc";
import type { VpnGateway } from "../resources/vpn-gateway";

/** The values of a VPC a pattern creates for you. */
export interface NewVpcOptions {
  /** Region, from the app's cloud profile (e.g. `ap-guangzhou`). */
  readonly region: string;
  /** CIDR blocks, primary first. */
  readonly cidrs: readonly string[];
  /**
   * Subnets to create (`Subnet1`, `Subnet2`, … on the main route table).
   *
   * @default - none
   */
  readonly subnets?: readonly string[];
  /**
   * Display name.
   *
   * @default - the construct path with `-` for `/` (e.g. `S1-Vpc`)
   */
  readonly name?: string;
  /**
   * Owning account.
   *
   * @default - the app's default account
   */
  readonly account?: string;
}

/** The values of an IDC site a pattern creates for you. */
export interface NewIdcSiteOptions {
  /** The data centre's networks. */
  readonly cidrs: readonly string[];
  /**
   * Display name.
   *
   * @default - the construct path with `-` for `/` (e.g. `S1-Idc`)
   */
  readonly name?: string;
}

/** The values of a VPN gateway a pattern creates for you (child `VpnGateway`). */
export interface NewVpnGatewayOptions {
  /**
   * `VPC`: delivers into the pattern's VPC. `CCN`: joins a CCN (or none, for IDC-only transit).
   *
   * @default - "VPC" when the pattern has a VPC, "CCN" otherwise
   */
  readonly type?: VpnGatewayType;
  /**
   * Region; required for a CCN-type gateway, which has no VPC to take it from.
   *
   * @default - the VPC's region
   */
  readonly region?: string;
  /**
   * Public bandwidth in Mbps, from the profile's set.
   *
   * @default 100
   */
  readonly bandwidthMbps?: number;
  /**
   * Display name.
   *
   * @default - the construct path with `-` for `/` (e.g. `Hub-VpnGateway`)
   */
  readonly name?: string;
}

/** A VPN gateway: an existing one, or the values of one to create. */
export type VpnGatewaySource = VpnGateway | NewVpnGatewayOptions;

/** A VPC: an existing one, or the values of one to create. */
export type VpcSource = Vpc | NewVpcOptions;

/** An IDC site: an existing one, or the values of one to create. */
export type IdcSiteSource = IdcSite | NewIdcSiteOptions;

/** An IDC VPN device: an existing customer gateway of the site, or the static public IPv4 of one to create. */
export type DeviceSource = CustomerGateway | string;

/** Which end of a failover pair a tunnel is. */
export type TunnelRole = "active" | "standby";

/**
 * How a tunnel's health check probes. Probes go from an address on the cloud
 * side to an address in the IDC; when they fail `retries` times in a row the
 * tunnel is declared down and routes fail over.
 */
export interface TunnelHealthCheckOptions {
  /**
   * Whether the tunnel is probed. Failover patterns refuse `false`.
   *
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Probe source, an address inside the cloud networks of the gateway.
   *
   * @default - the last usable address of the first cloud CIDR
   */
  readonly localIp?: string;
  /**
   * Probe target, an address inside the IDC's networks that answers.
   *
   * @default - the first usable address of the IDC's first CIDR (usually its router)
   */
  readonly remoteIp?: string;
  /**
   * Milliseconds between probes.
   *
   * @default - the profile's default (tencent 2000, alibaba 3000)
   */
  readonly intervalMs?: number;
  /**
   * Failed probes in a row before the tunnel is declared down.
   *
   * @default - the profile's default (3)
   */
  readonly retries?: number;
}

/** One IPsec tunnel from the cloud gateway to an IDC device. */
export interface TunnelOptions {
  /** The IDC device at the other end: a customer gateway of the site, or the public IPv4 of a new one. */
  readonly device: DeviceSource;
  /** The pre-shared key of this connection: a secret read at deploy time, never a literal. */
  readonly preSharedKey: SecretValue;
  /**
   * Health check of this tunnel; merged over the pattern-wide `healthCheck`.
   *
   * @default - the pattern-wide health check
   */
  readonly healthCheck?: TunnelHealthCheckOptions;
  /**
   * IKE phase-1 options.
   *
   * @default - the profile's defaults
   */
  readonly ike?: Partial<IkeOptions>;
  /**
   * IPsec phase-2 options.
   *
   * @default - the profile's defaults
   */
  readonly ipsec?: Partial<IpsecOptions>;
}

/**
 * The cloud connect network (CCN, 云联网) a CCN-type gateway joins, and the
 * cloud networks on it that the IDCs reach. The pattern attaches the gateway
 * and every network listed (unless already attached to that CCN); attached
 * VPCs learn the CCN's routes, so no VPC routes are needed.
 */
export interface CcnOptions {
  /**
   * The CCN to join.
   *
   * @default - a new CCN, child `Ccn` of the pattern
   */
  readonly ccn?: Ccn;
  /**
   * VPCs on the CCN (any region of the profile).
   *
   * @default - none
   */
  readonly vpcs?: readonly Vpc[];
  /**
   * Direct-connect gateways on the CCN (专线网络).
   *
   * @default - none
   */
  readonly directConnectGateways?: readonly DirectConnectGateway[];
}
