import { Cidr, ipInCidr, parseCidr } from "./cidr";

/**
 * IPv4 blocks a VPN device cannot be reached at from the Internet (seed 001:
 * 本地数据中心的网关已经配置了静态公网IP). The documentation (RFC 5737:
 * 192.0.2/24, 198.51.100/24, 203.0.113/24) and benchmarking (RFC 2544:
 * 198.18/15) blocks are accepted on purpose: examples and tests against the
 * simulated cloud use them as public addresses. Shared by rule HL-VPN-002 and
 * the engine's CreateCustomerGateway so both refuse the same addresses.
 */
export const NOT_PUBLIC_UNICAST: readonly { readonly block: Cidr; readonly what: string }[] = [
  ["0.0.0.0/8", "'this network' (RFC 1122)"],
  ["10.0.0.0/8", "private (RFC 1918)"],
  ["100.64.0.0/10", "shared address space for carrier-grade NAT (RFC 6598)"],
  ["127.0.0.0/8", "loopback (RFC 1122)"],
  ["169.254.0.0/16", "link-local (RFC 3927)"],
  ["172.16.0.0/12", "private (RFC 1918)"],
  ["192.0.0.0/24", "IETF protocol assignments (RFC 6890)"],
  ["192.168.0.0/16", "private (RFC 1918)"],
  ["224.0.0.0/4", "multicast (RFC 5771)"],
  ["255.255.255.255/32", "the limited broadcast address (RFC 919)"],
  ["240.0.0.0/4", "reserved (RFC 1112)"],
].map(([text, what]) => ({ block: parseCidr(text), what }));

/** The special-purpose block an address falls in, or undefined for a public unicast address. */
export function notPublicUnicastBlock(ip: number): { readonly block: Cidr; readonly what: string } | undefined {
  return NOT_PUBLIC_UNICAST.find((r) => ipInCidr(ip, r.block));
}
