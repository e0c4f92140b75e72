import { valueText } from "../../core/errors";
import { cloudApi } from "../../core/provenance";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-027: a customer gateway carries a description only where the cloud's API has the field. */
export const customerGatewayDescriptionField: Rule = {
  id: "HL-VPN-027",
  title: "Customer gateway description only where the cloud's API has one",
  severity: "error",
  source: cloudApi(
    "Tencent Cloud",
    "CreateCustomerGateway: CustomerGatewayName, IpAddress, Tags, BgpAsn",
    "Tencent's customer gateway has no description field; Alibaba Cloud's CreateCustomerGateway has Description",
  ),
  rationale:
    "Seed 001 (Alibaba) asks for a description (输入用户网关的描述信息。), and Alibaba's API carries one. Tencent's API has no such field: the engine refuses one (UnknownParameter), so synth says so before anything is created instead of keeping a note the cloud would not.",
  fix: "Remove 'description' from the customer gateway (or the IdcSite device), or put the note in its name.",
  *check(context) {
    if (context.profile.customerGatewayDescription) return;
    for (const cgw of context.index.ofType("CustomerGateway")) {
      const description = propsOf(cgw).description;
      if (description === undefined) continue;
      yield {
        resource: cgw.logicalId,
        property: "description",
        message: `description is ${valueText(description)}, but ${context.profile.displayName}'s customer gateway has no description field (its CreateCustomerGateway takes a name, the IP address, tags and a BGP ASN); remove it or put the note in the name.`,
      };
    }
  },
};
