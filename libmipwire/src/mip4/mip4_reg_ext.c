/* Registry: extensions to Mobile IP registration (and other UDP 434)
 * messages, 0-255. Header form, total length bounds (type byte included),
 * where allowed and the field layout (offsets from the type byte). Types
 * >= 128 are skippable (RFC 5944 1.9). */
#include "mip4_int.h"

#define SK MW_RF_SKIPPABLE

static const struct mw_field f_pad[] = { H_TYPE };
static const struct mw_field f_auth[] = {
	H_TYPE, H_LEN8,
	F_UX("spi", "SPI", 2, 4),
	F_BY("auth", "Authenticator", 6, 0),
};
static const struct mw_field f_gauth[] = {
	H_TYPE, H_SUB_LONG(MW_REG_MIP4_GAUTH_SUB), H_LEN16,
	F_UX("spi", "SPI", 4, 4),
	F_BY("auth", "Authenticator", 8, 0),
};
static const struct mw_field f_cvse[] = {
	H_TYPE,
	F_UX("reserved", "Reserved", 1, 1),
	H_LEN16,
	F_U("vendor_id", "Vendor/Org ID", 4, 4),
	F_U("vendor_type", "Vendor CVSE Type", 8, 2),
	F_BY("data", "Vendor CVSE Value", 10, 0),
};
static const struct mw_field f_nvse[] = {
	H_TYPE, H_LEN8,
	F_UX("reserved", "Reserved", 2, 2),
	F_U("vendor_id", "Vendor/Org ID", 4, 4),
	F_U("vendor_type", "Vendor NVSE Type", 8, 2),
	F_BY("data", "Vendor NVSE Value", 10, 0),
};
/* RFC 3957 6.1 / 6.3: the Mobile Node SPI precedes every sub-type's data. */
static const struct mw_field f_keygen_req[] = {
	H_TYPE, H_SUB_LONG(MW_REG_MIP4_KEYGEN_SUB), H_LEN16,
	F_UX("spi", "Mobile Node SPI", 4, 4),
	F_BY("data", "Sub-type Data", 8, 0),
};
/* RFC 3957 6.2: all of the body is sub-type data; the fields are those of
 * sub-type 1 (the only one assigned; 7 is "not to be allocated"). */
static const struct mw_field f_keygen_fa_reply[] = {
	H_TYPE, H_SUB_LONG(MW_REG_MIP4_KEYGEN_SUB), H_LEN16,
	F_UU("lifetime", "Lifetime", 4, 4, "s"),
	F_UX("aaa_spi", "AAA SPI", 8, 4),
	F_UX("fa_spi", "FA SPI", 12, 4),
	F_U("alg_id", "Algorithm Identifier", 16, 2),
	F_BY("nonce", "Key Generation Nonce", 18, 0),
};
/* RFC 3957 6.4: Lifetime for every sub-type, then sub-type 1's data. */
static const struct mw_field f_keygen_ha_reply[] = {
	H_TYPE, H_SUB_LONG(MW_REG_MIP4_KEYGEN_SUB), H_LEN16,
	F_UU("lifetime", "Lifetime", 4, 4, "s"),
	F_UX("aaa_spi", "AAA SPI", 8, 4),
	F_UX("ha_spi", "HA SPI", 12, 4),
	F_U("alg_id", "Algorithm Identifier", 16, 2),
	F_UV("replay", "Replay Method", 18, 2, MW_REG_MIP4_REPLAY),
	F_BY("nonce", "Key Generation Nonce", 20, 0),
};
#define LONG_SUB(name, r) \
	static const struct mw_field name[] = { \
		H_TYPE, H_SUB_LONG(r), H_LEN16, F_BY("data", "Data", 4, 0), }
LONG_SUB(f_pmip_ns, MW_REG_MIP4_PMIP_NS_SUB);
LONG_SUB(f_ro_data, MW_REG_MIP4_RO_DATA_SUB);
LONG_SUB(f_mpath, MW_REG_MIP4_MPATH_SUB);
static const struct mw_field f_gre[] = {
	H_TYPE, H_SUB_LONG(MW_REG_MIP4_GRE_SUB), H_LEN16,
	F_UX("key", "Key Identifier", 4, 4),
};
/* RFC 4433 3.4: long form although 139 is in the skippable range. */
static const struct mw_field f_dynha[] = {
	H_TYPE, H_SUB_LONG(MW_REG_MIP4_DYNHA_SUB), H_LEN16,
	F_A4("ha", "Home Agent Address", 4),
};
#define SHORT_SUB(name, r) \
	static const struct mw_field name[] = { \
		H_TYPE, H_LEN8, H_SUB_SHORT(r), F_BY("data", "Data", 3, 0), }
SHORT_SUB(f_glla, MW_REG_MIP4_GLLA_SUB);
SHORT_SUB(f_pmip, MW_REG_MIP4_CONF_SUB);
SHORT_SUB(f_nemo, MW_REG_MIP4_NEMO_SUB);
SHORT_SUB(f_dstack, MW_REG_MIP4_DSTACK_SUB);
SHORT_SUB(f_ro, MW_REG_MIP4_RO_SUB);
SHORT_SUB(f_mrro, MW_REG_MIP4_MRRO_SUB);
static const struct mw_field f_fa_error[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_MIP4_FA_ERROR_SUB),
	F_UV("status", "Status", 3, 1, MW_REG_MIP4_REPLY),
};
static const struct mw_field f_tnc[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_MIP4_TNC_SUB),
	F_UX("reserved", "Reserved", 3, 1),
};
static const struct mw_field f_msgstr[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_MIP4_MSGSTR_SUB),
	F_STR("text", "Text", 3),
};
static const struct mw_field f_nai_carry[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_MIP4_NAI_SUB),
	F_STR("nai", "NAI", 3),
};
static const struct mw_field f_udptun_reply[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_MIP4_UDPTUN_REPLY_SUB),
	F_UV("code", "Reply Code", 3, 1, MW_REG_MIP4_UDPTUN_REPLY),
	F_FL("f", "Forced (F)", 4, 2, 0x8000),
	F_UM("reserved", "Reserved", 4, 2, 0x7fff),
	F_UU("keepalive", "Keepalive Interval", 6, 2, "s"),
};
static const struct mw_field f_udptun_req[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_MIP4_UDPTUN_REQ_SUB),
	F_UX("reserved1", "Reserved 1", 3, 1),
	F_FL("f", "Force (F)", 4, 1, 0x80),
	F_FL("r", "Registration through FA required (R)", 4, 1, 0x40),
	F_UM("reserved2", "Reserved 2", 4, 1, 0x3f),
	F_UV("encap", "Encapsulation", 5, 1, MW_REG_IPPROTO),
	F_UX("reserved3", "Reserved 3", 6, 2),
};
static const struct mw_field f_tlv[] = {
	H_TYPE, H_LEN8,
	F_BY("data", "Data", 2, 0),
};
static const struct mw_field f_empty[] = { H_TYPE, H_LEN8 };
static const struct mw_field f_gfa[] = {
	H_TYPE, H_LEN8,
	F_UX("reserved", "Reserved", 2, 2),
	F_A4("gfa", "GFA IP Address", 4),
};
static const struct mw_field f_hfa[] = {
	H_TYPE, H_LEN8,
	F_UX("reserved", "Reserved", 2, 2),
	F_A4("fa", "FA IP Address", 4),
};
/* RFC 4857 9.3: style 0 = timestamp, 1 = nonce (no IANA registry). */
static const struct mw_field f_replay[] = {
	H_TYPE, H_LEN8,
	F_U("style", "Replay Protection Style", 2, 2),
	F_NTP("init_ident", "Initial Identification", 4),
};
static const struct mw_field f_reglife[] = {
	H_TYPE, H_LEN8,
	F_UX("reserved", "Reserved", 2, 2),
	F_UU("lifetime", "Regional Registration Lifetime", 4, 4, "s"),
};
static const struct mw_field f_nai[] = {
	H_TYPE, H_LEN8,
	F_STR("nai", "MN-NAI", 2),
};
static const struct mw_field f_chal[] = {
	H_TYPE, H_LEN8,
	F_BY("challenge", "Challenge", 2, 0),
};
static const struct mw_field f_revsup[] = {
	H_TYPE, H_LEN8,
	F_UX("flags", "Flags", 2, 2),
	F_FL("i", "Inform supported (I)", 2, 2, 0x8000),
	F_UM("reserved", "Reserved", 2, 2, 0x7fff),
	F_UX("timestamp", "Timestamp", 4, 4),
};
static const struct mw_field f_svc[] = {
	H_TYPE, H_LEN8,
	F_STR("id", "Service Selection Identifier", 2),
};

#define R_IN (MW_IN_RRQ | MW_IN_REG_RRQ)
#define R_OUT MW_IN_RRP
#define RR (MWI_IN_REG | MW_IN_REG_RRQ)
#define ANY_MSG (MWI_IN_ALL_REG | MW_IN_REVOC)

#define T8(c, k, n, r, mn, mx, fl, wh, f) ROW(c, k, n, r, mn, mx, MW_HDR_TLV8, 0, fl, wh, f)
#define SH(c, k, n, r, mn, mx, s, fl, wh, f) ROW(c, k, n, r, mn, mx, MW_HDR_SHORT, s, fl, wh, f)
#define LG(c, k, n, r, mn, mx, s, fl, wh, f) ROW(c, k, n, r, mn, mx, MW_HDR_LONG, s, fl, wh, f)

static const struct mw_reg_entry ext_rows[256] = {
	ROW(0, "pad", "One-byte Padding", "RFC 5944 2.1.3", 1, 1, MW_HDR_PAD1, 0, 0, ANY_MSG, f_pad),
	T8(32, "mn_ha_auth", "Mobile-Home Authentication", "RFC 5944 3.5.2", 6, 257, 0, ANY_MSG, f_auth),
	T8(33, "mn_fa_auth", "Mobile-Foreign Authentication", "RFC 5944 3.5.3", 6, 257, 0, ANY_MSG, f_auth),
	T8(34, "fa_ha_auth", "Foreign-Home Authentication", "RFC 5944 3.5.4", 6, 257, 0, ANY_MSG, f_auth),
	LG(36, "gen_auth", "Generalized Mobile IP Authentication", "RFC 4721 5", 8, MW_LEN_ANY,
	   MW_REG_MIP4_GAUTH_SUB, 0, RR | MW_IN_MIP4_OTHER, f_gauth),
	ROW(38, "cvse", "Critical Vendor/Organization Specific Extension(CVSE)", "RFC 3115 2.1",
	    10, MW_LEN_ANY, MW_HDR_CVSE, 0, 0, RR, f_cvse),
	LG(40, "mn_fa_keygen_req", "MN-FA-KeyGen Request", "RFC 3957 6.1", 8, MW_LEN_ANY,
	   MW_REG_MIP4_KEYGEN_SUB, 0, R_IN, f_keygen_req),
	LG(41, "mn_fa_keygen_reply", "MN-FA-KeyGen Reply", "RFC 3957 6.2", 4, MW_LEN_ANY,
	   MW_REG_MIP4_KEYGEN_SUB, 0, R_OUT, f_keygen_fa_reply),
	LG(42, "mn_ha_keygen_req", "MN-HA-KeyGen Request", "RFC 3957 6.3", 8, MW_LEN_ANY,
	   MW_REG_MIP4_KEYGEN_SUB, 0, R_IN, f_keygen_req),
	LG(43, "mn_ha_keygen_reply", "MN-HA-KeyGen Reply", "RFC 3957 6.4", 8, MW_LEN_ANY,
	   MW_REG_MIP4_KEYGEN_SUB, 0, R_OUT, f_keygen_ha_reply),
	SH(44, "udptun_reply", "UDP Tunnel Reply Extension", "RFC 3519 3.2", 8, 8,
	   MW_REG_MIP4_UDPTUN_REPLY_SUB, 0, R_OUT, f_udptun_reply),
	SH(45, "fa_error", "FA Error Extension", "RFC 4636 3", 4, 4, MW_REG_MIP4_FA_ERROR_SUB, 0,
	   R_OUT, f_fa_error),
	T8(46, "gfa_addr", "GFA IP Address Extension", "RFC 4857 9.1", 8, 8, 0, RR, f_gfa),
	LG(47, "pmip_ns", "PMIPv4 Non-skippable Extension", "RFC 5563 5.1", 4, MW_LEN_ANY,
	   MW_REG_MIP4_PMIP_NS_SUB, 0, RR, f_pmip_ns),
	LG(48, "gre_key", "GRE Key Extension", "RFC 6245 5", 8, 8, MW_REG_MIP4_GRE_SUB, 0, RR, f_gre),
	SH(49, "ro", "Route Optimization Extensions", "RFC 6521 5.2-5.4", 3, 257, MW_REG_MIP4_RO_SUB,
	   0, RR, f_ro),
	LG(50, "ro_data", "Route Optimization Data", "RFC 6521 5.5", 4, MW_LEN_ANY,
	   MW_REG_MIP4_RO_DATA_SUB, 0, R_OUT, f_ro_data),
	T8(127, "experimental", "Non-skippable Extension for Experimental use", "RFC 4064", 2, 257,
	   MW_RF_EXPERIMENTAL, 0, f_tlv),
	T8(128, "deprecated_128", "Deprecated (2001-08-31)", "", 2, 257,
	   SK | MW_RF_DEPRECATED, 0, f_tlv),
	T8(129, "skip_fw", "SKIP Firewall Traversal Extension", "RFC 2356", 2, 257, SK, RR, f_tlv),
	T8(130, "encap_delivery", "Encapsulating Delivery Style Extension", "RFC 3024 3.3", 2, 2, SK, R_IN, f_empty),
	T8(131, "mn_nai", "Mobile Node NAI", "RFC 2794 2", 2, 257, SK, RR, f_nai),
	T8(132, "mn_fa_challenge", "MN-FA Challenge Extension", "RFC 4721 4", 2, 257, SK, R_IN, f_chal),
	T8(134, "nvse", "Normal Vendor/Organization Specific Extension (NVSE)", "RFC 3115 2.2", 10,
	   257, SK, RR, f_nvse),
	SH(136, "nai_carrying", "NAI Carrying Extension", "RFC 3846 3", 3, 257, MW_REG_MIP4_NAI_SUB,
	   SK, RR, f_nai_carry),
	T8(137, "revoc_support", "Revocation Support", "RFC 3543 3.2", 8, 257, SK, RR, f_revsup),
	SH(138, "glla", "Generalized Link Layer Address Registration Extension", "RFC 4881 9", 3, 257,
	   MW_REG_MIP4_GLLA_SUB, SK, RR | MW_IN_MIP4_OTHER, f_glla),
	LG(139, "dyn_ha", "Dynamic HA Extension", "RFC 4433 3.4", 8, 8, MW_REG_MIP4_DYNHA_SUB, SK, RR,
	   f_dynha),
	T8(140, "hfa", "Hierarchical Foreign Agent Extension", "RFC 4857 9.2", 8, 8, SK, R_IN, f_hfa),
	T8(141, "replay_style", "Replay Protection Style", "RFC 4857 9.3", 4, 12, SK, RR, f_replay),
	T8(142, "reg_lifetime", "Regional Registration Lifetime Extension", "RFC 4857 9.4", 8, 8, SK,
	   R_OUT, f_reglife),
	SH(144, "udptun_req", "UDP Tunnel Request Extension", "RFC 3519 3.1", 8, 8,
	   MW_REG_MIP4_UDPTUN_REQ_SUB, SK, R_IN, f_udptun_req),
	SH(145, "msg_string", "Message String Extension", "RFC 4917 3", 4, 257, MW_REG_MIP4_MSGSTR_SUB,
	   SK, MW_IN_RRP | MW_IN_REVOC | MW_IN_MIP4_OTHER, f_msgstr),
	SH(147, "pmip", "PMIPv4 Skippable Extension", "RFC 5563 5.2-5.5", 3, 257, MW_REG_MIP4_CONF_SUB,
	   SK, R_IN, f_pmip),
	SH(148, "nemo", "Mobile Network Extension", "RFC 5177 4", 3, 257, MW_REG_MIP4_NEMO_SUB, SK, RR, f_nemo),
	SH(149, "tnc", "Trusted Networks Configured (TNC) Extension", "RFC 5265 3.4", 4, 4,
	   MW_REG_MIP4_TNC_SUB, SK, R_OUT, f_tnc),
	T8(150, "reserved_150", "Reserved", "", 2, 257, SK | MW_RF_RESERVED, 0, f_tlv),
	T8(151, "service_selection", "Service Selection Extension", "RFC 5446 3", 3, 257, SK, RR, f_svc),
	SH(152, "dsmip4", "Dual Stack (DSMIPv4) Extension", "RFC 5454 2", 3, 257, MW_REG_MIP4_DSTACK_SUB,
	   SK, RR, f_dstack),
	SH(153, "mr_ro_cap", "Mobile Router Route Optimization Indication", "RFC 6521 5.1", 4, 8,
	   MW_REG_MIP4_MRRO_SUB, SK, R_IN, f_mrro),
	LG(154, "multipath", "Multipath-Extension", "RFC 7629 4", 4, MW_LEN_ANY, MW_REG_MIP4_MPATH_SUB,
	   SK, RR, f_mpath),
	T8(255, "experimental_skip", "Skippable Extension for Experimental use", "RFC 4064", 2, 257,
	   SK | MW_RF_EXPERIMENTAL, 0, f_tlv),
};

const struct mw_registry mwi_reg_mip4_ext = {
	MW_REG_MIP4_EXT, "mip4.ext", "Extensions to Mobile IP Registration Messages",
	"IANA mobileip-numbers", ext_rows, 256,
};

/* Review against the RFC texts (ietf-rfcs copies), 2026-11:
 * Checked (header form, length bounds, field offsets/widths/masks, value
 * registries): 0 and 32-34 (RFC 5944), 36 (RFC 4721 5), 38/134 (RFC 3115
 * 2.1/2.2), 40-43 (RFC 3957 6.1-6.4), 44/144 (RFC 3519 3.1/3.2), 45 (RFC
 * 4636 3), 46/140/142 (RFC 4857 9.x), 47/147 (RFC 5563 5.1-5.5; 47 is the
 * LONG form, 147 the short form), 48 (RFC 6245 5), 49/50/153 (RFC 6521
 * 5.1-5.5), 136 (RFC 3846 3), 137 (RFC 3543 3.2), 138 (RFC 4881 9), 139
 * (RFC 4433 3.4, LONG form), 145 (RFC 4917 3), 148 (RFC 5177 4), 149 (RFC
 * 5265 3.4), 151 (RFC 5446 3), 152 (RFC 5454 2), 154 (RFC 7629 4). The
 * forms and bounds are pinned in tests/lib/mip4/test_reg.c.
 * Still doubtful:
 * - 139 and 154 use the long form although their numbers are skippable
 *   (RFC 5944 1.10 reserves it for 0-127); 154 is even called
 *   "non-skippable" by RFC 7629 4.1. We follow the RFC figures and keep
 *   MW_RF_SKIPPABLE by number: a receiver that does not know them skips
 *   them by a short-form length byte, which is wrong for these two.
 * - 141: RFC 4857 9.3 says "Length 2" but its figure has 2 + 8 octets of
 *   data; bounds 4..12 accept both readings.
 * - 41/43: the fields after Lifetime are sub-type 1's (the only one
 *   assigned), shown for every sub-type.
 * - 129 (RFC 2356), 130 (RFC 3024), 131 (RFC 2794), 132 (RFC 4721 4) were
 *   not re-read this time; 129 stays opaque.
 * - 141 style values (0 timestamp, 1 nonce) and FBAck / LLA option codes
 *   have no IANA registry, so no value strings.
 */
