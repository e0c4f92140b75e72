import { HybridlinkError } from "../core/errors";
import { bottleneckOf } from "./bottleneck";
import { tryParseIp } from "./cidr";
import { CompiledNetwork, compileNetwork } from "./compile";
import { listEndpoints, resolveEndpoint, startOf, targetNodeOf } from "./endpoints";
import { Outcome, walk } from "./forward";
import { NetworkModel } from "./model";
import { analyzePair } from "./pair";
import { Bottleneck, EndpointRef, PairVerdict, PairVerdictCode, pairVerdictOf, TRACE_VERDICTS, TraceVerdict } from "./verdicts";

/**
 * Reachability between every ordered pair of endpoints. Each one-way verdict
 * is computed once (the pair verdict of a→b reads a→b and b→a), without hop
 * records; `pair()` re-traces one pair in full when someone asks why.
 */
export class ReachabilityMatrix {
  private readonly index = new Map<string, number>();

  /** @internal built by reachabilityMatrix() */
  constructor(
    private readonly model: NetworkModel,
    /** The endpoints, in row and column order. */
    public readonly endpoints: readonly EndpointRef[],
    private readonly codes: Uint8Array,
  ) {
    endpoints.forEach((e, i) => this.index.set(e.id, i));
  }

  /** Number of endpoints (rows, columns). */
  public get size(): number {
    return this.endpoints.length;
  }

  /** The one-way verdict of a packet from endpoint `from` to endpoint `to` (by ID). */
  public traceVerdict(from: string, to: string): TraceVerdict {
    return this.traceVerdictAt(this.position(from), this.position(to));
  }

  /** The pair verdict of `from` and `to` (by ID): both ways, one way, or neither. */
  public verdict(from: string, to: string): PairVerdictCode {
    return this.verdictAt(this.position(from), this.position(to));
  }

  /** The one-way verdict by row and column. */
  public traceVerdictAt(i: number, j: number): TraceVerdict {
    return TRACE_VERDICTS[this.codes[i * this.endpoints.length + j]];
  }

  /** The pair verdict by row and column. */
  public verdictAt(i: number, j: number): PairVerdictCode {
    return pairVerdictOf(this.traceVerdictAt(i, j), this.traceVerdictAt(j, i));
  }

  /**
   * The bottleneck of the one-way path from row i to column j: null when no
   * hop on it has a bandwidth limit, undefined when it does not deliver. The
   * cell is walked again (without hop records) only when asked.
   */
  public bottleneckAt(i: number, j: number): Bottleneck | null | undefined {
    if (i === j || this.traceVerdictAt(i, j) !== "DELIVERED") return undefined;
    const net = compileNetwork(this.model);
    const start = startOf(net, this.endpoints[i])!;
    const outcome = walk(net, start, tryParseIp(this.endpoints[i].ip)!, tryParseIp(this.endpoints[j].ip)!, false);
    return bottleneckOf(net, outcome.path);
  }

  /** The full analysis of one pair, with both traces hop by hop. */
  public pair(from: string, to: string): PairVerdict {
    return analyzePair(this.model, this.endpoints[this.position(from)], this.endpoints[this.position(to)]);
  }

  /** How many ordered pairs of distinct endpoints have each verdict. */
  public counts(): Record<PairVerdictCode, number> {
    const counts: Record<PairVerdictCode, number> = { REACHABLE: 0, ONE_WAY: 0, UNREACHABLE: 0 };
    const n = this.endpoints.length;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) counts[this.verdictAt(i, j)]++;
    return counts;
  }

  /**
   * The matrix as text: one row per source, one column per destination, each
   * cell the one-way verdict (`.` for delivered, the reason code otherwise).
   */
  public render(label: (e: EndpointRef) => string = (e) => e.name): string {
    const labels = this.endpoints.map(label);
    const n = labels.length;
    const cells = labels.map((_, i) => labels.map((__, j) => (i === j ? "-" : abbreviate(this.traceVerdictAt(i, j)))));
    const width = Math.max(...labels.map((l) => l.length), ...cells.flat().map((c) => c.length));
    const pad = (s: string): string => s.padEnd(width);
    const lines = [[pad(""), ...labels.map(pad)].join(" ").trimEnd()];
    for (let i = 0; i < n; i++) lines.push([pad(labels[i]), ...cells[i].map(pad)].join(" ").trimEnd());
    return lines.join("\n");
  }

  private position(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) {
      throw new HybridlinkError("UnknownEndpoint", `Endpoint '${id}' is not in this matrix; it has ${this.endpoints.map((e) => e.id).join(", ")}.`);
    }
    return i;
  }
}

function abbreviate(v: TraceVerdict): string {
  return v === "DELIVERED" ? "." : v;
}

/**
 * The reachability matrix over `endpoints` (IDs, names, addresses or resolved
 * endpoints).
 *
 * @param endpoints - @default every VPC, subnet, IDC site and direct-connect gateway of the model
 */
export function reachabilityMatrix(model: NetworkModel, endpoints?: readonly (string | EndpointRef)[]): ReachabilityMatrix {
  const list = endpoints ? endpoints.map((e) => (typeof e === "string" ? resolveEndpoint(model, e) : e)) : listEndpoints(model);
  const cells = matrixCells(model, list);
  const n = list.length;
  const codes = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) codes[i * n + j] = cells.code(i, j);
  return new ReachabilityMatrix(model, list, codes);
}

/** The one-way verdict codes of a model over resolved endpoints, one cell at a time (shared with the failure analysis). */
export interface MatrixCells {
  /** The verdict code (an index of TRACE_VERDICTS) of a packet from endpoint i to endpoint j. */
  code(i: number, j: number): number;
  /** The same walk with its hops recorded, and its code. */
  trace(i: number, j: number): { readonly code: number; readonly outcome?: Outcome };
}

const CODE = new Map<TraceVerdict, number>(TRACE_VERDICTS.map((v, i) => [v, i]));
const UNKNOWN = CODE.get("UNKNOWN_ENDPOINT")!;
const ELSEWHERE = CODE.get("DELIVERED_ELSEWHERE")!;

/** @internal */
export function matrixCells(model: NetworkModel, list: readonly EndpointRef[], net: CompiledNetwork = compileNetwork(model)): MatrixCells {
  const starts = list.map((e) => startOf(net, e));
  const addresses = list.map((e) => tryParseIp(e.ip)!);
  const targets = list.map((e) => targetNodeOf(net, e));
  const codeOf = (outcome: Outcome, j: number) =>
    outcome.verdict === "DELIVERED" && outcome.deliveredNode !== targets[j] ? ELSEWHERE : CODE.get(outcome.verdict)!;
  return {
    code(i, j) {
      const start = starts[i];
      return start ? codeOf(walk(net, start, addresses[i], addresses[j], false), j) : UNKNOWN;
    },
    trace(i, j) {
      const start = starts[i];
      if (!start) return { code: UNKNOWN };
      const outcome = walk(net, start, addresses[i], addresses[j], true);
      return { code: codeOf(outcome, j), outcome };
    },
  };
}
