import { HybridlinkError } from "../core/errors";
import { Cidr, formatIp, tryParseCidr, tryParseIp } from "./cidr";
import { compileNetwork, CompiledNetwork, Owner } from "./compile";
import { Start } from "./forward";
import { NetworkModel } from "./model";
import { PrefixEntry } from "./prefix-trie";
import { EndpointRef } from "./verdicts";

/**
 * Endpoints: the named networks traffic starts from and goes to (VPCs,
 * subnets, IDC sites, direct-connect networks), how a user names them (ID,
 * name or IP) and the address that stands for each in a trace.
 *
 * Representative address: the first usable host of the block — a subnet's
 * first host; a VPC's is the first host of its lowest-addressed subnet (so the
 * packet leaves through a real subnet's route table), or of its first CIDR
 * when it has no subnet; an IDC site's the first host of its first CIDR; a
 * direct-connect network's the first host of its first on-premises prefix.
 * "First usable host" is network + 1, or the network itself for /31 and /32.
 */

/** The first usable host of a block. */
export function firstHost(cidr: Cidr): number {
  return cidr.prefix >= 31 ? cidr.start : cidr.start + 1;
}

/** Every endpoint of the model: VPCs, subnets, IDC sites and direct-connect gateways, in model order. */
export function listEndpoints(model: NetworkModel): EndpointRef[] {
  const out: EndpointRef[] = [];
  const net = compileNetwork(model);
  for (const v of model.vpcs) pushDefined(out, vpcEndpoint(net, v.id));
  for (const s of model.subnets) pushDefined(out, subnetEndpoint(net, s.id));
  for (const s of model.idcSites) pushDefined(out, blockEndpoint("IDC_SITE", s.id, s.name, s.cidrs));
  for (const d of model.directConnectGateways) pushDefined(out, blockEndpoint("DIRECT_CONNECT_GATEWAY", d.id, d.name, d.onPremPrefixes));
  return out;
}

function pushDefined<T>(out: T[], value: T | undefined): void {
  if (value !== undefined) out.push(value);
}

/** The endpoint with this ID, or undefined (IDs only: no names, no addresses). */
export function tryFindEndpointById(model: NetworkModel, id: string): EndpointRef | undefined {
  const net = compileNetwork(model);
  if (net.vpcs.has(id)) return vpcEndpoint(net, id);
  if (net.subnets.has(id)) return subnetEndpoint(net, id);
  const site = net.sites.get(id);
  if (site) return blockEndpoint("IDC_SITE", id, site.site.name, site.site.cidrs);
  const dc = net.directConnects.get(id);
  if (dc) return blockEndpoint("DIRECT_CONNECT_GATEWAY", id, dc.gateway.name, dc.gateway.onPremPrefixes);
  return undefined;
}

/**
 * The endpoint `text` names — an ID, else a unique name, else an IPv4
 * address inside some network — or undefined when nothing matches. Throws
 * when a name or address is ambiguous (the message lists the candidates).
 */
export function tryResolveEndpoint(model: NetworkModel, text: string): EndpointRef | undefined {
  const byId = tryFindEndpointById(model, text);
  if (byId) return byId;
  const byName = listEndpoints(model).filter((e) => e.name === text);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) {
    throw new HybridlinkError(
      "AmbiguousEndpoint",
      `Endpoint '${text}' names ${byName.length} networks (${byName.map((e) => `${e.kind} ${e.id}`).join(", ")}): use one of their IDs.`,
    );
  }
  const ip = tryParseIp(text);
  if (ip === undefined) return undefined;
  const net = compileNetwork(model);
  const owned = locate(net, ip);
  if (owned === undefined) return undefined;
  if (owned === "AMBIGUOUS") {
    throw new HybridlinkError("AmbiguousEndpoint", `Address ${text} lies in several networks with the same block (${ownersOf(net, ip)}): name the endpoint by ID.`);
  }
  return endpointOfOwner(owned.owner, owned.cidr, ip);
}

/** The endpoint `text` names; throws a HybridlinkError (`UnknownEndpoint`) naming what is accepted otherwise. */
export function resolveEndpoint(model: NetworkModel, text: string): EndpointRef {
  const found = tryResolveEndpoint(model, text);
  if (found) return found;
  const known = listEndpoints(model);
  const sample = known.slice(0, 8).map((e) => e.id);
  throw new HybridlinkError(
    "UnknownEndpoint",
    `Unknown endpoint '${text}': give the ID or name of a VPC, subnet, IDC site or direct-connect gateway, or an IPv4 address inside one ` +
      `(known: ${sample.join(", ")}${known.length > sample.length ? `, … ${known.length - sample.length} more` : ""}).`,
  );
}

/** The address that stands for an endpoint (see the file comment for the choice). */
export function representativeIp(model: NetworkModel, id: string): string {
  const e = tryFindEndpointById(model, id);
  if (!e) throw new HybridlinkError("UnknownEndpoint", `No VPC, subnet, IDC site or direct-connect gateway with ID '${id}'.`);
  return e.ip;
}

// ---- internal: used by trace, pair and matrix ------------------------------------------

/** Who owns `ip`: the longest block containing it; AMBIGUOUS when one block belongs to several networks. */
export function locate(net: CompiledNetwork, ip: number): { owner: Owner; cidr: Cidr } | "AMBIGUOUS" | undefined {
  const entry = net.owners.match(ip);
  if (!entry) return undefined;
  return pickOwner(entry);
}

function pickOwner(entry: PrefixEntry<Owner>): { owner: Owner; cidr: Cidr } | "AMBIGUOUS" {
  const networks = new Set(entry.values.map(networkKey));
  if (networks.size > 1) return "AMBIGUOUS";
  // A subnet as large as its VPC's block: the subnet is the more precise answer.
  const owner = entry.values.find((o) => o.kind === "SUBNET") ?? entry.values[0];
  return { owner, cidr: entry.cidr };
}

function networkKey(o: Owner): string {
  switch (o.kind) {
    case "SUBNET":
      return `vpc:${o.subnet.vpc}`;
    case "VPC":
      return `vpc:${o.vpc.vpc.id}`;
    case "IDC_SITE":
      return `site:${o.site.site.id}`;
    case "DIRECT_CONNECT_GATEWAY":
      return `dc:${o.dc.gateway.id}`;
  }
}

function ownersOf(net: CompiledNetwork, ip: number): string {
  return (net.owners.match(ip)?.values ?? []).map((o) => `${o.kind} ${networkKey(o).split(":")[1]}`).join(", ");
}

/** Where a packet from this endpoint starts. */
export function startOf(net: CompiledNetwork, e: EndpointRef): Start | undefined {
  switch (e.kind) {
    case "VPC":
    case "SUBNET": {
      const subnet = e.kind === "SUBNET" ? net.subnets.get(e.id) : undefined;
      const vpc = net.vpcs.get(subnet ? subnet.vpc : e.id);
      if (!vpc) return undefined;
      const ip = tryParseIp(e.ip);
      const inSubnet = subnet ?? (ip !== undefined ? vpc.subnets.match(ip)?.values[0] : undefined);
      const table = inSubnet ? (net.tables.get(inSubnet.routeTable) ?? vpc.mainTable) : vpc.mainTable;
      return { kind: "VPC", vpc, table, subnet: inSubnet };
    }
    case "IDC_SITE": {
      const site = net.sites.get(e.id);
      return site ? { kind: "IDC_SITE", site } : undefined;
    }
    case "DIRECT_CONNECT_GATEWAY": {
      const dc = net.directConnects.get(e.id);
      return dc ? { kind: "DIRECT_CONNECT_GATEWAY", dc } : undefined;
    }
  }
}

/** Where a packet starts when only its source address is known. */
export function startOfOwner(owner: Owner): Start | undefined {
  switch (owner.kind) {
    case "SUBNET":
      return owner.vpc ? { kind: "VPC", vpc: owner.vpc, table: owner.table, subnet: owner.subnet } : undefined;
    case "VPC":
      return { kind: "VPC", vpc: owner.vpc, table: owner.vpc.mainTable };
    case "IDC_SITE":
      return { kind: "IDC_SITE", site: owner.site };
    case "DIRECT_CONNECT_GATEWAY":
      return { kind: "DIRECT_CONNECT_GATEWAY", dc: owner.dc };
  }
}

/** The compiled node a delivery to this endpoint must reach (its VPC, site or direct-connect gateway). */
export function targetNodeOf(net: CompiledNetwork, e: EndpointRef): { uid: number } | undefined {
  switch (e.kind) {
    case "VPC":
      return net.vpcs.get(e.id);
    case "SUBNET": {
      const subnet = net.subnets.get(e.id);
      return subnet ? net.vpcs.get(subnet.vpc) : undefined;
    }
    case "IDC_SITE":
      return net.sites.get(e.id);
    case "DIRECT_CONNECT_GATEWAY":
      return net.directConnects.get(e.id);
  }
}

function endpointOfOwner(owner: Owner, cidr: Cidr, ip: number): EndpointRef {
  const ipText = formatIp(ip);
  switch (owner.kind) {
    case "SUBNET":
      return { kind: "SUBNET", id: owner.subnet.id, name: owner.subnet.name, ip: ipText, cidr: cidr.network };
    case "VPC":
      return { kind: "VPC", id: owner.vpc.vpc.id, name: owner.vpc.vpc.name, ip: ipText, cidr: cidr.network };
    case "IDC_SITE":
      return { kind: "IDC_SITE", id: owner.site.site.id, name: owner.site.site.name, ip: ipText, cidr: cidr.network };
    case "DIRECT_CONNECT_GATEWAY":
      return { kind: "DIRECT_CONNECT_GATEWAY", id: owner.dc.gateway.id, name: owner.dc.gateway.name, ip: ipText, cidr: cidr.network };
  }
}

function vpcEndpoint(net: CompiledNetwork, id: string): EndpointRef | undefined {
  const vpc = net.vpcs.get(id);
  if (!vpc) return undefined;
  const lowest = vpc.subnets
    .entries()
    .filter((e) => vpc.cidrs.some((c) => c.start <= e.cidr.start && e.cidr.end <= c.end))
    .sort((a, b) => a.cidr.start - b.cidr.start)[0];
  const block = lowest?.cidr ?? vpc.cidrs[0];
  if (!block) return undefined;
  const ip = firstHost(block);
  const vpcBlock = vpc.cidrs.find((c) => c.start <= ip && ip <= c.end) ?? block;
  return { kind: "VPC", id, name: vpc.vpc.name, ip: formatIp(ip), cidr: vpcBlock.network };
}

function subnetEndpoint(net: CompiledNetwork, id: string): EndpointRef | undefined {
  const subnet = net.subnets.get(id);
  const cidr = subnet ? tryParseCidr(subnet.cidr) : undefined;
  if (!subnet || !cidr) return undefined;
  return { kind: "SUBNET", id, name: subnet.name, ip: formatIp(firstHost(cidr)), cidr: cidr.network };
}

function blockEndpoint(kind: "IDC_SITE" | "DIRECT_CONNECT_GATEWAY", id: string, name: string, cidrs: readonly string[]): EndpointRef | undefined {
  const first = cidrs.map((c) => tryParseCidr(c)).find((c) => c !== undefined);
  if (!first) return undefined;
  return { kind, id, name, ip: formatIp(firstHost(first)), cidr: first.network };
}
