import { CloudError } from "../errors";
import { ParamReader } from "../params";
import { ResourceRow } from "../store";
import { insideAny, readCidr } from "../validation/addressing";
import { ResourceKind } from "./kind";
import { readOwnedRef } from "./lookup";
import { ActionContext } from "./types";

/** Subnet (子网): a CIDR inside its VPC, not overlapping the VPC's other subnets, with its route table. */
export const SUBNET_KIND: ResourceKind = {
  type: "Subnet",
  names: { create: "CreateSubnet", describe: "DescribeSubnets", modify: "ModifySubnetAttribute", delete: "DeleteSubnet" },
  fields: ["name", "vpc", "cidr", "routeTable", "zone"],
  mutable: ["name", "routeTable"],
  refFields: { vpc: ["Vpc"], routeTable: ["RouteTable"] },
  scopeField: "vpc",
  plan(params, ctx) {
    const name = params.string("name");
    const vpc = readOwnedRef(params, "vpc", "Vpc", ctx);
    const cidr = readCidr(params, "cidr");
    const routeTable = readRouteTableOf(params, vpc, ctx);
    const zone = params.optionalString("zone");
    const vpcCidrs = vpc.props.cidrs as string[];
    if (!insideAny(cidr, vpcCidrs)) {
      throw params.error(
        "InvalidParameterValue.SubnetRange",
        "cidr",
        `is ${cidr.text}, outside VPC '${vpc.id}' (${vpcCidrs.join(", ")}). Choose a block inside one of the VPC's CIDRs.`,
      );
    }
    // Subnets of a VPC never overlap, so the one starting nearest below our end is the only candidate.
    const neighbour = ctx.store.resources.floorRange("Subnet", vpc.id, cidr.end);
    if (neighbour && neighbour.rangeEnd >= cidr.start) {
      const taken = ctx.store.resources.tryGet(neighbour.id)!;
      throw params.error(
        "InvalidParameterValue.SubnetConflict",
        "cidr",
        `is ${cidr.text}, which overlaps subnet '${taken.id}' (${String(taken.props.cidr)}) in VPC '${vpc.id}'. Choose a free block.`,
      );
    }
    return {
      props: { name, vpc: vpc.id, cidr: cidr.text, routeTable: routeTable.id, ...(zone !== undefined ? { zone } : {}) },
      region: vpc.region,
      range: { start: cidr.start, end: cidr.end },
    };
  },
  modify(row, params, ctx) {
    const name = params.optionalString("name");
    let routeTable: string | undefined;
    if (params.has("routeTable")) {
      const vpc = ctx.store.resources.tryGet(row.props.vpc as string)!;
      routeTable = readRouteTableOf(params, vpc, ctx).id;
    }
    return {
      props: { ...(name !== undefined ? { name } : {}), ...(routeTable !== undefined ? { routeTable } : {}) },
    };
  },
};

function readRouteTableOf(params: ParamReader, vpc: ResourceRow, ctx: ActionContext): ResourceRow {
  const table = readOwnedRef(params, "routeTable", "RouteTable", ctx);
  if (table.props.vpc !== vpc.id) {
    throw new CloudError(
      "InvalidParameterValue.RouteTableNotInVpc",
      `${ctx.action}: route table '${table.id}' belongs to VPC '${String(table.props.vpc)}', not '${vpc.id}'. Use a route table of the subnet's VPC.`,
    );
  }
  return table;
}
