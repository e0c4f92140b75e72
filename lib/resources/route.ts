import { Construct } from "constructs";
import { RouteNextHopType, RouteSpec as RouteManifestProps } from "../core/manifest";
import { NetworkResource } from "../core/resource";
import type { RouteTable } from "./route-table";
import { checkProps, is } from "../core/props";
import { cidr, resourceOf } from "./prop-checks";

const ROUTE_PROPS = {
  routeTable: resourceOf("RouteTable"),
  destinationCidr: cidr,
  nextHop: resourceOf("PeeringConnection", "VpnGateway", "Ccn"),
  enabled: is.optional(is.boolean()),
};

/** What a VPC route can point at. */
export type RouteNextHop = NetworkResource<"PeeringConnection"> | NetworkResource<"VpnGateway"> | NetworkResource<"Ccn">;

export interface RouteOptions {
  /** Destination block. */
  readonly destinationCidr: string;
  /** A peering connection, a VPN gateway or a CCN. */
  readonly nextHop: RouteNextHop;
  /**
   * Whether the route is enabled.
   *
   * @default true
   */
  readonly enabled?: boolean;
}

export interface RouteProps extends RouteOptions {
  readonly routeTable: RouteTable;
}

const NEXT_HOP_TYPES: Record<string, RouteNextHopType> = {
  PeeringConnection: "PEERING",
  VpnGateway: "VPN_GATEWAY",
  Ccn: "CCN",
};

/** One entry of a VPC route table. */
export class Route extends NetworkResource<"Route"> {
  public readonly resourceType = "Route" as const;
  public readonly routeTable: RouteTable;
  public readonly destinationCidr: string;
  public readonly nextHop: RouteNextHop;
  public readonly nextHopType: RouteNextHopType;
  public readonly enabled: boolean;

  constructor(scope: Construct, id: string, props: RouteProps) {
    super(scope, id, { account: checkProps<RouteProps>(scope, id, "Route", props, ROUTE_PROPS).routeTable.account });
    const nextHopType = NEXT_HOP_TYPES[props.nextHop.resourceType];
    if (!nextHopType) {
      throw new Error(
        `${this.node.path}: a route's next hop must be a PeeringConnection, VpnGateway or Ccn; received a ${props.nextHop.resourceType}`,
      );
    }
    this.routeTable = props.routeTable;
    this.destinationCidr = props.destinationCidr;
    this.nextHop = props.nextHop;
    this.nextHopType = nextHopType;
    this.enabled = props.enabled ?? true;
  }

  protected renderProps(): RouteManifestProps {
    return {
      routeTable: this.ref(this.routeTable),
      destinationCidr: this.destinationCidr,
      nextHopType: this.nextHopType,
      nextHop: this.ref(this.nextHop),
      enabled: this.enabled,
    };
  }
}
