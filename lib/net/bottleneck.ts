import { CompiledNetwork } from "./compile";
import { gatewayPlace } from "./forward/places";
import { STEP_KINDS } from "./forward/steps";
import { BandwidthLimitKind, Bottleneck } from "./verdicts";

/**
 * A delivered path's bottleneck: the least bandwidth over the hops that have
 * one. Computed once per trace result from the steps the walk took, never
 * per candidate route, so the forwarding walk itself pays nothing for it.
 */

/** The limited nodes of a compiled network, by node uid. */
type Limits = ReadonlyMap<number, Bottleneck>;

const limitsByNetwork = new WeakMap<CompiledNetwork, Limits>();

/** What each kind of limit is called in text. */
export const LIMIT_LABELS: Readonly<Record<BandwidthLimitKind, string>> = {
  VPN_GATEWAY_BANDWIDTH: "VPN gateway bandwidth",
  PEERING_BANDWIDTH: "peering bandwidth cap",
};

function limitsOf(net: CompiledNetwork): Limits {
  let limits = limitsByNetwork.get(net);
  if (!limits) {
    const table = new Map<number, Bottleneck>();
    for (const gw of net.gateways.values()) {
      const mbps = gw.gateway.bandwidthMbps;
      if (isLimit(mbps)) table.set(gw.uid, { bandwidthMbps: mbps, at: gatewayPlace(gw), limit: "VPN_GATEWAY_BANDWIDTH" });
    }
    for (const pc of net.peerings.values()) {
      const mbps = pc.peering.bandwidthMbps;
      if (isLimit(mbps)) {
        table.set(pc.uid, { bandwidthMbps: mbps, at: { kind: "PEERING", id: pc.peering.id, name: pc.peering.name }, limit: "PEERING_BANDWIDTH" });
      }
    }
    limits = table;
    limitsByNetwork.set(net, limits);
  }
  return limits;
}

/** A usable limit: a positive finite number (a model built from a bad manifest may carry anything). */
function isLimit(mbps: number | undefined): mbps is number {
  return typeof mbps === "number" && Number.isFinite(mbps) && mbps > 0;
}

/**
 * The bottleneck of the path a walk took (its `path` of step keys), or null
 * when no hop on it has a limit. Ties go to the first such hop on the path.
 */
export function bottleneckOf(net: CompiledNetwork, path: readonly number[] | undefined): Bottleneck | null {
  if (!path) return null;
  const limits = limitsOf(net);
  if (limits.size === 0) return null;
  let narrowest: Bottleneck | undefined;
  for (const key of path) {
    const limit = limits.get(Math.floor(key / STEP_KINDS));
    if (limit && (!narrowest || limit.bandwidthMbps < narrowest.bandwidthMbps)) narrowest = limit;
  }
  return narrowest ?? null;
}

/** `100 Mbps at vpngw-00000001 (VPN gateway bandwidth, Ha-VpnGateway)`, or why there is none. */
export function formatBottleneck(b: Bottleneck | null): string {
  if (!b) return "none: no hop on this path has a bandwidth limit";
  const name = b.at.name !== b.at.id ? `, ${b.at.name}` : "";
  return `${b.bandwidthMbps} Mbps at ${b.at.id} (${LIMIT_LABELS[b.limit]}${name})`;
}
