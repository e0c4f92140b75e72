import { cloudApi } from "../../core/provenance";
import { tryParseIp } from "../../net/cidr";
import { factsOf } from "../private/facts";
import { enabledHealthCheck } from "../private/health-check";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

/** HL-HA-002: the health check's source address is on the cloud side. */
export const healthCheckLocalIp: Rule = {
  id: "HL-HA-002",
  title: "Health check source IP is on the cloud side",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpnConnection: HealthCheckLocalIp", "the probe's source address, on the cloud side of the tunnel (seed 001 names the field 源IP but not where it must lie)"),
  rationale: "Probes are sent from a cloud address through the tunnel to the IDC; a source outside the VPC (or the networks on the CCN of a CCN-type gateway) is not matched by the tunnel and every probe fails.",
  fix: "Use an unused address inside the VPC's CIDR (e.g. from a subnet's range) as healthCheck.localIp.",
  *check(context) {
    const facts = factsOf(context);
    for (const connection of context.index.ofType("VpnConnection")) {
      const check = enabledHealthCheck(connection);
      const gatewayId = refId(propsOf(connection).vpnGateway);
      if (!check || !gatewayId || !context.index.tryGet(gatewayId)) continue;
      const ip = typeof check.localIp === "string" ? tryParseIp(check.localIp) : undefined;
      const cloud = facts.cloudNetworks(gatewayId);
      if (ip !== undefined && cloud.containsIp(ip)) continue;
      const networks = cloud.members.map((m) => m.cidr.network).join(", ") || "none";
      yield {
        resource: connection.logicalId,
        property: "healthCheck.localIp",
        message:
          ip === undefined
            ? `healthCheck.localIp is ${JSON.stringify(check.localIp)}, not an IPv4 address; use an address on the cloud side (${networks}).`
            : `healthCheck.localIp ${String(check.localIp)} is not inside the cloud networks of gateway '${context.index.tryGet(gatewayId)?.path}' (${networks}); probes must start on the cloud side: use an address there.`,
      };
    }
  },
};
