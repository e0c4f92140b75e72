import { Construct } from "constructs";
import { CustomerGatewaySpec as CustomerGatewayManifestProps } from "../core/manifest";
import { NetworkResource, ResourceOptions } from "../core/resource";
import type { IdcSite } from "./idc-site";
import { compact } from "./private-util";
import { checkProps, is } from "../core/props";
import { COMMON, description, ipv4, region, resourceOf } from "./prop-checks";

const CUSTOMER_GATEWAY_PROPS = {
  ...COMMON,
  ipAddress: ipv4,
  site: is.optional(resourceOf("IdcSite")),
  region: is.optional(region),
  description: is.optional(description),
};

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
  /**
   * The region the cloud keeps this record in (seed 001, 步骤二: 选择用户网关的地域。).
   * Usually the region of the VPN gateways it connects to; it must be one of
   * the profile's regions (rule HL-ADDR-005, and the engine refuses others).
   *
   * @default - none: the record is not placed in a region (as before this prop existed)
   */
  readonly region?: string;
  /**
   * Free text for people (seed 001: 输入用户网关的描述信息。): 1 to 100
   * characters, not starting with http:// or https:// (FACTS.customerGatewayDescriptionFormat).
   * Alibaba Cloud's API has the field; Tencent Cloud's does not, so synth refuses
   * one there (HL-VPN-027).
   *
   * @default - none
   */
  readonly description?: string;
}

/** The cloud's record of an IDC VPN device (用户网关): its public IP. */
export class CustomerGateway extends NetworkResource<"CustomerGateway"> {
  public readonly resourceType = "CustomerGateway" as const;
  public readonly customerGatewayIp: string;
  public readonly name: string;
  public readonly site?: IdcSite;
  public readonly region?: string;
  public readonly description?: string;

  constructor(scope: Construct, id: string, props: CustomerGatewayProps) {
    super(scope, id, checkProps<CustomerGatewayProps>(scope, id, "CustomerGateway", props, CUSTOMER_GATEWAY_PROPS));
    this.customerGatewayIp = props.ipAddress;
    this.name = props.name ?? id;
    this.site = props.site;
    this.region = props.region;
    this.description = props.description;
    props.site?._registerDevice(this);
  }

  protected renderProps(): CustomerGatewayManifestProps {
    return compact({
      name: this.name,
      ipAddress: this.customerGatewayIp,
      site: this.site ? this.ref(this.site) : undefined,
      region: this.region,
      description: this.description,
    });
  }
}
