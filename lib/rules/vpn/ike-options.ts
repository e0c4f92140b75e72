import { cloudApi } from "../../core/provenance";
import { notAllowed, outOfRange } from "../private/vocabulary";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-010: IKE (phase 1) options come from the cloud's lists and ranges. */
export const ikeOptions: Rule = {
  id: "HL-VPN-010",
  title: "IKE options are from the cloud's lists",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpnConnection: IKEOptionsSpecification (IKEVersion, ExchangeMode, PropoEncryAlgorithm, PropoAuthenAlgorithm, DhGroupName, IKESaLifetimeSeconds); Alibaba Cloud CreateVpnConnection: IkeConfig", "each cloud's IKE versions, modes, algorithms, DH groups and lifetime range"),
  rationale: "The gateway only negotiates the IKE versions, exchange modes, algorithms, DH groups and SA lifetimes it implements; anything else is refused by the API (and each cloud spells them its own way).",
  fix: "Use a value from the list in the message, in the cloud's spelling, or leave the option unset for the profile's default.",
  *check(context) {
    const v = context.profile.ipsec;
    for (const connection of context.index.ofType("VpnConnection")) {
      const ike = propsOf(connection).ike as Record<string, unknown> | undefined;
      if (typeof ike !== "object" || ike === null) continue;
      const problems: Array<[string, string | undefined]> = [
        ["ike.version", notAllowed("ike.version", ike.version, v.ikeVersions)],
        // IKEv1 only; absent on IKEv2 (the constructs drop it there).
        ["ike.exchangeMode", ike.exchangeMode === undefined ? undefined : notAllowed("ike.exchangeMode", ike.exchangeMode, v.ikeExchangeModes)],
        ["ike.encryption", notAllowed("ike.encryption", ike.encryption, v.ikeEncryption)],
        ["ike.integrity", notAllowed("ike.integrity", ike.integrity, v.ikeIntegrity)],
        ["ike.dhGroup", notAllowed("ike.dhGroup", ike.dhGroup, v.ikeDhGroups)],
        ["ike.lifetimeSeconds", outOfRange("ike.lifetimeSeconds", ike.lifetimeSeconds, v.ikeLifetimeSeconds, "seconds")],
      ];
      for (const [property, message] of problems) {
        if (message) yield { resource: connection.logicalId, property, message: `${message} (${context.profile.displayName} IKE phase 1)` };
      }
    }
  },
};
