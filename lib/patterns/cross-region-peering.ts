import { Construct } from "constructs";
import type { Vpc } from "../resources/vpc";
import type { PeeringSideOptions } from "./peering-options";
import { hasMark } from "./private/markers";
import { PeeringPattern } from "./private/peering-pattern";
import { checkProps } from "../core/props";
import { CROSS_REGION_PEERING_PROPS } from "./private/prop-shapes";

const CROSS_REGION_PEERING = Symbol.for("hybridlink.CrossRegionPeering");

/** Props of CrossRegionPeering. */
export interface CrossRegionPeeringProps {
  /** The VPC that requests the peering; its account owns the connection and pays for it (seed 003). */
  readonly requester: Vpc;
  /**
   * The VPC that accepts it, in another region. When it belongs to another
   * account, that account must accept the request (and, when this app is the
   * accepter's, the requester must be among its `trustedAccounts`); until then the peering is PENDING, and after 7 days it expires.
   */
  readonly accepter: Vpc;
  /** The bandwidth cap in Mbps (tencent 1–10,000); billed per day on the peak (seed 003). */
  readonly bandwidthMbps: number;
  /**
   * The approved ticket for cross-border peering (either end in Hong Kong or North America, seed 003).
   *
   * @default - none
   */
  readonly crossBorderApproval?: string;
  /**
   * Routes on the requester side.
   *
   * @default - the requester's main route table routes every CIDR of the accepter to the peering
   */
  readonly requesterRoutes?: PeeringSideOptions;
  /**
   * Routes on the accepter side (owned by the accepter's account).
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
 * Two VPCs in different regions peered over the cloud's inter-region network
 * (seed 003 跨地域对等连接): a bandwidth cap is required, the requester pays,
 * and across accounts the request comes from the requester's account and the
 * acceptance from the accepter's. Routes both ways by default.
 *
 * Children it creates:
 * - `Connection` — the peering connection (owned by the requester's account, `bandwidthMbps` set);
 * - `RequesterRoutes/<table>To<accepter>-<n>` (requester's account) and
 *   `AccepterRoutes/<table>To<requester>-<n>` (accepter's account) — next hop the peering.
 */
export class CrossRegionPeering extends PeeringPattern {
  /** True for a CrossRegionPeering from any copy of the library. */
  public static isCrossRegionPeering(x: unknown): x is CrossRegionPeering {
    return hasMark(x, CROSS_REGION_PEERING);
  }

  /** The bandwidth cap in Mbps. */
  public readonly bandwidthMbps: number;

  constructor(scope: Construct, id: string, props: CrossRegionPeeringProps) {
    super(scope, id, CROSS_REGION_PEERING, { ...checkProps<CrossRegionPeeringProps>(scope, id, "CrossRegionPeering", props, CROSS_REGION_PEERING_PROPS), crossRegion: true, declareIntents: props.declareIntents ?? false });
    this.bandwidthMbps = props.bandwidthMbps;
  }
}
