import { CompiledConnection, CompiledGateway } from "../compile";
import { NetGatewayRoute } from "../model";
import { PrefixEntry } from "../prefix-trie";
import { Place } from "../verdicts";
import { contains, list, longestContaining } from "./blocks";
import { bestCcnRoute } from "./ccn-stage";
import { connectionPlace, gatewayPlace } from "./places";
import { CCN, Done, IDC_IN, Step, TUNNEL, VPC_IN } from "./steps";
import type { Walker } from "./walker";

// Stages at a VPN gateway: SPD policies, gateway routes and their preference, and the tunnel itself.

export function gatewayFromCloud(w: Walker, gw: CompiledGateway, from: string): Step | Done {
  const at = (): Place => gatewayPlace(gw);
  if (!gw.gateway.available) {
    return w.drop("GATEWAY_UNAVAILABLE", at, undefined, () =>
      `VPN gateway ${gw.gateway.name} is not AVAILABLE yet (still being provisioned): wait for it, nothing passes through it until then.`,
    );
  }
  const spd = matchSpd(w, gw.spdConnections, "cloud");
  if (spd) {
    w.hop(at, () => `SPD policy of connection ${spd.connection.name} matches ${w.srcText} → ${w.dstText}`, () => ({
      table: "SPD_POLICY",
      tableId: spd.connection.id,
      entryId: spd.connection.id,
      nextHop: spd.connection.id,
      note: "policy (SPD) matches win over the route table",
    }));
    return { s: TUNNEL, node: spd };
  }
  const entry = gw.routes.match(w.dst);
  if (!entry) {
    return w.drop("NO_ROUTE", at, () => ({ table: "VPN_GATEWAY_ROUTES", tableId: gw.gateway.id, tableName: `VPN gateway ${gw.gateway.name}` }), () =>
      `VPN gateway ${gw.gateway.name} (reached from ${from}) has no SPD policy and no route to ${w.dstText}: ` +
      `add a gateway route to ${w.block()} through the connection that leads there.`,
    );
  }
  return selectGatewayRoute(w, gw, entry, at);
}

/**
 * Among the routes of the longest prefix: the most preferred one whose
 * connection route selection believes usable; if none is, the preferred
 * route stays in place (and its packets are lost if the tunnel is down).
 */
export function selectGatewayRoute(w: Walker, gw: CompiledGateway, entry: PrefixEntry<NetGatewayRoute>, at: () => Place): Step | Done {
  const valid: Array<{ route: NetGatewayRoute; tunnel: CompiledConnection }> = [];
  for (const route of entry.values) {
    const tunnel = w.net.connections.get(route.connection);
    if (tunnel && tunnel.gateway === gw) valid.push({ route, tunnel });
  }
  if (valid.length === 0) {
    const route = entry.values[0];
    return w.drop("INVALID_NEXT_HOP", at, undefined, () =>
      `gateway route ${route.id} of VPN gateway ${gw.gateway.name} sends ${entry.cidr.network} to connection ${route.connection}, ` +
      `which is not a connection of this gateway: a route's next hop must be a connection on the same gateway.`,
    );
  }
  const usable = valid.find((v) => v.tunnel.connection.routable);
  const chosen = usable ?? valid[0];
  w.hop(at, () => `route ${entry.cidr.network} → connection ${chosen.tunnel.connection.name}`, () => ({
    table: "VPN_GATEWAY_ROUTES",
    tableId: gw.gateway.id,
    entryId: chosen.route.id,
    destinationCidr: entry.cidr.network,
    nextHop: chosen.tunnel.connection.id,
    note: selectionNote(valid.length, chosen.route.rank, chosen === valid[0], usable !== undefined),
  }));
  return { s: TUNNEL, node: chosen.tunnel };
}

export function tunnelStage(w: Walker, t: CompiledConnection): Step | Done {
  const at = (): Place => connectionPlace(t);
  if (!t.connection.tunnelUp) {
    return w.drop("TUNNEL_DOWN", at, undefined, () => `the tunnel of connection ${t.connection.name} is down (${tunnelDownCause(t)}); the packet is lost.`);
  }
  const site = t.site;
  if (!site) {
    return w.drop("NO_ROUTE", at, undefined, () =>
      `customer gateway ${t.customerGateway?.name ?? t.connection.customerGateway} of connection ${t.connection.name} belongs to no IDC site, ` +
      `so no network is known behind it: register the device with IdcSite.addDevice.`,
    );
  }
  w.hop(at, () => `through the tunnel to IDC ${site.site.name}`, () => ({
    table: "VPN_TUNNEL",
    tableId: t.connection.id,
    nextHop: site.site.id,
    note: `customer gateway ${t.customerGateway?.name ?? t.connection.customerGateway}`,
  }));
  return { s: IDC_IN, node: site, tunnel: t };
}

export function gatewayFromIdc(w: Walker, gw: CompiledGateway, t: CompiledConnection): Step | Done {
  const at = (): Place => gatewayPlace(gw);
  if (!gw.gateway.available) {
    return w.drop("GATEWAY_UNAVAILABLE", at, undefined, () => `VPN gateway ${gw.gateway.name} is not AVAILABLE yet (still being provisioned).`);
  }
  if (t.connection.routeType === "SPD") return admitSpd(w, gw, t, at);
  const localVpc = gw.vpc && contains(gw.vpc.cidrs, w.dst) ? gw.vpc : undefined;
  const routed = gw.routes.match(w.dst);
  const learned = gw.gateway.type === "CCN" ? bestCcnRoute(w, gw.ccns) : undefined;
  const localPrefix = localVpc ? longestContaining(localVpc.cidrs, w.dst) : -1;
  const routedPrefix = routed ? routed.cidr.prefix : -1;
  const learnedPrefix = learned ? learned.entry.cidr.prefix : -1;
  if (localVpc && localPrefix >= routedPrefix && localPrefix >= learnedPrefix) {
    w.hop(at, () => `into VPC ${localVpc.vpc.name}, the gateway's VPC`, () => ({ table: "LOCAL", tableId: gw.gateway.id, nextHop: localVpc.vpc.id }));
    return { s: VPC_IN, node: localVpc, via: `VPN gateway ${gw.gateway.name}` };
  }
  if (routed && routedPrefix >= learnedPrefix) return selectGatewayRoute(w, gw, routed, at);
  if (learned) {
    const { entry, attached } = learned;
    w.hop(at, () => `to CCN ${attached.ccn.ccn.name}`, () => ({
      table: "CCN_ROUTES",
      tableId: attached.ccn.ccn.id,
      destinationCidr: entry.cidr.network,
      nextHop: attached.ccn.ccn.id,
      note: "a CCN-type gateway attached to a CCN forwards by the CCN's routes",
    }));
    return { s: CCN, node: attached.ccn, from: attached.attachment };
  }
  return w.drop("NO_ROUTE", at, () => ({ table: "VPN_GATEWAY_ROUTES", tableId: gw.gateway.id, tableName: `VPN gateway ${gw.gateway.name}` }), () =>
    `VPN gateway ${gw.gateway.name} has no route to ${w.dstText} for traffic from IDC ${t.site?.site.name ?? "?"}` +
    (gw.gateway.type === "CCN" && gw.ccns.length === 0
      ? ": a CCN-type gateway not attached to a CCN reaches only its own IDCs; attach it to a CCN to reach cloud networks."
      : gw.vpc
        ? `: it delivers only into VPC ${gw.vpc.vpc.name} (${list(gw.vpc.cidrs)}) and to the destinations of its routes.`
        : ": add a gateway route to it or attach the gateway to a CCN that has one."),
  );
}

export function admitSpd(w: Walker, gw: CompiledGateway, t: CompiledConnection, at: () => Place): Step | Done {
  if (!matchSpd(w, [t], "idc")) {
    return w.drop("SPD_MISMATCH", at, undefined, () =>
      `connection ${t.connection.name} is SPD-based and admits only ${t.policies
        .map((p) => `${list(p.remote)} → ${list(p.local)}`)
        .join("; ")}; ${w.srcText} → ${w.dstText} matches none of its policies. ` +
      `SPD gives no transit between IDCs: use route-table mode (routeType ROUTE with gateway routes) for that.`,
    );
  }
  const note = "admitted by the SPD policy; SPD traffic is not routed onward";
  if (gw.vpc) {
    const vpc = gw.vpc;
    w.hop(at, () => `SPD policy admits it; into VPC ${vpc.vpc.name}`, () => ({ table: "SPD_POLICY", tableId: t.connection.id, nextHop: vpc.vpc.id, note }));
    return { s: VPC_IN, node: vpc, via: `VPN gateway ${gw.gateway.name}` };
  }
  const learned = bestCcnRoute(w, gw.ccns);
  if (learned) {
    w.hop(at, () => `SPD policy admits it; to CCN ${learned.attached.ccn.ccn.name}`, () => ({
      table: "SPD_POLICY",
      tableId: t.connection.id,
      nextHop: learned.attached.ccn.ccn.id,
      note,
    }));
    return { s: CCN, node: learned.attached.ccn, from: learned.attached.attachment };
  }
  return w.drop("NO_ROUTE", at, undefined, () =>
    `VPN gateway ${gw.gateway.name} admitted the packet by SPD but has no VPC and no CCN route to ${w.dstText}.`,
  );
}

export function matchSpd(w: Walker, tunnels: readonly CompiledConnection[], direction: "cloud" | "idc"): CompiledConnection | undefined {
  let best: CompiledConnection | undefined;
  let bestPrefix = -1;
  for (const t of tunnels) {
    for (const p of t.policies) {
      const inner = direction === "cloud" ? p.remote : p.local;
      const outer = direction === "cloud" ? p.local : p.remote;
      if (!contains(outer, w.src)) continue;
      const prefix = longestContaining(inner, w.dst);
      if (prefix > bestPrefix) {
        best = t;
        bestPrefix = prefix;
      }
    }
  }
  return best;
}

function selectionNote(candidates: number, rank: number, preferred: boolean, usable: boolean): string {
  if (candidates === 1) return `rank ${rank}`;
  if (!usable) return `rank ${rank}: no route to this prefix is usable, so the preferred route stays in place`;
  return preferred ? `rank ${rank}: preferred of ${candidates} routes` : `rank ${rank}: standby, the preferred route's tunnel is detected down`;
}

/** Why a tunnel is down, in the words of its cause. */
export function tunnelDownCause(t: CompiledConnection): string {
  if (t.customerGateway && !t.customerGateway.up) return `customer gateway ${t.customerGateway.name} is down`;
  if (t.gateway && !t.gateway.gateway.available) return `VPN gateway ${t.gateway.gateway.name} is not available`;
  return t.connection.downReason ?? "not negotiated";
}
