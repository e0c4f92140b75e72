import { Cidr, ipInCidr, parseCidr, tryParseIp } from "../../net/cidr";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

/**
 * Address blocks a VPN device cannot be reached at from the Internet. The
 * documentation (RFC 5737) and benchmarking (RFC 2544) blocks are allowed on
 * purpose: examples and tests against the simulated cloud use them.
 */
const NOT_PUBLIC: readonly { block: Cidr; what: string }[] = [
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

/** HL-VPN-002: a customer gateway is a static public unicast IPv4 address. */
export const customerGatewayPublicIp: Rule = {
  id: "HL-VPN-002",
  title: "Customer gateway IP is a public unicast IPv4 address",
  severity: "error",
  source: "001_31a3006ea02bfdf7.txt (本地数据中心的网关已经配置了静态公网IP); tencentcloud Terraform tencentcloud_vpn_customer_gateway public_ip_address",
  rationale:
    "The cloud's VPN gateway negotiates IKE with the device over the Internet, so the device needs a static public unicast address; private, loopback, link-local, shared (100.64/10), multicast and reserved addresses cannot be reached.",
  fix: "Use the public IPv4 address of the IDC's VPN device (or of the NAT in front of it), a.b.c.d without a prefix. The documentation (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and benchmarking (198.18.0.0/15) blocks are accepted so examples run against the simulated cloud.",
  *check(context) {
    for (const cgw of context.index.ofType("CustomerGateway")) {
      const address = propsOf(cgw).ipAddress;
      const ip = typeof address === "string" ? tryParseIp(address) : undefined;
      if (ip === undefined) {
        yield {
          resource: cgw.logicalId,
          property: "ipAddress",
          message: `ipAddress is ${typeof address === "string" ? `'${address}'` : String(address)}, which is not an IPv4 address; give the device's public IPv4 address as a.b.c.d (no prefix length).`,
        };
        continue;
      }
      const reserved = NOT_PUBLIC.find((r) => ipInCidr(ip, r.block));
      if (reserved) {
        yield {
          resource: cgw.logicalId,
          property: "ipAddress",
          message: `ipAddress ${String(address)} is in ${reserved.block.network}, ${reserved.what}, which is not reachable from the Internet; use the device's static public unicast IPv4 address.`,
        };
      }
    }
  },
};
