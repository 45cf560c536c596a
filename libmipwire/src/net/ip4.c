/* IPv4 (RFC 791). The total length bounds the payload (Ethernet padding
 * after it is ignored); the header checksum is verified.
 *
 * Fragments (MF set or offset != 0) are flagged and their payload is NOT
 * decoded: there is no reassembly, and a first fragment's upper-layer
 * lengths would contradict the fragment's own (a false MALFORMED). A note
 * (MW_E_UNSUPPORTED) says so and the payload becomes an MW_L_PAYLOAD. */
#include <stdint.h>

#include "net_int.h"

void mwi_net_ip4(struct mwi_dec *d, struct mw_cur *c, bool outer)
{
	size_t off = c->pos;
	struct mw_ip4 ip = { 0 };
	uint8_t vihl;
	struct mw_layer *L;
	int l;

	vihl = mw_get_u8(c, "layer.ip4.version");
	if (!mw_cur_ok(c))
		return;
	if ((vihl >> 4) != 4) {
		mw_cur_fail_at(c, off, MW_E_MALFORMED, "layer.ip4.version",
			       "IP version %u in an IPv4 header", vihl >> 4);
		return;
	}
	ip.ihl = (uint8_t)((vihl & 0x0f) * 4);
	ip.tos = mw_get_u8(c, "layer.ip4.tos");
	ip.total_len = mw_get_be16(c, "layer.ip4.total_len");
	ip.id = mw_get_be16(c, "layer.ip4.id");
	ip.frag = mw_get_be16(c, "layer.ip4.frag_off");
	ip.ttl = mw_get_u8(c, "layer.ip4.ttl");
	ip.proto = mw_get_u8(c, "layer.ip4.proto");
	ip.csum = mw_get_be16(c, "layer.ip4.csum");
	ip.src = mw_get_be32(c, "layer.ip4.src");
	ip.dst = mw_get_be32(c, "layer.ip4.dst");
	if (!mw_cur_ok(c))
		return;
	if (ip.ihl < 20) {
		mw_cur_fail_at(c, off, MW_E_MALFORMED, "layer.ip4.ihl",
			       "IHL %u words, at least 5", ip.ihl / 4);
		return;
	}
	if (ip.total_len < ip.ihl) {
		mw_cur_fail_at(c, off + 2, MW_E_MALFORMED, "layer.ip4.total_len",
			       "total length %u shorter than the header (%u)",
			       ip.total_len, ip.ihl);
		return;
	}
	if (ip.total_len > c->end - off) {
		if (!outer) {
			mw_cur_fail_at(c, off + 2, MW_E_MALFORMED,
				       "layer.ip4.total_len",
				       "total length %u runs past the enclosing data (%zu left)",
				       ip.total_len, c->end - off);
			return;
		}
		/* only the capture bounds it: the rest was not captured */
	}
	c->end = off + ip.total_len;
	ip.opt_off = (uint32_t)(off + 20);
	ip.opt_len = ip.ihl - 20u;
	ip.is_fragment = (ip.frag & 0x3fff) != 0;
	l = mwi_add_layer(d, MW_L_IP4, off, ip.ihl);
	if (l < 0)
		return;
	L = &d->pkt->layers[l];
	L->u.ip4 = ip;
	if (!mw_skip(c, ip.opt_len, "layer.ip4.options"))
		return;
	L->u.ip4.csum_ok =
		mw_csum_fold(mw_csum_add(0, c->base + off, ip.ihl)) == 0xffff;
	if (ip.is_fragment) {
		mwi_note(d, MW_E_UNSUPPORTED, off + 6, "layer.ip4.frag_off",
			 "IPv4 fragment: payload not decoded (no reassembly)",
			 ip.frag);
		mwi_net_payload(d, c);
		return;
	}
	mwi_decode_ip_payload(d, c, ip.proto, l);
}

void mwi_net_ip_any(struct mwi_dec *d, struct mw_cur *c, bool outer)
{
	uint8_t v = mw_peek_u8(c, 0, "layer.ip4.version");

	if (!mw_cur_ok(c))
		return;
	if ((v >> 4) == 4)
		mwi_net_ip4(d, c, outer);
	else if ((v >> 4) == 6)
		mwi_net_ip6(d, c, outer);
	else
		mw_cur_fail(c, MW_E_MALFORMED, "layer.ip4.version",
			    "IP version %u is neither 4 nor 6", v >> 4);
}

/* Entry from mw_decode_from(): the cursor is the whole capture, which
 * declares no length (see mwi_decode_link). */
void mwi_decode_ip(struct mwi_dec *d, struct mw_cur *c)
{
	if (c->pos == 0 && c->end == c->caplen)
		c->end = SIZE_MAX / 2;
	mwi_net_ip_any(d, c, true);
}

/* The one switch from an IP protocol number to its decoder. */
void mwi_decode_ip_payload(struct mwi_dec *d, struct mw_cur *c, uint8_t proto,
			   int ip_layer)
{
	if (!mw_cur_ok(c))
		return;
	switch (proto) {
	case MW_IPPROTO_HOPOPTS:
	case MW_IPPROTO_ROUTING:
	case MW_IPPROTO_FRAGMENT:
	case MW_IPPROTO_DSTOPTS:
		if (mwi_is_ip6_carrier(d->pkt, ip_layer))
			mwi_net_ext(d, c, proto, ip_layer);
		else
			mwi_net_payload(d, c);
		break;
	case MW_IPPROTO_AH:
		mwi_net_ah(d, c, ip_layer);
		break;
	case MW_IPPROTO_ESP:
		mwi_net_esp(d, c);
		break;
	case MW_IPPROTO_NONE:
		/* RFC 8200 4.7: bytes after No Next Header are ignored */
		break;
	case MW_IPPROTO_UDP:
		mwi_decode_udp(d, c, ip_layer);
		break;
	case MW_IPPROTO_ICMP:
		mwi_net_icmp4(d, c, ip_layer);
		break;
	case MW_IPPROTO_ICMPV6:
		mwi_net_icmp6(d, c, ip_layer);
		break;
	case MW_IPPROTO_MH:
		mwi_decode_mh(d, c, ip_layer);
		break;
	case MW_IPPROTO_TCP:
		mwi_net_tcp(d, c);
		break;
	case MW_IPPROTO_IPIP:
	case MW_IPPROTO_IPV6:
	case MW_IPPROTO_GRE:
	case MW_IPPROTO_MINENC:
		mwi_net_tunnel(d, c, proto, ip_layer);
		break;
	default:
		mwi_net_payload(d, c);
		break;
	}
}
