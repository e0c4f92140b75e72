import { findOverlaps, OwnedCidr, tryParseCidr } from "../../net/cidr";
import { PatternErrorCode, topologyMessage } from "../errors";
import { VpnRouting } from "../vpn-routing";

/** What the hub's topology checks read. */
export interface HubTopology {
  readonly idcTransit: boolean;
  readonly routing: VpnRouting;
  /** Whether the hub reaches any cloud network (its VPC, or networks listed on its CCN). */
  readonly hasCloudNetwork: boolean;
  /** Each spoke's ID and its site's CIDRs. */
  readonly spokes: ReadonlyArray<{ readonly id: string; readonly cidrs: readonly string[] }>;
}

/**
 * Every way the hub's topology is wrong, as `[HL-PAT-…]` messages: transit
 * asked of SPD, isolation asked of a route table, nothing to connect, and
 * spokes whose networks overlap (transit between them would be ambiguous).
 */
export function hubTopologyProblems(hub: HubTopology): string[] {
  const problems: string[] = [];
  if (hub.idcTransit && hub.routing === VpnRouting.SPD) {
    problems.push(
      topologyMessage(
        PatternErrorCode.SPD_CANNOT_TRANSIT,
        `idcTransit is true but routing is SPD: an SPD connection only admits traffic between its own policy's networks, so IDCs never reach each other (seed 000: SPD 无法中转流量; scenario 6). Use routing VpnRouting.ROUTE_TABLE for IDC↔IDC transit (scenarios 2 and 3; scenario 4 too, whose IDCs transit to each other although seed 000 also lists it under SPD — the decision is in docs/fidelity.md), or set idcTransit: false to keep the IDCs apart`,
      ),
    );
  }
  if (!hub.idcTransit && hub.routing === VpnRouting.ROUTE_TABLE) {
    problems.push(
      topologyMessage(
        PatternErrorCode.ROUTE_TABLE_CANNOT_ISOLATE,
        `idcTransit is false but routing is ROUTE_TABLE: the gateway's route table forwards between its IDCs' tunnels, so they would reach each other. Use routing VpnRouting.SPD to keep the IDCs apart (seed 000 scenario 6), or set idcTransit: true`,
      ),
    );
  }
  const count = hub.spokes.length;
  if (count === 0 || (!hub.hasCloudNetwork && count < 2)) {
    problems.push(
      topologyMessage(
        PatternErrorCode.NOTHING_TO_REACH,
        hub.hasCloudNetwork
          ? `the hub has no spoke, so it connects nothing: add IDCs with addSpoke()`
          : `the hub has ${count} spoke(s) and no cloud network, so it connects nothing: an unattached CCN-type hub only carries IDC↔IDC traffic (scenario 3) — add at least two spokes with addSpoke(), or join a CCN with 'ccn: { vpcs }'`,
      ),
    );
  }
  if (hub.idcTransit) problems.push(...spokeOverlaps(hub.spokes));
  return problems;
}

function spokeOverlaps(spokes: HubTopology["spokes"]): string[] {
  const blocks: OwnedCidr<string>[] = [];
  for (const spoke of spokes) {
    for (const text of spoke.cidrs) {
      const cidr = tryParseCidr(text);
      if (cidr) blocks.push({ cidr, owner: spoke.id });
    }
  }
  return findOverlaps(blocks).map(({ a, b }) =>
    topologyMessage(
      PatternErrorCode.SPOKE_OVERLAP,
      `spoke '${a.owner}' (${a.cidr.text}) and spoke '${b.owner}' (${b.cidr.text}) overlap, so transit between them has no single destination; give each IDC distinct networks`,
    ),
  );
}
