import { ResourceType } from "../../../lib";
import { CloudError, notFound } from "../errors";
import { ID_PREFIXES, typeOfId } from "../ids";
import { ParamReader } from "../params";
import { ResourceRow } from "../store";
import { ActionContext } from "./types";

/** People's names for each type, for messages. */
export const NOUNS: Readonly<Record<ResourceType, string>> = {
  Vpc: "VPC",
  Subnet: "Subnet",
  RouteTable: "Route table",
  Route: "Route",
  VpnGateway: "VPN gateway",
  CustomerGateway: "Customer gateway",
  VpnConnection: "VPN connection",
  VpnGatewayRoute: "VPN gateway route",
  Ccn: "CCN",
  CcnAttachment: "CCN attachment",
  DirectConnectGateway: "Direct-connect gateway",
  PeeringConnection: "Peering connection",
  IdcSite: "IDC site",
};

/** True when the caller may see the resource: its owner, or the other account it is shared with. */
export function canSee(row: ResourceRow, account: string): boolean {
  return row.account === account || row.peerAccount === account;
}

/**
 * True when the resource is in the request's region, or the request names none.
 * A peering is in both its ends' regions; what has no region (CCNs and their
 * attachments, IDC sites) is in every one. So is a customer gateway, even one
 * that records a region (seed 001's 地域): our assumption, kept from before the
 * field existed, so an app whose device names no region, or whose connections
 * are in another region than the one its record was made in, deploys as it
 * did. A real cloud's are regional (see docs/fidelity.md).
 */
export function inRequestRegion(row: ResourceRow, ctx: ActionContext): boolean {
  if (ctx.region === undefined || row.region === undefined || row.type === "CcnAttachment" || row.type === "CustomerGateway") return true;
  if (row.type === "PeeringConnection") return row.region === ctx.region || row.props.accepterRegion === ctx.region;
  return row.region === ctx.region;
}

/**
 * The resource of that ID and type if the caller may see it; ResourceNotFound
 * otherwise, for another account's resource too, so that existence is not leaked.
 */
export function findVisible(ctx: ActionContext, id: string, type: ResourceType): ResourceRow {
  checkPrefix(ctx, id, type, "id");
  const row = ctx.store.resources.tryGet(id);
  // Another region's resource is answered as a missing one (no existence leaked across regions either).
  if (!row || row.type !== type || !canSee(row, ctx.account) || !inRequestRegion(row, ctx)) throw notFound(NOUNS[type], id, ctx.account);
  return row;
}

/** The resource if the caller owns it; UnauthorizedOperation when they only share it (the accepter of a peering). */
export function findOwned(ctx: ActionContext, id: string, type: ResourceType): ResourceRow {
  const row = findVisible(ctx, id, type);
  if (row.account !== ctx.account) {
    throw new CloudError(
      "UnauthorizedOperation",
      `${ctx.action}: ${NOUNS[type]} '${id}' belongs to account '${row.account}'; account '${ctx.account}' may see it ` +
        `but only its owner may do this. Ask account '${row.account}' to make the change.`,
    );
  }
  return row;
}

/** Reads a reference parameter: the ID of a resource of `type` that the caller owns. */
export function readOwnedRef(params: ParamReader, name: string, type: ResourceType, ctx: ActionContext): ResourceRow {
  const id = params.string(name);
  checkPrefix(ctx, id, type, params.nameOf(name));
  const row = ctx.store.resources.tryGet(id);
  if (!row || row.type !== type || row.account !== ctx.account || !inRequestRegion(row, ctx)) {
    throw new CloudError(
      "ResourceNotFound",
      `${ctx.action}: '${params.nameOf(name)}' names ${NOUNS[type]} '${id}', which does not exist in account '${ctx.account}'. ` +
        `Create it first, or pass the ID of one of your ${NOUNS[type]}s.`,
    );
  }
  return row;
}

/** Refuses an ID whose prefix names another type (a subnet ID where a VPC ID is expected). */
export function checkPrefix(ctx: ActionContext, id: string, type: ResourceType, what: string): void {
  const actual = typeOfId(id);
  if (actual !== type) {
    throw new CloudError(
      "InvalidParameterValue.MalformedId",
      `${ctx.action}: '${what}' must be a ${NOUNS[type]} ID (${ID_PREFIXES[type]}-…), received '${id}'` +
        (actual ? `, which is a ${NOUNS[actual]} ID.` : "."),
    );
  }
}
