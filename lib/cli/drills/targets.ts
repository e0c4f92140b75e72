import { HybridlinkError } from "../../core/errors";
import { NetworkModel } from "../../net/model";
import { LogicalNames } from "../names";

/** What a drill can act on. */
export type DrillType = "CustomerGateway" | "IdcSite" | "VpnConnection" | "PeeringConnection";

/** A resource a drill names, found in the live network. */
export interface DrillTarget {
  readonly type: DrillType;
  readonly id: string;
  readonly name: string;
}

const NOUN: Readonly<Record<DrillType, string>> = {
  CustomerGateway: "customer gateway",
  IdcSite: "IDC site",
  VpnConnection: "VPN connection",
  PeeringConnection: "peering connection",
};

/** People's word for a drill target's type. */
export function nounOf(type: DrillType): string {
  return NOUN[type];
}

/**
 * The resource `text` names among the types a drill accepts: a logical ID or
 * construct path of the stack, a cloud ID, a name, or (customer gateways) the
 * device's public IP. A name two resources share is an error listing both.
 */
export function resolveDrillTarget(model: NetworkModel, text: string, names: LogicalNames, types: readonly DrillType[]): DrillTarget {
  const candidates = targetsOf(model).filter((t) => types.includes(t.target.type));
  const id = names.cloudIdOf(text) ?? text;
  const byId = candidates.find((t) => t.target.id === id);
  if (byId) return byId.target;
  const byName = candidates.filter((t) => t.target.name === text || t.address === text);
  if (byName.length === 1) return byName[0].target;
  const accepted = types.map(nounOf).join(", ");
  if (byName.length > 1) {
    throw new HybridlinkError(
      "AmbiguousName",
      `'${text}' names ${byName.length} resources (${byName.map((t) => `${nounOf(t.target.type)} ${t.target.id}`).join(", ")}): use the cloud ID or logical ID.`,
    );
  }
  const known = candidates.slice(0, 8).map((t) => `${t.target.name} (${t.target.id})`);
  throw new HybridlinkError(
    "UnknownTarget",
    `No ${accepted} named '${text}' is deployed${names.stack ? ` (stack '${names.stack}')` : ""}. Give a logical ID, cloud ID or name` +
      (types.includes("CustomerGateway") ? ", or a device's public IP" : "") +
      (known.length ? `. Deployed: ${known.join(", ")}${candidates.length > known.length ? ", …" : ""}.` : "; none is deployed."),
  );
}

function targetsOf(model: NetworkModel): Array<{ target: DrillTarget; address?: string }> {
  return [
    ...model.customerGateways.map((g) => ({ target: { type: "CustomerGateway" as const, id: g.id, name: g.name }, address: g.ipAddress })),
    ...model.idcSites.map((s) => ({ target: { type: "IdcSite" as const, id: s.id, name: s.name } })),
    ...model.connections.map((c) => ({ target: { type: "VpnConnection" as const, id: c.id, name: c.name } })),
    ...model.peerings.map((p) => ({ target: { type: "PeeringConnection" as const, id: p.id, name: p.name } })),
  ];
}
