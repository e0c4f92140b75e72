import { Construct } from "constructs";
import { DirectConnectGatewaySpec as DirectConnectGatewayManifestProps } from "../core/manifest";
import { NetworkResource, ResourceAttribute, ResourceOptions } from "../core/resource";
import { checkProps } from "../core/props";
import { COMMON, cidrList, region } from "./prop-checks";

const DIRECT_CONNECT_GATEWAY_PROPS = { ...COMMON, region, onPremPrefixes: cidrList };

export interface DirectConnectGatewayProps extends ResourceOptions {
  /** Region of the gateway. */
  readonly region: string;
  /** On-premises prefixes reached over the dedicated line (专线). */
  readonly onPremPrefixes: readonly string[];
  /**
   * Display name.
   *
   * @default - the construct ID
   */
  readonly name?: string;
}

/** A direct-connect gateway: the cloud end of a dedicated line to an on-premises network. */
export class DirectConnectGateway extends NetworkResource<"DirectConnectGateway"> {
  public readonly resourceType = "DirectConnectGateway" as const;
  public readonly region: string;
  public readonly onPremPrefixes: readonly string[];
  public readonly name: string;

  constructor(scope: Construct, id: string, props: DirectConnectGatewayProps) {
    super(scope, id, checkProps<DirectConnectGatewayProps>(scope, id, "DirectConnectGateway", props, DIRECT_CONNECT_GATEWAY_PROPS));
    this.region = props.region;
    this.onPremPrefixes = [...props.onPremPrefixes];
    this.name = props.name ?? id;
  }

  public get directConnectGatewayId(): ResourceAttribute {
    return this.resourceId;
  }

  protected renderProps(): DirectConnectGatewayManifestProps {
    return { name: this.name, region: this.region, onPremPrefixes: this.onPremPrefixes };
  }
}
