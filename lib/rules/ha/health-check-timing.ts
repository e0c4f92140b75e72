import { enabledHealthCheck } from "../private/health-check";
import { outOfRange } from "../private/vocabulary";
import { Rule } from "../rule";

/** HL-HA-004: health check interval and retries are within the cloud's ranges. */
export const healthCheckTiming: Rule = {
  id: "HL-HA-004",
  title: "Health check interval and retries are within the cloud's ranges",
  severity: "error",
  source: "001_31a3006ea02bfdf7.txt (重试间隔和重试次数); tencentcloud API HealthCheckConfig ProbeInterval 1000–5000 ms, ProbeThreshold 3–8; alicloud Terraform alicloud_vpn_connection health_check_config",
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
