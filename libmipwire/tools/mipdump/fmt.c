/* Value and type text (see fmt.h). */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

void mdf_ip4(GString *out, uint32_t a)
{
	g_string_append_printf(out, "%u.%u.%u.%u", a >> 24, (a >> 16) & 0xff,
			       (a >> 8) & 0xff, a & 0xff);
}

void mdf_ip6(GString *out, const uint8_t *b)
{
	char s[INET6_ADDRSTRLEN];

	if (inet_ntop(AF_INET6, b, s, sizeof(s)))
		g_string_append(out, s);
}

void mdf_hex(GString *out, const uint8_t *p, size_t n)
{
	static const char hx[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		g_string_append_c(out, hx[p[i] >> 4]);
		g_string_append_c(out, hx[p[i] & 15]);
	}
}

static unsigned mask_bits(const struct mw_field *f)
{
	uint32_t m = f->mask;

	if (!m)
		return f->len * 8u;
	while (!(m & 1))
		m >>= 1;
	return (unsigned)(32 - __builtin_clz(m));
}

void mdf_value(GString *out, const struct mdw_field *fv)
{
	const struct mw_field *f = fv->f;
	const struct mw_fval *v = &fv->v;

	switch (f->type) {
	case MW_FT_UINT:
		if (f->base == MW_BASE_HEX)
			g_string_append_printf(out, "0x%0*llx",
					       (int)((mask_bits(f) + 3) / 4),
					       (unsigned long long)v->u);
		else
			g_string_append_printf(out, "%llu",
					       (unsigned long long)v->u);
		break;
	case MW_FT_FLAG:
		g_string_append(out, v->u ? "1" : "0");
		break;
	case MW_FT_IPV4:
		for (uint32_t i = 0; i + 4 <= v->len; i += 4) {
			if (i)
				g_string_append(out, ", ");
			mdf_ip4(out, mw_load_be32(v->p + i));
		}
		break;
	case MW_FT_IPV6:
		for (uint32_t i = 0; i + 16 <= v->len; i += 16) {
			if (i)
				g_string_append(out, ", ");
			mdf_ip6(out, v->p + i);
		}
		break;
	case MW_FT_MAC:
		for (uint32_t i = 0; i < v->len; i++)
			g_string_append_printf(out, i ? ":%02x" : "%02x",
					       v->p[i]);
		break;
	case MW_FT_STRING:
		for (uint32_t i = 0; i < v->len; i++) {
			uint8_t ch = v->p[i];

			if (ch >= 0x20 && ch < 0x7f && ch != '\\')
				g_string_append_c(out, (char)ch);
			else
				g_string_append_printf(out, "\\x%02x", ch);
		}
		break;
	case MW_FT_NTP64:
		g_string_append_printf(out, "0x%016llx",
				       (unsigned long long)v->u);
		break;
	case MW_FT_BYTES:
	default:
		mdf_hex(out, v->p, v->len);
		break;
	}
}

/* "x4 s": the raw value counts units of 4 s. */
static void append_unit(GString *out, const struct mw_field *f, uint64_t u)
{
	const char *unit = f->unit;
	char *end;
	unsigned long mul;

	if (!unit || !*unit)
		return;
	if (unit[0] == 'x' && (mul = strtoul(unit + 1, &end, 10)) > 0) {
		while (*end == ' ')
			end++;
		g_string_append_printf(out, " (%llu %s)",
				       (unsigned long long)u * mul, end);
	} else {
		g_string_append_printf(out, " %s", unit);
	}
}

void mdf_value_full(GString *out, const struct mdw_field *fv)
{
	mdf_value(out, fv);
	if (fv->f->type == MW_FT_UINT)
		append_unit(out, fv->f, fv->v.u);
	if (fv->vname)
		g_string_append_printf(out, " (%s)", fv->vname);
}

const char *mdf_type_name(const struct mw_field *f, char *buf, size_t cap)
{
	const char *list = f->len == 0 ? "[]" : "";

	switch (f->type) {
	case MW_FT_UINT:
		if (f->mask)
			snprintf(buf, cap, "uint%u:0x%x", f->len * 8u, f->mask);
		else
			snprintf(buf, cap, "uint%u", f->len * 8u);
		return buf;
	case MW_FT_FLAG:
		snprintf(buf, cap, "flag:0x%x", f->mask);
		return buf;
	case MW_FT_IPV4:
		snprintf(buf, cap, "ipv4%s", list);
		return buf;
	case MW_FT_IPV6:
		snprintf(buf, cap, "ipv6%s", list);
		return buf;
	case MW_FT_MAC:
		return "mac";
	case MW_FT_BYTES:
		return "bytes";
	case MW_FT_STRING:
		return "string";
	case MW_FT_NTP64:
		return "ntp64";
	}
	snprintf(buf, cap, "type%u", f->type);
	return buf;
}

const char *mdf_node_name(const struct mdw_node *n, char *buf, size_t cap)
{
	if (n->row && n->row->name)
		return n->row->name;
	snprintf(buf, cap, "unknown %s %u", n->reg && n->reg->key ?
		 n->reg->key : (n->kind == MDW_LAYER ? "layer" : "code"),
		 n->code);
	return buf;
}

const char *mdf_node_key(const struct mdw_node *n)
{
	return n->row && n->row->key ? n->row->key : "unknown";
}
