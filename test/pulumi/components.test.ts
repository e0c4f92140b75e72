import * as fs from "fs";
import * as path from "path";
import { Construct } from "constructs";
import { Ccn, NetworkApp, Vpc, VpcPeering } from "../../lib";
import { planComponents } from "../../lib/pulumi/components";

const EXAMPLES = path.resolve(__dirname, "../../examples");

/** The component of each example: path → type token (parents are the stack in every example). */
const EXPECTED: Record<string, Record<string, string>> = {
  "ha-dual-customer-gateway": { Ha: "hybridlink:vpn:HaDualCustomerGateway" },
  "p1-peering-non-transitive": { Peering12: "hybridlink:peering:VpcPeering", Peering13: "hybridlink:peering:VpcPeering" },
  "p2-peering-one-way": { PeerConn: "hybridlink:peering:VpcPeering" },
  "p3-cross-account-cross-region": { Peering: "hybridlink:peering:CrossRegionPeering" },
  "s1-vpc-idc-spd": { Vpn: "hybridlink:vpn:SiteToSiteVpn" },
  "s2-vpc-gateway-idc-transit": { Hub: "hybridlink:vpn:HubSpokeVpn" },
  "s3-ccn-gateway-idc-transit": { Hub: "hybridlink:vpn:HubSpokeVpn" },
  "s4-ccn-idcs-cloud-networks": { Hub: "hybridlink:vpn:HubSpokeVpn" },
  "s5a-active-standby-tunnels": { Vpn: "hybridlink:vpn:ActiveStandbyVpn" },
  "s5b-active-standby-ccn": { Vpn: "hybridlink:vpn:ActiveStandbyVpn" },
  "s6-vpc-idcs-no-transit": {
    VpnIdc1: "hybridlink:vpn:SiteToSiteVpn",
    VpnIdc2: "hybridlink:vpn:SiteToSiteVpn",
    VpnIdc3: "hybridlink:vpn:SiteToSiteVpn",
  },
};

test("every example folder is covered", () => {
  expect(fs.readdirSync(EXAMPLES).sort()).toEqual(Object.keys(EXPECTED).sort());
});

test.each(Object.keys(EXPECTED))("%s: one component per pattern, typed hybridlink:<area>:<Class>", (folder) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { app } = require(path.join(EXAMPLES, folder, "app.ts")) as { app: NetworkApp };
  const plans = planComponents(app);
  expect(Object.fromEntries(plans.map((p) => [p.construct.node.path, p.typeToken]))).toEqual(EXPECTED[folder]);
  expect(plans.every((p) => p.parentPath === undefined)).toBe(true);
});

class Landing extends Construct {}
class Backbone extends Construct {}

test("constructs of the user's own classes are components too; bare Construct scopes are not; nesting gives the parent", () => {
  const app = new NetworkApp({ profile: "tencent" });
  const landing = new Landing(app, "Landing");
  const group = new Construct(landing, "Group");
  const a = new Vpc(group, "A", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  const b = new Vpc(landing, "B", { region: "ap-guangzhou", cidrs: ["10.1.0.0/16"] });
  new VpcPeering(landing, "AB", { requester: a, accepter: b });
  new Ccn(new Backbone(app, "Backbone"), "Ccn");
  new Landing(app, "Empty");
  const plans = planComponents(app);
  expect(plans.map((p) => [p.construct.node.path, p.typeToken, p.parentPath])).toEqual([
    ["Landing", "hybridlink:peering:Landing", undefined],
    ["Landing/AB", "hybridlink:peering:VpcPeering", "Landing"],
    ["Backbone", "hybridlink:ccn:Backbone", undefined],
  ]);
  const networkOnly = new NetworkApp({ profile: "tencent" });
  new Vpc(new Landing(networkOnly, "Only"), "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
  expect(planComponents(networkOnly).map((p) => p.typeToken)).toEqual(["hybridlink:network:Landing"]);
});
