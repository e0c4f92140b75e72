import { readCidrList, readRegion } from "../validation/addressing";
import { ResourceKind } from "./kind";

/** Direct-connect gateway: the on-premises prefixes reached over a dedicated line. */
export const DIRECT_CONNECT_GATEWAY_KIND: ResourceKind = {
  type: "DirectConnectGateway",
  names: {
    create: "CreateDirectConnectGateway",
    describe: "DescribeDirectConnectGateways",
    modify: "ModifyDirectConnectGatewayAttribute",
    delete: "DeleteDirectConnectGateway",
  },
  fields: ["name", "region", "onPremPrefixes"],
  mutable: ["name"],
  refFields: {},
  plan(params, ctx) {
    const name = params.string("name");
    const region = readRegion(params, "region", ctx.profile);
    const onPremPrefixes = readCidrList(params, "onPremPrefixes", { nonEmpty: true }).map((c) => c.text);
    return { props: { name, region: region.name, onPremPrefixes }, region: region.name };
  },
  modify(_row, params) {
    const name = params.optionalString("name");
    return { props: name !== undefined ? { name } : {} };
  },
};
