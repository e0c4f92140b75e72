import { ResourceType } from "../../../lib";
import { CCN_ATTACHMENT_KIND, CCN_KIND } from "./ccn";
import { ACCOUNT_FEATURE_ACTIONS } from "./account-features";
import { CLOCK_ACTIONS } from "./clock";
import { CUSTOMER_GATEWAY_KIND } from "./customer-gateway";
import { DATAPLANE_ACTIONS } from "./dataplane";
import { DEVICE_CONFIG_ACTIONS } from "./device-config";
import { DIRECT_CONNECT_GATEWAY_KIND } from "./direct-connect-gateway";
import { FAULT_ACTIONS } from "./faults";
import { IDC_SITE_KIND } from "./idc-site";
import { crudActions } from "./crud";
import { CrudNames, KindRegistry, ResourceKind } from "./kind";
import { PEERING_KIND, peeringLifecycleActions } from "./peering";
import { peeringExActions } from "./peering-ex";
import { CCN_ROUTE_ACTIONS } from "./ccn-routes";
import { ROUTE_KIND } from "./route";
import { ROUTE_TABLE_KIND } from "./route-table";
import { SUBNET_KIND } from "./subnet";
import { TRAFFIC_ACTIONS } from "./traffic";
import { ActionDefinition } from "./types";
import { VPC_KIND } from "./vpc";
import { VPN_CONNECTION_KIND } from "./vpn-connection";
import { VPN_GATEWAY_KIND } from "./vpn-gateway";
import { VPN_GATEWAY_ROUTE_KIND } from "./vpn-gateway-route";

/** Every low-level type's kind. */
export const KINDS: Readonly<Record<ResourceType, ResourceKind>> = {
  Vpc: VPC_KIND,
  Subnet: SUBNET_KIND,
  RouteTable: ROUTE_TABLE_KIND,
  Route: ROUTE_KIND,
  VpnGateway: VPN_GATEWAY_KIND,
  CustomerGateway: CUSTOMER_GATEWAY_KIND,
  VpnConnection: VPN_CONNECTION_KIND,
  VpnGatewayRoute: VPN_GATEWAY_ROUTE_KIND,
  Ccn: CCN_KIND,
  CcnAttachment: CCN_ATTACHMENT_KIND,
  DirectConnectGateway: DIRECT_CONNECT_GATEWAY_KIND,
  PeeringConnection: PEERING_KIND,
  IdcSite: IDC_SITE_KIND,
};

const REGISTRY: KindRegistry = { kindOf: (type: ResourceType) => KINDS[type], kinds: Object.values(KINDS) };

/** The Create/Describe/Modify/Delete action names of each low-level type (what providers call). */
export const ACTIONS_BY_TYPE: Readonly<Record<ResourceType, CrudNames>> = Object.fromEntries(
  Object.entries(KINDS).map(([type, kind]) => [type, kind.names]),
) as Record<ResourceType, CrudNames>;

/** Every action the engine serves. */
export function allActions(extra: readonly ActionDefinition[] = []): ActionDefinition[] {
  const peering = [...crudActions(PEERING_KIND, REGISTRY), ...peeringLifecycleActions(REGISTRY)];
  return [
    ...Object.values(KINDS).flatMap((k) => (k === PEERING_KIND ? peering : crudActions(k, REGISTRY))),
    ...peeringExActions(peering),
    ...CCN_ROUTE_ACTIONS,
    ...TRAFFIC_ACTIONS,
    ...CLOCK_ACTIONS,
    ...ACCOUNT_FEATURE_ACTIONS,
    ...FAULT_ACTIONS,
    ...DEVICE_CONFIG_ACTIONS,
    ...DATAPLANE_ACTIONS,
    ...extra,
  ];
}
