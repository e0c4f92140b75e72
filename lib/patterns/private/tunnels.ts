import { IConstruct } from "constructs";
import type { CustomerGateway } from "../../resources/customer-gateway";
import type { VpnConnection } from "../../resources/vpn-connection";
import { DeviceConfiguration, renderDeviceConfiguration } from "../device-config";
import type { DeviceTunnel } from "../device-tunnel";
import { PatternErrorCode, patternError } from "../errors";

/** A tunnel as a pattern records it: the pair plus what the device must route into it. */
export interface RecordedTunnel extends DeviceTunnel {
  /**
   * Cloud-side destinations the device routes into a tunnel without policies;
   * read when rendering, since a hub's later spokes add transit destinations.
   */
  readonly cloudCidrs: () => readonly string[];
}

/** The tunnels of one pattern, and the device configurations rendered from them. */
export class TunnelRegistry {
  private readonly tunnels: RecordedTunnel[] = [];

  constructor(private readonly owner: IConstruct) {}

  public add(tunnel: RecordedTunnel): void {
    this.tunnels.push(tunnel);
  }

  public get pairs(): DeviceTunnel[] {
    return this.tunnels.map(({ device, connection, role }) => (role ? { device, connection, role } : { device, connection }));
  }

  public render(device: CustomerGateway): DeviceConfiguration {
    const tunnel = this.tunnels.find((t) => t.device === device);
    if (!tunnel) {
      throw patternError(
        this.owner,
        PatternErrorCode.DEVICE_NOT_IN_PATTERN,
        `customer gateway '${device.node.path}' has no tunnel in this construct; its devices are: ${this.tunnels.map((t) => t.device.node.path).join(", ") || "none"}`,
      );
    }
    return renderTunnel(tunnel);
  }

  public renderAll(): DeviceConfiguration[] {
    return this.tunnels.map(renderTunnel);
  }
}

function renderTunnel(tunnel: RecordedTunnel): DeviceConfiguration {
  const connection: VpnConnection = tunnel.connection;
  return renderDeviceConfiguration({
    connectionName: connection.name,
    deviceName: tunnel.device.name,
    deviceIp: tunnel.device.customerGatewayIp,
    gatewayName: connection.vpnGateway.name,
    gatewayPublicIp: connection.vpnGateway.publicIp.toRef(),
    preSharedKey: connection.preSharedKey.ref,
    routeType: connection.routeType,
    spdPolicies: connection.spdPolicies,
    cloudCidrs: tunnel.cloudCidrs(),
    siteCidrs: tunnel.device.site?.cidrs ?? [],
    ike: connection.ike,
    ipsec: connection.ipsec,
    ...(connection.healthCheck ? { healthCheck: connection.healthCheck } : {}),
    ...(tunnel.role ? { role: tunnel.role } : {}),
  });
}
