import { CompiledCcn, compileNetwork } from "../../../lib";
import { buildNetworkModel } from "../dataplane/model";
import { JsonObject } from "../params";
import { findOwned } from "./lookup";
import { ActionContext, ActionDefinition, isoTime } from "./types";

/**
 * DescribeCcnRoutes `{ ccn? }`: the routes a CCN has learned from its
 * attachments (VPC CIDRs, VPN gateway route destinations, direct-connect
 * prefixes), read from the data plane's own compiled CCN so the list is
 * exactly what forwarding uses. Without `ccn`: every CCN of the caller's.
 */
export const CCN_ROUTE_ACTIONS: readonly ActionDefinition[] = [
  {
    name: "DescribeCcnRoutes",
    writes: false,
    run(params, ctx) {
      const id = params.optionalString("ccn");
      params.done();
      const ccns = id !== undefined ? [findOwned(ctx, id, "Ccn")] : ctx.store.resources.ownedBy(ctx.account, "Ccn");
      const network = compileNetwork(buildNetworkModel(ctx.store, ctx.profile, ctx.now, ctx.account));
      const routes: JsonObject[] = [];
      for (const ccn of ccns) routes.push(...routesOf(ccn.id, ctx, network.ccns.get(ccn.id)));
      return { items: routes, totalCount: routes.length };
    },
  },
];

function routesOf(ccnId: string, ctx: ActionContext, compiled: CompiledCcn | undefined): JsonObject[] {
  const routes: JsonObject[] = [];
  for (const entry of compiled?.routes.entries() ?? []) {
    for (const route of entry.values) {
      const instance = route.attachment.instance;
      const row = ctx.store.resources.tryGet(instance);
      routes.push({
        ccn: ccnId,
        account: ctx.account,
        destinationCidr: entry.cidr.network,
        attachment: route.attachment.id,
        instanceType: route.attachment.instanceType,
        instance,
        instanceName: typeof row?.props.name === "string" ? row.props.name : "",
        instanceRegion: row?.region ?? "",
        instanceAccount: row?.account ?? "",
        updatedAt: isoTime(row?.updatedAt ?? ctx.now),
      });
    }
  }
  return routes;
}
