import { Construct } from "constructs";
import { Intents } from "../core/intents";
import type { IkeOptions, IpsecOptions } from "../core/manifest";
import type { SecretValue } from "../core/secret";
import type { Ccn } from "../resources/ccn";
import type { CcnAttachment } from "../resources/ccn-attachment";
import type { CustomerGateway } from "../resources/customer-gateway";
import type { DirectConnectGateway } from "../resources/direct-connect-gateway";
import type { IdcSite } from "../resources/idc-site";
import type { Route } from "../resources/route";
import type { Vpc } from "../resources/vpc";
import type { VpnConnection } from "../resources/vpn-connection";
import type { VpnGateway } from "../resources/vpn-gateway";
import { RoutePreference, VpnGatewayRoute } from "../resources/vpn-gateway-route";
import { PatternErrorCode, patternError } from "./errors";
import { CcnFabric } from "./private/ccn-fabric";
import { connectTunnel } from "./private/connection";
import { resolveGateway } from "./private/gateway";
import { resolveHealthCheck } from "./private/health-check";
import { hubTopologyProblems } from "./private/hub-topology";
import { hasMark } from "./private/markers";
import { resolveDevice, resolveSite, siteSourceOf } from "./private/resolve";
import { rollback } from "./private/rollback";
import { checkProps } from "../core/props";
import { HUB_SPOKE_OPTIONS, HUB_SPOKE_VPN_PROPS } from "./private/prop-shapes";
import { TunnelPattern } from "./private/tunnel-pattern";
import { routeToGateway } from "./private/vpc-routes";
import type { CcnOptions, DeviceSource, IdcSiteSource, TunnelHealthCheckOptions, VpcSource, VpnGatewaySource } from "./sources";
import { VpnRouting } from "./vpn-routing";

const HUB_SPOKE_VPN = Symbol.for("hybridlink.HubSpokeVpn");

/** Props of HubSpokeVpn. */
export interface HubSpokeVpnProps {
  /**
   * The VPC of a VPC-type hub (scenario 2): an existing one, or `{ region, cidrs }` to create child `Vpc`.
   *
   * @default - none: the hub is CCN-type
   */
  readonly vpc?: VpcSource;
  /**
   * The hub gateway: an existing one, or the values of child `VpnGateway`.
   * Without `vpc` it is CCN-type and needs `region`.
   *
   * @default - a VPC-type gateway on `vpc`
   */
  readonly vpnGateway?: VpnGatewaySource;
  /**
   * Join a CCN with these cloud networks (scenario 4). Without it a CCN-type
   * hub connects only its IDCs to each other (scenario 3).
   *
   * @default - no CCN
   */
  readonly ccn?: CcnOptions;
  /**
   * Whether the IDCs reach each other through the hub. `false` needs SPD
   * routing and a VPC-type hub (scenario 6).
   *
   * @default true
   */
  readonly idcTransit?: boolean;
  /**
   * How the hub picks tunnels. SPD cannot transit: asking for `idcTransit`
   * with SPD is a synth error (HL-PAT-010), and route tables cannot keep IDCs
   * apart (HL-PAT-011).
   *
   * @default - VpnRouting.ROUTE_TABLE with idcTransit, VpnRouting.SPD without
   */
  readonly routing?: VpnRouting;
  /**
   * Health check of every spoke's tunnel; a spoke's own options are merged over it.
   *
   * @default - on when the hub has cloud networks to probe from (off on an unattached CCN-type hub)
   */
  readonly healthCheck?: TunnelHealthCheckOptions;
  /**
   * Declare the intents this construct promises: every pair of cloud networks
   * and IDCs reachable (with transit), or each IDC reaching the VPC and the
   * IDCs isolated from each other (without).
   *
   * @default false
   */
  readonly declareIntents?: boolean;
}

/** One IDC on the hub. */
export interface HubSpokeOptions {
  /**
   * The IDC: an existing site, or `{ cidrs }` to create `<spoke>/Site`.
   *
   * @default - the site of `device`
   */
  readonly site?: IdcSiteSource;
  /**
   * The IDC's VPN device: a customer gateway of the site, or the public IPv4 of a new one.
   *
   * @default - the site's only device
   */
  readonly device?: DeviceSource;
  /** This connection's pre-shared key: a secret read at deploy time. */
  readonly preSharedKey: SecretValue;
  /**
   * Health check of this spoke's tunnel, merged over the hub's.
   *
   * @default - the hub's
   */
  readonly healthCheck?: TunnelHealthCheckOptions;
  /**
   * IKE phase-1 options.
   *
   * @default - the profile's defaults
   */
  readonly ike?: Partial<IkeOptions>;
  /**
   * IPsec phase-2 options.
   *
   * @default - the profile's defaults
   */
  readonly ipsec?: Partial<IpsecOptions>;
}

/** What `addSpoke` created or used for one IDC. */
export interface HubSpoke {
  /** The spoke's grouping construct (its ID is the spoke's). */
  readonly scope: Construct;
  /** The IDC site. */
  readonly site: IdcSite;
  /** Its VPN device. */
  readonly device: CustomerGateway;
  /** The connection from the hub to the device. */
  readonly connection: VpnConnection;
  /** Route-table hubs: the gateway routes to the site's networks (published to the VPC on a VPC-type hub). */
  readonly gatewayRoutes: readonly VpnGatewayRoute[];
  /** SPD hubs: the VPC routes to the site's networks through the gateway (route-table hubs publish gateway routes instead). */
  readonly vpcRoutes: readonly Route[];
}

/**
 * Many IDCs through one VPN gateway (seed 000):
 * - scenario 2: VPC-type hub with a route table — the VPC and every IDC reach each other;
 * - scenario 3: CCN-type hub not attached — the IDCs reach each other, and no cloud network;
 * - scenario 4: CCN-type hub on a CCN — IDCs, the CCN's VPCs (any region) and direct-connect networks all reach each other;
 * - scenario 6 (`idcTransit: false`): SPD connections — each IDC reaches the VPC, IDCs stay apart.
 *
 * Children it creates:
 * - `Vpc` and `VpnGateway` — when not given;
 * - `Ccn` (when `ccn.ccn` is not given) and `CcnAttachments/<network>` for the gateway and each
 *   listed network not yet attached (VPCs on a CCN learn its routes; no VPC routes are added);
 * - per spoke `<id>`: `<id>/Site` (when `{ cidrs }`), the device (`<id>/Site/Device`, or
 *   `<id>/Device` on an existing site), `<id>/Connection`, `<id>/GatewayRoute-<n>` per site CIDR
 *   (route-table hubs; published to the VPC on a VPC-type hub) or `<id>/VpcRoutes/MainRouteTableToIdc-<n>` (SPD hubs).
 */
export class HubSpokeVpn extends TunnelPattern {
  /** True for a HubSpokeVpn from any copy of the library. */
  public static isHubSpokeVpn(x: unknown): x is HubSpokeVpn {
    return hasMark(x, HUB_SPOKE_VPN);
  }

  /** The hub gateway. */
  public readonly vpnGateway: VpnGateway;
  /** The VPC of a VPC-type hub. */
  public readonly vpc?: Vpc;
  /** The CCN a CCN-type hub joined. */
  public readonly ccn?: Ccn;
  /** The CCN attachments this construct created. */
  public readonly ccnAttachments: readonly CcnAttachment[];
  /** Whether IDCs reach each other through the hub. */
  public readonly idcTransit: boolean;
  /** How the hub picks tunnels. */
  public readonly routing: VpnRouting;
  private readonly fabric: CcnFabric | undefined;
  private readonly spokeList: HubSpoke[] = [];
  private readonly healthCheck?: TunnelHealthCheckOptions;
  private readonly declareIntents: boolean;

  constructor(scope: Construct, id: string, props: HubSpokeVpnProps = {}) {
    checkProps(scope, id, "HubSpokeVpn", props, HUB_SPOKE_VPN_PROPS);
    super(scope, id, HUB_SPOKE_VPN);
    this.idcTransit = props.idcTransit ?? true;
    this.routing = props.routing ?? (this.idcTransit ? VpnRouting.ROUTE_TABLE : VpnRouting.SPD);
    this.healthCheck = props.healthCheck;
    this.declareIntents = props.declareIntents ?? false;
    try {
      const { gateway, vpc } = resolveGateway(this, {
        vpc: props.vpc,
        vpnGateway: props.vpnGateway,
        joinsCcn: props.ccn !== undefined,
        allowedTypes: this.routing === VpnRouting.SPD ? ["VPC"] : ["VPC", "CCN"],
        purpose:
          this.routing === VpnRouting.SPD
            ? "an SPD hub needs a VPC-type gateway: a CCN learns IDC routes only from gateway routes, which SPD connections do not have"
            : "HubSpokeVpn hubs on a VPN gateway",
      });
      this.vpnGateway = gateway.value;
      this.vpc = vpc?.value;
      this.fabric = props.ccn ? new CcnFabric(this, props.ccn, this.vpnGateway) : undefined;
    } catch (err) {
      rollback(this);
      throw err;
    }
    this.ccn = this.fabric?.ccn;
    this.ccnAttachments = this.fabric?.attachments ?? [];
    this.node.addValidation({ validate: () => this.checkTopology() });
  }

  /** The spokes added so far. */
  public get spokes(): readonly HubSpoke[] {
    return this.spokeList;
  }

  /** The cloud networks behind the hub: the VPC's CIDRs, or the listed CCN networks'. */
  public get cloudCidrs(): readonly string[] {
    return this.vpc ? this.vpc.cidrs : (this.fabric?.cloudCidrs ?? []);
  }

  /** Connect one IDC to the hub. */
  public addSpoke(id: string, options: HubSpokeOptions): HubSpoke {
    checkProps(this, id, "HubSpokeVpn.addSpoke", options, HUB_SPOKE_OPTIONS);
    const siteSource = siteSourceOf(this, options.site, options.device);
    const duplicate = this.spokeList.find((s) => s.site === siteSource);
    if (duplicate) {
      throw patternError(
        this,
        PatternErrorCode.DUPLICATE_SPOKE,
        `IDC site '${duplicate.site.node.path}' is already spoke '${duplicate.scope.node.id}'; a second tunnel to the same IDC is an active/standby pair: use ActiveStandbyVpn`,
      );
    }
    const scope = new Construct(this, id);
    try {
      const spoke = this.buildSpoke(scope, options, siteSource);
      this.tunnels.add({ device: spoke.device, connection: spoke.connection, cloudCidrs: () => this.reachableFrom(spoke) });
      if (this.declareIntents) this.declareSpokeIntents(spoke);
      this.spokeList.push(spoke);
      return spoke;
    } catch (err) {
      rollback(scope);
      throw err;
    }
  }

  private buildSpoke(scope: Construct, options: HubSpokeOptions, siteSource: IdcSiteSource): HubSpoke {
    const site = resolveSite(scope, "Site", siteSource);
    const siteCidrs = site.value.cidrs;
    const healthCheck = resolveHealthCheck(scope, {
      shared: this.healthCheck,
      tunnel: options.healthCheck,
      cloudCidrs: this.cloudCidrs,
      siteCidrs,
      required: false,
    });
    const device = resolveDevice(scope, "Device", site, options.device).value;
    const spd = this.routing === VpnRouting.SPD;
    const connection = connectTunnel(scope, "Connection", {
      gateway: this.vpnGateway,
      device,
      tunnel: options,
      routeType: spd ? "SPD" : "ROUTE",
      spdPolicies: spd ? [{ localCidrs: [...this.cloudCidrs], remoteCidrs: [...siteCidrs] }] : [],
      healthCheck,
    });
    const gatewayRoutes = spd
      ? []
      : siteCidrs.map(
          (destinationCidr, i) =>
            new VpnGatewayRoute(scope, `GatewayRoute-${i}`, {
              vpnGateway: this.vpnGateway,
              destinationCidr,
              connection,
              preference: RoutePreference.ACTIVE,
            }),
        );
    const vpcRoutes =
      spd && this.vpc ? routeToGateway(new Construct(scope, "VpcRoutes"), [this.vpc.mainRouteTable], "Idc", siteCidrs, this.vpnGateway) : [];
    return { scope, site: site.value, device, connection, gatewayRoutes, vpcRoutes };
  }

  /** What a spoke's device routes into its tunnel: the cloud networks, and the other IDCs with transit. */
  private reachableFrom(spoke: HubSpoke): string[] {
    const others = this.idcTransit ? this.spokeList.filter((s) => s !== spoke).flatMap((s) => s.site.cidrs) : [];
    return [...this.cloudCidrs, ...others];
  }

  private cloudEndpoints(): Array<Vpc | DirectConnectGateway> {
    if (this.vpc) return [this.vpc];
    return this.fabric?.endpoints ?? [];
  }

  private declareSpokeIntents(spoke: HubSpoke): void {
    const intents = Intents.of(this);
    for (const cloud of this.cloudEndpoints()) intents.reachable(cloud, spoke.site);
    for (const other of this.spokeList) {
      if (this.idcTransit) intents.reachable(other.site, spoke.site);
      else intents.isolated(other.site, spoke.site).isolated(spoke.site, other.site);
    }
  }

  private checkTopology(): string[] {
    return hubTopologyProblems({
      idcTransit: this.idcTransit,
      routing: this.routing,
      hasCloudNetwork: this.cloudEndpoints().length > 0,
      spokes: this.spokeList.map((s) => ({ id: s.scope.node.id, cidrs: s.site.cidrs })),
    });
  }
}
