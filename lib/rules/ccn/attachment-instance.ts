import { cloudApi } from "../../core/provenance";
import { CcnInstanceType } from "../../core/manifest";
import { propsOf, refId } from "../private/read";
import { Rule } from "../rule";

const TYPE_OF: Readonly<Record<string, CcnInstanceType>> = {
  Vpc: "VPC",
  VpnGateway: "VPN_GATEWAY",
  DirectConnectGateway: "DIRECT_CONNECT_GATEWAY",
};

/** HL-CCN-002: an attachment attaches a VPC, VPN gateway or direct-connect gateway, as its instanceType says, in its region. */
export const attachmentInstance: Rule = {
  id: "HL-CCN-002",
  title: "CCN attachments attach a VPC, VPN gateway or direct-connect gateway of the stated type",
  severity: "error",
  source: cloudApi("Tencent Cloud", "AttachCcnInstances: Instances.N.InstanceType (VPC, DIRECTCONNECT, VPNGW), InstanceRegion", "the attached instance's type and region"),
  rationale: "A CCN learns routes from VPCs, CCN-type VPN gateways and direct-connect gateways only; the attachment's instanceType and region must describe the instance it attaches, or the cloud cannot find it.",
  fix: "Attach one of those three kinds, set instanceType to match it (VPC, VPN_GATEWAY, DIRECT_CONNECT_GATEWAY) and region to its region.",
  *check(context) {
    for (const attachment of context.index.ofType("CcnAttachment")) {
      const p = propsOf(attachment);
      const instance = context.index.tryGet(refId(p.instance) ?? "");
      if (!instance) continue; // HL-MAN-004 reports dangling references
      const expected = TYPE_OF[instance.type];
      if (!expected) {
        yield { resource: attachment.logicalId, property: "instance", message: `'${instance.path}' is a ${instance.type}; a CCN attaches a Vpc, VpnGateway or DirectConnectGateway.` };
        continue;
      }
      if (p.instanceType !== expected) {
        yield { resource: attachment.logicalId, property: "instanceType", message: `instanceType is ${JSON.stringify(p.instanceType)} but '${instance.path}' is a ${instance.type}; set instanceType to '${expected}'.` };
      }
      const region = propsOf(instance).region;
      if (typeof region === "string" && typeof p.region === "string" && region !== p.region) {
        yield { resource: attachment.logicalId, property: "region", message: `region is '${p.region}' but '${instance.path}' is in '${region}'; set region to '${region}'.` };
      }
    }
  },
};
