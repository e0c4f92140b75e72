import { prepaidExpiry, valueText } from "../../../../lib";
import type * as $ from "@alicloud/vpc20160428";
import * as crypto from "crypto";
import { ACTIONS_BY_TYPE } from "../../actions";
import { CloudError } from "../../errors";
import type { JsonObject } from "../../params";
import { AlibabaCall, AlibabaHandler, handler, idList, items, millis, page, required, scoped } from "./handler";
import { ALIBABA_CHARGE_TYPES, IDC_SITE_TAG } from "../helpers";

const A = ACTIONS_BY_TYPE;

/** A JSON-string parameter (IkeConfig, IpsecConfig, HealthCheckConfig) as an object. */
function jsonParam(value: string | undefined, name: string): Record<string, unknown> {
  if (value === undefined || value === "") return {};
  try {
    const parsed = JSON.parse(value) as unknown;
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the refusal
  }
  throw new CloudError("InvalidParameter", `${name} must be a JSON object in a string, e.g. {"IkeVersion":"ikev2"}.`);
}

const cidrList = (value: string | undefined): string[] => (value ?? "").split(",").map((c) => c.trim()).filter(Boolean);
const str = (v: unknown): string => (v === undefined || v === null ? "" : valueText(v));

function gatewayOut(item: JsonObject) {
  return {
    vpnGatewayId: str(item.id),
    vpcId: str(item.vpc),
    name: str(item.name),
    // cloud-api: Status init | provisioning | active | updating | deleting.
    status: item.state === "AVAILABLE" ? "active" : "provisioning",
    businessStatus: "Normal",
    internetIp: str(item.publicIp),
    spec: `${str(item.bandwidthMbps)}M`,
    ipsecVpn: item.ipsecEnabled === true ? "enable" : "disable",
    sslVpn: item.sslEnabled === true ? "enable" : "disable",
    sslMaxConnections: Number(item.sslConnections ?? 0),
    createTime: millis(item.createdAt),
    chargeType: ALIBABA_CHARGE_TYPES[item.chargeType === "PREPAID" ? "PREPAID" : "POSTPAID_BY_HOUR"].described,
    // cloud-api: a subscription's end in milliseconds; the API returns no period.
    ...(item.chargeType === "PREPAID" && typeof item.periodMonths === "number" ? { endTime: millis(prepaidExpiry(str(item.createdAt), item.periodMonths)) } : {}),
    networkType: "public",
    gatewayType: "Normal",
  };
}

function customerGatewayOut(item: JsonObject) {
  return {
    customerGatewayId: str(item.id),
    name: str(item.name),
    ipAddress: str(item.ipAddress),
    description: str(item.description),
    createTime: millis(item.createdAt),
  };
}

/** cloud-api: InstanceChargeType PREPAY | POSTPAY and Period (months), in the engine's (Tencent's) words. */
const CHARGE_TYPES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ALIBABA_CHARGE_TYPES).map(([engine, words]) => [words.request, engine]));

function billingTermsOf(req: { readonly instanceChargeType?: string; readonly period?: number }): JsonObject {
  const given = req.instanceChargeType;
  if (given !== undefined && CHARGE_TYPES[given] === undefined) {
    throw new CloudError("InvalidParameter", `InstanceChargeType '${given}' is not one of PREPAY, POSTPAY; omit it to pay as you go.`);
  }
  return { ...(given !== undefined ? { chargeType: CHARGE_TYPES[given] } : {}), ...(req.period !== undefined ? { periodMonths: req.period } : {}) };
}

function connectionOut(item: JsonObject) {
  const ike = (item.ike ?? {}) as JsonObject;
  const ipsec = (item.ipsec ?? {}) as JsonObject;
  const hc = item.healthCheck as JsonObject | undefined;
  const policies = (item.spdPolicies as Array<{ localCidrs: string[]; remoteCidrs: string[] }>) ?? [];
  return {
    vpnConnectionId: str(item.id),
    vpnGatewayId: str(item.vpnGateway),
    customerGatewayId: str(item.customerGateway),
    name: str(item.name),
    localSubnet: [...new Set(policies.flatMap((p) => p.localCidrs))].join(","),
    remoteSubnet: [...new Set(policies.flatMap((p) => p.remoteCidrs))].join(","),
    createTime: millis(item.createdAt),
    effectImmediately: true,
    state: "active",
    status: item.tunnelUp === true ? "ipsec_sa_established" : "ike_sa_not_established",
    // Never the key: Describe returns no secret.
    ikeConfig: { ikeVersion: str(ike.version), ikeMode: str(ike.exchangeMode), ikeEncAlg: str(ike.encryption), ikeAuthAlg: str(ike.integrity),
      ikePfs: str(ike.dhGroup), ikeLifetime: Number(ike.lifetimeSeconds ?? 0), psk: "" },
    ipsecConfig: { ipsecEncAlg: str(ipsec.encryption), ipsecAuthAlg: str(ipsec.integrity), ipsecPfs: str(ipsec.pfsDhGroup), ipsecLifetime: Number(ipsec.lifetimeSeconds ?? 0) },
    vcoHealthCheck: {
      enable: hc?.enabled === true ? "true" : "false",
      sip: str(hc?.localIp),
      dip: str(hc?.remoteIp),
      interval: hc ? Number(hc.intervalMs) / 1000 : 0,
      retry: hc ? Number(hc.retries) : 0,
      policy: "revoke_route",
      status: item.healthCheckStatus === "UP" ? "success" : item.healthCheckStatus === "DOWN" ? "failed" : "",
    },
  };
}

function routeEntryOut(item: JsonObject) {
  return {
    vpnInstanceId: str(item.vpnGateway),
    routeDest: str(item.destinationCidr),
    nextHop: str(item.nextHop),
    weight: Number(item.weight ?? 0),
    state: item.publishToVpc === true ? "published" : "normal",
    createTime: millis(item.createdAt),
    routeEntryType: "custom",
    overlayMode: "Ipsec",
    description: "",
  };
}

/** The one destination route of a gateway with that destination and next hop. */
function findRoute(call: AlibabaCall, gateway: string, dest: string | undefined, nextHop: string | undefined): JsonObject {
  const hit = items(call.engine(A.VpnGatewayRoute.describe, { filters: { vpnGateway: gateway } })).find(
    (r) => r.destinationCidr === dest && r.nextHop === nextHop,
  );
  if (!hit) throw new CloudError("ResourceNotFound", `VPN gateway '${gateway}' has no destination route ${str(dest)} via '${str(nextHop)}'.`);
  return hit;
}

function createConnection(req: Partial<Record<string, unknown>> & { [k: string]: unknown }, call: AlibabaCall): JsonObject {
  const ikeIn = jsonParam(req.ikeConfig as string | undefined, "IkeConfig");
  const ipsecIn = jsonParam(req.ipsecConfig as string | undefined, "IpsecConfig");
  const hcIn = jsonParam(req.healthCheckConfig as string | undefined, "HealthCheckConfig");
  const d = call.profile.ipsec.defaults;
  const range = call.profile.healthCheck;
  const local = cidrList(required(req.localSubnet as string | undefined, "LocalSubnet"));
  const remote = cidrList(required(req.remoteSubnet as string | undefined, "RemoteSubnet"));
  return call.engine(A.VpnConnection.create, {
    name: str(req.name),
    vpnGateway: required(req.vpnGatewayId as string | undefined, "VpnGatewayId"),
    customerGateway: required(req.customerGatewayId as string | undefined, "CustomerGatewayId"),
    // cloud-api: without IkeConfig.Psk the cloud generates a 16-character key.
    preSharedKey: ikeIn.Psk !== undefined ? ikeIn.Psk : crypto.randomBytes(12).toString("base64url").slice(0, 16),
    // assumption: a connection is route-based (destination routes decide, as seed 001 does) with its subnets as the selectors.
    routeType: "ROUTE",
    spdPolicies: [{ localCidrs: local, remoteCidrs: remote }],
    ike: {
      version: ikeIn.IkeVersion ?? d.ike.version, exchangeMode: ikeIn.IkeMode ?? d.ike.exchangeMode, encryption: ikeIn.IkeEncAlg ?? d.ike.encryption,
      integrity: ikeIn.IkeAuthAlg ?? d.ike.integrity, dhGroup: ikeIn.IkePfs ?? d.ike.dhGroup, lifetimeSeconds: toNumber(ikeIn.IkeLifetime) ?? d.ike.lifetimeSeconds,
    },
    ipsec: {
      encryption: ipsecIn.IpsecEncAlg ?? d.ipsec.encryption, integrity: ipsecIn.IpsecAuthAlg ?? d.ipsec.integrity,
      pfsDhGroup: ipsecIn.IpsecPfs ?? d.ipsec.pfsDhGroup, lifetimeSeconds: toNumber(ipsecIn.IpsecLifetime) ?? d.ipsec.lifetimeSeconds,
    },
    ...(String(hcIn.enable) === "true"
      ? { healthCheck: { enabled: true, localIp: hcIn.sip, remoteIp: hcIn.dip,
          intervalMs: (toNumber(hcIn.interval) ?? range.defaultIntervalMs / 1000) * 1000, retries: toNumber(hcIn.retry) ?? range.defaultRetries } }
      : {}),
  });
}

const toNumber = (v: unknown): number | undefined => (v === undefined || v === "" ? undefined : Number(v));

export const VPN_HANDLERS: Record<string, AlibabaHandler> = {
  CreateVpnGateway: handler<$.CreateVpnGatewayRequest, $.CreateVpnGatewayResponseBody>(
    (req, call) => {
      const gateway = call.engine(A.VpnGateway.create, {
        name: req.name ?? "",
        region: call.region,
        type: "VPC",
        vpc: required(req.vpcId, "VpcId"),
        bandwidthMbps: required(req.bandwidth, "Bandwidth"),
        ipsecEnabled: req.enableIpsec !== false,
        sslEnabled: req.enableSsl === true,
        ...(req.enableSsl === true && req.sslConnections !== undefined ? { sslConnections: req.sslConnections } : {}),
        ...billingTermsOf(req),
      });
      return { vpnGatewayId: str(gateway.id), name: str(gateway.name), orderId: 0 };
    },
    { name: "Name", vpc: "VpcId", bandwidthMbps: "Bandwidth", sslConnections: "SslConnections", chargeType: "InstanceChargeType", periodMonths: "Period" },
  ),
  DescribeVpnGateway: handler<$.DescribeVpnGatewayRequest, $.DescribeVpnGatewayResponseBody>((req, call) => {
    const [gateway] = items(call.engine(A.VpnGateway.describe, { ids: [required(req.vpnGatewayId, "VpnGatewayId")] }));
    return gatewayOut(gateway);
  }),
  DescribeVpnGateways: handler<$.DescribeVpnGatewaysRequest, $.DescribeVpnGatewaysResponseBody>((req, call) => {
    let found = items(call.engine(A.VpnGateway.describe, scoped(call, idList(req.vpnGatewayId), req.vpcId ? { vpc: req.vpcId } : {}))).map(gatewayOut);
    if (req.status) found = found.filter((g) => g.status === req.status);
    const { set, ...paging } = page(found, req);
    return { vpnGateways: { vpnGateway: set }, ...paging };
  }),
  DeleteVpnGateway: handler<$.DeleteVpnGatewayRequest, $.DeleteVpnGatewayResponseBody>((req, call) => {
    call.engine(A.VpnGateway.delete, { id: required(req.vpnGatewayId, "VpnGatewayId") });
    return {};
  }),
  CreateCustomerGateway: handler<$.CreateCustomerGatewayRequest, $.CreateCustomerGatewayResponseBody>(
    (req, call) => {
      const site = req.tags?.find((t) => t.key === IDC_SITE_TAG)?.value;
      const device = call.engine(A.CustomerGateway.create, {
        name: req.name ?? "",
        ipAddress: required(req.ipAddress, "IpAddress"),
        ...(site ? { site } : {}),
        region: call.region,
        ...(req.description !== undefined ? { description: req.description } : {}),
      });
      return customerGatewayOut(device);
    },
    { name: "Name", ipAddress: "IpAddress", site: `Tags[${IDC_SITE_TAG}]`, description: "Description" },
  ),
  DescribeCustomerGateway: handler<$.DescribeCustomerGatewayRequest, $.DescribeCustomerGatewayResponseBody>((req, call) => {
    const [device] = items(call.engine(A.CustomerGateway.describe, { ids: [required(req.customerGatewayId, "CustomerGatewayId")] }));
    return customerGatewayOut(device);
  }),
  DescribeCustomerGateways: handler<$.DescribeCustomerGatewaysRequest, $.DescribeCustomerGatewaysResponseBody>((req, call) => {
    const ids = idList(req.customerGatewayId);
    const found = items(call.engine(A.CustomerGateway.describe, scoped(call, ids))).map(customerGatewayOut);
    const { set, ...paging } = page(found, req);
    return { customerGateways: { customerGateway: set }, ...paging };
  }),
  DeleteCustomerGateway: handler<$.DeleteCustomerGatewayRequest, $.DeleteCustomerGatewayResponseBody>((req, call) => {
    call.engine(A.CustomerGateway.delete, { id: required(req.customerGatewayId, "CustomerGatewayId") });
    return {};
  }),
  CreateVpnConnection: handler<$.CreateVpnConnectionRequest, $.CreateVpnConnectionResponseBody>(
    (req, call) => {
      const created = createConnection(req, call);
      return { vpnConnectionId: str(created.id), name: str(created.name), createTime: millis(created.createdAt) };
    },
    { name: "Name", vpnGateway: "VpnGatewayId", customerGateway: "CustomerGatewayId", preSharedKey: "IkeConfig.Psk", "healthCheck.localIp": "HealthCheckConfig.sip",
      "healthCheck.remoteIp": "HealthCheckConfig.dip", "healthCheck.intervalMs": "HealthCheckConfig.interval", "healthCheck.retries": "HealthCheckConfig.retry" },
  ),
  DescribeVpnConnection: handler<$.DescribeVpnConnectionRequest, $.DescribeVpnConnectionResponseBody>((req, call) => {
    const [connection] = items(call.engine(A.VpnConnection.describe, { ids: [required(req.vpnConnectionId, "VpnConnectionId")] }));
    return connectionOut(connection);
  }),
  DescribeVpnConnections: handler<$.DescribeVpnConnectionsRequest, $.DescribeVpnConnectionsResponseBody>((req, call) => {
    const filters: Record<string, string> = {};
    if (req.vpnGatewayId) filters.vpnGateway = req.vpnGatewayId;
    if (req.customerGatewayId) filters.customerGateway = req.customerGatewayId;
    const found = items(call.engine(A.VpnConnection.describe, scoped(call, idList(req.vpnConnectionId), filters))).map(connectionOut);
    const { set, ...paging } = page(found, req);
    return { vpnConnections: { vpnConnection: set }, ...paging };
  }),
  DeleteVpnConnection: handler<$.DeleteVpnConnectionRequest, $.DeleteVpnConnectionResponseBody>((req, call) => {
    call.engine(A.VpnConnection.delete, { id: required(req.vpnConnectionId, "VpnConnectionId") });
    return {};
  }),
  CreateVpnRouteEntry: handler<$.CreateVpnRouteEntryRequest, $.CreateVpnRouteEntryResponseBody>(
    (req, call) => {
      const route = call.engine(A.VpnGatewayRoute.create, {
        vpnGateway: required(req.vpnGatewayId, "VpnGatewayId"),
        destinationCidr: required(req.routeDest, "RouteDest"),
        nextHop: required(req.nextHop, "NextHop"),
        weight: required(req.weight, "Weight"),
        publishToVpc: required(req.publishVpc, "PublishVpc"),
        enabled: true,
      });
      return { ...routeEntryOut(route), description: req.description ?? "" };
    },
    { vpnGateway: "VpnGatewayId", destinationCidr: "RouteDest", nextHop: "NextHop", weight: "Weight", publishToVpc: "PublishVpc" },
  ),
  PublishVpnRouteEntry: handler<$.PublishVpnRouteEntryRequest, $.PublishVpnRouteEntryResponseBody>((req, call) => {
    if (req.routeType !== undefined && req.routeType !== "dbr") {
      throw new CloudError("UnsupportedOperation.RouteType", `RouteType '${req.routeType}' is not simulated; destination routes (dbr) are.`);
    }
    const route = findRoute(call, required(req.vpnGatewayId, "VpnGatewayId"), req.routeDest, req.nextHop);
    call.engine(A.VpnGatewayRoute.modify, { id: route.id, publishToVpc: required(req.publishVpc, "PublishVpc") });
    return {};
  }),
  DescribeVpnRouteEntries: handler<$.DescribeVpnRouteEntriesRequest, $.DescribeVpnRouteEntriesResponseBody>((req, call) => {
    const gateway = required(req.vpnGatewayId, "VpnGatewayId");
    const found = items(call.engine(A.VpnGatewayRoute.describe, { filters: { vpnGateway: gateway } })).map(routeEntryOut);
    const { set, ...paging } = page(found, req);
    return { vpnRouteEntries: { vpnRouteEntry: set }, ...paging };
  }),
  DeleteVpnRouteEntry: handler<$.DeleteVpnRouteEntryRequest, $.DeleteVpnRouteEntryResponseBody>((req, call) => {
    const route = findRoute(call, required(req.vpnGatewayId, "VpnGatewayId"), req.routeDest, req.nextHop);
    call.engine(A.VpnGatewayRoute.delete, { id: route.id });
    return {};
  }),
  DownloadVpnConnectionConfig: handler<$.DownloadVpnConnectionConfigRequest, $.DownloadVpnConnectionConfigResponseBody>((req, call) => {
    const id = required(req.vpnConnectionId, "VpnConnectionId");
    const download = call.engine("DownloadCustomerGatewayConfiguration", { id, format: "json" });
    const view = JSON.parse(String(download.configuration)) as {
      local: { address: string; subnets: string[] }; remote: { address: string; subnets: string[] };
      ike: JsonObject; ipsec: JsonObject;
    };
    // Seed 001 step 4: the download is the IDC device's view, local and remote subnets swapped; no key (secrets are never returned).
    return {
      vpnConnectionConfig: {
        local: view.local.address, remote: view.remote.address,
        localSubnet: view.local.subnets.join(","), remoteSubnet: view.remote.subnets.join(","),
        ikeConfig: { ikeVersion: str(view.ike.version), ikeMode: str(view.ike.exchangeMode), ikeEncAlg: str(view.ike.encryption), ikeAuthAlg: str(view.ike.integrity),
          ikePfs: str(view.ike.dhGroup), ikeLifetime: Number(view.ike.lifetimeSeconds ?? 0), localId: view.local.address, remoteId: view.remote.address, psk: "" },
        ipsecConfig: { ipsecEncAlg: str(view.ipsec.encryption), ipsecAuthAlg: str(view.ipsec.integrity), ipsecPfs: str(view.ipsec.pfsDhGroup), ipsecLifetime: Number(view.ipsec.lifetimeSeconds ?? 0) },
      },
    };
  }),
};
