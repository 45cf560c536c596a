/* The registry-layout walker (see walk.h). */
#include <string.h>

#include "walk.h"

static const struct mw_registry *reg_of(unsigned id)
{
	return id ? mw_registry_get((enum mw_reg_id)id) : NULL;
}

static const struct mw_reg_entry *row_of(unsigned id, unsigned code)
{
	return id ? mw_reg_lookup((enum mw_reg_id)id, code) : NULL;
}

void mdw_layer_node(const struct mw_packet *pkt, int i, struct mdw_node *n)
{
	const struct mw_layer *l = &pkt->layers[i];

	memset(n, 0, sizeof(*n));
	n->kind = MDW_LAYER;
	n->index = i;
	n->reg = reg_of(MW_REG_LAYER);
	n->row = row_of(MW_REG_LAYER, l->kind);
	n->code = l->kind;
	n->subtype = -1;
	n->off = l->off;
	n->len = l->len;
	n->depth = l->depth;
	n->status = MW_OK;
	n->synthetic = l->synthetic;
}

void mdw_msg_node(const struct mw_packet *pkt, int i, struct mdw_node *n)
{
	const struct mw_msg *m = &pkt->msgs[i];

	memset(n, 0, sizeof(*n));
	n->kind = MDW_MSG;
	n->index = i;
	n->reg = reg_of(m->reg);
	n->row = mw_msg_row(m);
	n->code = m->code;
	n->subtype = -1;
	n->off = m->off;
	n->len = m->len;
	n->status = (mw_status)m->status;
	/* a message type with variants (BRI / BRA, FBI / FBA, FMIPv6 subtypes) */
	{
		enum mw_reg_id vr = MW_REG_NONE;

		n->sub_row = mw_msg_variant_row(pkt, m, &vr);
		if (n->sub_row) {
			n->sub_reg = reg_of(vr);
			n->subtype = n->sub_row->code;
		}
	}
}

void mdw_elem_node(const struct mw_packet *pkt, int i, struct mdw_node *n)
{
	const struct mw_elem *e = &pkt->elems[i];

	memset(n, 0, sizeof(*n));
	n->kind = MDW_ELEM;
	n->index = i;
	n->reg = reg_of(e->reg);
	n->row = mw_elem_row(e);
	n->code = e->type;
	n->subtype = -1;
	/* long / short form MIPv4 extensions carry a subtype byte */
	if (n->row && (n->row->hdr == MW_HDR_LONG ||
		       n->row->hdr == MW_HDR_SHORT)) {
		n->subtype = e->subtype;
		n->sub_reg = reg_of(n->row->sub);
		n->sub_row = row_of(n->row->sub, e->subtype);
	}
	n->off = e->off;
	n->len = e->len;
	n->depth = e->depth;
	n->status = (mw_status)e->status;
}

bool mdw_read(const struct mw_packet *pkt, const struct mdw_node *n,
	      const struct mw_field *f, struct mdw_field *out)
{
	memset(out, 0, sizeof(*out));
	out->f = f;
	if (n->synthetic) {
		/* a rebuilt IPv4 header: read the fields from the rebuilt bytes */
		static uint8_t hdr[60];
		static struct mw_packet fake;
		int me = mw_find_layer(pkt, MW_L_MINENC, n->index);
		size_t hl = me < 0 ? 0 : mw_minenc_header(pkt, me, hdr);

		if (!hl)
			return false;
		fake.data = hdr;
		fake.caplen = (uint32_t)hl;
		if (!mw_field_read(&fake, 0, (uint32_t)hl, f, &out->v))
			return false;
	} else if (!mw_field_read(pkt, n->off, n->len, f, &out->v)) {
		return false;
	}
	if (f->vals && (f->type == MW_FT_UINT || f->type == MW_FT_FLAG)) {
		out->vreg = reg_of(f->vals);
		out->vname = mw_reg_name((enum mw_reg_id)f->vals,
					 (unsigned)out->v.u);
		if (out->v.u > 0xffff)
			out->vname = NULL;
	}
	return true;
}

static bool key_in(const struct mw_reg_entry *row, const char *key)
{
	for (uint16_t i = 0; row && i < row->n_fields; i++)
		if (strcmp(row->fields[i].key, key) == 0)
			return true;
	return false;
}

static void walk_row(const struct mw_packet *pkt, const struct mdw_node *n,
		     const struct mw_reg_entry *row,
		     const struct mw_reg_entry *skip_dups,
		     const struct mdw_ops *ops, void *ctx)
{
	struct mdw_field fv;

	for (uint16_t i = 0; row && i < row->n_fields; i++) {
		const struct mw_field *f = &row->fields[i];

		if (!f->key || (skip_dups && key_in(skip_dups, f->key)))
			continue;
		if (mdw_read(pkt, n, f, &fv) && ops->field)
			ops->field(ctx, n, &fv);
	}
}

void mdw_walk_fields(const struct mw_packet *pkt, const struct mdw_node *n,
		     const struct mdw_ops *ops, void *ctx)
{
	walk_row(pkt, n, n->row, NULL, ops, ctx);
	/* a subtype may have a layout of its own (fields after the header) */
	if (n->sub_row && n->sub_row != n->row)
		walk_row(pkt, n, n->sub_row, n->row, ops, ctx);
}


/* Elements [i, end): each one, then the following deeper ones as its
 * children. Returns nothing; robust to depth jumps (a deeper element with
 * no parent is shown at the current level). */
static void walk_elems(const struct mw_packet *pkt, unsigned i, unsigned end,
		       const struct mdw_ops *ops, void *ctx)
{
	while (i < end) {
		struct mdw_node n;
		unsigned j = i + 1;

		while (j < end && pkt->elems[j].depth > pkt->elems[i].depth)
			j++;
		mdw_elem_node(pkt, (int)i, &n);
		if (ops->begin)
			ops->begin(ctx, &n);
		mdw_walk_fields(pkt, &n, ops, ctx);
		if (j > i + 1) {
			if (ops->kids_begin)
				ops->kids_begin(ctx, &n);
			walk_elems(pkt, i + 1, j, ops, ctx);
			if (ops->kids_end)
				ops->kids_end(ctx, &n);
		}
		if (ops->end)
			ops->end(ctx, &n);
		i = j;
	}
}

/* Elements of no message (IPv6 Hop-by-Hop / Destination options) belong
 * to the layer whose bytes hold them. */
static bool layer_owns(const struct mw_packet *pkt, const struct mw_layer *l,
		       unsigned e)
{
	const struct mw_elem *x = &pkt->elems[e];

	return x->msg == 0xff && !l->synthetic && x->off >= l->off &&
	       x->off < (uint64_t)l->off + l->len;
}

void mdw_walk_layer(const struct mw_packet *pkt, int i,
		    const struct mdw_ops *ops, void *ctx)
{
	const struct mw_layer *l = &pkt->layers[i];
	struct mdw_node n;
	unsigned first = 0, end;

	mdw_layer_node(pkt, i, &n);
	if (ops->begin)
		ops->begin(ctx, &n);
	mdw_walk_fields(pkt, &n, ops, ctx);
	while (first < pkt->n_elems && !layer_owns(pkt, l, first))
		first++;
	for (end = first; end < pkt->n_elems && layer_owns(pkt, l, end); end++)
		;
	if (first < end) {
		if (ops->kids_begin)
			ops->kids_begin(ctx, &n);
		walk_elems(pkt, first, end, ops, ctx);
		if (ops->kids_end)
			ops->kids_end(ctx, &n);
	}
	if (ops->end)
		ops->end(ctx, &n);
}

void mdw_walk_msg(const struct mw_packet *pkt, int i,
		  const struct mdw_ops *ops, void *ctx)
{
	const struct mw_msg *m = &pkt->msgs[i];
	unsigned first = m->elem_first;
	unsigned end = first + m->elem_count;
	struct mdw_node n;

	if (end > pkt->n_elems)
		end = pkt->n_elems;
	mdw_msg_node(pkt, i, &n);
	if (ops->begin)
		ops->begin(ctx, &n);
	mdw_walk_fields(pkt, &n, ops, ctx);
	if (first < end) {
		if (ops->kids_begin)
			ops->kids_begin(ctx, &n);
		walk_elems(pkt, first, end, ops, ctx);
		if (ops->kids_end)
			ops->kids_end(ctx, &n);
	}
	if (ops->end)
		ops->end(ctx, &n);
}
