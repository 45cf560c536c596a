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
static const struct mw_field f_long[] = {
	H_TYPE, H_SUB_LONG(MW_REG_NONE), H_LEN16,
	F_BY("data", "Data", 4, 0),
};
static const struct mw_field f_gre[] = {
	H_TYPE, H_SUB_LONG(MW_REG_NONE), H_LEN16,
	F_UX("key", "Key Identifier", 4, 4),
};
static const struct mw_field f_short[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_NONE),
	F_BY("data", "Data", 3, 0),
};
#define SHORT_SUB(name, r) \
	static const struct mw_field name[] = { \
		H_TYPE, H_LEN8, H_SUB_SHORT(r), F_BY("data", "Data", 3, 0), }
SHORT_SUB(f_glla, MW_REG_MIP4_GLLA_SUB);
SHORT_SUB(f_pmip, MW_REG_MIP4_CONF_SUB);
SHORT_SUB(f_nemo, MW_REG_MIP4_NEMO_SUB);
SHORT_SUB(f_dstack, MW_REG_MIP4_DSTACK_SUB);
static const struct mw_field f_msgstr[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_MIP4_MSGSTR_SUB),
	F_STR("text", "Text", 3),
};
static const struct mw_field f_nai_carry[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_NONE),
	F_STR("nai", "NAI", 3),
};
static const struct mw_field f_dynha[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_NONE),
	F_A4("ha", "Home Agent Address", 3),
};
static const struct mw_field f_udptun_reply[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_NONE),
	F_UV("code", "Reply Code", 3, 1, MW_REG_MIP4_UDPTUN_REPLY),
	F_FL("f", "Forced (F)", 4, 2, 0x8000),
	F_UM("reserved", "Reserved", 4, 2, 0x7fff),
	F_UU("keepalive", "Keepalive Interval", 6, 2, "s"),
};
static const struct mw_field f_udptun_req[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_NONE),
	F_UX("reserved1", "Reserved 1", 3, 1),
	F_FL("f", "Force (F)", 4, 1, 0x80),
	F_FL("r", "Register via NAT (R)", 4, 1, 0x40),
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
	ROW(38, "cvse", "Critical Vendor/Organization Specific Extension(CVSE)", "RFC 3115 3.1",
	    10, MW_LEN_ANY, MW_HDR_CVSE, 0, 0, RR, f_cvse),
	LG(40, "mn_fa_keygen_req", "MN-FA-KeyGen Request", "RFC 3957", 4, MW_LEN_ANY, 0, 0, R_IN, f_long),
	LG(41, "mn_fa_keygen_reply", "MN-FA-KeyGen Reply", "RFC 3957", 4, MW_LEN_ANY, 0, 0, R_OUT, f_long),
	LG(42, "mn_ha_keygen_req", "MN-HA-KeyGen Request", "RFC 3957", 4, MW_LEN_ANY, 0, 0, R_IN, f_long),
	LG(43, "mn_ha_keygen_reply", "MN-HA-KeyGen Reply", "RFC 3957", 4, MW_LEN_ANY, 0, 0, R_OUT, f_long),
	SH(44, "udptun_reply", "UDP Tunnel Reply Extension", "RFC 3519 3.2", 8, 8, 0, 0, R_OUT, f_udptun_reply),
	SH(45, "fa_error", "FA Error Extension", "RFC 4636 3", 3, 257, 0, 0, R_OUT, f_short),
	T8(46, "gfa_addr", "GFA IP Address Extension", "RFC 4857 9.1", 8, 8, 0, RR, f_gfa),
	SH(47, "pmip_ns", "PMIPv4 Non-skippable Extension", "RFC 5563 5.1", 3, 257, 0, 0, RR, f_short),
	LG(48, "gre_key", "GRE Key Extension", "RFC 6245 5", 8, 8, 0, 0, RR, f_gre),
	SH(49, "ro", "Route Optimization Extensions", "RFC 6521 5.2-5.4", 3, 257, 0, 0, RR, f_short),
	LG(50, "ro_data", "Route Optimization Data", "RFC 6521 5.5", 4, MW_LEN_ANY, 0, 0, R_OUT, f_long),
	T8(127, "experimental", "Non-skippable Extension for Experimental use", "RFC 4064", 2, 257,
	   MW_RF_EXPERIMENTAL, 0, f_tlv),
	T8(128, "deprecated_128", "Deprecated (2001-08-31)", "", 2, 257,
	   SK | MW_RF_DEPRECATED, 0, f_tlv),
	T8(129, "skip_fw", "SKIP Firewall Traversal Extension", "RFC 2356", 2, 257, SK, RR, f_tlv),
	T8(130, "encap_delivery", "Encapsulating Delivery Style Extension", "RFC 3024 3.3", 2, 2, SK, R_IN, f_empty),
	T8(131, "mn_nai", "Mobile Node NAI", "RFC 2794 2", 2, 257, SK, RR, f_nai),
	T8(132, "mn_fa_challenge", "MN-FA Challenge Extension", "RFC 4721 3.1", 2, 257, SK, R_IN, f_chal),
	T8(134, "nvse", "Normal Vendor/Organization Specific Extension (NVSE)", "RFC 3115 3.2", 10,
	   257, SK, RR, f_nvse),
	SH(136, "nai_carrying", "NAI Carrying Extension", "RFC 3846 3", 3, 257, 0, SK, RR, f_nai_carry),
	T8(137, "revoc_support", "Revocation Support", "RFC 3543 3.2", 8, 8, SK, RR, f_revsup),
	SH(138, "glla", "Generalized Link Layer Address Registration Extension", "RFC 4881 9", 3, 257,
	   MW_REG_MIP4_GLLA_SUB, SK, RR | MW_IN_MIP4_OTHER, f_glla),
	SH(139, "dyn_ha", "Dynamic HA Extension", "RFC 4433 3", 7, 7, 0, SK, RR, f_dynha),
	T8(140, "hfa", "Hierarchical Foreign Agent Extension", "RFC 4857 9.2", 8, 8, SK, R_IN, f_hfa),
	T8(141, "replay_style", "Replay Protection Style", "RFC 4857 9.3", 4, 12, SK, RR, f_replay),
	T8(142, "reg_lifetime", "Regional Registration Lifetime Extension", "RFC 4857 9.4", 8, 8, SK,
	   R_OUT, f_reglife),
	SH(144, "udptun_req", "UDP Tunnel Request Extension", "RFC 3519 3.1", 8, 8, 0, SK, R_IN, f_udptun_req),
	SH(145, "msg_string", "Message String Extension", "RFC 4917 3", 3, 257, MW_REG_MIP4_MSGSTR_SUB,
	   SK, MW_IN_RRP | MW_IN_MIP4_OTHER, f_msgstr),
	SH(147, "pmip", "PMIPv4 Skippable Extension", "RFC 5563 5", 3, 257, MW_REG_MIP4_CONF_SUB, SK, RR, f_pmip),
	SH(148, "nemo", "Mobile Network Extension", "RFC 5177 4", 3, 257, MW_REG_MIP4_NEMO_SUB, SK, RR, f_nemo),
	SH(149, "tnc", "Trusted Networks Configured (TNC) Extension", "RFC 5265", 3, 257, 0, SK, RR, f_short),
	T8(150, "reserved_150", "Reserved", "", 2, 257, SK | MW_RF_RESERVED, 0, f_tlv),
	T8(151, "service_selection", "Service Selection Extension", "RFC 5446 3", 2, 257, SK, R_IN, f_svc),
	SH(152, "dsmip4", "Dual Stack (DSMIPv4) Extension", "RFC 5454 2", 3, 257, MW_REG_MIP4_DSTACK_SUB,
	   SK, RR, f_dstack),
	SH(153, "mr_ro_cap", "Mobile Router Route Optimization Indication", "RFC 6521 5.1", 3, 257, 0,
	   SK, R_IN, f_short),
	SH(154, "multipath", "Multipath-Extension", "RFC 7629", 3, 257, 0, SK, RR, f_short),
	T8(255, "experimental_skip", "Skippable Extension for Experimental use", "RFC 4064", 2, 257,
	   SK | MW_RF_EXPERIMENTAL, 0, f_tlv),
};

const struct mw_registry mwi_reg_mip4_ext = {
	MW_REG_MIP4_EXT, "mip4.ext", "Extensions to Mobile IP Registration Messages",
	"IANA mobileip-numbers", ext_rows, 256,
};
