import { Rule } from "../rule";
import { activeHasStandby } from "./active-has-standby";
import { distinctConnections } from "./distinct-connections";
import { distinctCustomerGateways } from "./distinct-customer-gateways";
import { healthCheckLocalIp } from "./health-check-local-ip";
import { healthCheckRemoteIp } from "./health-check-remote-ip";
import { healthCheckRequired } from "./health-check-required";
import { healthCheckTiming } from "./health-check-timing";
import { sameRemoteSubnets } from "./same-remote-subnets";
import { standbyHasActive } from "./standby-has-active";

/** High availability: active/standby and dual-customer-gateway pairs (seed 000 S5, seed 001). */
export const HA_RULES: readonly Rule[] = [
  healthCheckRequired,
  healthCheckLocalIp,
  healthCheckRemoteIp,
  healthCheckTiming,
  distinctCustomerGateways,
  sameRemoteSubnets,
  standbyHasActive,
  distinctConnections,
  activeHasStandby,
];
