import { assumption } from "../../core/provenance";
import { cidrsOverlap, parseCidr } from "../../net/cidr";
import { parsedCidr, propsOf } from "../private/read";
import { Rule } from "../rule";

const SHARED = parseCidr("100.64.0.0/10");

/** HL-ADDR-007: on clouds that reserve it, a gateway route into 100.64.0.0/10 gets a warning. */
export const sharedAddressSpaceRoute: Rule = {
  id: "HL-ADDR-007",
  title: "VPN gateway routes into 100.64.0.0/10 (shared address space)",
  severity: "warning",
  source: assumption("RFC 6598 shared address space, which Alibaba Cloud uses for its own service endpoints; routing it to an IDC can cut instances off from them"),
  rationale: "Alibaba Cloud uses 100.64.0.0/10 for its own services (metadata, DNS, OSS endpoints); routing it to an IDC can cut instances off from them.",
  fix: "Route a narrower IDC block outside 100.64.0.0/10, or acknowledge the warning if the IDC really uses shared address space.",
  *check(context) {
    if (!context.profile.warnSharedAddressSpaceRoutes) return;
    for (const route of context.index.ofType("VpnGatewayRoute")) {
      const cidr = parsedCidr(propsOf(route).destinationCidr);
      if (cidr && cidr.prefix > 0 && cidrsOverlap(cidr, SHARED)) {
        yield {
          resource: route.logicalId,
          property: "destinationCidr",
          message: `Destination ${cidr.text} overlaps 100.64.0.0/10, the shared address space ${context.profile.displayName} uses for its own services; route a block outside it, or acknowledge HL-ADDR-007 if the IDC really uses it.`,
        };
      }
    }
  },
};
