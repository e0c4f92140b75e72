import { ManifestResource, SpdPolicy } from "../../core/manifest";
import { Cidr } from "../../net/cidr";
import { parsedCidr, propsOf } from "./read";

/** One SPD selector block with where it came from. */
export interface SpdBlock {
  readonly property: string;
  readonly cidr: Cidr;
}

/** The parsed local or remote selector blocks of a connection's SPD policies. */
export function spdBlocks(connection: ManifestResource<"VpnConnection">, side: keyof SpdPolicy): SpdBlock[] {
  const policies = propsOf(connection).spdPolicies;
  if (!Array.isArray(policies)) return [];
  const blocks: SpdBlock[] = [];
  policies.forEach((policy: Record<string, unknown> | null, i: number) => {
    const list = policy?.[side];
    if (!Array.isArray(list)) return;
    list.forEach((text, j) => {
      const cidr = parsedCidr(text);
      if (cidr) blocks.push({ property: `spdPolicies[${i}].${side}[${j}]`, cidr });
    });
  });
  return blocks;
}

/** True for a policy-based (SPD) connection. */
export function isSpd(connection: ManifestResource<"VpnConnection">): boolean {
  return propsOf(connection).routeType === "SPD";
}
