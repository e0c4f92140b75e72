import { ResourceType } from "../../lib";

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

/**
 * The type and number of a well-formed ID, or undefined for anything
 * formatId could not have produced (unknown prefix, other digits, padding).
 */
export function parseId(id: string): { readonly type: ResourceType; readonly number: number } | undefined {
  const type = typeOfId(id);
  if (type === undefined) return undefined;
  const number = parseInt(id.slice(ID_PREFIXES[type].length + 1), 36);
  return Number.isSafeInteger(number) && formatId(type, number) === id ? { type, number } : undefined;
}
