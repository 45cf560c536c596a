#include <string.h>
/* Mapping libmipwire's decode (messages, elements, layers and their layout
 * fields, at their decoded offsets) onto the protocol tree. Only fields that
 * mw_field_read() reports as present are added, so nothing is read past
 * the captured bytes and Wireshark's own bounds checks never fire. */
#include "mipkit.h"

static expert_field ei_malformed = EI_INIT;
static expert_field ei_truncated = EI_INIT;
static expert_field ei_unsupported = EI_INIT;
static expert_field ei_note_unknown = EI_INIT;
static expert_field ei_note_malformed = EI_INIT;
static expert_field ei_note_other = EI_INIT;
static expert_field ei_elem_unknown = EI_INIT;
static expert_field ei_elem_bad = EI_INIT;

void mk_tree_register(void);
void mk_tree_register(void)
{
	static ei_register_info ei[] = {
		{ &ei_malformed, { "mipkit.malformed", PI_MALFORMED, PI_ERROR,
		  "Malformed Mobile IP data", EXPFILL } },
		{ &ei_truncated, { "mipkit.truncated", PI_MALFORMED, PI_WARN,
		  "Capture ends inside Mobile IP data (snaplen)", EXPFILL } },
		{ &ei_unsupported, { "mipkit.unsupported", PI_UNDECODED, PI_NOTE,
		  "Not decodable here", EXPFILL } },
		{ &ei_note_unknown, { "mipkit.note.unknown", PI_PROTOCOL, PI_NOTE,
		  "Unknown code", EXPFILL } },
		{ &ei_note_malformed, { "mipkit.note.malformed", PI_PROTOCOL,
		  PI_WARN, "Parser note", EXPFILL } },
		{ &ei_note_other, { "mipkit.note.other", PI_PROTOCOL, PI_NOTE,
		  "Parser note", EXPFILL } },
		{ &ei_elem_unknown, { "mipkit.elem.unknown", PI_PROTOCOL, PI_NOTE,
		  "Unknown extension / option type (skipped)", EXPFILL } },
		{ &ei_elem_bad, { "mipkit.elem.malformed", PI_MALFORMED, PI_WARN,
		  "Extension / option malformed or truncated", EXPFILL } },
	};
	expert_register_field_array(mk_expert_module(), ei, array_length(ei));
}

static bool field_lookup(const struct mw_reg_entry *row, const char *key,
			 const struct mw_field **f)
{
	for (unsigned i = 0; row && i < row->n_fields; i++) {
		if (row->fields[i].key && strcmp(row->fields[i].key, key) == 0) {
			*f = &row->fields[i];
			return true;
		}
	}
	return false;
}

bool mk_msg_field(const struct mw_packet *pkt, const struct mw_msg *m,
		  const char *key, struct mw_fval *out)
{
	const struct mw_field *f;

	out->present = false;
	return field_lookup(mw_msg_row(m), key, &f) &&
	       mw_field_read(pkt, m->off, m->len, f, out);
}

bool mk_elem_field(const struct mw_packet *pkt, const struct mw_elem *e,
		   const char *key, struct mw_fval *out)
{
	const struct mw_field *f;

	out->present = false;
	return field_lookup(mw_elem_row(e), key, &f) &&
	       mw_field_read(pkt, e->off, e->len, f, out);
}

const char *mk_msg_name(const struct mw_msg *m, char *buf, size_t cap)
{
	const struct mw_reg_entry *row = mw_msg_row(m);

	if (row)
		return row->name;
	return mw_reg_name_or((enum mw_reg_id)m->reg, m->code, buf, cap);
}

static unsigned enc_of(const struct mw_field *f)
{
	switch (f->type) {
	case MW_FT_UINT:
	case MW_FT_FLAG:
		return ENC_BIG_ENDIAN;
	case MW_FT_STRING:
		return ENC_ASCII | ENC_NA;
	case MW_FT_NTP64:
		return f->len == 8 ? (ENC_TIME_NTP | ENC_BIG_ENDIAN) : ENC_NA;
	default:
		return ENC_NA;
	}
}

/* Add every present layout field of `row` for the bytes at [off, off+len)
 * of the packet. Returns true if one of them starts at `off` (the type
 * byte is part of the layout). */
/* Does `row` have a field with this key? (A sub-type's layout repeats the
 * header fields of its main row: those are shown once.) */
static bool row_has_key(const struct mw_reg_entry *row, const char *key)
{
	for (unsigned i = 0; row && i < row->n_fields; i++)
		if (strcmp(row->fields[i].key, key) == 0)
			return true;
	return false;
}

static bool add_fields_but(proto_tree *tree, const struct mk_view *v,
			   unsigned reg, const struct mw_reg_entry *row,
			   uint32_t off, uint32_t len,
			   const struct mw_reg_entry *shown)
{
	bool has_type = false;

	for (unsigned i = 0; row && i < row->n_fields; i++) {
		const struct mw_field *f = &row->fields[i];
		int hf = mk_hf_field(reg, row->code, i);
		struct mw_fval fv;
		header_field_info *hi;

		if (hf < 0 || row_has_key(shown, f->key) ||
		    !mw_field_read(v->pkt, off, len, f, &fv))
			continue;
		if (f->off == 0)
			has_type = true;
		hi = proto_registrar_get_nth(hf);
		if (f->len == 0 && (hi->type == FT_IPv4 || hi->type == FT_IPv6)) {
			/* a list of addresses to the element's end */
			uint32_t step = hi->type == FT_IPv4 ? 4 : 16;
			for (uint32_t o = 0; o + step <= fv.len; o += step)
				proto_tree_add_item(tree, hf, v->tvb,
						    mk_toff(v, fv.off + o),
						    (int)step, ENC_NA);
			continue;
		}
		if (hi->type == FT_BYTES || hi->type == FT_STRING) {
			if (fv.len == 0)
				continue;
		}
		proto_tree_add_item(tree, hf, v->tvb, mk_toff(v, fv.off),
				    (int)fv.len,
				    hi->type == FT_BYTES ? ENC_NA : enc_of(f));
	}
	return has_type;
}

static bool add_fields(proto_tree *tree, const struct mk_view *v,
		       unsigned reg, const struct mw_reg_entry *row,
		       uint32_t off, uint32_t len)
{
	return add_fields_but(tree, v, reg, row, off, len, NULL);
}

/* Expert item for an element whose status is not OK. */
static void elem_status(proto_item *ti, packet_info *pinfo,
			const struct mw_elem *e)
{
	switch (e->status) {
	case MW_OK:
		break;
	case MW_E_UNKNOWN:
		expert_add_info(pinfo, ti, &ei_elem_unknown);
		break;
	default:
		expert_add_info_format(pinfo, ti, &ei_elem_bad,
				       "Element %s", mw_status_str(e->status));
		break;
	}
}

static proto_tree *add_elem(proto_tree *parent, packet_info *pinfo,
			    const struct mk_view *v, const struct mw_elem *e)
{
	const struct mw_reg_entry *row = mw_elem_row(e);
	uint32_t len = e->len;
	proto_item *ti;
	proto_tree *t;
	int ett = mk_ett_reg(e->reg);
	char buf[32];

	/* the element's bytes that were captured */
	if (e->off >= v->pkt->caplen)
		return parent;
	if (e->off + len > v->pkt->caplen)
		len = v->pkt->caplen - e->off;
	t = proto_tree_add_subtree_format(parent, v->tvb, mk_toff(v, e->off),
		(int)len, ett, &ti, "%s",
		row ? row->name : mw_reg_name_or(e->reg, e->type, buf,
						 sizeof(buf)));
	if (row && e->subtype && row->sub) {
		const char *sn = mw_reg_name(row->sub, e->subtype);
		if (sn)
			proto_item_append_text(ti, ": %s", sn);
	}
	if (!add_fields(t, v, e->reg, row, e->off, e->len) &&
	    mk_hf_code(e->reg) >= 0)
		proto_tree_add_item(t, mk_hf_code(e->reg), v->tvb,
				    mk_toff(v, e->off), 1, ENC_BIG_ENDIAN);
	/* a sub-type with a layout of its own: its fields too (as mipdump) */
	if (row && row->sub) {
		const struct mw_reg_entry *sub = mw_reg_lookup(
			(enum mw_reg_id)row->sub, e->subtype);

		if (sub && sub != row && sub->n_fields)
			add_fields_but(t, v, row->sub, sub, e->off, e->len, row);
	}
	if (!row && mk_hf_data(e->reg) >= 0 && e->body_len &&
	    e->body_off + e->body_len <= v->pkt->caplen)
		proto_tree_add_item(t, mk_hf_data(e->reg), v->tvb,
				    mk_toff(v, e->body_off), (int)e->body_len,
				    ENC_NA);
	elem_status(ti, pinfo, e);
	return t;
}

void mk_tree_msg(proto_tree *tree, struct mk_msgctx *cx)
{
	const struct mk_view *v = cx->v;
	const struct mw_packet *pkt = v->pkt;
	const struct mw_msg *m = cx->m;
	const struct mw_reg_entry *row = mw_msg_row(m);
	uint32_t len = m->len;
	proto_tree *t, *last0 = NULL;
	char buf[32];
	int ett = mk_ett_reg(m->reg);

	if (m->off + len > pkt->caplen)
		len = m->off < pkt->caplen ? pkt->caplen - m->off : 0;
	t = proto_tree_add_subtree(tree, v->tvb, mk_toff(v, m->off), (int)len,
				   ett, &cx->item,
				   mk_msg_name(m, buf, sizeof(buf)));
	cx->tree = t;
	{
		/* a message type with variants: the variant's own fields too */
		enum mw_reg_id vr = MW_REG_NONE;
		const struct mw_reg_entry *var = mw_msg_variant_row(pkt, m, &vr);

		if (var) {
			proto_item_append_text(cx->item, ": %s", var->name);
			add_fields_but(t, v, vr, var, m->off, m->len, row);
		}
	}
	if (!add_fields(t, v, m->reg, row, m->off, m->len) &&
	    mk_hf_code(m->reg) >= 0) {
		/* type byte: 0 in MIPv4 / ICMP, 2 in the Mobility Header */
		uint32_t toff = m->off + (m->kind == MW_MSG_MH ? 2 : 0);
		if (toff < pkt->caplen)
			proto_tree_add_item(t, mk_hf_code(m->reg), v->tvb,
					    mk_toff(v, toff), 1, ENC_BIG_ENDIAN);
	}
	for (unsigned i = m->elem_first;
	     i < (unsigned)m->elem_first + m->elem_count && i < pkt->n_elems;
	     i++) {
		const struct mw_elem *e = &pkt->elems[i];

		if (e->depth == 0 || !last0)
			last0 = add_elem(t, cx->pinfo, v, e);
		else
			add_elem(last0, cx->pinfo, v, e);
	}
}

proto_tree *mk_tree_layer(proto_tree *tree, packet_info *pinfo,
			  const struct mk_view *v, int layer)
{
	const struct mw_layer *l = &v->pkt->layers[layer];
	const struct mw_reg_entry *row = mw_reg_lookup(MW_REG_LAYER, l->kind);
	uint32_t len = l->len;
	proto_tree *t;
	char buf[32];

	(void)pinfo;
	if (l->off + len > v->pkt->caplen)
		len = l->off < v->pkt->caplen ? v->pkt->caplen - l->off : 0;
	t = proto_tree_add_subtree(tree, v->tvb, mk_toff(v, l->off), (int)len,
				   mk_ett_reg(MW_REG_LAYER), NULL,
				   row ? row->name
				       : mw_reg_name_or(MW_REG_LAYER, l->kind,
							buf, sizeof(buf)));
	add_fields(t, v, MW_REG_LAYER, row, l->off, l->len);
	return t;
}

void mk_tree_problems(proto_item *at, packet_info *pinfo,
		      const struct mk_view *v, uint32_t from, uint32_t to)
{
	const struct mw_packet *pkt = v->pkt;
	const struct mw_diag *d = &pkt->diag;
	char why[160];

	if (d->status != MW_OK && d->offset >= from && d->offset <= to) {
		mw_diag_format(d, why, sizeof(why));
		switch (d->status) {
		case MW_E_TRUNC:
			expert_add_info_format(pinfo, at, &ei_truncated, "%s",
					       why);
			break;
		case MW_E_UNSUPPORTED:
			expert_add_info_format(pinfo, at, &ei_unsupported,
					       "%s", why);
			break;
		default:
			expert_add_info_format(pinfo, at, &ei_malformed, "%s",
					       why);
			break;
		}
	}
	for (unsigned i = 0; i < pkt->n_notes; i++) {
		const struct mw_note *n = &pkt->notes[i];

		if (n->offset < from || n->offset >= to)
			continue;
		expert_add_info_format(pinfo, at,
			n->status == MW_E_UNKNOWN ? &ei_note_unknown
			: n->status == MW_E_MALFORMED ? &ei_note_malformed
						      : &ei_note_other,
			"%s: %s (%u)", n->field ? n->field : "?",
			n->why ? n->why : mw_status_str(n->status), n->value);
	}
}
