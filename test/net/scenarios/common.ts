import { Ccn, DirectConnectGateway, IdcSite, Manifest, NetworkApp, SecretValue, VpnGateway, Vpc } from "../../../lib";
import { EndpointRef, modelFromManifest, ModelFromManifestOptions, NetworkModel } from "../../../lib/net";

/**
 * Shared pieces of the seed scenarios: every scenario file builds a
 * NetworkApp with the real low-level constructs and names its endpoints
 * (label → logical ID, in matrix order) so that model-level tests and
 * end-to-end tests assert the same matrix.
 */

/** The key every scenario tunnel uses: only its source is ever recorded. */
export const PSK = SecretValue.fromEnv("HL_SCENARIO_PSK");

/** A model with nothing in it: tests spread it and fill in what they need. */
export const EMPTY: NetworkModel = {
  vpcs: [],
  subnets: [],
  routeTables: [],
  routes: [],
  vpnGateways: [],
  connections: [],
  gatewayRoutes: [],
  ccns: [],
  ccnAttachments: [],
  directConnectGateways: [],
  peerings: [],
  idcSites: [],
  customerGateways: [],
};

/** What a scenario builder returns. */
export interface Scenario {
  readonly app: NetworkApp;
  /** Matrix endpoints: label → logical ID, in row order. */
  readonly endpoints: Readonly<Record<string, string>>;
}

/** Synthesize without letting the rule catalog's findings stop the analysis. */
export function synthModel(
  app: NetworkApp,
  options?: ModelFromManifestOptions,
): { readonly manifest: Manifest; readonly model: NetworkModel } {
  const { manifest } = app.synthesize({ throwOnError: false });
  return { manifest, model: modelFromManifest(manifest, options) };
}

/** A label function for ReachabilityMatrix.render: the scenario's label of each endpoint. */
export function labelOf(scenario: Scenario): (e: EndpointRef) => string {
  const byId = new Map(Object.entries(scenario.endpoints).map(([label, id]) => [id, label]));
  return (e) => byId.get(e.id) ?? e.id;
}

/** The endpoint IDs of a scenario, in matrix order. */
export function endpointIds(scenario: Scenario): string[] {
  return Object.values(scenario.endpoints);
}

/**
 * The cloud side of S4 and S5b: a CCN with two VPCs in two regions, a
 * direct-connect network and a CCN-type VPN gateway, all attached.
 */
export function buildCcnCloud(app: NetworkApp): { gateway: VpnGateway; endpoints: Record<string, string> } {
  const ccn = new Ccn(app, "Ccn");
  const vpcA = new Vpc(app, "VpcA", { region: "ap-guangzhou", cidrs: ["10.1.0.0/16"] });
  vpcA.addSubnet("App", { cidr: "10.1.1.0/24" });
  const vpcB = new Vpc(app, "VpcB", { region: "ap-shanghai", cidrs: ["10.2.0.0/16"] });
  vpcB.addSubnet("App", { cidr: "10.2.1.0/24" });
  const dc = new DirectConnectGateway(app, "DirectConnect", { region: "ap-guangzhou", onPremPrefixes: ["192.168.0.0/16"] });
  const gateway = new VpnGateway(app, "Gateway", { type: "CCN", region: "ap-guangzhou" });
  ccn.attach("AttachVpcA", vpcA);
  ccn.attach("AttachVpcB", vpcB);
  ccn.attach("AttachDirectConnect", dc);
  ccn.attach("AttachGateway", gateway);
  return { gateway, endpoints: { "VPC-A": vpcA.logicalId, "VPC-B": vpcB.logicalId, DC: dc.logicalId } };
}

/**
 * IDC-1..3 (172.16/16, 172.17/16, 172.18/16), each on its own route-based
 * connection of `gateway` with a gateway route to its block (S2, S3, S4);
 * adds their endpoints to `endpoints`.
 */
export function addRouteBasedIdcs(app: NetworkApp, gateway: VpnGateway, endpoints: Record<string, string>): void {
  [1, 2, 3].forEach((n) => {
    const cidr = `172.${15 + n}.0.0/16`;
    const idc = new IdcSite(app, `Idc${n}`, { cidrs: [cidr] });
    const device = idc.addDevice("Device", { ipAddress: `203.0.113.${10 + n}` });
    const tunnel = gateway.addConnection(`Tunnel${n}`, { customerGateway: device, preSharedKey: PSK, routeType: "ROUTE" });
    gateway.addRoute(`ToIdc${n}`, { destinationCidr: cidr, connection: tunnel });
    endpoints[`IDC-${n}`] = idc.logicalId;
  });
}
