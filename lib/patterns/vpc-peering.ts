import { Construct } from "constructs";
import type { PeeringConnection } from "../resources/peering-connection";
import type { Route } from "../resources/route";
import type { Vpc } from "../resources/vpc";
import type { PeeringSideOptions } from "./peering-options";
import { hasMark, mark } from "./private/markers";
import { buildPeering } from "./private/peering";
import { rollback } from "./private/rollback";

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
export class VpcPeering extends Construct {
  /** True for a VpcPeering from any copy of the library. */
  public static isVpcPeering(x: unknown): x is VpcPeering {
    return hasMark(x, VPC_PEERING);
  }

  /** The peering connection. */
  public readonly peeringConnection: PeeringConnection;
  /** The requesting VPC. */
  public readonly requester: Vpc;
  /** The accepting VPC. */
  public readonly accepter: Vpc;
  /** Routes on the requester side, to the accepter. */
  public readonly requesterRoutes: readonly Route[];
  /** Routes on the accepter side, to the requester. */
  public readonly accepterRoutes: readonly Route[];

  constructor(scope: Construct, id: string, props: VpcPeeringProps) {
    super(scope, id);
    mark(this, VPC_PEERING);
    this.requester = props.requester;
    this.accepter = props.accepter;
    try {
      const built = buildPeering(this, { ...props, crossRegion: false, declareIntents: props.declareIntents ?? false });
      this.peeringConnection = built.peeringConnection;
      this.requesterRoutes = built.requesterRoutes;
      this.accepterRoutes = built.accepterRoutes;
    } catch (err) {
      rollback(this);
      throw err;
    }
  }

  /** The account that requests. */
  public get requesterAccount(): string {
    return this.requester.account;
  }

  /** The account that must accept the request. */
  public get accepterAccount(): string {
    return this.accepter.account;
  }

  /** True when the accepter's account differs: the peering is PENDING until that account accepts. */
  public get requiresAcceptance(): boolean {
    return this.requesterAccount !== this.accepterAccount;
  }
}
