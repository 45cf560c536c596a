/* MW_REG_MH_TYPE: the Mobility Header types (IANA "Mobility Header Types")
 * with each type's minimum message length and its layout, offsets from the
 * first byte of the MH (the 6-byte common header included). min_len is the
 * length of the fixed part (RFC 6275 9.2: a message shorter than this is
 * dropped), not rounded up to 8. Also MW_REG_MH_BR_TYPE (the BRI / BRA
 * variants of type 16). */
#include "mip6_reg.h"

#define MH_COMMON                                                          \
	FU("payload_proto", "Payload Proto", 0, 1),                         \
	FUN("hdr_len", "Header Len", 1, 1, "x8 octets, excl. first 8"),    \
	FV("type", "MH Type", 2, 1, MW_REG_MH_TYPE),                        \
	FH("reserved", "Reserved", 3, 1),                                   \
	FH("checksum", "Checksum", 4, 2)

static const struct mw_field f_brr[] = {
	MH_COMMON, FH("reserved2", "Reserved", 6, 2),
};
static const struct mw_field f_hoti[] = {
	MH_COMMON, FH("reserved2", "Reserved", 6, 2),
	FB("cookie", "Home Init Cookie", 8, 8),
};
static const struct mw_field f_coti[] = {
	MH_COMMON, FH("reserved2", "Reserved", 6, 2),
	FB("cookie", "Care-of Init Cookie", 8, 8),
};
static const struct mw_field f_hot[] = {
	MH_COMMON, FH("nonce_index", "Home Nonce Index", 6, 2),
	FB("cookie", "Home Init Cookie", 8, 8),
	FB("keygen", "Home Keygen Token", 16, 8),
};
static const struct mw_field f_cot[] = {
	MH_COMMON, FH("nonce_index", "Care-of Nonce Index", 6, 2),
	FB("cookie", "Care-of Init Cookie", 8, 8),
	FB("keygen", "Care-of Keygen Token", 16, 8),
};
/* BU flags: IANA "Binding Update Flags" (RFC 7161 draws S in another bit;
 * IANA's 0x0020 is used). */
static const struct mw_field f_bu[] = {
	MH_COMMON, FU("seq", "Sequence #", 6, 2),
	FF("a", "Acknowledge (A)", 8, 2, 0x8000),
	FF("h", "Home Registration (H)", 8, 2, 0x4000),
	FF("l", "Link-Local Address Compatibility (L)", 8, 2, 0x2000),
	FF("k", "Key Management Mobility Capability (K)", 8, 2, 0x1000),
	FF("m", "MAP Registration (M)", 8, 2, 0x0800),
	FF("r", "Mobile Router (R)", 8, 2, 0x0400),
	FF("p", "Proxy Registration (P)", 8, 2, 0x0200),
	FF("f", "Forcing UDP Encapsulation (F)", 8, 2, 0x0100),
	FF("t", "TLV-header format (T)", 8, 2, 0x0080),
	FF("b", "Bulk Binding Update (B)", 8, 2, 0x0040),
	FF("s", "Multicast Signaling (S)", 8, 2, 0x0020),
	FM("reserved2", "Reserved", 8, 2, 0x001f),
	FUN("lifetime", "Lifetime", 10, 2, "x4 s"),
};
static const struct mw_field f_ba[] = {
	MH_COMMON, FV("status", "Status", 6, 1, MW_REG_BA_STATUS),
	FF("k", "Key Management Mobility Capability (K)", 7, 1, 0x80),
	FF("r", "Mobile Router (R)", 7, 1, 0x40),
	FF("p", "Proxy Registration (P)", 7, 1, 0x20),
	FF("t", "TLV-header format (T)", 7, 1, 0x10),
	FF("b", "Bulk Binding Update (B)", 7, 1, 0x08),
	FF("s", "Multicast Signaling (S)", 7, 1, 0x04),
	FM("reserved2", "Reserved", 7, 1, 0x03),
	FU("seq", "Sequence #", 8, 2),
	FUN("lifetime", "Lifetime", 10, 2, "x4 s"),
};
static const struct mw_field f_be[] = {
	MH_COMMON, FV("status", "Status", 6, 1, MW_REG_BE_STATUS),
	FH("reserved2", "Reserved", 7, 1),
	F6("hoa", "Home Address", 8),
};
/* RFC 5568 6.2.2: FBU has the BU layout (A H L K). */
static const struct mw_field f_fbu[] = {
	MH_COMMON, FU("seq", "Sequence #", 6, 2),
	FF("a", "Acknowledge (A)", 8, 2, 0x8000),
	FF("h", "Home Registration (H)", 8, 2, 0x4000),
	FF("l", "Link-Local Address Compatibility (L)", 8, 2, 0x2000),
	FF("k", "Key Management Mobility Capability (K)", 8, 2, 0x1000),
	FM("reserved2", "Reserved", 8, 2, 0x0fff),
	FUN("lifetime", "Lifetime", 10, 2, "x4 s"),
};
/* RFC 5568 6.2.3: FBack status values are the FMIPv6 ones (no IANA
 * registry), so no value table. */
static const struct mw_field f_fback[] = {
	MH_COMMON, FU("status", "Status", 6, 1),
	FF("k", "Key Management Mobility Capability (K)", 7, 1, 0x80),
	FM("reserved2", "Reserved", 7, 1, 0x7f),
	FU("seq", "Sequence #", 8, 2),
	FUN("lifetime", "Lifetime", 10, 2, "x4 s"),
};
/* RFC 4068 6.3.3 (RFC 5568 deprecates the message, IANA keeps type 10):
 * a 16-bit Reserved field, then mobility options (the MH-LLA). */
static const struct mw_field f_fna[] = {
	MH_COMMON, FH("reserved2", "Reserved", 6, 2),
};
static const struct mw_field f_exp[] = {
	MH_COMMON, FB("data", "Message Data", 6, 0),
};
/* RFC 5142 4: "# of Addresses" addresses from byte 8, then mobility
 * options (Binding Refresh Advice is valid here). A field cannot take
 * its length from another field, so the list (len 0) runs to the end of
 * the message: when options follow the addresses, the list also shows
 * their bytes as addresses (whole 16-byte groups only). The decoder
 * itself starts the options at 8 + 16 * count (mwi_mh_fixed_len). */
static const struct mw_field f_has[] = {
	MH_COMMON, FU("num_addrs", "# of Addresses", 6, 1),
	FH("reserved2", "Reserved", 7, 1),
	F6L("ha_addrs", "Home Agent Addresses (to end of message)", 8),
};
static const struct mw_field f_hb[] = {
	MH_COMMON, FM("reserved2", "Reserved", 6, 2, 0xfffc),
	FF("u", "Unsolicited (U)", 6, 2, 0x0002),
	FF("r", "Response (R)", 6, 2, 0x0001),
	FU("seq", "Sequence Number", 8, 4),
};
static const struct mw_field f_hi[] = {
	MH_COMMON, FU("seq", "Sequence #", 6, 2),
	FF("s", "Assigned Address Configuration (S)", 8, 1, 0x80),
	FF("u", "Buffer (U)", 8, 1, 0x40),
	FF("p", "Proxy (P)", 8, 1, 0x20),
	FF("f", "Forwarding (F)", 8, 1, 0x10),
	FM("reserved2", "Reserved", 8, 1, 0x0f),
	FV("code", "Code", 9, 1, MW_REG_MH_HI_CODE),
};
static const struct mw_field f_hack[] = {
	MH_COMMON, FU("seq", "Sequence #", 6, 2),
	FF("u", "Buffer (U)", 8, 1, 0x80),
	FF("p", "Proxy (P)", 8, 1, 0x40),
	FF("f", "Forwarding (F)", 8, 1, 0x20),
	FM("reserved2", "Reserved", 8, 1, 0x1f),
	FV("code", "Code", 9, 1, MW_REG_MH_HACK_STATUS),
};
/* RFC 5846 5 (Figure 4) with 5.1 / 5.2 (Figures 5, 6): byte 7 is the
 * Revocation Trigger in a BRI and the Status in a BRA (MW_REG_MH_BR_TYPE
 * rows give those variant fields); P, V, G and 13 reserved bits in both. */
static const struct mw_field f_br[] = {
	MH_COMMON, FV("br_type", "B.R. Type", 6, 1, MW_REG_MH_BR_TYPE),
	FU("trigger_status", "Revocation Trigger / Status", 7, 1),
	FU("seq", "Sequence #", 8, 2),
	FF("p", "Proxy Binding (P)", 10, 2, 0x8000),
	FF("v", "IPv4 HoA Binding Only (V)", 10, 2, 0x4000),
	FF("g", "Global (G)", 10, 2, 0x2000),
	FM("reserved2", "Reserved", 10, 2, 0x1fff),
};
static const struct mw_field f_lri[] = {
	MH_COMMON, FU("seq", "Sequence #", 6, 2),
	FH("reserved2", "Reserved", 8, 2),
	FUN("lifetime", "Lifetime", 10, 2, "s"),
};
static const struct mw_field f_lra[] = {
	MH_COMMON, FU("seq", "Sequence #", 6, 2),
	FF("u", "Unsolicited (U)", 8, 1, 0x80),
	FM("reserved2", "Reserved", 8, 1, 0x7f),
	FV("status", "Status", 9, 1, MW_REG_MH_LRA_STATUS),
	FUN("lifetime", "Lifetime", 10, 2, "s"),
};
/* RFC 6705 10.2 lists the LRA status values itself (its IANA section
 * creates no registry), so there is no CSV snapshot for this table. */
extern const struct mw_registry mwi_reg_mh_lra_status;
static const struct mw_reg_entry lra_status_rows[] = {
	[0] = { .key = "success", .name = "Success", .ref = "RFC 6705 10.2", .code = 0 },
	[128] = { .key = "localized_routing_not_allowed", .name = "Localized Routing Not Allowed",
		  .ref = "RFC 6705 10.2", .code = 128 },
	[129] = { .key = "mn_not_attached", .name = "MN Not Attached", .ref = "RFC 6705 10.2",
		  .code = 129 },
};
const struct mw_registry mwi_reg_mh_lra_status = {
	.id = MW_REG_MH_LRA_STATUS, .key = "mh.lra_status",
	.name = "Localized Routing Acknowledgment Status (RFC 6705 10.2)",
	.source = "RFC 6705 10.2 (no IANA registry)",
	.rows = lra_status_rows, .n_rows = MW_NROWS(lra_status_rows),
};
/* RFC 7077 4.1: the Notification Reason is drawn (and described) as 16
 * bits although its IANA registry ends at 255. */
static const struct mw_field f_upn[] = {
	MH_COMMON, FU("seq", "Sequence #", 6, 2),
	FV("reason", "Notification Reason", 8, 2, MW_REG_MH_UPN_REASON),
	FF("a", "Acknowledgement Requested (A)", 10, 2, 0x8000),
	FF("d", "Retransmit (D)", 10, 2, 0x4000),
	FM("reserved2", "Reserved", 10, 2, 0x3fff),
};
static const struct mw_field f_upa[] = {
	MH_COMMON, FU("seq", "Sequence #", 6, 2),
	FV("status", "Status Code", 8, 1, MW_REG_MH_UPA_STATUS),
	FH("reserved2", "Reserved", 9, 3),
};
/* RFC 7109 6.1.1 / 6.1.2: the Flow Binding Type is drawn over 16 bits
 * (Figures 3, 4; the text gives no width, its registry ends at 255);
 * byte 10 is the Trigger (FBI, type 1) or the Status (FBA, type 2); the A
 * bit exists in the FBI only (byte 11 is all Reserved in an FBA). The
 * MW_REG_MH_FB_TYPE rows give the variant fields. */
static const struct mw_field f_fb[] = {
	MH_COMMON, FV("fb_type", "Flow Binding Type", 6, 2, MW_REG_MH_FB_TYPE),
	FU("seq", "Sequence #", 8, 2),
	FU("trigger_status", "Trigger / Status", 10, 1),
	FF("a", "Acknowledge (A) (FBI only)", 11, 1, 0x80),
	FM("reserved2", "Reserved", 11, 1, 0x7f),
};
/* RFC 7161 4.3: 8-bit sequence numbers. */
static const struct mw_field f_subq[] = {
	MH_COMMON, FU("seq", "Sequence #", 6, 1),
	FH("reserved2", "Reserved", 7, 1),
};
static const struct mw_field f_subr[] = {
	MH_COMMON, FU("seq", "Sequence #", 6, 1),
	FF("i", "Multicast Information (I)", 7, 1, 0x80),
	FM("reserved2", "Reserved", 7, 1, 0x7f),
};

#define MH(c, k, nm, rf, minl, f, fl)                                       \
	[c] = { .key = k, .name = nm, .ref = rf, .code = c, .min_len = minl, \
		.max_len = MW_LEN_ANY, .hdr = MW_HDR_NONE,                  \
		.sub = MW_REG_MH_OPT, .flags = fl, .where = MW_IN_MH_ANY,   \
		.fields = f, .n_fields = MW_NROWS(f) }

static const struct mw_reg_entry mh_rows[] = {
	MH(0, "brr", "Binding Refresh Request", "RFC 6275 6.1.2", 8, f_brr, 0),
	MH(1, "hoti", "Home Test Init", "RFC 6275 6.1.3", 16, f_hoti, 0),
	MH(2, "coti", "Care-of Test Init", "RFC 6275 6.1.4", 16, f_coti, 0),
	MH(3, "hot", "Home Test", "RFC 6275 6.1.5", 24, f_hot, 0),
	MH(4, "cot", "Care-of Test", "RFC 6275 6.1.6", 24, f_cot, 0),
	MH(5, "bu", "Binding Update", "RFC 6275 6.1.7; RFC 5213 8.1", 12, f_bu, 0),
	MH(6, "ba", "Binding Acknowledgement", "RFC 6275 6.1.8; RFC 5213 8.2", 12, f_ba, 0),
	MH(7, "be", "Binding Error", "RFC 6275 6.1.9", 24, f_be, 0),
	MH(8, "fbu", "Fast Binding Update", "RFC 5568 6.2.2", 12, f_fbu, 0),
	MH(9, "fback", "Fast Binding Acknowledgment", "RFC 5568 6.2.3", 12, f_fback, 0),
	MH(10, "fna", "Fast Neighbor Advertisement (Deprecated)", "RFC 5568; RFC 4068 6.3.3", 8, f_fna, MW_RF_DEPRECATED),
	MH(11, "exp", "Experimental Mobility Header", "RFC 5096 3", 8, f_exp, MW_RF_EXPERIMENTAL),
	MH(12, "has", "Home Agent Switch Message", "RFC 5142 4", 8, f_has, 0),
	MH(13, "hb", "Heartbeat Message", "RFC 5847 3.3", 12, f_hb, 0),
	MH(14, "hi", "Handover Initiate Message", "RFC 5568 6.2.1.1; RFC 5949 6.1.1", 10, f_hi, 0),
	MH(15, "hack", "Handover Acknowledge Message", "RFC 5568 6.2.1.2; RFC 5949 6.1.2", 10, f_hack, 0),
	MH(16, "br", "Binding Revocation Message", "RFC 5846 5", 12, f_br, 0),
	MH(17, "lri", "Localized Routing Initiation", "RFC 6705 10.1", 12, f_lri, 0),
	MH(18, "lra", "Localized Routing Acknowledgment", "RFC 6705 10.2", 12, f_lra, 0),
	MH(19, "upn", "Update Notification", "RFC 7077 4.1", 12, f_upn, 0),
	MH(20, "upa", "Update Notification Acknowledgement", "RFC 7077 4.2", 12, f_upa, 0),
	MH(21, "fb", "Flow Binding Message", "RFC 7109 6.1", 12, f_fb, MW_RF_EXPERIMENTAL),
	MH(22, "subq", "Subscription Query", "RFC 7161 4.3.1.2", 8, f_subq, MW_RF_EXPERIMENTAL),
	MH(23, "subr", "Subscription Response", "RFC 7161 4.3.2.2", 8, f_subr, MW_RF_EXPERIMENTAL),
};

const struct mw_registry mwi_reg_mh_type = {
	.id = MW_REG_MH_TYPE, .key = "mh",
	.name = "Mobility Header Types",
	.source = "IANA mobility-parameters (2018-03-20)",
	.rows = mh_rows, .n_rows = MW_NROWS(mh_rows),
};

/* Binding Revocation Type (RFC 5846 5): the layouts name byte 7 by
 * variant; offsets are from the MH start like the type-16 layout. */
static const struct mw_field f_bri[] = {
	FV("trigger", "Revocation Trigger", 7, 1, MW_REG_BRI_TRIGGER),
};
static const struct mw_field f_bra[] = {
	FV("status", "Status", 7, 1, MW_REG_BRI_STATUS),
};
static const struct mw_reg_entry br_rows[] = {
	[0] = { .key = "reserved_0", .name = "Reserved", .ref = "RFC 5846",
		.code = 0, .flags = MW_RF_RESERVED },
	[1] = { .key = "bri", .name = "Binding Revocation Indication",
		.ref = "RFC 5846 5.1", .code = 1, .min_len = 12,
		.max_len = MW_LEN_ANY, .fields = f_bri,
		.n_fields = MW_NROWS(f_bri) },
	[2] = { .key = "bra", .name = "Binding Revocation Acknowledgement",
		.ref = "RFC 5846 5.2", .code = 2, .min_len = 12,
		.max_len = MW_LEN_ANY, .fields = f_bra,
		.n_fields = MW_NROWS(f_bra) },
};
const struct mw_registry mwi_reg_mh_br_type = {
	.id = MW_REG_MH_BR_TYPE, .key = "mh.br_type",
	.name = "Binding Revocation Type",
	.source = "IANA mobility-parameters (2018-03-20)",
	.rows = br_rows, .n_rows = MW_NROWS(br_rows),
};

/* Flow Binding Type (RFC 7109 6.1.1 / 6.1.2, IANA "Flow Binding Type"):
 * the FBI / FBA variants of MH 21, offsets from the MH start. */
static const struct mw_field f_fbi[] = {
	FV("trigger", "Trigger", 10, 1, MW_REG_MH_FB_TRIGGER),
	FF("a", "Acknowledge (A)", 11, 1, 0x80),
	FM("reserved2", "Reserved", 11, 1, 0x7f),
};
static const struct mw_field f_fba[] = {
	FV("status", "Status", 10, 1, MW_REG_MH_FBA_STATUS),
	FH("reserved2", "Reserved", 11, 1),
};
static const struct mw_reg_entry fb_type_rows[] = {
	[1] = { .key = "flow_binding_indication", .name = "Flow Binding Indication",
		.ref = "RFC 7109 6.1.1", .code = 1, .min_len = 12,
		.max_len = MW_LEN_ANY, .fields = f_fbi,
		.n_fields = MW_NROWS(f_fbi) },
	[2] = { .key = "flow_binding_acknowledgement", .name = "Flow Binding Acknowledgement",
		.ref = "RFC 7109 6.1.2", .code = 2, .min_len = 12,
		.max_len = MW_LEN_ANY, .fields = f_fba,
		.n_fields = MW_NROWS(f_fba) },
};
const struct mw_registry mwi_reg_mh_fb_type = {
	.id = MW_REG_MH_FB_TYPE, .key = "mh.fb_type", .name = "Flow Binding Type",
	.source = "IANA mobility-parameters",
	.rows = fb_type_rows, .n_rows = MW_NROWS(fb_type_rows),
};

uint32_t mwi_mh_fixed_len(uint8_t type, const uint8_t *mh, size_t avail,
			  uint32_t msg_len)
{
	return mwi_mh_fixed_len_row(mw_reg_lookup(MW_REG_MH_TYPE, type), type,
				    mh, avail, msg_len);
}


/* Checked against the RFC text in this pass (the other MH types: see the
 * summary at the end of mip6_reg_opt.c and mh_facts[]):
 * - 10 FNA: RFC 4068 6.3.3 (16-bit Reserved, min 8); RFC 5568 keeps only
 *   the deprecated type.
 * - 12 HAS: RFC 5142 4 (count, reserved, addresses, options; min 8 when
 *   count 0 and no options). The address list is drawn to the end of the
 *   message (see f_has): the registry cannot size a field by a count.
 * - 16 BRI / BRA: RFC 5846 5, 5.1, 5.2 (the refs said 8.x, which is LMA
 *   operation): B.R. Type 6, Trigger / Status 7, Sequence 8, P 0x8000,
 *   V 0x4000, G 0x2000 of bytes 10-11, min 12; trigger values 250-255
 *   (testing) are not IANA rows.
 * - 19 UPN: RFC 7077 4.1, Notification Reason 16 bits at 8 (text and
 *   figure agree; the IANA registry stops at 255), A 0x8000 and D 0x4000
 *   of bytes 10-11. 20 UPA: RFC 7077 4.2, Status 8 bits at 8, 24 reserved.
 * - 21 FB: RFC 7109 6.1.1 / 6.1.2 (FBI / FBA variants in fb_type_rows).
 * tests/lib/mip6/test_registry.c mh_facts[] pins these. */
