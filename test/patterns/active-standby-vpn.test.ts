import { Construct } from "constructs";
import {
  ActiveStandbyVpn,
  analyzePair,
  DirectConnectGateway,
  failDevice,
  IdcSite,
  modelFromManifest,
  NetworkApp,
  PatternErrorCode,
  SecretValue,
  Vpc,
} from "../../lib";
import { countByType, newApp, ofType, propsOf, refused, synth } from "./helpers";

const PRIMARY_PSK = SecretValue.fromEnv("HL_TEST_PSK_1");
const STANDBY_PSK = SecretValue.fromEnv("HL_TEST_PSK_2");

/** S5a: one VPC, one IDC with two devices. */
function s5a(app: NetworkApp, extra: { declareIntents?: boolean } = {}): ActiveStandbyVpn {
  const vpc = new Vpc(app, "Vpc", { region: app.profile.name === "alibaba" ? "cn-hangzhou" : "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("App", { cidr: "10.0.1.0/24" });
  const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
  const d1 = idc.addDevice("Device1", { ipAddress: "203.0.113.21" });
  const d2 = idc.addDevice("Device2", { ipAddress: "203.0.113.22" });
  return new ActiveStandbyVpn(app, "Vpn", {
    vpc,
    site: idc,
    primary: { device: d1, preSharedKey: PRIMARY_PSK },
    standby: { device: d2, preSharedKey: STANDBY_PSK },
    ...extra,
  });
}

describe("ActiveStandbyVpn (seed 000 scenario 5)", () => {
  test("S5a: two health-checked route-based connections and routes priority 0 / 100, published to the VPC", () => {
    // GIVEN / WHEN
    const app = newApp();
    app.acknowledge("HL-VPN-015", "route tables enabled for the test account");
    const vpn = s5a(app);
    // THEN
    const { manifest, errors } = synth(app);
    expect(errors).toEqual([]);
    expect(countByType(manifest)).toEqual({
      Vpc: 1,
      RouteTable: 1,
      Subnet: 1,
      VpnGateway: 1,
      IdcSite: 1,
      CustomerGateway: 2,
      VpnConnection: 2,
      VpnGatewayRoute: 2,
    });
    for (const [id, device] of [
      ["Vpn/PrimaryConnection", "Idc/Device1"],
      ["Vpn/StandbyConnection", "Idc/Device2"],
    ]) {
      expect(propsOf(manifest, id, "VpnConnection")).toMatchObject({
        routeType: "ROUTE",
        customerGateway: { ref: device, attr: "id" },
        spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }],
        healthCheck: { enabled: true, localIp: "10.0.255.254", remoteIp: "192.168.0.1", intervalMs: 2000, retries: 3 },
      });
    }
    expect(ofType(manifest, "VpnGatewayRoute").map((r) => r.props)).toEqual([
      {
        vpnGateway: { ref: "Vpn/VpnGateway", attr: "id" },
        destinationCidr: "192.168.0.0/16",
        nextHop: { ref: "Vpn/PrimaryConnection", attr: "id" },
        priority: 0,
        publishToVpc: true,
        enabled: true,
      },
      {
        vpnGateway: { ref: "Vpn/VpnGateway", attr: "id" },
        destinationCidr: "192.168.0.0/16",
        nextHop: { ref: "Vpn/StandbyConnection", attr: "id" },
        priority: 100,
        publishToVpc: true,
        enabled: true,
      },
    ]);
    expect(vpn.activeRoutes.map((r) => r.node.path)).toEqual(["Vpn/ActiveRoute-0"]);
    expect(vpn.standbyRoutes.map((r) => r.node.path)).toEqual(["Vpn/StandbyRoute-0"]);
  });

  test("on alibaba the same preferences are weights 100 / 0", () => {
    const app = newApp("alibaba");
    s5a(app);
    const { manifest, errors } = synth(app);
    expect(errors).toEqual([]);
    expect(ofType(manifest, "VpnGatewayRoute").map((r) => [r.props.weight, r.props.priority])).toEqual([
      [100, undefined],
      [0, undefined],
    ]);
  });

  test("uses the primary, loses packets until the primary's device is detected down, then uses the standby", () => {
    const app = newApp();
    s5a(app);
    const model = modelFromManifest(app.synth({ throwOnError: false }));
    const gatewayRouteOf = (m: typeof model): string | undefined =>
      analyzePair(m, "Vpc", "Idc").forward.hops.find((h) => h.entry?.table === "VPN_GATEWAY_ROUTES")?.entry?.entryId;
    expect(gatewayRouteOf(model)).toBe("Vpn/ActiveRoute-0");
    expect(analyzePair(failDevice(model, "Idc/Device1", "BEFORE_DETECTION"), "Vpc", "Idc").forward.verdict).toBe("TUNNEL_DOWN");
    expect(gatewayRouteOf(failDevice(model, "Idc/Device1", "AFTER_DETECTION"))).toBe("Vpn/StandbyRoute-0");
    expect(analyzePair(failDevice(model, "Idc/Device1"), "Vpc", "Idc").verdict).toBe("REACHABLE");
  });

  test("S5b: on a CCN the IDC reaches every VPC and the direct-connect network, through either tunnel", () => {
    const app = newApp();
    app.acknowledge("HL-VPN-015", "route tables enabled for the test account");
    const gz = new Vpc(app, "VpcGz", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const sh = new Vpc(app, "VpcSh", { region: "ap-shanghai", cidrs: ["10.1.0.0/16"] });
    const dc = new DirectConnectGateway(app, "Dc", { region: "ap-guangzhou", onPremPrefixes: ["172.16.0.0/16"] });
    const vpn = new ActiveStandbyVpn(app, "Vpn", {
      vpnGateway: { type: "CCN", region: "ap-guangzhou" },
      ccn: { vpcs: [gz, sh], directConnectGateways: [dc] },
      site: { cidrs: ["192.168.0.0/16"] },
      primary: { device: "203.0.113.21", preSharedKey: PRIMARY_PSK },
      standby: { device: "203.0.113.22", preSharedKey: STANDBY_PSK },
      declareIntents: true,
    });
    const { manifest, errors } = synth(app);
    expect(errors).toEqual([]);
    expect(vpn.cloudCidrs).toEqual(["10.0.0.0/16", "10.1.0.0/16", "172.16.0.0/16"]);
    expect(propsOf(manifest, "Vpn/PrimaryConnection", "VpnConnection")).toMatchObject({
      spdPolicies: [{ localCidrs: ["10.0.0.0/16", "10.1.0.0/16", "172.16.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }],
      healthCheck: { localIp: "10.0.255.254", remoteIp: "192.168.0.1" },
    });
    expect(propsOf(manifest, "Vpn/PrimaryConnection", "VpnConnection").vpc).toBeUndefined();
    expect(ofType(manifest, "VpnGatewayRoute").map((r) => r.props.publishToVpc)).toEqual([false, false]);
    expect(ofType(manifest, "CcnAttachment")).toHaveLength(4);
    expect(manifest.intents.map((i) => [i.from, i.to, i.underSingleFailure])).toEqual([
      ["VpcGz", "Vpn/Idc", true],
      ["VpcSh", "Vpn/Idc", true],
      ["Dc", "Vpn/Idc", true],
    ]);
    const model = modelFromManifest(manifest);
    for (const cloud of ["VpcGz", "VpcSh", "Dc"]) {
      expect(analyzePair(model, cloud, "Vpn/Idc").verdict).toBe("REACHABLE");
      expect(analyzePair(failDevice(model, "Vpn/Idc/PrimaryDevice"), cloud, "Vpn/Idc").verdict).toBe("REACHABLE");
    }
  });

  test("destinations narrow the routes to blocks of the site", () => {
    const app = newApp();
    const vpn = new ActiveStandbyVpn(app, "Vpn", {
      vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
      site: { cidrs: ["192.168.0.0/16"] },
      primary: { device: "203.0.113.21", preSharedKey: PRIMARY_PSK },
      standby: { device: "203.0.113.22", preSharedKey: STANDBY_PSK, healthCheck: { retries: 5 } },
      destinations: ["192.168.10.0/24", "192.168.20.0/24"],
    });
    expect(vpn.activeRoutes.map((r) => r.destinationCidr)).toEqual(["192.168.10.0/24", "192.168.20.0/24"]);
    expect(vpn.standbyRoutes.map((r) => r.destinationCidr)).toEqual(["192.168.10.0/24", "192.168.20.0/24"]);
    expect(vpn.primaryConnection.healthCheck).toMatchObject({ remoteIp: "192.168.10.1", retries: 3 });
    expect(vpn.standbyConnection.healthCheck).toMatchObject({ remoteIp: "192.168.10.1", retries: 5 });
  });

  test("renders each device's configuration with its role", () => {
    const app = newApp();
    const vpn = s5a(app);
    expect(vpn.deviceConfigurations.map((t) => [t.device.node.path, t.connection.node.path, t.role])).toEqual([
      ["Idc/Device1", "Vpn/PrimaryConnection", "active"],
      ["Idc/Device2", "Vpn/StandbyConnection", "standby"],
    ]);
    expect(vpn.renderDeviceConfiguration(vpn.standbyDevice)).toMatchObject({
      role: "standby",
      routeType: "ROUTE",
      local: { address: "203.0.113.22", subnets: ["192.168.0.0/16"] },
      remote: { address: { ref: "Vpn/VpnGateway", attr: "publicIp" }, subnets: ["10.0.0.0/16"] },
      selectors: [{ localSubnets: ["192.168.0.0/16"], remoteSubnets: ["10.0.0.0/16"] }],
      routes: ["10.0.0.0/16"],
      healthCheck: { cloudIp: "10.0.255.254", idcIp: "192.168.0.1", intervalMs: 2000, retries: 3 },
      preSharedKey: { secret: { source: "env", name: "HL_TEST_PSK_2" } },
    });
  });

  test("declareIntents declares VPC ↔ IDC under any single failure, and it holds", () => {
    const app = newApp();
    s5a(app, { declareIntents: true });
    const { manifest, errors } = synth(app);
    expect(manifest.intents).toEqual([{ kind: "reachable", from: "Vpc", to: "Idc", underSingleFailure: true, path: "Vpn" }]);
    expect(errors.filter((f) => f.ruleId.startsWith("HL-INTENT"))).toEqual([]);
  });

  test("isActiveStandbyVpn recognises instances by marker", () => {
    const app = newApp();
    expect(ActiveStandbyVpn.isActiveStandbyVpn(s5a(app))).toBe(true);
    expect(ActiveStandbyVpn.isActiveStandbyVpn(new Construct(app, "Plain"))).toBe(false);
  });

  test("the rules apply to what it creates: a health-check source outside the cloud is HL-HA-002", () => {
    const app = newApp();
    new ActiveStandbyVpn(app, "Vpn", {
      vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
      site: { cidrs: ["192.168.0.0/16"] },
      primary: { device: "203.0.113.21", preSharedKey: PRIMARY_PSK },
      standby: { device: "203.0.113.22", preSharedKey: STANDBY_PSK },
      healthCheck: { localIp: "172.31.0.1" },
    });
    expect(synth(app).errors.map((f) => [f.path, f.ruleId])).toEqual([
      ["Vpn/PrimaryConnection", "HL-HA-002"],
      ["Vpn/StandbyConnection", "HL-HA-002"],
    ]);
  });

  describe("fails when", () => {
    const base = {
      vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
      site: { cidrs: ["192.168.0.0/16"] },
      primary: { device: "203.0.113.21", preSharedKey: PRIMARY_PSK },
      standby: { device: "203.0.113.22", preSharedKey: STANDBY_PSK },
    };

    test("both tunnels end on one device (HL-PAT-020)", () => {
      refused(PatternErrorCode.SAME_DEVICE_TWICE, (app) => new ActiveStandbyVpn(app, "Vpn", { ...base, standby: { device: "203.0.113.21", preSharedKey: STANDBY_PSK } }));
      let idc: IdcSite | undefined;
      refused(
        PatternErrorCode.SAME_DEVICE_TWICE,
        (app) =>
          new ActiveStandbyVpn(app, "Vpn", {
            ...base,
            site: idc!,
            primary: { device: idc!.devices[0], preSharedKey: PRIMARY_PSK },
            standby: { device: idc!.devices[0], preSharedKey: STANDBY_PSK },
          }),
        (app) => {
          idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
          idc.addDevice("Device", { ipAddress: "203.0.113.21" });
        },
      );
    });

    test("the health check is switched off (HL-PAT-021)", () => {
      const message = refused(PatternErrorCode.HEALTH_CHECK_REQUIRED, (app) => new ActiveStandbyVpn(app, "Vpn", { ...base, healthCheck: { enabled: false } }));
      expect(message).toContain("routes never fail over");
    });

    test("a CCN-type gateway reaches no cloud network (HL-PAT-012)", () => {
      refused(
        PatternErrorCode.NOTHING_TO_REACH,
        (app) => new ActiveStandbyVpn(app, "Vpn", { ...base, vpc: undefined, vpnGateway: { type: "CCN", region: "ap-guangzhou" } }),
      );
    });

    test("a destination lies outside the IDC (HL-PAT-023)", () => {
      const message = refused(PatternErrorCode.DESTINATION_OUTSIDE_NETWORK, (app) => new ActiveStandbyVpn(app, "Vpn", { ...base, destinations: ["10.9.0.0/16"] }));
      expect(message).toContain("destinations 10.9.0.0/16 are not inside IDC site 'Vpn/Idc' (192.168.0.0/16)");
    });

    test("the standby device belongs to another site (HL-PAT-004), registering no device anywhere", () => {
      let idc: IdcSite | undefined;
      let other: IdcSite | undefined;
      refused(
        PatternErrorCode.DEVICE_NOT_IN_SITE,
        (app) =>
          new ActiveStandbyVpn(app, "Vpn", {
            ...base,
            site: idc!,
            primary: { device: "203.0.113.21", preSharedKey: PRIMARY_PSK },
            standby: { device: other!.devices[0], preSharedKey: STANDBY_PSK },
          }),
        (app) => {
          idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
          other = new IdcSite(app, "Other", { cidrs: ["172.20.0.0/16"] });
          other.addDevice("Device", { ipAddress: "203.0.113.99" });
        },
      );
      // Creating a device registers it with its site, outside the construct's subtree: nothing may be created first.
      expect(idc!.devices.map((d) => d.node.path)).toEqual([]);
    });
  });
});
