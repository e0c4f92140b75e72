import { formatIp } from "../cidr";
import { CompiledNetwork } from "../compile";
import { MissingRoute, Place, TableEntry, TraceVerdict, TraceHop } from "../verdicts";
import { ccnStage, directConnectIn, directConnectOut } from "./ccn-stage";
import { gatewayFromCloud, gatewayFromIdc, tunnelStage } from "./gateway-stage";
import { placeOfStep } from "./places";
import { siteIn, siteOut } from "./site-stage";
import { CCN, DC_IN, DC_OUT, Done, GW_CLOUD, GW_IDC, IDC_IN, IDC_OUT, MAX_STEPS, Outcome, PEERING, Start, Step, STEP_KINDS, TUNNEL, VPC_IN, VPC_OUT } from "./steps";
import { peeringStage, vpcIn, vpcOut } from "./vpc-stage";

/**
 * One packet's walk: runs the steps, stops at a loop, and records hops and
 * texts only when asked (the stages call back into it to do so).
 */
export class Walker {
  public readonly hops: TraceHop[] | undefined;
  private readonly visited: number[] = [];

  constructor(
    public readonly net: CompiledNetwork,
    public readonly src: number,
    public readonly dst: number,
    record: boolean,
    public readonly dstBlock?: string,
  ) {
    this.hops = record ? [] : undefined;
  }

  public run(start: Start): Outcome {
    let step: Step =
      start.kind === "VPC"
        ? { s: VPC_OUT, node: start.vpc, table: start.table, subnet: start.subnet }
        : start.kind === "IDC_SITE"
          ? { s: IDC_OUT, node: start.site }
          : { s: DC_OUT, node: start.dc };
    for (let n = 0; ; n++) {
      const key = step.node.uid * STEP_KINDS + step.s;
      if (this.visited.includes(key) || n >= MAX_STEPS) return this.loop(step).done;
      this.visited.push(key);
      const next = this.step(step);
      if ("done" in next) return next.done;
      step = next;
    }
  }

  private step(step: Step): Step | Done {
    switch (step.s) {
      case VPC_OUT:
        return vpcOut(this, step.node, step.table, step.subnet);
      case VPC_IN:
        return vpcIn(this, step.node, step.via);
      case PEERING:
        return peeringStage(this, step.node, step.from);
      case GW_CLOUD:
        return gatewayFromCloud(this, step.node, step.from);
      case TUNNEL:
        return tunnelStage(this, step.node);
      case IDC_IN:
        return siteIn(this, step.node, step.tunnel);
      case IDC_OUT:
        return siteOut(this, step.node);
      case GW_IDC:
        return gatewayFromIdc(this, step.node, step.tunnel);
      case CCN:
        return ccnStage(this, step.node, step.from);
      case DC_OUT:
        return directConnectOut(this, step.node);
      case DC_IN:
        return directConnectIn(this, step.node);
    }
  }

  public get srcText(): string {
    return formatIp(this.src);
  }

  public get dstText(): string {
    return formatIp(this.dst);
  }

  /** The block to name in a missing route: the endpoint's, else the network that owns dst. */
  public block(): string {
    if (this.dstBlock) return this.dstBlock;
    const owner = this.net.owners.matchWhere(this.dst, (o) => o.kind !== "SUBNET");
    return owner ? owner.cidr.network : `${this.dstText}/32`;
  }

  public hop(at: () => Place, action: () => string, entry?: () => TableEntry): void {
    if (this.hops) this.hops.push({ at: at(), action: action(), ...(entry ? { entry: entry() } : {}) });
  }

  public deliver(node: { uid: number }, at: () => Place): Done {
    if (!this.hops) return { done: { verdict: "DELIVERED", reason: "", hops: [], deliveredNode: node, path: this.visited } };
    const place = at();
    return {
      done: {
        verdict: "DELIVERED",
        reason: `delivered to ${place.kind.toLowerCase().replace(/_/g, " ")} ${place.name}`,
        hops: this.hops,
        deliveredNode: node,
        deliveredTo: place,
        path: this.visited,
      },
    };
  }

  public drop(
    verdict: TraceVerdict,
    at: () => Place,
    missing: (() => Omit<MissingRoute, "destinationCidr">) | undefined,
    reason: () => string,
    entry?: () => TableEntry,
  ): Done {
    if (!this.hops) return { done: { verdict, reason: "", hops: [] } };
    const place = at();
    const text = reason();
    this.hops.push({ at: place, action: `dropped: ${verdict}`, ...(entry ? { entry: entry() } : {}) });
    return {
      done: {
        verdict,
        reason: text,
        hops: this.hops,
        droppedAt: place,
        ...(missing ? { missingRoute: { ...missing(), destinationCidr: this.block() } } : {}),
      },
    };
  }

  private loop(step: Step): Done {
    if (!this.hops) return { done: { verdict: "LOOP", reason: "", hops: [] } };
    const place = placeOfStep(step);
    const path = this.hops.map((h) => h.at.name).join(" → ");
    return this.drop("LOOP", () => place, undefined, () =>
      `the packet came back to ${place.kind.toLowerCase().replace(/_/g, " ")} ${place.name} where it had already been (${path} → ${place.name}): ` +
      `a route points back along the path; fix the route that sends ${this.dstText} toward ${place.name}.`,
    );
  }
}
