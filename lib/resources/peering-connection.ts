import { Construct } from "constructs";
import { PeeringConnectionSpec as PeeringConnectionManifestProps } from "../core/manifest";
import { NetworkResource, ResourceAttribute } from "../core/resource";
import { compact } from "./private-util";
import type { Route } from "./route";
import type { RouteTable } from "./route-table";
import type { Vpc } from "./vpc";
import { checkProps, is } from "../core/props";
import { resourceOf } from "./prop-checks";

const ROUTE_BOTH_WAYS_OPTIONS = { requesterRouteTable: is.optional(resourceOf("RouteTable")), accepterRouteTable: is.optional(resourceOf("RouteTable")) };

const PEERING_PROPS = {
  requesterVpc: resourceOf("Vpc"),
  accepterVpc: resourceOf("Vpc"),
  bandwidthMbps: is.optional(is.number({ unit: "Mbps" })),
  crossBorderApproval: is.optional(is.string("a ticket ID", false)),
  name: is.optional(is.name()),
};

export interface PeeringOptions {
  /**
   * Cross-region only: the bandwidth cap in Mbps (tencent 1–10000). Same-region
   * peering has no cap and takes none.
   *
   * @default - none
   */
  readonly bandwidthMbps?: number;
  /**
   * Cross-border (Hong Kong, North America) peering needs an approved ticket
   * (seed 003); give its reference here.
   *
   * @default - none
   */
  readonly crossBorderApproval?: string;
  /**
   * Display name.
   *
   * @default - the construct ID
   */
  readonly name?: string;
}

export interface PeeringConnectionProps extends PeeringOptions {
  readonly requesterVpc: Vpc;
  readonly accepterVpc: Vpc;
}

export interface RouteBothWaysOptions {
  /**
   * Route table on the requester side.
   *
   * @default - the requester VPC's main route table
   */
  readonly requesterRouteTable?: RouteTable;
  /**
   * Route table on the accepter side.
   *
   * @default - the accepter VPC's main route table
   */
  readonly accepterRouteTable?: RouteTable;
}

/**
 * A VPC peering connection (对等连接). Same account: active at once. Another
 * account: pending until that account accepts; expires after 7 days otherwise.
 * Peering is not transitive, and traffic flows only where both sides route.
 */
export class PeeringConnection extends NetworkResource<"PeeringConnection"> {
  public readonly resourceType = "PeeringConnection" as const;
  public readonly requesterVpc: Vpc;
  public readonly accepterVpc: Vpc;
  public readonly bandwidthMbps?: number;
  public readonly crossBorderApproval?: string;
  public readonly name: string;

  constructor(scope: Construct, id: string, props: PeeringConnectionProps) {
    super(scope, id, { account: checkProps<PeeringConnectionProps>(scope, id, "PeeringConnection", props, PEERING_PROPS).requesterVpc.account });
    this.requesterVpc = props.requesterVpc;
    this.accepterVpc = props.accepterVpc;
    this.bandwidthMbps = props.bandwidthMbps;
    this.crossBorderApproval = props.crossBorderApproval;
    this.name = props.name ?? id;
  }

  public get peeringConnectionId(): ResourceAttribute {
    return this.resourceId;
  }

  /** PENDING, ACTIVE, EXPIRED… after deploy. */
  public get state(): ResourceAttribute {
    return new ResourceAttribute(this, "state");
  }

  /** True when the two VPCs are in different regions. */
  public get crossRegion(): boolean {
    return this.requesterVpc.region !== this.accepterVpc.region;
  }

  /**
   * Routes on both sides, each to every CIDR of the other VPC (the seeds' 发包、回包路由).
   * Returns the routes created.
   */
  public routeBothWays(options: RouteBothWaysOptions = {}): Route[] {
    checkProps(this, "routeBothWays", "PeeringConnection.routeBothWays", options, ROUTE_BOTH_WAYS_OPTIONS);
    const requesterTable = options.requesterRouteTable ?? this.requesterVpc.mainRouteTable;
    const accepterTable = options.accepterRouteTable ?? this.accepterVpc.mainRouteTable;
    const routes: Route[] = [];
    this.accepterVpc.cidrs.forEach((cidr, i) =>
      routes.push(requesterTable.addRoute(`${this.node.id}-To${this.accepterVpc.node.id}-${i}`, { destinationCidr: cidr, nextHop: this })),
    );
    this.requesterVpc.cidrs.forEach((cidr, i) =>
      routes.push(accepterTable.addRoute(`${this.node.id}-To${this.requesterVpc.node.id}-${i}`, { destinationCidr: cidr, nextHop: this })),
    );
    return routes;
  }

  protected renderProps(): PeeringConnectionManifestProps {
    return compact({
      name: this.name,
      requesterVpc: this.ref(this.requesterVpc),
      accepterVpc: this.ref(this.accepterVpc),
      accepterAccount: this.accepterVpc.account,
      bandwidthMbps: this.bandwidthMbps,
      crossBorderApproval: this.crossBorderApproval,
    });
  }
}
