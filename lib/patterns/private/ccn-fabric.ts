import { Construct, IConstruct } from "constructs";
import { NetworkResource } from "../../core/resource";
import { Ccn } from "../../resources/ccn";
import { CcnAttachable, CcnAttachment } from "../../resources/ccn-attachment";
import type { DirectConnectGateway } from "../../resources/direct-connect-gateway";
import type { Vpc } from "../../resources/vpc";
import type { VpnGateway } from "../../resources/vpn-gateway";
import type { CcnOptions } from "../sources";
import { displayName, uniqueChildId } from "./ids";

/**
 * A CCN-type gateway's cloud side: the CCN (given or created) and the
 * attachments of the gateway and of every listed network, as children of a
 * `CcnAttachments` grouping node under the pattern. No VPC routes: a VPC on a
 * CCN learns the CCN's routes (the gateway's route destinations among them).
 */
export class CcnFabric {
  public readonly ccn: Ccn;
  public readonly vpcs: readonly Vpc[];
  public readonly directConnectGateways: readonly DirectConnectGateway[];
  /** The attachments this pattern created (networks already attached to the CCN are skipped). */
  public readonly attachments: CcnAttachment[] = [];
  private readonly attachmentScope: Construct;

  constructor(scope: Construct, options: CcnOptions, gateway: VpnGateway) {
    this.ccn = options.ccn ?? new Ccn(scope, "Ccn", { name: displayName(scope, "Ccn") });
    this.vpcs = [...(options.vpcs ?? [])];
    this.directConnectGateways = [...(options.directConnectGateways ?? [])];
    this.attachmentScope = new Construct(scope, "CcnAttachments");
    for (const instance of [gateway, ...this.vpcs, ...this.directConnectGateways]) this.attach(instance);
  }

  /** Every cloud network on the CCN that the pattern knows: VPC CIDRs, then direct-connect prefixes. */
  public get cloudCidrs(): string[] {
    return [...this.vpcs.flatMap((v) => v.cidrs), ...this.directConnectGateways.flatMap((d) => d.onPremPrefixes)];
  }

  /** The listed networks, as intent endpoints. */
  public get endpoints(): Array<Vpc | DirectConnectGateway> {
    return [...this.vpcs, ...this.directConnectGateways];
  }

  private attach(instance: CcnAttachable): void {
    if (isAttached(this.ccn, instance)) return;
    const id = uniqueChildId(this.attachmentScope, instance.node.id);
    this.attachments.push(new CcnAttachment(this.attachmentScope, id, { ccn: this.ccn, instance }));
  }
}

function isAttached(ccn: Ccn, instance: IConstruct): boolean {
  return ccn.node.root.node
    .findAll()
    .some(
      (c) =>
        NetworkResource.isNetworkResource(c) &&
        c.resourceType === "CcnAttachment" &&
        (c as CcnAttachment).ccn === ccn &&
        (c as CcnAttachment).instance === instance,
    );
}
