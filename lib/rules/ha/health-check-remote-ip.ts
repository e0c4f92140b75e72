import { cloudApi } from "../../core/provenance";
import { tryParseIp } from "../../net/cidr";
import { factsOf } from "../private/facts";
import { enabledHealthCheck } from "../private/health-check";
import { Rule } from "../rule";

/** HL-HA-003: the health check's target address is in the IDC. */
export const healthCheckRemoteIp: Rule = {
  id: "HL-HA-003",
  title: "Health check destination IP is in the IDC",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpnConnection: HealthCheckRemoteIp", "the probe's destination address, in the IDC behind the tunnel (seed 001 names the field 目的IP but not where it must lie)"),
  rationale: "Probes test the path to the IDC behind the tunnel; a target outside the IDC site's networks is never answered through this tunnel, so a healthy tunnel is declared down.",
  fix: "Use an address inside the IDC site's CIDRs that answers probes (e.g. the device's inside interface) as healthCheck.remoteIp.",
  *check(context) {
    const facts = factsOf(context);
    for (const connection of context.index.ofType("VpnConnection")) {
      const check = enabledHealthCheck(connection);
      const site = facts.siteOfConnection(connection);
      if (!check || !site) continue;
      const ip = typeof check.remoteIp === "string" ? tryParseIp(check.remoteIp) : undefined;
      if (ip !== undefined && facts.siteSet(site.logicalId).containsIp(ip)) continue;
      const networks = facts.siteCidrs(site.logicalId).map((c) => c.network).join(", ") || "none";
      yield {
        resource: connection.logicalId,
        property: "healthCheck.remoteIp",
        message:
          ip === undefined
            ? `healthCheck.remoteIp is ${JSON.stringify(check.remoteIp)}, not an IPv4 address; use an address in IDC site '${site.path}' (${networks}).`
            : `healthCheck.remoteIp ${String(check.remoteIp)} is not inside IDC site '${site.path}' (${networks}); probe an address in the IDC behind this tunnel.`,
      };
    }
  },
};
