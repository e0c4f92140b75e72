import { Construct } from "constructs";
import {
  IdcSite,
  modelFromManifest,
  PatternErrorCode,
  SecretValue,
  SiteToSiteVpn,
  Vpc,
  VpnGateway,
} from "../../lib";
import { countByType, newApp, ofType, propsOf, refused, synth, verdictGrid } from "./helpers";

const PSK = SecretValue.fromEnv("HL_TEST_PSK");

describe("SiteToSiteVpn (seed 000 scenario 1)", () => {
  test("creates the VPC, a VPC-type gateway, the IDC, its device, the SPD connection and the VPC route", () => {
    // GIVEN
    const app = newApp();
    // WHEN
    new SiteToSiteVpn(app, "S1", {
      vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], subnets: ["10.0.1.0/24"] },
      site: { cidrs: ["192.168.0.0/16"] },
      device: "203.0.113.10",
      preSharedKey: PSK,
    });
    // THEN
    const { manifest, errors } = synth(app);
    expect(errors).toEqual([]);
    expect(countByType(manifest)).toEqual({
      Vpc: 1,
      RouteTable: 1,
      Subnet: 1,
      VpnGateway: 1,
      IdcSite: 1,
      CustomerGateway: 1,
      VpnConnection: 1,
      Route: 1,
    });
    expect(propsOf(manifest, "S1/VpnGateway", "VpnGateway")).toMatchObject({ type: "VPC", vpc: { ref: "S1/Vpc", attr: "id" }, region: "ap-guangzhou" });
    expect(propsOf(manifest, "S1/Idc/Device", "CustomerGateway")).toEqual({
      name: "S1-Idc-Device",
      ipAddress: "203.0.113.10",
      site: { ref: "S1/Idc", attr: "id" },
    });
    expect(propsOf(manifest, "S1/Connection", "VpnConnection")).toMatchObject({
      name: "S1-Connection",
      routeType: "SPD",
      spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }],
      customerGateway: { ref: "S1/Idc/Device", attr: "id" },
      preSharedKey: { secret: { source: "env", name: "HL_TEST_PSK" } },
      healthCheck: { enabled: true, localIp: "10.0.255.254", remoteIp: "192.168.0.1", intervalMs: 2000, retries: 3 },
    });
    expect(propsOf(manifest, "S1/VpcRoutes/MainRouteTableToIdc-0", "Route")).toEqual({
      routeTable: { ref: "S1/Vpc/MainRouteTable", attr: "id" },
      destinationCidr: "192.168.0.0/16",
      nextHopType: "VPN_GATEWAY",
      nextHop: { ref: "S1/VpnGateway", attr: "id" },
      enabled: true,
    });
  });

  test("uses existing constructs and the site's only device", () => {
    const app = newApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    const device = idc.addDevice("Device", { ipAddress: "203.0.113.10" });
    const vpn = new SiteToSiteVpn(app, "Vpn", { vpc, site: idc, preSharedKey: PSK });
    expect(vpn.vpc).toBe(vpc);
    expect(vpn.site).toBe(idc);
    expect(vpn.device).toBe(device);
    expect(vpn.connection.customerGateway).toBe(device);
    const { manifest } = synth(app);
    expect(ofType(manifest, "CustomerGateway").map((r) => r.logicalId)).toEqual(["Idc/Device"]);
    expect(ofType(manifest, "Vpc").map((r) => r.logicalId)).toEqual(["Vpc"]);
  });

  test("takes the site from the device when only the device is given", () => {
    const app = newApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    idc.addDevice("Device1", { ipAddress: "203.0.113.10" });
    const device2 = idc.addDevice("Device2", { ipAddress: "203.0.113.11" });
    const vpn = new SiteToSiteVpn(app, "Vpn", { vpc, device: device2, preSharedKey: PSK });
    expect(vpn.site).toBe(idc);
    expect(vpn.device).toBe(device2);
  });

  test("a device given by IP on an existing site is created under the construct and registered with the site", () => {
    const app = newApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    const vpn = new SiteToSiteVpn(app, "Vpn", { vpc, site: idc, device: "203.0.113.10", preSharedKey: PSK });
    expect(vpn.device.node.path).toBe("Vpn/Device");
    expect(idc.devices).toEqual([vpn.device]);
    expect(propsOf(synth(app).manifest, "Vpn/Device", "CustomerGateway").site).toEqual({ ref: "Idc", attr: "id" });
  });

  test("policy CIDRs, route tables and health check can be chosen", () => {
    const app = newApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const tableA = vpc.addRouteTable("TableA");
    const tableB = vpc.addRouteTable("TableB");
    new SiteToSiteVpn(app, "Vpn", {
      vpc,
      site: { cidrs: ["192.168.0.0/16"] },
      device: "203.0.113.10",
      preSharedKey: PSK,
      localCidrs: ["10.0.1.0/24"],
      remoteCidrs: ["192.168.1.0/24", "192.168.2.0/24"],
      routeTables: [tableA, tableB],
      healthCheck: { localIp: "10.0.1.10", remoteIp: "192.168.1.10", intervalMs: 5000, retries: 8 },
    });
    const { manifest, errors } = synth(app);
    expect(errors).toEqual([]);
    expect(propsOf(manifest, "Vpn/Connection", "VpnConnection")).toMatchObject({
      spdPolicies: [{ localCidrs: ["10.0.1.0/24"], remoteCidrs: ["192.168.1.0/24", "192.168.2.0/24"] }],
      healthCheck: { enabled: true, localIp: "10.0.1.10", remoteIp: "192.168.1.10", intervalMs: 5000, retries: 8 },
    });
    expect(ofType(manifest, "Route").map((r) => [r.props.routeTable.ref, r.props.destinationCidr])).toEqual([
      ["Vpc/TableA", "192.168.1.0/24"],
      ["Vpc/TableA", "192.168.2.0/24"],
      ["Vpc/TableB", "192.168.1.0/24"],
      ["Vpc/TableB", "192.168.2.0/24"],
    ]);
  });

  test("the health check can be switched off for a single tunnel", () => {
    const app = newApp();
    const vpn = new SiteToSiteVpn(app, "Vpn", {
      vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
      site: { cidrs: ["192.168.0.0/16"] },
      device: "203.0.113.10",
      preSharedKey: PSK,
      healthCheck: { enabled: false },
    });
    expect(vpn.connection.healthCheck).toBeUndefined();
    expect(propsOf(synth(app).manifest, "Vpn/Connection", "VpnConnection").healthCheck).toBeUndefined();
  });

  test("several on one gateway give scenario 6: each IDC reaches the VPC, IDCs stay apart", () => {
    // GIVEN one VPC-type gateway
    const app = newApp();
    const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const gateway = new VpnGateway(app, "Gateway", { vpc });
    // WHEN three IDCs connect to it
    for (const n of [1, 2, 3]) {
      new SiteToSiteVpn(app, `Vpn${n}`, {
        vpnGateway: gateway,
        site: { cidrs: [`192.168.${n}.0/24`] },
        device: `203.0.113.${n}`,
        preSharedKey: SecretValue.fromEnv(`HL_TEST_PSK_${n}`),
      });
    }
    // THEN one gateway, three SPD connections, and the scenario-6 matrix
    const { manifest, errors } = synth(app);
    expect(errors).toEqual([]);
    expect(countByType(manifest)).toMatchObject({ VpnGateway: 1, VpnConnection: 3, Route: 3 });
    expect(verdictGrid(modelFromManifest(manifest), ["Vpc", "Vpn1/Idc", "Vpn2/Idc", "Vpn3/Idc"])).toEqual([
      ["-", ".", ".", "."],
      [".", "-", "NO_TUNNEL", "NO_TUNNEL"],
      [".", "NO_TUNNEL", "-", "NO_TUNNEL"],
      [".", "NO_TUNNEL", "NO_TUNNEL", "-"],
    ]);
  });

  test("declareIntents declares VPC ↔ IDC reachable, on the construct's path", () => {
    const app = newApp();
    new SiteToSiteVpn(app, "Vpn", {
      vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
      site: { cidrs: ["192.168.0.0/16"] },
      device: "203.0.113.10",
      preSharedKey: PSK,
      declareIntents: true,
    });
    const { manifest, errors } = synth(app);
    expect(manifest.intents).toEqual([{ kind: "reachable", from: "Vpn/Vpc", to: "Vpn/Idc", underSingleFailure: false, path: "Vpn" }]);
    expect(errors).toEqual([]);
  });

  test("renders the device's configuration with subnets swapped and the gateway as peer", () => {
    const app = newApp();
    const vpn = new SiteToSiteVpn(app, "Vpn", {
      vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
      site: { cidrs: ["192.168.0.0/16"] },
      device: "203.0.113.10",
      preSharedKey: PSK,
    });
    expect(vpn.deviceConfigurations).toEqual([{ device: vpn.device, connection: vpn.connection }]);
    expect(vpn.renderDeviceConfiguration()).toMatchObject({
      name: "Vpn-Connection",
      routeType: "SPD",
      local: { name: "Vpn-Idc-Device", address: "203.0.113.10", subnets: ["192.168.0.0/16"] },
      remote: { name: "Vpn-VpnGateway", address: { ref: "Vpn/VpnGateway", attr: "publicIp" }, subnets: ["10.0.0.0/16"] },
      selectors: [{ localSubnets: ["192.168.0.0/16"], remoteSubnets: ["10.0.0.0/16"] }],
      routes: [],
      healthCheck: { cloudIp: "10.0.255.254", idcIp: "192.168.0.1" },
      preSharedKey: { secret: { source: "env", name: "HL_TEST_PSK" } },
    });
    expect(vpn.renderDeviceConfigurations()).toEqual([vpn.renderDeviceConfiguration()]);
  });

  test("isSiteToSiteVpn recognises instances by marker, not by class", () => {
    const app = newApp();
    const vpn = new SiteToSiteVpn(app, "Vpn", {
      vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
      site: { cidrs: ["192.168.0.0/16"] },
      device: "203.0.113.10",
      preSharedKey: PSK,
    });
    expect(SiteToSiteVpn.isSiteToSiteVpn(vpn)).toBe(true);
    expect(SiteToSiteVpn.isSiteToSiteVpn(new Construct(app, "Plain"))).toBe(false);
    expect(SiteToSiteVpn.isSiteToSiteVpn({ [Symbol.for("hybridlink.SiteToSiteVpn")]: true })).toBe(true);
    expect(SiteToSiteVpn.isSiteToSiteVpn(undefined)).toBe(false);
  });

  test("the rules apply to what it creates: a private device address is HL-VPN-002 on the device", () => {
    const app = newApp();
    new SiteToSiteVpn(app, "Vpn", {
      vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
      site: { cidrs: ["192.168.0.0/16"] },
      device: "172.16.0.1",
      preSharedKey: PSK,
    });
    expect(synth(app).errors.map((f) => [f.path, f.ruleId])).toEqual([["Vpn/Idc/Device", "HL-VPN-002"]]);
  });

  describe("fails when", () => {
    test("neither a VPC nor a gateway is given (HL-PAT-001)", () => {
      refused(PatternErrorCode.CLOUD_SIDE_REQUIRED, (app) =>
        new SiteToSiteVpn(app, "Vpn", { site: { cidrs: ["192.168.0.0/16"] }, device: "203.0.113.10", preSharedKey: PSK }),
      );
    });

    test("the gateway belongs to another VPC (HL-PAT-002)", () => {
      const message = refused(
        PatternErrorCode.GATEWAY_VPC_MISMATCH,
        (app) =>
          new SiteToSiteVpn(app, "Vpn", {
            vpc: app.node.findChild("A") as Vpc,
            vpnGateway: app.node.findChild("Gw") as VpnGateway,
            site: { cidrs: ["192.168.0.0/16"] },
            device: "203.0.113.10",
            preSharedKey: PSK,
          }),
        (app) => {
          new Vpc(app, "A", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
          const b = new Vpc(app, "B", { region: "ap-guangzhou", cidrs: ["10.1.0.0/16"] });
          new VpnGateway(app, "Gw", { vpc: b });
        },
      );
      expect(message).toContain("Vpn: [HL-PAT-002] 'vpc' is 'A' but VPN gateway 'Gw' belongs to 'B'");
    });

    test("the gateway is CCN-type (HL-PAT-003)", () => {
      refused(PatternErrorCode.GATEWAY_TYPE_MISMATCH, (app) =>
        new SiteToSiteVpn(app, "Vpn", {
          vpnGateway: { type: "CCN", region: "ap-guangzhou" },
          site: { cidrs: ["192.168.0.0/16"] },
          device: "203.0.113.10",
          preSharedKey: PSK,
        }),
      );
    });

    test("the device belongs to another site (HL-PAT-004), leaving both sites' devices as they were", () => {
      let idc: IdcSite | undefined;
      let other: IdcSite | undefined;
      refused(
        PatternErrorCode.DEVICE_NOT_IN_SITE,
        (app) =>
          new SiteToSiteVpn(app, "Vpn", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }, site: idc!, device: other!.devices[0], preSharedKey: PSK }),
        (app) => {
          idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
          other = new IdcSite(app, "Other", { cidrs: ["172.20.0.0/16"] });
          other.addDevice("Device", { ipAddress: "203.0.113.20" });
        },
      );
      expect(idc!.devices).toEqual([]);
      expect(other!.devices.map((d) => d.node.path)).toEqual(["Other/Device"]);
    });

    test("the site has two devices and none is chosen (HL-PAT-005)", () => {
      const message = refused(
        PatternErrorCode.DEVICE_AMBIGUOUS,
        (app) => new SiteToSiteVpn(app, "Vpn", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }, site: app.node.findChild("Idc") as IdcSite, preSharedKey: PSK }),
        (app) => {
          const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
          idc.addDevice("Device1", { ipAddress: "203.0.113.1" });
          idc.addDevice("Device2", { ipAddress: "203.0.113.2" });
        },
      );
      expect(message).toContain("has 2 devices (Device1, Device2)");
    });

    test("no site is given and the device is only an address (HL-PAT-006)", () => {
      refused(PatternErrorCode.SITE_REQUIRED, (app) =>
        new SiteToSiteVpn(app, "Vpn", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }, device: "203.0.113.10", preSharedKey: PSK }),
      );
    });

    test("a route table of another VPC is given (HL-PAT-032)", () => {
      refused(
        PatternErrorCode.ROUTE_TABLE_NOT_IN_VPC,
        (app) => {
          const other = app.node.findChild("Other") as Vpc;
          new SiteToSiteVpn(app, "Vpn", {
            vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
            site: { cidrs: ["192.168.0.0/16"] },
            device: "203.0.113.10",
            preSharedKey: PSK,
            routeTables: [other.mainRouteTable],
          });
        },
        (app) => new Vpc(app, "Other", { region: "ap-guangzhou", cidrs: ["10.9.0.0/16"] }),
      );
    });
  });
});
