import { readCidrList } from "../validation/addressing";
import { ResourceKind } from "./kind";

/** IDC site: the on-premises network (its CIDRs) behind one or more customer-gateway devices. */
export const IDC_SITE_KIND: ResourceKind = {
  type: "IdcSite",
  names: { create: "CreateIdcSite", describe: "DescribeIdcSites", modify: "ModifyIdcSiteAttribute", delete: "DeleteIdcSite" },
  fields: ["name", "cidrs"],
  mutable: ["name"],
  refFields: {},
  plan(params) {
    const name = params.string("name");
    const cidrs = readCidrList(params, "cidrs", { nonEmpty: true }).map((c) => c.text);
    return { props: { name, cidrs } };
  },
  modify(_row, params) {
    const name = params.optionalString("name");
    return { props: name !== undefined ? { name } : {} };
  },
  attributes(row, ctx) {
    return { siteState: ctx.store.faults.tryGetOpen(row.id) ? "DOWN" : "UP" };
  },
};
