import { Construct } from "constructs";
import type { PeeringConnection } from "../../resources/peering-connection";
import type { Route } from "../../resources/route";
import type { Vpc } from "../../resources/vpc";
import { mark } from "./markers";
import { buildPeering, PeeringInputs } from "./peering";
import { rollback } from "./rollback";

/**
 * What VpcPeering and CrossRegionPeering both are: a peering connection
 * between a requester and an accepter VPC with each side's routes. The
 * subclasses differ in the region check and the bandwidth cap; each keeps its
 * own marker and `isXxx`. Not exported from the library.
 */
export abstract class PeeringPattern extends Construct {
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

  protected constructor(scope: Construct, id: string, marker: symbol, inputs: PeeringInputs) {
    super(scope, id);
    mark(this, marker);
    this.requester = inputs.requester;
    this.accepter = inputs.accepter;
    try {
      const built = buildPeering(this, inputs);
      this.peeringConnection = built.peeringConnection;
      this.requesterRoutes = built.requesterRoutes;
      this.accepterRoutes = built.accepterRoutes;
    } catch (err) {
      rollback(this);
      throw err;
    }
  }

  /** The account that requests (and, across regions, pays). */
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
