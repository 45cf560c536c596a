/* Tunnels: IP in IP (RFC 2003, protocol 4; RFC 2473 IPv4/IPv6 in IPv6,
 * 4 and 41), GRE (RFC 2784 with the RFC 2890 key and sequence number) and
 * minimal encapsulation (RFC 2004, protocol 55). Each tunnel level raises
 * the layer depth by one, up to MW_MAX_TUNNEL_DEPTH. */
#include <string.h>

#include "net_int.h"

bool mwi_net_tunnel_enter(struct mwi_dec *d, struct mw_cur *c)
{
	if (d->opts->no_tunnels) {
		mwi_net_payload(d, c);
		return false;
	}
	if (d->depth >= MW_MAX_TUNNEL_DEPTH) {
		mwi_note(d, MW_E_UNSUPPORTED, c->pos, "tunnel",
			 "tunnels nested too deep: inner packet not decoded",
			 d->depth);
		mwi_net_payload(d, c);
		return false;
	}
	d->depth++;
	return true;
}

static void gre(struct mwi_dec *d, struct mw_cur *c)
{
	size_t off = c->pos, len = mw_cur_left(c);
	struct mw_gre g = { 0 };
	int l;

	g.flags_ver = mw_get_be16(c, "layer.gre.flags");
	g.proto = mw_get_be16(c, "layer.gre.proto");
	if (!mw_cur_ok(c))
		return;
	g.has_csum = g.flags_ver & 0x8000;
	g.has_key = g.flags_ver & 0x2000;
	g.has_seq = g.flags_ver & 0x1000;
	g.csum_ok = -1;
	if ((g.flags_ver & 0x0007) != 0 || (g.flags_ver & 0x4000)) {
		/* version 1 (PPTP) or RFC 1701 routing: not decoded */
		l = mwi_add_layer(d, MW_L_GRE, off, 4);
		if (l >= 0)
			d->pkt->layers[l].u.gre = g;
		mwi_note(d, MW_E_UNSUPPORTED, off, "layer.gre.version",
			 "GRE version / routing not decoded (RFC 2784 only)",
			 g.flags_ver);
		mwi_net_payload(d, c);
		return;
	}
	if (g.flags_ver & 0x0ff8)
		mwi_note(d, MW_E_MALFORMED, off, "layer.gre.reserved0",
			 "GRE Reserved0 bits set", g.flags_ver);
	if (g.has_csum) {
		g.csum = mw_get_be16(c, "layer.gre.csum");
		mw_skip(c, 2, "layer.gre.reserved1");
	}
	if (g.has_key)
		g.key = mw_get_be32(c, "layer.gre.key");
	if (g.has_seq)
		g.seq = mw_get_be32(c, "layer.gre.seq");
	if (!mw_cur_ok(c))
		return;
	/* RFC 2784 2.5: over the GRE header and the payload */
	if (g.has_csum && !d->opts->no_checksums && off + len <= c->caplen)
		g.csum_ok = mw_csum_fold(mw_csum_add(0, c->base + off, len)) ==
			    0xffff;
	l = mwi_add_layer(d, MW_L_GRE, off, c->pos - off);
	if (l < 0)
		return;
	d->pkt->layers[l].u.gre = g;
	if (g.proto != MW_ETHERTYPE_IP4 && g.proto != MW_ETHERTYPE_IP6) {
		mwi_net_payload(d, c);
		return;
	}
	if (!mwi_net_tunnel_enter(d, c))
		return;
	if (g.proto == MW_ETHERTYPE_IP4)
		mwi_net_ip4(d, c, false);
	else
		mwi_net_ip6(d, c, false);
	d->depth--;
}

/* The IPv4 layer whose payload holds the minimal forwarding header. */
static int outer_ip4(const struct mw_packet *pkt, int ip_layer, int before)
{
	if (ip_layer >= 0 && ip_layer < pkt->n_layers &&
	    pkt->layers[ip_layer].kind == MW_L_IP4)
		return ip_layer;
	/* RFC 3519 tunnel data: the IP header in front of UDP */
	return mw_find_layer(pkt, MW_L_IP4, before);
}

/* The 20 bytes of an IPv4 header's fixed part from its fields. */
static void ip4_base(const struct mw_ip4 *ip, uint8_t h[20])
{
	h[0] = (uint8_t)(0x40 | ip->ihl / 4);
	h[1] = ip->tos;
	h[2] = (uint8_t)(ip->total_len >> 8);
	h[3] = (uint8_t)ip->total_len;
	h[4] = (uint8_t)(ip->id >> 8);
	h[5] = (uint8_t)ip->id;
	h[6] = (uint8_t)(ip->frag >> 8);
	h[7] = (uint8_t)ip->frag;
	h[8] = ip->ttl;
	h[9] = ip->proto;
	h[10] = (uint8_t)(ip->csum >> 8);
	h[11] = (uint8_t)ip->csum;
	for (int i = 0; i < 4; i++) {
		h[12 + i] = (uint8_t)(ip->src >> (24 - 8 * i));
		h[16 + i] = (uint8_t)(ip->dst >> (24 - 8 * i));
	}
}

/* RFC 2004 3: the original header is the outer one with the protocol,
 * destination (and source, when S) of the forwarding header restored and
 * the total length reduced. The encapsulator modifies the original header
 * in place, so its IP options are the outer header's: the rebuilt header
 * keeps their frame offsets (opt_off, opt_len), its IHL and its checksum
 * count them. outer: the outer IPv4 layer of pkt, NULL if none. */
static void minenc_ip4(const struct mw_packet *pkt, const struct mw_ip4 *outer,
		       const struct mw_minenc *m, uint32_t payload_len,
		       struct mw_ip4 *out)
{
	uint8_t h[20];

	memset(out, 0, sizeof(*out));
	out->ihl = 20;
	if (outer) {
		out->tos = outer->tos;
		out->id = outer->id;
		out->frag = outer->frag;
		out->ttl = outer->ttl;
		out->src = outer->src;
		/* the outer header's options were captured: it was decoded */
		out->ihl = outer->ihl;
		out->opt_off = outer->opt_off;
		out->opt_len = outer->opt_len;
	}
	out->total_len = (uint16_t)(out->ihl + payload_len);
	out->proto = m->proto;
	out->dst = m->dst;
	if (m->src_present)
		out->src = m->src;
	out->is_fragment = (out->frag & 0x3fff) != 0;
	ip4_base(out, h);
	h[10] = h[11] = 0;
	uint32_t sum = mw_csum_add(0, h, 20);
	if (out->opt_len)
		sum = mw_csum_add(sum, pkt->data + out->opt_off, out->opt_len);
	out->csum = (uint16_t)~mw_csum_fold(sum);
	out->csum_ok = true;
}

static void minenc(struct mwi_dec *d, struct mw_cur *c, int ip_layer)
{
	size_t off = c->pos, hlen;
	struct mw_minenc m = { 0 };
	struct mw_ip4 rebuilt;
	uint8_t sb;
	int l, o, s;

	m.proto = mw_get_u8(c, "layer.minenc.proto");
	sb = mw_get_u8(c, "layer.minenc.s");
	m.csum = mw_get_be16(c, "layer.minenc.csum");
	m.dst = mw_get_be32(c, "layer.minenc.dst");
	m.src_present = sb & 0x80;
	if (m.src_present)
		m.src = mw_get_be32(c, "layer.minenc.src");
	if (!mw_cur_ok(c))
		return;
	hlen = c->pos - off;
	m.csum_ok = mw_csum_fold(mw_csum_add(0, c->base + off, hlen)) == 0xffff;
	if (sb & 0x7f)
		mwi_note(d, MW_E_MALFORMED, off + 1, "layer.minenc.reserved",
			 "reserved bits set", sb);
	l = mwi_add_layer(d, MW_L_MINENC, off, hlen);
	if (l < 0)
		return;
	d->pkt->layers[l].u.minenc = m;
	o = outer_ip4(d->pkt, ip_layer, l - 1);
	if (o < 0 && !m.src_present)
		mwi_note(d, MW_E_UNSUPPORTED, off, "layer.minenc.src",
			 "no outer IPv4 header: original source unknown", 0);
	if (!mwi_net_tunnel_enter(d, c))
		return;
	minenc_ip4(d->pkt, o >= 0 ? &d->pkt->layers[o].u.ip4 : NULL, &m,
		   (uint32_t)mw_cur_left(c), &rebuilt);
	/* the synthetic header has no bytes of its own in the frame */
	s = mwi_add_layer(d, MW_L_IP4, off, 0);
	if (s >= 0) {
		d->pkt->layers[s].synthetic = true;
		d->pkt->layers[s].u.ip4 = rebuilt;
		if (rebuilt.is_fragment) {
			mwi_net_payload(d, c);
		} else {
			mwi_decode_ip_payload(d, c, m.proto, s);
		}
	}
	d->depth--;
}

void mwi_net_tunnel(struct mwi_dec *d, struct mw_cur *c, uint8_t proto,
		    int ip_layer)
{
	switch (proto) {
	case MW_IPPROTO_GRE:
		gre(d, c);
		return;
	case MW_IPPROTO_MINENC:
		minenc(d, c, ip_layer);
		return;
	case MW_IPPROTO_IPIP:
	case MW_IPPROTO_IPV6:
		if (!mwi_net_tunnel_enter(d, c))
			return;
		if (proto == MW_IPPROTO_IPIP)
			mwi_net_ip4(d, c, false);
		else
			mwi_net_ip6(d, c, false);
		d->depth--;
		return;
	default:
		mwi_net_payload(d, c);
	}
}

MWI_EXPORT size_t mw_minenc_header(const struct mw_packet *pkt, int layer,
				   uint8_t out[60])
{
	const struct mw_layer *L;
	struct mw_ip4 ip;

	if (layer < 0 || layer >= pkt->n_layers)
		return 0;
	L = &pkt->layers[layer];
	if (L->kind == MW_L_MINENC && layer + 1 < pkt->n_layers &&
	    pkt->layers[layer + 1].synthetic)
		L = &pkt->layers[++layer];
	if (L->kind == MW_L_IP4 && L->synthetic) {
		ip = L->u.ip4;
	} else if (L->kind == MW_L_MINENC) {
		/* inner not decoded (no_tunnels): rebuild from the outer */
		int o = mw_find_layer(pkt, MW_L_IP4, layer - 1);
		const struct mw_ip4 *outer = o >= 0 ? &pkt->layers[o].u.ip4 : NULL;
		uint32_t end = outer ? pkt->layers[o].off + outer->total_len
				     : pkt->caplen;
		uint32_t start = L->off + L->len;

		minenc_ip4(pkt, outer, &L->u.minenc,
			   end > start ? end - start : 0, &ip);
	} else {
		return 0;
	}
	/* a packet made or changed by hand may not hold the options it says */
	if (ip.ihl != 20u + ip.opt_len || ip.opt_off > pkt->caplen ||
	    pkt->caplen - ip.opt_off < ip.opt_len)
		return 0;
	ip4_base(&ip, out);
	if (ip.opt_len)
		memcpy(out + 20, pkt->data + ip.opt_off, ip.opt_len);
	return ip.ihl;
}

MWI_EXPORT bool mw_minenc_rebuild(const struct mw_packet *pkt, int layer,
				  uint8_t out[20])
{
	uint8_t h[60];

	if (mw_minenc_header(pkt, layer, h) != 20)
		return false;
	memcpy(out, h, 20);
	return true;
}
