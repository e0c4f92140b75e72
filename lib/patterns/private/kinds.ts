import { NetworkResource } from "../../core/resource";
import type { CustomerGateway } from "../../resources/customer-gateway";
import type { IdcSite } from "../../resources/idc-site";
import type { Vpc } from "../../resources/vpc";
import type { VpnGateway } from "../../resources/vpn-gateway";

// The low-level constructs carry a resource-type marker; these narrow by it rather than by class.

export function isVpc(x: unknown): x is Vpc {
  return NetworkResource.isNetworkResource(x) && x.resourceType === "Vpc";
}

export function isIdcSite(x: unknown): x is IdcSite {
  return NetworkResource.isNetworkResource(x) && x.resourceType === "IdcSite";
}

export function isCustomerGateway(x: unknown): x is CustomerGateway {
  return NetworkResource.isNetworkResource(x) && x.resourceType === "CustomerGateway";
}

export function isVpnGateway(x: unknown): x is VpnGateway {
  return NetworkResource.isNetworkResource(x) && x.resourceType === "VpnGateway";
}
