import { CloudError } from "../errors";
import { FAULT_LIFECYCLE, FAULT_TARGETS, FaultOperation, FaultTarget } from "../lifecycle";
import { findOwned, NOUNS } from "./lookup";
import { ActionDefinition, isoTime } from "./types";

/**
 * Fault injection for failover drills: a customer-gateway device, a whole IDC
 * site or one VPN connection's tunnel goes down and comes back
 * (FAULT_LIFECYCLE). Only the times are recorded; tunnels and health checks
 * derive their states from them on the engine clock.
 */
function faultAction(type: FaultTarget, op: FaultOperation): ActionDefinition {
  const rule = FAULT_LIFECYCLE[op];
  const other: FaultOperation = op === "Fail" ? "Recover" : "Fail";
  return {
    name: `${op}${type}`,
    writes: true,
    operatorOnly: true,
    run(params, ctx) {
      const row = findOwned(ctx, params.string("id"), type);
      params.done();
      const open = ctx.store.faults.tryGetOpen(row.id);
      const state = open ? "DOWN" : "UP";
      if (state !== rule.from) {
        const why = open ? `has been down since ${isoTime(open.failedAt)}` : "is not down; there is nothing to recover";
        throw new CloudError(rule.refusal, `${ctx.action}: ${NOUNS[type]} '${row.id}' ${why}. ${other} it first (${other}${type}).`);
      }
      if (op === "Fail") ctx.store.faults.open(row.id, type, ctx.now);
      else ctx.store.faults.recover(row.id, ctx.now);
      return { id: row.id, state: rule.to, since: isoTime(ctx.now) };
    },
  };
}

/** Fail… and Recover… for every fault target. */
export const FAULT_ACTIONS: readonly ActionDefinition[] = FAULT_TARGETS.flatMap((type) => [faultAction(type, "Fail"), faultAction(type, "Recover")]);
