import { HybridlinkError } from "../../core/errors";
import { NetworkModel } from "../../net/model";
import { CloudEngine } from "../../../providers/cloud";
import { DrillTarget, nounOf } from "./targets";

/** Fail takes a device, a site or a tunnel down; Recover brings it back. */
export type FaultOperation = "Fail" | "Recover";

/** A tunnel a fault changes, as it is right after the change, and how long its health check takes to notice. */
export interface AffectedTunnel {
  readonly id: string;
  readonly name: string;
  /** The tunnel carries packets after the change (a recovered tunnel whose device is still down does not). */
  readonly tunnelUp: boolean;
  /**
   * Why the tunnel is down, when it is.
   *
   * @default - none (the tunnel is up)
   */
  readonly downReason?: string;
  /** interval × retries of its health check, in seconds; undefined without one (routes never move: blackhole). */
  readonly detectionSeconds?: number;
}

/** What a fail or recover did. */
export interface FaultResult {
  readonly operation: FaultOperation;
  /** What the user named, and what the engine took down or brought back. */
  readonly target: DrillTarget;
  readonly state: "DOWN" | "UP";
  /** Engine time of the change. */
  readonly since: string;
  readonly tunnels: readonly AffectedTunnel[];
}

/**
 * Injects or clears a fault through the engine's own action for the target:
 * a customer-gateway device (its tunnels), an IDC site (every device's
 * tunnels) or one VPN connection (that tunnel only; its device stays up).
 */
export function applyFault(engine: CloudEngine, model: NetworkModel, op: FaultOperation, target: DrillTarget, account: string): FaultResult {
  if (target.type === "PeeringConnection") {
    throw new HybridlinkError("UnsupportedDrill", `Peering connections are not failed by a drill: delete or reject them (hybridlink peering reject ${target.id}).`);
  }
  const response = engine.request(`${op}${target.type}`, { id: target.id }, { account, operator: true });
  return {
    operation: op,
    target,
    state: response.state as "DOWN" | "UP",
    since: String(response.since),
    tunnels: affectedTunnels(engine, model, target, account),
  };
}

function affectedTunnels(engine: CloudEngine, model: NetworkModel, target: DrillTarget, account: string): AffectedTunnel[] {
  const devices =
    target.type === "IdcSite" ? model.customerGateways.filter((g) => g.site === target.id).map((g) => g.id) : target.type === "CustomerGateway" ? [target.id] : [];
  const tunnels = model.connections.filter((c) => c.id === target.id || devices.includes(c.customerGateway));
  if (!tunnels.length) return [];
  const described = engine.request("DescribeVpnConnections", { ids: tunnels.map((t) => t.id) }, { account }).items as Array<{
    id: string;
    tunnelUp: boolean;
    stateDetail?: string;
    healthCheck?: { enabled: boolean; intervalMs: number; retries: number };
  }>;
  return tunnels.map((t) => {
    const now = described.find((d) => d.id === t.id)!;
    const hc = now.healthCheck;
    return {
      id: t.id,
      name: t.name,
      tunnelUp: now.tunnelUp,
      ...(!now.tunnelUp && now.stateDetail ? { downReason: now.stateDetail } : {}),
      ...(hc?.enabled ? { detectionSeconds: (hc.intervalMs * hc.retries) / 1000 } : {}),
    };
  });
}

/** The fault result for people: what changed, which tunnels, and when routes will notice. */
export function renderFault(r: FaultResult): string {
  const lines = [`${nounOf(r.target.type)} ${r.target.name} (${r.target.id}) is ${r.state} since ${r.since} (engine clock)`];
  const changed = r.tunnels.filter((t) => t.tunnelUp === (r.state === "UP"));
  for (const t of r.tunnels) {
    if (!changed.includes(t)) {
      lines.push(`  tunnel ${t.name} (${t.id}) stays down: ${t.downReason ?? "it does not negotiate"}`);
      continue;
    }
    const verb = r.state === "DOWN" ? "down" : "up";
    lines.push(
      t.detectionSeconds !== undefined
        ? `  tunnel ${t.name} (${t.id}) is ${verb} now; its health check notices after ${t.detectionSeconds}s of engine time, then routes ${r.state === "DOWN" ? "fail over" : "fail back"}`
        : `  tunnel ${t.name} (${t.id}) is ${verb} now; it has no health check, so routes never move${r.state === "DOWN" ? " (traffic is blackholed)" : ""}`,
    );
  }
  const wait = Math.max(0, ...changed.map((t) => t.detectionSeconds ?? 0));
  if (wait > 0) lines.push(`next: hybridlink clock advance ${wait}s — then trace to see the ${r.state === "DOWN" ? "failover" : "failback"}`);
  return lines.join("\n");
}
