import { valueText } from "../../core/errors";
import { seed } from "../../core/provenance";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-007: the SSL client count is set only with SSL-VPN enabled. */
export const sslConnectionsNeedSsl: Rule = {
  id: "HL-VPN-007",
  title: "SSL connection count only with SSL-VPN enabled",
  severity: "error",
  source: seed("001", "本选项只有在选择开启了SSL-VPN功能后才可配置。", "This option can only be set once the SSL-VPN function is enabled."),
  rationale: "The number of concurrent SSL clients is a property of the SSL-VPN function; it cannot be set while SSL-VPN is off, and must be a positive whole number.",
  fix: "Enable SSL-VPN (sslEnabled: true) or remove sslConnections; give a positive whole number of clients.",
  *check(context) {
    for (const gateway of context.index.ofType("VpnGateway")) {
      const p = propsOf(gateway);
      if (p.sslConnections === undefined) continue;
      if (p.sslEnabled !== true) {
        yield {
          resource: gateway.logicalId,
          property: "sslConnections",
          message: `sslConnections is ${valueText(p.sslConnections)} but SSL-VPN is disabled; set sslEnabled: true or remove sslConnections.`,
        };
      } else if (typeof p.sslConnections !== "number" || !Number.isInteger(p.sslConnections) || p.sslConnections < 1) {
        yield {
          resource: gateway.logicalId,
          property: "sslConnections",
          message: `sslConnections is ${valueText(p.sslConnections)}; give a positive whole number of concurrent SSL clients (e.g. 5).`,
        };
      }
    }
  },
};
