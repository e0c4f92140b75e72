import { CompiledConnection, CompiledDirectConnect, CompiledGateway, CompiledSite, CompiledVpc } from "../compile";
import { NetSubnet } from "../model";
import { Place } from "../verdicts";
import { CCN, DC_IN, DC_OUT, GW_CLOUD, GW_IDC, IDC_IN, IDC_OUT, PEERING, Step, TUNNEL, VPC_IN, VPC_OUT } from "./steps";

// How each place a packet visits is named in hops and verdicts.

export function vpcPlace(vpc: CompiledVpc): Place {
  return { kind: "VPC", id: vpc.vpc.id, name: vpc.vpc.name };
}

export function subnetPlace(subnet: NetSubnet): Place {
  return { kind: "SUBNET", id: subnet.id, name: subnet.name };
}

export function gatewayPlace(gw: CompiledGateway): Place {
  return { kind: "VPN_GATEWAY", id: gw.gateway.id, name: gw.gateway.name };
}

export function connectionPlace(t: CompiledConnection): Place {
  return { kind: "VPN_CONNECTION", id: t.connection.id, name: t.connection.name };
}

export function sitePlace(site: CompiledSite): Place {
  return { kind: "IDC_SITE", id: site.site.id, name: site.site.name };
}

export function dcPlace(dc: CompiledDirectConnect): Place {
  return { kind: "DIRECT_CONNECT_GATEWAY", id: dc.gateway.id, name: dc.gateway.name };
}

export function placeOfStep(step: Step): Place {
  switch (step.s) {
    case VPC_OUT:
    case VPC_IN:
      return vpcPlace(step.node);
    case PEERING:
      return { kind: "PEERING", id: step.node.peering.id, name: step.node.peering.name };
    case GW_CLOUD:
    case GW_IDC:
      return gatewayPlace(step.node);
    case TUNNEL:
      return connectionPlace(step.node);
    case IDC_IN:
    case IDC_OUT:
      return sitePlace(step.node);
    case CCN:
      return { kind: "CCN", id: step.node.ccn.id, name: step.node.ccn.name };
    case DC_OUT:
    case DC_IN:
      return dcPlace(step.node);
  }
}
