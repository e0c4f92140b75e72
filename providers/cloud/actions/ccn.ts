import { CcnInstanceType, ResourceType } from "../../../lib";
import { CloudError } from "../errors";
import { readRegion } from "../validation/addressing";
import { ResourceKind } from "./kind";
import { readOwnedRef } from "./lookup";

/** CCN (云联网): learns routes from its attachments. */
export const CCN_KIND: ResourceKind = {
  type: "Ccn",
  names: { create: "CreateCcn", describe: "DescribeCcns", modify: "ModifyCcnAttribute", delete: "DeleteCcn" },
  fields: ["name"],
  mutable: ["name"],
  refFields: {},
  plan(params) {
    return { props: { name: params.string("name") } };
  },
  modify(_row, params) {
    const name = params.optionalString("name");
    return { props: name !== undefined ? { name } : {} };
  },
};

const INSTANCE_TYPES: Readonly<Record<CcnInstanceType, ResourceType>> = {
  VPC: "Vpc",
  VPN_GATEWAY: "VpnGateway",
  DIRECT_CONNECT_GATEWAY: "DirectConnectGateway",
};

/**
 * CCN attachment: a VPC, a CCN-type VPN gateway or a direct-connect
 * gateway joined to a CCN, in the instance's own region, one CCN per instance.
 */
export const CCN_ATTACHMENT_KIND: ResourceKind = {
  type: "CcnAttachment",
  names: {
    create: "CreateCcnAttachment",
    describe: "DescribeCcnAttachments",
    modify: "ModifyCcnAttachmentAttribute",
    delete: "DeleteCcnAttachment",
  },
  fields: ["ccn", "instanceType", "instance", "region"],
  mutable: [],
  refFields: { ccn: ["Ccn"], instance: ["Vpc", "VpnGateway", "DirectConnectGateway"] },
  scopeField: "ccn",
  indexedRefFields: ["instance"],
  plan(params, ctx) {
    const ccn = readOwnedRef(params, "ccn", "Ccn", ctx);
    const instanceType = params.oneOf<CcnInstanceType>("instanceType", ["VPC", "VPN_GATEWAY", "DIRECT_CONNECT_GATEWAY"]);
    // cloud-api: AttachCcnInstances names each instance's own region (InstanceRegion), whichever region the request is made in.
    const instance = readOwnedRef(params, "instance", INSTANCE_TYPES[instanceType], { ...ctx, region: undefined });
    const region = readRegion(params, "region", ctx.profile);
    if (instance.region !== region.name) {
      throw params.error(
        "InvalidParameterValue.RegionMismatch",
        "region",
        `is ${region.name}, but '${instance.id}' is in ${instance.region}. An attachment is in its instance's region.`,
      );
    }
    if (instanceType === "VPN_GATEWAY" && instance.props.type !== "CCN") {
      throw params.error(
        "UnsupportedOperation.VpnGatewayNotCcnType",
        "instance",
        `is VPC-type VPN gateway '${instance.id}'. Only a CCN-type VPN gateway can join a CCN; create the gateway with type CCN.`,
      );
    }
    const attached = ctx.store.resources.referrers(instance.id, "instance");
    if (attached.length) {
      const existing = ctx.store.resources.tryGet(attached[0].fromId)!;
      throw new CloudError(
        "UnsupportedOperation.InstanceAlreadyAttached",
        `${ctx.action}: '${instance.id}' is already attached to CCN '${String(existing.props.ccn)}' (attachment '${existing.id}'). ` +
          "An instance joins one CCN; delete that attachment first.",
      );
    }
    return { props: { ccn: ccn.id, instanceType, instance: instance.id, region: region.name }, region: region.name };
  },
};
