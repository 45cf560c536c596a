/* IPv6 (RFC 8200) and its extension-header chain: Hop-by-Hop, Routing
 * (type 2 of RFC 6275 6.4 decoded), Fragment, Destination Options (Home
 * Address option of RFC 6275 6.3), AH (RFC 4302, skipped by its length),
 * ESP (RFC 4303, decode stops).
 *
 * Fragments: as for IPv4, the payload of a fragment is not decoded (no
 * reassembly); an atomic fragment (offset 0, M clear, RFC 6946) is a whole
 * packet and is decoded. */
#include <string.h>

#include "net_int.h"

void mwi_net_ip6(struct mwi_dec *d, struct mw_cur *c, bool outer)
{
	size_t off = c->pos;
	struct mw_ip6 ip = { 0 };
	bool bad_len = false;
	int l;

	if (__builtin_expect(mw_cur_has(c, 40), 1)) {
		/* the whole fixed header is readable: one check */
		const uint8_t *h = c->base + off;

		ip.vtcfl = mw_load_be32(h);
		if ((ip.vtcfl >> 28) != 6) {
			c->pos += 4;
			goto bad_version;
		}
		c->pos += 40;
		ip.payload_len = mw_load_be16(h + 4);
		ip.next = h[6];
		ip.hlim = h[7];
		memcpy(ip.src.b, h + 8, 16);
		memcpy(ip.dst.b, h + 24, 16);
	} else {
		/* field by field, so the error names the first missing one */
		ip.vtcfl = mw_get_be32(c, "layer.ip6.version");
		if (!mw_cur_ok(c))
			return;
		if ((ip.vtcfl >> 28) != 6)
			goto bad_version;
		ip.payload_len = mw_get_be16(c, "layer.ip6.plen");
		ip.next = mw_get_u8(c, "layer.ip6.next");
		ip.hlim = mw_get_u8(c, "layer.ip6.hlim");
		mw_get_copy(c, ip.src.b, 16, "layer.ip6.src");
		mw_get_copy(c, ip.dst.b, 16, "layer.ip6.dst");
		if (!mw_cur_ok(c))
			return;
	}
	if (ip.payload_len == 0 && ip.next == MW_IPPROTO_HOPOPTS) {
		/* jumbogram (RFC 2675): length in the HBH option; the
		 * enclosing window stays the bound */
		mwi_note(d, MW_E_UNSUPPORTED, off + 4, "layer.ip6.plen",
			 "payload length 0 (jumbogram): enclosing length used", 0);
	} else if (ip.payload_len > c->end - c->pos && !outer) {
		mw_cur_fail_at(c, off + 4, MW_E_MALFORMED, "layer.ip6.plen",
			       "payload length %u runs past the enclosing data (%zu left)",
			       ip.payload_len, c->end - c->pos);
		return;
	} else if (outer && ip.payload_len > mwi_wire_left(d, c->pos)) {
		bad_len = true;
		c->end = c->pos + mwi_wire_left(d, c->pos);
	} else {
		c->end = c->pos + ip.payload_len;
	}
	l = mwi_add_layer_nc(d, MW_L_IP6, off, 40);
	if (l < 0)
		return;
	d->pkt->layers[l].u.ip6 = ip;
	d->ps_ip = (uint8_t)(l + 1);
	d->ps_src = &d->pkt->layers[l].u.ip6.src;
	d->ps_dst = &d->pkt->layers[l].u.ip6.dst;
	mwi_decode_ip_payload(d, c, ip.next, l);
	/* after the payload, so its content is still shown (tcpdump does too) */
	if (bad_len)
		mw_cur_fail_at(c, off + 4, MW_E_MALFORMED, "layer.ip6.plen",
			       "payload length %u runs past the %zu bytes on the wire",
			       ip.payload_len, mwi_wire_left(d, off + 40));
	return;
bad_version:
	mw_cur_fail_at(c, off, MW_E_MALFORMED, "layer.ip6.version",
		       "IP version %u in an IPv6 header", ip.vtcfl >> 28);
}

/* Options of a Destination Options (or Hop-by-Hop) header: the window of c
 * is the options area (after Next Header / Hdr Ext Len). */
void mwi_decode_dst_opts(struct mwi_dec *d, struct mw_cur *c, int ext_layer)
{
	struct mw_layer *L = ext_layer >= 0 ? &d->pkt->layers[ext_layer] : NULL;
	size_t hdr_off = L ? L->off : c->pos - 2;

	if (mw_cur_ok(c)) {
		/* Fast path: Pad1 and known options wholly inside the header
		 * and the capture (a first, aligned, 16-byte Home Address
		 * option of a Destination Options header included), with room
		 * in the element table; local bounds, every byte proven
		 * readable first. The general loop below takes over at the
		 * first other option and decides as it would have. */
		struct mw_packet *pk = d->pkt;
		const uint8_t *base = c->base;
		size_t pos = c->pos;
		size_t lim = c->end < c->caplen ? c->end : c->caplen;
		unsigned n = pk->n_elems;

		while (pos < lim && n < MW_MAX_ELEMS) {
			uint8_t t = base[pos], len;

			if (t == 0) {
				pk->elems[n++] = mwi_elem(MW_REG_DST_OPT, 0, 0xff, pos, 1, 1);
				pos++;
				continue;
			}
			if (lim - pos < 2)
				break;
			len = base[pos + 1];
			if (2u + len > lim - pos || !mwi_reg_row(&mwi_reg_dst_opt, t))
				break;
			if (t == 201) {
				if (len != 16 || !L || L->kind != MW_L_IP6_DST ||
				    (pos - hdr_off) % 8 != 6 || L->u.ext.hao.present)
					break;
				L->u.ext.hao.present = true;
				L->u.ext.hao.off = (uint32_t)pos;
				memcpy(L->u.ext.hao.hoa.b, base + pos + 2, 16);
			}
			pk->elems[n++] = mwi_elem(MW_REG_DST_OPT, t, 0xff, pos, 2u + len, 2);
			pos += 2u + len;
		}
		pk->n_elems = (uint16_t)n;
		c->pos = pos;
	}
	while (mw_cur_ok(c) && mw_cur_left(c) > 0) {
		size_t o = c->pos;
		uint8_t t, len;
		const struct mw_reg_entry *row;
		int e;

		if (__builtin_expect(mw_cur_has(c, 2), 1)) {
			/* type and length readable: one check */
			t = c->base[o];
			len = c->base[o + 1];
			c->pos += t == 0 ? 1 : 2;
		} else {
			t = mw_get_u8(c, "dstopt.type");
			if (!mw_cur_ok(c))
				return;
			len = 0;
			if (t != 0) {
				len = mw_get_u8(c, t == 201 ? "dstopt.hao.len"
							    : "dstopt.len");
				if (!mw_cur_ok(c))
					return;
			}
		}
		if (t == 0) { /* Pad1 */
			e = mwi_add_elem(d, -1, MW_REG_DST_OPT, t, o, 1);
			if (e >= 0)
				d->pkt->elems[e].body_off = (uint32_t)(o + 1);
			continue;
		}
		if (t == 201 && len != 16) {
			mw_cur_fail_at(c, o, MW_E_MALFORMED, "dstopt.hao.len",
				       "Home Address option length %u, must be 16",
				       len);
			e = mwi_add_elem(d, -1, MW_REG_DST_OPT, t, o, 2u + len);
			if (e >= 0)
				d->pkt->elems[e].status = MW_E_MALFORMED;
			return;
		}
		if (len > mw_cur_left(c)) {
			mw_cur_fail_at(c, o + 1, MW_E_MALFORMED,
				       t == 201 ? "dstopt.hao.len" : "dstopt.len",
				       "option length %u runs past the end of the header (%zu left)",
				       len, mw_cur_left(c));
			return;
		}
		if (!mw_skip(c, len, t == 201 ? "dstopt.hao.addr" : "dstopt.data"))
			return;
		row = mwi_reg_row(&mwi_reg_dst_opt, t);
		e = mwi_add_elem(d, -1, MW_REG_DST_OPT, t, o, 2u + len);
		if (e >= 0) {
			d->pkt->elems[e].body_off = (uint32_t)(o + 2);
			d->pkt->elems[e].body_len = len;
			if (!row)
				d->pkt->elems[e].status = MW_E_UNKNOWN;
		}
		if (t == 201 && L) {
			if (L->kind != MW_L_IP6_DST)
				mwi_note(d, MW_E_MALFORMED, o, "dstopt.hao",
					 "Home Address option outside a Destination Options header", t);
			if ((o - hdr_off) % 8 != 6)
				mwi_note(d, MW_E_MALFORMED, o, "dstopt.hao",
					 "Home Address option not 8n+6 aligned (RFC 6275 6.3)",
					 (uint32_t)(o - hdr_off));
			if (!L->u.ext.hao.present) {
				L->u.ext.hao.present = true;
				L->u.ext.hao.off = (uint32_t)o;
				memcpy(L->u.ext.hao.hoa.b, c->base + o + 2, 16);
			} else {
				mwi_note(d, MW_E_MALFORMED, o, "dstopt.hao",
					 "more than one Home Address option", t);
			}
		} else if (!row) {
			mwi_note(d, MW_E_UNKNOWN, o, "dstopt.type",
				 "unknown IPv6 option", t);
		}
	}
}

static const char *ext_len_field(uint8_t proto)
{
	switch (proto) {
	case MW_IPPROTO_HOPOPTS: return "layer.ip6_hbh.len";
	case MW_IPPROTO_ROUTING: return "layer.ip6_rh.len";
	case MW_IPPROTO_DSTOPTS: return "layer.ip6_dst.len";
	default: return "layer.ip6_frag.reserved";
	}
}

/* A type 2 routing header is valid with Segments Left 1 only (RFC 6275
 * 6.4); the header at off is kept either way. */
static void rh2_segleft(struct mwi_dec *d, struct mw_ip6_ext *x, size_t off)
{
	x->rh2_valid = x->segleft == 1;
	if (!x->rh2_valid)
		mwi_note(d, MW_E_MALFORMED, off + 3, "layer.ip6_rh.segleft",
			 "type 2 routing header Segments Left must be 1",
			 x->segleft);
}

static void routing(struct mwi_dec *d, struct mw_cur *sub, int l)
{
	struct mw_ip6_ext *x = &d->pkt->layers[l].u.ext;
	size_t off = d->pkt->layers[l].off;

	if (x->hdr_len == 2 && mw_cur_has(sub, 22) && sub->base[sub->pos] == 2) {
		/* type 2 of the right length, all captured: one check */
		const uint8_t *h = sub->base + sub->pos;

		x->rh_type = 2;
		x->segleft = h[1];
		x->opt_off = (uint32_t)(sub->pos + 2);
		x->opt_len = (uint32_t)(sub->end - sub->pos - 2);
		memcpy(x->rh2_addr.b, h + 6, 16);
		sub->pos += 22;
		rh2_segleft(d, x, off);
		mw_skip(sub, mw_cur_left(sub), "layer.ip6_rh.data");
		return;
	}
	x->rh_type = mw_get_u8(sub, "layer.ip6_rh.type");
	x->segleft = mw_get_u8(sub, "layer.ip6_rh.segleft");
	x->opt_off = (uint32_t)sub->pos;
	x->opt_len = (uint32_t)mw_cur_left(sub);
	if (!mw_cur_ok(sub))
		return;
	if (x->rh_type == MW_RH_TYPE2) {
		if (x->hdr_len != 2) {
			/* kept as a generic routing header; rh2_valid false */
			mwi_note(d, MW_E_MALFORMED, off + 1, "layer.ip6_rh.len",
				 "type 2 routing header length must be 2",
				 x->hdr_len);
			mw_skip(sub, mw_cur_left(sub), "layer.ip6_rh.data");
			return;
		}
		mw_skip(sub, 4, "layer.ip6_rh.reserved");
		mw_get_copy(sub, x->rh2_addr.b, 16, "layer.ip6_rh.home_addr");
		if (!mw_cur_ok(sub))
			return;
		rh2_segleft(d, x, off);
	}
	mw_skip(sub, mw_cur_left(sub), "layer.ip6_rh.data");
}

void mwi_net_ext(struct mwi_dec *d, struct mw_cur *c, uint8_t proto,
		 int ip_layer)
{
	static const uint8_t kinds[] = {
		[MW_IPPROTO_HOPOPTS] = MW_L_IP6_HBH,
		[MW_IPPROTO_ROUTING] = MW_L_IP6_RH,
		[MW_IPPROTO_FRAGMENT] = MW_L_IP6_FRAG,
		[MW_IPPROTO_DSTOPTS] = MW_L_IP6_DST,
	};
	size_t off = c->pos, total;
	uint8_t next, hlen;
	struct mw_cur sub;
	struct mw_ip6_ext *x;
	int l;

	if (__builtin_expect(mw_cur_has(c, 2), 1)) {
		next = c->base[off];
		hlen = c->base[off + 1];
		c->pos += 2;
	} else {
		next = mw_get_u8(c, "layer.ip6_ext.next");
		hlen = mw_get_u8(c, ext_len_field(proto));
		if (!mw_cur_ok(c))
			return;
	}
	total = proto == MW_IPPROTO_FRAGMENT ? 8 : (hlen + 1u) * 8;
	if (total > c->end - off) {
		mw_cur_fail_at(c, off + 1, MW_E_MALFORMED, ext_len_field(proto),
			       "extension header of %zu bytes runs past the payload (%zu left)",
			       total, c->end - off);
		return;
	}
	if (proto == MW_IPPROTO_HOPOPTS &&
	    d->pkt->layers[d->pkt->n_layers - 1].kind != MW_L_IP6)
		mwi_note(d, MW_E_MALFORMED, off, "layer.ip6_hbh",
			 "Hop-by-Hop header not right after the IPv6 header", 0);
	l = mwi_add_layer(d, (enum mw_layer_kind)kinds[proto], off, total);
	if (l < 0)
		return;
	x = &d->pkt->layers[l].u.ext;
	x->next = next;
	x->hdr_len = hlen;
	mw_cur_sub(c, total - 2, &sub, ext_len_field(proto));
	switch (proto) {
	case MW_IPPROTO_HOPOPTS:
	case MW_IPPROTO_DSTOPTS:
		x->opt_off = (uint32_t)(off + 2);
		x->opt_len = (uint32_t)(total - 2);
		mwi_decode_dst_opts(d, &sub, l);
		break;
	case MW_IPPROTO_ROUTING:
		routing(d, &sub, l);
		break;
	case MW_IPPROTO_FRAGMENT: {
		uint16_t fo = mw_get_be16(&sub, "layer.ip6_frag.offset");

		x->frag_id = mw_get_be32(&sub, "layer.ip6_frag.id");
		x->frag_off = fo >> 3;
		x->frag_more = fo & 1;
		if (!mw_cur_ok(c))
			return;
		if (x->frag_off || x->frag_more) {
			mwi_note(d, MW_E_UNSUPPORTED, off + 2,
				 "layer.ip6_frag.offset",
				 "IPv6 fragment: payload not decoded (no reassembly)",
				 fo);
			mwi_net_payload(d, c);
			return;
		}
		break;
	}
	}
	if (!mw_cur_ok(c))
		return;
	/* as mwi_net_pseudo() would find it walking from ip_layer */
	if (ip_layer >= 0 && d->ps_ip == ip_layer + 1) {
		if (proto == MW_IPPROTO_DSTOPTS && x->hao.present)
			d->ps_src = &x->hao.hoa;
		else if (proto == MW_IPPROTO_ROUTING && x->rh_type == MW_RH_TYPE2 &&
			 x->hdr_len == 2 && x->segleft > 0)
			d->ps_dst = &x->rh2_addr;
	}
	mwi_decode_ip_payload(d, c, next, ip_layer);
}

void mwi_net_ah(struct mwi_dec *d, struct mw_cur *c, int ip_layer)
{
	size_t off = c->pos, total;
	uint8_t next, plen;
	struct mw_cur sub;
	uint32_t spi, seq;
	int l;

	next = mw_get_u8(c, "layer.ah.next");
	plen = mw_get_u8(c, "layer.ah.len");
	mw_skip(c, 2, "layer.ah.reserved");
	spi = mw_get_be32(c, "layer.ah.spi");
	seq = mw_get_be32(c, "layer.ah.seq");
	if (!mw_cur_ok(c))
		return;
	total = (plen + 2u) * 4; /* RFC 4302 2.2: 32-bit words minus 2 */
	if (total < 12 || total > c->end - off) {
		mw_cur_fail_at(c, off + 1, MW_E_MALFORMED, "layer.ah.len",
			       "AH of %zu bytes: shorter than 12 or past the payload (%zu left)",
			       total, c->end - off);
		return;
	}
	l = mwi_add_layer(d, MW_L_AH, off, total);
	if (l < 0)
		return;
	d->pkt->layers[l].u.ext.next = next;
	d->pkt->layers[l].u.ext.hdr_len = plen;
	d->pkt->layers[l].u.ext.spi = spi;
	d->pkt->layers[l].u.ext.seq = seq;
	d->pkt->layers[l].u.ext.opt_off = (uint32_t)(off + 12);
	d->pkt->layers[l].u.ext.opt_len = (uint32_t)(total - 12);
	c->pos = off;
	mw_cur_sub(c, total, &sub, "layer.ah.len");
	mw_skip(&sub, total, "layer.ah.icv");
	if (mw_cur_ok(c))
		mwi_decode_ip_payload(d, c, next, ip_layer);
}

void mwi_net_esp(struct mwi_dec *d, struct mw_cur *c)
{
	size_t off = c->pos;
	uint32_t spi, seq;
	int l;

	spi = mw_get_be32(c, "layer.esp.spi");
	seq = mw_get_be32(c, "layer.esp.seq");
	if (!mw_cur_ok(c))
		return;
	l = mwi_add_layer(d, MW_L_ESP, off, 8);
	if (l < 0)
		return;
	d->pkt->layers[l].u.ext.spi = spi;
	d->pkt->layers[l].u.ext.seq = seq;
	mwi_note(d, MW_E_UNSUPPORTED, off, "layer.esp",
		 "ESP payload is encrypted: decode stops", spi);
}
