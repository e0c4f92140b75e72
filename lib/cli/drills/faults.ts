import { HybridlinkError } from "../../core/errors";
import { NetworkModel } from "../../net/model";
import { CloudEngine } from "../../../providers/cloud";
import { DrillTarget, nounOf } from "./targets";

/** Fail takes a device, a site or a tunnel down; Recover brings it back. */
export type FaultOperation = "Fail" | "Recover";

/** A tunnel a fault changes, and how long its health check takes to notice. */
export interface AffectedTunnel {
  readonly id: string;
  readonly name: string;
  /** interval × retries of its health check, in seconds; undefined without one (routes never move: blackhole). */
  readonly detectionSeconds?: number;
}

/** What a fail or recover did. */
export interface FaultResult {
  readonly operation: FaultOperation;
  /** What the user named. */
  readonly target: DrillTarget;
  /** What the engine marked down or up (the device, when the target is a tunnel the engine fails through its device). */
  readonly actedOn: DrillTarget;
  readonly state: "DOWN" | "UP";
  /** Engine time of the change. */
  readonly since: string;
  readonly tunnels: readonly AffectedTunnel[];
  /** Set when the engine acted on something other than the target, saying why. */
  readonly note?: string;
}

/**
 * Injects or clears a fault. The engine fails customer-gateway devices and
 * IDC sites; a VPN connection is failed by its own action when the engine
 * has one, else through its device — only when that device carries no other
 * tunnel, so the drill never takes down more than was asked.
 */
export function applyFault(engine: CloudEngine, model: NetworkModel, op: FaultOperation, target: DrillTarget, account: string): FaultResult {
  let actedOn = target;
  let note: string | undefined;
  if (target.type === "VpnConnection" && !engine.actionNames().includes(`${op}VpnConnection`)) {
    const connection = model.connections.find((c) => c.id === target.id)!;
    const device = model.customerGateways.find((g) => g.id === connection.customerGateway);
    const siblings = model.connections.filter((c) => c.customerGateway === connection.customerGateway && c.id !== connection.id);
    if (!device || siblings.length) {
      throw new HybridlinkError(
        "UnsupportedDrill",
        `The simulated cloud fails tunnels through their customer-gateway device, and device ${connection.customerGateway} also carries ` +
          `${siblings.map((s) => `${s.name} (${s.id})`).join(", ")}. Fail the device itself (hybridlink ${op.toLowerCase()} ${connection.customerGateway}) ` +
          "if taking all of its tunnels down is what you mean.",
      );
    }
    actedOn = { type: "CustomerGateway", id: device.id, name: device.name };
    note = `the engine fails a tunnel through its device: ${nounOf("CustomerGateway")} ${device.name} (${device.id}) carries only this tunnel`;
  }
  if (actedOn.type === "PeeringConnection") {
    throw new HybridlinkError("UnsupportedDrill", `Peering connections are not failed by a drill: delete or reject them (hybridlink peering reject ${actedOn.id}).`);
  }
  const response = engine.request(`${op}${actedOn.type}`, { id: actedOn.id }, { account });
  return {
    operation: op,
    target,
    actedOn,
    state: response.state as "DOWN" | "UP",
    since: String(response.since),
    tunnels: affectedTunnels(engine, model, actedOn, account),
    ...(note ? { note } : {}),
  };
}

function affectedTunnels(engine: CloudEngine, model: NetworkModel, actedOn: DrillTarget, account: string): AffectedTunnel[] {
  const devices =
    actedOn.type === "IdcSite" ? model.customerGateways.filter((g) => g.site === actedOn.id).map((g) => g.id) : actedOn.type === "CustomerGateway" ? [actedOn.id] : [];
  const tunnels = model.connections.filter((c) => c.id === actedOn.id || devices.includes(c.customerGateway));
  if (!tunnels.length) return [];
  const described = engine.request("DescribeVpnConnections", { ids: tunnels.map((t) => t.id) }, { account }).items as Array<{
    id: string;
    healthCheck?: { enabled: boolean; intervalMs: number; retries: number };
  }>;
  return tunnels.map((t) => {
    const hc = described.find((d) => d.id === t.id)?.healthCheck;
    return { id: t.id, name: t.name, ...(hc?.enabled ? { detectionSeconds: (hc.intervalMs * hc.retries) / 1000 } : {}) };
  });
}

/** The fault result for people: what changed, which tunnels, and when routes will notice. */
export function renderFault(r: FaultResult): string {
  const lines = [`${nounOf(r.actedOn.type)} ${r.actedOn.name} (${r.actedOn.id}) is ${r.state} since ${r.since} (engine clock)`];
  if (r.note) lines.push(`  note: ${r.note}`);
  const verb = r.state === "DOWN" ? "down" : "up";
  for (const t of r.tunnels) {
    lines.push(
      t.detectionSeconds !== undefined
        ? `  tunnel ${t.name} (${t.id}) is ${verb} now; its health check notices after ${t.detectionSeconds}s of engine time, then routes ${r.state === "DOWN" ? "fail over" : "fail back"}`
        : `  tunnel ${t.name} (${t.id}) is ${verb} now; it has no health check, so routes never move${r.state === "DOWN" ? " (traffic is blackholed)" : ""}`,
    );
  }
  const wait = Math.max(0, ...r.tunnels.map((t) => t.detectionSeconds ?? 0));
  if (wait > 0) lines.push(`next: hybridlink clock advance ${wait}s — then trace to see the ${r.state === "DOWN" ? "failover" : "failback"}`);
  return lines.join("\n");
}
