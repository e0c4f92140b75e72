import { IkeOptions, IpsecOptions } from "../../../lib";

/**
 * The profiles' IKE/IPsec vocabularies (tencent upper-case, alibaba lower-case)
 * in strongSwan proposal keywords. SM4 has no strongSwan keyword.
 */
const ENCRYPTION: Readonly<Record<string, string>> = {
  "3des-cbc": "3des",
  "aes-cbc-128": "aes128",
  "aes-cbc-192": "aes192",
  "aes-cbc-256": "aes256",
  "des-cbc": "des",
  null: "null",
  aes: "aes128",
  aes192: "aes192",
  aes256: "aes256",
  des: "des",
  "3des": "3des",
};

const INTEGRITY: Readonly<Record<string, string>> = {
  md5: "md5",
  sha: "sha1",
  sha1: "sha1",
  "sha-256": "sha256",
  sha256: "sha256",
  sha384: "sha384",
  sha512: "sha512",
};

// RFC 3526/5114 group numbers to strongSwan's names.
const DH_GROUP: Readonly<Record<string, string>> = {
  "1": "modp768",
  "2": "modp1024",
  "5": "modp1536",
  "14": "modp2048",
  "24": "modp2048s256",
};

/** A value strongSwan cannot express. */
export class UnsupportedAlgorithm extends Error {
  constructor(
    public readonly field: string,
    public readonly value: string,
  ) {
    super(`${field} '${value}' has no strongSwan equivalent`);
  }
}

function lookup(table: Readonly<Record<string, string>>, field: string, value: string): string {
  const keyword = table[value.toLowerCase()];
  if (!keyword) throw new UnsupportedAlgorithm(field, value);
  return keyword;
}

function dhGroup(field: string, value: string): string | undefined {
  const v = value.toLowerCase();
  if (v === "null" || v === "disabled") return undefined;
  const n = /(\d+)$/.exec(v)?.[1];
  return lookup(DH_GROUP, field, n ?? v);
}

const PRF: Readonly<Record<string, string>> = {
  md5: "prfmd5",
  sha: "prfsha1",
  sha1: "prfsha1",
  "sha-256": "prfsha256",
  sha256: "prfsha256",
  sha384: "prfsha384",
  sha512: "prfsha512",
};

/**
 * The IKE proposal, e.g. `aes256-sha256-prfsha256-modp2048`. The PRF is
 * written out under IKEv2 (where it is negotiated on its own); IKEv1 derives
 * it from the hash algorithm.
 */
export function ikeProposal(ike: IkeOptions, prf?: string): string {
  const withPrf = prf !== undefined && ikeMajorVersion(ike.version) === 2;
  return [
    lookup(ENCRYPTION, "ike.encryption", ike.encryption),
    lookup(INTEGRITY, "ike.integrity", ike.integrity),
    ...(withPrf ? [lookup(PRF, "ike.prf", prf)] : []),
    dhGroup("ike.dhGroup", ike.dhGroup) ?? lookup({}, "ike.dhGroup", ike.dhGroup),
  ].join("-");
}

/** The ESP proposal, with the PFS group when PFS is on. */
export function espProposal(ipsec: IpsecOptions): string {
  const pfs = dhGroup("ipsec.pfsDhGroup", ipsec.pfsDhGroup);
  return [lookup(ENCRYPTION, "ipsec.encryption", ipsec.encryption), lookup(INTEGRITY, "ipsec.integrity", ipsec.integrity), ...(pfs ? [pfs] : [])].join("-");
}

/** 1 or 2 from a profile's IKE version name (IKEV1, ikev2…). */
export function ikeMajorVersion(version: string): 1 | 2 {
  return version.toLowerCase().endsWith("1") ? 1 : 2;
}
