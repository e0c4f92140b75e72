import { Construct } from "constructs";
import type { Ccn } from "../resources/ccn";
import type { CcnAttachment } from "../resources/ccn-attachment";
import type { CustomerGateway } from "../resources/customer-gateway";
import type { IdcSite } from "../resources/idc-site";
import type { Vpc } from "../resources/vpc";
import type { VpnConnection } from "../resources/vpn-connection";
import type { VpnGateway } from "../resources/vpn-gateway";
import type { VpnGatewayRoute } from "../resources/vpn-gateway-route";
import { buildFailoverVpn } from "./private/failover-vpn";
import { hasMark } from "./private/markers";
import { rollback } from "./private/rollback";
import { checkProps } from "../core/props";
import { ACTIVE_STANDBY_VPN_PROPS } from "./private/prop-shapes";
import { TunnelPattern } from "./private/tunnel-pattern";
import type { CcnOptions, IdcSiteSource, TunnelHealthCheckOptions, TunnelOptions, VpcSource, VpnGatewaySource } from "./sources";

const ACTIVE_STANDBY_VPN = Symbol.for("hybridlink.ActiveStandbyVpn");

/** Props of ActiveStandbyVpn. */
export interface ActiveStandbyVpnProps {
  /**
   * The VPC of a VPC-type gateway (scenario 5, description 1): an existing one, or `{ region, cidrs }`.
   *
   * @default - none: the gateway is CCN-type and `ccn` says what it reaches
   */
  readonly vpc?: VpcSource;
  /**
   * The gateway: an existing one, or the values of child `VpnGateway` (CCN-type needs `region`).
   *
   * @default - a VPC-type gateway on `vpc`
   */
  readonly vpnGateway?: VpnGatewaySource;
  /**
   * Reach several VPCs (any region) and direct-connect networks through a CCN
   * (scenario 5, description 2); the gateway must be CCN-type.
   *
   * @default - no CCN
   */
  readonly ccn?: CcnOptions;
  /**
   * The IDC: an existing site, or `{ cidrs }` to create child `Idc`.
   *
   * @default - the site of `primary.device`
   */
  readonly site?: IdcSiteSource;
  /** The preferred tunnel: its device, key and options. */
  readonly primary: TunnelOptions;
  /** The standby tunnel, on another device of the same IDC. */
  readonly standby: TunnelOptions;
  /**
   * IDC blocks that get an active route via the primary and a standby route via the standby.
   *
   * @default - every CIDR of the site
   */
  readonly destinations?: readonly string[];
  /**
   * Health check of both tunnels (each tunnel's own options are merged over it).
   * Always on: without it a failed tunnel is never detected and routes never move.
   *
   * @default - from the last usable address of the first cloud CIDR to the first usable address of the first destination
   */
  readonly healthCheck?: TunnelHealthCheckOptions;
  /**
   * Declare the intent this construct promises: every cloud network and the
   * IDC reach each other, even when any one device, tunnel or peering fails.
   *
   * @default false
   */
  readonly declareIntents?: boolean;
}

/**
 * One IDC over two tunnels from two of its devices, active and standby (seed
 * 000 scenario 5): two gateway routes to each destination, the primary's
 * preferred (tencent priority 0 / alibaba weight 100) and the standby's not,
 * both tunnels health-checked so that routes fail over when the primary is
 * detected down and fail back when it recovers. With `ccn` the IDC reaches
 * every listed VPC and direct-connect network through the CCN.
 *
 * Children it creates:
 * - `Vpc`, `VpnGateway`, `Ccn`, `CcnAttachments/<network>` — when not given (see HubSpokeVpn);
 * - `Idc` — when `site` is `{ cidrs }`; the devices `Idc/PrimaryDevice` and `Idc/StandbyDevice`
 *   (or `PrimaryDevice` / `StandbyDevice` here when the site already existed and an IP is given);
 * - `PrimaryConnection`, `StandbyConnection` — route-based, health-checked, selectors cloud ↔ destinations;
 * - `ActiveRoute-<n>`, `StandbyRoute-<n>` — per destination, published to the VPC on a VPC-type gateway.
 */
export class ActiveStandbyVpn extends TunnelPattern {
  /** True for an ActiveStandbyVpn from any copy of the library. */
  public static isActiveStandbyVpn(x: unknown): x is ActiveStandbyVpn {
    return hasMark(x, ACTIVE_STANDBY_VPN);
  }

  /** The gateway. */
  public readonly vpnGateway: VpnGateway;
  /** The VPC of a VPC-type gateway. */
  public readonly vpc?: Vpc;
  /** The CCN of a CCN-type gateway. */
  public readonly ccn?: Ccn;
  /** The CCN attachments this construct created. */
  public readonly ccnAttachments: readonly CcnAttachment[];
  /** The IDC site. */
  public readonly site: IdcSite;
  /** The device of the preferred tunnel. */
  public readonly primaryDevice: CustomerGateway;
  /** The device of the standby tunnel. */
  public readonly standbyDevice: CustomerGateway;
  /** The preferred connection. */
  public readonly primaryConnection: VpnConnection;
  /** The standby connection. */
  public readonly standbyConnection: VpnConnection;
  /** Gateway routes via the primary, one per destination. */
  public readonly activeRoutes: readonly VpnGatewayRoute[];
  /** Gateway routes via the standby, one per destination. */
  public readonly standbyRoutes: readonly VpnGatewayRoute[];
  /** The cloud networks the IDC reaches. */
  public readonly cloudCidrs: readonly string[];

  constructor(scope: Construct, id: string, props: ActiveStandbyVpnProps) {
    checkProps(scope, id, "ActiveStandbyVpn", props, ACTIVE_STANDBY_VPN_PROPS);
    super(scope, id, ACTIVE_STANDBY_VPN);
    try {
      const built = buildFailoverVpn(
        this,
        {
          ...props,
          declareIntents: props.declareIntents ?? false,
          allowedTypes: ["VPC", "CCN"],
          purpose: "ActiveStandbyVpn runs on a VPN gateway",
          ids: {
            primaryDevice: "PrimaryDevice",
            standbyDevice: "StandbyDevice",
            primaryConnection: "PrimaryConnection",
            standbyConnection: "StandbyConnection",
            activeRoute: "ActiveRoute",
            standbyRoute: "StandbyRoute",
          },
        },
        this.tunnels,
      );
      this.vpnGateway = built.gateway;
      this.vpc = built.vpc;
      this.ccn = built.cloud.fabric?.ccn;
      this.ccnAttachments = built.cloud.fabric?.attachments ?? [];
      this.cloudCidrs = built.cloud.cidrs;
      this.site = built.site;
      this.primaryDevice = built.primaryDevice;
      this.standbyDevice = built.standbyDevice;
      this.primaryConnection = built.primaryConnection;
      this.standbyConnection = built.standbyConnection;
      this.activeRoutes = built.activeRoutes;
      this.standbyRoutes = built.standbyRoutes;
    } catch (err) {
      rollback(this);
      throw err;
    }
  }
}
