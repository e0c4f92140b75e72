import { cloudApi } from "../../core/provenance";
import { tryParseIp } from "../../net/cidr";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-003: two customer gateways never share a public IP. */
export const customerGatewayDistinctIp: Rule = {
  id: "HL-VPN-003",
  title: "Customer gateways have distinct IP addresses",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateCustomerGateway: IpAddress", "a customer gateway is registered by the public IP of one device; the cloud refuses a second customer gateway with the same IP"),
  rationale: "A customer gateway stands for one device by its public IP; two records with one IP are one device, so a 'dual customer gateway' pair built on them has no redundancy and the cloud refuses the duplicate.",
  fix: "Give each device its own public IP, or reuse the one customer gateway for both connections.",
  *check(context) {
    const first = new Map<number, string>();
    for (const cgw of context.index.ofType("CustomerGateway")) {
      const address = propsOf(cgw).ipAddress;
      const ip = typeof address === "string" ? tryParseIp(address) : undefined;
      if (ip === undefined) continue;
      const earlier = first.get(ip);
      if (earlier === undefined) {
        first.set(ip, cgw.logicalId);
        continue;
      }
      yield {
        resource: cgw.logicalId,
        property: "ipAddress",
        message: `ipAddress ${String(address)} is already the address of customer gateway '${context.index.tryGet(earlier)?.path ?? earlier}'; give each device its own public IP, or use that customer gateway instead of a second one.`,
      };
    }
  },
};
