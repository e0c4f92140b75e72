import { Construct } from "constructs";
import {
  Ccn,
  DirectConnectGateway,
  HubSpokeVpn,
  IdcSite,
  modelFromManifest,
  NetworkApp,
  PatternErrorCode,
  SecretValue,
  Vpc,
  VpnRouting,
} from "../../lib";
import { countByType, newApp, ofType, propsOf, refused, synth, verdictGrid } from "./helpers";

const psk = (n: number): SecretValue => SecretValue.fromEnv(`HL_TEST_PSK_${n}`);

/** Adds IDC-1..n as `{ cidrs }` spokes 192.168.n.0/24 with devices 203.0.113.n. */
function addSpokes(hub: HubSpokeVpn, n: number): void {
  for (let i = 1; i <= n; i++) {
    hub.addSpoke(`Idc${i}`, { site: { cidrs: [`192.168.${i}.0/24`] }, device: `203.0.113.${i}`, preSharedKey: psk(i) });
  }
}

/** The HL-CORE-003 findings of an app: [path, message]. */
function topologyFindings(app: NetworkApp): Array<[string, string]> {
  return synth(app)
    .errors.filter((f) => f.ruleId === "HL-CORE-003")
    .map((f) => [f.path, f.message]);
}

describe("HubSpokeVpn", () => {
  describe("scenario 2: VPC-type hub with a route table", () => {
    test("each spoke gets a route-based connection and a gateway route published to the VPC; every pair is reachable", () => {
      // GIVEN
      const app = newApp();
      app.acknowledge("HL-VPN-015", "route tables enabled for the test account");
      // WHEN
      const hub = new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], subnets: ["10.0.1.0/24"] } });
      addSpokes(hub, 3);
      // THEN
      const { manifest, errors } = synth(app);
      expect(errors).toEqual([]);
      expect(countByType(manifest)).toEqual({
        Vpc: 1,
        RouteTable: 1,
        Subnet: 1,
        VpnGateway: 1,
        IdcSite: 3,
        CustomerGateway: 3,
        VpnConnection: 3,
        VpnGatewayRoute: 3,
      });
      expect(propsOf(manifest, "Hub/Idc2/Connection", "VpnConnection")).toMatchObject({
        routeType: "ROUTE",
        spdPolicies: [],
        customerGateway: { ref: "Hub/Idc2/Site/Device", attr: "id" },
        healthCheck: { enabled: true, localIp: "10.0.255.254", remoteIp: "192.168.2.1" },
      });
      expect(propsOf(manifest, "Hub/Idc2/GatewayRoute-0", "VpnGatewayRoute")).toEqual({
        vpnGateway: { ref: "Hub/VpnGateway", attr: "id" },
        destinationCidr: "192.168.2.0/24",
        nextHop: { ref: "Hub/Idc2/Connection", attr: "id" },
        priority: 0,
        publishToVpc: true,
        enabled: true,
      });
      expect(verdictGrid(modelFromManifest(manifest), ["Hub/Vpc", "Hub/Idc1/Site", "Hub/Idc2/Site", "Hub/Idc3/Site"])).toEqual([
        ["-", ".", ".", "."],
        [".", "-", ".", "."],
        [".", ".", "-", "."],
        [".", ".", ".", "-"],
      ]);
      expect(hub.spokes.map((s) => s.site.node.path)).toEqual(["Hub/Idc1/Site", "Hub/Idc2/Site", "Hub/Idc3/Site"]);
      expect(hub.spokes[0].vpcRoutes).toEqual([]);
    });

    test("a spoke's device routes the VPC and the other spokes into its tunnel", () => {
      const app = newApp();
      const hub = new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] } });
      addSpokes(hub, 3);
      const config = hub.renderDeviceConfiguration(hub.spokes[0].device);
      expect(config).toMatchObject({
        routeType: "ROUTE",
        local: { address: "203.0.113.1", subnets: ["192.168.1.0/24"] },
        remote: { subnets: ["10.0.0.0/16", "192.168.2.0/24", "192.168.3.0/24"] },
        selectors: [{ localSubnets: ["0.0.0.0/0"], remoteSubnets: ["0.0.0.0/0"] }],
        routes: ["10.0.0.0/16", "192.168.2.0/24", "192.168.3.0/24"],
      });
      expect(hub.renderDeviceConfigurations()).toHaveLength(3);
      expect(hub.deviceConfigurations.map((t) => t.connection.node.path)).toEqual(["Hub/Idc1/Connection", "Hub/Idc2/Connection", "Hub/Idc3/Connection"]);
    });

    test("declareIntents declares every pair of the VPC and the IDCs reachable", () => {
      const app = newApp();
      const hub = new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }, declareIntents: true });
      addSpokes(hub, 3);
      const { manifest, errors } = synth(app);
      expect(manifest.intents.map((i) => [i.kind, i.from, i.to])).toEqual([
        ["reachable", "Hub/Vpc", "Hub/Idc1/Site"],
        ["reachable", "Hub/Vpc", "Hub/Idc2/Site"],
        ["reachable", "Hub/Idc1/Site", "Hub/Idc2/Site"],
        ["reachable", "Hub/Vpc", "Hub/Idc3/Site"],
        ["reachable", "Hub/Idc1/Site", "Hub/Idc3/Site"],
        ["reachable", "Hub/Idc2/Site", "Hub/Idc3/Site"],
      ]);
      expect(errors.filter((f) => f.ruleId.startsWith("HL-INTENT"))).toEqual([]);
    });
  });

  describe("scenario 3: CCN-type hub attached to no CCN", () => {
    test("the IDCs reach each other; no route is published and no health check is on by default", () => {
      const app = newApp();
      const hub = new HubSpokeVpn(app, "Hub", { vpnGateway: { type: "CCN", region: "ap-guangzhou" } });
      addSpokes(hub, 3);
      const { manifest, errors } = synth(app);
      expect(errors).toEqual([]);
      expect(propsOf(manifest, "Hub/VpnGateway", "VpnGateway")).toMatchObject({ type: "CCN", region: "ap-guangzhou" });
      expect(propsOf(manifest, "Hub/VpnGateway", "VpnGateway").vpc).toBeUndefined();
      expect(ofType(manifest, "VpnGatewayRoute").map((r) => r.props.publishToVpc)).toEqual([false, false, false]);
      expect(ofType(manifest, "VpnConnection").map((r) => r.props.healthCheck)).toEqual([undefined, undefined, undefined]);
      expect(countByType(manifest)).not.toHaveProperty("Ccn");
      expect(verdictGrid(modelFromManifest(manifest), ["Hub/Idc1/Site", "Hub/Idc2/Site", "Hub/Idc3/Site"])).toEqual([
        ["-", ".", "."],
        [".", "-", "."],
        [".", ".", "-"],
      ]);
    });

    test("a health check with an explicit source is honoured", () => {
      const app = newApp();
      const hub = new HubSpokeVpn(app, "Hub", {
        vpnGateway: { type: "CCN", region: "ap-guangzhou" },
        healthCheck: { localIp: "169.254.128.1" },
      });
      addSpokes(hub, 2);
      expect(hub.spokes.map((s) => s.connection.healthCheck)).toEqual([
        { enabled: true, localIp: "169.254.128.1", remoteIp: "192.168.1.1", intervalMs: 2000, retries: 3 },
        { enabled: true, localIp: "169.254.128.1", remoteIp: "192.168.2.1", intervalMs: 2000, retries: 3 },
      ]);
    });
  });

  describe("scenario 4: CCN-type hub on a CCN with VPCs in two regions and a direct-connect network", () => {
    function build(app: NetworkApp, attachFirst = false): HubSpokeVpn {
      const gz = new Vpc(app, "VpcGz", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
      const sh = new Vpc(app, "VpcSh", { region: "ap-shanghai", cidrs: ["10.1.0.0/16"] });
      const dc = new DirectConnectGateway(app, "Dc", { region: "ap-guangzhou", onPremPrefixes: ["172.16.0.0/16"] });
      const ccn = new Ccn(app, "Ccn");
      if (attachFirst) ccn.attach("VpcGzAttachment", gz);
      const hub = new HubSpokeVpn(app, "Hub", {
        vpnGateway: { type: "CCN", region: "ap-guangzhou" },
        ccn: { ccn, vpcs: [gz, sh], directConnectGateways: [dc] },
        declareIntents: true,
      });
      addSpokes(hub, 3);
      return hub;
    }

    test("attaches the gateway and every network, and everything reaches everything", () => {
      const app = newApp();
      app.acknowledge("HL-VPN-015", "route tables enabled for the test account");
      const hub = build(app);
      const { manifest, errors } = synth(app);
      expect(errors).toEqual([]);
      expect(ofType(manifest, "CcnAttachment").map((r) => [r.logicalId, r.props.instanceType, r.props.instance.ref, r.props.region])).toEqual([
        ["Hub/CcnAttachments/Dc", "DIRECT_CONNECT_GATEWAY", "Dc", "ap-guangzhou"],
        ["Hub/CcnAttachments/VpcGz", "VPC", "VpcGz", "ap-guangzhou"],
        ["Hub/CcnAttachments/VpcSh", "VPC", "VpcSh", "ap-shanghai"],
        ["Hub/CcnAttachments/VpnGateway", "VPN_GATEWAY", "Hub/VpnGateway", "ap-guangzhou"],
      ]);
      expect(hub.ccn?.node.path).toBe("Ccn");
      expect(hub.cloudCidrs).toEqual(["10.0.0.0/16", "10.1.0.0/16", "172.16.0.0/16"]);
      // CCN-learned routes only: the pattern adds no VPC route.
      expect(countByType(manifest).Route).toBeUndefined();
      const endpoints = ["Hub/Idc1/Site", "Hub/Idc2/Site", "Hub/Idc3/Site", "VpcGz", "VpcSh", "Dc"];
      expect(verdictGrid(modelFromManifest(manifest), endpoints).flat().filter((c) => c !== "-" && c !== ".")).toEqual([]);
      expect(manifest.intents).toHaveLength(3 * 3 + 3);
    });

    test("a network already attached to the CCN is not attached twice", () => {
      const app = newApp();
      build(app, true);
      const { manifest, errors } = synth(app);
      expect(ofType(manifest, "CcnAttachment").map((r) => r.logicalId)).toEqual([
        "Ccn/VpcGzAttachment",
        "Hub/CcnAttachments/Dc",
        "Hub/CcnAttachments/VpcSh",
        "Hub/CcnAttachments/VpnGateway",
      ]);
      expect(errors.filter((f) => f.ruleId === "HL-CCN-004")).toEqual([]);
    });

    test("without a given CCN one is created as a child", () => {
      const app = newApp();
      const vpc = new Vpc(app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
      const hub = new HubSpokeVpn(app, "Hub", { vpnGateway: { type: "CCN", region: "ap-guangzhou" }, ccn: { vpcs: [vpc] } });
      expect(hub.ccn?.node.path).toBe("Hub/Ccn");
      expect(hub.ccnAttachments.map((a) => a.node.path)).toEqual(["Hub/CcnAttachments/VpnGateway", "Hub/CcnAttachments/Vpc"]);
    });
  });

  describe("scenario 6: SPD hub without transit", () => {
    test("SPD connections with policies VPC → IDC and VPC routes; the IDCs cannot reach each other", () => {
      const app = newApp();
      const hub = new HubSpokeVpn(app, "Hub", {
        vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
        idcTransit: false,
        declareIntents: true,
      });
      addSpokes(hub, 3);
      expect(hub.routing).toBe(VpnRouting.SPD);
      const { manifest, errors } = synth(app);
      expect(errors).toEqual([]);
      expect(countByType(manifest)).toMatchObject({ VpnConnection: 3, Route: 3 });
      expect(countByType(manifest).VpnGatewayRoute).toBeUndefined();
      expect(propsOf(manifest, "Hub/Idc1/Connection", "VpnConnection")).toMatchObject({
        routeType: "SPD",
        spdPolicies: [{ localCidrs: ["10.0.0.0/16"], remoteCidrs: ["192.168.1.0/24"] }],
      });
      expect(propsOf(manifest, "Hub/Idc1/VpcRoutes/MainRouteTableToIdc-0", "Route")).toMatchObject({
        destinationCidr: "192.168.1.0/24",
        nextHopType: "VPN_GATEWAY",
        nextHop: { ref: "Hub/VpnGateway", attr: "id" },
      });
      expect(verdictGrid(modelFromManifest(manifest), ["Hub/Vpc", "Hub/Idc1/Site", "Hub/Idc2/Site"])).toEqual([
        ["-", ".", "."],
        [".", "-", "NO_TUNNEL"],
        [".", "NO_TUNNEL", "-"],
      ]);
      expect(manifest.intents.filter((i) => i.kind === "isolated")).toHaveLength(6);
      expect(hub.renderDeviceConfiguration(hub.spokes[0].device)).toMatchObject({
        routeType: "SPD",
        selectors: [{ localSubnets: ["192.168.1.0/24"], remoteSubnets: ["10.0.0.0/16"] }],
        routes: [],
      });
    });
  });

  test("existing IDC sites and devices can be spokes", () => {
    const app = newApp();
    const hub = new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] } });
    const idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
    const device = idc.addDevice("Device", { ipAddress: "203.0.113.9" });
    const spoke = hub.addSpoke("Idc", { device, preSharedKey: psk(9) });
    expect(spoke.site).toBe(idc);
    expect(spoke.device).toBe(device);
    expect(spoke.scope.node.path).toBe("Hub/Idc");
  });

  test("isHubSpokeVpn recognises instances by marker", () => {
    const app = newApp();
    expect(HubSpokeVpn.isHubSpokeVpn(new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] } }))).toBe(true);
    expect(HubSpokeVpn.isHubSpokeVpn(new Construct(app, "Plain"))).toBe(false);
  });

  describe("fails when", () => {
    test("IDC↔IDC transit is asked of SPD connections (HL-PAT-010, a synth error)", () => {
      const app = newApp();
      const hub = new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }, routing: VpnRouting.SPD });
      addSpokes(hub, 2);
      const findings = topologyFindings(app);
      expect(findings).toHaveLength(1);
      expect(findings[0][0]).toBe("Hub");
      expect(findings[0][1]).toMatch(/^\[HL-PAT-010\] idcTransit is true but routing is SPD: .*Use routing VpnRouting\.ROUTE_TABLE/);
      expect(() => app.synth()).toThrow(/\[Hub\] \[HL-CORE-003\] \[HL-PAT-010\]/);
    });

    test("isolation is asked of a route table (HL-PAT-011, a synth error)", () => {
      const app = newApp();
      const hub = new HubSpokeVpn(app, "Hub", {
        vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] },
        idcTransit: false,
        routing: VpnRouting.ROUTE_TABLE,
      });
      addSpokes(hub, 2);
      expect(topologyFindings(app).map(([p, m]) => [p, m.slice(0, 12)])).toEqual([["Hub", "[HL-PAT-011]"]]);
    });

    test("the hub has no spoke, or an unattached CCN-type hub has one (HL-PAT-012)", () => {
      const app = newApp();
      new HubSpokeVpn(app, "Empty", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] } });
      const lonely = new HubSpokeVpn(app, "Lonely", { vpnGateway: { type: "CCN", region: "ap-guangzhou" } });
      addSpokes(lonely, 1);
      expect(topologyFindings(app).map(([p, m]) => [p, m.slice(0, 12)])).toEqual([
        ["Empty", "[HL-PAT-012]"],
        ["Lonely", "[HL-PAT-012]"],
      ]);
    });

    test("two spokes' networks overlap (HL-PAT-013, naming both)", () => {
      const app = newApp();
      const hub = new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] } });
      hub.addSpoke("Big", { site: { cidrs: ["192.168.0.0/16"] }, device: "203.0.113.1", preSharedKey: psk(1) });
      hub.addSpoke("Small", { site: { cidrs: ["192.168.5.0/24"] }, device: "203.0.113.2", preSharedKey: psk(2) });
      expect(topologyFindings(app)).toEqual([
        [
          "Hub",
          "[HL-PAT-013] spoke 'Big' (192.168.0.0/16) and spoke 'Small' (192.168.5.0/24) overlap, so transit between them has no single destination; give each IDC distinct networks",
        ],
      ]);
    });

    test("the same IDC is added twice (HL-PAT-014), leaving the hub as it was", () => {
      let hub: HubSpokeVpn | undefined;
      let idc: IdcSite | undefined;
      refused(
        PatternErrorCode.DUPLICATE_SPOKE,
        () => hub!.addSpoke("Again", { site: idc!, preSharedKey: psk(2) }),
        (app) => {
          hub = new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] } });
          idc = new IdcSite(app, "Idc", { cidrs: ["192.168.0.0/16"] });
          idc.addDevice("Device", { ipAddress: "203.0.113.1" });
          hub.addSpoke("Idc", { site: idc, preSharedKey: psk(1) });
        },
      );
      expect(hub!.spokes).toHaveLength(1);
    });

    test("a spoke's device belongs to another site: the half-built spoke is removed (HL-PAT-004)", () => {
      let hub: HubSpokeVpn | undefined;
      let stranger: IdcSite | undefined;
      refused(
        PatternErrorCode.DEVICE_NOT_IN_SITE,
        () => hub!.addSpoke("Idc2", { site: { cidrs: ["192.168.2.0/24"] }, device: stranger!.devices[0], preSharedKey: psk(2) }),
        (app) => {
          hub = new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] } });
          stranger = new IdcSite(app, "Stranger", { cidrs: ["172.20.0.0/16"] });
          stranger.addDevice("Device", { ipAddress: "203.0.113.7" });
        },
      );
      expect(hub!.spokes).toEqual([]);
      expect(hub!.deviceConfigurations).toEqual([]);
    });

    test("a CCN is given to a VPC-type hub (HL-PAT-003)", () => {
      refused(PatternErrorCode.GATEWAY_TYPE_MISMATCH, (app) => new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }, vpnGateway: { type: "VPC" }, ccn: {} }));
    });

    test("a VPC is given to a CCN-type hub (HL-PAT-003)", () => {
      refused(
        PatternErrorCode.GATEWAY_TYPE_MISMATCH,
        (app) => new HubSpokeVpn(app, "Hub", { vpc: { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }, vpnGateway: { type: "CCN", region: "ap-guangzhou" } }),
      );
    });

    test("an SPD hub is CCN-type (HL-PAT-003)", () => {
      const message = refused(
        PatternErrorCode.GATEWAY_TYPE_MISMATCH,
        (app) => new HubSpokeVpn(app, "Hub", { vpnGateway: { type: "CCN", region: "ap-guangzhou" }, idcTransit: false }),
      );
      expect(message).toContain("an SPD hub needs a VPC-type gateway");
    });

    test("a CCN-type hub has no region (HL-PAT-007)", () => {
      refused(PatternErrorCode.REGION_REQUIRED, (app) => new HubSpokeVpn(app, "Hub", { vpnGateway: { type: "CCN" } }));
    });

    test("there is no cloud side at all (HL-PAT-001)", () => {
      refused(PatternErrorCode.CLOUD_SIDE_REQUIRED, (app) => new HubSpokeVpn(app, "Hub"));
    });

    test("a health check is asked of an unattached CCN hub without a source (HL-PAT-022)", () => {
      let hub: HubSpokeVpn | undefined;
      refused(
        PatternErrorCode.HEALTH_CHECK_SOURCE_REQUIRED,
        () => hub!.addSpoke("Idc1", { site: { cidrs: ["192.168.1.0/24"] }, device: "203.0.113.1", preSharedKey: psk(1), healthCheck: { retries: 5 } }),
        (app) => {
          hub = new HubSpokeVpn(app, "Hub", { vpnGateway: { type: "CCN", region: "ap-guangzhou" } });
        },
      );
    });
  });
});
