import { Rule } from "../rule";
import { connectionVpc } from "./connection-vpc";
import { customerGatewayDescriptionField } from "./customer-gateway-description";
import { customerGatewayDistinctIp } from "./customer-gateway-distinct";
import { customerGatewayPublicIp } from "./customer-gateway-ip";
import { deviceConfigMatches } from "./device-config";
import { gatewayBandwidth } from "./gateway-bandwidth";
import { gatewayInVpcRegion } from "./gateway-region";
import { gatewayTypeOffered } from "./gateway-type";
import { gatewayVpcByType } from "./gateway-vpc";
import { idcCloudOverlap } from "./idc-overlap";
import { noSpdIdcTransit } from "./idc-transit";
import { ikeOptions } from "./ike-options";
import { ipsecEnabledForConnections } from "./ipsec-enabled";
import { ipsecOptions } from "./ipsec-options";
import { preSharedKeySecret } from "./pre-shared-key";
import { preSharedKeyMatches } from "./pre-shared-key-match";
import { routeDestinationInSite } from "./route-destination-site";
import { routeNextHopOnGateway } from "./route-next-hop";
import { routePreferenceVocabulary } from "./route-preference";
import { routePreferenceDistinct } from "./route-preference-distinct";
import { routeTableGrayRelease } from "./route-table-gray";
import { spdLocalInCloud } from "./spd-local";
import { spdNeedsPolicy } from "./spd-policies";
import { spdRemoteInIdc } from "./spd-remote";
import { sslConnectionsNeedSsl } from "./ssl-connections";
import { vpcRouteViaOwnGateway } from "./vpc-route-gateway";
import { routeSelectorsInside } from "./route-selectors";

/** IPsec VPN: addressing, gateways, keys, proposals, SPD and route tables (seeds 000, 001). */
export const VPN_RULES: readonly Rule[] = [
  idcCloudOverlap,
  customerGatewayPublicIp,
  customerGatewayDistinctIp,
  gatewayInVpcRegion,
  gatewayBandwidth,
  gatewayTypeOffered,
  sslConnectionsNeedSsl,
  preSharedKeySecret,
  preSharedKeyMatches,
  ikeOptions,
  ipsecOptions,
  spdLocalInCloud,
  spdRemoteInIdc,
  noSpdIdcTransit,
  routeTableGrayRelease,
  gatewayVpcByType,
  connectionVpc,
  routePreferenceVocabulary,
  routePreferenceDistinct,
  routeNextHopOnGateway,
  spdNeedsPolicy,
  ipsecEnabledForConnections,
  routeDestinationInSite,
  vpcRouteViaOwnGateway,
  deviceConfigMatches,
  routeSelectorsInside,
  customerGatewayDescriptionField,
];
