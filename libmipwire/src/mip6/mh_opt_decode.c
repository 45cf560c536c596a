/* The mobility option walk (RFC 6275 6.2): Pad1, PadN and TLV options,
 * length checks against the message and the registry, the xn+y alignment
 * check (a note), unknown options skipped with a note, and the sub-options
 * of options 45, 52 and 62 as depth-1 elements. */
#include "mip6_int.h"

static void set_elem_status(struct mwi_dec *d, int e, mw_status st)
{
	if (e >= 0 && d->pkt->elems[e].status == MW_OK)
		d->pkt->elems[e].status = (uint8_t)st;
}

static void set_msg_status(struct mwi_dec *d, int msg, mw_status st)
{
	if (msg >= 0 && d->pkt->msgs[msg].status == MW_OK)
		d->pkt->msgs[msg].status = (uint8_t)st;
}

/* Sub-options over captured, in-bounds bytes [from, end): soft findings
 * only (the enclosing option's length already held). */
static void walk_subopts(struct mwi_dec *d, int msg,
			 const struct mwi_mh_subopt_info *si, size_t from,
			 size_t end)
{
	const uint8_t *p = d->pkt->data;
	size_t pos = from;

	while (pos < end) {
		uint8_t t = p[pos];
		size_t len;
		int e;

		if (t == 0 && si->pad1) {
			e = mwi_add_elem(d, msg, (enum mw_reg_id)si->reg, 0, pos, 1);
			if (e >= 0) {
				d->pkt->elems[e].depth = 1;
				d->pkt->elems[e].body_off = (uint32_t)pos + 1;
			}
			pos++;
			continue;
		}
		if (end - pos < 2 || p[pos + 1] + 2u > end - pos) {
			e = mwi_add_elem(d, msg, (enum mw_reg_id)si->reg, t, pos,
					 end - pos);
			if (e >= 0) {
				d->pkt->elems[e].depth = 1;
				d->pkt->elems[e].status = MW_E_MALFORMED;
			}
			mwi_note(d, MW_E_MALFORMED, pos + 1, "mh.opt.sub.len",
				 "sub-option runs past the end of its option", t);
			set_msg_status(d, msg, MW_E_MALFORMED);
			return;
		}
		len = 2u + p[pos + 1];
		e = mwi_add_elem(d, msg, (enum mw_reg_id)si->reg, t, pos, len);
		if (e >= 0) {
			struct mw_elem *el = &d->pkt->elems[e];
			const struct mw_reg_entry *r =
				mwi_reg_lookup((enum mw_reg_id)si->reg, t);

			el->depth = 1;
			el->body_off = (uint32_t)pos + 2;
			el->body_len = (uint32_t)len - 2;
			if (!r) {
				el->status = MW_E_UNKNOWN;
				mwi_note(d, MW_E_UNKNOWN, pos, "mh.opt.sub.type",
					 "unknown sub-option skipped", t);
			} else if (len < r->min_len || len > r->max_len) {
				el->status = MW_E_MALFORMED;
				mwi_note(d, MW_E_MALFORMED, pos + 1,
					 "mh.opt.sub.len",
					 "sub-option length outside its bounds",
					 (uint32_t)len);
			}
		}
		pos += len;
	}
}

/* Fast path of the walk: Pad1 and known options without sub-options that
 * lie wholly inside the message and the capture, inside their registry
 * bounds and alignment, with room in the element table. Local copies of
 * the bounds (byte stores into the packet cannot alias them); every byte
 * is proven readable before it is read. Returns where it stopped: the
 * general walk takes over there and decides as it would have from the
 * start. */
static size_t walk_fast(struct mwi_dec *d, int msg, size_t mh_start,
			size_t pos, size_t end)
{
	struct mw_packet *pk = d->pkt;
	const uint8_t *base = pk->data;
	size_t lim = end < pk->caplen ? end : pk->caplen;
	unsigned n = pk->n_elems, n0 = n;

	if (pk->diag.status != MW_OK || msg < 0 || msg >= pk->n_msgs)
		return pos;
	while (pos < lim && n < MW_MAX_ELEMS) {
		const uint8_t *b = base + pos;
		const struct mw_reg_entry *r;
		struct mw_elem *e;
		size_t total;

		if (b[0] == MW_MHO_PAD1) {
			e = &pk->elems[n++];
			*e = mwi_elem(MW_REG_MH_OPT, 0, (uint8_t)msg, pos, 1, 1);
			pos++;
			continue;
		}
		if (lim - pos < 2)
			break;
		total = 2u + b[1];
		r = mwi_reg_row(&mwi_reg_mh_opt, b[0]);
		if (!r || r->sub || total > lim - pos || total < r->min_len ||
		    total > r->max_len ||
		    (r->align_n && (pos - mh_start) % r->align_n != r->align_k))
			break;
		e = &pk->elems[n++];
		*e = mwi_elem(MW_REG_MH_OPT, b[0], (uint8_t)msg, pos, total, 2);
		pos += total;
	}
	pk->n_elems = (uint16_t)n;
	pk->msgs[msg].elem_count = (uint16_t)(pk->msgs[msg].elem_count + (n - n0));
	return pos;
}

bool mwi_mh_walk_opts(struct mwi_dec *d, int msg, size_t mh_start,
		      size_t from, size_t end)
{
	struct mw_cur c;

	mw_cur_init(&c, d->pkt->data, d->pkt->caplen, &d->pkt->diag);
	c.pos = walk_fast(d, msg, mh_start, from, end);
	c.end = end;
	while (mw_cur_ok(&c) && c.pos < c.end) {
		size_t at = c.pos;
		uint8_t type;
		const struct mw_reg_entry *r;
		uint8_t len;
		int e;

		if (__builtin_expect(mw_cur_has(&c, 2), 1)) {
			/* type and length readable: one check */
			type = c.base[at];
			len = c.base[at + 1];
			c.pos += type == MW_MHO_PAD1 ? 1 : 2;
		} else {
			type = mw_get_u8(&c, "mh.opt.type");
			if (!mw_cur_ok(&c))
				break;
			len = 0;
			if (type != MW_MHO_PAD1) {
				len = mw_get_u8(&c, "mh.opt.len");
				if (!mw_cur_ok(&c)) {
					e = mwi_add_elem(d, msg, MW_REG_MH_OPT,
							 type, at, 1);
					set_elem_status(d, e, d->pkt->diag.status);
					break;
				}
			}
		}
		if (type == MW_MHO_PAD1) {
			e = mwi_add_elem(d, msg, MW_REG_MH_OPT, 0, at, 1);
			if (e >= 0)
				d->pkt->elems[e].body_off = (uint32_t)at + 1;
			continue;
		}
		if (len > mw_cur_left(&c)) {
			e = mwi_add_elem(d, msg, MW_REG_MH_OPT, type, at,
					 end - at);
			set_elem_status(d, e, MW_E_MALFORMED);
			mw_cur_fail_at(&c, at + 1, MW_E_MALFORMED, "mh.opt.len",
				       "option %u length %u runs past the end of the message (%zu left)",
				       type, len, mw_cur_left(&c));
			break;
		}
		e = mwi_add_elem(d, msg, MW_REG_MH_OPT, type, at, 2u + len);
		if (e >= 0) {
			d->pkt->elems[e].body_off = (uint32_t)at + 2;
			d->pkt->elems[e].body_len = len;
		}
		r = mwi_reg_row(&mwi_reg_mh_opt, type);
		if (!r) {
			set_elem_status(d, e, MW_E_UNKNOWN);
			mwi_note(d, MW_E_UNKNOWN, at, "mh.opt.type",
				 "unknown mobility option skipped", type);
		} else {
			if (2u + len < r->min_len || 2u + len > r->max_len) {
				set_elem_status(d, e, MW_E_MALFORMED);
				set_msg_status(d, msg, MW_E_MALFORMED);
				mwi_note(d, MW_E_MALFORMED, at + 1, "mh.opt.len",
					 "option length outside the registry bounds",
					 len);
			}
			if (r->align_n &&
			    (at - mh_start) % r->align_n != r->align_k)
				mwi_note(d, MW_E_MALFORMED, at, "mh.opt.align",
					 "option does not meet its alignment (xn+y)",
					 (uint32_t)((at - mh_start) % r->align_n));
		}
		if (!mw_skip(&c, len, "mh.opt.data")) {
			set_elem_status(d, e, d->pkt->diag.status);
			break;
		}
		if (r && r->sub) {
			const struct mwi_mh_subopt_info *si =
				mwi_mh_subopt_info(type);

			if (si && 2u + len > si->start)
				walk_subopts(d, msg, si, at + si->start,
					     at + 2u + len);
		}
	}
	if (!mw_cur_ok(&c)) {
		set_msg_status(d, msg, d->pkt->diag.status);
		return false;
	}
	return true;
}
