import {
  CompiledPeering,
  CompiledTable,
  CompiledVpc,
  TableEntryValue,
} from "../compile";
import { NetSubnet } from "../model";
import { PrefixEntry } from "../prefix-trie";
import { Place, TableEntry } from "../verdicts";
import { contains, list } from "./blocks";
import { bestCcnRoute } from "./ccn-stage";
import { subnetPlace, vpcPlace } from "./places";
import { CCN, Done, GW_CLOUD, PEERING, Step, VPC_IN } from "./steps";
import type { Walker } from "./walker";

// Stages inside a VPC: leaving by its route table (or a CCN route), arriving, and crossing a peering.

export function vpcOut(w: Walker, vpc: CompiledVpc, table: CompiledTable | undefined, subnet: NetSubnet | undefined): Step | Done {
  const at = (): Place => (subnet ? subnetPlace(subnet) : vpcPlace(vpc));
  if (contains(vpc.cidrs, w.dst)) {
    w.hop(at, () => `${w.dstText} is inside VPC ${vpc.vpc.name}: local delivery`, () => ({
      table: "LOCAL",
      tableId: vpc.vpc.id,
    }));
    return deliverInVpc(w, vpc);
  }
  const explicit = table?.routes.match(w.dst);
  const learned = bestCcnRoute(w, vpc.ccns);
  if (!explicit && !learned) {
    const tableId = table?.table.id ?? vpc.vpc.id;
    const tableName = table ? `route table ${table.table.id}` : `VPC ${vpc.vpc.name} (no route table)`;
    return w.drop("NO_ROUTE", at, () => ({ table: "ROUTE_TABLE", tableId, tableName }), () =>
      `${tableName} of VPC ${vpc.vpc.name} has no route to ${w.dstText}` +
      (vpc.ccns.length > 0 ? " and no attached CCN has learned one" : "") +
      `: add a route to ${w.block()} whose next hop is the peering, VPN gateway or CCN that leads there.`,
    );
  }
  if (explicit && table && (!learned || explicit.cidr.prefix >= learned.entry.cidr.prefix)) {
    return followTableEntry(w, vpc, table, explicit, at);
  }
  const { entry, attached } = learned!;
  w.hop(at, () => `to CCN ${attached.ccn.ccn.name} (route learned from ${entry.values[0].attachment.instance})`, () => ({
    table: "ROUTE_TABLE",
    tableId: table?.table.id ?? vpc.vpc.id,
    entryId: entry.values[0].attachment.id,
    destinationCidr: entry.cidr.network,
    nextHop: attached.ccn.ccn.id,
    note: "learned from the CCN the VPC is attached to",
  }));
  return { s: CCN, node: attached.ccn, from: attached.attachment };
}

export function followTableEntry(w: Walker, 
  vpc: CompiledVpc,
  table: CompiledTable,
  entry: PrefixEntry<TableEntryValue>,
  at: () => Place,
): Step | Done {
  const value = entry.values[0];
  if (value.kind === "PUBLISHED") {
    const gw = value.gateway;
    w.hop(at, () => `to VPN gateway ${gw.gateway.name} (route published by the gateway)`, () => ({
      table: "ROUTE_TABLE",
      tableId: table.table.id,
      entryId: value.gatewayRoute.id,
      destinationCidr: entry.cidr.network,
      nextHop: gw.gateway.id,
      note: "published to the VPC by VPN gateway route " + value.gatewayRoute.id,
    }));
    return { s: GW_CLOUD, node: gw, from: vpc.vpc.name };
  }
  const route = value.route;
  const tableEntry = (): TableEntry => ({
    table: "ROUTE_TABLE",
    tableId: table.table.id,
    entryId: route.id,
    destinationCidr: entry.cidr.network,
    nextHop: route.nextHop,
  });
  const invalid = (why: string): Done =>
    w.drop(
      "INVALID_NEXT_HOP",
      at,
      undefined,
      () =>
        `route ${route.id} in route table ${table.table.id} sends ${entry.cidr.network} to ${route.nextHopType} ${route.nextHop}, ` +
        `but ${why}: point it at a next hop of VPC ${vpc.vpc.name}.`,
      () => tableEntry(),
    );
  switch (route.nextHopType) {
    case "PEERING": {
      const peering = w.net.peerings.get(route.nextHop);
      if (!peering) return invalid("no such peering connection exists");
      if (peering.requester !== vpc && peering.accepter !== vpc) return invalid(`the peering does not connect VPC ${vpc.vpc.name}`);
      w.hop(at, () => `to peering ${peering.peering.name}`, () => tableEntry());
      return { s: PEERING, node: peering, from: vpc };
    }
    case "VPN_GATEWAY": {
      const gw = w.net.gateways.get(route.nextHop);
      if (!gw) return invalid("no such VPN gateway exists");
      if (gw.vpc !== vpc) return invalid(`that gateway is not a VPC-type gateway of VPC ${vpc.vpc.name}`);
      w.hop(at, () => `to VPN gateway ${gw.gateway.name}`, () => tableEntry());
      return { s: GW_CLOUD, node: gw, from: vpc.vpc.name };
    }
    case "CCN": {
      const attached = vpc.ccns.find((a) => a.ccn.ccn.id === route.nextHop);
      if (!attached) return invalid("the VPC is not attached to that CCN");
      w.hop(at, () => `to CCN ${attached.ccn.ccn.name}`, () => tableEntry());
      return { s: CCN, node: attached.ccn, from: attached.attachment };
    }
  }
}

export function vpcIn(w: Walker, vpc: CompiledVpc, via: string): Step | Done {
  const at = (): Place => vpcPlace(vpc);
  if (contains(vpc.cidrs, w.dst)) {
    w.hop(at, () => `${w.dstText} is inside VPC ${vpc.vpc.name}`, () => ({ table: "LOCAL", tableId: vpc.vpc.id }));
    return deliverInVpc(w, vpc);
  }
  return w.drop("NON_TRANSITIVE", at, undefined, () =>
    `${w.dstText} is not in VPC ${vpc.vpc.name} (${list(vpc.cidrs)}); traffic arriving from ${via} is delivered only to ` +
    `the VPC's own CIDRs and never forwarded onward (peering, VPN gateways and CCN do not transit through a VPC): ` +
    `connect the source to the destination's network directly.`,
  );
}

export function deliverInVpc(w: Walker, vpc: CompiledVpc): Done {
  const subnet = w.hops ? vpc.subnets.match(w.dst)?.values[0] : undefined;
  return w.deliver(vpc, () => (subnet ? subnetPlace(subnet) : vpcPlace(vpc)));
}

export function peeringStage(w: Walker, p: CompiledPeering, from: CompiledVpc): Step | Done {
  const at = (): Place => ({ kind: "PEERING", id: p.peering.id, name: p.peering.name });
  if (p.peering.state !== "ACTIVE") {
    return w.drop("PEERING_NOT_ACTIVE", at, undefined, () =>
      `peering ${p.peering.name} is ${p.peering.state}, not ACTIVE: ` + peeringAdvice(p.peering.state),
    );
  }
  const other = p.requester === from ? p.accepter : p.requester;
  if (!other) {
    return w.drop("INVALID_NEXT_HOP", at, undefined, () =>
      `peering ${p.peering.name} leads to a VPC that does not exist in this network.`,
    );
  }
  w.hop(at, () => `across peering to VPC ${other.vpc.name}`, () => ({ table: "PEERING", tableId: p.peering.id, nextHop: other.vpc.id }));
  return { s: VPC_IN, node: other, via: `peering ${p.peering.name}` };
}

function peeringAdvice(state: string): string {
  switch (state) {
    case "PENDING":
      return "the accepter's account must accept it (cross-account peering).";
    case "EXPIRED":
      return "it was not accepted within 7 days; re-enable it (EnableVpcPeeringConnection).";
    case "REJECTED":
      return "the accepter's account rejected it; request a new one.";
    default:
      return "traffic passes only while it is ACTIVE.";
  }
}
