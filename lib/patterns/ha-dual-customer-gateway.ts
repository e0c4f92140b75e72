import { Construct } from "constructs";
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
import { HA_DUAL_CUSTOMER_GATEWAY_PROPS } from "./private/prop-shapes";
import { TunnelPattern } from "./private/tunnel-pattern";
import type { IdcSiteSource, TunnelHealthCheckOptions, TunnelOptions, VpcSource, VpnGatewaySource } from "./sources";

const HA_DUAL_CUSTOMER_GATEWAY = Symbol.for("hybridlink.HaDualCustomerGateway");

/** Props of HaDualCustomerGateway. */
export interface HaDualCustomerGatewayProps {
  /**
   * The VPC (专有网络): an existing one, or `{ region, cidrs }` to create child `Vpc`.
   *
   * @default - the VPC of `vpnGateway`
   */
  readonly vpc?: VpcSource;
  /**
   * The VPN gateway (VPN网关), VPC-type, in the VPC's region.
   *
   * @default - a new one on `vpc`, child `VpnGateway`
   */
  readonly vpnGateway?: VpnGatewaySource;
  /**
   * The local data centre (本地数据中心): an existing site, or `{ cidrs }` to create child `Idc`.
   *
   * @default - the site of `primary.device`
   */
  readonly site?: IdcSiteSource;
  /** Customer gateway 1 (用户网关1) and its IPsec connection: the preferred path (weight 100 on alibaba). */
  readonly primary: TunnelOptions;
  /** Customer gateway 2 (用户网关2) and its IPsec connection: the standby path (weight 0 on alibaba). */
  readonly standby: TunnelOptions;
  /**
   * Destination routes' target blocks (目标网段: the local data centre's private networks).
   *
   * @default - every CIDR of the site
   */
  readonly destinations?: readonly string[];
  /**
   * Health check of both IPsec connections (健康检查: sip, dip, interval, retries). Always on.
   *
   * @default - from the last usable address of the VPC's first CIDR to the first usable address of the first destination, the profile's interval and retries
   */
  readonly healthCheck?: TunnelHealthCheckOptions;
  /**
   * Publish the destination routes to the VPC's route table (发布到VPC).
   *
   * @default true
   */
  readonly publishToVpc?: boolean;
  /**
   * Declare the intent this construct promises: the VPC and the data centre
   * reach each other, even when either customer gateway fails.
   *
   * @default false
   */
  readonly declareIntents?: boolean;
}

/**
 * High availability with two customer gateways (seed 001, 高可用-双用户网关):
 * one VPN gateway, two customer gateways of one data centre, an IPsec
 * connection to each with a health check, and two destination routes per
 * data-centre block — via connection 1 with the preferred weight (100 on
 * alibaba, priority 0 on tencent) and via connection 2 with the standby one —
 * published to the VPC. When the health check finds customer gateway 1 down,
 * traffic moves to customer gateway 2.
 *
 * Children it creates (named after the seed's steps):
 * - `Vpc`, `VpnGateway` — when not given (step 1);
 * - `Idc` — when `site` is `{ cidrs }`; the customer gateways `Idc/CustomerGateway1` and
 *   `Idc/CustomerGateway2` (or here when the site already existed and IPs are given) (step 2);
 * - `IpsecConnection1`, `IpsecConnection2` — local subnets the VPC's, remote the data centre's,
 *   health check on (step 3; `renderDeviceConfiguration` is step 4's download, subnets swapped);
 * - `DestinationRoute1-<n>`, `DestinationRoute2-<n>` — per destination, published to the VPC (step 5).
 */
export class HaDualCustomerGateway extends TunnelPattern {
  /** True for a HaDualCustomerGateway from any copy of the library. */
  public static isHaDualCustomerGateway(x: unknown): x is HaDualCustomerGateway {
    return hasMark(x, HA_DUAL_CUSTOMER_GATEWAY);
  }

  /** The VPC. */
  public readonly vpc: Vpc;
  /** The VPN gateway. */
  public readonly vpnGateway: VpnGateway;
  /** The local data centre. */
  public readonly site: IdcSite;
  /** Customer gateway 1 (preferred). */
  public readonly customerGateway1: CustomerGateway;
  /** Customer gateway 2 (standby). */
  public readonly customerGateway2: CustomerGateway;
  /** IPsec connection 1, to customer gateway 1. */
  public readonly ipsecConnection1: VpnConnection;
  /** IPsec connection 2, to customer gateway 2. */
  public readonly ipsecConnection2: VpnConnection;
  /** Destination routes via connection 1 (preferred weight). */
  public readonly primaryRoutes: readonly VpnGatewayRoute[];
  /** Destination routes via connection 2 (standby weight). */
  public readonly standbyRoutes: readonly VpnGatewayRoute[];

  constructor(scope: Construct, id: string, props: HaDualCustomerGatewayProps) {
    checkProps(scope, id, "HaDualCustomerGateway", props, HA_DUAL_CUSTOMER_GATEWAY_PROPS);
    super(scope, id, HA_DUAL_CUSTOMER_GATEWAY);
    try {
      const built = buildFailoverVpn(
        this,
        {
          ...props,
          // Seed 001 has no CCN: a CCN-type gateway is ActiveStandbyVpn's.
          ccn: undefined,
          publishToVpc: props.publishToVpc ?? true,
          declareIntents: props.declareIntents ?? false,
          allowedTypes: ["VPC"],
          purpose: "HaDualCustomerGateway (seed 001) attaches its VPN gateway to one VPC; for a CCN use ActiveStandbyVpn with 'ccn'",
          ids: {
            primaryDevice: "CustomerGateway1",
            standbyDevice: "CustomerGateway2",
            primaryConnection: "IpsecConnection1",
            standbyConnection: "IpsecConnection2",
            activeRoute: "DestinationRoute1",
            standbyRoute: "DestinationRoute2",
          },
        },
        this.tunnels,
      );
      this.vpnGateway = built.gateway;
      // Only VPC-type gateways are allowed, so there is always a VPC.
      this.vpc = built.vpc!;
      this.site = built.site;
      this.customerGateway1 = built.primaryDevice;
      this.customerGateway2 = built.standbyDevice;
      this.ipsecConnection1 = built.primaryConnection;
      this.ipsecConnection2 = built.standbyConnection;
      this.primaryRoutes = built.activeRoutes;
      this.standbyRoutes = built.standbyRoutes;
    } catch (err) {
      rollback(this);
      throw err;
    }
  }
}
