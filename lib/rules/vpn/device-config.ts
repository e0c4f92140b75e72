import { ManifestResource } from "../../core/manifest";
import { parsedCidrs, propsOf } from "../private/read";
import { spdBlocks } from "../private/spd";
import { Rule, RuleViolation } from "../rule";

/** HL-VPN-025: an IDC device configured differently from its connection will not negotiate. */
export const deviceConfigMatches: Rule = {
  id: "HL-VPN-025",
  title: "The IDC device's configuration mirrors the connection",
  severity: "warning",
  source: "001_31a3006ea02bfdf7.txt (下载配置中的RemotSubnet和LocalSubnet与创建IPsec连接时的本端网段和对端网段正好是相反的)",
  rationale:
    "The device's configuration is the connection's with local and remote subnets swapped and the same IKE version; a device set up otherwise fails phase 1 or 2 and the tunnel stays down.",
  fix: "Load the downloaded configuration on the device (drop the customerDevice overrides), or make them mirror the connection.",
  *check(context) {
    for (const connection of context.index.ofType("VpnConnection")) {
      const p = propsOf(connection);
      const device = p.customerDevice as Record<string, unknown> | undefined;
      if (typeof device !== "object" || device === null) continue;
      const version = (p.ike as Record<string, unknown> | undefined)?.version;
      const problems: RuleViolation[] = [];
      if (typeof device.ikeVersion === "string" && typeof version === "string" && device.ikeVersion.toLowerCase() !== version.toLowerCase()) {
        problems.push({ resource: connection.logicalId, property: "customerDevice.ikeVersion", message: `The device runs ${device.ikeVersion} but the connection ${version}; IKE will not negotiate: configure the device for ${version}.` });
      }
      // The device's local side is the connection's remote side, and vice versa.
      for (const [deviceSide, connectionSide] of [["localCidrs", "remoteCidrs"], ["remoteCidrs", "localCidrs"]] as const) {
        if (device[deviceSide] === undefined || p.routeType !== "SPD") continue;
        const mine = normalized(parsedCidrs(device[deviceSide]).map((c) => c.network));
        const expected = normalized(spdBlocks(connection as ManifestResource<"VpnConnection">, connectionSide).map((b) => b.cidr.network));
        if (mine.join(",") === expected.join(",")) continue;
        problems.push({
          resource: connection.logicalId,
          property: `customerDevice.${deviceSide}`,
          message: `The device's ${deviceSide} are ${mine.join(", ") || "empty"} but must mirror the connection's ${connectionSide} (${expected.join(", ") || "none"}); phase 2 will not match.`,
        });
      }
      yield* problems;
    }
  },
};

function normalized(list: string[]): string[] {
  return [...new Set(list)].sort();
}
