import type * as M from "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_models";
import { ACTIONS_BY_TYPE } from "../../actions";
import { CloudError } from "../../errors";
import type { JsonObject } from "../../params";
import { allOrNothing, handler, items, page, required, TencentCall, TencentHandler } from "./handler";
import { IDC_SITE_TAG } from "../helpers";
import { customerGatewayOut, vpnConnectionOut, vpnGatewayOut, vpnGatewayRouteOut } from "./resources";

const A = ACTIONS_BY_TYPE;

const regional = (call: TencentCall, ids?: string[]) => (ids?.length ? { ids, filters: { region: call.region } } : { filters: { region: call.region } });

/** cloud-api: RouteType StaticRoute is route-based; STATIC (the default) and Policy are SPD; Bgp is not simulated. */
function routeTypeOf(value: string | undefined): "SPD" | "ROUTE" {
  if (value === undefined || value === "STATIC" || value === "Policy") return "SPD";
  if (value === "StaticRoute") return "ROUTE";
  throw new CloudError("UnsupportedOperation.RouteType", `RouteType '${value}' is not simulated; use StaticRoute (route table) or Policy/STATIC (SPD).`);
}

function ikeOf(spec: M.IKEOptionsSpecification | undefined, call: TencentCall): JsonObject {
  const d = call.profile.ipsec.defaults.ike;
  return {
    version: spec?.IKEVersion ?? d.version,
    encryption: spec?.PropoEncryAlgorithm ?? d.encryption,
    integrity: spec?.PropoAuthenAlgorithm ?? d.integrity,
    dhGroup: spec?.DhGroupName ?? d.dhGroup,
    lifetimeSeconds: spec?.IKESaLifetimeSeconds ?? d.lifetimeSeconds,
    exchangeMode: spec?.ExchangeMode ?? d.exchangeMode,
  };
}

function ipsecOf(spec: M.IPSECOptionsSpecification | undefined, call: TencentCall): JsonObject {
  const d = call.profile.ipsec.defaults.ipsec;
  return {
    encryption: spec?.EncryptAlgorithm ?? d.encryption,
    // The model spells it IntegrityAlgorith (sic); the newer IntegrityAlgorithm is read too.
    integrity: spec?.IntegrityAlgorithm ?? spec?.IntegrityAlgorith ?? d.integrity,
    pfsDhGroup: spec?.PfsDhGroup ?? d.pfsDhGroup,
    lifetimeSeconds: spec?.IPSECSaLifetimeSeconds ?? d.lifetimeSeconds,
  };
}

function healthCheckOf(req: M.CreateVpnConnectionRequest, call: TencentCall): JsonObject | undefined {
  if (req.EnableHealthCheck !== true) return undefined;
  const range = call.profile.healthCheck;
  return {
    enabled: true,
    localIp: req.HealthCheckLocalIp,
    remoteIp: req.HealthCheckRemoteIp,
    intervalMs: req.HealthCheckConfig?.ProbeInterval ?? range.defaultIntervalMs,
    retries: req.HealthCheckConfig?.ProbeThreshold ?? range.defaultRetries,
  };
}

const CONNECTION_NAMES = {
  name: "VpnConnectionName", vpnGateway: "VpnGatewayId", customerGateway: "CustomerGatewayId", vpc: "VpcId",
  preSharedKey: "PreShareKey", spdPolicies: "SecurityPolicyDatabases", ike: "IKEOptionsSpecification",
  ipsec: "IPSECOptionsSpecification", "healthCheck.localIp": "HealthCheckLocalIp", "healthCheck.remoteIp": "HealthCheckRemoteIp",
  "healthCheck.intervalMs": "HealthCheckConfig.ProbeInterval", "healthCheck.retries": "HealthCheckConfig.ProbeThreshold",
};

function gatewayRoutes(call: TencentCall, gatewayId: string): JsonObject[] {
  return items(call.engine(A.VpnGatewayRoute.describe, { filters: { vpnGateway: gatewayId } }));
}

export const VPN_HANDLERS: Record<string, TencentHandler> = {
  CreateVpnGateway: handler<M.CreateVpnGatewayRequest, M.CreateVpnGatewayResponse>(
    (req, call) => {
      const type = req.Type ?? "IPSEC";
      if (!["IPSEC", "SSL", "CCN"].includes(type)) {
        throw new CloudError("UnsupportedOperation.VpnGatewayType", `Type '${type}' is not simulated; use IPSEC, SSL or CCN.`);
      }
      const gateway = call.engine(A.VpnGateway.create, {
        name: required(req.VpnGatewayName, "VpnGatewayName"),
        region: call.region,
        type: type === "CCN" ? "CCN" : "VPC",
        ...(type === "CCN" ? {} : { vpc: required(req.VpcId, "VpcId") }),
        bandwidthMbps: required(req.InternetMaxBandwidthOut, "InternetMaxBandwidthOut"),
        ipsecEnabled: type !== "SSL",
        sslEnabled: type === "SSL",
        ...(type === "SSL" && req.MaxConnection !== undefined ? { sslConnections: req.MaxConnection } : {}),
        // cloud-api: InstanceChargeType PREPAID | POSTPAID_BY_HOUR, the engine's own words; the period in InstanceChargePrepaid.
        ...(req.InstanceChargeType !== undefined ? { chargeType: req.InstanceChargeType } : {}),
        ...(req.InstanceChargePrepaid?.Period !== undefined ? { periodMonths: req.InstanceChargePrepaid.Period } : {}),
      });
      return { VpnGateway: vpnGatewayOut(gateway) };
    },
    {
      name: "VpnGatewayName",
      vpc: "VpcId",
      bandwidthMbps: "InternetMaxBandwidthOut",
      sslConnections: "MaxConnection",
      chargeType: "InstanceChargeType",
      periodMonths: "InstanceChargePrepaid.Period",
    },
  ),
  DescribeVpnGateways: handler<M.DescribeVpnGatewaysRequest, M.DescribeVpnGatewaysResponse>((req, call) => {
    const { set, total } = page(items(call.engine(A.VpnGateway.describe, regional(call, req.VpnGatewayIds))).map(vpnGatewayOut), req);
    return { VpnGatewaySet: set, TotalCount: total };
  }),
  DeleteVpnGateway: handler<M.DeleteVpnGatewayRequest, M.DeleteVpnGatewayResponse>((req, call) => {
    call.engine(A.VpnGateway.delete, { id: required(req.VpnGatewayId, "VpnGatewayId") });
    return {};
  }),
  CreateCustomerGateway: handler<M.CreateCustomerGatewayRequest, M.CreateCustomerGatewayResponse>(
    (req, call) => {
      const site = req.Tags?.find((t) => t.Key === IDC_SITE_TAG)?.Value;
      const device = call.engine(A.CustomerGateway.create, {
        name: required(req.CustomerGatewayName, "CustomerGatewayName"),
        ipAddress: required(req.IpAddress, "IpAddress"),
        ...(site ? { site } : {}),
        // A customer gateway is recorded in the region the request is sent to (cloud-api: every request names its Region).
        region: call.region,
      });
      return { CustomerGateway: customerGatewayOut(device) };
    },
    { name: "CustomerGatewayName", ipAddress: "IpAddress", site: `Tags[${IDC_SITE_TAG}]` },
  ),
  DescribeCustomerGateways: handler<M.DescribeCustomerGatewaysRequest, M.DescribeCustomerGatewaysResponse>((req, call) => {
    const ids = req.CustomerGatewayIds;
    // Regional like every other describe: a Delete sent where Describe found it must find it too.
    const found = items(call.engine(A.CustomerGateway.describe, regional(call, ids)));
    const { set, total } = page(found.map(customerGatewayOut), req);
    return { CustomerGatewaySet: set, TotalCount: total };
  }),
  DeleteCustomerGateway: handler<M.DeleteCustomerGatewayRequest, M.DeleteCustomerGatewayResponse>((req, call) => {
    call.engine(A.CustomerGateway.delete, { id: required(req.CustomerGatewayId, "CustomerGatewayId") });
    return {};
  }),
  CreateVpnConnection: handler<M.CreateVpnConnectionRequest, M.CreateVpnConnectionResponse>((req, call) => {
    const routeType = routeTypeOf(req.RouteType);
    const healthCheck = healthCheckOf(req, call);
    const connection = call.engine(A.VpnConnection.create, {
      name: required(req.VpnConnectionName, "VpnConnectionName"),
      vpnGateway: required(req.VpnGatewayId, "VpnGatewayId"),
      customerGateway: required(req.CustomerGatewayId, "CustomerGatewayId"),
      ...(req.VpcId ? { vpc: req.VpcId } : {}),
      preSharedKey: required(req.PreShareKey, "PreShareKey"),
      routeType,
      spdPolicies:
        routeType === "SPD"
          ? (req.SecurityPolicyDatabases ?? []).map((p) => ({ localCidrs: [p.LocalCidrBlock], remoteCidrs: p.RemoteCidrBlock ?? [] }))
          : [],
      ike: ikeOf(req.IKEOptionsSpecification, call),
      ipsec: ipsecOf(req.IPSECOptionsSpecification, call),
      ...(healthCheck ? { healthCheck } : {}),
    });
    return { VpnConnection: vpnConnectionOut(connection) };
  }, CONNECTION_NAMES),
  DescribeVpnConnections: handler<M.DescribeVpnConnectionsRequest, M.DescribeVpnConnectionsResponse>((req, call) => {
    const { set, total } = page(items(call.engine(A.VpnConnection.describe, regional(call, req.VpnConnectionIds))).map(vpnConnectionOut), req);
    return { VpnConnectionSet: set, TotalCount: total };
  }),
  DeleteVpnConnection: handler<M.DeleteVpnConnectionRequest, M.DeleteVpnConnectionResponse>((req, call) => {
    const id = required(req.VpnConnectionId, "VpnConnectionId");
    const [connection] = items(call.engine(A.VpnConnection.describe, { ids: [id] }));
    if (req.VpnGatewayId && connection.vpnGateway !== req.VpnGatewayId) {
      throw new CloudError("ResourceNotFound", `VPN gateway '${req.VpnGatewayId}' has no connection '${id}'.`);
    }
    call.engine(A.VpnConnection.delete, { id });
    return {};
  }),
  CreateVpnGatewayRoutes: handler<M.CreateVpnGatewayRoutesRequest, M.CreateVpnGatewayRoutesResponse>(
    (req, call) => {
      const gateway = required(req.VpnGatewayId, "VpnGatewayId");
      const created = allOrNothing(
        required(req.Routes, "Routes"),
        (r) => {
          if (r.InstanceType !== undefined && r.InstanceType !== "VPNCONN") {
            throw new CloudError("UnsupportedOperation.InstanceType", `Routes.InstanceType '${r.InstanceType}' is not simulated; use VPNCONN.`);
          }
          return call.engine(A.VpnGatewayRoute.create, {
            vpnGateway: gateway,
            destinationCidr: required(r.DestinationCidrBlock, "Routes.DestinationCidrBlock"),
            nextHop: required(r.InstanceId, "Routes.InstanceId"),
            priority: r.Priority ?? 0,
            // Tencent's VPC reaches the gateway through its own route table (CreateRoutes, GatewayType VPN).
            publishToVpc: false,
            enabled: r.Status !== "DISABLE",
          });
        },
        (done) => call.engine(A.VpnGatewayRoute.delete, { id: done.id }),
      );
      return { Routes: created.map(vpnGatewayRouteOut) };
    },
    { vpnGateway: "VpnGatewayId", destinationCidr: "Routes.DestinationCidrBlock", nextHop: "Routes.InstanceId", priority: "Routes.Priority" },
  ),
  DescribeVpnGatewayRoutes: handler<M.DescribeVpnGatewayRoutesRequest, M.DescribeVpnGatewayRoutesResponse>((req, call) => {
    const { set, total } = page(gatewayRoutes(call, required(req.VpnGatewayId, "VpnGatewayId")).map(vpnGatewayRouteOut), req);
    return { Routes: set, TotalCount: total };
  }),
  ModifyVpnGatewayRoutes: handler<M.ModifyVpnGatewayRoutesRequest, M.ModifyVpnGatewayRoutesResponse>((req, call) => {
    const gateway = required(req.VpnGatewayId, "VpnGatewayId");
    const own = new Set(gatewayRoutes(call, gateway).map((r) => r.id));
    const changes = required(req.Routes, "Routes");
    for (const r of changes) {
      if (!own.has(r.RouteId)) throw new CloudError("ResourceNotFound", `VPN gateway '${gateway}' has no route '${String(r.RouteId)}'.`);
      if (r.Status !== "ENABLE" && r.Status !== "DISABLE") throw new CloudError("InvalidParameterValue", `Routes.Status is '${String(r.Status)}'; use ENABLE or DISABLE.`);
    }
    const before = gatewayRoutes(call, gateway);
    const modified = allOrNothing(
      changes,
      (r) => call.engine(A.VpnGatewayRoute.modify, { id: r.RouteId, enabled: r.Status === "ENABLE" }),
      (done) => call.engine(A.VpnGatewayRoute.modify, { id: done.id, enabled: before.find((b) => b.id === done.id)?.enabled !== false }),
    );
    return { Routes: modified.map(vpnGatewayRouteOut) };
  }),
  DeleteVpnGatewayRoutes: handler<M.DeleteVpnGatewayRoutesRequest, M.DeleteVpnGatewayRoutesResponse>((req, call) => {
    const gateway = required(req.VpnGatewayId, "VpnGatewayId");
    const own = new Set(gatewayRoutes(call, gateway).map((r) => r.id));
    const ids = required(req.RouteIds, "RouteIds");
    const missing = ids.filter((id) => !own.has(id));
    if (missing.length) throw new CloudError("ResourceNotFound", `VPN gateway '${gateway}' has no route ${missing.map((m) => `'${m}'`).join(", ")}.`);
    for (const id of ids) call.engine(A.VpnGatewayRoute.delete, { id });
    return {};
  }),
  DownloadCustomerGatewayConfiguration: handler<M.DownloadCustomerGatewayConfigurationRequest, M.DownloadCustomerGatewayConfigurationResponse>(
    (req, call) => {
      const id = required(req.VpnConnectionId, "VpnConnectionId");
      const [connection] = items(call.engine(A.VpnConnection.describe, { ids: [id] }));
      if (connection.vpnGateway !== required(req.VpnGatewayId, "VpnGatewayId")) {
        throw new CloudError("ResourceNotFound", `VPN gateway '${req.VpnGatewayId}' has no connection '${id}'.`);
      }
      // assumption: vendor "strongswan" gets swanctl.conf; any other vendor the engine's vendor-neutral JSON (no vendor templates here).
      const vendor = String(req.CustomerGatewayVendor?.VendorName ?? "").toLowerCase();
      const format = vendor === "strongswan" ? "swanctl" : "json";
      const result = call.engine("DownloadCustomerGatewayConfiguration", { id, format });
      return { CustomerGatewayConfiguration: String(result.configuration) };
    },
  ),
};
