/**
 * The bench workload for in-process benches: bench/programs/ring-topology.js
 * (the one definition of the ring, shared with the whole-process programs)
 * built through the library's sources.
 */
import * as hybridlink from "../lib";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildRing = require("./programs/ring-topology.js") as (lib: typeof hybridlink, n: number) => hybridlink.NetworkApp;

/**
 * N VPCs in a ring of peerings routed both ways, N/10 VPN connections with keys from PSK_<j>: 5.5 × N resources.
 *
 * @param lib - the library to build with @default the sources (pass `built("lib")` to time the built package)
 */
export function buildRingApp(n: number, lib: typeof hybridlink = hybridlink): hybridlink.NetworkApp {
  return buildRing(lib, n);
}

/** Sets PSK_0 … PSK_<n/10 - 1>, the keys the ring's connections read. */
export function setRingKeys(n: number, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  for (let j = 0; j < Math.floor(n / 10); j++) env[`PSK_${j}`] = `bench-psk-${j}`;
  return env;
}

/**
 * The failure-analysis workload: one CCN with `vpcs` VPCs (a subnet each)
 * and five CCN-type VPN gateways attached; `idcs` IDC sites spread over the
 * gateways, each with two devices on route-based tunnels with health checks,
 * routed active/standby (seed 000 scenario 5 over scenario 4, at scale).
 */
export function buildCcnIdcApp(idcs = 50, vpcs = 20, lib: typeof hybridlink = hybridlink): hybridlink.NetworkApp {
  const { Ccn, IdcSite, NetworkApp, RoutePreference, SecretValue, Vpc, VpnGateway } = lib;
  const app = new NetworkApp({ profile: "tencent" });
  const ccn = new Ccn(app, "Ccn");
  for (let i = 0; i < vpcs; i++) {
    const vpc = new Vpc(app, `Vpc${i}`, { region: "ap-guangzhou", cidrs: [`10.${i}.0.0/16`] });
    vpc.addSubnet("App", { cidr: `10.${i}.1.0/24` });
    ccn.attach(`AttachVpc${i}`, vpc);
  }
  const gateways = Array.from({ length: 5 }, (_, g) => {
    const gateway = new VpnGateway(app, `Gateway${g}`, { type: "CCN", region: "ap-guangzhou" });
    ccn.attach(`AttachGateway${g}`, gateway);
    return gateway;
  });
  const key = SecretValue.fromEnv("HL_BENCH_PSK");
  for (let j = 0; j < idcs; j++) {
    const gateway = gateways[j % gateways.length];
    const cidr = `172.16.${j}.0/24`;
    const site = new IdcSite(app, `Idc${j}`, { cidrs: [cidr] });
    const tunnels = [1, 2].map((d) =>
      gateway.addConnection(`Idc${j}Tunnel${d}`, {
        customerGateway: site.addDevice(`Device${d}`, { ipAddress: `1.1.${j}.${d}` }),
        preSharedKey: key,
        routeType: "ROUTE",
        healthCheck: { localIp: `10.${j % vpcs}.2.${2 * Math.floor(j / vpcs) + d}`, remoteIp: `172.16.${j}.${250 + d}` },
      }),
    );
    gateway.addRoute(`Idc${j}Active`, { destinationCidr: cidr, connection: tunnels[0], preference: RoutePreference.ACTIVE });
    gateway.addRoute(`Idc${j}Standby`, { destinationCidr: cidr, connection: tunnels[1], preference: RoutePreference.STANDBY });
  }
  return app;
}
