import { ResourceType } from "../../../lib/core/manifest";
import { CloudError } from "../errors";
import { findOwned, NOUNS } from "./lookup";
import { ActionDefinition, isoTime } from "./types";

/**
 * Fault injection for failover drills: a customer-gateway device or a whole
 * IDC site goes down and comes back. Only the time is recorded; tunnels and
 * health checks derive their states from it on the engine clock.
 */
function faultActions(type: ResourceType, noun: string): ActionDefinition[] {
  return [
    {
      name: `Fail${noun}`,
      writes: true,
      run(params, ctx) {
        const row = findOwned(ctx, params.string("id"), type);
        params.done();
        const open = ctx.store.faults.tryGetOpen(row.id);
        if (open) {
          throw new CloudError(
            "UnsupportedOperation.AlreadyDown",
            `${ctx.action}: ${NOUNS[type]} '${row.id}' has been down since ${isoTime(open.failedAt)}. Recover it first (Recover${noun}).`,
          );
        }
        ctx.store.faults.open(row.id, type, ctx.now);
        return { id: row.id, state: "DOWN", since: isoTime(ctx.now) };
      },
    },
    {
      name: `Recover${noun}`,
      writes: true,
      run(params, ctx) {
        const row = findOwned(ctx, params.string("id"), type);
        params.done();
        if (!ctx.store.faults.recover(row.id, ctx.now)) {
          throw new CloudError(
            "UnsupportedOperation.NotDown",
            `${ctx.action}: ${NOUNS[type]} '${row.id}' is not down; there is nothing to recover. Fail it first (Fail${noun}).`,
          );
        }
        return { id: row.id, state: "UP", since: isoTime(ctx.now) };
      },
    },
  ];
}

export const FAULT_ACTIONS: readonly ActionDefinition[] = [
  ...faultActions("CustomerGateway", "CustomerGateway"),
  ...faultActions("IdcSite", "IdcSite"),
];
