/* UDP (RFC 768): the UDP length bounds the payload, the checksum is
 * verified over the IPv4 / IPv6 pseudo-header, and the payload goes to
 *  - Mobile IPv4 (opts->mip4_ports, either direction),
 *  - a Mobility Header on opts->pmip6_udp_port (5436): RFC 5844 4.1.3.2 /
 *    4.2.2: over IPv4 transport the IPv6 header is removed and the MH is
 *    carried right after UDP (IPv4-UDP-MH); its MH checksum is zero and
 *    ignored, the UDP checksum covers it,
 *  - a UDP tunnel: DSMIPv6 (RFC 5555 4.1, port 4191) and the PMIPv6 data
 *    port (RFC 5844 4, 5437): the version nibble after UDP says IPv4 or
 *    IPv6; a first nibble 0 is the RFC 5845 7.2 TLV header (Type 0,
 *    Next Header, Length) in front of e.g. GRE,
 *  - otherwise an MW_L_PAYLOAD. */
#include "net_int.h"

static void udp_tlv(struct mwi_dec *d, struct mw_cur *c, int ip_layer)
{
	size_t off = c->pos;
	uint8_t tr, next;
	uint16_t len;

	tr = mw_get_u8(c, "layer.udp_tlv.type");
	next = mw_get_u8(c, "layer.udp_tlv.next");
	len = mw_get_be16(c, "layer.udp_tlv.len");
	if (!mw_cur_ok(c))
		return;
	/* RFC 5845 7.1: lengths from UDP and TLV must agree */
	if (len != mw_cur_left(c)) {
		mw_cur_fail_at(c, off + 2, MW_E_MALFORMED, "layer.udp_tlv.len",
			       "TLV length %u, but %zu bytes follow in the UDP datagram",
			       len, mw_cur_left(c));
		return;
	}
	if (tr & 0x0f)
		mwi_note(d, MW_E_MALFORMED, off, "layer.udp_tlv.reserved",
			 "reserved bits set", tr);
	if (mwi_add_layer(d, MW_L_UDP_TLV, off, 4) < 0)
		return;
	mwi_decode_ip_payload(d, c, next, ip_layer);
}

static void udp_tunnel(struct mwi_dec *d, struct mw_cur *c, int ip_layer)
{
	uint8_t b;

	if (mw_cur_left(c) == 0)
		return;
	b = mw_peek_u8(c, 0, "layer.udp_tlv.type");
	if (!mw_cur_ok(c))
		return;
	switch (b >> 4) {
	case 0:
		udp_tlv(d, c, ip_layer);
		break;
	case 4:
	case 6:
		if (mwi_net_tunnel_enter(d, c)) {
			mwi_net_ip_any(d, c, false);
			d->depth--;
		}
		break;
	default:
		mwi_net_payload(d, c);
		break;
	}
}

void mwi_decode_udp(struct mwi_dec *d, struct mw_cur *c, int ip_layer)
{
	size_t off = c->pos;
	struct mw_udp u = { 0 };
	const struct mw_decode_opts *o = d->opts;
	int l;

	if (mw_cur_left(c) < 8) {
		mw_cur_fail_at(c, off, MW_E_MALFORMED, "layer.udp",
			       "UDP header (8 bytes) does not fit in the IP payload (%zu)",
			       mw_cur_left(c));
		return;
	}
	if (__builtin_expect(mw_cur_has(c, 8), 1)) {
		const uint8_t *h = c->base + off;

		u.sport = mw_load_be16(h);
		u.dport = mw_load_be16(h + 2);
		u.len = mw_load_be16(h + 4);
		u.csum = mw_load_be16(h + 6);
		c->pos += 8;
	} else {
		u.sport = mw_get_be16(c, "layer.udp.sport");
		u.dport = mw_get_be16(c, "layer.udp.dport");
		u.len = mw_get_be16(c, "layer.udp.len");
		u.csum = mw_get_be16(c, "layer.udp.csum");
		if (!mw_cur_ok(c))
			return;
	}
	if (u.len < 8 || u.len > c->end - off) {
		mw_cur_fail_at(c, off + 4, MW_E_MALFORMED, "layer.udp.len",
			       "UDP length %u: below 8 or past the IP payload (%zu)",
			       u.len, c->end - off);
		return;
	}
	c->end = off + u.len;
	u.csum_ok = -1;
	if (u.csum != 0 && !o->no_checksums)
		u.csum_ok = (int8_t)mwi_l4_verify_dec(d, ip_layer,
						  MW_IPPROTO_UDP, off, u.len);
	l = mwi_add_layer_nc(d, MW_L_UDP, off, 8);
	if (l < 0)
		return;
	d->pkt->layers[l].u.udp = u;
	if (u.csum == 0 && mwi_is_ip6_carrier(d->pkt, ip_layer))
		mwi_note(d, MW_E_MALFORMED, off + 6, "layer.udp.csum",
			 "zero UDP checksum over IPv6 (RFC 8200 8.1)", 0);
	if (mwi_is_mip4_port(o, u.dport) || mwi_is_mip4_port(o, u.sport))
		mwi_decode_mip4_msg(d, c, l);
	else if (o->pmip6_udp_port &&
		 (u.dport == o->pmip6_udp_port || u.sport == o->pmip6_udp_port))
		mwi_decode_mh(d, c, l);
	else if (u.dport == MW_DSMIP6_UDP_PORT || u.sport == MW_DSMIP6_UDP_PORT ||
		 u.dport == MW_PMIP6_UDP_DATA_PORT ||
		 u.sport == MW_PMIP6_UDP_DATA_PORT)
		udp_tunnel(d, c, ip_layer);
	else
		mwi_net_payload(d, c);
}
