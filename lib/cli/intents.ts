import { Intent } from "../core/manifest";
import { NetworkModel } from "../net/model";
import { analyzePair } from "../net/pair";
import { TraceVerdict } from "../net/verdicts";
import { HybridlinkError } from "../core/errors";
import { LogicalNames, resolveCliEndpoint } from "./names";

/** One declared intent checked on the live network. */
export interface LiveIntentResult {
  readonly intent: Intent;
  readonly holds: boolean;
  /** The pair verdict (reachable intents) or the forward verdict (isolated intents); the problem when an endpoint does not resolve. */
  readonly found: string;
  readonly reason: string;
}

/**
 * The app's intents on the live network, as it is now (failed devices, clock,
 * peering states included): reachable needs both ways, isolated needs the
 * forward packet not delivered — the same meaning the synth-time rules give
 * them. "Under single failure" is what a drill tests; here only the present
 * state counts.
 */
export function checkIntentsLive(model: NetworkModel, intents: readonly Intent[], names: LogicalNames): LiveIntentResult[] {
  return intents.map((intent) => {
    let pair;
    try {
      pair = analyzePair(model, resolveCliEndpoint(model, intent.from, names), resolveCliEndpoint(model, intent.to, names));
    } catch (err) {
      if (!HybridlinkError.isHybridlinkError(err)) throw err;
      return { intent, holds: false, found: err.code, reason: err.message };
    }
    if (intent.kind === "reachable") {
      return { intent, holds: pair.verdict === "REACHABLE", found: pair.verdict, reason: pair.reason };
    }
    const forward: TraceVerdict = pair.forward.verdict;
    return {
      intent,
      holds: forward !== "DELIVERED",
      found: forward,
      reason: forward === "DELIVERED" ? `${pair.from.name} reaches ${pair.to.name}` : pair.forward.reason,
    };
  });
}
