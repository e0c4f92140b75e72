import { Construct } from "constructs";
import { VpcSpec as VpcManifestProps } from "../core/manifest";
import { NetworkResource, ResourceAttribute, ResourceOptions } from "../core/resource";
import { PeeringConnection, PeeringOptions } from "./peering-connection";
import { Route, RouteOptions } from "./route";
import { RouteTable } from "./route-table";
import { Subnet, SubnetOptions } from "./subnet";
import { checkProps } from "../core/props";
import { COMMON, cidrList, region } from "./prop-checks";

const VPC_PROPS = { ...COMMON, region, cidrs: cidrList };

export interface VpcProps extends ResourceOptions {
  /** Region of the VPC, from the app's cloud profile (e.g. `ap-guangzhou`). */
  readonly region: string;
  /** The VPC's CIDR blocks (primary first). */
  readonly cidrs: readonly string[];
  /**
   * Display name.
   *
   * @default - the construct ID
   */
  readonly name?: string;
}

/**
 * A VPC (私有网络). It comes with its main route table, which subnets use
 * unless given another and where published gateway routes land.
 */
export class Vpc extends NetworkResource<"Vpc"> {
  public readonly resourceType = "Vpc" as const;
  public readonly region: string;
  public readonly cidrs: readonly string[];
  public readonly name: string;
  /** The main route table, created with the VPC. */
  public readonly mainRouteTable: RouteTable;

  constructor(scope: Construct, id: string, props: VpcProps) {
    super(scope, id, checkProps<VpcProps>(scope, id, "Vpc", props, VPC_PROPS));
    this.region = props.region;
    this.cidrs = [...props.cidrs];
    this.name = props.name ?? id;
    this.mainRouteTable = new RouteTable(this, "MainRouteTable", { vpc: this, main: true, account: this.account });
  }

  /** The VPC ID, known after creation. */
  public get vpcId(): ResourceAttribute {
    return this.resourceId;
  }

  /** Add a subnet; it uses the main route table unless `options.routeTable` is given. */
  public addSubnet(id: string, options: SubnetOptions): Subnet {
    return new Subnet(this, id, { ...options, vpc: this });
  }

  /** Add a route table other than the main one. */
  public addRouteTable(id: string): RouteTable {
    return new RouteTable(this, id, { vpc: this, account: this.account });
  }

  /** Add a route to the main route table. */
  public addRoute(id: string, options: RouteOptions): Route {
    return this.mainRouteTable.addRoute(id, options);
  }

  /**
   * Request a peering connection from this VPC to `accepter`. It does not add
   * routes: use `routeBothWays` on the result, or add them per route table.
   */
  public peerWith(id: string, accepter: Vpc, options: PeeringOptions = {}): PeeringConnection {
    return new PeeringConnection(this, id, { ...options, requesterVpc: this, accepterVpc: accepter });
  }

  protected renderProps(): VpcManifestProps {
    return { name: this.name, region: this.region, cidrs: this.cidrs };
  }
}
