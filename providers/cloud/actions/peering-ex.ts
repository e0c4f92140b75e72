import { CloudError } from "../errors";
import { JsonObject, ParamReader } from "../params";
import { findVisible } from "./lookup";
import { ActionContext, ActionDefinition } from "./types";

/**
 * The cross-region peering actions seed 003 lists (API概览):
 * "创建跨地域对等连接 | CreateVpcPeeringConnectionEx" (create a cross-region
 * peering connection), and likewise DeleteVpcPeeringConnectionEx,
 * ModifyVpcPeeringConnectionEx, AcceptVpcPeeringConnectionEx,
 * RejectVpcPeeringConnectionEx and EnableVpcPeeringConnectionEx. They take the
 * same parameters and follow the same rules as the actions without `Ex`; they
 * only act on cross-region peerings, since the seed files same-region peerings
 * under the other six ("创建同地域对等连接 | CreateVpcPeeringConnection").
 * Today's API reference (cloud-api) creates both kinds through
 * CreateVpcPeeringConnection with DestinationRegion, so the plain actions keep
 * accepting cross-region peerings.
 */
export const PEERING_EX_BASES = [
  "CreateVpcPeeringConnection",
  "AcceptVpcPeeringConnection",
  "RejectVpcPeeringConnection",
  "DeleteVpcPeeringConnection",
  "ModifyVpcPeeringConnection",
  "EnableVpcPeeringConnection",
] as const;

/** The six …Ex actions, each wrapping its base action (found among `base`) with the cross-region check. */
export function peeringExActions(base: readonly ActionDefinition[]): ActionDefinition[] {
  return PEERING_EX_BASES.map((name) => {
    const def = base.find((a) => a.name === name);
    if (!def) throw new Error(`peering action ${name} is missing`);
    const exName = `${name}Ex`;
    if (def.creates) {
      return {
        ...def,
        name: exName,
        run(params: ParamReader, ctx: ActionContext): JsonObject {
          const created = def.run(params, ctx);
          // Thrown inside the action's transaction, so the peering just planned is rolled back with it.
          if (created.crossRegion !== true) {
            throw new CloudError(
              "UnsupportedOperation.NotCrossRegionPeering",
              `${ctx.action}: VPCs '${String(created.requesterVpc)}' and '${String(created.accepterVpc)}' are in one region; ` +
                `${exName} creates cross-region peerings only (seed 003: 创建跨地域对等连接). Use ${name} for a same-region peering.`,
            );
          }
          return created;
        },
      };
    }
    return {
      ...def,
      name: exName,
      run(params: ParamReader, ctx: ActionContext): JsonObject {
        const id = params.peekString("id");
        if (id !== undefined) {
          const row = findVisible(ctx, id, "PeeringConnection");
          if (row.props.crossRegion !== true) throw sameRegion(ctx, id, exName, name);
        }
        return def.run(params, ctx);
      },
    };
  });
}

function sameRegion(ctx: ActionContext, id: string, exName: string, name: string): CloudError {
  return new CloudError(
    "UnsupportedOperation.NotCrossRegionPeering",
    `${ctx.action}: peering connection '${id}' joins two VPCs of one region; ${exName} is for cross-region peering ` +
      `(seed 003: 跨地域对等连接). Use ${name} for a same-region peering.`,
  );
}
