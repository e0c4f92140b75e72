import { cloudApi } from "../../core/provenance";
import { enabledHealthCheck } from "../private/health-check";
import { outOfRange } from "../private/vocabulary";
import { Rule } from "../rule";

/** HL-HA-004: health check interval and retries are within the cloud's ranges. */
export const healthCheckTiming: Rule = {
  id: "HL-HA-004",
  title: "Health check interval and retries are within the cloud's ranges",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpnConnection: HealthCheckConfig.ProbeInterval (1000–5000 ms), ProbeThreshold (3–8); Alibaba Cloud CreateVpnConnection: HealthCheckConfig interval, retry", "each cloud's accepted probe interval and retry ranges"),
  rationale: "Failure detection takes interval × retries; the cloud accepts only its documented ranges, and values outside them are refused.",
  fix: "Use an interval and a retry count inside the ranges in the message (or leave them unset for the profile's defaults).",
  *check(context) {
    const range = context.profile.healthCheck;
    for (const connection of context.index.ofType("VpnConnection")) {
      const check = enabledHealthCheck(connection);
      if (!check) continue;
      const interval = outOfRange("healthCheck.intervalMs", check.intervalMs, range.intervalMs, "ms");
      if (interval) yield { resource: connection.logicalId, property: "healthCheck.intervalMs", message: `${interval} (${context.profile.displayName})` };
      const retries = outOfRange("healthCheck.retries", check.retries, range.retries, "probes");
      if (retries) yield { resource: connection.logicalId, property: "healthCheck.retries", message: `${retries} (${context.profile.displayName})` };
    }
  },
};
