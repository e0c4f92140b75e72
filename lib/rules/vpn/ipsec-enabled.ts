import { seed } from "../../core/provenance";
import { factsOf } from "../private/facts";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-022: IPsec connections need IPsec-VPN enabled on their gateway. */
export const ipsecEnabledForConnections: Rule = {
  id: "HL-VPN-022",
  title: "IPsec connections need IPsec-VPN enabled on the gateway",
  severity: "error",
  source: seed("001", "选择开启IPsec-VPN功能。", "(IPsec-VPN:) choose to enable the IPsec-VPN function."),
  rationale: "IPsec connections run on the gateway's IPsec-VPN function; with it switched off none of them can be created.",
  fix: "Set ipsecEnabled: true on the gateway, or remove its IPsec connections.",
  *check(context) {
    const facts = factsOf(context);
    for (const gateway of context.index.ofType("VpnGateway")) {
      if (propsOf(gateway).ipsecEnabled !== false) continue;
      const connections = facts.connectionsOf(gateway.logicalId);
      if (connections.length === 0) continue;
      yield {
        resource: gateway.logicalId,
        property: "ipsecEnabled",
        message: `IPsec-VPN is disabled but the gateway has ${connections.length} IPsec connection${connections.length === 1 ? "" : "s"} ('${connections[0].path}'${connections.length > 1 ? ", …" : ""}); set ipsecEnabled: true or remove the connections.`,
      };
    }
  },
};
