import { ManifestResource } from "../../core/manifest";
import { ManifestIndex } from "../../core/manifest-index";
import { Cidr, tryParseCidr } from "../../net/cidr";
import { propsOf } from "./read";

/** Called for each CIDR-valued input; `property` builds the input's path (only needed when reporting). */
export type CidrInputVisitor = (resource: ManifestResource, value: unknown, cidr: Cidr | undefined, property: () => string) => void;

function visitOne(visit: CidrInputVisitor, resource: ManifestResource, property: string, value: unknown): void {
  visit(resource, value, typeof value === "string" ? tryParseCidr(value) : undefined, () => property);
}

function visitList(visit: CidrInputVisitor, resource: ManifestResource, property: string, list: unknown): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const value: unknown = list[i];
    visit(resource, value, typeof value === "string" ? tryParseCidr(value) : undefined, () => `${property}[${i}]`);
  }
}

/**
 * Visits every CIDR-valued input in the manifest: VPC and IDC blocks, subnets,
 * VPC and gateway route destinations, direct-connect prefixes, SPD selectors
 * and the device's overrides. Walks only the types that have CIDR inputs, and
 * keeps nothing: the inputs of a large app are many, and retaining them costs
 * more (in garbage collection) than walking them twice.
 */
export function forEachCidrInput(index: ManifestIndex, visit: CidrInputVisitor): void {
  for (const r of index.ofType("Vpc")) visitList(visit, r, "cidrs", propsOf(r).cidrs);
  for (const r of index.ofType("IdcSite")) visitList(visit, r, "cidrs", propsOf(r).cidrs);
  for (const r of index.ofType("Subnet")) visitOne(visit, r, "cidr", propsOf(r).cidr);
  for (const r of index.ofType("Route")) visitOne(visit, r, "destinationCidr", propsOf(r).destinationCidr);
  for (const r of index.ofType("VpnGatewayRoute")) visitOne(visit, r, "destinationCidr", propsOf(r).destinationCidr);
  for (const r of index.ofType("DirectConnectGateway")) visitList(visit, r, "onPremPrefixes", propsOf(r).onPremPrefixes);
  for (const r of index.ofType("VpnConnection")) {
    const p = propsOf(r);
    if (Array.isArray(p.spdPolicies)) {
      for (let i = 0; i < p.spdPolicies.length; i++) {
        const policy = p.spdPolicies[i] as Record<string, unknown> | null;
        visitList(visit, r, `spdPolicies[${i}].localCidrs`, policy?.localCidrs);
        visitList(visit, r, `spdPolicies[${i}].remoteCidrs`, policy?.remoteCidrs);
      }
    }
    const device = p.customerDevice as Record<string, unknown> | undefined;
    if (typeof device === "object" && device !== null) {
      visitList(visit, r, "customerDevice.localCidrs", device.localCidrs);
      visitList(visit, r, "customerDevice.remoteCidrs", device.remoteCidrs);
    }
  }
}
