/* Per-packet spec checks: one expert item per per-packet rule of
 * libmipwire's catalogue (rules.h), named mipkit.rule.<id in lower case>,
 * raised from mw_check_packet() findings with the same rule ids mipconform
 * reports. The catalogue is referenced weakly so the plugin still loads
 * against a libmipwire built without the rules module. */
#include <mipwire/rules.h>

#include "mipkit.h"

#pragma weak mw_rule_count
#pragma weak mw_rule_at
#pragma weak mw_rule_index
#pragma weak mw_check_packet_keys

static expert_field *rule_ei;  /* indexed by catalogue index */
static size_t n_rules;
static gint ett_rules = -1;

const struct mw_keys *mk_auth_keys(void);

void mk_rules_register(void)
{
	static gint *ett[] = { &ett_rules };
	ei_register_info *ei;
	size_t n = 0;

	proto_register_subtree_array(ett, array_length(ett));
	if (!mw_rule_count || !mw_rule_at || !mw_check_packet_keys)
		return;
	n_rules = mw_rule_count();
	rule_ei = g_new0(expert_field, n_rules ? n_rules : 1);
	ei = g_new0(ei_register_info, n_rules ? n_rules : 1);
	for (size_t i = 0; i < n_rules; i++) {
		const struct mw_rule *r = mw_rule_at(i);
		int sev;

		rule_ei[i].ei = EI_INIT_EI;
		rule_ei[i].hf = EI_INIT_HF;
		if (!r || !(r->needs & MW_NEEDS_PACKET))
			continue;
		sev = r->level == MW_LEVEL_ERROR ? PI_ERROR
		      : r->level == MW_LEVEL_WARNING ? PI_WARN : PI_NOTE;
		ei[n].ids = &rule_ei[i];
		ei[n].eiinfo.name = g_ascii_strdown(
			g_strdup_printf("mipkit.rule.%s", r->id), -1);
		ei[n].eiinfo.group = PI_PROTOCOL;
		ei[n].eiinfo.severity = sev;
		ei[n].eiinfo.summary = g_strdup_printf("[%s] %s (%s %s)", r->id,
			r->summary, r->rfc ? r->rfc : "", r->section ? r->section : "");
		/* as EXPFILL */
		ei[n].eiinfo.hf_info.hfinfo.type = FT_NONE;
		ei[n].eiinfo.hf_info.hfinfo.id = -1;
		ei[n].eiinfo.hf_info.hfinfo.ref_type = HF_REF_TYPE_NONE;
		ei[n].eiinfo.hf_info.hfinfo.same_name_prev_id = -1;
		n++;
	}
	expert_register_field_array(mk_expert_module(), ei, (int)n);
}

struct emit_ctx {
	packet_info *pinfo;
	proto_tree *tree;     /* made on the first finding */
	proto_tree *parent;
	const struct mk_view *v;
};

static void emit(void *ctx, const struct mw_finding *f)
{
	struct emit_ctx *c = ctx;
	size_t i;
	int off, len;

	if (f->pass || f->unjudged || !f->rule) /* auth.c shows an unknown SA */
		return;
	i = mw_rule_index ? mw_rule_index(f->rule) : n_rules;
	if (i >= n_rules || rule_ei[i].ei == EI_INIT_EI)
		return;
	off = mk_toff(c->v, f->offset);
	len = (int)f->len;
	if (off < 0 || (guint)off > tvb_captured_length(c->v->tvb)) {
		off = 0;
		len = 0;
	} else if ((guint)(off + len) > tvb_captured_length(c->v->tvb)) {
		len = (int)tvb_captured_length(c->v->tvb) - off;
	}
	if (!c->tree) {
		proto_item *ti = proto_tree_add_item(c->parent, proto_mipkit,
						     c->v->tvb, 0, 0, ENC_NA);
		proto_item_append_text(ti, " (conformance: mipconform rules)");
		c->tree = proto_item_add_subtree(ti, ett_rules);
	}
	proto_tree_add_expert_format(c->tree, c->pinfo, &rule_ei[i], c->v->tvb,
		off, len, "[%s] %s%s%s", f->rule->id, f->rule->summary,
		f->detail[0] ? ": " : "", f->detail);
}

void mk_rules_frame(proto_tree *parent, packet_info *pinfo,
		    const struct mk_view *v)
{
	struct emit_ctx c = { pinfo, NULL, parent, v };

	if (!n_rules || !mw_check_packet_keys)
		return;
	mw_check_packet_keys(v->pkt, mk_auth_keys(), emit, &c);
}
