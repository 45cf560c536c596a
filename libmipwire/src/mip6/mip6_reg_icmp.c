/* MW_REG_ICMP6_MIP (ICMPv6 types of Mobile IPv6 / FMIPv6, plus the Router
 * Advertisement, 134, which carries the H bit and options 7 / 8) and
 * MW_REG_ND_OPT (Neighbor Discovery options Mobile IPv6 reads; 1, 2, 3
 * and 5 are the RFC 4861 ones an RA carries). Offsets are from the
 * ICMPv6 type byte / the ND option's type byte; ND option lengths are in
 * bytes here (the wire field counts 8-octet units). */
#include "mip6_reg.h"

#define ICMP_COMMON                                                         \
	FV("type", "Type", 0, 1, MW_REG_ICMP6_MIP), FU("code", "Code", 1, 1), \
	FH("checksum", "Checksum", 2, 2)

static const struct mw_field i_ra[] = {
	ICMP_COMMON, FU("hop_limit", "Cur Hop Limit", 4, 1),
	FF("m", "Managed (M)", 5, 1, 0x80), FF("o", "Other (O)", 5, 1, 0x40),
	FF("h", "Home Agent (H)", 5, 1, 0x20), FMD("prf", "Router Preference", 5, 1, 0x18),
	FM("reserved", "Reserved", 5, 1, 0x07),
	FUN("lifetime", "Router Lifetime", 6, 2, "s"),
	FUN("reachable", "Reachable Time", 8, 4, "ms"),
	FUN("retrans", "Retrans Timer", 12, 4, "ms"),
};
static const struct mw_field i_haad_req[] = {
	ICMP_COMMON, FH("ident", "Identifier", 4, 2),
	FF("r", "Mobile Router (R)", 6, 2, 0x8000), FM("reserved", "Reserved", 6, 2, 0x7fff),
};
static const struct mw_field i_haad_rep[] = {
	ICMP_COMMON, FH("ident", "Identifier", 4, 2),
	FF("r", "Mobile Router (R)", 6, 2, 0x8000), FM("reserved", "Reserved", 6, 2, 0x7fff),
	F6L("ha_addrs", "Home Agent Addresses", 8),
};
static const struct mw_field i_mps[] = {
	ICMP_COMMON, FH("ident", "Identifier", 4, 2), FH("reserved", "Reserved", 6, 2),
};
static const struct mw_field i_mpa[] = {
	ICMP_COMMON, FH("ident", "Identifier", 4, 2),
	FF("m", "Managed Address Configuration (M)", 6, 2, 0x8000),
	FF("o", "Other Stateful Configuration (O)", 6, 2, 0x4000),
	FM("reserved", "Reserved", 6, 2, 0x3fff),
};
/* RFC 5568 6.1.1 / 6.1.2 (RtSolPr, PrRtAdv): Subtype, Reserved,
 * Identifier. Byte 5 carries S / U in the deprecated ICMPv6 HI (subtype 4,
 * RFC 4068 6.2.1); MW_REG_ICMP6_154_SUB rows give the per-subtype bytes. */
static const struct mw_field i_fmip[] = {
	ICMP_COMMON, FV("subtype", "Subtype", 4, 1, MW_REG_ICMP6_154_SUB),
	FH("reserved", "Reserved", 5, 1), FH("ident", "Identifier", 6, 2),
};

#define I(c, k, nm, rf, mn, f)                                              \
	[c] = { .key = k, .name = nm, .ref = rf, .code = c, .min_len = mn,   \
		.max_len = MW_LEN_ANY, .sub = MW_REG_ND_OPT, .fields = f,    \
		.n_fields = MW_NROWS(f) }

static const struct mw_reg_entry icmp_rows[] = {
	I(134, "ra", "Router Advertisement", "RFC 4861 4.2; RFC 6275 7.1", 16, i_ra),
	I(144, "haad_req", "Home Agent Address Discovery Request Message", "RFC 6275 6.5; RFC 3963 7.1", 8, i_haad_req),
	I(145, "haad_rep", "Home Agent Address Discovery Reply Message", "RFC 6275 6.6; RFC 3963 7.2", 8, i_haad_rep),
	I(146, "mps", "Mobile Prefix Solicitation", "RFC 6275 6.7", 8, i_mps),
	I(147, "mpa", "Mobile Prefix Advertisement", "RFC 6275 6.8", 8, i_mpa),
	I(154, "fmip", "FMIPv6 Messages", "RFC 5568 6.1", 8, i_fmip),
};
/* FMIPv6 subtypes of ICMPv6 154 (IANA "FMIPv6 Message Types") with the
 * byte each one gives to offset 5, offsets from the ICMPv6 type byte. */
static const struct mw_field s_rsv[] = { FH("reserved", "Reserved", 5, 1) };
static const struct mw_field s_hi[] = {
	FF("s", "Assigned Address Configuration (S)", 5, 1, 0x80),
	FF("u", "Buffer (U)", 5, 1, 0x40), FM("reserved", "Reserved", 5, 1, 0x3f),
};
#define SUB(c, k, nm, rf, fl, f)                                            \
	[c] = { .key = k, .name = nm, .ref = rf, .code = c, .min_len = 8,    \
		.max_len = MW_LEN_ANY, .flags = fl, .fields = f,             \
		.n_fields = MW_NROWS(f) }
static const struct mw_reg_entry icmp6_154_sub_rows[] = {
	[0] = { .key = "reserved_0", .name = "Reserved", .ref = "RFC 5568", .code = 0, .flags = MW_RF_RESERVED },
	[1] = { .key = "reserved_1", .name = "Reserved", .ref = "RFC 5568", .code = 1, .flags = MW_RF_RESERVED },
	SUB(2, "rtsolpr", "RtSolPr", "RFC 5568 6.1.1", 0, s_rsv),
	SUB(3, "prrtadv", "PrRtAdv", "RFC 5568 6.1.2", 0, s_rsv),
	SUB(4, "hi_deprecated", "HI - Deprecated (Unavailable for Assignment)",
	    "RFC 5568; RFC 4068 6.2.1", MW_RF_DEPRECATED, s_hi),
	SUB(5, "hack_deprecated", "HAck - Deprecated (Unavailable for Assignment)",
	    "RFC 5568; RFC 4068 6.2.2", MW_RF_DEPRECATED, s_rsv),
};
const struct mw_registry mwi_reg_icmp6_154_sub = {
	.id = MW_REG_ICMP6_154_SUB, .key = "icmp6.fmip_sub", .name = "FMIPv6 Message Types (ICMPv6 154)",
	.source = "IANA icmpv6-parameters",
	.rows = icmp6_154_sub_rows, .n_rows = MW_NROWS(icmp6_154_sub_rows),
};

const struct mw_registry mwi_reg_icmp6_mip = {
	.id = MW_REG_ICMP6_MIP, .key = "icmp6",
	.name = "ICMPv6 types of Mobile IPv6 (and RA)",
	.source = "IANA icmpv6-parameters (2017-07-04)",
	.rows = icmp_rows, .n_rows = MW_NROWS(icmp_rows),
};

static const struct mw_field n_lla[] = { FB("lla", "Link-Layer Address", 2, 0) };
static const struct mw_field n_prefix[] = {
	FU("prefix_len", "Prefix Length", 2, 1),
	FF("l", "On-Link (L)", 3, 1, 0x80), FF("a", "Autonomous (A)", 3, 1, 0x40),
	FF("r", "Router Address (R)", 3, 1, 0x20), FM("reserved", "Reserved1", 3, 1, 0x1f),
	FUN("valid", "Valid Lifetime", 4, 4, "s"), FUN("preferred", "Preferred Lifetime", 8, 4, "s"),
	FH("reserved2", "Reserved2", 12, 4), F6("prefix", "Prefix", 16),
};
static const struct mw_field n_mtu[] = { FH("reserved", "Reserved", 2, 2), FU("mtu", "MTU", 4, 4) };
static const struct mw_field n_advint[] = {
	FH("reserved", "Reserved", 2, 2), FUN("interval", "Advertisement Interval", 4, 4, "ms"),
};
/* RFC 6275 7.4 with the R bit of RFC 3963 7.3 (first bit of Reserved). */
static const struct mw_field n_hainfo[] = {
	FF("r", "Mobile Router Support (R)", 2, 2, 0x8000),
	FM("reserved", "Reserved", 2, 2, 0x7fff), FU("preference", "Home Agent Preference", 4, 2),
	FUN("lifetime", "Home Agent Lifetime", 6, 2, "s"),
};
static const struct mw_field n_ipaddr[] = {
	FU("code", "Option-Code", 2, 1), FU("prefix_len", "Prefix Length", 3, 1),
	FH("reserved", "Reserved", 4, 4), F6("addr", "IPv6 Address", 8),
};
static const struct mw_field n_nrpi[] = {
	FU("code", "Option-Code", 2, 1), FU("prefix_len", "Prefix Length", 3, 1),
	FH("reserved", "Reserved", 4, 4), F6("prefix", "Prefix", 8),
};
static const struct mw_field n_fmip_lla[] = {
	FU("code", "Option-Code", 2, 1), FB("lla", "LLA", 3, 0),
};
/* RFC 5568 6.4.6: Length 1, or 3 with a new CoA after Reserved; the text
 * calls it an "IP Address Option" but 3 x 8 octets only leave room for
 * the bare 16-byte address, so the bytes are shown as they are. */
static const struct mw_field n_naack[] = {
	FU("code", "Option-Code", 2, 1), FU("status", "Status", 3, 1),
	FH("reserved", "Reserved", 4, 4), FB("ncoa", "New CoA", 8, 0),
};
/* RFC 5380 5 (obsoletes RFC 4140, whose I / P / V bits are gone). */
static const struct mw_field n_map[] = {
	FMD("dist", "Dist", 2, 1, 0xf0), FMD("pref", "Pref", 2, 1, 0x0f),
	FF("r", "R", 3, 1, 0x80), FM("reserved", "Reserved", 3, 1, 0x7f),
	FUN("valid", "Valid Lifetime", 4, 4, "s"), F6("addr", "Global IP Address for MAP", 8),
};
static const struct mw_field n_hkreq[] = {
	FU("pad_len", "Pad Length", 2, 1), FMD("at", "AT", 3, 1, 0xf0),
	FM("reserved", "Reserved", 3, 1, 0x0f), FB("key", "Handover Key Encryption Public Key", 4, 0),
};
static const struct mw_field n_hkrep[] = {
	FU("pad_len", "Pad Length", 2, 1), FMD("at", "AT", 3, 1, 0xf0),
	FM("reserved", "Reserved", 3, 1, 0x0f), FUN("lifetime", "Key Lifetime", 4, 2, "s"),
	FB("key", "Encrypted Handover Key", 6, 0),
};
static const struct mw_field n_hai[] = {
	FU("code", "Option-Code", 2, 1), FU("hai_len", "HAI Length", 3, 1),
	FB("hai", "HAI", 4, 0),
};
static const struct mw_field n_mnid[] = {
	FU("code", "Option-Code", 2, 1), FU("id_len", "MN ID Length", 3, 1),
	FB("id", "MN ID", 4, 0),
};

#define N(c, k, nm, rf, mn, mx, f)                                          \
	[c] = { .key = k, .name = nm, .ref = rf, .code = c, .min_len = mn,   \
		.max_len = mx, .hdr = MW_HDR_TLV8, .fields = f,              \
		.n_fields = MW_NROWS(f) }

static const struct mw_reg_entry nd_rows[] = {
	N(1, "src_lla", "Source Link-layer Address", "RFC 4861 4.6.1", 8, MW_LEN_ANY, n_lla),
	N(2, "tgt_lla", "Target Link-layer Address", "RFC 4861 4.6.1", 8, MW_LEN_ANY, n_lla),
	N(3, "prefix_info", "Prefix Information", "RFC 4861 4.6.2; RFC 6275 7.2", 32, 32, n_prefix),
	N(5, "mtu", "MTU", "RFC 4861 4.6.4", 8, 8, n_mtu),
	N(7, "adv_interval", "Advertisement Interval Option", "RFC 6275 7.3", 8, 8, n_advint),
	N(8, "ha_info", "Home Agent Information Option", "RFC 6275 7.4; RFC 3963 7.3", 8, 8, n_hainfo),
	N(17, "ip_addr", "IP Address/Prefix Option", "RFC 5568 6.4.1", 24, 24, n_ipaddr),
	N(18, "new_router_prefix", "New Router Prefix Information Option", "RFC 4068 6.4.2", 24, 24, n_nrpi),
	N(19, "lla", "Link-layer Address Option", "RFC 5568 6.4.3", 8, MW_LEN_ANY, n_fmip_lla),
	N(20, "naack", "Neighbor Advertisement Acknowledgment Option", "RFC 5568 6.4.6", 8, 24, n_naack),
	N(23, "map", "MAP Option", "RFC 5380 5; RFC 4140", 24, 24, n_map),
	N(27, "hk_req", "Handover Key Request Option", "RFC 5269 4.1", 8, MW_LEN_ANY, n_hkreq),
	N(28, "hk_rep", "Handover Key Reply Option", "RFC 5269 4.2", 8, MW_LEN_ANY, n_hkrep),
	N(29, "hai", "Handover Assist Information Option", "RFC 5271 4.1", 8, MW_LEN_ANY, n_hai),
	N(30, "mn_id", "Mobile Node Identifier Option", "RFC 5271 4.2", 8, MW_LEN_ANY, n_mnid),
};
const struct mw_registry mwi_reg_nd_opt = {
	.id = MW_REG_ND_OPT, .key = "nd.opt",
	.name = "IPv6 Neighbor Discovery Option Formats (Mobile IPv6 subset)",
	.source = "IANA icmpv6-parameters (2017-07-04)",
	.rows = nd_rows, .n_rows = MW_NROWS(nd_rows),
};

/* Checked against the RFC text (offsets, widths, flag masks, lengths):
 * - 144 / 145: RFC 6275 6.5 / 6.6 (Identifier 4, Reserved 6; the reply's
 *   addresses run to the end of the packet, as the RFC says) with the R
 *   bit 0x8000 of RFC 3963 7.1 / 7.2 (the refs said 6.3 / 6.4).
 * - 146 / 147: RFC 6275 6.7 / 6.8 (M 0x8000, O 0x4000 of bytes 6-7).
 * - 154: RFC 5568 6.1.1 / 6.1.2 (Subtype 4, Reserved 5, Identifier 6);
 *   subtypes 4 / 5 from RFC 4068 6.2.1 / 6.2.2 (HI: S 0x80, U 0x40).
 *   Code values (PrRtAdv 0-5, HAck 0-4 / 128-130) have no IANA registry
 *   and no value table here.
 * - ND 7 / 8: RFC 6275 7.3 / 7.4 (Length 1, 8 bytes; interval in ms;
 *   preference and lifetime unsigned 16-bit) plus the R bit of 8 (RFC
 *   3963 7.3, added in this pass).
 * - ND 17 / 19 / 20: RFC 5568 6.4.1 / 6.4.3 / 6.4.6; ND 18: RFC 4068
 *   6.4.2 (RFC 5568 folds it into 17 with Option-Code 4).
 * - ND 23: RFC 5380 5 (Length 3; Dist 0xf0, Pref 0x0f, R 0x80).
 * Not re-read in this pass: RA (134) beyond the H bit, ND 1/2/3/5, 27-30.
 * tests/lib/mip6/test_registry.c icmp_facts[] / nd_facts[] pin these. */
