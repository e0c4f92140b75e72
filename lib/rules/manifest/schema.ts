import { CcnInstanceType, ResourceType, RouteNextHopType } from "../../core/manifest";
import { VPN_GATEWAY_CHARGE_TYPES } from "../../core/gateway-terms";

/**
 * The shape of each resource type's props, for checking a manifest written by
 * hand (or by another tool). Constructs always produce this shape; the table
 * mirrors the `*Spec` interfaces of lib/core/manifest.ts.
 */
export type PropKind = "string" | "number" | "boolean" | "strings" | "ref" | "secret" | "object" | "objects";

export interface PropSchema {
  readonly kind: PropKind;
  readonly required: boolean;
  /** For `ref`: the type the reference must resolve to, fixed or chosen by a sibling prop. */
  readonly refTo?: ResourceType | ((props: Record<string, unknown>) => ResourceType | undefined);
  /** For `ref`: the rule that checks the target's type instead (it explains the domain mismatch better). */
  readonly typeCheckedBy?: string;
  /** For `object` / `objects`: the fields of the object (or of each item). */
  readonly fields?: Readonly<Record<string, PropSchema>>;
}

const str = { kind: "string", required: true } as const;
const optStr = { kind: "string", required: false } as const;
const num = { kind: "number", required: true } as const;
const optNum = { kind: "number", required: false } as const;
const bool = { kind: "boolean", required: true } as const;
const strings = { kind: "strings", required: true } as const;
const ref = (refTo: PropSchema["refTo"], required = true): PropSchema => ({ kind: "ref", required, refTo });

const NEXT_HOP_TARGET: Record<RouteNextHopType, ResourceType> = {
  PEERING: "PeeringConnection",
  VPN_GATEWAY: "VpnGateway",
  CCN: "Ccn",
};

const ATTACHED_TARGET: Record<CcnInstanceType, ResourceType> = {
  VPC: "Vpc",
  VPN_GATEWAY: "VpnGateway",
  DIRECT_CONNECT_GATEWAY: "DirectConnectGateway",
};

/** The resource type a route's next hop must be, from its `nextHopType`. */
export function nextHopTarget(props: Record<string, unknown>): ResourceType | undefined {
  return NEXT_HOP_TARGET[props.nextHopType as RouteNextHopType];
}

/** The resource type a CCN attachment's instance must be, from its `instanceType`. */
export function attachedTarget(props: Record<string, unknown>): ResourceType | undefined {
  return ATTACHED_TARGET[props.instanceType as CcnInstanceType];
}

export const NEXT_HOP_TYPES = Object.keys(NEXT_HOP_TARGET);
export const CCN_INSTANCE_TYPES = Object.keys(ATTACHED_TARGET);

const IKE: Record<string, PropSchema> = {
  version: str,
  encryption: str,
  integrity: str,
  dhGroup: str,
  lifetimeSeconds: num,
  exchangeMode: optStr,
};

const IPSEC: Record<string, PropSchema> = { encryption: str, integrity: str, pfsDhGroup: str, lifetimeSeconds: num };

const HEALTH_CHECK: Record<string, PropSchema> = {
  enabled: bool,
  localIp: str,
  remoteIp: str,
  intervalMs: num,
  retries: num,
};

const SPD_POLICY: Record<string, PropSchema> = { localCidrs: strings, remoteCidrs: strings };

const CUSTOMER_DEVICE: Record<string, PropSchema> = {
  preSharedKey: { kind: "secret", required: false },
  ikeVersion: optStr,
  localCidrs: { kind: "strings", required: false },
  remoteCidrs: { kind: "strings", required: false },
};

/** Props of every resource type: kind, whether required, and reference targets. */
export const RESOURCE_SCHEMA: Readonly<Record<ResourceType, Readonly<Record<string, PropSchema>>>> = {
  Vpc: { name: str, region: str, cidrs: strings },
  Subnet: { name: str, vpc: ref("Vpc"), cidr: str, routeTable: ref("RouteTable"), zone: optStr },
  RouteTable: { name: str, vpc: ref("Vpc"), main: bool },
  Route: {
    routeTable: ref("RouteTable"),
    destinationCidr: str,
    nextHopType: str,
    nextHop: ref(nextHopTarget),
    enabled: bool,
  },
  VpnGateway: {
    name: str,
    region: str,
    type: str,
    vpc: ref("Vpc", false),
    bandwidthMbps: num,
    ipsecEnabled: bool,
    sslEnabled: bool,
    sslConnections: optNum,
    chargeType: optStr,
    periodMonths: optNum,
  },
  CustomerGateway: { name: str, ipAddress: str, site: ref("IdcSite", false), region: optStr, description: optStr },
  VpnConnection: {
    name: str,
    vpnGateway: ref("VpnGateway"),
    customerGateway: ref("CustomerGateway"),
    vpc: ref("Vpc", false),
    preSharedKey: { kind: "secret", required: true },
    routeType: str,
    spdPolicies: { kind: "objects", required: true, fields: SPD_POLICY },
    ike: { kind: "object", required: true, fields: IKE },
    ipsec: { kind: "object", required: true, fields: IPSEC },
    healthCheck: { kind: "object", required: false, fields: HEALTH_CHECK },
    customerDevice: { kind: "object", required: false, fields: CUSTOMER_DEVICE },
  },
  VpnGatewayRoute: {
    vpnGateway: ref("VpnGateway"),
    destinationCidr: str,
    nextHop: ref("VpnConnection"),
    priority: optNum,
    weight: optNum,
    publishToVpc: bool,
    enabled: bool,
  },
  Ccn: { name: str },
  CcnAttachment: {
    ccn: ref("Ccn"),
    instanceType: str,
    instance: { kind: "ref", required: true, refTo: attachedTarget, typeCheckedBy: "HL-CCN-002" },
    region: str,
  },
  DirectConnectGateway: { name: str, region: str, onPremPrefixes: strings },
  PeeringConnection: {
    name: str,
    requesterVpc: ref("Vpc"),
    accepterVpc: ref("Vpc"),
    accepterAccount: str,
    bandwidthMbps: optNum,
    crossBorderApproval: optStr,
  },
  IdcSite: { name: str, cidrs: strings },
};

/** Enumerated string props: the values the model knows. */
export const ENUMS: Readonly<Partial<Record<ResourceType, Readonly<Record<string, readonly string[]>>>>> = {
  Route: { nextHopType: NEXT_HOP_TYPES },
  VpnGateway: { type: ["VPC", "CCN"], chargeType: VPN_GATEWAY_CHARGE_TYPES },
  VpnConnection: { routeType: ["SPD", "ROUTE"] },
  CcnAttachment: { instanceType: CCN_INSTANCE_TYPES },
};

/** Each type's props as [name, schema] pairs, computed once (rules walk every resource). */
export const SCHEMA_ENTRIES: Readonly<Record<string, readonly (readonly [string, PropSchema])[]>> = Object.fromEntries(
  Object.entries(RESOURCE_SCHEMA).map(([type, fields]) => [type, Object.entries(fields)]),
);

/** Each type's reference props only. */
export const REF_ENTRIES: Readonly<Record<string, readonly (readonly [string, PropSchema])[]>> = Object.fromEntries(
  Object.entries(RESOURCE_SCHEMA).map(([type, fields]) => [type, Object.entries(fields).filter(([, p]) => p.kind === "ref")]),
);

/** `record[key]` only when it is the record's own entry (a type named 'valueOf' finds nothing). */
export function own<V>(record: Readonly<Record<string, V>>, key: unknown): V | undefined {
  return typeof key === "string" && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
