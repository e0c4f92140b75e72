import { Construct } from "constructs";
import { RouteTableSpec as RouteTableManifestProps } from "../core/manifest";
import { NetworkResource, ResourceAttribute, ResourceOptions } from "../core/resource";
import { Route, RouteOptions } from "./route";
import type { Vpc } from "./vpc";
import { checkProps, is } from "../core/props";
import { COMMON, resourceOf } from "./prop-checks";

const ROUTE_TABLE_PROPS = { ...COMMON, vpc: resourceOf("Vpc"), main: is.optional(is.boolean()) };

export interface RouteTableProps extends ResourceOptions {
  readonly vpc: Vpc;
  /**
   * Whether this is the VPC's main table. Only the VPC itself creates one.
   *
   * @default false
   */
  readonly main?: boolean;
  /**
   * Display name.
   *
   * @default - the construct ID
   */
  readonly name?: string;
}

/** A VPC route table: longest-prefix match decides where traffic leaving a subnet goes. */
export class RouteTable extends NetworkResource<"RouteTable"> {
  public readonly resourceType = "RouteTable" as const;
  public readonly vpc: Vpc;
  public readonly main: boolean;
  public readonly name: string;

  constructor(scope: Construct, id: string, props: RouteTableProps) {
    checkProps<RouteTableProps>(scope, id, "RouteTable", props, ROUTE_TABLE_PROPS);
    super(scope, id, { account: props.account ?? props.vpc.account });
    this.vpc = props.vpc;
    this.main = props.main ?? false;
    this.name = props.name ?? id;
  }

  public get routeTableId(): ResourceAttribute {
    return this.resourceId;
  }

  /** Add a route to this table. */
  public addRoute(id: string, options: RouteOptions): Route {
    return new Route(this, id, { ...options, routeTable: this });
  }

  protected renderProps(): RouteTableManifestProps {
    return { name: this.name, vpc: this.ref(this.vpc), main: this.main };
  }
}
