import { cite, CloudProfile, descriptionProblem, FACTS, tryParseIp } from "../../../lib";
import { ParamReader } from "../params";
import { notPublicUnicastReason, readRegion } from "../validation/addressing";
import { ResourceKind } from "./kind";
import { readOwnedRef } from "./lookup";

/**
 * Customer gateway (用户网关): the IDC device's static public IPv4, unique per
 * account, with the region and description seed 001 asks for when creating
 * one (both optional here: records created before they existed have neither).
 */
export const CUSTOMER_GATEWAY_KIND: ResourceKind = {
  type: "CustomerGateway",
  names: {
    create: "CreateCustomerGateway",
    describe: "DescribeCustomerGateways",
    modify: "ModifyCustomerGatewayAttribute",
    delete: "DeleteCustomerGateway",
  },
  fields: ["name", "ipAddress", "site", "region", "description"],
  mutable: ["name", "description"],
  refFields: { site: ["IdcSite"] },
  // A gateway that names no region (made before regions were recorded, or in process) is seen from every region, as lookups treat it.
  extraFilters: { region: (item, values) => item.region === undefined || (typeof item.region === "string" && values.includes(item.region)) },
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
    const region = params.has("region") ? readRegion(params, "region", ctx.profile).name : (params.value("region"), undefined);
    const description = readDescription(params, ctx.profile);
    return {
      props: { name, ipAddress, ...(site ? { site } : {}), ...(region ? { region } : {}), ...(description !== undefined ? { description } : {}) },
      ...(region ? { region } : {}),
      scope: ipScope(ctx.account),
      range: { start: ip, end: ip },
    };
  },
  modify(_row, params, ctx) {
    const name = params.optionalString("name");
    const description = readDescription(params, ctx.profile);
    return { props: { ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}) } };
  },
  attributes(row, ctx) {
    return { deviceState: ctx.store.faults.tryGetOpen(row.id) ? "DOWN" : "UP" };
  },
};

/** The optional description, refused when the cloud's API would refuse it (Alibaba CreateCustomerGateway: Description; Tencent's has none). */
function readDescription(params: ParamReader, profile: CloudProfile): string | undefined {
  const description = params.optionalString("description");
  if (description !== undefined && !profile.customerGatewayDescription) {
    throw params.error(
      "UnknownParameter",
      "description",
      `is not a field of ${profile.displayName}'s customer gateway (${cite(FACTS.customerGatewayDescriptionField)}). Omit it, or put the note in the name.`,
    );
  }
  const allowed = description === undefined ? undefined : descriptionProblem(description);
  if (allowed) {
    const shown = description!.length > 40 ? `a text of ${description!.length} characters starting '${description!.slice(0, 20)}…'` : `'${description}'`;
    throw params.error("InvalidParameterValue.Description", "description", `is ${shown}; allowed: ${allowed}. Shorten or reword it.`);
  }
  return description;
}

/** Customer-gateway addresses are unique per account: the account is their scope. */
function ipScope(account: string): string {
  return `account:${account}`;
}
