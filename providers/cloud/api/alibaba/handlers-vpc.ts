import { valueText } from "../../../../lib";
import type * as $ from "@alicloud/vpc20160428";
import { ACTIONS_BY_TYPE } from "../../actions";
import { CloudError } from "../../errors";
import type { JsonObject } from "../../params";
import { AlibabaCall, AlibabaHandler, handler, idList, items, page, required, scoped, utc } from "./handler";

const A = ACTIONS_BY_TYPE;

/** cloud-api: CreateRouteEntry NextHopType values for the next hops the engine models. */
const NEXT_HOP_TYPES: Readonly<Record<string, string>> = { VpnGateway: "VPN_GATEWAY", VpcPeer: "PEERING" };

function mainTable(call: AlibabaCall, vpcId: string): JsonObject {
  const [table] = items(call.engine(A.RouteTable.describe, { filters: { vpc: vpcId, main: true } }));
  if (!table) throw new CloudError("ResourceNotFound", `VPC '${vpcId}' has no system route table.`);
  return table;
}

function vpcOut(call: AlibabaCall, item: JsonObject) {
  const tables = items(call.engine(A.RouteTable.describe, { filters: { vpc: String(item.id) } }));
  const switches = items(call.engine(A.Subnet.describe, { filters: { vpc: String(item.id) } }));
  const cidrs = (item.cidrs as string[]) ?? [];
  return {
    vpcId: String(item.id),
    vpcName: String(item.name),
    cidrBlock: cidrs[0] ?? "",
    secondaryCidrBlocks: { secondaryCidrBlock: cidrs.slice(1) },
    regionId: String(item.region),
    status: "Available",
    creationTime: utc(item.createdAt),
    VRouterId: String(item.id),
    routerTableIds: { routerTableIds: tables.map((t) => String(t.id)) },
    vSwitchIds: { vSwitchId: switches.map((s) => String(s.id)) },
  };
}

function vSwitchOut(item: JsonObject) {
  return {
    vSwitchId: String(item.id),
    vSwitchName: String(item.name),
    vpcId: String(item.vpc),
    cidrBlock: String(item.cidr),
    zoneId: valueText(item.zone ?? ""),
    status: "Available",
    creationTime: utc(item.createdAt),
    routeTable: { routeTableId: String(item.routeTable), routeTableType: "System" },
  };
}

export const VPC_HANDLERS: Record<string, AlibabaHandler> = {
  CreateVpc: handler<$.CreateVpcRequest, $.CreateVpcResponseBody>(
    (req, call) => {
      const vpc = call.engine(A.Vpc.create, { name: req.vpcName ?? "", region: call.region, cidrs: [required(req.cidrBlock, "CidrBlock")] });
      let table: JsonObject;
      try {
        table = call.engine(A.RouteTable.create, { name: "system", vpc: vpc.id, main: true });
      } catch (err) {
        call.engine(A.Vpc.delete, { id: vpc.id });
        throw err;
      }
      return { vpcId: String(vpc.id), routeTableId: String(table.id), VRouterId: String(vpc.id) };
    },
    { name: "VpcName", cidrs: "CidrBlock" },
  ),
  DescribeVpcs: handler<$.DescribeVpcsRequest, $.DescribeVpcsResponseBody>((req, call) => {
    let found = items(call.engine(A.Vpc.describe, scoped(call, idList(req.vpcId))));
    if (req.vpcName) found = found.filter((v) => v.name === req.vpcName);
    const { set, ...paging } = page(found, req);
    return { vpcs: { vpc: set.map((v) => vpcOut(call, v)) }, ...paging };
  }),
  DeleteVpc: handler<$.DeleteVpcRequest, $.DeleteVpcResponseBody>((req, call) => {
    const id = required(req.vpcId, "VpcId");
    call.engine(A.Vpc.describe, { ids: [id] });
    const table = mainTable(call, id);
    call.engine(A.RouteTable.delete, { id: table.id });
    try {
      call.engine(A.Vpc.delete, { id });
    } catch (err) {
      call.engine(A.RouteTable.create, { name: table.name, vpc: id, main: true });
      throw err;
    }
    return {};
  }),
  CreateVSwitch: handler<$.CreateVSwitchRequest, $.CreateVSwitchResponseBody>(
    (req, call) => {
      const vpc = required(req.vpcId, "VpcId");
      const created = call.engine(A.Subnet.create, {
        name: req.vSwitchName ?? "",
        vpc,
        cidr: required(req.cidrBlock, "CidrBlock"),
        routeTable: mainTable(call, vpc).id,
        zone: required(req.zoneId, "ZoneId"),
      });
      return { vSwitchId: String(created.id) };
    },
    { name: "VSwitchName", vpc: "VpcId", cidr: "CidrBlock", zone: "ZoneId" },
  ),
  DescribeVSwitches: handler<$.DescribeVSwitchesRequest, $.DescribeVSwitchesResponseBody>((req, call) => {
    const filters: Record<string, string> = {};
    if (req.vpcId) filters.vpc = req.vpcId;
    if (req.zoneId) filters.zone = req.zoneId;
    if (req.routeTableId) filters.routeTable = req.routeTableId;
    let found = items(call.engine(A.Subnet.describe, scoped(call, idList(req.vSwitchId), filters)));
    if (req.vSwitchName) found = found.filter((s) => s.name === req.vSwitchName);
    const { set, ...paging } = page(found, req);
    return { vSwitches: { vSwitch: set.map(vSwitchOut) }, ...paging };
  }),
  DeleteVSwitch: handler<$.DeleteVSwitchRequest, $.DeleteVSwitchResponseBody>((req, call) => {
    call.engine(A.Subnet.delete, { id: required(req.vSwitchId, "VSwitchId") });
    return {};
  }),
  DescribeRouteTableList: handler<$.DescribeRouteTableListRequest, $.DescribeRouteTableListResponseBody>((req, call) => {
    const filters: Record<string, string> = {};
    if (req.vpcId) filters.vpc = req.vpcId;
    if (req.routerId) filters.vpc = req.routerId;
    let found = items(call.engine(A.RouteTable.describe, scoped(call, idList(req.routeTableId), filters)));
    if (req.routeTableName) found = found.filter((t) => t.name === req.routeTableName);
    if (req.routeTableType) found = found.filter((t) => (t.main === true ? "System" : "Custom") === req.routeTableType);
    const { set, ...paging } = page(found, req);
    const out = set.map((t) => ({
      routeTableId: String(t.id),
      routeTableName: String(t.name),
      routeTableType: t.main === true ? "System" : "Custom",
      vpcId: String(t.vpc),
      routerId: String(t.vpc),
      routerType: "VRouter",
      status: "Available",
      creationTime: utc(t.createdAt),
      vSwitchIds: { vSwitchId: items(call.engine(A.Subnet.describe, { filters: { routeTable: String(t.id) } })).map((s) => String(s.id)) },
    }));
    return { routerTableList: { routerTableListType: out }, ...paging };
  }),
  CreateRouteEntry: handler<$.CreateRouteEntryRequest, $.CreateRouteEntryResponseBody>(
    (req, call) => {
      const nextHopType = NEXT_HOP_TYPES[String(req.nextHopType)];
      if (!nextHopType) {
        throw new CloudError("UnsupportedOperation.NextHopType", `NextHopType '${String(req.nextHopType)}' is not simulated; use ${Object.keys(NEXT_HOP_TYPES).join(" or ")}.`);
      }
      const route = call.engine(A.Route.create, {
        routeTable: required(req.routeTableId, "RouteTableId"),
        destinationCidr: required(req.destinationCidrBlock, "DestinationCidrBlock"),
        nextHopType,
        nextHop: required(req.nextHopId, "NextHopId"),
        enabled: true,
      });
      return { routeEntryId: String(route.id) };
    },
    { routeTable: "RouteTableId", destinationCidr: "DestinationCidrBlock", nextHop: "NextHopId" },
  ),
  DeleteRouteEntry: handler<$.DeleteRouteEntryRequest, $.DeleteRouteEntryResponseBody>((req, call) => {
    let id = req.routeEntryId;
    if (!id) {
      const table = required(req.routeTableId, "RouteTableId");
      const hit = items(call.engine(A.Route.describe, { filters: { routeTable: table } })).find(
        (r) => r.destinationCidr === req.destinationCidrBlock && (!req.nextHopId || r.nextHop === req.nextHopId),
      );
      if (!hit) throw new CloudError("ResourceNotFound", `Route table '${table}' has no entry for ${String(req.destinationCidrBlock)}.`);
      id = String(hit.id);
    }
    call.engine(A.Route.delete, { id });
    return {};
  }),
};
