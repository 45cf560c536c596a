/* Builders of whole frames (link / IP / UDP / ICMP / tunnel headers),
 * for generators and for tests that make captures (files: capture.h).
 * Message-level builders are in mip4.h and mip6.h.
 *
 * Two ways to build:
 *
 * 1. Streaming, through one struct mw_wbuf (any nesting, no scratch
 *    buffers): each header has a `begin` that writes it with its length and
 *    checksum fields left to patch, and an `end` that patches them once the
 *    payload has been written. End in reverse order of begin:
 *
 *      struct mw_wbuf w; struct mw_ipctx ip;
 *      mw_wbuf_init(&w, buf, sizeof buf);
 *      mw_put_eth(&w, &eth, MW_ETHERTYPE_IP4);
 *      mw_ip4_begin(&w, &ip4, MW_IPPROTO_UDP, &ip);
 *      size_t u = mw_udp_begin(&w, 434, 434);
 *      ... write the MIPv4 message into w ...
 *      mw_udp_end(&w, u, &ip, MW_CSUM_COMPUTE);
 *      mw_ip4_end(&w, &ip, &ip4);
 *      if (mw_wbuf_status(&w) != MW_OK) ...   frame is buf[0 .. w.len)
 *
 * 2. One call (mw_frame_*): link + IP (+ UDP / ICMP) around a payload.
 *
 * Every checksum is computed unless forced (spec fields force_* or a csum
 * argument other than MW_CSUM_COMPUTE), so generators can send wrong
 * packets on purpose. All writes go through the wbuf: an overflow is sticky
 * and reported as MW_E_NOSPACE, nothing is written past cap. */
#ifndef MIPWIRE_BUILD_H
#define MIPWIRE_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "net.h"
#include "status.h"
#include "wbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Pass as a csum argument to compute the checksum; any value 0..0xffff is
 * written as is instead (0 = "no checksum" for UDP over IPv4). */
#define MW_CSUM_COMPUTE (-1)

/* ---- link layer ---- */

struct mw_eth_spec {
	uint8_t dst[6], src[6];
	uint8_t n_vlan;         /* 0..4 tags, outermost first */
	uint16_t vlan_tci[4];   /* PCP/DEI/VID of each tag */
	bool qinq;              /* outermost tag is an 802.1ad S-tag (0x88a8) */
};

/* Ethernet II header (+ VLAN tags) announcing `ethertype`. No FCS. */
void mw_put_eth(struct mw_wbuf *w, const struct mw_eth_spec *e,
		uint16_t ethertype);
/* BSD null / loopback header: 4-byte address family (AF_INET 2,
 * AF_INET6 24/28/30), host (little-endian) or network order. */
void mw_put_null(struct mw_wbuf *w, uint32_t family, bool big_endian);
/* Linux cooked v1 (16 bytes) / v2 (20 bytes) headers. */
void mw_put_sll(struct mw_wbuf *w, const struct mw_sll *s);
void mw_put_sll2(struct mw_wbuf *w, const struct mw_sll *s);

/* ---- IP ---- */

/* What an IP begin recorded, for the end and for upper-layer checksums. */
struct mw_ipctx {
	uint8_t version;        /* 4 or 6 */
	size_t off;             /* IP header offset in the wbuf */
	size_t upper_off;       /* first byte after the IP header and its extension headers */
	uint32_t src4, dst4;    /* IPv4 pseudo-header addresses */
	struct mw_in6 src6, dst6; /* IPv6 pseudo-header addresses: HAO home
				   * address as source, RH2 address as the
				   * final destination (RFC 6275 6.1.1, 11.3.1) */
};

struct mw_ip4_spec {
	uint32_t src, dst;      /* host order */
	uint8_t ttl;            /* 0 -> 64 */
	uint8_t tos;
	uint16_t id;
	uint16_t frag;          /* flags + fragment offset as on the wire (0x4000 = DF) */
	const uint8_t *opts;    /* options, padded with EOL (0) to 4 bytes */
	size_t opts_len;        /* <= 40 */
	bool force_csum;        /* write `csum` instead of the computed header checksum */
	uint16_t csum;
	bool force_total_len;   /* write `total_len` instead of the real length */
	uint16_t total_len;
	bool force_ihl;         /* write `ihl` (32-bit words) instead of the real IHL */
	uint8_t ihl;
	bool force_l4_csum;     /* mw_frame_* only: upper-layer checksum value */
	uint16_t l4_csum;
};

/* IPv6 header and, in RFC 6275 6.3 / RFC 8200 4.1 order: Hop-by-Hop,
 * type 2 Routing header, Destination Options (Home Address option; the
 * option MUST come after the routing header), Fragment header; then the
 * upper layer `proto`. */
struct mw_ip6_spec {
	struct mw_in6 src, dst;
	uint8_t hlim;           /* 0 -> 64 */
	uint8_t tclass;
	uint32_t flow;          /* 20 bits */
	const uint8_t *hbh_opts;/* raw Hop-by-Hop options (NULL = no HBH header); padded with PadN */
	size_t hbh_opts_len;
	const struct mw_in6 *rh2;/* type 2 routing header with this home address, Segments Left 1 */
	const struct mw_in6 *hao;/* Destination Options header with this Home Address option (8n+6 aligned) */
	const uint8_t *dst_opts;/* further raw options for that Destination Options header (also made without a HAO) */
	size_t dst_opts_len;
	bool frag;              /* add a Fragment header */
	uint16_t frag_off;      /* 8-octet units */
	bool frag_more;
	uint32_t frag_id;
	bool force_plen;        /* write `plen` as Payload Length */
	uint16_t plen;
	bool force_l4_csum;     /* mw_frame_* only: upper-layer checksum value */
	uint16_t l4_csum;
};

/* Write the header(s); the total length / payload length and the IPv4
 * checksum are patched by the matching end. false on overflow / bad spec. */
bool mw_ip4_begin(struct mw_wbuf *w, const struct mw_ip4_spec *s,
		  uint8_t proto, struct mw_ipctx *ip);
void mw_ip4_end(struct mw_wbuf *w, const struct mw_ipctx *ip,
		const struct mw_ip4_spec *s);
bool mw_ip6_begin(struct mw_wbuf *w, const struct mw_ip6_spec *s,
		  uint8_t proto, struct mw_ipctx *ip);
void mw_ip6_end(struct mw_wbuf *w, const struct mw_ipctx *ip,
		const struct mw_ip6_spec *s);

/* Upper-layer checksum (UDP, TCP, ICMPv6, MH) with the pseudo-header of
 * `ip`: over `len` bytes of `data`, whose checksum field must read zero
 * (or be excluded by the caller). Returns the value to store (0 -> 0xffff
 * for UDP is the caller's job; mw_udp_end does it). */
uint16_t mw_l4_csum(const struct mw_ipctx *ip, uint8_t proto,
		    const uint8_t *data, size_t len);
/* Patch the checksum at `csum_off` of the upper-layer header at `l4_off`
 * (running to the end of the wbuf): computed, or `csum` when it is not
 * MW_CSUM_COMPUTE. Works for MH (csum_off = l4_off + 4), ICMPv6 (+2),
 * UDP (+6), TCP (+16). */
void mw_l4_csum_patch(struct mw_wbuf *w, const struct mw_ipctx *ip,
		      uint8_t proto, size_t l4_off, size_t csum_off, int csum);

/* ---- UDP / ICMP ---- */

size_t mw_udp_begin(struct mw_wbuf *w, uint16_t sport, uint16_t dport);
/* Length from the wbuf end; checksum computed (a computed 0 is sent as
 * 0xffff) or forced. */
void mw_udp_end(struct mw_wbuf *w, size_t udp_off, const struct mw_ipctx *ip,
		int csum);
/* RFC 5845 7.2 TLV header after UDP (Type 0, Next Header, Length). */
size_t mw_udp_tlv_begin(struct mw_wbuf *w, uint8_t next_header);
void mw_udp_tlv_end(struct mw_wbuf *w, size_t tlv_off);

/* ICMP type, code, checksum; the rest of the message follows. */
size_t mw_icmp4_begin(struct mw_wbuf *w, uint8_t type, uint8_t code);
void mw_icmp4_end(struct mw_wbuf *w, size_t icmp_off, int csum);
size_t mw_icmp6_begin(struct mw_wbuf *w, uint8_t type, uint8_t code);
void mw_icmp6_end(struct mw_wbuf *w, size_t icmp_off,
		  const struct mw_ipctx *ip, int csum);

/* ---- tunnels ---- */

struct mw_gre_spec {
	uint16_t proto;         /* ethertype of the payload (0x0800, 0x86dd) */
	bool has_csum, has_key, has_seq;
	uint32_t key, seq;
	bool force_csum;
	uint16_t csum;
	uint8_t version;        /* 0 (RFC 2784) */
};
size_t mw_gre_begin(struct mw_wbuf *w, const struct mw_gre_spec *g);
/* Patches the GRE checksum (over GRE header + payload) when has_csum. */
void mw_gre_end(struct mw_wbuf *w, size_t gre_off, const struct mw_gre_spec *g);

/* RFC 2004 minimal forwarding header (8 or 12 bytes); follow it with the
 * original datagram's payload. The outer IPv4 header uses protocol 55. */
struct mw_minenc_spec {
	uint8_t proto;          /* protocol of the original datagram */
	uint32_t dst;           /* original destination (host order) */
	bool with_src;          /* S bit: original source present */
	uint32_t src;
	bool force_csum;
	uint16_t csum;
};
void mw_put_minenc(struct mw_wbuf *w, const struct mw_minenc_spec *m);

/* ---- one call: [Ethernet] + IP [+ UDP / ICMP] around a payload ----
 * eth NULL -> the frame starts with the IP header (pcap MW_LINK_RAW).
 * mw_frame_ip4/ip6 put `payload` as the upper layer of protocol `proto`;
 * for proto 135 (MH) and 58 (ICMPv6) the checksum inside the payload is
 * recomputed unless spec->force_l4_csum (then spec->l4_csum is written).
 * UDP / ICMP checksums likewise. *out_len = frame length. */
mw_status mw_frame_ip4(uint8_t *buf, size_t cap, const struct mw_eth_spec *eth,
		       const struct mw_ip4_spec *ip, uint8_t proto,
		       const uint8_t *payload, size_t len, size_t *out_len);
mw_status mw_frame_ip6(uint8_t *buf, size_t cap, const struct mw_eth_spec *eth,
		       const struct mw_ip6_spec *ip, uint8_t proto,
		       const uint8_t *payload, size_t len, size_t *out_len);
mw_status mw_frame_udp4(uint8_t *buf, size_t cap, const struct mw_eth_spec *eth,
			const struct mw_ip4_spec *ip, uint16_t sport,
			uint16_t dport, const uint8_t *payload, size_t len,
			size_t *out_len);
mw_status mw_frame_udp6(uint8_t *buf, size_t cap, const struct mw_eth_spec *eth,
			const struct mw_ip6_spec *ip, uint16_t sport,
			uint16_t dport, const uint8_t *payload, size_t len,
			size_t *out_len);
/* body = the ICMP message after type/code/checksum. */
mw_status mw_frame_icmp4(uint8_t *buf, size_t cap, const struct mw_eth_spec *eth,
			 const struct mw_ip4_spec *ip, uint8_t type, uint8_t code,
			 const uint8_t *body, size_t len, size_t *out_len);
mw_status mw_frame_icmp6(uint8_t *buf, size_t cap, const struct mw_eth_spec *eth,
			 const struct mw_ip6_spec *ip, uint8_t type, uint8_t code,
			 const uint8_t *body, size_t len, size_t *out_len);

/* (capture files: capture.h) */

/* Helpers for addresses in specs. */
static inline uint32_t mw_ip4_addr(uint8_t a, uint8_t b, uint8_t c, uint8_t d)
{
	return ((uint32_t)a << 24) | ((uint32_t)b << 16) | ((uint32_t)c << 8) | d;
}
/* Parse / format textual IPv6 (inet_pton / inet_ntop); false if invalid. */
bool mw_in6_parse(const char *s, struct mw_in6 *out);
bool mw_ip4_parse(const char *s, uint32_t *out);

#ifdef __cplusplus
}
#endif
#endif
