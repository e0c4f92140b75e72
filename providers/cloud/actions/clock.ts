import { parseDuration } from "../clock";
import { CloudError } from "../errors";
import { applyDueTransitions } from "../lifecycle";
import { CLOCK_EPOCH_MS } from "../store";
import { ActionDefinition, isoTime } from "./types";

/**
 * DescribeClock and AdvanceClock: simulated time, persisted in the store.
 * Every delay (gateway provisioning, health-check detection, 7-day peering
 * expiry) is measured against it; nothing in the engine sleeps.
 */
export const CLOCK_ACTIONS: readonly ActionDefinition[] = [
  {
    name: "DescribeClock",
    writes: false,
    run(params, ctx) {
      params.done();
      return { now: isoTime(ctx.now), elapsedSeconds: (ctx.now - CLOCK_EPOCH_MS) / 1000 };
    },
  },
  {
    name: "AdvanceClock",
    writes: true,
    operatorOnly: true,
    run(params, ctx) {
      const seconds = params.value("seconds");
      const duration = params.value("duration");
      params.done();
      const given = seconds ?? duration;
      if (given === undefined || (seconds !== undefined && duration !== undefined)) {
        throw new CloudError(
          "MissingParameter",
          `${ctx.action} needs exactly one of 'seconds' (a number) or 'duration' (a string such as "7d" or "90s").`,
        );
      }
      if (typeof given !== "number" && typeof given !== "string") {
        throw new CloudError("InvalidParameter", `${ctx.action}: the duration must be a number of seconds or a string such as "7d".`);
      }
      const now = ctx.now + parseDuration(given, ctx.action);
      ctx.store.meta.setNow(now);
      // Only the caller's own (or shared) resources are reported: another account's changes are not theirs to see.
      const transitions = applyDueTransitions(ctx.store, now).filter(
        (t) => t.account === ctx.account || t.peerAccount === ctx.account,
      );
      return {
        now: isoTime(now),
        elapsedSeconds: (now - CLOCK_EPOCH_MS) / 1000,
        transitions: transitions.map(({ id, type, from, to, at }) => ({ id, type, from, to, at })),
      };
    },
  },
];
