import { ResourceType } from "../../lib/core/manifest";

/** The cloud's ID prefix of each low-level type. */
export const ID_PREFIXES: Readonly<Record<ResourceType, string>> = {
  Vpc: "vpc",
  Subnet: "subnet",
  RouteTable: "rtb",
  Route: "rt",
  VpnGateway: "vpngw",
  CustomerGateway: "cgw",
  VpnConnection: "vpnx",
  VpnGatewayRoute: "vpngwrt",
  Ccn: "ccn",
  CcnAttachment: "ccnatt",
  DirectConnectGateway: "dcg",
  PeeringConnection: "pcx",
  IdcSite: "idc",
};

const TYPE_BY_PREFIX = new Map(Object.entries(ID_PREFIXES).map(([type, prefix]) => [prefix, type as ResourceType]));

/**
 * A cloud-style ID from a per-store counter: `vpc-00000001`. Deterministic so
 * that tests and snapshots are stable; base 36 keeps it short like the cloud's.
 */
export function formatId(type: ResourceType, counter: number): string {
  return `${ID_PREFIXES[type]}-${counter.toString(36).padStart(8, "0")}`;
}

/** The type an ID names by its prefix, or undefined when the prefix is not a known one. */
export function typeOfId(id: string): ResourceType | undefined {
  const dash = id.indexOf("-");
  return dash > 0 ? TYPE_BY_PREFIX.get(id.slice(0, dash)) : undefined;
}
