import { DeviceConfigurationInput, IkeOptions, IpsecOptions, renderDeviceConfiguration } from "../../lib";

const IKE: IkeOptions = { version: "IKEV2", encryption: "AES-CBC-256", integrity: "SHA-256", dhGroup: "GROUP14", lifetimeSeconds: 86400, exchangeMode: "MAIN" };
const IPSEC: IpsecOptions = { encryption: "AES-CBC-256", integrity: "SHA-256", pfsDhGroup: "DH-GROUP14", lifetimeSeconds: 3600 };

/** A connection as the engine would pass it after deploy: plain strings. */
function input(over: Partial<DeviceConfigurationInput<string, string>> = {}): DeviceConfigurationInput<string, string> {
  return {
    connectionName: "Tunnel1",
    deviceName: "Idc-Device1",
    deviceIp: "203.0.113.10",
    gatewayName: "Gateway",
    gatewayPublicIp: "198.51.100.200",
    routeType: "SPD",
    spdPolicies: [
      { localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.1.0/24"] },
      { localCidrs: ["10.1.0.0/16", "10.0.0.0/16"], remoteCidrs: ["192.168.2.0/24"] },
    ],
    ike: IKE,
    ipsec: IPSEC,
    ...over,
  };
}

describe("renderDeviceConfiguration (seed 001 step 4: the download has local and remote swapped)", () => {
  test("SPD: one swapped selector pair per policy, subnets merged in order, no routes", () => {
    const config = renderDeviceConfiguration(input());
    expect(config).toEqual({
      name: "Tunnel1",
      routeType: "SPD",
      local: { name: "Idc-Device1", address: "203.0.113.10", id: "203.0.113.10", subnets: ["192.168.1.0/24", "192.168.2.0/24"] },
      remote: { name: "Gateway", address: "198.51.100.200", id: "198.51.100.200", subnets: ["10.0.0.0/16", "10.1.0.0/16"] },
      selectors: [
        { localSubnets: ["192.168.1.0/24"], remoteSubnets: ["10.0.0.0/16"] },
        { localSubnets: ["192.168.2.0/24"], remoteSubnets: ["10.1.0.0/16", "10.0.0.0/16"] },
      ],
      routes: [],
      ike: IKE,
      ipsec: IPSEC,
    });
  });

  test("route-based without policies: any↔any selectors, the site's and the cloud's networks, routes to the cloud", () => {
    const config = renderDeviceConfiguration(
      input({ routeType: "ROUTE", spdPolicies: [], siteCidrs: ["192.168.1.0/24"], cloudCidrs: ["10.0.0.0/16", "192.168.2.0/24"] }),
    );
    expect(config.selectors).toEqual([{ localSubnets: ["0.0.0.0/0"], remoteSubnets: ["0.0.0.0/0"] }]);
    expect(config.local.subnets).toEqual(["192.168.1.0/24"]);
    expect(config.remote.subnets).toEqual(["10.0.0.0/16", "192.168.2.0/24"]);
    expect(config.routes).toEqual(["10.0.0.0/16", "192.168.2.0/24"]);
  });

  test("route-based with selectors (seed 001 connections): selectors from the policy, routes to its cloud side", () => {
    const config = renderDeviceConfiguration(input({ routeType: "ROUTE", spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }] }));
    expect(config.selectors).toEqual([{ localSubnets: ["192.168.0.0/16"], remoteSubnets: ["10.0.0.0/16"] }]);
    expect(config.routes).toEqual(["10.0.0.0/16"]);
  });

  test("the health check's ends are named from the device's side; a disabled check is left out", () => {
    const healthCheck = { enabled: true, localIp: "10.0.255.254", remoteIp: "192.168.1.1", intervalMs: 3000, retries: 3 };
    expect(renderDeviceConfiguration(input({ healthCheck })).healthCheck).toEqual({
      cloudIp: "10.0.255.254",
      idcIp: "192.168.1.1",
      intervalMs: 3000,
      retries: 3,
    });
    expect(renderDeviceConfiguration(input({ healthCheck: { ...healthCheck, enabled: false } }))).not.toHaveProperty("healthCheck");
  });

  test("the key and the role pass through only when given", () => {
    expect(renderDeviceConfiguration(input())).not.toHaveProperty("preSharedKey");
    expect(renderDeviceConfiguration(input())).not.toHaveProperty("role");
    expect(renderDeviceConfiguration(input({ preSharedKey: "k3y", role: "standby" }))).toMatchObject({ preSharedKey: "k3y", role: "standby" });
  });

  test("before deploy the peer is a reference and the key only its source", () => {
    const config = renderDeviceConfiguration({
      ...input(),
      gatewayPublicIp: { ref: "Vpn/VpnGateway", attr: "publicIp" },
      preSharedKey: { secret: { source: "env", name: "HL_PSK" } },
    });
    expect(config.remote.address).toEqual({ ref: "Vpn/VpnGateway", attr: "publicIp" });
    expect(config.preSharedKey).toEqual({ secret: { source: "env", name: "HL_PSK" } });
  });

  test("does not alias or change its input", () => {
    const given = input();
    const before = JSON.stringify(given);
    const config = renderDeviceConfiguration(given);
    (config.ike as { version: string }).version = "IKEV1";
    expect(JSON.stringify(given)).toBe(before);
  });
});
