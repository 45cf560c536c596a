/* Mobile IPv6: the Mobility Header (protocol 135) and the ICMPv6 / ND
 * messages Mobile IPv6 uses. Mobility options are struct mw_elem entries
 * in the packet (see decode.h); their layouts are in MW_REG_MH_OPT. */
#ifndef MIPWIRE_MIP6_H
#define MIPWIRE_MIP6_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net.h"
#include "status.h"
#include "wbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MW_IPPROTO_MH 135
#define MW_IPPROTO_NONE 59
#define MW_PMIP6_UDP_PORT 5436  /* RFC 5844 PMIPv6 over UDP/IPv4 */

/* Mobility Header types (names, minimum lengths, layouts: MW_REG_MH_TYPE). */
enum {
	MW_MH_BRR = 0,
	MW_MH_HOTI = 1,
	MW_MH_COTI = 2,
	MW_MH_HOT = 3,
	MW_MH_COT = 4,
	MW_MH_BU = 5,
	MW_MH_BA = 6,
	MW_MH_BE = 7,
	MW_MH_FBU = 8,     /* RFC 5568: BU layout */
	MW_MH_FBACK = 9,   /* RFC 5568: BA layout */
	MW_MH_FNA = 10,    /* deprecated */
	MW_MH_EXP = 11,    /* RFC 5096 experimental */
	MW_MH_HAS = 12,    /* RFC 5142 Home Agent Switch */
	MW_MH_HB = 13,     /* RFC 5847 Heartbeat */
	MW_MH_HI = 14,     /* RFC 5568 Handover Initiate */
	MW_MH_HACK = 15,   /* RFC 5568 Handover Acknowledge */
	MW_MH_BR = 16,     /* RFC 5846 Binding Revocation (BRI / BRA by BR type) */
	MW_MH_LRI = 17,    /* RFC 6705 */
	MW_MH_LRA = 18,
	MW_MH_UPN = 19,    /* RFC 7077 */
	MW_MH_UPA = 20,
	MW_MH_FB = 21,     /* RFC 7109 Flow Binding */
	MW_MH_SUBQ = 22,   /* RFC 7161 */
	MW_MH_SUBR = 23,
};

/* Mobility option types used by name in code (all rows: MW_REG_MH_OPT). */
enum {
	MW_MHO_PAD1 = 0,
	MW_MHO_PADN = 1,
	MW_MHO_BRA = 2,        /* Binding Refresh Advice */
	MW_MHO_ALT_COA = 3,
	MW_MHO_NONCE_IDX = 4,
	MW_MHO_BAD = 5,        /* Binding Authorization Data */
	MW_MHO_MNP = 6,
	MW_MHO_MN_ID = 8,
	MW_MHO_HNP = 22,
	MW_MHO_FLOW_ID = 45,
	MW_MHO_ANI = 52,
	MW_MHO_LMA_MAG = 62,
};

/* ICMPv6 types of Mobile IPv6 (MW_REG_ICMP6_MIP) and ND option types. */
enum {
	MW_ICMP6_RA = 134,
	MW_ICMP6_DHAAD_REQ = 144,
	MW_ICMP6_DHAAD_REP = 145,
	MW_ICMP6_MPS = 146,
	MW_ICMP6_MPA = 147,
	MW_ICMP6_FMIP = 154,
};
#define MW_ND_PREFIX_INFO 3
#define MW_ND_ADV_INTERVAL 7
#define MW_ND_HA_INFO 8
#define MW_RA_H 0x20        /* RA flags byte: Home Agent bit (RFC 6275 7.1) */
#define MW_PI_R 0x20        /* Prefix Information flags: Router address (7.2) */

/* BU flag bits (16-bit field after the sequence number). */
#define MW_BU_A 0x8000
#define MW_BU_H 0x4000
#define MW_BU_L 0x2000
#define MW_BU_K 0x1000
#define MW_BU_M 0x0800  /* RFC 4140 */
#define MW_BU_R 0x0400  /* NEMO, RFC 3963 */
#define MW_BU_P 0x0200  /* PMIPv6, RFC 5213 */
#define MW_BU_F 0x0100  /* DSMIPv6 UDP encap, RFC 5555 */
#define MW_BU_T 0x0080  /* TLV header format, RFC 5845 */
#define MW_BU_B 0x0040  /* bulk registration, RFC 6602 */
#define MW_BU_S 0x0020  /* multicast subscription, RFC 7161 */

/* Status codes the tools test for (names: MW_REG_BA_STATUS, MW_REG_BE_STATUS). */
#define MW_BA_SEQ_OUT_OF_WINDOW 135
#define MW_BE_UNKNOWN_HAO 1      /* unknown binding for Home Address option */

/* BA flag bits (8-bit field after status). */
#define MW_BA_K 0x80
#define MW_BA_R 0x40
#define MW_BA_P 0x20
#define MW_BA_T 0x10
#define MW_BA_B 0x08
#define MW_BA_S 0x04

struct mw_mh_bu {
	uint16_t seq;
	uint16_t flags;
	uint16_t lifetime;   /* units of 4 s */
};

struct mw_mh_ba {
	uint8_t status;
	uint8_t flags;
	uint16_t seq;
	uint16_t lifetime;   /* units of 4 s */
};

struct mw_mh_be {
	uint8_t status;
	struct mw_in6 hoa;
};

struct mw_mh_init {        /* HoTI / CoTI */
	uint8_t cookie[8];
};

struct mw_mh_test {        /* HoT / CoT */
	uint16_t nonce_index;
	uint8_t cookie[8];
	uint8_t keygen[8];
};

/* Decoded Mobility Header. Types without a typed struct here are decoded
 * through their layout (MW_REG_MH_TYPE fields). */
struct mw_mh {
	uint8_t payload_proto;
	uint8_t hdr_len;     /* raw: length in 8-octet units excluding the first 8 */
	uint8_t type;
	uint8_t reserved;
	uint16_t csum;
	bool known;
	uint32_t msg_len;    /* (hdr_len + 1) * 8 */
	uint32_t fixed_len;  /* bytes from MH start to the first option */
	int8_t csum_ok;      /* 1 ok, 0 bad, -1 not checked (truncated, no IPv6
	                      * carrier, no_checksums) */
	bool proxy;          /* BU/BA with the P flag: PBU / PBA (RFC 5213) */
	uint32_t min_len;    /* the type's minimum message length (registry) */
	uint32_t opt_off;    /* frame offset of the first option */
	uint32_t opt_len;    /* bytes of options (msg_len - fixed_len, if captured
	                      * and well-formed) */
	union {
		struct mw_mh_bu bu;  /* also PBU, FBU (RFC 5568 FBU has BU layout) */
		struct mw_mh_ba ba;  /* also PBA, FBack */
		struct mw_mh_be be;
		struct mw_mh_init init;
		struct mw_mh_test test;
	} u;
};

/* ICMPv6 messages of Mobile IPv6 (type in struct mw_icmp). */
struct mw_icmp6_mip {
	uint8_t type, code;  /* ICMPv6 type / code */
	uint16_t ident;      /* DHAAD / MPS / MPA identifier; FMIPv6 identifier */
	uint8_t subtype;     /* FMIPv6 type 154 */
	uint8_t n_addrs;     /* DHAAD reply: home agent addresses present */
	uint16_t flags;      /* MPA M/O, RA M/O/H, DHAAD R etc. as on the wire */
	uint32_t body_off;   /* frame offset of addresses / ND options */
	/* router advertisement (type 134) */
	bool ra_home_agent;  /* H bit */
	uint16_t ra_lifetime;
	uint8_t ra_flags;    /* RA M/O/H/Prf byte */
};

/* ---- builders ----------------------------------------------------------
 * All builders append to a struct mw_wbuf and return MW_OK, MW_E_NOSPACE
 * (buffer too small; w->overflow set) or MW_E_INVAL. Nothing is
 * allocated. Values are written as given, so a builder can also make
 * wrong messages for tests (the set_* overrides below). */

/* One mobility option. For type 0 (Pad1) only the type byte is written and
 * data/len are ignored. Otherwise type, length, then `len` bytes of `data`
 * (the option data after the 2-byte type/length header; sub-options of
 * options that have them are part of data: see mw_mh_subopt_put). */
struct mw_mh_opt_spec {
	uint8_t type;
	const uint8_t *data;
	size_t len;          /* 0..255 */
	bool set_len;        /* write len_field as the length byte instead of len */
	uint8_t len_field;
};

struct mw_mh_build_spec {
	/* payload_proto, type, reserved and the typed union (BRR, HoTI, CoTI,
	 * HoT, CoT, BU/PBU/FBU, BA/PBA/FBack, BE) are taken from mh as they
	 * are; hdr_len, csum, known, msg_len, ... are ignored (computed). Use
	 * mw_mh_init() to get payload_proto 59. */
	const struct mw_mh *mh;
	/* Type-specific fixed part after the 6-byte common header, used instead
	 * of the typed union when non-NULL, and for every type that has no
	 * typed struct (HI, HAck, BR, HB, ...). NULL for such a type: zeros up
	 * to the type's minimum length from MW_REG_MH_TYPE. */
	const uint8_t *fixed;
	size_t fixed_len;
	const struct mw_mh_opt_spec *opts;
	size_t n_opts;
	/* Insert Pad1/PadN before each option to meet its alignment (the
	 * registry's xn+y) and pad the message to a multiple of 8. Without
	 * align the options are written back to back and the message is
	 * padded (with PadN/Pad1) to 8n only if pad_to_8 is set. */
	bool align;
	bool pad_to_8;
	/* Checksum over the RFC 6275 pseudo-header when both are given (src =
	 * home address if a HAO is used, dst = RH2 address), else 0. */
	const struct mw_in6 *csum_src, *csum_dst;
	bool set_csum;       /* write csum as given instead */
	uint16_t csum;
	bool set_hdr_len;    /* write hdr_len as given instead of (len/8)-1 */
	uint8_t hdr_len;
};

/* mh = { .payload_proto = 59, .type = type }, everything else 0. */
void mw_mh_init(struct mw_mh *mh, uint8_t type);

/* Build one Mobility Header. The checksum (and a BAD authenticator, see
 * mw_mh_bad_fill) are over the bytes written here, starting at the MH's
 * first byte (w->len on entry). */
mw_status mw_mh_build(struct mw_wbuf *w, const struct mw_mh_build_spec *s);

/* Option bytes (type, length, data) for one option without alignment:
 * a convenience for tests / generators that assemble raw MH bodies. */
mw_status mw_mh_opt_put(struct mw_wbuf *w, const struct mw_mh_opt_spec *o);

/* A sub-option (type, length, data) of an option that has them (Flow
 * Identification 45, ANI 52, LMA-Controlled MAG Parameters 62): write it
 * into the option's data buffer. Pad sub-option 0 of option 45 is one byte. */
mw_status mw_mh_subopt_put(struct mw_wbuf *w, uint8_t type,
			   const uint8_t *data, size_t len);

/* Fill the 12-byte authenticator of the Binding Authorization Data option
 * (type 5, the last option) in an MH already built at mh[0..len) (RFC 6275
 * 5.2.6 / 6.2.7): First(96, HMAC_SHA1(Kbm, CoA | CN | MH data)), MH data
 * being the whole MH without the authenticator, checksum taken as zero
 * (mw_rr_bad_auth). Then the MH checksum is recomputed when csum_src and
 * csum_dst are given. MW_E_INVAL if there is no BAD option with at least
 * 12 data bytes. */
mw_status mw_mh_bad_fill(uint8_t *mh, size_t len, const uint8_t kbm[20],
			 const struct mw_in6 *coa, const struct mw_in6 *cn,
			 const struct mw_in6 *csum_src,
			 const struct mw_in6 *csum_dst);

/* ICMPv6 messages of Mobile IPv6: 144/145 (DHAAD), 146/147 (mobile
 * prefix), 154 (FMIPv6). Writes type, code, checksum, and the 4-byte
 * type-specific field:
 *   144, 146: ident | reserved(16) (flags written as the reserved field,
 *             e.g. 0x8000 = RFC 3963 R bit in a DHAAD request)
 *   145:      ident | flags(16) then `addrs`
 *   147:      ident | flags(16) (MW_MPA_M / MW_MPA_O), then `nd_opts`
 *   154:      subtype | reserved(8) = flags & 0xff | ident, then `nd_opts`
 * `nd_opts` are raw ND options (type, length in 8-octet units, data; see
 * mw_nd_opt_put). The ICMPv6 checksum is computed over the IPv6
 * pseudo-header when src and dst are given, else 0 (or set_csum). */
#define MW_MPA_M 0x8000
#define MW_MPA_O 0x4000
#define MW_DHAAD_R 0x8000   /* RFC 3963 6.3/6.4 mobile router flag */
struct mw_icmp6_mip_build_spec {
	uint8_t type, code;
	uint8_t subtype;     /* 154 only */
	uint16_t ident;
	uint16_t flags;
	const struct mw_in6 *addrs;  /* 145 only */
	size_t n_addrs;
	const uint8_t *nd_opts;      /* 146, 147, 154 (and 144/145 if given) */
	size_t nd_opts_len;
	const struct mw_in6 *csum_src, *csum_dst;
	bool set_csum;
	uint16_t csum;
};
mw_status mw_icmp6_mip_build(struct mw_wbuf *w,
			     const struct mw_icmp6_mip_build_spec *s);

/* One ND option: type, length (in units of 8 octets, covering type and
 * length), data; data is zero-padded to the 8-octet boundary. */
mw_status mw_nd_opt_put(struct mw_wbuf *w, uint8_t type, const uint8_t *data,
			size_t len);

#ifdef __cplusplus
}
#endif
#endif
