import { analyzePair, listEndpoints } from "../../lib/net";
import { NetworkModel } from "../../lib/net/model";
import { EndpointRef, MissingRoute, PairVerdict, Place, TableEntry, Trace } from "../../lib/net/verdicts";

/**
 * Pair analyses reduced to what must not depend on where the model came
 * from: verdicts, reason codes, the places and table entries of every hop,
 * missing routes — with every ID passed through `id` (logical ID → cloud ID
 * for the synth-time side, identity for the engine's). Prose (`reason`,
 * `action`, `note`, a missing route's `tableName`) is left out: it quotes
 * IDs inside sentences.
 */

/** How to rename the IDs of one side. */
export type IdMap = (id: string) => string;

/** One hop: where the packet was and the entry that moved it. */
export interface HopAnswer {
  readonly at: Place;
  readonly entry?: Omit<TableEntry, "note">;
}

/** One direction of a pair. */
export interface TraceAnswer {
  readonly verdict: Trace["verdict"];
  readonly hops: readonly HopAnswer[];
  readonly deliveredTo?: Place;
  readonly droppedAt?: Place;
  readonly missingRoute?: Omit<MissingRoute, "tableName">;
  /** Delivered only: the bottleneck's bandwidth and where (both builders must agree on it). */
  readonly bottleneck?: { readonly bandwidthMbps: number; readonly at: Place } | null;
}

/** Both directions of an ordered pair of endpoints. */
export interface PairAnswer {
  readonly from: EndpointRef;
  readonly to: EndpointRef;
  readonly verdict: PairVerdict["verdict"];
  readonly brokenDirection?: PairVerdict["brokenDirection"];
  readonly missingRoute?: Omit<MissingRoute, "tableName">;
  readonly forward: TraceAnswer;
  readonly reverse: TraceAnswer;
}

/** Every endpoint of the model (VPCs, subnets, IDC sites, direct-connect networks), IDs renamed, sorted by ID. */
export function endpointAnswers(model: NetworkModel, id: IdMap): EndpointRef[] {
  return listEndpoints(model)
    .map((e) => ({ ...e, id: id(e.id) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The analysis of every ordered pair of distinct endpoints, IDs renamed, sorted by (from, to). */
export function pairAnswers(model: NetworkModel, id: IdMap): PairAnswer[] {
  const endpoints = listEndpoints(model);
  const out: PairAnswer[] = [];
  for (const a of endpoints) for (const b of endpoints) if (a !== b) out.push(answerOf(analyzePair(model, a, b), id));
  return out.sort((x, y) => x.from.id.localeCompare(y.from.id) || x.to.id.localeCompare(y.to.id));
}

function answerOf(pair: PairVerdict, id: IdMap): PairAnswer {
  return {
    from: { ...pair.from, id: id(pair.from.id) },
    to: { ...pair.to, id: id(pair.to.id) },
    verdict: pair.verdict,
    ...(pair.brokenDirection ? { brokenDirection: pair.brokenDirection } : {}),
    ...(pair.missingRoute ? { missingRoute: missingOf(pair.missingRoute, id) } : {}),
    forward: traceOf(pair.forward, id),
    reverse: traceOf(pair.reverse, id),
  };
}

function traceOf(t: Trace, id: IdMap): TraceAnswer {
  return {
    verdict: t.verdict,
    hops: t.hops.map((h) => ({ at: placeOf(h.at, id), ...(h.entry ? { entry: entryOf(h.entry, id) } : {}) })),
    ...(t.deliveredTo ? { deliveredTo: placeOf(t.deliveredTo, id) } : {}),
    ...(t.droppedAt ? { droppedAt: placeOf(t.droppedAt, id) } : {}),
    ...(t.missingRoute ? { missingRoute: missingOf(t.missingRoute, id) } : {}),
    ...(t.bottleneck !== undefined ? { bottleneck: t.bottleneck && { bandwidthMbps: t.bottleneck.bandwidthMbps, at: placeOf(t.bottleneck.at, id) } } : {}),
  };
}

function placeOf(p: Place, id: IdMap): Place {
  return { ...p, id: id(p.id) };
}

function entryOf(e: TableEntry, id: IdMap): Omit<TableEntry, "note"> {
  return {
    table: e.table,
    tableId: id(e.tableId),
    ...(e.entryId !== undefined ? { entryId: id(e.entryId) } : {}),
    ...(e.destinationCidr !== undefined ? { destinationCidr: e.destinationCidr } : {}),
    ...(e.nextHop !== undefined ? { nextHop: id(e.nextHop) } : {}),
  };
}

/** `tableName` is left out: a route table has no name, and its words quote the ID. */
function missingOf(m: MissingRoute, id: IdMap): Omit<MissingRoute, "tableName"> {
  return { table: m.table, tableId: id(m.tableId), destinationCidr: m.destinationCidr };
}

/** An IdMap over a logical ID → cloud ID table that fails loudly on an ID the deployment does not know. */
export function cloudIdMap(cloudIds: ReadonlyMap<string, string>): IdMap {
  return (logicalId) => {
    const cloudId = cloudIds.get(logicalId);
    if (cloudId === undefined) throw new Error(`the synth-time answer names '${logicalId}', which the deployment did not create`);
    return cloudId;
  };
}

/** The IdMap of the side whose IDs are already cloud IDs. */
export const sameIds: IdMap = (id) => id;
