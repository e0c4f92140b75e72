import { CcnRoute, CompiledCcn, CompiledDirectConnect } from "../compile";
import { NetCcnAttachment } from "../model";
import { PrefixEntry } from "../prefix-trie";
import { Place } from "../verdicts";
import { contains, list } from "./blocks";
import { dcPlace } from "./places";
import { Attached, CCN, DC_IN, Done, GW_CLOUD, Step, VPC_IN } from "./steps";
import type { Walker } from "./walker";

// Stages of a CCN and of a direct-connect gateway: routes learned from attachments, and the dedicated line.

export function ccnStage(w: Walker, ccn: CompiledCcn, from: NetCcnAttachment): Step | Done {
  const at = (): Place => ({ kind: "CCN", id: ccn.ccn.id, name: ccn.ccn.name });
  const entry = ccn.routes.matchWhere(w.dst, (r) => r.attachment.id !== from.id);
  if (!entry) {
    return w.drop("NO_ROUTE", at, () => ({ table: "CCN_ROUTES", tableId: ccn.ccn.id, tableName: `CCN ${ccn.ccn.name}` }), () =>
      `CCN ${ccn.ccn.name} has learned no route to ${w.dstText} from its attachments: attach the network that owns ${w.block()} ` +
      `(its VPC, the VPN gateway with a route to it, or its direct-connect gateway).`,
    );
  }
  const route: CcnRoute = entry.values[0];
  const target = route.target;
  w.hop(at, () => `route ${entry.cidr.network} → ${target.kind} ${route.attachment.instance}`, () => ({
    table: "CCN_ROUTES",
    tableId: ccn.ccn.id,
    entryId: route.attachment.id,
    destinationCidr: entry.cidr.network,
    nextHop: route.attachment.instance,
    note: `learned from attachment ${route.attachment.id}`,
  }));
  switch (target.kind) {
    case "VPC":
      return { s: VPC_IN, node: target.node, via: `CCN ${ccn.ccn.name}` };
    case "VPN_GATEWAY":
      return { s: GW_CLOUD, node: target.node, from: `CCN ${ccn.ccn.name}` };
    case "DIRECT_CONNECT_GATEWAY":
      return { s: DC_IN, node: target.node };
  }
}

export function directConnectOut(w: Walker, dc: CompiledDirectConnect): Step | Done {
  const at = (): Place => dcPlace(dc);
  if (contains(dc.prefixes, w.dst)) {
    w.hop(at, () => `${w.dstText} is on the on-premises side of ${dc.gateway.name}: local delivery`, () => ({ table: "LOCAL", tableId: dc.gateway.id }));
    return w.deliver(dc, at);
  }
  const attached = dc.ccns[0];
  if (!attached) {
    return w.drop("NO_ROUTE", at, () => ({ table: "DIRECT_CONNECT", tableId: dc.gateway.id, tableName: `direct-connect gateway ${dc.gateway.name}` }), () =>
      `direct-connect gateway ${dc.gateway.name} is attached to no CCN, so its network reaches nothing in the cloud: attach it to a CCN.`,
    );
  }
  w.hop(at, () => `over the dedicated line to CCN ${attached.ccn.ccn.name}`, () => ({ table: "DIRECT_CONNECT", tableId: dc.gateway.id, nextHop: attached.ccn.ccn.id }));
  return { s: CCN, node: attached.ccn, from: attached.attachment };
}

export function directConnectIn(w: Walker, dc: CompiledDirectConnect): Step | Done {
  const at = (): Place => dcPlace(dc);
  if (contains(dc.prefixes, w.dst)) {
    w.hop(at, () => `${w.dstText} is behind direct-connect gateway ${dc.gateway.name}`, () => ({ table: "DIRECT_CONNECT", tableId: dc.gateway.id }));
    return w.deliver(dc, at);
  }
  return w.drop("NO_ROUTE", at, undefined, () =>
    `${w.dstText} is not among the on-premises prefixes of ${dc.gateway.name} (${list(dc.prefixes)}).`,
  );
}

export function bestCcnRoute(w: Walker, attachments: readonly Attached[]): { entry: PrefixEntry<CcnRoute>; attached: Attached } | undefined {
  let best: { entry: PrefixEntry<CcnRoute>; attached: Attached } | undefined;
  for (const attached of attachments) {
    const own = attached.attachment.id;
    const entry = attached.ccn.routes.matchWhere(w.dst, (r) => r.attachment.id !== own);
    if (entry && (!best || entry.cidr.prefix > best.entry.cidr.prefix)) best = { entry, attached };
  }
  return best;
}
