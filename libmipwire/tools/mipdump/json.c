/* --json: one JSON object per frame per line (JSON Lines). Member names of
 * "fields" are the layout keys and "key" the registry row keys, so a full
 * field name is <reg>.<key>.<field key> as in docs/json-fields.md. Written
 * by hand: the escaping below is all the JSON this needs. */
#include <string.h>

#include "fmt.h"
#include "mipdump.h"

#define MAX_NEST 16

static void esc_byte(GString *out, uint8_t ch)
{
	switch (ch) {
	case '"': g_string_append(out, "\\\""); return;
	case '\\': g_string_append(out, "\\\\"); return;
	case '\n': g_string_append(out, "\\n"); return;
	case '\r': g_string_append(out, "\\r"); return;
	case '\t': g_string_append(out, "\\t"); return;
	default:
		break;
	}
	/* control bytes, DEL and non-ASCII (not known to be UTF-8): \u00XX */
	if (ch < 0x20 || ch >= 0x7f)
		g_string_append_printf(out, "\\u%04x", ch);
	else
		g_string_append_c(out, (char)ch);
}

void md_json_bytes(GString *out, const uint8_t *p, size_t n)
{
	g_string_append_c(out, '"');
	for (size_t i = 0; i < n; i++)
		esc_byte(out, p[i]);
	g_string_append_c(out, '"');
}

void md_json_str(GString *out, const char *s)
{
	if (!s) {
		g_string_append(out, "null");
		return;
	}
	md_json_bytes(out, (const uint8_t *)s, strlen(s));
}

static void kv_str(GString *out, const char *k, const char *v)
{
	g_string_append_printf(out, ",\"%s\":", k);
	md_json_str(out, v);
}

static void kv_uint(GString *out, const char *k, unsigned long long v)
{
	g_string_append_printf(out, ",\"%s\":%llu", k, v);
}

static void json_value(GString *out, const struct mdw_field *fv)
{
	const struct mw_field *f = fv->f;
	const struct mw_fval *v = &fv->v;
	GString *tmp;

	switch (f->type) {
	case MW_FT_UINT:
	case MW_FT_NTP64:
		g_string_append_printf(out, "%llu", (unsigned long long)v->u);
		return;
	case MW_FT_FLAG:
		g_string_append(out, v->u ? "true" : "false");
		return;
	case MW_FT_IPV4:
	case MW_FT_IPV6: {
		unsigned step = f->type == MW_FT_IPV4 ? 4 : 16;

		if (f->len)
			g_string_append_c(out, '"');
		else
			g_string_append_c(out, '[');
		for (uint32_t i = 0; i + step <= v->len; i += step) {
			if (!f->len)
				g_string_append(out, i ? ",\"" : "\"");
			if (step == 4)
				mdf_ip4(out, mw_load_be32(v->p + i));
			else
				mdf_ip6(out, v->p + i);
			if (!f->len)
				g_string_append_c(out, '"');
		}
		g_string_append_c(out, f->len ? '"' : ']');
		return;
	}
	case MW_FT_STRING:
		md_json_bytes(out, v->p, v->len);
		return;
	default: /* MAC, BYTES: plain text is safe JSON (hex / colons) */
		tmp = g_string_new(NULL);
		mdf_value(tmp, fv);
		g_string_append_c(out, '"');
		g_string_append_len(out, tmp->str, (gssize)tmp->len);
		g_string_append_c(out, '"');
		g_string_free(tmp, TRUE);
		return;
	}
}

struct jlevel {
	bool fields_open, any_field, any_kid;
};

struct json_ctx {
	GString *out;
	const struct mw_packet *pkt;
	bool top_any;              /* an item already in the top array */
	int level;
	struct jlevel st[MAX_NEST];
	GString *names[MAX_NEST];  /* "names" members of the open nodes */
	GString *offs[MAX_NEST];   /* "offsets" members (--offsets) */
	bool offsets;
};

static const char *csum_text(int v)
{
	return v > 0 ? "ok" : v == 0 ? "bad" : "unchecked";
}

/* Checksum verdicts live in the typed structs, not in layouts. */
static void node_checksum(GString *out, const struct mw_packet *pkt,
			  const struct mdw_node *n)
{
	if (n->kind == MDW_LAYER) {
		const struct mw_layer *l = &pkt->layers[n->index];

		if (l->kind == MW_L_IP4 && !l->synthetic)
			kv_str(out, "checksum", l->u.ip4.csum_ok ? "ok" : "bad");
		else if (l->kind == MW_L_UDP)
			kv_str(out, "checksum", csum_text(l->u.udp.csum_ok));
		else if (l->kind == MW_L_ICMP4 || l->kind == MW_L_ICMP6)
			kv_str(out, "checksum", csum_text(l->u.icmp.csum_ok));
	} else if (n->kind == MDW_MSG) {
		const struct mw_msg *m = &pkt->msgs[n->index];

		if (m->kind == MW_MSG_MH)
			kv_str(out, "checksum", csum_text(m->u.mh.csum_ok));
	}
}

static void j_begin(void *ctx, const struct mdw_node *n)
{
	struct json_ctx *j = ctx;
	GString *out = j->out;
	char buf[64];

	if (j->level > 0) {
		struct jlevel *p = &j->st[j->level - 1];

		if (p->any_kid)
			g_string_append_c(out, ',');
		p->any_kid = true;
	} else {
		if (j->top_any)
			g_string_append_c(out, ',');
		j->top_any = true;
	}
	g_string_append_c(out, '{');
	if (n->kind == MDW_LAYER) {
		g_string_append(out, "\"kind\":");
		md_json_str(out, mdf_node_key(n));
	} else {
		g_string_append(out, "\"reg\":");
		md_json_str(out, n->reg ? n->reg->key : NULL);
		kv_uint(out, "type", n->code);
		kv_str(out, "key", mdf_node_key(n));
	}
	kv_str(out, "name", mdf_node_name(n, buf, sizeof(buf)));
	if (n->kind != MDW_MSG)
		kv_uint(out, "depth", (unsigned)n->depth);
	if (n->subtype >= 0) {
		kv_uint(out, "subtype", (unsigned)n->subtype);
		if (n->sub_row) {
			kv_str(out, "subtype_key", n->sub_row->key);
			kv_str(out, "subtype_name", n->sub_row->name);
		}
	}
	kv_uint(out, "offset", n->off);
	kv_uint(out, "length", n->len);
	if (n->synthetic)
		g_string_append(out, ",\"synthetic\":true");
	if (n->kind != MDW_LAYER)
		kv_str(out, "status", mw_status_str(n->status));
	node_checksum(out, j->pkt, n);
	g_string_append(out, ",\"fields\":{");
	if (j->level < MAX_NEST) {
		j->st[j->level] = (struct jlevel){ true, false, false };
		g_string_truncate(j->names[j->level], 0);
		g_string_truncate(j->offs[j->level], 0);
	}
	j->level++;
}

static struct jlevel *cur(struct json_ctx *j)
{
	int i = j->level - 1;

	return &j->st[i < MAX_NEST ? i : MAX_NEST - 1];
}

static GString *cur_names(struct json_ctx *j)
{
	int i = j->level - 1;

	return j->names[i < MAX_NEST ? i : MAX_NEST - 1];
}

static GString *cur_offs(struct json_ctx *j)
{
	int i = j->level - 1;

	return j->offs[i < MAX_NEST ? i : MAX_NEST - 1];
}

static void j_field(void *ctx, const struct mdw_node *n,
		    const struct mdw_field *fv)
{
	struct json_ctx *j = ctx;
	struct jlevel *l = cur(j);
	GString *names = cur_names(j);

	if (l->any_field)
		g_string_append_c(j->out, ',');
	l->any_field = true;
	md_json_str(j->out, fv->f->key);
	g_string_append_c(j->out, ':');
	json_value(j->out, fv);
	if (fv->vname) {
		if (names->len)
			g_string_append_c(names, ',');
		md_json_str(names, fv->f->key);
		g_string_append_c(names, ':');
		md_json_str(names, fv->vname);
	}
	if (j->offsets && !n->synthetic) {
		GString *offs = cur_offs(j);

		if (offs->len)
			g_string_append_c(offs, ',');
		md_json_str(offs, fv->f->key);
		g_string_append_printf(offs, ":[%u,%u]", fv->v.off, fv->v.len);
	}
}

static void close_fields(struct json_ctx *j)
{
	struct jlevel *l = cur(j);
	GString *names = cur_names(j);
	GString *offs = cur_offs(j);

	if (!l->fields_open)
		return;
	l->fields_open = false;
	g_string_append_c(j->out, '}');
	if (names->len)
		g_string_append_printf(j->out, ",\"names\":{%s}", names->str);
	if (offs->len)
		g_string_append_printf(j->out, ",\"offsets\":{%s}", offs->str);
}

static void j_kids_begin(void *ctx, const struct mdw_node *n)
{
	struct json_ctx *j = ctx;

	(void)n;
	close_fields(j);
	g_string_append(j->out, ",\"elements\":[");
}

static void j_kids_end(void *ctx, const struct mdw_node *n)
{
	struct json_ctx *j = ctx;

	(void)n;
	g_string_append_c(j->out, ']');
}

static void j_end(void *ctx, const struct mdw_node *n)
{
	struct json_ctx *j = ctx;

	(void)n;
	close_fields(j);
	g_string_append_c(j->out, '}');
	j->level--;
}

static const struct mdw_ops json_ops = {
	.begin = j_begin,
	.field = j_field,
	.kids_begin = j_kids_begin,
	.kids_end = j_kids_end,
	.end = j_end,
};

static void diag(GString *out, const struct mw_diag *d)
{
	g_string_append(out, ",\"diag\":{\"status\":");
	md_json_str(out, mw_status_str(d->status));
	if (d->status != MW_OK) {
		kv_uint(out, "offset", d->offset);
		kv_str(out, "field", d->field);
		kv_str(out, "why", d->why);
	}
	g_string_append_c(out, '}');
}

static void notes(GString *out, const struct mw_packet *pkt)
{
	g_string_append(out, ",\"notes\":[");
	for (int i = 0; i < pkt->n_notes; i++) {
		const struct mw_note *n = &pkt->notes[i];

		g_string_append(out, i ? ",{\"status\":" : "{\"status\":");
		md_json_str(out, mw_status_str((mw_status)n->status));
		kv_uint(out, "offset", n->offset);
		kv_str(out, "field", n->field);
		kv_str(out, "why", n->why);
		kv_uint(out, "value", n->value);
		g_string_append_c(out, '}');
	}
	g_string_append_c(out, ']');
}

void md_print_json(GString *out, const struct md_opts *o,
		   const struct md_frame *f)
{
	static GString *names[MAX_NEST], *offs[MAX_NEST];
	const struct mw_packet *pkt = f->pkt;
	struct json_ctx j = { .out = out, .pkt = pkt, .offsets = o->offsets };

	if (!names[0])
		for (int i = 0; i < MAX_NEST; i++) {
			names[i] = g_string_sized_new(128);
			offs[i] = g_string_sized_new(128);
		}
	memcpy(j.names, names, sizeof(names));
	memcpy(j.offs, offs, sizeof(offs));

	g_string_append_printf(out, "{\"frame\":%llu",
			       (unsigned long long)f->fr->number);
	if (o->multi)
		kv_str(out, "file", f->file);
	g_string_append(out, ",\"time\":");
	md_time(out, f->fr->ts_sec * 1000000000LL + f->fr->ts_nsec, 9);
	g_string_append(out, ",\"time_relative\":");
	md_time(out, f->rel_ns, 9);
	kv_uint(out, "caplen", f->fr->caplen);
	kv_uint(out, "len", f->fr->wirelen);
	g_string_append_printf(out, ",\"linktype\":%d", f->fr->linktype);
	kv_str(out, "status", mw_status_str(pkt->diag.status));
	diag(out, &pkt->diag);

	g_string_append(out, ",\"layers\":[");
	for (int i = 0; i < pkt->n_layers; i++)
		mdw_walk_layer(pkt, i, &json_ops, &j);
	g_string_append(out, "],\"messages\":[");
	j.top_any = false;
	for (int i = 0; i < pkt->n_msgs; i++)
		mdw_walk_msg(pkt, i, &json_ops, &j);
	g_string_append_c(out, ']');
	notes(out, pkt);
	g_string_append(out, "}\n");
}
