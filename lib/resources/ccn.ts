import { Construct } from "constructs";
import { CcnSpec as CcnManifestProps } from "../core/manifest";
import { NetworkResource, ResourceAttribute, ResourceOptions } from "../core/resource";
import { CcnAttachment, CcnAttachable } from "./ccn-attachment";
import { checkProps } from "../core/props";
import { COMMON } from "./prop-checks";

export interface CcnProps extends ResourceOptions {
  /**
   * Display name.
   *
   * @default - the construct ID
   */
  readonly name?: string;
}

/**
 * A cloud connect network (云联网): learns routes from its attachments (VPC
 * CIDRs, VPN gateway routes, direct-connect prefixes) and forwards between them.
 */
export class Ccn extends NetworkResource<"Ccn"> {
  public readonly resourceType = "Ccn" as const;
  public readonly name: string;

  constructor(scope: Construct, id: string, props: CcnProps = {}) {
    super(scope, id, checkProps<CcnProps>(scope, id, "Ccn", props, COMMON));
    this.name = props.name ?? id;
  }

  public get ccnId(): ResourceAttribute {
    return this.resourceId;
  }

  /** Attach a VPC, a CCN-type VPN gateway or a direct-connect gateway. */
  public attach(id: string, instance: CcnAttachable): CcnAttachment {
    return new CcnAttachment(this, id, { ccn: this, instance });
  }

  protected renderProps(): CcnManifestProps {
    return { name: this.name };
  }
}
