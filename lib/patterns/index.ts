// High-level constructs, one file per pattern; helpers under private/ are not exported.
export * from "./errors";
export * from "./sources";
export * from "./vpn-routing";
export * from "./device-config";
export * from "./device-tunnel";
export * from "./site-to-site-vpn";
export * from "./hub-spoke-vpn";
export * from "./active-standby-vpn";
export * from "./ha-dual-customer-gateway";
export * from "./peering-options";
export * from "./vpc-peering";
export * from "./cross-region-peering";
