import { ManifestResource } from "../../core/manifest";
import { ManifestIndex } from "../../core/manifest-index";
import { Cidr, tryParseCidr } from "../../net/cidr";
import { propsOf } from "./read";

/** One CIDR-valued input of a resource, with the property path a provider's check names and its parsed block. */
export interface CidrInput {
  readonly resource: ManifestResource;
  readonly property: string;
  readonly value: unknown;
  /** Undefined when the value is not an IPv4 CIDR block. */
  readonly cidr?: Cidr;
}

function add(out: CidrInput[], resource: ManifestResource, property: string, value: unknown): void {
  out.push({ resource, property, value, cidr: typeof value === "string" ? tryParseCidr(value) : undefined });
}

function addList(out: CidrInput[], resource: ManifestResource, property: string, list: unknown): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) add(out, resource, `${property}[${i}]`, list[i]);
}

/**
 * Every CIDR-valued input in the manifest: VPC and IDC blocks, subnets, VPC and
 * gateway route destinations, direct-connect prefixes, SPD selectors and the
 * device's overrides. Walks only the types that have CIDR inputs.
 */
export function collectCidrInputs(index: ManifestIndex): CidrInput[] {
  const out: CidrInput[] = [];
  for (const r of index.ofType("Vpc")) addList(out, r, "cidrs", propsOf(r).cidrs);
  for (const r of index.ofType("IdcSite")) addList(out, r, "cidrs", propsOf(r).cidrs);
  for (const r of index.ofType("Subnet")) add(out, r, "cidr", propsOf(r).cidr);
  for (const r of index.ofType("Route")) add(out, r, "destinationCidr", propsOf(r).destinationCidr);
  for (const r of index.ofType("VpnGatewayRoute")) add(out, r, "destinationCidr", propsOf(r).destinationCidr);
  for (const r of index.ofType("DirectConnectGateway")) addList(out, r, "onPremPrefixes", propsOf(r).onPremPrefixes);
  for (const r of index.ofType("VpnConnection")) {
    const p = propsOf(r);
    if (Array.isArray(p.spdPolicies)) {
      for (let i = 0; i < p.spdPolicies.length; i++) {
        const policy = p.spdPolicies[i] as Record<string, unknown> | null;
        addList(out, r, `spdPolicies[${i}].localCidrs`, policy?.localCidrs);
        addList(out, r, `spdPolicies[${i}].remoteCidrs`, policy?.remoteCidrs);
      }
    }
    const device = p.customerDevice as Record<string, unknown> | undefined;
    if (typeof device === "object" && device !== null) {
      addList(out, r, "customerDevice.localCidrs", device.localCidrs);
      addList(out, r, "customerDevice.remoteCidrs", device.remoteCidrs);
    }
  }
  return out;
}
