/* ICMPv6 messages of Mobile IPv6 (RFC 6275 6.5-6.8, 7), FMIPv6 (RFC 5568,
 * type 154) and their Neighbor Discovery options. A Router Advertisement
 * becomes a message only when it carries Mobile IPv6 content (H bit, an
 * Advertisement Interval or Home Agent Information option, or a Prefix
 * Information option with the R bit); a plain RA adds nothing here (the
 * net layer has decoded its ICMPv6 header). */
#include "mip6_int.h"

bool mwi_nd_walk_opts(struct mwi_dec *d, int msg, size_t from, size_t end)
{
	struct mw_cur c;

	mw_cur_init(&c, d->pkt->data, d->pkt->caplen, &d->pkt->diag);
	c.pos = from;
	c.end = end;
	while (mw_cur_ok(&c) && c.pos < c.end) {
		size_t at = c.pos, len;
		uint8_t type = mw_get_u8(&c, "nd.opt.type");
		uint8_t units = mw_get_u8(&c, "nd.opt.len");
		const struct mw_reg_entry *r;
		int e;

		if (!mw_cur_ok(&c))
			break;
		len = units * 8u;
		if (units == 0 || len - 2 > mw_cur_left(&c)) {
			e = mwi_add_elem(d, msg, MW_REG_ND_OPT, type, at, end - at);
			if (e >= 0)
				d->pkt->elems[e].status = MW_E_MALFORMED;
			mw_cur_fail_at(&c, at + 1, MW_E_MALFORMED, "nd.opt.len",
				       units ? "ND option %u length %u x8 runs past the end of the message"
					     : "ND option %u has length %u (RFC 4861 4.6)",
				       type, units);
			break;
		}
		e = mwi_add_elem(d, msg, MW_REG_ND_OPT, type, at, len);
		if (e >= 0) {
			d->pkt->elems[e].body_off = (uint32_t)at + 2;
			d->pkt->elems[e].body_len = (uint32_t)len - 2;
		}
		r = mwi_reg_lookup(MW_REG_ND_OPT, type);
		if (!r) {
			if (e >= 0)
				d->pkt->elems[e].status = MW_E_UNKNOWN;
		} else if (len < r->min_len || len > r->max_len) {
			if (e >= 0)
				d->pkt->elems[e].status = MW_E_MALFORMED;
			mwi_note(d, MW_E_MALFORMED, at + 1, "nd.opt.len",
				 "ND option length outside its bounds", units);
		}
		if (!mw_skip(&c, len - 2, "nd.opt.data")) {
			if (e >= 0)
				d->pkt->elems[e].status = d->pkt->diag.status;
			break;
		}
	}
	if (!mw_cur_ok(&c)) {
		if (msg >= 0 && d->pkt->msgs[msg].status == MW_OK)
			d->pkt->msgs[msg].status = d->pkt->diag.status;
		return false;
	}
	return true;
}

/* Does the RA at [start, end) carry Mobile IPv6 content? Reads only
 * captured bytes; stops quietly at anything odd (the walk reports it). */
static bool ra_has_mip6(const struct mw_packet *p, size_t start, size_t end)
{
	size_t lim = end < p->caplen ? end : p->caplen, pos = start + 16;

	if (start + 6 <= lim && (p->data[start + 5] & MW_RA_H))
		return true;
	while (pos + 2 <= lim) {
		uint8_t t = p->data[pos], units = p->data[pos + 1];

		if (!units)
			break;
		if (t == MW_ND_ADV_INTERVAL || t == MW_ND_HA_INFO)
			return true;
		if (t == MW_ND_PREFIX_INFO && pos + 4 <= lim &&
		    (p->data[pos + 3] & MW_PI_R))
			return true;
		pos += units * 8u;
	}
	return false;
}

void mwi_decode_icmp6_mip(struct mwi_dec *d, struct mw_cur *c, int icmp_layer)
{
	struct mw_packet *p = d->pkt;
	size_t start = c->pos, end = c->end, opts = start + 8;
	struct mw_icmp6_mip *im;
	struct mw_msg *m;
	uint8_t type;
	int msg;

	if (mw_cur_avail(c) < 1)
		return;
	type = c->base[start];
	switch (type) {
	case MW_ICMP6_RA:
		if (!ra_has_mip6(p, start, end))
			return;
		opts = start + 16;
		break;
	case MW_ICMP6_DHAAD_REQ:
	case MW_ICMP6_DHAAD_REP:
	case MW_ICMP6_MPS:
	case MW_ICMP6_MPA:
	case MW_ICMP6_FMIP:
		break;
	default:
		return;
	}
	msg = mwi_add_msg(d, MW_MSG_ICMP6, icmp_layer, MW_REG_ICMP6_MIP, type,
			  start, end - start);
	if (msg < 0)
		return;
	m = &p->msgs[msg];
	im = &m->u.icmp6;
	im->type = mw_get_u8(c, "icmp6.type");
	im->code = mw_get_u8(c, "icmp6.code");
	mw_get_be16(c, "icmp6.checksum");
	im->body_off = (uint32_t)opts;
	if (type == MW_ICMP6_RA) {
		mw_get_u8(c, "icmp6.ra.hop_limit");
		im->ra_flags = mw_get_u8(c, "icmp6.ra.flags");
		im->flags = im->ra_flags;
		im->ra_home_agent = (im->ra_flags & MW_RA_H) != 0;
		im->ra_lifetime = mw_get_be16(c, "icmp6.ra.lifetime");
		mw_skip(c, 8, "icmp6.ra.timers");
	} else if (type == MW_ICMP6_FMIP) {
		im->subtype = mw_get_u8(c, "icmp6.fmip.subtype");
		im->flags = mw_get_u8(c, "icmp6.fmip.reserved");
		im->ident = mw_get_be16(c, "icmp6.fmip.ident");
		if (mw_cur_ok(c) && !mwi_reg_lookup(MW_REG_ICMP6_154_SUB, im->subtype))
			mwi_note(d, MW_E_UNKNOWN, start + 4, "icmp6.fmip.subtype",
				 "unknown FMIPv6 subtype", im->subtype);
	} else {
		im->ident = mw_get_be16(c, "icmp6.ident");
		im->flags = mw_get_be16(c, "icmp6.flags");
	}
	if (!mw_cur_ok(c)) {
		m->status = p->diag.status;
		return;
	}
	if (type == MW_ICMP6_DHAAD_REQ) {
		/* RFC 6275 6.5: nothing follows the 8 bytes. */
		return;
	}
	if (type == MW_ICMP6_DHAAD_REP) {
		size_t n = (end - opts) / 16;

		if ((end - opts) % 16)
			mwi_note(d, MW_E_MALFORMED, opts, "icmp6.haad_rep.ha_addrs",
				 "address list not a multiple of 16 bytes",
				 (uint32_t)(end - opts));
		im->n_addrs = n > 255 ? 255 : (uint8_t)n;
		if (!mw_skip(c, n * 16, "icmp6.haad_rep.ha_addrs"))
			m->status = p->diag.status;
		return;
	}
	mwi_nd_walk_opts(d, msg, opts, end);
}
