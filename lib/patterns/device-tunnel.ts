import type { CustomerGateway } from "../resources/customer-gateway";
import type { VpnConnection } from "../resources/vpn-connection";
import type { DeviceConfiguration } from "./device-config";
import type { TunnelRole } from "./sources";

/** One IDC device and the connection it terminates: what a device configuration is for. */
export interface DeviceTunnel {
  /** The IDC device (customer gateway). */
  readonly device: CustomerGateway;
  /** The IPsec connection it terminates. */
  readonly connection: VpnConnection;
  /**
   * Active or standby, for a tunnel of a failover pair.
   *
   * @default - not part of a pair
   */
  readonly role?: TunnelRole;
}

/** A pattern whose IDC devices' configurations can be rendered from the construct. */
export interface IDeviceConfigurable {
  /** Every (device, connection) pair the pattern created, in creation order. */
  readonly deviceConfigurations: readonly DeviceTunnel[];
  /** The device's view of its connection; throws HL-PAT-040 for a device with no tunnel here. */
  renderDeviceConfiguration(device: CustomerGateway): DeviceConfiguration;
  /** The device view of every pair, in creation order. */
  renderDeviceConfigurations(): DeviceConfiguration[];
}
