import type { RouteTable } from "../resources/route-table";

/** The routes one side of a peering gets toward the other side (seed 003/004 第三步：配置路由表). */
export interface PeeringSideOptions {
  /**
   * Whether this side routes to the other at all. Traffic flows only where both
   * sides route (发包、回包路由); one side alone leaves the pair ONE_WAY, the
   * seeds' FAQ "connected but cannot communicate".
   *
   * @default true
   */
  readonly addRoutes?: boolean;
  /**
   * This side's route tables that get the routes.
   *
   * @default - the VPC's main route table
   */
  readonly routeTables?: readonly RouteTable[];
  /**
   * Blocks of the other VPC to route to (its CIDRs or subnets within them);
   * anything outside the other VPC is refused: peering is not transitive.
   *
   * @default - every CIDR of the other VPC
   */
  readonly destinations?: readonly string[];
}
