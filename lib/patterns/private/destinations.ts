import { coveredBy, tryParseCidr } from "../../net/cidr";

/**
 * The destinations that lie outside every block of `networks`: what a route
 * meant to reach those networks must not carry (a failover pair's IDC, a
 * peering's peer VPC). Text that is not a CIDR is not listed: it is the
 * addressing rules' finding, reported with all others at synth.
 */
export function destinationsOutside(destinations: readonly string[], networks: readonly string[]): string[] {
  const blocks = networks.map((c) => tryParseCidr(c)).filter((c) => c !== undefined);
  return destinations.filter((d) => {
    const block = tryParseCidr(d);
    return block !== undefined && !coveredBy(block, blocks);
  });
}
