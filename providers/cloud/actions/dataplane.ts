import { HybridlinkError } from "../../../lib";
import { analyzePair, reachabilityMatrix, trace } from "../../../lib";
import { buildNetworkModel } from "../dataplane/model";
import { CloudError } from "../errors";
import { JsonObject } from "../params";
import { ActionContext, ActionDefinition } from "./types";

/**
 * Trace and DescribeReachability: the data plane as the caller's account sees
 * it at the engine clock's now, answered by lib/net's forwarding algorithm
 * (the same one synth-time analysis uses).
 */
export const DATAPLANE_ACTIONS: readonly ActionDefinition[] = [
  {
    name: "Trace",
    writes: false,
    run(params, ctx) {
      const source = params.string("source");
      const destination = params.string("destination");
      const from = params.optionalString("from");
      params.done();
      const model = buildNetworkModel(ctx.store, ctx.profile, ctx.now, ctx.account);
      return analysed(ctx, () => ({ trace: trace(model, source, destination, from !== undefined ? { from } : {}) }));
    },
  },
  {
    name: "DescribeReachability",
    writes: false,
    run(params, ctx) {
      const from = params.optionalString("from");
      const to = params.optionalString("to");
      const endpoints = params.optionalStringArray("endpoints");
      params.done();
      if ((from === undefined) !== (to === undefined) || (from !== undefined && endpoints !== undefined)) {
        throw new CloudError(
          "InvalidParameterCombination",
          `${ctx.action} takes either 'from' and 'to' (one pair, both traces) or 'endpoints' (a matrix; default: all of yours).`,
        );
      }
      const model = buildNetworkModel(ctx.store, ctx.profile, ctx.now, ctx.account);
      if (from !== undefined) return analysed(ctx, () => ({ pair: analyzePair(model, from, to!) }));
      return analysed(ctx, () => {
        const matrix = reachabilityMatrix(model, endpoints);
        const pairs: JsonObject[] = [];
        matrix.endpoints.forEach((a, i) =>
          matrix.endpoints.forEach((b, j) => {
            if (i === j) return;
            pairs.push({
              from: a.id,
              to: b.id,
              verdict: matrix.verdictAt(i, j),
              forward: matrix.traceVerdictAt(i, j),
              reverse: matrix.traceVerdictAt(j, i),
            });
          }),
        );
        return { endpoints: matrix.endpoints, pairs, counts: matrix.counts() };
      });
    },
  },
];

/** Runs an analysis, turning lib/net's errors about the request (unknown or ambiguous endpoints, bad addresses) into cloud errors. */
function analysed(ctx: ActionContext, run: () => JsonObject): JsonObject {
  try {
    return JSON.parse(JSON.stringify(run())) as JsonObject;
  } catch (err) {
    if (HybridlinkError.isHybridlinkError(err) && !CloudError.isCloudError(err)) {
      throw new CloudError(`InvalidParameterValue.${err.code}`, `${ctx.action}: ${err.message}`);
    }
    throw err;
  }
}
