/* The extension walk shared by UDP 434 messages and agent discovery: each
 * extension is read by its header form, bounded by the message end, checked
 * against the registry's length bounds, and appended as an element. */
#include "mip4_int.h"

/* Header form of a type: the registry's, or TLV8 for unknown types (RFC
 * 5944 1.9: a receiver can only skip an unknown type by its length byte). */
static uint8_t hdr_form(const struct mw_reg_entry *row)
{
	return row ? row->hdr : MW_HDR_TLV8;
}

/* Reads the header of the element at c->pos: total length, sub-type and
 * where the length field is. False on a hard error (recorded). Checked
 * peek by peek, so an error names the first missing field. */
static bool read_header_slow(struct mw_cur *c, uint8_t form, bool len8,
			     size_t *total, size_t *hlen, uint8_t *sub,
			     size_t *len_off)
{
	size_t p = c->pos;

	*sub = 0;
	*len_off = p + 1;
	switch (form) {
	case MW_HDR_PAD1:
		*total = 1;
		*hlen = 1;
		return true;
	case MW_HDR_LONG:
	case MW_HDR_CVSE: {
		uint8_t b1 = mw_peek_u8(c, 1, "mip4.ext.subtype");
		uint16_t l;

		if (!mw_cur_need(c, 4, "mip4.ext.len"))
			return false;
		l = mw_load_be16(c->base + p + 2);
		*sub = form == MW_HDR_LONG ? b1 : 0;
		*len_off = p + 2;
		*hlen = 4;
		*total = 4 + (size_t)l;
		return true;
	}
	case MW_HDR_SHORT:
	case MW_HDR_TLV8:
	default: {
		uint8_t l = mw_peek_u8(c, 1, "mip4.ext.len");

		if (!mw_cur_ok(c))
			return false;
		if (len8) {
			/* RFC 4988 6.x: units of 8 octets incl. type/length */
			if (l == 0) {
				mw_cur_fail_at(c, p + 1, MW_E_MALFORMED, "mip4.ext.len",
					       "FMIPv4 option length 0");
				return false;
			}
			*total = (size_t)l * 8;
			*hlen = 2;
			return true;
		}
		*total = 2 + (size_t)l;
		*hlen = 2;
		if (form == MW_HDR_SHORT) {
			if (l == 0) {
				mw_cur_fail_at(c, p + 1, MW_E_MALFORMED, "mip4.ext.len",
					       "short-form extension without sub-type (length 0)");
				return false;
			}
			*sub = mw_peek_u8(c, 2, "mip4.ext.subtype");
			*hlen = 3;
			if (!mw_cur_ok(c))
				return false;
		}
		return true;
	}
	}
}

/* The same when the whole header is readable: one check. */
static inline bool read_header(struct mw_cur *c, uint8_t form, bool len8,
			       size_t *total, size_t *hlen, uint8_t *sub,
			       size_t *len_off)
{
	size_t p = c->pos;
	size_t need = form == MW_HDR_LONG || form == MW_HDR_CVSE ? 4
		      : form == MW_HDR_SHORT ? 3 : 2;
	const uint8_t *b;
	uint8_t l;

	if (form == MW_HDR_PAD1 || !mw_cur_has(c, need))
		return read_header_slow(c, form, len8, total, hlen, sub, len_off);
	b = c->base + p;
	*sub = 0;
	*len_off = p + 1;
	if (form == MW_HDR_LONG || form == MW_HDR_CVSE) {
		*sub = form == MW_HDR_LONG ? b[1] : 0;
		*len_off = p + 2;
		*hlen = 4;
		*total = 4 + (size_t)mw_load_be16(b + 2);
		return true;
	}
	l = b[1];
	if (len8 || (form == MW_HDR_SHORT && l == 0))
		return read_header_slow(c, form, len8, total, hlen, sub, len_off);
	*total = 2 + (size_t)l;
	*hlen = 2;
	if (form == MW_HDR_SHORT) {
		*sub = b[2];
		*hlen = 3;
	}
	return true;
}

static void check_bounds(struct mwi_dec *d, struct mw_elem *e,
			 const struct mw_reg_entry *row, size_t len_off)
{
	if (e->len < row->min_len || e->len > row->max_len) {
		e->status = MW_E_MALFORMED;
		mwi_note(d, MW_E_MALFORMED, len_off, "mip4.ext.len",
			 "extension length outside the bounds of its type", e->type);
	}
}

/* Fast path of the registration-extension walk: known TLV8 / CVSE
 * extensions (no sub-type registry) that lie wholly inside the message and
 * the capture, with a length inside their registry bounds and room in the
 * element table. Works on local copies of the cursor (byte stores into the
 * packet cannot alias them) and proves every byte readable before it is
 * read. Stops at the first extension it does not handle this way and
 * returns its offset: the general walk below takes over from there and
 * decides exactly as it would have from the start. */
static size_t walk_fast(struct mwi_dec *d, const struct mw_cur *c, int msg)
{
	struct mw_packet *pk = d->pkt;
	const uint8_t *base = c->base;
	size_t pos = c->pos, end = c->end;
	size_t lim = end < c->caplen ? end : c->caplen;
	unsigned n = pk->n_elems, n0 = n;

	if (msg < 0 || msg >= pk->n_msgs)
		return pos;
	while (pos < lim && lim - pos >= 4 && n < MW_MAX_ELEMS) {
		const uint8_t *b = base + pos;
		const struct mw_reg_entry *row = mwi_reg_row(&mwi_reg_mip4_ext, b[0]);
		size_t total, hlen;
		struct mw_elem *e;

		if (!row)
			break;
		if (row->hdr == MW_HDR_TLV8) {
			total = 2u + b[1];
			hlen = 2;
		} else if (row->hdr == MW_HDR_CVSE) {
			total = 4u + mw_load_be16(b + 2);
			hlen = 4;
		} else {
			break;
		}
		if (total > lim - pos || total < row->min_len || total > row->max_len)
			break;
		e = &pk->elems[n++];
		*e = mwi_elem(MW_REG_MIP4_EXT, b[0], (uint8_t)msg, pos, total, hlen);
		pos += total;
	}
	pk->n_elems = (uint16_t)n;
	pk->msgs[msg].elem_count = (uint16_t)(pk->msgs[msg].elem_count + (n - n0));
	return pos;
}

void mwi_mip4_walk_exts(struct mwi_dec *d, struct mw_cur *c, int msg,
			enum mw_reg_id reg)
{
	bool adv = reg == MW_REG_MIP4_ADV_EXT;

	if (!adv && mw_cur_ok(c))
		c->pos = walk_fast(d, c, msg);
	while (mw_cur_ok(c) && mw_cur_left(c) > 0) {
		size_t p = c->pos, total, hlen, len_off;
		uint8_t type = mw_peek_u8(c, 0, "mip4.ext.type"), sub;
		const struct mw_reg_entry *row;
		const struct mw_registry *sr;
		struct mw_elem *e;
		int ei;

		if (!mw_cur_ok(c))
			return;
		row = mwi_reg_lookup(reg, type);
		if (!read_header(c, hdr_form(row), adv && mwi_mip4_adv_len8(type),
				 &total, &hlen, &sub, &len_off))
			return;
		if (total > mw_cur_left(c)) {
			mw_cur_fail_at(c, len_off, MW_E_MALFORMED, "mip4.ext.len",
				       "extension %u length %zu runs past the end of the message (%zu left)",
				       type, total, mw_cur_left(c));
			return;
		}
		ei = mwi_add_elem(d, msg, reg, type, p, total);
		e = ei >= 0 ? &d->pkt->elems[ei] : NULL;
		if (e) {
			e->subtype = sub;
			e->body_off = (uint32_t)(p + hlen);
			e->body_len = (uint32_t)(total - hlen);
		}
		if (!mw_skip(c, total, "mip4.ext")) {
			if (e)
				e->status = (uint8_t)c->diag->status;
			return;
		}
		if (!e)
			continue;
		if (!row) {
			e->status = MW_E_UNKNOWN;
			mwi_note(d, MW_E_UNKNOWN, p, "mip4.ext.type",
				 type < 128 ? "unknown non-skippable extension: the message must be discarded (RFC 5944 1.9)"
					    : "unknown skippable extension skipped",
				 type);
			continue;
		}
		check_bounds(d, e, row, len_off);
		sr = (row->hdr == MW_HDR_LONG || row->hdr == MW_HDR_SHORT)
			     ? mwi_mip4_subreg(type, adv) : NULL;
		if (sr) {
			const struct mw_reg_entry *srow = mwi_reg_lookup((enum mw_reg_id)sr->id, sub);

			if (sr->id == MW_REG_NONE)
				srow = sub < sr->n_rows && sr->rows[sub].key ? &sr->rows[sub] : NULL;
			if (!srow)
				mwi_note(d, MW_E_UNKNOWN, p + (row->hdr == MW_HDR_LONG ? 1 : 2),
					 "mip4.ext.subtype", "unknown extension sub-type", sub);
			else if (e->status == MW_OK)
				check_bounds(d, e, srow, len_off);
		}
	}
}
