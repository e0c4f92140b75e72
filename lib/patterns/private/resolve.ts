import { Construct } from "constructs";
import { CustomerGateway } from "../../resources/customer-gateway";
import { IdcSite } from "../../resources/idc-site";
import { Vpc } from "../../resources/vpc";
import { PatternErrorCode, patternError } from "../errors";
import type { DeviceSource, IdcSiteSource, VpcSource } from "../sources";
import { displayName } from "./ids";
import { isCustomerGateway, isIdcSite, isVpc } from "./kinds";

/** A construct the pattern was given or created, and which of the two. */
export interface Resolved<T> {
  readonly value: T;
  /** True when the pattern created it (it is then the pattern's child). */
  readonly created: boolean;
}

/** The VPC given, or a new one (child `id` of `scope`) with its subnets. */
export function resolveVpc(scope: Construct, id: string, source: VpcSource): Resolved<Vpc> {
  if (isVpc(source)) return { value: source, created: false };
  const vpc = new Vpc(scope, id, {
    region: source.region,
    cidrs: source.cidrs,
    name: source.name ?? displayName(scope, id),
    account: source.account,
  });
  (source.subnets ?? []).forEach((cidr, i) => vpc.addSubnet(`Subnet${i + 1}`, { cidr }));
  return { value: vpc, created: true };
}

/** The IDC site given, or a new one (child `id` of `scope`). */
export function resolveSite(scope: Construct, id: string, source: IdcSiteSource): Resolved<IdcSite> {
  if (isIdcSite(source)) return { value: source, created: false };
  return { value: new IdcSite(scope, id, { cidrs: source.cidrs, name: source.name ?? displayName(scope, id) }), created: true };
}

/**
 * The site a tunnel ends in: the one given, else the site of the device given.
 * Throws SITE_REQUIRED when neither says.
 */
export function siteSourceOf(scope: Construct, site: IdcSiteSource | undefined, device: DeviceSource | undefined): IdcSiteSource {
  if (site) return site;
  if (isCustomerGateway(device) && device.site) return device.site;
  throw patternError(
    scope,
    PatternErrorCode.SITE_REQUIRED,
    `no IDC site: pass 'site' (an IdcSite, or { cidrs } to create one), or a 'device' registered with IdcSite.addDevice so its site is known`,
  );
}

/**
 * Throws when `source` cannot be this site's device: a customer gateway of
 * another site, or no device given and the site has not exactly one. Creates
 * nothing, so a pattern can check every device before it creates any.
 */
export function checkDevice(scope: Construct, site: IdcSite, source: DeviceSource | undefined): void {
  if (isCustomerGateway(source)) {
    if (source.site !== site) {
      throw patternError(
        scope,
        PatternErrorCode.DEVICE_NOT_IN_SITE,
        `customer gateway '${source.node.path}' (${source.customerGatewayIp}) is ${source.site ? `a device of '${source.site.node.path}'` : "registered with no site"}, not of '${site.node.path}': create it with ${site.node.id}.addDevice(...) or pass its public IP instead`,
      );
    }
    return;
  }
  if (source === undefined && site.devices.length !== 1) {
    throw patternError(
      scope,
      PatternErrorCode.DEVICE_AMBIGUOUS,
      `IDC site '${site.node.path}' has ${site.devices.length} devices (${site.devices.map((d) => d.node.id).join(", ") || "none"}); pass 'device': one of them, or the public IP of a new one`,
    );
  }
}

/**
 * The device a tunnel ends on. An existing customer gateway must belong to the
 * site; an IP creates one (under the site when the pattern created the site,
 * under the pattern otherwise); no device means the site's only one.
 */
export function resolveDevice(
  scope: Construct,
  id: string,
  site: Resolved<IdcSite>,
  source: DeviceSource | undefined,
): Resolved<CustomerGateway> {
  const idc = site.value;
  checkDevice(scope, idc, source);
  if (isCustomerGateway(source)) return { value: source, created: false };
  if (typeof source === "string") {
    const device = site.created
      ? idc.addDevice(id, { ipAddress: source, name: displayName(idc, id) })
      : new CustomerGateway(scope, id, { ipAddress: source, site: idc, account: idc.account, name: displayName(scope, id) });
    return { value: device, created: true };
  }
  return { value: idc.devices[0], created: false };
}
