/**
 * The manifest: the deterministic, secret-free description of every low-level
 * resource an app expands into. Synth writes it, `validate` reads it, the
 * Pulumi adapter and the CLI deploy it, and the data plane analyses it.
 *
 * This file is the resource model of DESIGN.md ("Resource model") in types.
 */

import type { VpnGatewayChargeType } from "./gateway-terms";

/** Version of the manifest format; bumped on any incompatible change. */
export const MANIFEST_FORMAT_VERSION = "hybridlink.manifest/v1";

/** Every low-level resource type the engine knows. */
export const RESOURCE_TYPES = [
  "Vpc",
  "Subnet",
  "RouteTable",
  "Route",
  "VpnGateway",
  "CustomerGateway",
  "VpnConnection",
  "VpnGatewayRoute",
  "Ccn",
  "CcnAttachment",
  "DirectConnectGateway",
  "PeeringConnection",
  "IdcSite",
] as const;

export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** A reference to an attribute of another resource, known only after it exists. */
export interface Ref {
  /** Logical ID of the referenced resource. */
  readonly ref: string;
  /** Attribute name: `id` for every type, `publicIp` for VPN gateways, `state` for peerings. */
  readonly attr: string;
}

/** Where a pre-shared key comes from at deploy time; the value itself is never in the manifest. */
export type SecretSource =
  | { readonly source: "env"; readonly name: string }
  | { readonly source: "pulumi-config"; readonly key: string };

/** A secret input: only its source is recorded. */
export interface SecretRef {
  readonly secret: SecretSource;
}

export function isRef(value: unknown): value is Ref {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Ref).ref === "string" &&
    typeof (value as Ref).attr === "string"
  );
}

export function isSecretRef(value: unknown): value is SecretRef {
  if (typeof value !== "object" || value === null) return false;
  const secret = (value as SecretRef).secret as unknown;
  return typeof secret === "object" && secret !== null;
}

export type RouteNextHopType = "PEERING" | "VPN_GATEWAY" | "CCN";
export type VpnGatewayType = "VPC" | "CCN";
export type VpnRouteType = "SPD" | "ROUTE";
export type CcnInstanceType = "VPC" | "VPN_GATEWAY" | "DIRECT_CONNECT_GATEWAY";

export interface VpcSpec {
  readonly name: string;
  readonly region: string;
  readonly cidrs: readonly string[];
}

export interface SubnetSpec {
  readonly name: string;
  readonly vpc: Ref;
  readonly cidr: string;
  readonly routeTable: Ref;
  readonly zone?: string;
}

export interface RouteTableSpec {
  readonly name: string;
  readonly vpc: Ref;
  /** The VPC's main (default) table: subnets without an explicit table use it, published routes land in it. */
  readonly main: boolean;
}

export interface RouteSpec {
  readonly routeTable: Ref;
  readonly destinationCidr: string;
  readonly nextHopType: RouteNextHopType;
  readonly nextHop: Ref;
  readonly enabled: boolean;
}

export interface VpnGatewaySpec {
  readonly name: string;
  readonly region: string;
  readonly type: VpnGatewayType;
  readonly vpc?: Ref;
  readonly bandwidthMbps: number;
  readonly ipsecEnabled: boolean;
  readonly sslEnabled: boolean;
  readonly sslConnections?: number;
  /** How the gateway is billed (seed 001 计费周期); absent: by the hour. */
  readonly chargeType?: VpnGatewayChargeType;
  /** With PREPAID: how many months it is bought for. */
  readonly periodMonths?: number;
}

export interface CustomerGatewaySpec {
  readonly name: string;
  readonly ipAddress: string;
  /** The IDC site whose device this is. */
  readonly site?: Ref;
  /** The region the cloud keeps the record in (seed 001: 选择用户网关的地域); absent: none chosen. */
  readonly region?: string;
  /** Free text for people (seed 001: 描述). */
  readonly description?: string;
}

export interface IdcSiteSpec {
  readonly name: string;
  readonly cidrs: readonly string[];
}

export interface SpdPolicy {
  /** Cloud-side CIDRs (the gateway's local networks). */
  readonly localCidrs: readonly string[];
  /** IDC-side CIDRs. */
  readonly remoteCidrs: readonly string[];
}

export interface IkeOptions {
  readonly version: string;
  readonly encryption: string;
  readonly integrity: string;
  readonly dhGroup: string;
  readonly lifetimeSeconds: number;
  /**
   * IKEv1 only: MAIN or AGGRESSIVE (RFC 2409 §5). IKEv2 has one exchange, so it is absent there.
   *
   * @default - the profile's default mode for IKEv1; none for IKEv2
   */
  readonly exchangeMode?: string;
}

export interface IpsecOptions {
  readonly encryption: string;
  readonly integrity: string;
  readonly pfsDhGroup: string;
  readonly lifetimeSeconds: number;
}

export interface HealthCheck {
  readonly enabled: boolean;
  /** Source of the probes, on the cloud side. */
  readonly localIp: string;
  /** Target of the probes, on the IDC side. */
  readonly remoteIp: string;
  readonly intervalMs: number;
  /** Consecutive failed probes before the tunnel is declared down. */
  readonly retries: number;
}

/**
 * How the IDC device is configured for this tunnel. By default it is the
 * downloaded configuration (same key, same proposals, subnets swapped);
 * overriding it models a misconfigured device.
 */
export interface CustomerDeviceSpec {
  readonly preSharedKey?: SecretRef;
  readonly ikeVersion?: string;
  readonly localCidrs?: readonly string[];
  readonly remoteCidrs?: readonly string[];
}

export interface VpnConnectionSpec {
  readonly name: string;
  readonly vpnGateway: Ref;
  readonly customerGateway: Ref;
  readonly vpc?: Ref;
  readonly preSharedKey: SecretRef;
  readonly routeType: VpnRouteType;
  readonly spdPolicies: readonly SpdPolicy[];
  readonly ike: IkeOptions;
  readonly ipsec: IpsecOptions;
  readonly healthCheck?: HealthCheck;
  readonly customerDevice?: CustomerDeviceSpec;
}

export interface VpnGatewayRouteSpec {
  readonly vpnGateway: Ref;
  readonly destinationCidr: string;
  readonly nextHop: Ref;
  /** tencent vocabulary: 0 preferred, 100 standby. */
  readonly priority?: number;
  /** alibaba vocabulary: 100 preferred, 0 standby. */
  readonly weight?: number;
  readonly publishToVpc: boolean;
  readonly enabled: boolean;
}

export interface CcnSpec {
  readonly name: string;
}

export interface CcnAttachmentSpec {
  readonly ccn: Ref;
  readonly instanceType: CcnInstanceType;
  readonly instance: Ref;
  readonly region: string;
}

export interface DirectConnectGatewaySpec {
  readonly name: string;
  readonly region: string;
  /** On-premises prefixes reached over the dedicated line. */
  readonly onPremPrefixes: readonly string[];
}

export interface PeeringConnectionSpec {
  readonly name: string;
  readonly requesterVpc: Ref;
  readonly accepterVpc: Ref;
  readonly accepterAccount: string;
  /** Cross-region only: the bandwidth cap in Mbps. */
  readonly bandwidthMbps?: number;
  /** Cross-border (non-mainland) peering: the approval ticket that allows it. */
  readonly crossBorderApproval?: string;
}

/** Props of each resource type, by type name. */
export interface ResourcePropsByType {
  Vpc: VpcSpec;
  Subnet: SubnetSpec;
  RouteTable: RouteTableSpec;
  Route: RouteSpec;
  VpnGateway: VpnGatewaySpec;
  CustomerGateway: CustomerGatewaySpec;
  VpnConnection: VpnConnectionSpec;
  VpnGatewayRoute: VpnGatewayRouteSpec;
  Ccn: CcnSpec;
  CcnAttachment: CcnAttachmentSpec;
  DirectConnectGateway: DirectConnectGatewaySpec;
  PeeringConnection: PeeringConnectionSpec;
  IdcSite: IdcSiteSpec;
}

export interface ManifestResource<T extends ResourceType = ResourceType> {
  readonly logicalId: string;
  /** Construct path (for messages); equal to the logical ID for resources built in code. */
  readonly path: string;
  readonly type: T;
  readonly account: string;
  readonly props: ResourcePropsByType[T];
  /** Logical IDs this resource must be created after (references and explicit dependencies). */
  readonly dependsOn: readonly string[];
}

export type IntentKind = "reachable" | "isolated";

/** A declared expectation about the network, checked at synth time and on the engine. */
export interface Intent {
  readonly kind: IntentKind;
  /** Endpoint: logical ID of a Vpc, Subnet, IdcSite or DirectConnectGateway, or an IP address. */
  readonly from: string;
  readonly to: string;
  /** Must also hold when any single device, tunnel or peering has failed. */
  readonly underSingleFailure: boolean;
  /** Construct path of the scope that declared it. */
  readonly path: string;
}

/** A warning the user accepted on a scope, with their reason. */
export interface Acknowledgement {
  readonly path: string;
  readonly ruleId: string;
  readonly reason: string;
}

export interface AppSettings {
  readonly profile: string;
  readonly defaultAccount: string;
  readonly trustedAccounts: readonly string[];
}

export interface Manifest {
  readonly formatVersion: string;
  readonly app: AppSettings;
  readonly resources: readonly ManifestResource[];
  readonly intents: readonly Intent[];
  readonly acknowledgements: readonly Acknowledgement[];
}
