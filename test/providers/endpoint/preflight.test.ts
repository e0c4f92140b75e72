import { CustomerGateway, NetworkApp } from "../../../lib";
import { endpointRefusals } from "../../../providers/endpoint";

/** What each cloud's SDK mapping cannot send is said before anything is created, naming the resource. */
describe("endpoint refusals for seed 001's customer-gateway fields", () => {
  const manifestWith = (profile: "tencent" | "alibaba", description?: string) => {
    const app = new NetworkApp({ profile, defaultAccount: "310000000021" });
    const region = profile === "tencent" ? "ap-nanjing" : "cn-shenzhen";
    new CustomerGateway(app, "Rack9", { ipAddress: "198.51.100.90", region, ...(description !== undefined ? { description } : {}) });
    return app.synthesize({ validate: false }).manifest;
  };

  test("Tencent's CreateCustomerGateway has no description: refused, naming the gateway and what to do", () => {
    const refusals = endpointRefusals(manifestWith("tencent", "cage 4").resources, "tencent");
    expect(refusals).toEqual([expect.stringMatching(/CustomerGateway 'Rack9'.*'description' has no field in Tencent's CreateCustomerGateway.*drop it/)]);
  });

  test("Alibaba carries a description, and Tencent a gateway without one: nothing refused", () => {
    expect(endpointRefusals(manifestWith("alibaba", "cage 4").resources, "alibaba")).toEqual([]);
    expect(endpointRefusals(manifestWith("tencent").resources, "tencent")).toEqual([]);
  });
});
