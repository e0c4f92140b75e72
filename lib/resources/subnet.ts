import { Construct } from "constructs";
import { SubnetSpec as SubnetManifestProps } from "../core/manifest";
import { NetworkResource, ResourceAttribute } from "../core/resource";
import { compact } from "./private-util";
import { checkProps, is } from "../core/props";
import { cidr, resourceOf } from "./prop-checks";

const SUBNET_PROPS = {
  vpc: resourceOf("Vpc"),
  cidr,
  routeTable: is.optional(resourceOf("RouteTable")),
  zone: is.optional(is.string("a zone name")),
  name: is.optional(is.name()),
};
import type { RouteTable } from "./route-table";
import type { Vpc } from "./vpc";

export interface SubnetOptions {
  /** The subnet's block, inside one of the VPC's CIDRs. */
  readonly cidr: string;
  /**
   * The route table the subnet uses.
   *
   * @default - the VPC's main route table
   */
  readonly routeTable?: RouteTable;
  /**
   * Availability zone.
   *
   * @default - none recorded
   */
  readonly zone?: string;
  /**
   * Display name.
   *
   * @default - the construct ID
   */
  readonly name?: string;
}

export interface SubnetProps extends SubnetOptions {
  readonly vpc: Vpc;
}

/** A subnet of a VPC; traffic leaving it follows its route table. */
export class Subnet extends NetworkResource<"Subnet"> {
  public readonly resourceType = "Subnet" as const;
  public readonly vpc: Vpc;
  public readonly cidr: string;
  public readonly routeTable: RouteTable;
  public readonly name: string;
  public readonly zone?: string;

  constructor(scope: Construct, id: string, props: SubnetProps) {
    super(scope, id, { account: checkProps<SubnetProps>(scope, id, "Subnet", props, SUBNET_PROPS).vpc.account });
    this.vpc = props.vpc;
    this.cidr = props.cidr;
    this.routeTable = props.routeTable ?? props.vpc.mainRouteTable;
    this.name = props.name ?? id;
    this.zone = props.zone;
  }

  public get subnetId(): ResourceAttribute {
    return this.resourceId;
  }

  protected renderProps(): SubnetManifestProps {
    return compact({
      name: this.name,
      vpc: this.ref(this.vpc),
      cidr: this.cidr,
      routeTable: this.ref(this.routeTable),
      zone: this.zone,
    });
  }
}
