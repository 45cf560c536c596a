/* Reading one layout field (struct mw_field) out of a decoded frame: the
 * generic path behind mipdump -v, --json and the Wireshark plugin. */
#include "internal.h"

static unsigned ctz32(uint32_t m)
{
	return m ? (unsigned)__builtin_ctz(m) : 0;
}

MWI_EXPORT bool mw_field_read(const struct mw_packet *pkt, uint32_t base_off,
			      uint32_t base_len, const struct mw_field *f,
			      struct mw_fval *out)
{
	uint64_t end = (uint64_t)base_off + base_len;
	uint64_t start = (uint64_t)base_off + f->off;
	uint64_t len;

	out->present = false;
	out->u = 0;
	out->p = NULL;
	if (start > end)
		return false;
	len = f->len ? f->len : end - start;
	if (start + len > end || start + len > pkt->caplen)
		return false;
	if (f->len == 0 && len == 0 && f->type != MW_FT_BYTES &&
	    f->type != MW_FT_STRING)
		return false;
	out->off = (uint32_t)start;
	out->len = (uint32_t)len;
	out->p = pkt->data + start;
	out->present = true;
	switch (f->type) {
	case MW_FT_UINT:
	case MW_FT_FLAG: {
		uint64_t v = 0;
		for (uint64_t i = 0; i < len && i < 8; i++)
			v = (v << 8) | out->p[i];
		if (f->mask)
			v = (v & f->mask) >> ctz32(f->mask);
		out->u = f->type == MW_FT_FLAG ? (v != 0) : v;
		break;
	}
	case MW_FT_IPV4:
		if (len >= 4)
			out->u = mw_load_be32(out->p);
		break;
	case MW_FT_NTP64:
		if (len >= 8)
			out->u = mw_load_be64(out->p);
		break;
	default:
		break;
	}
	return true;
}

MWI_EXPORT const struct mw_reg_entry *mw_msg_variant_row(
	const struct mw_packet *pkt, const struct mw_msg *m, enum mw_reg_id *reg)
{
	const struct mw_reg_entry *row = mw_msg_row(m);

	for (uint16_t i = 0; row && i < row->n_fields; i++) {
		const struct mw_field *f = &row->fields[i];
		const struct mw_reg_entry *v;
		struct mw_fval fv;

		if (f->type != MW_FT_UINT || !f->vals || f->vals == m->reg ||
		    !mw_field_read(pkt, m->off, m->len, f, &fv) || fv.u > 0xffff)
			continue;
		v = mw_reg_lookup((enum mw_reg_id)f->vals, (unsigned)fv.u);
		if (v && v->n_fields) {
			if (reg)
				*reg = (enum mw_reg_id)f->vals;
			return v;
		}
	}
	return NULL;
}
