import { Construct } from "constructs";
import type { CustomerGateway } from "../../resources/customer-gateway";
import type { DeviceConfiguration } from "../device-config";
import type { DeviceTunnel, IDeviceConfigurable } from "../device-tunnel";
import { mark } from "./markers";
import { TunnelRegistry } from "./tunnels";

/**
 * What every VPN pattern is as an `IDeviceConfigurable`: a construct that
 * records its tunnels and renders their device configurations from them. Not
 * exported from the library; each pattern keeps its own marker and `isXxx`.
 */
export abstract class TunnelPattern extends Construct implements IDeviceConfigurable {
  /** @internal the tunnels the pattern records as it creates them */
  protected readonly tunnels = new TunnelRegistry(this);

  protected constructor(scope: Construct, id: string, marker: symbol) {
    super(scope, id);
    mark(this, marker);
  }

  /** Every (device, connection) pair, in creation order: a failover pair's primary (`active`) then standby (`standby`), a hub's one per spoke. */
  public get deviceConfigurations(): readonly DeviceTunnel[] {
    return this.tunnels.pairs;
  }

  /** The device's view of its connection (subnets swapped, the gateway's public IP as peer, a failover tunnel's role); throws HL-PAT-040 for a device with no tunnel here. */
  public renderDeviceConfiguration(device: CustomerGateway): DeviceConfiguration {
    return this.tunnels.render(device);
  }

  /** The device view of every pair, in creation order. */
  public renderDeviceConfigurations(): DeviceConfiguration[] {
    return this.tunnels.renderAll();
  }
}
