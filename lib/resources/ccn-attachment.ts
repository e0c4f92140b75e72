import { Construct } from "constructs";
import { CcnAttachmentSpec as CcnAttachmentManifestProps, CcnInstanceType } from "../core/manifest";
import { NetworkResource } from "../core/resource";
import type { Ccn } from "./ccn";
import { checkProps } from "../core/props";
import { resourceOf } from "./prop-checks";

const CCN_ATTACHMENT_PROPS = { ccn: resourceOf("Ccn"), instance: resourceOf("Vpc", "VpnGateway", "DirectConnectGateway") };

/** What a CCN can attach. */
export type CcnAttachable =
  | (NetworkResource<"Vpc"> & { readonly region: string })
  | (NetworkResource<"VpnGateway"> & { readonly region: string })
  | (NetworkResource<"DirectConnectGateway"> & { readonly region: string });

const INSTANCE_TYPES: Record<string, CcnInstanceType> = {
  Vpc: "VPC",
  VpnGateway: "VPN_GATEWAY",
  DirectConnectGateway: "DIRECT_CONNECT_GATEWAY",
};

export interface CcnAttachmentProps {
  readonly ccn: Ccn;
  readonly instance: CcnAttachable;
}

/** The attachment of one network instance to a CCN. */
export class CcnAttachment extends NetworkResource<"CcnAttachment"> {
  public readonly resourceType = "CcnAttachment" as const;
  public readonly ccn: Ccn;
  public readonly instance: CcnAttachable;
  public readonly instanceType: CcnInstanceType;

  constructor(scope: Construct, id: string, props: CcnAttachmentProps) {
    super(scope, id, { account: checkProps<CcnAttachmentProps>(scope, id, "CcnAttachment", props, CCN_ATTACHMENT_PROPS).ccn.account });
    const instanceType = INSTANCE_TYPES[props.instance.resourceType];
    if (!instanceType) {
      throw new Error(
        `${this.node.path}: a CCN attaches a Vpc, VpnGateway or DirectConnectGateway; received a ${props.instance.resourceType}`,
      );
    }
    this.ccn = props.ccn;
    this.instance = props.instance;
    this.instanceType = instanceType;
  }

  protected renderProps(): CcnAttachmentManifestProps {
    return {
      ccn: this.ref(this.ccn),
      instanceType: this.instanceType,
      instance: this.ref(this.instance),
      region: this.instance.region,
    };
  }
}
