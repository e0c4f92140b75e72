import type * as M from "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_models";
import { ACTIONS_BY_TYPE } from "../../actions";
import { CloudError, notFound } from "../../errors";
import { NOUNS } from "../../actions/lookup";
import type { JsonObject } from "../../params";
import { allOrNothing, handler, items, page, required, TencentCall, TencentHandler } from "./handler";
import { GATEWAY_TYPES, routeNumber, routeOut, routeTableOut, subnetOut, vpcOut } from "./resources";

const A = ACTIONS_BY_TYPE;

/**
 * The VPC's main route table (CreateVpc makes one, as the cloud does), looked up in the request's region:
 * a VPC of another region, or none at all, is refused as the engine refuses a reference to a missing VPC.
 */
function mainTable(call: TencentCall, vpcId: string): JsonObject {
  const [table] = items(call.engine(A.RouteTable.describe, { filters: { vpc: vpcId, main: true, region: call.region } }));
  if (!table) {
    throw new CloudError(
      "ResourceNotFound",
      `${call.action}: 'vpc' names VPC '${vpcId}', which does not exist in account '${call.account}'. Create it first, or pass the ID of one of your VPCs.`,
    );
  }
  return table;
}

function describeTable(call: TencentCall, table: JsonObject): M.RouteTable {
  const routes = items(call.engine(A.Route.describe, { filters: { routeTable: String(table.id) } }));
  const subnets = items(call.engine(A.Subnet.describe, { filters: { routeTable: String(table.id) } }));
  return routeTableOut(table, routes, subnets);
}

const regional = (call: TencentCall) => ({ filters: { region: call.region } });
const byIds = (ids: string[] | undefined, call: TencentCall) => (ids?.length ? { ids, ...regional(call) } : regional(call));

export const VPC_HANDLERS: Record<string, TencentHandler> = {
  CreateVpc: handler<M.CreateVpcRequest, M.CreateVpcResponse>(
    (req, call) => {
      const vpc = call.engine(A.Vpc.create, { name: required(req.VpcName, "VpcName"), region: call.region, cidrs: [required(req.CidrBlock, "CidrBlock")] });
      try {
        call.engine(A.RouteTable.create, { name: "default", vpc: vpc.id, main: true });
      } catch (err) {
        call.engine(A.Vpc.delete, { id: vpc.id });
        throw err;
      }
      return { Vpc: vpcOut(vpc) };
    },
    { name: "VpcName", cidrs: "CidrBlock" },
  ),
  DescribeVpcs: handler<M.DescribeVpcsRequest, M.DescribeVpcsResponse>((req, call) => {
    const { set, total } = page(items(call.engine(A.Vpc.describe, byIds(req.VpcIds, call))).map(vpcOut), req);
    return { VpcSet: set, TotalCount: total };
  }),
  DeleteVpc: handler<M.DeleteVpcRequest, M.DeleteVpcResponse>((req, call) => {
    const id = required(req.VpcId, "VpcId");
    // Scoped to the request's region: another region's VPC is refused as a missing one is.
    if (!items(call.engine(A.Vpc.describe, { ids: [id], filters: { region: call.region } })).length) throw notFound(NOUNS.Vpc, id, call.account);
    const table = mainTable(call, id);
    // The default table goes with its VPC; a subnet still using it refuses the delete here (ResourceInUse).
    call.engine(A.RouteTable.delete, { id: table.id });
    try {
      call.engine(A.Vpc.delete, { id });
    } catch (err) {
      call.engine(A.RouteTable.create, { name: table.name, vpc: id, main: true });
      throw err;
    }
    return {};
  }),
  CreateSubnet: handler<M.CreateSubnetRequest, M.CreateSubnetResponse>(
    (req, call) => {
      const vpc = required(req.VpcId, "VpcId");
      const subnet = call.engine(A.Subnet.create, {
        name: required(req.SubnetName, "SubnetName"),
        vpc,
        cidr: required(req.CidrBlock, "CidrBlock"),
        routeTable: mainTable(call, vpc).id,
        zone: required(req.Zone, "Zone"),
      });
      return { Subnet: subnetOut(subnet) };
    },
    { name: "SubnetName", vpc: "VpcId", cidr: "CidrBlock", zone: "Zone" },
  ),
  DescribeSubnets: handler<M.DescribeSubnetsRequest, M.DescribeSubnetsResponse>((req, call) => {
    const { set, total } = page(items(call.engine(A.Subnet.describe, byIds(req.SubnetIds, call))).map(subnetOut), req);
    return { SubnetSet: set, TotalCount: total };
  }),
  DeleteSubnet: handler<M.DeleteSubnetRequest, M.DeleteSubnetResponse>((req, call) => {
    call.engine(A.Subnet.delete, { id: required(req.SubnetId, "SubnetId") });
    return {};
  }),
  CreateRouteTable: handler<M.CreateRouteTableRequest, M.CreateRouteTableResponse>(
    (req, call) => {
      const table = call.engine(A.RouteTable.create, { name: required(req.RouteTableName, "RouteTableName"), vpc: required(req.VpcId, "VpcId"), main: false });
      return { RouteTable: describeTable(call, table) };
    },
    { name: "RouteTableName", vpc: "VpcId" },
  ),
  DescribeRouteTables: handler<M.DescribeRouteTablesRequest, M.DescribeRouteTablesResponse>((req, call) => {
    const tables = items(call.engine(A.RouteTable.describe, byIds(req.RouteTableIds, call))).map((t) => describeTable(call, t));
    const { set, total } = page(tables, req, { "association.main": (t) => [t.Main] });
    return { RouteTableSet: set, TotalCount: total };
  }),
  CreateRoutes: handler<M.CreateRoutesRequest, M.CreateRoutesResponse>(
    (req, call) => {
      const tableId = required(req.RouteTableId, "RouteTableId");
      const routes = required(req.Routes, "Routes");
      allOrNothing(
        routes,
        (r) => {
          const nextHopType = GATEWAY_TYPES[String(r.GatewayType)];
          if (!nextHopType) {
            throw new CloudError(
              "UnsupportedOperation.GatewayType",
              `Routes.GatewayType '${String(r.GatewayType)}' is not simulated; use one of ${Object.keys(GATEWAY_TYPES).join(", ")}.`,
            );
          }
          return call.engine(A.Route.create, {
            routeTable: tableId,
            destinationCidr: required(r.DestinationCidrBlock, "Routes.DestinationCidrBlock"),
            nextHopType,
            nextHop: required(r.GatewayId, "Routes.GatewayId"),
            enabled: r.Enabled !== false,
          });
        },
        (done) => call.engine(A.Route.delete, { id: done.id }),
      );
      const [table] = items(call.engine(A.RouteTable.describe, { ids: [tableId] }));
      return { TotalCount: routes.length, RouteTableSet: [describeTable(call, table)] };
    },
    { routeTable: "RouteTableId", destinationCidr: "DestinationCidrBlock", nextHop: "GatewayId" },
  ),
  DeleteRoutes: handler<M.DeleteRoutesRequest, M.DeleteRoutesResponse>((req, call) => {
    const tableId = required(req.RouteTableId, "RouteTableId");
    const existing = items(call.engine(A.Route.describe, { filters: { routeTable: tableId } }));
    const chosen = required(req.Routes, "Routes").map((r) => {
      const hit = existing.find(
        (e) =>
          (r.RouteId !== undefined && routeNumber(String(e.id)) === r.RouteId) ||
          (r.RouteItemId !== undefined && e.id === r.RouteItemId) ||
          (r.RouteId === undefined && r.RouteItemId === undefined && e.destinationCidr === r.DestinationCidrBlock &&
            (r.GatewayId === undefined || e.nextHop === r.GatewayId)),
      );
      if (!hit) throw new CloudError("ResourceNotFound", `Route table '${tableId}' has no route matching ${JSON.stringify(r)}.`);
      return hit;
    });
    // Deletes are checked up front (every route found) so a refusal leaves every route in place.
    for (const route of chosen) call.engine(A.Route.delete, { id: route.id });
    return { RouteSet: chosen.map(routeOut) };
  }),
};
