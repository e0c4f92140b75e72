import { IConstruct } from "constructs";
import type { HealthCheckOptions } from "../../resources/vpn-connection";
import { PatternErrorCode, patternError } from "../errors";
import type { TunnelHealthCheckOptions } from "../sources";
import { firstUsableHost, lastUsableHost } from "./addresses";

export interface HealthCheckInputs {
  /** The pattern-wide options. */
  readonly shared?: TunnelHealthCheckOptions;
  /** This tunnel's options, merged over the shared ones. */
  readonly tunnel?: TunnelHealthCheckOptions;
  /** Cloud networks behind the gateway, in preference order. */
  readonly cloudCidrs: readonly string[];
  /** The IDC's networks. */
  readonly siteCidrs: readonly string[];
  /** A failover pair: the check cannot be switched off. */
  readonly required: boolean;
}

/**
 * The health check a tunnel gets: on by default, addresses derived from the
 * CIDRs. With no cloud network to probe from (an unattached CCN-type gateway)
 * it stays off unless the user asked for one, which then needs `localIp`.
 */
export function resolveHealthCheck(scope: IConstruct, inputs: HealthCheckInputs): HealthCheckOptions | undefined {
  const asked = inputs.shared !== undefined || inputs.tunnel !== undefined;
  const merged: TunnelHealthCheckOptions = { ...inputs.shared, ...inputs.tunnel };
  if (merged.enabled === false) {
    if (!inputs.required) return undefined;
    throw patternError(
      scope,
      PatternErrorCode.HEALTH_CHECK_REQUIRED,
      `healthCheck.enabled is false, but without a health check a failed tunnel is never detected and routes never fail over (seed 001: blackhole); remove 'enabled: false'`,
    );
  }
  const localIp = merged.localIp ?? (inputs.cloudCidrs.length > 0 ? lastUsableHost(inputs.cloudCidrs[0]) : undefined);
  if (localIp === undefined) {
    if (!asked && !inputs.required && inputs.cloudCidrs.length === 0) return undefined;
    throw patternError(
      scope,
      PatternErrorCode.HEALTH_CHECK_SOURCE_REQUIRED,
      inputs.cloudCidrs.length === 0
        ? `a health check needs a probe source on the cloud side and this gateway reaches no cloud network; give healthCheck.localIp, attach the gateway to a CCN with VPCs, or set healthCheck.enabled to false`
        : `the health-check source cannot be derived from cloud CIDR '${inputs.cloudCidrs[0]}' (not an IPv4 CIDR block); fix the CIDR or give healthCheck.localIp`,
    );
  }
  const remoteIp = merged.remoteIp ?? (inputs.siteCidrs.length > 0 ? firstUsableHost(inputs.siteCidrs[0]) : undefined);
  if (remoteIp === undefined) {
    throw patternError(
      scope,
      PatternErrorCode.HEALTH_CHECK_SOURCE_REQUIRED,
      `the health-check target cannot be derived from the IDC's CIDRs (${inputs.siteCidrs.join(", ") || "none"}); give the site an IPv4 CIDR block or give healthCheck.remoteIp`,
    );
  }
  return {
    localIp,
    remoteIp,
    ...(merged.intervalMs !== undefined ? { intervalMs: merged.intervalMs } : {}),
    ...(merged.retries !== undefined ? { retries: merged.retries } : {}),
  };
}
