/* Registry: Mobile IPv4 message types (UDP 434) and their fixed-part
 * layouts. Field offsets are from the message's type byte. */
#include "mip4_int.h"

#define RRQ_FLAGS \
	F_UX("flags", "Flags", 1, 1), \
	F_FL("s", "Simultaneous bindings (S)", 1, 1, 0x80), \
	F_FL("b", "Broadcast datagrams (B)", 1, 1, 0x40), \
	F_FL("d", "Decapsulation by mobile node (D)", 1, 1, 0x20), \
	F_FL("m", "Minimal encapsulation (M)", 1, 1, 0x10), \
	F_FL("g", "GRE encapsulation (G)", 1, 1, 0x08), \
	F_FL("r", "Reserved (r)", 1, 1, 0x04), \
	F_FL("t", "Reverse tunnelling (T)", 1, 1, 0x02), \
	F_FL("x", "Reserved (x)", 1, 1, 0x01)

static const struct mw_field f_rrq[] = {
	H_TYPE, RRQ_FLAGS,
	F_UU("lifetime", "Lifetime", 2, 2, "s"),
	F_A4("hoa", "Home Address", 4),
	F_A4("ha", "Home Agent", 8),
	F_A4("coa", "Care-of Address", 12),
	F_NTP("ident", "Identification", 16),
};
static const struct mw_field f_rrp[] = {
	H_TYPE,
	F_UV("code", "Code", 1, 1, MW_REG_MIP4_REPLY),
	F_UU("lifetime", "Lifetime", 2, 2, "s"),
	F_A4("hoa", "Home Address", 4),
	F_A4("ha", "Home Agent", 8),
	F_NTP("ident", "Identification", 12),
};
static const struct mw_field f_tun[] = {
	H_TYPE,
	F_UV("next_header", "Next Header", 1, 1, MW_REG_IPPROTO),
	F_UX("reserved", "Reserved", 2, 2),
};
static const struct mw_field f_revoc[] = {
	H_TYPE,
	F_UX("reserved", "Reserved", 1, 1),
	F_UX("flags", "Flags", 2, 2),
	F_FL("a", "Agent / direction (A)", 2, 2, 0x8000),
	F_FL("i", "Inform (I)", 2, 2, 0x4000),
	F_UM("reserved2", "Reserved", 2, 2, 0x3fff),
	F_A4("hoa", "Home Address", 4),
	F_A4("hdaddr", "Home Domain Address", 8),
	F_A4("fdaddr", "Foreign Domain Address", 12),
	F_UX("rev_id", "Revocation Identifier", 16, 4),
};
static const struct mw_field f_revoc_ack[] = {
	H_TYPE,
	F_UX("reserved", "Reserved", 1, 1),
	F_UX("flags", "Flags", 2, 2),
	F_FL("i", "Inform (I)", 2, 2, 0x8000),
	F_UM("reserved2", "Reserved", 2, 2, 0x7fff),
	F_A4("hoa", "Home Address", 4),
	F_UX("rev_id", "Revocation Identifier", 8, 4),
};
#define HO_FLAGS \
	F_UX("flags", "Flags", 1, 1), \
	F_FL("h", "Source-triggered (H)", 1, 1, 0x80), \
	F_FL("n", "Target-triggered (N)", 1, 1, 0x40), \
	F_FL("r", "Renewal (R)", 1, 1, 0x20), \
	F_FL("m", "Minimal encapsulation (M)", 1, 1, 0x10), \
	F_FL("g", "GRE encapsulation (G)", 1, 1, 0x08), \
	F_FL("t", "Reverse tunnel (T)", 1, 1, 0x04), \
	F_FL("b", "Reverse tunnel to HA (B)", 1, 1, 0x02)
static const struct mw_field f_ho_req[] = {
	H_TYPE, HO_FLAGS,
	F_UM("reserved", "Reserved", 1, 3, 0x1ffff),
	F_UU("lifetime", "Lifetime", 4, 2, "s"),
	F_UX("reserved2", "Reserved", 6, 2),
	F_A4("hoa", "MN Home Address", 8),
	F_A4("ha", "HA Address", 12),
	F_NTP("ident", "Identification", 16),
};
static const struct mw_field f_ho_reply[] = {
	H_TYPE, HO_FLAGS,
	F_UM("reserved", "Reserved", 1, 2, 0x1ff),
	F_UV("code", "Code", 3, 1, MW_REG_MIP4_HO_SUB),
	F_UU("lifetime", "Lifetime", 4, 2, "s"),
	F_UX("reserved2", "Reserved", 6, 2),
	F_A4("hoa", "MN Home Address", 8),
	F_A4("ha", "HA Address", 12),
	F_NTP("ident", "Identification", 16),
};
static const struct mw_field f_reg_rrq[] = {
	H_TYPE, RRQ_FLAGS,
	F_UU("lifetime", "Lifetime", 2, 2, "s"),
	F_A4("hoa", "Home Address", 4),
	F_A4("gfa", "GFA IP Address", 8),
	F_A4("coa", "Care-of Address", 12),
	F_NTP("ident", "Identification", 16),
};
static const struct mw_field f_reg_rrp[] = {
	H_TYPE,
	F_UV("code", "Code", 1, 1, MW_REG_MIP4_REPLY),
	F_UU("lifetime", "Lifetime", 2, 2, "s"),
	F_A4("hoa", "Home Address", 4),
	F_A4("gfa", "GFA IP Address", 8),
	F_NTP("ident", "Identification", 12),
};
/* RFC 4988 5.2: codes 0, 1, 128-130 from RFC 4068 (no IANA registry). */
static const struct mw_field f_fback[] = {
	H_TYPE,
	F_U("code", "Code", 1, 1),
	F_UU("lifetime", "Lifetime", 2, 2, "s"),
	F_A4("hoa", "Home Address", 4),
	F_A4("ha", "Home Agent (PAR)", 8),
	F_NTP("ident", "Identification", 12),
};
static const struct mw_field f_gnm[] = {
	H_TYPE,
	F_U("md", "Message Direction", 1, 1),
	F_FL("a", "Acknowledgement required (A)", 2, 1, 0x80),
	F_UM("reserved", "Reserved", 2, 2, 0x7fff),
	F_A4("hoa", "Home Address", 4),
	F_A4("ha", "Home Agent Address", 8),
	F_A4("coa", "Care-of Address", 12),
	F_NTP("ident", "Identification", 16),
};
static const struct mw_field f_gnm_ack[] = {
	H_TYPE,
	F_U("md", "Message Direction", 1, 1),
	F_UV("code", "Code", 2, 1, MW_REG_MIP4_GNM_SUB),
	F_UX("reserved", "Reserved", 3, 1),
	F_A4("hoa", "Home Address", 4),
	F_A4("ha", "Home Agent Address", 8),
	F_A4("coa", "Care-of Address", 12),
	F_NTP("ident", "Identification", 16),
};
static const struct mw_field f_hoti[] = {
	H_TYPE,
	F_UX("reserved", "Reserved", 1, 1),
	F_UX("cookie", "Home Init Cookie", 2, 8),
};
static const struct mw_field f_coti[] = {
	H_TYPE,
	F_UX("reserved", "Reserved", 1, 1),
	F_UX("cookie", "Care-of Init Cookie", 2, 8),
};
static const struct mw_field f_hot[] = {
	H_TYPE,
	F_UX("reserved", "Reserved", 1, 1),
	F_U("nonce_index", "Home Nonce Index", 2, 2),
	F_UX("cookie", "Home Init Cookie", 4, 8),
	F_UX("keygen", "Home Keygen Token", 12, 8),
};
static const struct mw_field f_cot[] = {
	H_TYPE,
	F_UX("reserved", "Reserved", 1, 1),
	F_U("nonce_index", "Care-of Nonce Index", 2, 2),
	F_UX("cookie", "Care-of Init Cookie", 4, 8),
	F_UX("keygen", "Care-of Keygen Token", 12, 8),
};
static const struct mw_field f_exp[] = {
	H_TYPE,
	F_BY("data", "Data", 1, 0),
};

/* min_len = fixed part; max_len unbounded (extensions follow). */
#define MSG(c, k, n, r, fixed, f) \
	ROW(c, k, n, r, fixed, MW_LEN_ANY, MW_HDR_NONE, MW_REG_MIP4_EXT, 0, 0, f)

static const struct mw_reg_entry msg_rows[256] = {
	MSG(1, "rrq", "Registration Request", "RFC 5944 3.3", 24, f_rrq),
	MSG(3, "rrp", "Registration Reply", "RFC 5944 3.4", 20, f_rrp),
	ROW(4, "tunnel_data", "Tunnel Data", "RFC 3519 3.3", 4, MW_LEN_ANY,
	    MW_HDR_NONE, MW_REG_IPPROTO, 0, 0, f_tun),
	MSG(7, "revocation", "Registration Revocation", "RFC 3543 3.3", 20, f_revoc),
	MSG(15, "revocation_ack", "Revocation Acknowledgment", "RFC 3543 3.4", 12, f_revoc_ack),
	MSG(16, "handoff_req", "Handoff Request", "RFC 4881 4.5", 24, f_ho_req),
	MSG(17, "handoff_reply", "Handoff Reply", "RFC 4881 4.6", 24, f_ho_reply),
	MSG(18, "reg_rrq", "Regional Registration Request", "RFC 4857 10.1", 24, f_reg_rrq),
	MSG(19, "reg_rrp", "Regional Registration Reply", "RFC 4857 10.2", 20, f_reg_rrp),
	MSG(20, "fbu", "Fast Binding Update (FBU)", "RFC 4988 5.1", 24, f_rrq),
	MSG(21, "fback", "Fast Binding Acknowledgment (FBAck)", "RFC 4988 5.2", 20, f_fback),
	MSG(22, "gnm", "Generic Notification", "RFC 6098 4.1", 24, f_gnm),
	MSG(23, "gnm_ack", "Generic Notification Acknowledgement", "RFC 6098 4.2", 24, f_gnm_ack),
	MSG(24, "hoti", "Home Test Init message", "RFC 6521 5.6", 10, f_hoti),
	MSG(25, "coti", "Care-of Test Init message", "RFC 6521 5.7", 10, f_coti),
	MSG(26, "hot", "Home Test message", "RFC 6521 5.8", 20, f_hot),
	MSG(27, "cot", "Care-of Test message", "RFC 6521 5.9", 20, f_cot),
	ROW(255, "experimental", "Message for Experimental use", "RFC 4064", 1,
	    MW_LEN_ANY, MW_HDR_NONE, 0, MW_RF_EXPERIMENTAL, 0, f_exp),
};

const struct mw_registry mwi_reg_mip4_msg = {
	MW_REG_MIP4_MSG, "mip4.msg", "Mobile IP Message Types",
	"IANA mobileip-numbers", msg_rows, 256,
};
