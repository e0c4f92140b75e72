import { Construct } from "constructs";
import type { Vpc } from "../resources/vpc";
import type { PeeringSideOptions } from "./peering-options";
import { hasMark } from "./private/markers";
import { PeeringPattern } from "./private/peering-pattern";
import { checkProps } from "../core/props";
import { VPC_PEERING_PROPS } from "./private/prop-shapes";

const VPC_PEERING = Symbol.for("hybridlink.VpcPeering");

/** Props of VpcPeering. */
export interface VpcPeeringProps {
  /** The VPC that requests the peering (its account owns the connection). */
  readonly requester: Vpc;
  /** The VPC that accepts it, in the same region; another account must accept (it stays PENDING until then). */
  readonly accepter: Vpc;
  /**
   * Routes on the requester side.
   *
   * @default - the requester's main route table routes every CIDR of the accepter to the peering
   */
  readonly requesterRoutes?: PeeringSideOptions;
  /**
   * Routes on the accepter side.
   *
   * @default - the accepter's main route table routes every CIDR of the requester to the peering
   */
  readonly accepterRoutes?: PeeringSideOptions;
  /**
   * Display name of the peering connection.
   *
   * @default - the construct path with `-` for `/`
   */
  readonly name?: string;
  /**
   * Declare the intents this construct promises: the VPCs reach each other
   * when both sides route (a cross-account peering counts as accepted, as
   * designed), or the side without routes cannot reach the other.
   *
   * @default false
   */
  readonly declareIntents?: boolean;
}

/**
 * Two VPCs of one region peered (seed 003 同地域对等连接, seed 004), with
 * routes both ways by default (发包、回包路由). No bandwidth cap and no charge.
 * Peering is not transitive: peer A–B and A–C, and B still cannot reach C.
 *
 * Children it creates:
 * - `Connection` — the peering connection (owned by the requester's account);
 * - `RequesterRoutes/<table>To<accepter>-<n>`, `AccepterRoutes/<table>To<requester>-<n>` —
 *   one route per route table and destination, next hop the peering.
 */
export class VpcPeering extends PeeringPattern {
  /** True for a VpcPeering from any copy of the library. */
  public static isVpcPeering(x: unknown): x is VpcPeering {
    return hasMark(x, VPC_PEERING);
  }

  constructor(scope: Construct, id: string, props: VpcPeeringProps) {
    super(scope, id, VPC_PEERING, { ...checkProps<VpcPeeringProps>(scope, id, "VpcPeering", props, VPC_PEERING_PROPS), crossRegion: false, declareIntents: props.declareIntents ?? false });
  }
}
