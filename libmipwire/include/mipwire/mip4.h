/* Mobile IPv4: decoded messages on UDP 434, agent advertisement and
 * solicitation, and their builders. Extensions are struct mw_elem entries
 * in the packet (see decode.h); their layouts are in MW_REG_MIP4_EXT. */
#ifndef MIPWIRE_MIP4_H
#define MIPWIRE_MIP4_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
};

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

/* RFC 3543 registration revocation / acknowledgement. */
struct mw_mip4_revocation {
	uint16_t flags;       /* A, I bits etc. as on the wire */
	uint32_t hoa, fdaddr, hdaddr; /* home addr, foreign/home domain addr */
	uint32_t rev_id;
};

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
};

/* Agent advertisement flags in the MAA extension (16 bits: flags byte
 * followed by the reserved byte, RFC 5944 2.1.1; U/X RFC 3519; I RFC 5177? */
#define MW_MAA_R 0x8000
#define MW_MAA_B 0x4000
#define MW_MAA_H 0x2000
#define MW_MAA_F 0x1000
#define MW_MAA_M 0x0800
#define MW_MAA_G 0x0400
#define MW_MAA_r 0x0200
#define MW_MAA_T 0x0100

#ifdef __cplusplus
}
#endif
#endif
