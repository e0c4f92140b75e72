import { Construct, IConstruct } from "constructs";
import { NetworkResource } from "../../core/resource";
import { Ccn } from "../../resources/ccn";
import { CcnAttachable, CcnAttachment } from "../../resources/ccn-attachment";
import type { DirectConnectGateway } from "../../resources/direct-connect-gateway";
import { Route } from "../../resources/route";
import type { Vpc } from "../../resources/vpc";
import type { VpnGateway } from "../../resources/vpn-gateway";
import type { CcnOptions } from "../sources";
import { displayName, uniqueChildId } from "./ids";

/**
 * A CCN-type gateway's cloud side: the CCN (given or created), the
 * attachments of the gateway and of every listed network, and routes in each
 * listed VPC's main table, through the CCN, to every other network on it.
 * Attachments and routes are children of `CcnAttachments` / `CcnRoutes`
 * grouping nodes under the pattern, so the paths name the pattern.
 */
export class CcnFabric {
  public readonly ccn: Ccn;
  public readonly ccnCreated: boolean;
  public readonly vpcs: readonly Vpc[];
  public readonly directConnectGateways: readonly DirectConnectGateway[];
  /** The attachments this pattern created (networks already attached to the CCN are skipped). */
  public readonly attachments: CcnAttachment[] = [];
  /** The VPC routes through the CCN this pattern created. */
  public readonly routes: Route[] = [];
  private readonly attachmentScope: Construct;
  private readonly routeScope: Construct;

  constructor(scope: Construct, options: CcnOptions, gateway: VpnGateway) {
    this.ccnCreated = options.ccn === undefined;
    this.ccn = options.ccn ?? new Ccn(scope, "Ccn", { name: displayName(scope, "Ccn") });
    this.vpcs = [...(options.vpcs ?? [])];
    this.directConnectGateways = [...(options.directConnectGateways ?? [])];
    this.attachmentScope = new Construct(scope, "CcnAttachments");
    this.routeScope = new Construct(scope, "CcnRoutes");
    for (const instance of [gateway, ...this.vpcs, ...this.directConnectGateways]) this.attach(instance);
    for (const vpc of this.vpcs) {
      for (const other of this.vpcs) if (other !== vpc) this.route(vpc, other.node.id, other.cidrs);
      for (const dcg of this.directConnectGateways) this.route(vpc, dcg.node.id, dcg.onPremPrefixes);
    }
  }

  /** Every cloud network on the CCN that the pattern knows: VPC CIDRs, then direct-connect prefixes. */
  public get cloudCidrs(): string[] {
    return [...this.vpcs.flatMap((v) => v.cidrs), ...this.directConnectGateways.flatMap((d) => d.onPremPrefixes)];
  }

  /** Routes each listed VPC to an IDC's networks through the CCN. */
  public routeToSite(label: string, cidrs: readonly string[]): Route[] {
    return this.vpcs.flatMap((vpc) => this.route(vpc, label, cidrs));
  }

  private attach(instance: CcnAttachable): void {
    if (isAttached(this.ccn, instance)) return;
    const id = uniqueChildId(this.attachmentScope, instance.node.id);
    this.attachments.push(new CcnAttachment(this.attachmentScope, id, { ccn: this.ccn, instance }));
  }

  private route(vpc: Vpc, label: string, cidrs: readonly string[]): Route[] {
    const created = cidrs.map(
      (destinationCidr, i) =>
        new Route(this.routeScope, uniqueChildId(this.routeScope, `${vpc.node.id}To${label}-${i}`), {
          routeTable: vpc.mainRouteTable,
          destinationCidr,
          nextHop: this.ccn,
        }),
    );
    this.routes.push(...created);
    return created;
  }
}

function isAttached(ccn: Ccn, instance: IConstruct): boolean {
  return ccn.node.root.node
    .findAll()
    .some((c) => NetworkResource.isNetworkResource(c) && c.resourceType === "CcnAttachment" && (c as CcnAttachment).ccn === ccn && (c as CcnAttachment).instance === instance);
}
