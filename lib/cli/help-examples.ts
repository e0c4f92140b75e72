import { Command } from "commander";

/**
 * An example per command for `--help`, in the user's words (scenario names
 * and the examples' folders, not document numbers). Commands that carry their
 * own examples (ls, describe, stack, state) are not listed here.
 */
const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  synth: ["hybridlink synth examples/ha-dual-customer-gateway --out ha.manifest.json", "hybridlink synth examples/s4-ccn-idcs-cloud-networks --json"],
  validate: ["hybridlink validate ha.manifest.json"],
  plan: ["hybridlink plan examples/ha-dual-customer-gateway"],
  up: ["hybridlink up examples/ha-dual-customer-gateway --yes", "hybridlink up examples/p3-cross-account-cross-region --accept-peerings --yes"],
  destroy: ["hybridlink destroy examples/ha-dual-customer-gateway", "hybridlink destroy --stack s1-vpc-idc-spd --yes --no-backup"],
  trace: ["hybridlink trace VPC IDC", "hybridlink trace 10.0.1.5 192.168.0.9 --expect reachable   # exit 1 if not"],
  matrix: ["hybridlink matrix", "hybridlink matrix --stack s4-ccn-idcs-cloud-networks --check-intents"],
  fail: ["hybridlink fail Ha/CustomerGateway1   # the primary IDC device of the dual-gateway example", "hybridlink fail IDC-2"],
  recover: ["hybridlink recover Ha/CustomerGateway1"],
  "clock show": ["hybridlink clock show"],
  "account feature grant": ["hybridlink account feature grant vpn-route-table --account 100000000001 --ticket T-20261204-1   # before deploying the hub-and-spoke examples"],
  "account feature revoke": ["hybridlink account feature revoke vpn-route-table --account 100000000001"],
  "account feature ls": ["hybridlink account feature ls                          # every grant in the store, on every cloud", "hybridlink account feature ls --account 100000000001 --cloud tencent"],
  "clock advance": ["hybridlink clock advance 9s   # past the health check's detection time", "hybridlink clock advance 7d"],
  "peering accept": ["hybridlink peering accept pcx-00000001 --account 200000000002"],
  "peering reject": ["hybridlink peering reject pcx-00000001 --account 200000000002"],
  "peering enable": ["hybridlink peering enable pcx-00000001 --account 200000000002"],
  config: ["hybridlink config Ha/IpsecConnection1", "hybridlink config Ha/IpsecConnection1 --include-pre-shared-key --out idc-device1.conf"],
  graph: ["hybridlink graph --out topology.svg", "hybridlink graph --from VPC --to IDC --out trace.svg   # the trace's path highlighted", "hybridlink graph examples/s4-ccn-idcs-cloud-networks --format mermaid"],
  cost: ["hybridlink cost   # the deployed cross-region peerings' bill", "hybridlink cost --regions ap-guangzhou,ap-beijing --peak-out 30 --peak-in 10"],
  "traffic record": ["hybridlink traffic record pcx-00000001 --out 30 --in 10 --duration 2d"],
  serve: ["hybridlink serve --port 8080"],
  "credentials create": ["hybridlink credentials create --account 100000000001 --cloud tencent"],
};

/** Adds the example block to every command (and subcommand) listed in EXAMPLES. */
export function addHelpExamples(program: Command): void {
  const visit = (command: Command, prefix: string): void => {
    for (const sub of command.commands) {
      const name = prefix ? `${prefix} ${sub.name()}` : sub.name();
      const examples = EXAMPLES[name];
      if (examples) sub.addHelpText("after", `\n${examples.length > 1 ? "Examples" : "Example"}:\n${examples.map((e) => `  $ ${e}`).join("\n")}`);
      visit(sub, name);
    }
  };
  visit(program, "");
}
