/* Glue between the files of the net module (not installed). */
#ifndef MIPWIRE_NET_INT_H
#define MIPWIRE_NET_INT_H

#include "internal.h"

/* The tables of this module (reg_*.c). */
extern const struct mw_registry mwi_reg_layer, mwi_reg_ipproto, mwi_reg_dst_opt;

/* Addresses of an upper-layer pseudo-header (RFC 768 / RFC 8200 8.1). */
struct mwi_pseudo {
	uint8_t version;          /* 4 or 6 */
	uint32_t src4, dst4;
	struct mw_in6 src6, dst6; /* HAO home address / type 2 RH address applied */
};

/* IPv4 / IPv6 header at c->pos. `outer`: the window is only bounded by the
 * capture (link layer), so a length beyond it means "not captured"
 * (TRUNC when read) rather than a contradiction (MALFORMED). */
void mwi_net_ip4(struct mwi_dec *d, struct mw_cur *c, bool outer);
void mwi_net_ip6(struct mwi_dec *d, struct mw_cur *c, bool outer);
/* By the version nibble. */
void mwi_net_ip_any(struct mwi_dec *d, struct mw_cur *c, bool outer);

/* IPv6 extension headers (0, 43, 44, 60) and AH / ESP. */
void mwi_net_ext(struct mwi_dec *d, struct mw_cur *c, uint8_t proto,
		 int ip_layer);
void mwi_net_ah(struct mwi_dec *d, struct mw_cur *c, int ip_layer);
void mwi_net_esp(struct mwi_dec *d, struct mw_cur *c);

/* Tunnels: 4, 41, 47, 55 (tunnel.c). */
void mwi_net_tunnel(struct mwi_dec *d, struct mw_cur *c, uint8_t proto,
		    int ip_layer);
/* Enter one tunnel level: false (and a payload layer) when tunnels are off
 * or nested too deep. On true the caller must d->depth-- when done. */
bool mwi_net_tunnel_enter(struct mwi_dec *d, struct mw_cur *c);

/* ICMP / ICMPv6 / TCP (icmp.c). */
void mwi_net_icmp4(struct mwi_dec *d, struct mw_cur *c, int ip_layer);
void mwi_net_icmp6(struct mwi_dec *d, struct mw_cur *c, int ip_layer);
void mwi_net_tcp(struct mwi_dec *d, struct mw_cur *c);

/* The rest of the window as one MW_L_PAYLOAD layer (nothing if empty). */
void mwi_net_payload(struct mwi_dec *d, struct mw_cur *c);

/* Pseudo-header addresses of the IP layer `ip_layer` (IPv6: the extension
 * headers decoded after it at the same depth apply). */
bool mwi_net_pseudo(const struct mw_packet *pkt, int ip_layer,
		    struct mwi_pseudo *ps);
uint32_t mwi_pseudo_sum(const struct mwi_pseudo *ps, uint8_t proto,
			uint32_t len);
/* 1 good, 0 bad, -1 not verifiable (not all captured / no pseudo-header). */
int mwi_l4_verify(const struct mw_packet *pkt, int ip_layer, uint8_t proto,
		  size_t off, size_t len);
/* The same during a decode: IPv4 addresses straight from the layer, IPv6
 * ones from what the chain recorded in d (mwi_dec.ps_*), else as above. */
int mwi_l4_verify_dec(const struct mwi_dec *d, int ip_layer, uint8_t proto,
		      size_t off, size_t len);

static inline bool mwi_is_ip6_carrier(const struct mw_packet *pkt, int l)
{
	return l >= 0 && l < pkt->n_layers && pkt->layers[l].kind == MW_L_IP6;
}

/* Bytes of the frame on the wire after offset off (wirelen, not caplen):
 * an outer IP length beyond them contradicts the frame (MALFORMED), one
 * beyond only the captured bytes was cut by the snaplen (TRUNC). */
static inline size_t mwi_wire_left(const struct mwi_dec *d, size_t off)
{
	uint32_t w = d->pkt->wirelen > d->pkt->caplen ? d->pkt->wirelen : d->pkt->caplen;

	return off < w ? w - off : 0;
}

#endif
