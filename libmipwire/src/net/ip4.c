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
	bool bad_len = false;
	uint8_t vihl;
	struct mw_layer *L;
	int l;

	if (__builtin_expect(mw_cur_has(c, 20), 1)) {
		/* the whole base header is readable: one check */
		const uint8_t *h = c->base + off;

		vihl = h[0];
		if ((vihl >> 4) != 4) {
			c->pos++;
			goto bad_version;
		}
		c->pos += 20;
		ip.ihl = (uint8_t)((vihl & 0x0f) * 4);
		ip.tos = h[1];
		ip.total_len = mw_load_be16(h + 2);
		ip.id = mw_load_be16(h + 4);
		ip.frag = mw_load_be16(h + 6);
		ip.ttl = h[8];
		ip.proto = h[9];
		ip.csum = mw_load_be16(h + 10);
		ip.src = mw_load_be32(h + 12);
		ip.dst = mw_load_be32(h + 16);
	} else {
		/* field by field, so the error names the first missing one */
		vihl = mw_get_u8(c, "layer.ip4.version");
		if (!mw_cur_ok(c))
			return;
		if ((vihl >> 4) != 4)
			goto bad_version;
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
	}
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
	if (outer && ip.total_len > mwi_wire_left(d, off))
		bad_len = true;
	c->end = off + (bad_len ? mwi_wire_left(d, off) : ip.total_len);
	ip.opt_off = (uint32_t)(off + 20);
	ip.opt_len = ip.ihl - 20u;
	ip.is_fragment = (ip.frag & 0x3fff) != 0;
	l = mwi_add_layer_nc(d, MW_L_IP4, off, ip.ihl);
	if (l < 0)
		return;
	L = &d->pkt->layers[l];
	L->u.ip4 = ip;
	if (!mw_skip(c, ip.opt_len, "layer.ip4.options"))
		return;
	L->u.ip4.csum_ok = mwi_csum16(c->base + off, ip.ihl) == 0xffff;
	if (ip.is_fragment) {
		mwi_note(d, MW_E_UNSUPPORTED, off + 6, "layer.ip4.frag_off",
			 "IPv4 fragment: payload not decoded (no reassembly)",
			 ip.frag);
		mwi_net_payload(d, c);
		return;
	}
	mwi_decode_ip_payload(d, c, ip.proto, l);
	/* after the payload, so its content is still shown (tcpdump does too) */
	if (bad_len)
		mw_cur_fail_at(c, off + 2, MW_E_MALFORMED, "layer.ip4.total_len",
			       "total length %u runs past the %zu bytes on the wire",
			       ip.total_len, mwi_wire_left(d, off));
	return;
bad_version:
	mw_cur_fail_at(c, off, MW_E_MALFORMED, "layer.ip4.version",
		       "IP version %u in an IPv4 header", vihl >> 4);
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
	case MW_IPPROTO_MH_OLD:
		/* the Mobility Header number of the pre-RFC 3775 drafts, still
		 * decoded as one by tcpdump and Wireshark: decode it, and say so */
		mwi_note(d, MW_E_UNKNOWN, c->pos, "layer.ip.proto",
			 "protocol 62: the Mobility Header number of pre-RFC 3775 drafts", 62);
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
