import { Construct } from "constructs";
import { CustomerGatewaySpec as CustomerGatewayManifestProps } from "../core/manifest";
import { NetworkResource, ResourceOptions } from "../core/resource";
import type { IdcSite } from "./idc-site";
import { compact } from "./private-util";
import { checkProps, is } from "../core/props";
import { COMMON, ipv4, resourceOf } from "./prop-checks";

const CUSTOMER_GATEWAY_PROPS = { ...COMMON, ipAddress: ipv4, site: is.optional(resourceOf("IdcSite")) };

export interface CustomerGatewayProps extends ResourceOptions {
  /** Static public IPv4 address of the IDC's VPN device. */
  readonly ipAddress: string;
  /**
   * Display name.
   *
   * @default - the construct ID
   */
  readonly name?: string;
  /**
   * The IDC site this device belongs to.
   *
   * @default - none: the data plane then knows no networks behind it
   */
  readonly site?: IdcSite;
}

/** The cloud's record of an IDC VPN device (用户网关): its public IP. */
export class CustomerGateway extends NetworkResource<"CustomerGateway"> {
  public readonly resourceType = "CustomerGateway" as const;
  public readonly customerGatewayIp: string;
  public readonly name: string;
  public readonly site?: IdcSite;

  constructor(scope: Construct, id: string, props: CustomerGatewayProps) {
    super(scope, id, checkProps<CustomerGatewayProps>(scope, id, "CustomerGateway", props, CUSTOMER_GATEWAY_PROPS));
    this.customerGatewayIp = props.ipAddress;
    this.name = props.name ?? id;
    this.site = props.site;
    props.site?._registerDevice(this);
  }

  protected renderProps(): CustomerGatewayManifestProps {
    return compact({
      name: this.name,
      ipAddress: this.customerGatewayIp,
      site: this.site ? this.ref(this.site) : undefined,
    });
  }
}
