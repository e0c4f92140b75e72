import { Construct } from "constructs";
import { HaDualCustomerGateway, IdcSite, PatternErrorCode, SecretValue, Vpc, VpnGateway } from "../../lib";
import { countByType, newApp, ofType, propsOf, refused, synth } from "./helpers";

const PSK1 = SecretValue.fromEnv("HL_TEST_PSK_CGW1");
const PSK2 = SecretValue.fromEnv("HL_TEST_PSK_CGW2");

function seed001(app = newApp("alibaba"), publishToVpc?: boolean): HaDualCustomerGateway {
  const vpc = new Vpc(app, "Vpc", { region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] });
  vpc.addSubnet("VSwitch", { cidr: "10.0.1.0/24" });
  const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
  return new HaDualCustomerGateway(app, "Ha", {
    vpc,
    site: idc,
    primary: { device: "198.51.100.1", preSharedKey: PSK1 },
    standby: { device: "198.51.100.2", preSharedKey: PSK2 },
    ...(publishToVpc !== undefined ? { publishToVpc } : {}),
  });
}

describe("HaDualCustomerGateway (seed 001)", () => {
  test("one gateway, two customer gateways, two health-checked IPsec connections, routes weight 100/0 published to the VPC", () => {
    // GIVEN / WHEN
    const app = newApp("alibaba");
    const ha = seed001(app);
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
    expect(ofType(manifest, "CustomerGateway").map((r) => [r.logicalId, r.props.ipAddress, r.props.site?.ref])).toEqual([
      ["Ha/CustomerGateway1", "198.51.100.1", "Idc"],
      ["Ha/CustomerGateway2", "198.51.100.2", "Idc"],
    ]);
    for (const [id, cgw, key] of [
      ["Ha/IpsecConnection1", "Ha/CustomerGateway1", "HL_TEST_PSK_CGW1"],
      ["Ha/IpsecConnection2", "Ha/CustomerGateway2", "HL_TEST_PSK_CGW2"],
    ]) {
      expect(propsOf(manifest, id, "VpnConnection")).toMatchObject({
        vpnGateway: { ref: "Ha/VpnGateway", attr: "id" },
        customerGateway: { ref: cgw, attr: "id" },
        vpc: { ref: "Vpc", attr: "id" },
        preSharedKey: { secret: { source: "env", name: key } },
        routeType: "ROUTE",
        spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.0.0/16"] }],
        ike: { version: "ikev2" },
        // alibaba: interval 3 s, 3 retries by default
        healthCheck: { enabled: true, localIp: "10.0.255.254", remoteIp: "192.168.0.1", intervalMs: 3000, retries: 3 },
      });
    }
    expect(ofType(manifest, "VpnGatewayRoute").map((r) => [r.logicalId, r.props.destinationCidr, r.props.nextHop.ref, r.props.weight, r.props.publishToVpc])).toEqual([
      ["Ha/DestinationRoute1-0", "192.168.0.0/16", "Ha/IpsecConnection1", 100, true],
      ["Ha/DestinationRoute2-0", "192.168.0.0/16", "Ha/IpsecConnection2", 0, true],
    ]);
    expect(ha.primaryRoutes.map((r) => r.weight)).toEqual([100]);
    expect(ha.standbyRoutes.map((r) => r.weight)).toEqual([0]);
  });

  test("publishing to the VPC can be turned off (发布到VPC: 否)", () => {
    const app = newApp("alibaba");
    seed001(app, false);
    expect(ofType(synth(app).manifest, "VpnGatewayRoute").map((r) => r.props.publishToVpc)).toEqual([false, false]);
  });

  test("the configuration download swaps local and remote subnets (step 4)", () => {
    const ha = seed001();
    expect(ha.renderDeviceConfiguration(ha.customerGateway1)).toMatchObject({
      name: "Ha-IpsecConnection1",
      role: "active",
      local: { name: "Ha-CustomerGateway1", address: "198.51.100.1", subnets: ["192.168.0.0/16"] },
      remote: { name: "Ha-VpnGateway", address: { ref: "Ha/VpnGateway", attr: "publicIp" }, subnets: ["10.0.0.0/16"] },
      selectors: [{ localSubnets: ["192.168.0.0/16"], remoteSubnets: ["10.0.0.0/16"] }],
      healthCheck: { cloudIp: "10.0.255.254", idcIp: "192.168.0.1", intervalMs: 3000, retries: 3 },
    });
    expect(ha.renderDeviceConfigurations().map((c) => [c.local.address, c.role])).toEqual([
      ["198.51.100.1", "active"],
      ["198.51.100.2", "standby"],
    ]);
    // Only the key's source: the value is read at deploy time.
    expect(ha.renderDeviceConfiguration(ha.customerGateway2).preSharedKey).toEqual({ secret: { source: "env", name: "HL_TEST_PSK_CGW2" } });
  });

  test("declareIntents declares VPC ↔ IDC under any single failure, and it holds", () => {
    const app = newApp("alibaba");
    const vpc = new Vpc(app, "Vpc", { region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] });
    new HaDualCustomerGateway(app, "Ha", {
      vpc,
      site: { cidrs: ["192.168.0.0/16"] },
      primary: { device: "198.51.100.1", preSharedKey: PSK1 },
      standby: { device: "198.51.100.2", preSharedKey: PSK2 },
      declareIntents: true,
    });
    const { manifest, errors } = synth(app);
    expect(manifest.intents).toEqual([{ kind: "reachable", from: "Vpc", to: "Ha/Idc", underSingleFailure: true, path: "Ha" }]);
    expect(errors).toEqual([]);
  });

  test("an existing gateway and site with two registered devices can be used", () => {
    const app = newApp("alibaba");
    const vpc = new Vpc(app, "Vpc", { region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] });
    const gateway = new VpnGateway(app, "Gateway", { vpc });
    const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    const cgw1 = idc.addDevice("Cgw1", { ipAddress: "198.51.100.1" });
    const cgw2 = idc.addDevice("Cgw2", { ipAddress: "198.51.100.2" });
    const ha = new HaDualCustomerGateway(app, "Ha", {
      vpnGateway: gateway,
      primary: { device: cgw1, preSharedKey: PSK1 },
      standby: { device: cgw2, preSharedKey: PSK2 },
    });
    expect([ha.vpc, ha.vpnGateway, ha.site, ha.customerGateway1, ha.customerGateway2]).toEqual([vpc, gateway, idc, cgw1, cgw2]);
    expect(synth(app).errors).toEqual([]);
  });

  test("isHaDualCustomerGateway recognises instances by marker", () => {
    const app = newApp("alibaba");
    expect(HaDualCustomerGateway.isHaDualCustomerGateway(seed001(app))).toBe(true);
    expect(HaDualCustomerGateway.isHaDualCustomerGateway(new Construct(app, "Plain"))).toBe(false);
  });

  describe("fails when", () => {
    test("the gateway is CCN-type (HL-PAT-003)", () => {
      refused(
        PatternErrorCode.GATEWAY_TYPE_MISMATCH,
        (app) =>
          new HaDualCustomerGateway(app, "Ha", {
            vpnGateway: { type: "CCN", region: "ap-guangzhou" },
            site: { cidrs: ["192.168.0.0/16"] },
            primary: { device: "198.51.100.1", preSharedKey: PSK1 },
            standby: { device: "198.51.100.2", preSharedKey: PSK2 },
          }),
      );
    });

    test("both customer gateways are one address (HL-PAT-020)", () => {
      refused(
        PatternErrorCode.SAME_DEVICE_TWICE,
        (app) =>
          new HaDualCustomerGateway(app, "Ha", {
            vpc: { region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] },
            site: { cidrs: ["192.168.0.0/16"] },
            primary: { device: "198.51.100.1", preSharedKey: PSK1 },
            standby: { device: "198.51.100.1", preSharedKey: PSK2 },
          }),
        undefined,
        "alibaba",
      );
    });

    test("a connection's health check is switched off (HL-PAT-021)", () => {
      refused(
        PatternErrorCode.HEALTH_CHECK_REQUIRED,
        (app) =>
          new HaDualCustomerGateway(app, "Ha", {
            vpc: { region: "cn-hangzhou", cidrs: ["10.0.0.0/16"] },
            site: { cidrs: ["192.168.0.0/16"] },
            primary: { device: "198.51.100.1", preSharedKey: PSK1 },
            standby: { device: "198.51.100.2", preSharedKey: PSK2, healthCheck: { enabled: false } },
          }),
        undefined,
        "alibaba",
      );
    });
  });
});
