/* Mobile IPv4: decoded messages on UDP 434, agent advertisement and
 * solicitation, and their builders. Extensions are struct mw_elem entries
 * in the packet (see decode.h); their layouts are in MW_REG_MIP4_EXT.
 *
 * Extension header forms (struct mw_reg_entry.hdr of MW_REG_MIP4_EXT rows):
 *   MW_HDR_PAD1   type 0 only: one byte.
 *   MW_HDR_TLV8   type(1) length(1) data             (RFC 5944 1.9)
 *   MW_HDR_LONG   type(1) subtype(1) length(2) data  (RFC 5944 1.10)
 *   MW_HDR_SHORT  type(1) length(1) subtype(1) data  (RFC 5944 1.11)
 *   MW_HDR_CVSE   type(1) reserved(1) length(2) data (RFC 3115)
 * The length field never counts the type/length bytes; for SHORT it counts
 * the subtype byte, for LONG it does not (RFC 5944 1.10/1.11).
 *
 * Sub-types: a decoded element keeps its sub-type in mw_elem.subtype (0
 * for TLV8/CVSE). The row's `sub` names the sub-type registry when it has a
 * global id; mw_mip4_subtypes() finds it for every extension (some sub-type
 * registries are local to this module, see mw_mip4_registries()). A
 * sub-type row's `fields` is the layout of that sub-type's body, with
 * offsets from the element's first byte, like the extension's own row. */
#ifndef MIPWIRE_MIP4_H
#define MIPWIRE_MIP4_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "registry.h"
#include "status.h"
#include "wbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MW_MIP4_PORT 434

/* Message type codes (names and layouts: MW_REG_MIP4_MSG). */
enum {
	MW_MIP4_RRQ = 1,
	MW_MIP4_RRP = 3,
	MW_MIP4_TUNNEL_DATA = 4,   /* RFC 3519 */
	MW_MIP4_REVOCATION = 7,    /* RFC 3543 */
	MW_MIP4_REVOCATION_ACK = 15,
	MW_MIP4_HANDOFF_REQ = 16,  /* RFC 4881 */
	MW_MIP4_HANDOFF_REPLY = 17,
	MW_MIP4_REG_RRQ = 18,      /* RFC 4857 regional registration request */
	MW_MIP4_REG_RRP = 19,
	MW_MIP4_FBU = 20,          /* RFC 4988 */
	MW_MIP4_FBACK = 21,
	MW_MIP4_GNM = 22,          /* RFC 6098 generic notification */
	MW_MIP4_GNM_ACK = 23,
	MW_MIP4_HOTI = 24,         /* RFC 6521 */
	MW_MIP4_COTI = 25,
	MW_MIP4_HOT = 26,
	MW_MIP4_COT = 27,
	MW_MIP4_EXPERIMENTAL = 255,/* RFC 4064 */
};

/* Extension type codes most callers need (all: MW_REG_MIP4_EXT). */
enum {
	MW_MIP4X_PAD = 0,
	MW_MIP4X_MN_HA_AUTH = 32,
	MW_MIP4X_MN_FA_AUTH = 33,
	MW_MIP4X_FA_HA_AUTH = 34,
	MW_MIP4X_GEN_AUTH = 36,    /* long form, sub-type MW_REG_MIP4_GAUTH_SUB */
	MW_MIP4X_CVSE = 38,
	MW_MIP4X_UDP_TUN_REPLY = 44,
	MW_MIP4X_EDS = 130,        /* Encapsulating Delivery Style (RFC 3024) */
	MW_MIP4X_MN_NAI = 131,
	MW_MIP4X_MN_FA_CHALLENGE = 132,
	MW_MIP4X_NVSE = 134,
	MW_MIP4X_REVOC_SUPPORT = 137,
	MW_MIP4X_UDP_TUN_REQ = 144,
	MW_MIP4X_MSG_STRING = 145,
	MW_MIP4X_NEMO = 148,
};

/* Agent advertisement extension codes (MW_REG_MIP4_ADV_EXT). */
enum {
	MW_MIP4A_PAD = 0,
	MW_MIP4A_MAA = 16,
	MW_MIP4A_PREFIX_LEN = 19,
	MW_MIP4A_CHALLENGE = 24,
};

/* Registration Reply codes the tools test for (names: MW_REG_MIP4_REPLY). */
#define MW_RRP_INVALID_COA 77    /* foreign agent: care-of address not advertised */

/* RRQ flag bits (RFC 5944 3.3, RFC 3024 T, RFC 3519 x). */
#define MW_RRQ_S 0x80
#define MW_RRQ_B 0x40
#define MW_RRQ_D 0x20
#define MW_RRQ_M 0x10
#define MW_RRQ_G 0x08
#define MW_RRQ_r 0x04
#define MW_RRQ_T 0x02
#define MW_RRQ_x 0x01

/* Registration request (also regional registration request: same fixed
 * part, RFC 4857). */
struct mw_mip4_rrq {
	uint8_t flags;
	uint16_t lifetime;
	uint32_t hoa, ha, coa;
	uint64_t ident;
};

/* Registration reply (also regional registration reply). */
struct mw_mip4_rrp {
	uint8_t code;
	uint16_t lifetime;
	uint32_t hoa, ha;
	uint64_t ident;
};

/* RFC 3519 UDP tunnel data message header. */
struct mw_mip4_tunnel_data {
	uint8_t next_header;  /* 4 IPv4, 47 GRE, 55 minimal encapsulation */
	uint16_t reserved;
};

/* RFC 3543 registration revocation (type 7) / acknowledgement (type 15).
 * For the acknowledgement only flags (I), hoa and rev_id are on the wire. */
struct mw_mip4_revocation {
	uint16_t flags;       /* A, I bits etc. as on the wire (bytes 2-3) */
	uint32_t hoa, fdaddr, hdaddr; /* home addr, foreign/home domain addr */
	uint32_t rev_id;
};
#define MW_REVOC_A 0x8000
#define MW_REVOC_I 0x4000     /* revocation; in the ack the I bit is 0x8000 */
#define MW_REVOC_ACK_I 0x8000

/* Decoded fixed part of any MIPv4 message. Types without a typed struct
 * here are decoded through their layout (MW_REG_MIP4_MSG fields). */
struct mw_mip4 {
	uint8_t type;
	bool known;           /* type is assigned in the registry */
	uint32_t fixed_len;   /* bytes of the fixed part (extensions follow) */
	union {
		struct mw_mip4_rrq rrq;
		struct mw_mip4_rrp rrp;
		struct mw_mip4_tunnel_data tun;
		struct mw_mip4_revocation rev;
	} u;
};

/* Agent advertisement: ICMP router advertisement (type 9) + extensions. */
struct mw_mip4_adv {
	uint8_t icmp_type;            /* 9 advertisement, 10 solicitation */
	uint8_t icmp_code;
	uint8_t num_addrs, addr_entry_size;
	uint16_t lifetime;            /* ICMP router advertisement lifetime */
	uint32_t addrs_off;           /* frame offset of the address list */
	/* Mobility Agent Advertisement Extension (16) if present */
	bool has_maa;
	uint16_t seq;
	uint16_t reg_lifetime;
	uint16_t maa_flags;           /* R B H F M G r T U X I + reserved bits, as on the wire */
	uint8_t n_coa;
	uint32_t coa_off;             /* frame offset of the first care-of address */
	/* Prefix-Lengths Extension (19) if present */
	bool has_prefix_len;
	uint8_t n_prefix_len;
	uint32_t prefix_len_off;      /* frame offset of the first prefix length */
	/* Challenge Extension (24) if present */
	bool has_challenge;
	uint8_t challenge_len;
	uint32_t challenge_off;
};

/* Agent advertisement flags in the MAA extension: the flags byte followed
 * by the reserved byte, read as one 16-bit field (RFC 5944 2.1.1; U RFC
 * 3519 3.3; X RFC 3543 3.2; I RFC 4857 3.1). */
#define MW_MAA_R 0x8000
#define MW_MAA_B 0x4000
#define MW_MAA_H 0x2000
#define MW_MAA_F 0x1000
#define MW_MAA_M 0x0800
#define MW_MAA_G 0x0400
#define MW_MAA_r 0x0200
#define MW_MAA_T 0x0100
#define MW_MAA_U 0x0080
#define MW_MAA_X 0x0040
#define MW_MAA_I 0x0020

/* ---- registries ---- */

/* The sub-type registry of registration extension `ext_type` (adv =
 * false) or agent advertisement extension (adv = true); NULL if it has
 * none. May return a table without a global id (id MW_REG_NONE). */
const struct mw_registry *mw_mip4_subtypes(uint8_t ext_type, bool adv);
/* Row of an element's sub-type (NULL when none / unknown). */
struct mw_elem;
const struct mw_reg_entry *mw_mip4_sub_row(const struct mw_elem *e);

/* Every MIPv4 table of this module, global or local, with the IANA CSV
 * file (libmipwire/registry/iana/<csv>) it transcribes (NULL when the table
 * has no IANA snapshot). For tests, docs and value strings. */
struct mw_mip4_table {
	const struct mw_registry *reg;
	const char *csv;
};
const struct mw_mip4_table *mw_mip4_registries(size_t *n);

/* ---- builders ----
 * All builders append to w and return MW_OK, MW_E_NOSPACE (buffer too
 * small; w->overflow set) or MW_E_INVAL. They write the UDP payload only
 * (the message from its type byte); put the UDP/IP headers around it with
 * build.h. Authenticators are computed over the bytes from the message's
 * first byte, which is w->len when mw_mip4_build*() is entered, so w may
 * already hold lower-layer headers. */

/* One extension to append. The header (type, length, sub-type) is written
 * from the registry row's header form; unknown types use TLV8 (or `hdr`
 * when set). `data`/`len` is the body after the header.
 *
 * Authentication extensions (32, 33, 34 and 36; RFC 5944 3.5, RFC 4721):
 * the body is SPI(4) + authenticator; `data` is ignored. The authenticator
 * is, in this order of preference: `forced_auth` (any length, written as
 * is); mw_mip4_auth_compute(alg, key) over the message from its first byte
 * through the SPI; else `auth_len` zero bytes (default 16).
 *
 * set_len writes len_field in the length field instead of the
 * right one (for negative tests); the bytes written do not change. */
struct mw_mip4_ext_spec {
	uint8_t type, subtype;
	uint8_t hdr;               /* enum mw_hdr_form override, 0 = registry */
	const uint8_t *data;
	size_t len;
	uint32_t spi;
	int alg;                   /* enum mw_auth_alg, 0 = no computation */
	const uint8_t *key;
	size_t key_len;
	const uint8_t *forced_auth;
	size_t forced_auth_len;
	size_t auth_len;           /* zero authenticator length when alg == 0; 0 = 16 */
	bool set_len;              /* write len_field instead of the right length */
	uint16_t len_field;
};

/* An empty spec (all zero: nothing forced). */
#define MW_MIP4_EXT_SPEC_INIT { .set_len = false }

/* Append one extension of the message that starts at w offset msg_start. */
mw_status mw_mip4_put_ext(struct mw_wbuf *w, size_t msg_start,
			  const struct mw_mip4_ext_spec *e);

/* A message with a typed fixed part (RRQ, RRP, regional RRQ/RRP, tunnel
 * data header, revocation, revocation ack) then n extensions. For tunnel
 * data the extensions are not allowed: append the payload yourself. */
mw_status mw_mip4_build(struct mw_wbuf *w, const struct mw_mip4 *msg,
			const struct mw_mip4_ext_spec *exts, size_t n);

/* Any message type: type byte, `rest` (the fixed part after the type
 * byte, as its layout in MW_REG_MIP4_MSG describes it), extensions. */
mw_status mw_mip4_build_raw(struct mw_wbuf *w, uint8_t type,
			    const uint8_t *rest, size_t rest_len,
			    const struct mw_mip4_ext_spec *exts, size_t n);

/* Body helpers: write an extension body into buf (cap bytes) and return
 * its length (0 if it does not fit). Use with a spec's data/len. */
/* CVSE (38) / NVSE (134) body: for NVSE the 2 reserved bytes first, then
 * vendor id(4), vendor sub-type(2), data (RFC 3115). */
size_t mw_mip4_vendor_body(uint8_t *buf, size_t cap, bool nvse,
			   uint32_t vendor_id, uint16_t vendor_sub,
			   const uint8_t *data, size_t len);
/* Revocation Support (137): flags(2: I bit 0x8000) + timestamp(4). */
size_t mw_mip4_revoc_support_body(uint8_t *buf, size_t cap, uint16_t flags,
				  uint32_t timestamp);
/* NEMO (148) Mobile Network Request (sub-type 0): prefix length + prefix
 * (RFC 5177 3.1), or an acknowledgement (sub-type 1/2): code, prefix
 * length, prefix (3.2/3.3). */
size_t mw_mip4_nemo_body(uint8_t *buf, size_t cap, uint8_t subtype,
			 uint8_t code, uint8_t prefix_len, uint32_t prefix);
/* UDP Tunnel Request (144): reserved 1, flags (F 0x80, R 0x40),
 * encapsulation, reserved 3 (RFC 3519 3.1). */
size_t mw_mip4_udptun_req_body(uint8_t *buf, size_t cap, uint8_t flags,
			       uint8_t encap);
/* UDP Tunnel Reply (44): reply code, F flag + keepalive interval (3.2). */
size_t mw_mip4_udptun_reply_body(uint8_t *buf, size_t cap, uint8_t code,
				 bool f, uint16_t keepalive);

/* Shorthands that fill a spec whose data points to caller storage. */
void mw_mip4_spec_nai(struct mw_mip4_ext_spec *s, const char *nai);
void mw_mip4_spec_challenge(struct mw_mip4_ext_spec *s, const uint8_t *ch,
			    size_t len);
void mw_mip4_spec_auth(struct mw_mip4_ext_spec *s, uint8_t type,
		       uint32_t spi, int alg, const uint8_t *key,
		       size_t key_len);

/* Agent advertisement (ICMP type 9) or solicitation (type 10). Written
 * from the ICMP type byte: type, code, checksum (computed over all of the
 * ICMP message written here), then for an advertisement num addrs, entry
 * size 2, lifetime and the (router address, preference) list, then the
 * MAA extension (16) when has_maa, prefix lengths (19) when n_prefix_len,
 * challenge (24) when challenge_len, then the extra extensions `exts`
 * (TLV8 / PAD1 by MW_REG_MIP4_ADV_EXT). A solicitation has a reserved
 * word after the checksum. The IP header around it is the caller's
 * (build.h). */
struct mw_mip4_adv_spec {
	bool solicitation;
	uint8_t code;                 /* 0, or 16: does not route common traffic */
	uint16_t lifetime;
	uint8_t num_addrs;
	const uint32_t *router_addrs; /* host order */
	const int32_t *preferences;   /* NULL = all 0 */
	bool has_maa;
	uint16_t seq, reg_lifetime, maa_flags;
	uint8_t n_coa;
	const uint32_t *coas;
	bool set_maa_len;             /* write maa_len instead of the right length */
	uint8_t maa_len;
	uint8_t n_prefix_len;
	const uint8_t *prefix_lens;
	uint8_t challenge_len;
	const uint8_t *challenge;
	bool no_checksum;             /* leave the checksum 0 */
};
mw_status mw_mip4_adv_build(struct mw_wbuf *w,
			    const struct mw_mip4_adv_spec *a,
			    const struct mw_mip4_ext_spec *exts, size_t n);

#ifdef __cplusplus
}
#endif
#endif
