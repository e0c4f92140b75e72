import { CloudKind, iso, list, notFound, one, s } from "./kind";

/**
 * CCN over Tencent Cloud API 3.0: CreateCcn / DescribeCcns / DeleteCcn, and
 * an attachment as AttachCcnInstances / DescribeCcnAttachedInstances /
 * DetachCcnInstances. Tencent names an attached instance by its CCN and the
 * instance (there is no attachment ID): the engine-side ID is
 * `<ccn>|<instance>` (our encoding).
 */

/** cloud-api: AttachCcnInstances' InstanceType for the engine's attachment types. */
const WIRE_TYPE: Readonly<Record<string, string>> = { VPC: "VPC", VPN_GATEWAY: "VPNGW", DIRECT_CONNECT_GATEWAY: "DIRECTCONNECT" };
const ENGINE_TYPE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(WIRE_TYPE).map(([k, v]) => [v, k]));

const CCN: CloudKind = {
  create(p, port) {
    // assumption: a CCN is global; it is made (and later looked up) in the app's first region.
    const region = port.defaultRegion();
    const out = port.call(region, "CreateCcn", { CcnName: p.name, QosLevel: "AU" });
    const id = s((out.Ccn as Record<string, unknown>).CcnId);
    port.remember(id, region);
    return CCN.describe(id, port);
  },
  describe(id, port) {
    const ccn = one(port.call(port.defaultRegion(), "DescribeCcns", { CcnIds: [id] }).CcnSet, "CCN", id);
    return { id, account: port.account, name: ccn.CcnName, createdAt: iso(ccn.CreateTime) };
  },
  delete(id, port) {
    port.call(port.defaultRegion(), "DeleteCcn", { CcnId: id });
  },
};

function attachmentKey(id: string): { ccn: string; instance: string } {
  const [ccn, instance] = id.split("|");
  if (!ccn || !instance) throw notFound("CCN attachment", id);
  return { ccn, instance };
}

const CCN_ATTACHMENT: CloudKind = {
  create(p, port) {
    const ccn = s(p.ccn);
    port.call(port.defaultRegion(), "AttachCcnInstances", {
      CcnId: ccn,
      Instances: [{ InstanceId: p.instance, InstanceRegion: p.region, InstanceType: WIRE_TYPE[s(p.instanceType)] ?? s(p.instanceType) }],
    });
    return CCN_ATTACHMENT.describe(`${ccn}|${s(p.instance)}`, port);
  },
  describe(id, port) {
    const { ccn, instance } = attachmentKey(id);
    const hit = list(port.call(port.defaultRegion(), "DescribeCcnAttachedInstances", { CcnId: ccn }).InstanceSet).find((i) => i.InstanceId === instance);
    if (!hit) throw notFound("CCN attachment", id);
    return {
      id, account: port.account, ccn, instanceType: ENGINE_TYPE[s(hit.InstanceType)] ?? hit.InstanceType, instance, region: hit.InstanceRegion, createdAt: iso(hit.AttachedTime),
    };
  },
  delete(id, port) {
    const current = CCN_ATTACHMENT.describe(id, port);
    port.call(port.defaultRegion(), "DetachCcnInstances", {
      CcnId: current.ccn,
      Instances: [{ InstanceId: current.instance, InstanceRegion: current.region, InstanceType: WIRE_TYPE[s(current.instanceType)] }],
    });
  },
};

export const TENCENT_CCN_KINDS: Readonly<Record<string, CloudKind>> = { Ccn: CCN, CcnAttachment: CCN_ATTACHMENT };
