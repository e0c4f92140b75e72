import { CompiledConnection, CompiledSite } from "../compile";
import { Place } from "../verdicts";
import { contains, list } from "./blocks";
import { tunnelDownCause } from "./gateway-stage";
import { sitePlace } from "./places";
import { Done, GW_IDC, IDC_OUT, Step } from "./steps";
import type { Walker } from "./walker";

// Stages at an IDC site: delivering to its own networks, or choosing the tunnel toward the cloud.

export function siteIn(w: Walker, site: CompiledSite, t: CompiledConnection): Step | Done {
  const at = (): Place => sitePlace(site);
  if (contains(site.cidrs, w.dst)) {
    w.hop(at, () => `${w.dstText} is inside IDC ${site.site.name}`, () => ({ table: "LOCAL", tableId: site.site.id }));
    return w.deliver(site, at);
  }
  w.hop(at, () => `${w.dstText} is not in IDC ${site.site.name} (${list(site.cidrs)}); the site routes it on`, () => ({
    table: "LOCAL",
    tableId: site.site.id,
    note: `arrived through connection ${t.connection.name}`,
  }));
  return { s: IDC_OUT, node: site };
}

export function siteOut(w: Walker, site: CompiledSite): Step | Done {
  const at = (): Place => sitePlace(site);
  if (contains(site.cidrs, w.dst)) {
    w.hop(at, () => `${w.dstText} is inside IDC ${site.site.name}: local delivery`, () => ({ table: "LOCAL", tableId: site.site.id }));
    return w.deliver(site, at);
  }
  const entry = site.tunnelRoutes.matchWhere(w.dst, (r) => r.connection.connection.tunnelUp);
  if (!entry) {
    const covering = site.tunnelRoutes.match(w.dst);
    // A tunnel that exists but is down is not a missing route: name one only when no selector covers dst.
    const missing = covering ? undefined : () => ({ table: "IDC_TUNNELS" as const, tableId: site.site.id, tableName: `IDC ${site.site.name}` });
    return w.drop("NO_TUNNEL", at, missing, () =>
      covering
        ? `IDC ${site.site.name}: the tunnels toward ${covering.cidr.network} (${covering.values
            .map((v) => v.connection.connection.name)
            .join(", ")}) are all down (${covering.values.map((v) => tunnelDownCause(v.connection)).join("; ")}).`
        : `IDC ${site.site.name} has no tunnel whose selectors cover ${w.dstText}: ` + noTunnelAdvice(site),
    );
  }
  const chosen = entry.values[0];
  const t = chosen.connection;
  const gw = t.gateway;
  if (!gw) {
    return w.drop("INVALID_NEXT_HOP", at, undefined, () => `connection ${t.connection.name} is on a VPN gateway that does not exist.`);
  }
  w.hop(at, () => `into the tunnel of connection ${t.connection.name} toward VPN gateway ${gw.gateway.name}`, () => ({
    table: "IDC_TUNNELS",
    tableId: site.site.id,
    entryId: t.connection.id,
    destinationCidr: entry.cidr.network,
    nextHop: gw.gateway.id,
    note: `${chosen.learnedFrom}; ${entry.values.length > 1 ? "preferred of " + entry.values.length + " usable tunnels" : "only usable tunnel"}`,
  }));
  return { s: GW_IDC, node: gw, tunnel: t };
}

/** Per compiled site: the advice depends on the site alone, and a trace that needs it should not rebuild it. */
const ADVICE = new WeakMap<CompiledSite, string>();
/** Networks named in the advice before "… and N more": a site behind a CCN carries hundreds. */
const LISTED = 6;

function noTunnelAdvice(site: CompiledSite): string {
  let advice = ADVICE.get(site);
  if (advice === undefined) ADVICE.set(site, (advice = buildAdvice(site)));
  return advice;
}

function buildAdvice(site: CompiledSite): string {
  if (site.tunnels.length === 0) return "it has no VPN connection.";
  const entries = site.tunnelRoutes.entries();
  const named = entries.slice(0, LISTED).map((e) => e.cidr.network).join(", ");
  const carried = entries.length === 0 ? "no networks" : entries.length > LISTED ? `${named} and ${entries.length - LISTED} more` : named;
  if (site.tunnels.every((t) => t.connection.routeType === "SPD")) {
    return `its SPD tunnels carry only their policies' cloud blocks (${carried}); SPD gives no transit to other networks — use route-table mode (routeType ROUTE with gateway routes) for that.`;
  }
  const unattached = site.tunnels.find((t) => t.gateway?.gateway.type === "CCN" && t.gateway.ccns.length === 0);
  return (
    `its tunnels carry ${carried}, the networks their gateways reach` +
    (unattached ? `; VPN gateway ${unattached.gateway!.gateway.name} is CCN-type and attached to no CCN, so it reaches only its own IDCs — attach it to a CCN to reach cloud networks.` : ".")
  );
}
