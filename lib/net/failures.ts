import { NetConnection, NetworkModel } from "./model";
import { Trace, TraceHop } from "./verdicts";

/**
 * Failures as model transforms. A failed customer-gateway device takes its
 * tunnels down at once; route selection only learns of it when a health check
 * detects it (interval × retries later), and never without one (blackhole).
 */

/** Whether health checks have noticed the failure yet. */
export type DetectionPhase = "BEFORE_DETECTION" | "AFTER_DETECTION";

/** One thing that can fail on its own. */
export interface FailureCase {
  readonly kind: "DEVICE" | "TUNNEL";
  /** ID of the customer gateway or connection that fails. */
  readonly id: string;
  readonly name: string;
  /** For people: "customer gateway Idc/Device1 down". */
  readonly description: string;
  /** IDs of the connections whose state the failure changes. */
  readonly affects: readonly string[];
  /** The model in steady state after detection of this failure. */
  apply(): NetworkModel;
}

/** The model with customer gateway `id` down: its tunnels drop at once, routes move once detected. */
export function failDevice(model: NetworkModel, id: string, phase: DetectionPhase = "AFTER_DETECTION"): NetworkModel {
  return {
    ...model,
    customerGateways: model.customerGateways.map((c) => (c.id === id ? { ...c, up: false } : c)),
    connections: model.connections.map((c) => (c.customerGateway === id ? tunnelDown(c, phase) : c)),
  };
}

/** The model with the tunnel of connection `id` down (the device stays up). */
export function failTunnel(model: NetworkModel, id: string, phase: DetectionPhase = "AFTER_DETECTION"): NetworkModel {
  return { ...model, connections: model.connections.map((c) => (c.id === id ? tunnelDown(c, phase) : c)) };
}

/** The model with peering `id` no longer active (deleted or interrupted by either side). */
export function failPeering(model: NetworkModel, id: string): NetworkModel {
  return { ...model, peerings: model.peerings.map((p) => (p.id === id ? { ...p, state: "FAILED" } : p)) };
}

function tunnelDown(c: NetConnection, phase: DetectionPhase): NetConnection {
  // Without a health check nothing ever tells route selection: the route stays (blackhole).
  const detected = phase === "AFTER_DETECTION" && c.healthCheckEnabled;
  return { ...c, tunnelUp: false, routable: detected ? false : c.routable };
}

/**
 * Every single failure worth analysing, each in steady state after
 * detection: each customer-gateway device that is up and has a tunnel, and
 * each tunnel that is up. Models are built on `apply()`.
 *
 * A VPC peering is not one of them (FACTS.peeringNoSinglePointOfFailure, seed
 * 003: 对等连接不依赖某个独立硬件，因而不存在单点故障): it is no piece of
 * hardware that fails on its own. It still stops carrying traffic when either
 * side deletes it, which is an act (failPeering, the drills), not a failure.
 */
export function singleFailures(model: NetworkModel): FailureCase[] {
  const out: FailureCase[] = [];
  const tunnelsOf = new Map<string, string[]>();
  for (const c of model.connections) tunnelsOf.set(c.customerGateway, [...(tunnelsOf.get(c.customerGateway) ?? []), c.id]);
  for (const device of model.customerGateways) {
    const tunnels = tunnelsOf.get(device.id);
    if (!device.up || !tunnels) continue;
    out.push({
      kind: "DEVICE",
      id: device.id,
      name: device.name,
      description: `customer gateway ${device.name} (${device.ipAddress}) down`,
      affects: tunnels,
      apply: () => failDevice(model, device.id),
    });
  }
  for (const connection of model.connections) {
    if (!connection.tunnelUp) continue;
    out.push({
      kind: "TUNNEL",
      id: connection.id,
      name: connection.name,
      description: `tunnel of connection ${connection.name} down`,
      affects: [connection.id],
      apply: () => failTunnel(model, connection.id),
    });
  }
  return out;
}

/**
 * Whether a failure can change the outcome of these traces. A walk reads the
 * state of only the peering it crosses and the tunnels it takes (routes
 * preferred over the chosen one are already unusable, later ones are not
 * consulted), and every one of those is named in its hops; a failure that
 * touches none of them leaves the traces exactly as they are.
 */
export function failureTouches(failure: FailureCase, traces: readonly Trace[]): boolean {
  const onPath = new Set<string>();
  for (const t of traces) addIdsOnPath(t.hops, onPath);
  return failure.affects.some((id) => onPath.has(id));
}

/** Adds to `ids` everything a walk's hops name (places, table entries, next hops): what a failure must touch to change it. */
export function addIdsOnPath(hops: readonly TraceHop[], ids: Set<string>): void {
  for (const h of hops) {
    ids.add(h.at.id);
    if (h.entry?.entryId) ids.add(h.entry.entryId);
    if (h.entry?.nextHop) ids.add(h.entry.nextHop);
  }
}
