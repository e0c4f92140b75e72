import { listEndpoints } from "../net/endpoints";
import { reachabilityMatrix, ReachabilityMatrix } from "../net/matrix";
import { NetworkModel } from "../net/model";
import { Bottleneck, EndpointRef } from "../net/verdicts";
import { LogicalNames, resolveCliEndpoint } from "./names";

/** Which endpoints a matrix shows. */
export interface EndpointSelection {
  /** Endpoints named on the command line (by name, logical ID, cloud ID or address). @default - every endpoint */
  readonly given?: readonly string[];
  /** Include subnets. @default false */
  readonly subnets?: boolean;
  /** Only endpoints a stack created (`names.logicalIdOf` knows them). @default false */
  readonly stackOnly?: boolean;
}

/** The reachability matrix over the selected endpoints of the live model. */
export function selectedMatrix(model: NetworkModel, names: LogicalNames, selection: EndpointSelection): ReachabilityMatrix {
  return reachabilityMatrix(model, selectedEndpoints(model, names, selection));
}

/** The endpoints a matrix over `selection` would have (cheap: no walk). */
export function selectedEndpoints(model: NetworkModel, names: LogicalNames, selection: EndpointSelection): EndpointRef[] {
  return selection.given?.length
    ? selection.given.map((text) => resolveCliEndpoint(model, text, names))
    : listEndpoints(model).filter(
        (e) => (selection.subnets || e.kind !== "SUBNET") && (!selection.stackOnly || names.logicalIdOf(e.id) !== undefined),
      );
}

/** One pair of the JSON: its verdict and, for each direction that delivers, its bottleneck (null: no hop has a limit). */
interface PairJson {
  readonly from: string;
  readonly to: string;
  readonly verdict: string;
  readonly forwardBottleneck?: Bottleneck | null;
  readonly reverseBottleneck?: Bottleneck | null;
}

/**
 * The matrix for machines: endpoints (with logical IDs where known), the
 * one-way verdict grid, the bottleneck grid (a delivered cell's bottleneck or
 * null; null too where the verdict grid says it does not deliver), the pair
 * verdicts with their bottlenecks, and counts.
 */
export function matrixJson(matrix: ReachabilityMatrix, names: LogicalNames) {
  const e = matrix.endpoints;
  const bottlenecks = e.map((_, i) => e.map((__, j) => matrix.bottleneckAt(i, j)));
  const pairs: PairJson[] = [];
  for (let i = 0; i < e.length; i++) {
    for (let j = i + 1; j < e.length; j++) {
      const [forward, reverse] = [bottlenecks[i][j], bottlenecks[j][i]];
      pairs.push({
        from: e[i].id,
        to: e[j].id,
        verdict: matrix.verdictAt(i, j),
        ...(forward !== undefined ? { forwardBottleneck: forward } : {}),
        ...(reverse !== undefined ? { reverseBottleneck: reverse } : {}),
      });
    }
  }
  const counts = matrix.counts();
  return {
    endpoints: e.map((x) => ({ ...x, ...(names.logicalIdOf(x.id) ? { logicalId: names.logicalIdOf(x.id) } : {}) })),
    verdicts: e.map((_, i) => e.map((__, j) => (i === j ? null : matrix.traceVerdictAt(i, j)))),
    bottlenecks: bottlenecks.map((row) => row.map((b) => b ?? null)),
    pairs,
    counts: { REACHABLE: counts.REACHABLE / 2, ONE_WAY: counts.ONE_WAY / 2, UNREACHABLE: counts.UNREACHABLE / 2 },
  };
}
