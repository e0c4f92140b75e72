import { tryParseIp } from "../../../lib";
import { notPublicUnicastReason } from "../validation/addressing";
import { ResourceKind } from "./kind";
import { readOwnedRef } from "./lookup";

/** Customer gateway (用户网关): the IDC device's static public IPv4, unique per account. */
export const CUSTOMER_GATEWAY_KIND: ResourceKind = {
  type: "CustomerGateway",
  names: {
    create: "CreateCustomerGateway",
    describe: "DescribeCustomerGateways",
    modify: "ModifyCustomerGatewayAttribute",
    delete: "DeleteCustomerGateway",
  },
  fields: ["name", "ipAddress", "site"],
  mutable: ["name"],
  refFields: { site: ["IdcSite"] },
  plan(params, ctx) {
    const name = params.string("name");
    const ipAddress = params.string("ipAddress");
    const reason = notPublicUnicastReason(ipAddress);
    if (reason) {
      throw params.error(
        "InvalidParameterValue.CustomerGatewayIp",
        "ipAddress",
        `is ${ipAddress}, which is ${reason}. A customer gateway needs the IDC device's static public unicast IPv4 address.`,
      );
    }
    const ip = tryParseIp(ipAddress)!;
    const taken = ctx.store.resources.exact("CustomerGateway", ipScope(ctx.account), ip, ip);
    if (taken.length) {
      throw params.error(
        "InvalidParameterValue.Duplicate",
        "ipAddress",
        `is ${ipAddress}, already used by customer gateway '${taken[0].id}'. Each device has its own address; reuse that gateway instead.`,
      );
    }
    const site = params.has("site") ? readOwnedRef(params, "site", "IdcSite", ctx).id : (params.value("site"), undefined);
    return {
      props: { name, ipAddress, ...(site ? { site } : {}) },
      scope: ipScope(ctx.account),
      range: { start: ip, end: ip },
    };
  },
  modify(_row, params) {
    const name = params.optionalString("name");
    return { props: name !== undefined ? { name } : {} };
  },
  attributes(row, ctx) {
    return { deviceState: ctx.store.faults.tryGetOpen(row.id) ? "DOWN" : "UP" };
  },
};

/** Customer-gateway addresses are unique per account: the account is their scope. */
function ipScope(account: string): string {
  return `account:${account}`;
}
