import { Rule } from "../rule";
import { cidrSyntax } from "./cidr-syntax";
import { gatewayRouteNotDefault } from "./gateway-route-default";
import { cidrHostBits } from "./host-bits";
import { regionExists } from "./region-exists";
import { sharedAddressSpaceRoute } from "./shared-address-space";
import { routeDestinationUnique } from "./route-destination-unique";
import { subnetInsideVpc } from "./subnet-in-vpc";
import { subnetsDisjoint } from "./subnet-overlap";
import { vpcCidrsDisjoint } from "./vpc-cidrs-disjoint";

/** CIDR syntax, subnets, regions and gateway route destinations. */
export const ADDRESSING_RULES: readonly Rule[] = [
  cidrSyntax,
  cidrHostBits,
  subnetInsideVpc,
  subnetsDisjoint,
  regionExists,
  gatewayRouteNotDefault,
  sharedAddressSpaceRoute,
  vpcCidrsDisjoint,
  routeDestinationUnique,
];
