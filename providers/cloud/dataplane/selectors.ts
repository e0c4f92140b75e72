import { SpdPolicy } from "../../../lib";

/** Both ends' traffic selectors of one tunnel, each from its own point of view. */
export interface TunnelSelectors {
  /** Cloud side: its own networks (SPD local CIDRs). */
  readonly cloudLocal: readonly string[];
  /** Cloud side: the IDC networks (SPD remote CIDRs). */
  readonly cloudRemote: readonly string[];
  /** Device side: its own networks; by default the cloud's remote ones (the download swaps them, seed 001 step 4). */
  readonly deviceLocal: readonly string[];
  readonly deviceRemote: readonly string[];
}

const ANY = ["0.0.0.0/0"];

/**
 * The selectors a connection negotiates with. SPD policies give the cloud
 * side's; a route-based connection without policies selects everything
 * (0.0.0.0/0 both ways) and lets the route table decide.
 */
export function tunnelSelectors(
  spdPolicies: readonly SpdPolicy[],
  device?: { readonly localCidrs?: readonly string[]; readonly remoteCidrs?: readonly string[] },
): TunnelSelectors {
  const cloudLocal = spdPolicies.length ? unique(spdPolicies.flatMap((p) => p.localCidrs)) : ANY;
  const cloudRemote = spdPolicies.length ? unique(spdPolicies.flatMap((p) => p.remoteCidrs)) : ANY;
  return {
    cloudLocal,
    cloudRemote,
    deviceLocal: device?.localCidrs ? unique(device.localCidrs) : cloudRemote,
    deviceRemote: device?.remoteCidrs ? unique(device.remoteCidrs) : cloudLocal,
  };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
