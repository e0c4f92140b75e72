import { CloudProfile } from "../../lib";
import { CloudError } from "./errors";
import { ResourceRow, Store } from "./store";

/** States of a peering connection. A rejected request disappears (seed 003: 已拒绝并消失), so it has no state. */
export type PeeringState = "PENDING" | "ACTIVE" | "EXPIRED";

/** What an account is to a peering: the requester owns it, the accepter is asked to accept it. */
export type PeeringRole = "requester" | "accepter";

export type PeeringOperation = "Accept" | "Reject" | "Enable" | "Modify" | "Delete";

/**
 * The peering lifecycle as a table: from which states each operation is
 * allowed, and to whom. Same account is both roles. Timed transition:
 * PENDING → EXPIRED after the profile's expiry (7 days, seed 003).
 */
export const PEERING_LIFECYCLE: Readonly<Record<PeeringOperation, { readonly from: readonly PeeringState[]; readonly roles: readonly PeeringRole[] }>> = {
  Accept: { from: ["PENDING"], roles: ["accepter"] },
  Reject: { from: ["PENDING"], roles: ["accepter"] },
  Enable: { from: ["EXPIRED"], roles: ["requester", "accepter"] },
  Modify: { from: ["PENDING", "ACTIVE", "EXPIRED"], roles: ["requester"] },
  Delete: { from: ["PENDING", "ACTIVE", "EXPIRED"], roles: ["requester", "accepter"] },
};

/** The roles an account plays in a peering. */
export function peeringRoles(row: ResourceRow, account: string): PeeringRole[] {
  const roles: PeeringRole[] = [];
  if (row.account === account) roles.push("requester");
  if ((row.peerAccount ?? row.account) === account) roles.push("accepter");
  return roles;
}

/** Refuses an operation the table does not allow: UnauthorizedOperation for the wrong role, UnsupportedOperation for the wrong state. */
export function checkPeeringOperation(row: ResourceRow, account: string, op: PeeringOperation, action: string): void {
  const rule = PEERING_LIFECYCLE[op];
  const roles = peeringRoles(row, account);
  if (!roles.some((r) => rule.roles.includes(r))) {
    const who = rule.roles.includes("accepter")
      ? `the accepter account '${row.peerAccount ?? row.account}'`
      : `the requester account '${row.account}'`;
    throw new CloudError(
      "UnauthorizedOperation",
      `${action}: account '${account}' is the ${roles.join(" and ")} of peering connection '${row.id}'; only ${who} may do this.`,
    );
  }
  const state = row.state as PeeringState;
  if (!rule.from.includes(state)) {
    throw new CloudError(
      "UnsupportedOperation.VpcPeerInvalidStateChange",
      `${action}: peering connection '${row.id}' is ${state}; ${op} needs it ${rule.from.join(" or ")}.` + stateHint(op, state),
    );
  }
}

function stateHint(op: PeeringOperation, state: PeeringState): string {
  if (op === "Accept" && state === "EXPIRED") return " The request expired: enable it (EnableVpcPeeringConnection) or create a new one.";
  if (op === "Enable" && state !== "EXPIRED") return " Only an expired peering connection can be enabled.";
  return "";
}

/** Milliseconds a pending peering request lives. */
export function peeringExpiryMs(profile: CloudProfile): number {
  return profile.peering.pendingExpiryDays * 24 * 3600 * 1000;
}

/** A timed state change applied when the clock passed its due time. */
export interface Transition {
  readonly id: string;
  readonly type: string;
  readonly account: string;
  readonly peerAccount?: string;
  readonly from: string;
  readonly to: string;
  readonly at: string;
}

/**
 * Applies every timed transition due by `now`, in due order: VPN gateways
 * become AVAILABLE, unaccepted peering requests EXPIRED. Runs inside the
 * AdvanceClock transaction, so state columns always match the clock.
 */
export function applyDueTransitions(store: Store, now: number): Transition[] {
  const applied: Transition[] = [];
  for (const row of store.resources.dueBy(now)) {
    const to = timedTarget(row);
    if (!to) continue;
    const at = row.dueAt!;
    store.resources.update({ ...row, state: to, dueAt: undefined, updatedAt: at });
    applied.push({
      id: row.id,
      type: row.type,
      account: row.account,
      ...(row.peerAccount ? { peerAccount: row.peerAccount } : {}),
      from: row.state ?? "",
      to,
      at: new Date(at).toISOString(),
    });
  }
  return applied;
}

function timedTarget(row: ResourceRow): string | undefined {
  if (row.type === "VpnGateway" && row.state === "PENDING") return "AVAILABLE";
  if (row.type === "PeeringConnection" && row.state === "PENDING") return "EXPIRED";
  return undefined;
}

/** What a failover drill can take down and bring back: a device, a whole site, or one tunnel. */
export type FaultTarget = "CustomerGateway" | "IdcSite" | "VpnConnection";

/** The injected state of a fault target (a tunnel's traffic state also depends on negotiation). */
export type FaultState = "UP" | "DOWN";

/** Fail takes a target down; Recover brings it back. */
export type FaultOperation = "Fail" | "Recover";

/** Every type a drill can fail, in the order the actions are listed. */
export const FAULT_TARGETS: readonly FaultTarget[] = ["CustomerGateway", "IdcSite", "VpnConnection"];

/**
 * Fault injection as a table: from which state each operation is allowed,
 * where it leads, and the code of the refusal otherwise. Only the target's
 * owner may fail or recover it. Timed consequence: an enabled health check
 * notices a change interval × retries after it (a change undone sooner goes
 * unnoticed).
 */
export const FAULT_LIFECYCLE: Readonly<Record<FaultOperation, { readonly from: FaultState; readonly to: FaultState; readonly refusal: string }>> = {
  Fail: { from: "UP", to: "DOWN", refusal: "UnsupportedOperation.AlreadyDown" },
  Recover: { from: "DOWN", to: "UP", refusal: "UnsupportedOperation.NotDown" },
};
