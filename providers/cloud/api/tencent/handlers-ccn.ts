import type * as M from "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_models";
import { ACTIONS_BY_TYPE } from "../../actions";
import { CloudError } from "../../errors";
import type { JsonObject } from "../../params";
import { allOrNothing, handler, items, page, required, TencentCall, TencentHandler } from "./handler";
import { CCN_INSTANCE_TYPES, ccnOut, tencentTime } from "./resources";

const A = ACTIONS_BY_TYPE;
const WIRE_TYPE_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CCN_INSTANCE_TYPES).map(([wire, engine]) => [engine, wire]));

/** The engine's attachments of the caller's CCNs (all of them, or one CCN's). */
function attachments(call: TencentCall, ccn?: string): JsonObject[] {
  return items(call.engine(A.CcnAttachment.describe, ccn ? { filters: { ccn } } : {}));
}

function attachedOut(item: JsonObject): M.CcnAttachedInstance {
  const type = String(item.instanceType);
  return {
    CcnId: String(item.ccn),
    InstanceType: WIRE_TYPE_OF[type] ?? type,
    InstanceId: String(item.instance),
    InstanceRegion: String(item.region),
    InstanceUin: String(item.account),
    CcnUin: String(item.account),
    // cloud-api: State PENDING | ACTIVE | EXPIRED | REJECTED | DELETED …; the engine's attachments are active once made.
    State: "ACTIVE",
    AttachedTime: tencentTime(item.createdAt),
  };
}

/**
 * The CCN actions a deployment needs besides create and attach (handlers-peering.ts):
 * describe a CCN and its attached instances, detach, delete. cloud-api: vpc 2017-03-12.
 */
export const CCN_HANDLERS: Record<string, TencentHandler> = {
  DescribeCcns: handler<M.DescribeCcnsRequest, M.DescribeCcnsResponse>((req, call) => {
    const ids = req.CcnIds;
    const ccns = items(call.engine(A.Ccn.describe, ids?.length ? { ids } : {}));
    const all = attachments(call);
    const out = ccns.map((c) => ccnOut(c, all.filter((a) => a.ccn === c.id).length));
    const { set, total } = page(out, req);
    return { CcnSet: set, TotalCount: total };
  }),
  DeleteCcn: handler<M.DeleteCcnRequest, M.DeleteCcnResponse>((req, call) => {
    const id = required(req.CcnId, "CcnId");
    // cloud-api: a CCN with attached instances cannot be deleted (detach them first); the engine says the same.
    call.engine(A.Ccn.delete, { id });
    return {};
  }),
  DescribeCcnAttachedInstances: handler<M.DescribeCcnAttachedInstancesRequest, M.DescribeCcnAttachedInstancesResponse>((req, call) => {
    const out = attachments(call, req.CcnId).map(attachedOut);
    const { set, total } = page(out, req);
    return { InstanceSet: set, TotalCount: total };
  }),
  DetachCcnInstances: handler<M.DetachCcnInstancesRequest, M.DetachCcnInstancesResponse>(
    (req, call) => {
      const ccn = required(req.CcnId, "CcnId");
      const attached = attachments(call, ccn);
      const chosen = required(req.Instances, "Instances").map((i) => {
        const hit = attached.find((a) => a.instance === i.InstanceId && (i.InstanceRegion === undefined || a.region === i.InstanceRegion));
        if (!hit) throw new CloudError("ResourceNotFound", `CCN '${ccn}' has no attached instance '${String(i.InstanceId)}' in '${String(i.InstanceRegion)}'.`);
        return hit;
      });
      // Every instance found first; a detach refused midway re-attaches what it had detached.
      allOrNothing(
        chosen,
        (a) => {
          call.engine(A.CcnAttachment.delete, { id: a.id });
          return a;
        },
        (a) => call.engine(A.CcnAttachment.create, { ccn: a.ccn, instanceType: a.instanceType, instance: a.instance, region: a.region }),
      );
      return {};
    },
    { ccn: "CcnId", instance: "Instances.InstanceId" },
  ),
};
