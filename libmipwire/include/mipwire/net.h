/* Decoded headers of the layers below (and around) Mobile IP: link layer,
 * IPv4, the IPv6 extension-header chain, UDP, ICMP/ICMPv6 and tunnels.
 * Values are host order; IPv4 addresses are host-order uint32_t. */
#ifndef MIPWIRE_NET_H
#define MIPWIRE_NET_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MW_ETHERTYPE_IP4 0x0800
#define MW_ETHERTYPE_ARP 0x0806
#define MW_ETHERTYPE_VLAN 0x8100  /* 802.1Q C-tag */
#define MW_ETHERTYPE_QINQ 0x88a8  /* 802.1ad S-tag */
#define MW_ETHERTYPE_IP6 0x86dd

enum {
	MW_IPPROTO_HOPOPTS = 0,
	MW_IPPROTO_ICMP = 1,
	MW_IPPROTO_IPIP = 4,     /* IPv4 in IP (RFC 2003 / 2473) */
	MW_IPPROTO_TCP = 6,
	MW_IPPROTO_UDP = 17,
	MW_IPPROTO_IPV6 = 41,
	MW_IPPROTO_ROUTING = 43,
	MW_IPPROTO_FRAGMENT = 44,
	MW_IPPROTO_GRE = 47,
	MW_IPPROTO_ESP = 50,
	MW_IPPROTO_AH = 51,
	MW_IPPROTO_MINENC = 55,  /* RFC 2004 */
	MW_IPPROTO_ICMPV6 = 58,
	MW_IPPROTO_NONE = 59,
	MW_IPPROTO_DSTOPTS = 60,
	MW_IPPROTO_MH = 135,
	MW_IPPROTO_MH_OLD = 62,   /* drafts before RFC 3775 */
};

/* UDP ports of tunnels decoded by the net module */
#define MW_DSMIP6_UDP_PORT 4191   /* RFC 5555 UDP encapsulation */
#define MW_PMIP6_UDP_DATA_PORT 5437 /* RFC 5844 IPv4-UDP data tunnel */

struct mw_in6 {
	uint8_t b[16];
};

/* Layer kinds; also the row codes of MW_REG_LAYER (its layouts). */
enum mw_layer_kind {
	MW_L_NONE = 0,
	MW_L_ETH,       /* Ethernet II */
	MW_L_VLAN,      /* 802.1Q / 802.1ad tag */
	MW_L_SLL,       /* Linux cooked v1 */
	MW_L_SLL2,      /* Linux cooked v2 */
	MW_L_NULL,      /* BSD null/loopback */
	MW_L_IP4,
	MW_L_IP6,
	MW_L_IP6_HBH,   /* Hop-by-Hop options */
	MW_L_IP6_DST,   /* Destination options (Home Address option inside) */
	MW_L_IP6_RH,    /* Routing header (type 2 decoded) */
	MW_L_IP6_FRAG,  /* Fragment header */
	MW_L_AH,
	MW_L_ESP,       /* payload not decodable: decode stops */
	MW_L_UDP,
	MW_L_ICMP4,
	MW_L_ICMP6,
	MW_L_GRE,       /* RFC 2784 / 2890 */
	MW_L_MINENC,    /* RFC 2004 minimal encapsulation (proto 55) */
	MW_L_MIP4,      /* a Mobile IPv4 message on UDP 434 (see mip4.h) */
	MW_L_MH,        /* a Mobility Header (see mip6.h) */
	MW_L_TCP,       /* recognised only: ports */
	MW_L_PAYLOAD,   /* anything not decoded further */
	MW_L_UDP_TLV,   /* RFC 5845 7.2 TLV header of a UDP tunnel (type, next header, length) */
	MW_L_SLIP,      /* libpcap's 16-byte SLIP pseudo-header (LINKTYPE_SLIP) */
	MW_L__COUNT
};

struct mw_eth {
	uint8_t dst[6], src[6];
	uint16_t ethertype;
};

struct mw_vlan {
	uint16_t tci;       /* PCP/DEI/VID */
	uint16_t ethertype; /* the next one */
};

struct mw_sll {
	uint16_t pkttype, hatype, halen;
	uint8_t addr[8];
	uint16_t protocol;
	uint32_t ifindex;   /* SLL2 only */
};

#define MW_RH_TYPE2 2  /* routing header type of Mobile IPv6 (RFC 6275 6.4) */

/* An IPv4 group destination: multicast (224/4) or limited broadcast. */
static inline bool mw_ip4_is_group(uint32_t a)
{
	return (a >> 28) == 0xe || a == 0xffffffffu;
}

struct mw_ip4 {
	uint8_t ihl;        /* header length in bytes */
	uint8_t tos;
	uint16_t total_len;
	uint16_t id;
	uint16_t frag;      /* flags + offset as on the wire */
	uint8_t ttl;
	uint8_t proto;
	uint16_t csum;
	bool csum_ok;       /* header checksum verified */
	bool is_fragment;   /* MF set or offset != 0: payload not decoded */
	uint32_t src, dst;
	uint32_t opt_off, opt_len; /* options, frame offsets */
};

struct mw_ip6 {
	uint32_t vtcfl;     /* version / traffic class / flow label */
	uint16_t payload_len;
	uint8_t next;
	uint8_t hlim;
	struct mw_in6 src, dst;
};

/* Home Address option (Dst opt type 201, RFC 6275 6.3). */
struct mw_hao {
	bool present;
	uint32_t off;       /* frame offset of the option type byte */
	struct mw_in6 hoa;
};

struct mw_ip6_ext {
	uint8_t next;
	uint8_t hdr_len;    /* raw Hdr Ext Len field */
	uint32_t opt_off, opt_len; /* options / type-specific data, frame offsets */
	/* routing header */
	uint8_t rh_type, segleft;  /* MW_RH_TYPE2: Mobile IPv6 */
	struct mw_in6 rh2_addr;  /* type 2: the home address */
	bool rh2_valid;           /* type 2 with Hdr Ext Len 2, segleft 1 */
	/* destination options */
	struct mw_hao hao;
	/* fragment */
	uint16_t frag_off;  /* offset in 8-octet units */
	bool frag_more;
	uint32_t frag_id;
	/* AH / ESP */
	uint32_t spi, seq;
};

struct mw_udp {
	uint16_t sport, dport, len, csum;
	int8_t csum_ok;     /* 1 ok, 0 bad, -1 not checked (zero or truncated) */
};

struct mw_icmp {
	uint8_t type, code;
	uint16_t csum;
	int8_t csum_ok;     /* 1 ok, 0 bad, -1 not checked */
};

struct mw_gre {
	uint16_t flags_ver;
	uint16_t proto;
	bool has_csum, has_key, has_seq;
	uint16_t csum;
	int8_t csum_ok;     /* 1 ok, 0 bad, -1 absent / not checked */
	uint32_t key, seq;
};

/* RFC 2004: the original IP header is rebuilt from the forwarding header
 * and the outer header. Decoding adds the MW_L_MINENC layer, then a
 * synthetic MW_L_IP4 layer (layer.synthetic, len 0: it has no bytes in the
 * frame) holding the rebuilt header's fields, one tunnel depth deeper;
 * the original payload is decoded from there. The outer header's IP
 * options are the original's (the header is modified in place): the
 * synthetic layer's IHL and opt_off / opt_len point at them.
 * mw_minenc_header() gives the rebuilt header's bytes. */
struct mw_minenc {
	uint8_t proto;
	bool src_present;   /* S bit */
	uint16_t csum;
	bool csum_ok;
	uint32_t dst, src;  /* original destination / source */
};

struct mw_tcp {
	uint16_t sport, dport;
};

#ifdef __cplusplus
}
#endif
#endif
