/**
 * The one forwarding algorithm (DESIGN.md "Data plane semantics"): a packet
 * walks from place to place, each step reading one table, until it is
 * delivered or dropped with a reason code. Synth-time analysis and the
 * engine's data plane both run it; neither has a copy.
 *
 * One file per forwarding stage: vpc-stage (subnets, route tables, peering),
 * gateway-stage (VPN gateway routes, SPD, tunnels), site-stage (IDC sites),
 * ccn-stage (CCN and direct connect); walker.ts runs the steps and records hops.
 */
import { CompiledNetwork } from "../compile";
import { Outcome, Start } from "./steps";
import { Walker } from "./walker";

export type { Outcome, Start } from "./steps";

/**
 * Walk one packet. With `record` false only the verdict and the delivered
 * node are computed (no hop list, no texts): the matrix runs millions of these.
 */
export function walk(
  net: CompiledNetwork,
  start: Start,
  src: number,
  dst: number,
  record: boolean,
  dstBlock?: string,
): Outcome {
  return new Walker(net, src, dst, record, dstBlock).run(start);
}
