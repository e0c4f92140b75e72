import { Construct } from "constructs";
import { IdcSiteSpec as IdcSiteManifestProps } from "../core/manifest";
import { NetworkResource, ResourceOptions } from "../core/resource";
import { CustomerGateway } from "./customer-gateway";
import { checkProps } from "../core/props";
import { COMMON, cidrList } from "./prop-checks";

const IDC_SITE_PROPS = { ...COMMON, cidrs: cidrList };

export interface IdcSiteProps extends ResourceOptions {
  /**
   * Display name.
   *
   * @default - the construct ID
   */
  readonly name?: string;
  /** The on-premises networks of the data centre. */
  readonly cidrs: readonly string[];
}

export interface IdcDeviceOptions {
  /** Static public IPv4 address of the device. */
  readonly ipAddress: string;
  /**
   * Display name of the customer gateway.
   *
   * @default - the construct ID
   */
  readonly name?: string;
  /**
   * The region the cloud keeps the customer gateway in (see CustomerGatewayProps.region).
   *
   * @default - none
   */
  readonly region?: string;
  /**
   * The customer gateway's description (see CustomerGatewayProps.description).
   *
   * @default - none
   */
  readonly description?: string;
}

/**
 * An on-premises data centre (IDC): its networks and its VPN devices. It is
 * what the data plane delivers to and what device configurations are for.
 */
export class IdcSite extends NetworkResource<"IdcSite"> {
  public readonly resourceType = "IdcSite" as const;
  public readonly cidrs: readonly string[];
  public readonly name: string;
  private readonly deviceList: CustomerGateway[] = [];

  constructor(scope: Construct, id: string, props: IdcSiteProps) {
    super(scope, id, checkProps<IdcSiteProps>(scope, id, "IdcSite", props, IDC_SITE_PROPS));
    this.cidrs = [...props.cidrs];
    this.name = props.name ?? id;
  }

  /** Register a VPN device of this site as a customer gateway. */
  public addDevice(id: string, options: IdcDeviceOptions): CustomerGateway {
    const device = new CustomerGateway(this, id, { ...options, site: this, account: this.account });
    return device;
  }

  /** The customer gateways registered for this site. */
  public get devices(): readonly CustomerGateway[] {
    return this.deviceList;
  }

  /** @internal called by CustomerGateway */
  public _registerDevice(device: CustomerGateway): void {
    this.deviceList.push(device);
  }

  protected renderProps(): IdcSiteManifestProps {
    return { name: this.name, cidrs: this.cidrs };
  }
}
