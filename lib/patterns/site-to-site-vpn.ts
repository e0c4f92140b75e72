import { Construct } from "constructs";
import type { IkeOptions, IpsecOptions } from "../core/manifest";
import { Intents } from "../core/intents";
import type { SecretValue } from "../core/secret";
import type { CustomerGateway } from "../resources/customer-gateway";
import type { IdcSite } from "../resources/idc-site";
import type { Route } from "../resources/route";
import type { RouteTable } from "../resources/route-table";
import type { Vpc } from "../resources/vpc";
import type { VpnConnection } from "../resources/vpn-connection";
import type { VpnGateway } from "../resources/vpn-gateway";
import type { DeviceConfiguration } from "./device-config";
import { connectTunnel } from "./private/connection";
import { resolveGateway } from "./private/gateway";
import { resolveHealthCheck } from "./private/health-check";
import { hasMark } from "./private/markers";
import { resolveDevice, resolveSite, siteSourceOf } from "./private/resolve";
import { rollback } from "./private/rollback";
import { checkProps } from "../core/props";
import { SITE_TO_SITE_VPN_PROPS } from "./private/prop-shapes";
import { TunnelPattern } from "./private/tunnel-pattern";
import { routeTablesOf, routeToGateway } from "./private/vpc-routes";
import type { DeviceSource, IdcSiteSource, TunnelHealthCheckOptions, VpcSource, VpnGatewaySource } from "./sources";

const SITE_TO_SITE_VPN = Symbol.for("hybridlink.SiteToSiteVpn");

/** Props of SiteToSiteVpn. */
export interface SiteToSiteVpnProps {
  /**
   * The VPC: an existing one, or `{ region, cidrs }` to create child `Vpc`.
   *
   * @default - the VPC of `vpnGateway`
   */
  readonly vpc?: VpcSource;
  /**
   * The VPC-type VPN gateway. Pass one gateway to several SiteToSiteVpns to
   * connect several IDCs that stay apart (seed 000 scenario 6).
   *
   * @default - a new VPC-type gateway on `vpc`, child `VpnGateway`
   */
  readonly vpnGateway?: VpnGatewaySource;
  /**
   * The IDC: an existing site, or `{ cidrs }` to create child `Idc`.
   *
   * @default - the site of `device`
   */
  readonly site?: IdcSiteSource;
  /**
   * The IDC's VPN device: a customer gateway of the site, or the public IPv4 of a new one (child `Device`).
   *
   * @default - the site's only device
   */
  readonly device?: DeviceSource;
  /** The connection's pre-shared key: a secret read at deploy time. */
  readonly preSharedKey: SecretValue;
  /**
   * Cloud side of the SPD policy.
   *
   * @default - every CIDR of the VPC
   */
  readonly localCidrs?: readonly string[];
  /**
   * IDC side of the SPD policy; the VPC routes these to the gateway.
   *
   * @default - every CIDR of the site
   */
  readonly remoteCidrs?: readonly string[];
  /**
   * VPC route tables that get a route to each remote CIDR through the gateway.
   *
   * @default - the VPC's main route table
   */
  readonly routeTables?: readonly RouteTable[];
  /**
   * Health check of the tunnel.
   *
   * @default - on: from the last usable address of the VPC's first CIDR to the first usable address of the site's
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
  /**
   * Declare the intent this construct promises: the VPC and the site reach each other.
   *
   * @default false
   */
  readonly declareIntents?: boolean;
}

/**
 * One VPC and one IDC over a policy-based (SPD) IPsec tunnel — seed 000
 * scenario 1. Several on one gateway give scenario 6: each IDC reaches the
 * VPC, and the IDCs cannot reach each other, because an SPD connection only
 * admits traffic between its own policy's networks.
 *
 * Children it creates:
 * - `Vpc` — when `vpc` is `{ region, cidrs }`;
 * - `VpnGateway` — a VPC-type gateway, when `vpnGateway` is not an existing one;
 * - `Idc` — when `site` is `{ cidrs }`; its device `Idc/Device`, or `Device`
 *   under this construct when the site already existed;
 * - `Connection` — the SPD connection, policy local (VPC) → remote (IDC), with a health check;
 * - `VpcRoutes/<table>ToIdc-<n>` — a route per route table and remote CIDR to the gateway.
 */
export class SiteToSiteVpn extends TunnelPattern {
  /** True for a SiteToSiteVpn from any copy of the library. */
  public static isSiteToSiteVpn(x: unknown): x is SiteToSiteVpn {
    return hasMark(x, SITE_TO_SITE_VPN);
  }

  /** The VPC. */
  public readonly vpc: Vpc;
  /** The VPC-type VPN gateway. */
  public readonly vpnGateway: VpnGateway;
  /** The IDC site. */
  public readonly site: IdcSite;
  /** The IDC's VPN device. */
  public readonly device: CustomerGateway;
  /** The SPD connection. */
  public readonly connection: VpnConnection;
  /** The VPC routes to the IDC's networks through the gateway. */
  public readonly vpcRoutes: readonly Route[];

  constructor(scope: Construct, id: string, props: SiteToSiteVpnProps) {
    checkProps(scope, id, "SiteToSiteVpn", props, SITE_TO_SITE_VPN_PROPS);
    super(scope, id, SITE_TO_SITE_VPN);
    try {
      const siteSource = siteSourceOf(this, props.site, props.device);
      const { gateway, vpc } = resolveGateway(this, {
        vpc: props.vpc,
        vpnGateway: props.vpnGateway,
        joinsCcn: false,
        allowedTypes: ["VPC"],
        purpose:
          "SiteToSiteVpn connects one VPC through its VPC-type gateway (for CCN-type gateways use HubSpokeVpn or ActiveStandbyVpn with 'ccn')",
      });
      this.vpnGateway = gateway.value;
      this.vpc = vpc!.value;
      const tables = routeTablesOf(this, this.vpc, props.routeTables, "routeTables");
      const site = resolveSite(this, "Idc", siteSource);
      this.site = site.value;
      const localCidrs = [...(props.localCidrs ?? this.vpc.cidrs)];
      const remoteCidrs = [...(props.remoteCidrs ?? this.site.cidrs)];
      const healthCheck = resolveHealthCheck(this, {
        tunnel: props.healthCheck,
        cloudCidrs: localCidrs,
        siteCidrs: remoteCidrs,
        required: false,
      });
      this.device = resolveDevice(this, "Device", site, props.device).value;
      this.connection = connectTunnel(this, "Connection", {
        gateway: this.vpnGateway,
        device: this.device,
        tunnel: props,
        routeType: "SPD",
        spdPolicies: [{ localCidrs, remoteCidrs }],
        healthCheck,
      });
      this.vpcRoutes = routeToGateway(new Construct(this, "VpcRoutes"), tables, "Idc", remoteCidrs, this.vpnGateway);
      this.tunnels.add({ device: this.device, connection: this.connection, cloudCidrs: () => localCidrs });
      if (props.declareIntents) Intents.of(this).reachable(this.vpc, this.site);
    } catch (err) {
      rollback(this);
      throw err;
    }
  }

  /** The device's view of the connection (subnets swapped, the gateway's public IP as peer); the device defaults to this tunnel's own. */
  public override renderDeviceConfiguration(device: CustomerGateway = this.device): DeviceConfiguration {
    return super.renderDeviceConfiguration(device);
  }
}
