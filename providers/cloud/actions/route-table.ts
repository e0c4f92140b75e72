import { ResourceKind } from "./kind";
import { readOwnedRef } from "./lookup";

/** Route table (路由表) of a VPC; one per VPC is the main table. Deleting a table deletes its routes. */
export const ROUTE_TABLE_KIND: ResourceKind = {
  type: "RouteTable",
  names: {
    create: "CreateRouteTable",
    describe: "DescribeRouteTables",
    modify: "ModifyRouteTableAttribute",
    delete: "DeleteRouteTable",
  },
  fields: ["name", "vpc", "main"],
  mutable: ["name"],
  refFields: { vpc: ["Vpc"] },
  scopeField: "vpc",
  cascades: ["Route"],
  plan(params, ctx) {
    const name = params.string("name");
    const vpc = readOwnedRef(params, "vpc", "Vpc", ctx);
    const main = params.boolean("main");
    if (main) {
      const existing = ctx.store.resources.children(vpc.id, "RouteTable").find((t) => t.props.main === true);
      if (existing) {
        throw params.error(
          "InvalidParameterValue.MainRouteTableExists",
          "main",
          `is true, but VPC '${vpc.id}' already has main route table '${existing.id}'. A VPC has one main table; create this one with main: false.`,
        );
      }
    }
    return { props: { name, vpc: vpc.id, main }, region: vpc.region };
  },
  modify(_row, params) {
    const name = params.optionalString("name");
    return { props: name !== undefined ? { name } : {} };
  },
};
