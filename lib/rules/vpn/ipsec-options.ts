import { cloudApi } from "../../core/provenance";
import { notAllowed, outOfRange } from "../private/vocabulary";
import { propsOf } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-011: IPsec (phase 2) options come from the cloud's lists and ranges. */
export const ipsecOptions: Rule = {
  id: "HL-VPN-011",
  title: "IPsec options are from the cloud's lists",
  severity: "error",
  source: cloudApi("Tencent Cloud", "CreateVpnConnection: IPSECOptionsSpecification (EncryptAlgorithm, IntegrityAlgorith, PfsDhGroup, IPSECSaLifetimeSeconds); Alibaba Cloud CreateVpnConnection: IpsecConfig", "each cloud's IPsec algorithms, PFS groups and lifetime range"),
  rationale: "The gateway only negotiates the IPsec algorithms, PFS groups and SA lifetimes it implements; anything else is refused by the API.",
  fix: "Use a value from the list in the message, in the cloud's spelling, or leave the option unset for the profile's default.",
  *check(context) {
    const v = context.profile.ipsec;
    for (const connection of context.index.ofType("VpnConnection")) {
      const ipsec = propsOf(connection).ipsec as Record<string, unknown> | undefined;
      if (typeof ipsec !== "object" || ipsec === null) continue;
      const problems: Array<[string, string | undefined]> = [
        ["ipsec.encryption", notAllowed("ipsec.encryption", ipsec.encryption, v.ipsecEncryption)],
        ["ipsec.integrity", notAllowed("ipsec.integrity", ipsec.integrity, v.ipsecIntegrity)],
        ["ipsec.pfsDhGroup", notAllowed("ipsec.pfsDhGroup", ipsec.pfsDhGroup, v.ipsecPfsDhGroups)],
        ["ipsec.lifetimeSeconds", outOfRange("ipsec.lifetimeSeconds", ipsec.lifetimeSeconds, v.ipsecLifetimeSeconds, "seconds")],
      ];
      for (const [property, message] of problems) {
        if (message) yield { resource: connection.logicalId, property, message: `${message} (${context.profile.displayName} IPsec phase 2)` };
      }
    }
  },
};
