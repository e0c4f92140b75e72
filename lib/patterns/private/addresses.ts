import { formatIp, tryParseCidr } from "../../net/cidr";

// Default health-check addresses. Clouds hand out low addresses first, so the
// cloud-side probe source takes the top of the block and the IDC target the
// bottom (conventionally the site's router).

/** The first usable host of a block (the address itself for /31 and /32); undefined when not a CIDR. */
export function firstUsableHost(cidr: string): string | undefined {
  const block = tryParseCidr(cidr);
  if (!block) return undefined;
  return formatIp(block.prefix >= 31 ? block.start : block.start + 1);
}

/** The last usable host of a block (the last address for /31 and /32); undefined when not a CIDR. */
export function lastUsableHost(cidr: string): string | undefined {
  const block = tryParseCidr(cidr);
  if (!block) return undefined;
  return formatIp(block.prefix >= 31 ? block.end : block.end - 1);
}
