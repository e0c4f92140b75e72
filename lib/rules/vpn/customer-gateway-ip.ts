import { seed } from "../../core/provenance";
import { tryParseIp } from "../../net/cidr";
import { notPublicUnicastBlock } from "../../net/special-addresses";
import { propsOf } from "../private/read";
import { Rule } from "../rule";


/** HL-VPN-002: a customer gateway is a static public unicast IPv4 address. */
export const customerGatewayPublicIp: Rule = {
  id: "HL-VPN-002",
  title: "Customer gateway IP is a public unicast IPv4 address",
  severity: "error",
  source: seed("001", "本地数据中心的网关已经配置了静态公网IP。", "The data centre's gateway has a static public IP configured."),
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
      const reserved = notPublicUnicastBlock(ip);
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
