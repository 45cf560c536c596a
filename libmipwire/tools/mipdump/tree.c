/* -v: the full field tree of a frame, a walker visitor that indents. */
#include <string.h>

#include "fmt.h"
#include "mipdump.h"

struct tree_ctx {
	GString *out;
	const struct md_opts *o;
	int indent;
};

static void pad(struct tree_ctx *t)
{
	for (int i = 0; i < t->indent; i++)
		g_string_append(t->out, "  ");
}

static void where(struct tree_ctx *t, bool synthetic, uint32_t off,
		  uint32_t len)
{
	if (!t->o->offsets)
		return;
	if (synthetic)
		g_string_append_printf(t->out, " [rebuilt, %u bytes]", len);
	else
		g_string_append_printf(t->out, " [%u+%u]", off, len);
}

static void t_begin(void *ctx, const struct mdw_node *n)
{
	struct tree_ctx *t = ctx;
	char buf[64];

	pad(t);
	g_string_append(t->out, mdf_node_name(n, buf, sizeof(buf)));
	if (n->reg && n->reg->key)
		g_string_append_printf(t->out, " (%s.%s", n->reg->key,
				       mdf_node_key(n));
	else
		g_string_append_printf(t->out, " (%s", mdf_node_key(n));
	if (n->kind != MDW_LAYER)
		g_string_append_printf(t->out, ", %u", n->code);
	g_string_append_c(t->out, ')');
	if (n->subtype >= 0) {
		const char *sn = n->sub_row ? n->sub_row->name : NULL;

		g_string_append_printf(t->out, " subtype %d", n->subtype);
		if (sn)
			g_string_append_printf(t->out, " (%s)", sn);
	}
	if (n->kind == MDW_LAYER && n->depth)
		g_string_append_printf(t->out, " tunnel depth %d", n->depth);
	where(t, n->synthetic, n->off, n->len);
	if (n->status != MW_OK)
		g_string_append_printf(t->out, " <%s>", mw_status_str(n->status));
	g_string_append_c(t->out, '\n');
	t->indent++;
}

static void t_field(void *ctx, const struct mdw_node *n,
		    const struct mdw_field *fv)
{
	struct tree_ctx *t = ctx;

	pad(t);
	g_string_append_printf(t->out, "%s: ", fv->f->name ? fv->f->name :
			       fv->f->key);
	mdf_value_full(t->out, fv);
	where(t, n->synthetic, fv->v.off, fv->v.len);
	g_string_append_c(t->out, '\n');
}

static void t_end(void *ctx, const struct mdw_node *n)
{
	struct tree_ctx *t = ctx;

	(void)n;
	t->indent--;
}

static const struct mdw_ops tree_ops = {
	.begin = t_begin,
	.field = t_field,
	.end = t_end,
};

void md_print_tree(GString *out, const struct md_opts *o,
		   const struct md_frame *f)
{
	const struct mw_packet *pkt = f->pkt;
	struct tree_ctx t = { out, o, 1 };
	char d[256];

	if (pkt->n_msgs == 0 && !o->all && pkt->diag.status == MW_OK)
		return;
	g_string_append_printf(out, "Frame %llu: %u bytes on wire, %u captured, "
			       "time ", (unsigned long long)f->fr->number,
			       f->fr->wirelen, f->fr->caplen);
	md_time(out, f->fr->ts_sec * 1000000000LL + f->fr->ts_nsec, 9);
	g_string_append(out, " (+");
	md_time(out, f->rel_ns, 9);
	g_string_append_printf(out, "), link type %d\n", f->fr->linktype);
	for (int i = 0; i < pkt->n_layers; i++)
		mdw_walk_layer(pkt, i, &tree_ops, &t);
	for (int i = 0; i < pkt->n_msgs; i++)
		mdw_walk_msg(pkt, i, &tree_ops, &t);
	for (int i = 0; i < pkt->n_notes; i++) {
		const struct mw_note *n = &pkt->notes[i];

		g_string_append_printf(out, "  note: %s at offset %u (%s): %s, "
				       "value %u\n",
				       mw_status_str((mw_status)n->status),
				       n->offset, n->field ? n->field : "?",
				       n->why ? n->why : "?", n->value);
	}
	if (pkt->diag.status != MW_OK) {
		mw_diag_format(&pkt->diag, d, sizeof(d));
		g_string_append_printf(out, "  error: %s\n", d);
	}
	g_string_append_c(out, '\n');
}
