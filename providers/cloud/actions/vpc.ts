import { readCidrList, readRegion } from "../validation/addressing";
import { ResourceKind } from "./kind";

/** VPC (私有网络): a region and its CIDR blocks. */
export const VPC_KIND: ResourceKind = {
  type: "Vpc",
  names: { create: "CreateVpc", describe: "DescribeVpcs", modify: "ModifyVpcAttribute", delete: "DeleteVpc" },
  fields: ["name", "region", "cidrs"],
  mutable: ["name"],
  refFields: {},
  plan(params, ctx) {
    const name = params.string("name");
    const region = readRegion(params, "region", ctx.profile);
    const cidrs = readCidrList(params, "cidrs", { nonEmpty: true });
    return { props: { name, region: region.name, cidrs: cidrs.map((c) => c.text) }, region: region.name };
  },
  modify(_row, params) {
    const name = params.optionalString("name");
    return { props: name !== undefined ? { name } : {} };
  },
};
