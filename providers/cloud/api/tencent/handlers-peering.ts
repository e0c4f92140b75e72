import type * as M from "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_models";
import { ACTIONS_BY_TYPE } from "../../actions";
import { CloudError } from "../../errors";
import { allOrNothing, handler, items, page, required, TencentHandler } from "./handler";
import { CCN_INSTANCE_TYPES, ccnOut, ccnRouteOut, peerConnectionOut } from "./resources";

const A = ACTIONS_BY_TYPE;
const PEERING_NAMES = {
  name: "PeeringConnectionName", requesterVpc: "SourceVpcId", accepterVpc: "DestinationVpcId", accepterAccount: "DestinationUin",
  accepterRegion: "DestinationRegion", bandwidthMbps: "Bandwidth", id: "PeeringConnectionId",
};

/** EnableVpcPeeringConnection has no model in today's SDK: it takes the ID, as Accept does (assumption). */
export interface EnableVpcPeeringConnectionRequest {
  PeeringConnectionId?: string;
}

/**
 * The peering actions, plain or `Ex`: the Ex forms (seed 003) take the same
 * wire fields (assumption: the seed names them without fields; today's SDK has
 * none) and reach the engine's …Ex actions, which act on cross-region peerings only.
 */
function peeringHandlers(suffix: "" | "Ex"): Record<string, TencentHandler> {
  const byId = (engineAction: string) =>
    handler<M.AcceptVpcPeeringConnectionRequest, M.AcceptVpcPeeringConnectionResponse>((req, call) => {
      call.engine(engineAction + suffix, { id: required(req.PeeringConnectionId, "PeeringConnectionId") });
      return {};
    }, PEERING_NAMES);
  return {
    [`CreateVpcPeeringConnection${suffix}`]: handler<M.CreateVpcPeeringConnectionRequest, M.CreateVpcPeeringConnectionResponse>((req, call) => {
      const created = call.engine(A.PeeringConnection.create + suffix, {
        name: required(req.PeeringConnectionName, "PeeringConnectionName"),
        requesterVpc: required(req.SourceVpcId, "SourceVpcId"),
        accepterVpc: required(req.DestinationVpcId, "DestinationVpcId"),
        accepterAccount: req.DestinationUin || call.account,
        // cloud-api: without DestinationRegion the peer is in the request's region (a same-region peering).
        accepterRegion: req.DestinationRegion || call.region,
        ...(req.Bandwidth !== undefined ? { bandwidthMbps: req.Bandwidth } : {}),
      });
      return { PeeringConnectionId: String(created.id) };
    }, PEERING_NAMES),
    [`AcceptVpcPeeringConnection${suffix}`]: byId("AcceptVpcPeeringConnection"),
    [`RejectVpcPeeringConnection${suffix}`]: byId("RejectVpcPeeringConnection"),
    [`DeleteVpcPeeringConnection${suffix}`]: byId(A.PeeringConnection.delete),
    [`EnableVpcPeeringConnection${suffix}`]: byId("EnableVpcPeeringConnection"),
    [`ModifyVpcPeeringConnection${suffix}`]: handler<M.ModifyVpcPeeringConnectionRequest, M.ModifyVpcPeeringConnectionResponse>((req, call) => {
      call.engine(A.PeeringConnection.modify + suffix, {
        id: required(req.PeeringConnectionId, "PeeringConnectionId"),
        ...(req.PeeringConnectionName !== undefined ? { name: req.PeeringConnectionName } : {}),
        ...(req.Bandwidth !== undefined ? { bandwidthMbps: req.Bandwidth } : {}),
      });
      return {};
    }, PEERING_NAMES),
  };
}

export const PEERING_HANDLERS: Record<string, TencentHandler> = {
  ...peeringHandlers(""),
  ...peeringHandlers("Ex"),
  DescribeVpcPeeringConnections: handler<M.DescribeVpcPeeringConnectionsRequest, M.DescribeVpcPeeringConnectionsResponse>((req, call) => {
    const ids = req.PeeringConnectionIds;
    // A peering shows in the region of either of its ends (each side looks it up from its own region).
    const found = items(call.engine(A.PeeringConnection.describe, ids?.length ? { ids } : {}))
      .filter((p) => p.requesterRegion === call.region || p.accepterRegion === call.region)
      .map(peerConnectionOut);
    const { set, total } = page(found, req, { "vpc-id": (p) => [p.SourceVpcId, p.PeerVpcId] });
    return { PeerConnectionSet: set, TotalCount: total };
  }),
  CreateCcn: handler<M.CreateCcnRequest, M.CreateCcnResponse>(
    (req, call) => {
      const ccn = call.engine(A.Ccn.create, { name: required(req.CcnName, "CcnName") });
      return { Ccn: ccnOut(ccn, 0) };
    },
    { name: "CcnName" },
  ),
  AttachCcnInstances: handler<M.AttachCcnInstancesRequest, M.AttachCcnInstancesResponse>(
    (req, call) => {
      const ccn = required(req.CcnId, "CcnId");
      if (req.CcnUin && req.CcnUin !== call.account) {
        throw new CloudError("UnsupportedOperation.CcnCrossAccount", `CcnUin '${req.CcnUin}': attaching to another account's CCN is not simulated.`);
      }
      allOrNothing(
        required(req.Instances, "Instances"),
        (i) => {
          const instanceType = CCN_INSTANCE_TYPES[String(i.InstanceType)];
          if (!instanceType) {
            throw new CloudError(
              "UnsupportedOperation.InstanceType",
              `Instances.InstanceType '${String(i.InstanceType)}' is not simulated; use one of ${Object.keys(CCN_INSTANCE_TYPES).join(", ")}.`,
            );
          }
          return call.engine(A.CcnAttachment.create, {
            ccn,
            instanceType,
            instance: required(i.InstanceId, "Instances.InstanceId"),
            region: required(i.InstanceRegion, "Instances.InstanceRegion"),
          });
        },
        (done) => call.engine(A.CcnAttachment.delete, { id: done.id }),
      );
      return {};
    },
    { ccn: "CcnId", instance: "Instances.InstanceId", region: "Instances.InstanceRegion" },
  ),
  DescribeCcnRoutes: handler<M.DescribeCcnRoutesRequest, M.DescribeCcnRoutesResponse>((req, call) => {
    const ccn = required(req.CcnId, "CcnId");
    let routes = items(call.engine("DescribeCcnRoutes", { ccn })).map(ccnRouteOut);
    if (req.RouteIds?.length) routes = routes.filter((r) => req.RouteIds!.includes(String(r.RouteId)));
    const { set, total } = page(routes, req);
    return { RouteSet: set, TotalCount: total };
  }),
};
