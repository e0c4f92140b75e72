import { HybridlinkError } from "../core/errors";
import { bottleneckOf } from "./bottleneck";
import { tryParseIp } from "./cidr";
import { compileNetwork, CompiledNetwork } from "./compile";
import { locate, resolveEndpoint, startOf, startOfOwner, targetNodeOf } from "./endpoints";
import { Outcome, Start, walk } from "./forward";
import { NetworkModel } from "./model";
import { EndpointRef, Trace } from "./verdicts";

export interface TraceOptions {
  /**
   * Where the packet starts: the ID, name or address of a VPC, subnet, IDC
   * site or direct-connect gateway. Needed when the source address lies in
   * several networks with the same block (overlapping VPCs of two accounts).
   *
   * @default - the network that owns the source address
   */
  readonly from?: string;
}

/**
 * Follow one packet `srcIp → dstIp` hop by hop through the model and say
 * whether it is delivered, or where and why it is dropped. The model is
 * compiled once and cached per model object.
 *
 * Throws a HybridlinkError (`InvalidAddress`) when an address is not IPv4;
 * an address that belongs to no network is the verdict UNKNOWN_ENDPOINT.
 */
export function trace(model: NetworkModel, srcIp: string, dstIp: string, options: TraceOptions = {}): Trace {
  const src = parseAddress(srcIp, "source");
  const dst = parseAddress(dstIp, "destination");
  const net = compileNetwork(model);
  let start: Start | undefined;
  if (options.from !== undefined) {
    start = startOf(net, resolveEndpoint(model, options.from));
  } else {
    const owner = locate(net, src);
    if (owner === "AMBIGUOUS") {
      return unresolved(srcIp, dstIp, "AMBIGUOUS_ENDPOINT", `source ${srcIp} lies in several networks with the same block: pass options.from to say where the packet starts.`);
    }
    start = owner ? startOfOwner(owner.owner) : undefined;
  }
  if (!start) {
    return unresolved(srcIp, dstIp, "UNKNOWN_ENDPOINT", `source ${srcIp} is in no VPC, subnet, IDC site or direct-connect network of this model.`);
  }
  if (!net.owners.match(dst)) {
    return unresolved(srcIp, dstIp, "UNKNOWN_ENDPOINT", `destination ${dstIp} is in no VPC, subnet, IDC site or direct-connect network of this model.`);
  }
  return toTrace(net, srcIp, dstIp, walk(net, start, src, dst, true));
}

/** A recorded trace between two endpoints (their representative addresses), checking it reaches `to` itself. */
export function traceBetween(net: CompiledNetwork, from: EndpointRef, to: EndpointRef): Trace {
  const start = startOf(net, from);
  if (!start) return unresolved(from.ip, to.ip, "UNKNOWN_ENDPOINT", `endpoint ${from.id} is not in this model.`);
  const outcome = walk(net, start, tryParseIp(from.ip)!, tryParseIp(to.ip)!, true, to.cidr);
  const target = targetNodeOf(net, to);
  if (outcome.verdict === "DELIVERED" && outcome.deliveredNode !== target) {
    return {
      ...toTrace(net, from.ip, to.ip, outcome),
      verdict: "DELIVERED_ELSEWHERE",
      reason:
        `${outcome.reason}, not to ${to.kind.toLowerCase().replace(/_/g, " ")} ${to.name}: another network uses the same addresses ` +
        `(${to.cidr}); give the networks distinct CIDRs.`,
    };
  }
  return toTrace(net, from.ip, to.ip, outcome);
}

function toTrace(net: CompiledNetwork, src: string, dst: string, o: Outcome): Trace {
  return {
    src,
    dst,
    verdict: o.verdict,
    reason: o.reason,
    hops: o.hops,
    ...(o.deliveredTo ? { deliveredTo: o.deliveredTo } : {}),
    ...(o.droppedAt ? { droppedAt: o.droppedAt } : {}),
    ...(o.missingRoute ? { missingRoute: o.missingRoute } : {}),
    // Once per result, from the steps taken: the walk itself does no bandwidth work.
    ...(o.verdict === "DELIVERED" ? { bottleneck: bottleneckOf(net, o.path) } : {}),
  };
}

function unresolved(src: string, dst: string, verdict: "UNKNOWN_ENDPOINT" | "AMBIGUOUS_ENDPOINT", reason: string): Trace {
  return { src, dst, verdict, reason, hops: [] };
}

function parseAddress(text: string, role: string): number {
  const ip = tryParseIp(text);
  if (ip === undefined) {
    throw new HybridlinkError("InvalidAddress", `The ${role} '${text}' is not an IPv4 address: give one like 10.0.1.5.`);
  }
  return ip;
}
