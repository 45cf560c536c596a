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
};

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

/* BA flag bits (8-bit field after status). */
#define MW_BA_K 0x80
#define MW_BA_R 0x40
#define MW_BA_P 0x20
#define MW_BA_T 0x10
#define MW_BA_B 0x08

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
	int8_t csum_ok;      /* 1 ok, 0 bad, -1 not checked (truncated) */
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
	uint16_t ident;      /* DHAAD / MPS / MPA identifier; FMIPv6 identifier */
	uint8_t subtype;     /* FMIPv6 type 154 */
	uint16_t flags;      /* MPA M/O, RA M/O/H, DHAAD R etc. as on the wire */
	uint32_t body_off;   /* frame offset of addresses / ND options */
	/* router advertisement (type 134) */
	bool ra_home_agent;  /* H bit */
	uint16_t ra_lifetime;
};

#ifdef __cplusplus
}
#endif
#endif
