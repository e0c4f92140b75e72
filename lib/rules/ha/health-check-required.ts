import { seed } from "../../core/provenance";
import { redundantGroups } from "../private/ha";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-HA-001: every connection of an active/standby pair has an enabled health check. */
export const healthCheckRequired: Rule = {
  id: "HL-HA-001",
  title: "Connections of an active/standby pair have health checks",
  severity: "error",
  source: seed("001", "当健康检查检测用户网关不可用时，路由自动切换到另外一个用户网关。", "When the health check finds a customer gateway unavailable, the route switches to the other customer gateway automatically."),
  rationale: "Routes fail over only when a health check declares the active tunnel down; without one the active route stays in place when its tunnel fails and traffic is blackholed, so the standby never takes over.",
  fix: "Give each connection of the pair healthCheck { localIp (cloud side), remoteIp (IDC side) } with enabled: true.",
  *check(context) {
    const reported = new Set<string>();
    for (const group of redundantGroups(context)) {
      for (const { connection } of group.members) {
        if (!connection || reported.has(connection.logicalId)) continue;
        const check = propsOf(connection).healthCheck as { enabled?: unknown } | undefined;
        if (check && check.enabled === true) continue;
        reported.add(connection.logicalId);
        const others = group.members.filter((m) => m.connection && m.connection !== connection).map((m) => `'${m.connection!.path}'`);
        yield {
          resource: connection.logicalId,
          property: "healthCheck",
          message: `The connection carries ${group.destination} together with ${others.join(", ") || "another route"} on gateway '${group.gateway.path}' (active/standby), but its health check is ${check ? "disabled" : "missing"}: failover cannot happen. Add healthCheck { localIp, remoteIp } with enabled: true.`,
        };
      }
    }
  },
};
