/* Registry: Mobile IP extensions of ICMP Router Discovery messages (agent
 * advertisement / solicitation). Offsets from the extension's type byte.
 * 20-22 are the FMIPv4 options of RFC 4988 6.x: their length byte counts
 * 8-octet units including type and length (the walker knows). */
#include "mip4_int.h"

#define SK MW_RF_SKIPPABLE
#define ADV MW_IN_AGENT_ADV

static const struct mw_field f_pad[] = { H_TYPE };
static const struct mw_field f_maa[] = {
	H_TYPE, H_LEN8,
	F_U("seq", "Sequence Number", 2, 2),
	F_UU("reg_lifetime", "Registration Lifetime", 4, 2, "s"),
	F_UX("flags", "Flags", 6, 2),
	F_FL("r", "Registration required (R)", 6, 2, 0x8000),
	F_FL("b", "Busy (B)", 6, 2, 0x4000),
	F_FL("h", "Home agent (H)", 6, 2, 0x2000),
	F_FL("f", "Foreign agent (F)", 6, 2, 0x1000),
	F_FL("m", "Minimal encapsulation (M)", 6, 2, 0x0800),
	F_FL("g", "GRE encapsulation (G)", 6, 2, 0x0400),
	F_FL("rsv_r", "Reserved (r)", 6, 2, 0x0200),
	F_FL("t", "Reverse tunnelling (T)", 6, 2, 0x0100),
	F_FL("u", "UDP tunnelling (U)", 6, 2, 0x0080),
	F_FL("x", "Registration revocation (X)", 6, 2, 0x0040),
	F_FL("i", "Regional registration (I)", 6, 2, 0x0020),
	F_UM("reserved", "Reserved", 6, 2, 0x001f),
	F_A4L("coa", "Care-of Address", 8),
};
static const struct mw_field f_plen[] = {
	H_TYPE, H_LEN8,
	F_BY("prefix_lens", "Prefix Lengths", 2, 0),
};
/* RFC 4988 6.1: Option-Code 0-7 (wildcard, new AP, MN, NAR, source, ...;
 * no IANA registry); LLA format depends on the link layer. */
static const struct mw_field f_lla[] = {
	H_TYPE, F_UU("len", "Length", 1, 1, "x8 octets"),
	F_U("option_code", "Option-Code", 2, 1),
	F_BY("lla", "Link-Layer Address", 3, 0),
};
static const struct mw_field f_newip[] = {
	H_TYPE, F_UU("len", "Length", 1, 1, "x8 octets"),
	F_U("option_code", "Option-Code", 2, 1),
	F_UX("reserved", "Reserved", 3, 1),
	F_A4("addr", "New IPv4 Address", 4),
};
static const struct mw_field f_newpfx[] = {
	H_TYPE, F_UU("len", "Length", 1, 1, "x8 octets"),
	F_U("option_code", "Option-Code", 2, 1),
	F_U("prefix_len", "Prefix-Length", 3, 1),
	F_UX("reserved", "Reserved", 4, 4),
};
static const struct mw_field f_chal[] = {
	H_TYPE, H_LEN8,
	F_BY("challenge", "Challenge", 2, 0),
};
static const struct mw_field f_tlv[] = {
	H_TYPE, H_LEN8,
	F_BY("data", "Data", 2, 0),
};
static const struct mw_field f_nai[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_MIP4_NAI_SUB),
	F_STR("nai", "NAI", 3),
};
static const struct mw_field f_glla[] = {
	H_TYPE, H_LEN8, H_SUB_SHORT(MW_REG_MIP4_GLLA_SUB),
	F_BY("data", "Data", 3, 0),
};

#define T8(c, k, n, r, mn, mx, fl, f) ROW(c, k, n, r, mn, mx, MW_HDR_TLV8, 0, fl, ADV, f)

static const struct mw_reg_entry adv_rows[256] = {
	ROW(0, "pad", "One-byte Padding (encoded with no Length nor Data field)", "RFC 5944 2.1.3",
	    1, 1, MW_HDR_PAD1, 0, 0, ADV, f_pad),
	T8(16, "maa", "Mobility Agent Advertisement", "RFC 5944 2.1.1", 8, 257, 0, f_maa),
	T8(19, "prefix_len", "Prefix-Lengths", "RFC 5944 2.1.2", 2, 257, 0, f_plen),
	T8(20, "lla", "Link-Layer Address Option Format (LLA)", "RFC 4988 6.1 (length x8)", 8, 2040, 0, f_lla),
	T8(21, "new_ipv4", "New IPv4 Address", "RFC 4988 6.2 (length x8)", 8, 8, 0, f_newip),
	T8(22, "new_prefix", "New Router Prefix Information", "RFC 4988 6.3 (length x8)", 8, 8, 0, f_newpfx),
	T8(24, "challenge", "Challenge Extension", "RFC 4721 2", 2, 257, 0, f_chal),
	T8(127, "experimental", "Non-skippable Adv. Extension for Experimental use", "RFC 4064", 2, 257,
	   MW_RF_EXPERIMENTAL, f_tlv),
	ROW(136, "nai_carrying", "NAI Carrying Extension", "RFC 3846 3; RFC 4857 8.2", 3, 257,
	    MW_HDR_SHORT, MW_REG_MIP4_NAI_SUB, SK, ADV, f_nai),
	/* CARD options (RFC 4065 numbers, formats in RFC 4066): not checked,
	 * kept opaque. */
	T8(137, "card_sig", "CARD MN-AR signature option", "RFC 4065", 2, 257, SK, f_tlv),
	T8(138, "card_req", "CARD Request option", "RFC 4065", 2, 257, SK, f_tlv),
	T8(139, "card_reply", "CARD Reply option", "RFC 4065", 2, 257, SK, f_tlv),
	ROW(140, "glla", "Generalized Link Layer Address Advertisement Extension", "RFC 4881 9", 3, 257,
	    MW_HDR_SHORT, MW_REG_MIP4_GLLA_SUB, SK, ADV, f_glla),
	T8(255, "experimental_skip", "Skippable Adv. Extension for Experimental use", "RFC 4064", 2, 257,
	   SK | MW_RF_EXPERIMENTAL, f_tlv),
};

const struct mw_registry mwi_reg_mip4_adv_ext = {
	MW_REG_MIP4_ADV_EXT, "mip4.adv_ext", "Mobile IP Extensions for ICMP Router Discovery messages",
	"IANA mobileip-numbers", adv_rows, 256,
};
