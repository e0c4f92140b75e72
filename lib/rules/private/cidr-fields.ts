import { ManifestResource } from "../../core/manifest";
import { propsOf } from "./read";

/** One CIDR-valued input of a resource, with the property path a provider's check names. */
export interface CidrField {
  readonly property: string;
  readonly value: unknown;
}

/** Every CIDR-valued input of a resource (VPC blocks, subnet, route destinations, SPD selectors…). */
export function cidrFields(resource: ManifestResource): CidrField[] {
  const p = propsOf(resource);
  const fields: CidrField[] = [];
  const list = (property: string, value: unknown): void => {
    if (Array.isArray(value)) value.forEach((v, i) => fields.push({ property: `${property}[${i}]`, value: v }));
  };
  switch (resource.type) {
    case "Vpc":
    case "IdcSite":
      list("cidrs", p.cidrs);
      break;
    case "Subnet":
      fields.push({ property: "cidr", value: p.cidr });
      break;
    case "Route":
    case "VpnGatewayRoute":
      fields.push({ property: "destinationCidr", value: p.destinationCidr });
      break;
    case "DirectConnectGateway":
      list("onPremPrefixes", p.onPremPrefixes);
      break;
    case "VpnConnection": {
      if (Array.isArray(p.spdPolicies)) {
        p.spdPolicies.forEach((policy: Record<string, unknown>, i: number) => {
          list(`spdPolicies[${i}].localCidrs`, policy?.localCidrs);
          list(`spdPolicies[${i}].remoteCidrs`, policy?.remoteCidrs);
        });
      }
      const device = p.customerDevice as Record<string, unknown> | undefined;
      if (device) {
        list("customerDevice.localCidrs", device.localCidrs);
        list("customerDevice.remoteCidrs", device.remoteCidrs);
      }
      break;
    }
    default:
      break;
  }
  return fields;
}
