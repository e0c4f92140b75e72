import { Construct } from "constructs";
import { appContextOf } from "../core/app-context";
import { VpnGatewayRouteSpec as VpnGatewayRouteManifestProps } from "../core/manifest";
import { NetworkResource } from "../core/resource";
import { compact } from "./private-util";
import type { VpnConnection } from "./vpn-connection";
import type { VpnGateway } from "./vpn-gateway";
import { checkProps, is } from "../core/props";
import { cidr, resourceOf } from "./prop-checks";

/** Active or standby, translated into the profile's vocabulary (priority 0/100 or weight 100/0). */
export enum RoutePreference {
  ACTIVE = "active",
  STANDBY = "standby",
}

export interface VpnGatewayRouteOptions {
  /** Destination block (an IDC network, or another cloud network for CCN-type gateways). */
  readonly destinationCidr: string;
  /** The connection traffic leaves through; it must be on the same gateway. */
  readonly connection: VpnConnection;
  /**
   * Active or standby. Ignored when `priority` or `weight` is given.
   *
   * @default RoutePreference.ACTIVE
   */
  readonly preference?: RoutePreference;
  /**
   * tencent: 0 preferred, 100 standby.
   *
   * @default - from `preference`
   */
  readonly priority?: number;
  /**
   * alibaba: 100 preferred, 0 standby.
   *
   * @default - from `preference`
   */
  readonly weight?: number;
  /**
   * Publish the route to the VPC's main route table (alibaba 发布到VPC).
   *
   * @default true for a VPC-type gateway
   */
  readonly publishToVpc?: boolean;
  /**
   * @default true
   */
  readonly enabled?: boolean;
}

const VPN_GATEWAY_ROUTE_PROPS = {
  vpnGateway: resourceOf("VpnGateway"),
  destinationCidr: cidr,
  connection: resourceOf("VpnConnection"),
  preference: is.optional(is.oneOf(["active", "standby"])),
  priority: is.optional(is.number({ integer: true })),
  weight: is.optional(is.number({ integer: true })),
  publishToVpc: is.optional(is.boolean()),
  enabled: is.optional(is.boolean()),
};

export interface VpnGatewayRouteProps extends VpnGatewayRouteOptions {
  readonly vpnGateway: VpnGateway;
}

/** A destination route in a VPN gateway's route table (目的路由). */
export class VpnGatewayRoute extends NetworkResource<"VpnGatewayRoute"> {
  public readonly resourceType = "VpnGatewayRoute" as const;
  public readonly vpnGateway: VpnGateway;
  public readonly destinationCidr: string;
  public readonly connection: VpnConnection;
  public readonly priority?: number;
  public readonly weight?: number;
  public readonly publishToVpc: boolean;
  public readonly enabled: boolean;

  constructor(scope: Construct, id: string, props: VpnGatewayRouteProps) {
    super(scope, id, { account: checkProps<VpnGatewayRouteProps>(scope, id, "VpnGatewayRoute", props, VPN_GATEWAY_ROUTE_PROPS).vpnGateway.account });
    const vocabulary = appContextOf(this).profile.routePreference;
    this.vpnGateway = props.vpnGateway;
    this.destinationCidr = props.destinationCidr;
    this.connection = props.connection;
    this.priority = props.priority;
    this.weight = props.weight;
    if (props.priority === undefined && props.weight === undefined) {
      const standby = props.preference === RoutePreference.STANDBY;
      const value = standby ? vocabulary.allowed.find((v) => v !== vocabulary.preferred)! : vocabulary.preferred;
      if (vocabulary.field === "priority") this.priority = value;
      else this.weight = value;
    }
    this.publishToVpc = props.publishToVpc ?? props.vpnGateway.type === "VPC";
    this.enabled = props.enabled ?? true;
  }

  protected renderProps(): VpnGatewayRouteManifestProps {
    return compact({
      vpnGateway: this.ref(this.vpnGateway),
      destinationCidr: this.destinationCidr,
      nextHop: this.ref(this.connection),
      priority: this.priority,
      weight: this.weight,
      publishToVpc: this.publishToVpc,
      enabled: this.enabled,
    });
  }
}
