/**
 * GIVEN the seed-003 P3 example's Pulumi program (cross-account, cross-region peering)
 * WHEN it runs under the mock runtime with the providers executed as the host would
 * THEN each account's resources are created as that account, the peering is PENDING until the
 *      partner accepts (stack output included), and a refresh through the provider sees ACTIVE.
 */
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { enableTypeScriptInHost, hostProcess, hostProviders, ProviderHostMocks, valueOf } from "./host";

const REQUESTER = "100000000001";
const ACCEPTER = "200000000002";
const EXAMPLE = path.resolve(__dirname, "../../examples/p3-cross-account-cross-region");
const mocks = new ProviderHostMocks();

let outputs: { peeringConnections: Record<string, { id: string; state: string }> };
let engine: { request(action: string, params: object, ctx: { account: string }): Record<string, any> };

beforeAll(async () => {
  enableTypeScriptInHost();
  hostProcess.env.HYBRIDLINK_STATE = ":memory:";
  await pulumi.runtime.setMocks(mocks, "hybridlink-p3-cross-account-cross-region", "test", false);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const program = require(path.join(EXAMPLE, "index.ts"));
  outputs = (await valueOf(pulumi.output(program.outputs))) as typeof outputs;
  await pulumi.runtime.disconnect();
  engine = hostProviders().engineFor({ statePath: ":memory:" });
});

afterAll(() => {
  hostProviders().closeEngines();
  delete hostProcess.env.HYBRIDLINK_STATE;
});

test("each side's VPC, table, subnet and route are created as its own account", () => {
  for (const [account, cidr, peerCidr] of [
    [REQUESTER, "10.0.0.0/16", "10.2.0.0/16"],
    [ACCEPTER, "10.2.0.0/16", "10.0.0.0/16"],
  ]) {
    const vpcs = engine.request("DescribeVpcs", {}, { account }).items;
    expect(vpcs.map((v: { cidrs: string[] }) => v.cidrs)).toEqual([[cidr]]);
    const routes = engine.request("DescribeRoutes", {}, { account }).items;
    expect(routes).toEqual([expect.objectContaining({ destinationCidr: peerCidr, nextHopType: "PEERING", nextHop: outputs.peeringConnections["Peering/Connection"].id })]);
  }
});

test("the peering is requested by the requester and PENDING until the partner accepts; the stack output says so", () => {
  const [peering] = engine.request("DescribeVpcPeeringConnections", {}, { account: ACCEPTER }).items;
  expect(peering).toMatchObject({ state: "PENDING", requesterAccount: REQUESTER, accepterAccount: ACCEPTER, bandwidthMbps: 100, crossRegion: true });
  expect(outputs.peeringConnections).toEqual({ "Peering/Connection": { id: peering.id, state: "PENDING" } });
});

test("the CrossRegionPeering is a peering-area component; the route groups inside it are not components", () => {
  expect(mocks.registrations.filter((r) => !r.custom).map((r) => [r.type, r.name])).toEqual([["hybridlink:peering:CrossRegionPeering", "Peering"]]);
});

test("after the partner accepts, a refresh (the provider's read) reports ACTIVE", async () => {
  const id = outputs.peeringConnections["Peering/Connection"].id;
  engine.request("AcceptVpcPeeringConnection", { id }, { account: ACCEPTER });
  const registered = mocks.registrations.find((r) => r.name === "Peering/Connection")!;
  const refreshed = await mocks.providerOf("PeeringConnection").read(id, registered.outputs);
  expect(refreshed).toMatchObject({ id, props: { state: "ACTIVE" } });
});
