/* The default output: one line per Mobile IP message, key fields only.
 * Registered names come from the registries; key fields from the typed
 * structs of mip4.h / mip6.h, or from the message layout for the types
 * that have none. */
#include <string.h>

#include "fmt.h"
#include "mipdump.h"

void md_time(GString *out, int64_t ns, int digits)
{
	uint64_t a = ns < 0 ? (uint64_t)(-(ns + 1)) + 1 : (uint64_t)ns;
	uint64_t frac = a % 1000000000u;

	if (digits == 6)
		frac /= 1000;
	g_string_append_printf(out, "%s%llu.%0*llu", ns < 0 ? "-" : "",
			       (unsigned long long)(a / 1000000000u), digits,
			       (unsigned long long)frac);
}

/* The IP layer that carried layer `upto` (the innermost at or before it). */
static int carrier_ip(const struct mw_packet *pkt, int upto)
{
	int a = mw_find_layer(pkt, MW_L_IP4, upto);
	int b = mw_find_layer(pkt, MW_L_IP6, upto);

	return a > b ? a : b;
}

static void addresses(GString *out, const struct mw_packet *pkt, int upto)
{
	int ip = carrier_ip(pkt, upto);
	const struct mw_layer *l;

	if (ip < 0)
		return;
	l = &pkt->layers[ip];
	g_string_append_c(out, ' ');
	if (l->kind == MW_L_IP4) {
		mdf_ip4(out, l->u.ip4.src);
		g_string_append(out, " -> ");
		mdf_ip4(out, l->u.ip4.dst);
	} else {
		mdf_ip6(out, l->u.ip6.src.b);
		g_string_append(out, " -> ");
		mdf_ip6(out, l->u.ip6.dst.b);
	}
}

static const char *prefix(const struct mw_msg *m)
{
	switch (m->kind) {
	case MW_MSG_MIP4:
	case MW_MSG_MIP4_ADV:
	case MW_MSG_MIP4_SOL:
		return "MIPv4";
	case MW_MSG_MH:
		return "MH";
	case MW_MSG_ICMP6:
		return "ICMPv6";
	}
	return "?";
}

static const char *msg_name(const struct mw_msg *m, char *buf, size_t cap)
{
	const char *n = mw_reg_name((enum mw_reg_id)m->reg, m->code);

	if (n)
		return n;
	snprintf(buf, cap, "type %u", m->code);
	return buf;
}

/* " flags=a,h" from the set FLAG fields of the message layout. */
static void layout_flags(GString *out, const struct mw_packet *pkt, int mi)
{
	struct mdw_node n;
	struct mdw_field fv;
	bool any = false;

	mdw_msg_node(pkt, mi, &n);
	for (uint16_t i = 0; n.row && i < n.row->n_fields; i++) {
		const struct mw_field *f = &n.row->fields[i];

		if (f->type != MW_FT_FLAG || !mdw_read(pkt, &n, f, &fv) ||
		    !fv.v.u)
			continue;
		g_string_append(out, any ? "," : " flags=");
		g_string_append(out, f->key);
		any = true;
	}
}

static bool boring_key(const char *k)
{
	static const char *const skip[] = { "type", "len", "length",
		"hdr_len", "payload_proto", "csum", "checksum", "code", NULL };

	if (strncmp(k, "reserved", 8) == 0 || strncmp(k, "res", 3) == 0)
		return true;
	for (int i = 0; skip[i]; i++)
		if (strcmp(k, skip[i]) == 0)
			return true;
	return false;
}

/* Types without a typed struct: the values and addresses of the layout. */
static void layout_fields(GString *out, const struct mw_packet *pkt, int mi)
{
	struct mdw_node n;
	struct mdw_field fv;

	mdw_msg_node(pkt, mi, &n);
	for (uint16_t i = 0; n.row && i < n.row->n_fields; i++) {
		const struct mw_field *f = &n.row->fields[i];

		if (f->type == MW_FT_FLAG || f->type == MW_FT_BYTES ||
		    f->type == MW_FT_STRING || boring_key(f->key) ||
		    !mdw_read(pkt, &n, f, &fv))
			continue;
		g_string_append_printf(out, " %s=", f->key);
		mdf_value(out, &fv);
		if (fv.vname)
			g_string_append_printf(out, "(%s)", fv.vname);
	}
	layout_flags(out, pkt, mi);
}

static void ip4_kv(GString *out, const char *k, uint32_t a)
{
	g_string_append_printf(out, " %s=", k);
	mdf_ip4(out, a);
}

static void ip6_kv(GString *out, const char *k, const struct mw_in6 *a)
{
	g_string_append_printf(out, " %s=", k);
	mdf_ip6(out, a->b);
}

static void code_kv(GString *out, const char *k, unsigned v, enum mw_reg_id r)
{
	const char *n = mw_reg_name(r, v);

	g_string_append_printf(out, " %s=%u", k, v);
	if (n)
		g_string_append_printf(out, "(%s)", n);
}

static void mip4_fields(GString *out, const struct mw_packet *pkt, int mi)
{
	const struct mw_msg *m = &pkt->msgs[mi];
	const struct mw_mip4 *x = &m->u.mip4;

	switch (m->code) {
	case MW_MIP4_RRQ:
		g_string_append_printf(out, " id=0x%016llx lifetime=%u",
				       (unsigned long long)x->u.rrq.ident,
				       x->u.rrq.lifetime);
		ip4_kv(out, "hoa", x->u.rrq.hoa);
		ip4_kv(out, "ha", x->u.rrq.ha);
		ip4_kv(out, "coa", x->u.rrq.coa);
		layout_flags(out, pkt, mi);
		break;
	case MW_MIP4_RRP:
		code_kv(out, "code", x->u.rrp.code, MW_REG_MIP4_REPLY);
		g_string_append_printf(out, " id=0x%016llx lifetime=%u",
				       (unsigned long long)x->u.rrp.ident,
				       x->u.rrp.lifetime);
		ip4_kv(out, "hoa", x->u.rrp.hoa);
		ip4_kv(out, "ha", x->u.rrp.ha);
		break;
	case MW_MIP4_TUNNEL_DATA:
		code_kv(out, "next", x->u.tun.next_header, MW_REG_IPPROTO);
		break;
	case MW_MIP4_REVOCATION:
	case MW_MIP4_REVOCATION_ACK:
		ip4_kv(out, "hoa", x->u.rev.hoa);
		g_string_append_printf(out, " rev_id=%u", x->u.rev.rev_id);
		break;
	default:
		layout_fields(out, pkt, mi);
		break;
	}
}

static void adv_fields(GString *out, const struct mw_packet *pkt, int mi)
{
	const struct mw_mip4_adv *a = &pkt->msgs[mi].u.adv;

	if (!a->has_maa) {
		g_string_append_printf(out, " lifetime=%u", a->lifetime);
		return;
	}
	g_string_append_printf(out, " seq=%u lifetime=%u reg_lifetime=%u",
			       a->seq, a->lifetime, a->reg_lifetime);
	g_string_append_printf(out, " flags=0x%04x", a->maa_flags);
	for (unsigned i = 0; i < a->n_coa; i++) {
		uint64_t off = (uint64_t)a->coa_off + 4u * i;

		if (off + 4 > pkt->caplen)
			break;
		ip4_kv(out, "coa", mw_load_be32(pkt->data + off));
	}
}

static void hex8(GString *out, const char *k, const uint8_t *b)
{
	g_string_append_printf(out, " %s=", k);
	mdf_hex(out, b, 8);
}

static void mh_fields(GString *out, const struct mw_packet *pkt, int mi)
{
	const struct mw_msg *m = &pkt->msgs[mi];
	const struct mw_mh *h = &m->u.mh;

	switch (m->code) {
	case MW_MH_BRR:
		break;
	case MW_MH_HOTI:
	case MW_MH_COTI:
		hex8(out, "cookie", h->u.init.cookie);
		break;
	case MW_MH_HOT:
	case MW_MH_COT:
		g_string_append_printf(out, " nonce=%u",
				       h->u.test.nonce_index);
		hex8(out, "cookie", h->u.test.cookie);
		hex8(out, "keygen", h->u.test.keygen);
		break;
	case MW_MH_BU:
		/* lifetime in seconds (the field counts 4 s units) */
		g_string_append_printf(out, " seq=%u lifetime=%u",
				       h->u.bu.seq, h->u.bu.lifetime * 4u);
		layout_flags(out, pkt, mi);
		break;
	case MW_MH_BA:
		code_kv(out, "status", h->u.ba.status, MW_REG_BA_STATUS);
		g_string_append_printf(out, " seq=%u lifetime=%u",
				       h->u.ba.seq, h->u.ba.lifetime * 4u);
		layout_flags(out, pkt, mi);
		break;
	case MW_MH_BE:
		code_kv(out, "status", h->u.be.status, MW_REG_BE_STATUS);
		ip6_kv(out, "hoa", &h->u.be.hoa);
		break;
	default:
		layout_fields(out, pkt, mi);
		break;
	}
	if (h->csum_ok == 0)
		g_string_append(out, " bad-checksum");
}

static bool is_padding(const struct mw_reg_entry *row)
{
	return row && (row->hdr == MW_HDR_PAD1 ||
		       strncmp(row->key, "pad", 3) == 0);
}

/* " [NAI, MN-HA Authentication]": the message's top-level elements. */
static void elem_list(GString *out, const struct mw_packet *pkt, int mi)
{
	const struct mw_msg *m = &pkt->msgs[mi];
	bool any = false;
	char buf[64];

	for (unsigned i = m->elem_first;
	     i < (unsigned)m->elem_first + m->elem_count && i < pkt->n_elems;
	     i++) {
		struct mdw_node n;

		if (pkt->elems[i].depth)
			continue;
		mdw_elem_node(pkt, (int)i, &n);
		if (is_padding(n.row) && n.status == MW_OK)
			continue;
		g_string_append(out, any ? ", " : " [");
		g_string_append(out, mdf_node_name(&n, buf, sizeof(buf)));
		if (n.status != MW_OK)
			g_string_append_printf(out, " (%s)",
					       mw_status_str(n.status));
		any = true;
	}
	if (any)
		g_string_append_c(out, ']');
}

static void msg_line(GString *out, const struct mw_packet *pkt, int mi)
{
	const struct mw_msg *m = &pkt->msgs[mi];
	char buf[48];

	g_string_append_printf(out, " %s %s", prefix(m),
			       msg_name(m, buf, sizeof(buf)));
	switch (m->kind) {
	case MW_MSG_MIP4:
		mip4_fields(out, pkt, mi);
		break;
	case MW_MSG_MIP4_ADV:
		adv_fields(out, pkt, mi);
		break;
	case MW_MSG_MH:
		mh_fields(out, pkt, mi);
		break;
	case MW_MSG_ICMP6:
		layout_fields(out, pkt, mi);
		break;
	default:
		break;
	}
	elem_list(out, pkt, mi);
	if (m->status != MW_OK)
		g_string_append_printf(out, " (%s)", mw_status_str(m->status));
}

/* "eth/ip4/udp": the layer chain of a frame without Mobile IP content. */
static void layer_chain(GString *out, const struct mw_packet *pkt)
{
	g_string_append_c(out, ' ');
	for (int i = 0; i < pkt->n_layers; i++) {
		struct mdw_node n;

		mdw_layer_node(pkt, i, &n);
		if (i)
			g_string_append_c(out, '/');
		if (n.row)
			g_string_append(out, n.row->key);
		else
			g_string_append_printf(out, "layer%u", n.code);
	}
	if (pkt->n_layers == 0)
		g_string_append(out, "(nothing decoded)");
}

static void frame_tail(GString *out, const struct mw_packet *pkt)
{
	char d[256];

	for (int i = 0; i < pkt->n_notes; i++) {
		const struct mw_note *n = &pkt->notes[i];

		g_string_append_printf(out, " {%s: %s (%s)}",
				       mw_status_str((mw_status)n->status),
				       n->why ? n->why : "?",
				       n->field ? n->field : "?");
	}
	if (pkt->diag.status != MW_OK) {
		mw_diag_format(&pkt->diag, d, sizeof(d));
		g_string_append_printf(out, " !! %s", d);
	}
}

static void head(GString *out, const struct md_frame *f)
{
	g_string_append_printf(out, "%llu ",
			       (unsigned long long)f->fr->number);
	md_time(out, f->rel_ns, 6);
}

void md_print_lines(GString *out, const struct md_opts *o,
		    const struct md_frame *f)
{
	const struct mw_packet *pkt = f->pkt;

	if (pkt->n_msgs == 0) {
		if (!o->all && pkt->diag.status == MW_OK)
			return;
		head(out, f);
		addresses(out, pkt, pkt->n_layers);
		layer_chain(out, pkt);
		frame_tail(out, pkt);
		g_string_append_c(out, '\n');
		return;
	}
	for (int i = 0; i < pkt->n_msgs; i++) {
		const struct mw_msg *m = &pkt->msgs[i];

		head(out, f);
		addresses(out, pkt, m->layer == 0xff ? pkt->n_layers : m->layer);
		msg_line(out, pkt, i);
		if (i == pkt->n_msgs - 1)
			frame_tail(out, pkt);
		g_string_append_c(out, '\n');
	}
}
