/* Analysis on top of the layers Wireshark's own IPv4 / IPv6 / ICMP
 * dissectors keep: agent advertisements and solicitations (ICMP 9/10 with
 * mobility extensions), DHAAD, mobile prefix, FMIPv6 and router
 * advertisements with Mobile IPv6 content, and data packets that use a home
 * address (Home Address option, type 2 routing header). They are shown
 * field by field from libmipwire's decode of the whole frame, matched,
 * tapped, and every frame with Mobile IP content gets the per-packet rule
 * checks. */
#include "mipkit.h"

static dissector_handle_t h_post;
static gint ett_post = -1;

static bool wanted(packet_info *pinfo)
{
	const wmem_list_t *l = pinfo->layers;

	return proto_is_frame_protocol(l, "mipkit") ||
	       proto_is_frame_protocol(l, "icmp") ||
	       proto_is_frame_protocol(l, "icmpv6") ||
	       proto_is_frame_protocol(l, "ipv6.dstopts") ||
	       proto_is_frame_protocol(l, "ipv6.routing");
}

static proto_tree *root(proto_tree *tree, tvbuff_t *tvb, proto_item **ti)
{
	if (!*ti) {
		*ti = proto_tree_add_item(tree, proto_mipkit, tvb, 0, 0, ENC_NA);
		proto_item_append_text(*ti, " (analysis)");
	}
	return proto_item_add_subtree(*ti, ett_post);
}

static bool has_mh(const struct mw_packet *pkt)
{
	for (int i = 0; i < pkt->n_msgs; i++)
		if (pkt->msgs[i].kind == MW_MSG_MH)
			return true;
	return false;
}

static int dissect_post(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
			void *data _U_)
{
	const struct mw_packet *pkt;
	struct mk_view v;
	proto_item *ti = NULL;
	proto_tree *pt;

	if (!wanted(pinfo) || !(pkt = mk_frame_decode(pinfo)))
		return 0;
	v.pkt = pkt;
	v.tvb = tvb;
	v.base = 0;
	v.whole_frame = true;
	for (int i = 0; i < pkt->n_msgs; i++) {
		const struct mw_msg *m = &pkt->msgs[i];
		struct mk_msgctx cx;

		if (m->kind != MW_MSG_MIP4_ADV && m->kind != MW_MSG_MIP4_SOL &&
		    m->kind != MW_MSG_ICMP6)
			continue;
		pt = root(tree, tvb, &ti);
		memset(&cx, 0, sizeof(cx));
		cx.pinfo = pinfo;
		cx.v = &v;
		cx.msg = i;
		cx.m = m;
		mk_tree_msg(pt, &cx);
		mk_analyse_msg(&cx);
		mk_tree_problems(cx.item, pinfo, &v, m->off, m->off + m->len);
	}
	/* data packets of a mobile node: the binding behind the home address */
	if (!has_mh(pkt)) {
		for (int i = 0; i < pkt->n_layers; i++) {
			const struct mw_layer *l = &pkt->layers[i];
			const struct mw_in6 *a = NULL;
			char key[64];
			address ad;

			if (l->kind == MW_L_IP6_DST && l->u.ext.hao.present)
				a = &l->u.ext.hao.hoa;
			else if (l->kind == MW_L_IP6_RH && l->u.ext.rh2_valid)
				a = &l->u.ext.rh2_addr;
			if (!a)
				continue;
			set_address(&ad, AT_IPv6, 16, a->b);
			snprintf(key, sizeof(key), "v6:%s",
				 address_to_str(pinfo->pool, &ad));
			pt = root(tree, tvb, &ti);
			mk_binding_show(pt, pinfo, tvb, (int)l->off, (int)l->len,
					key);
		}
	}
	if (pkt->n_msgs > 0)
		mk_rules_frame(tree, pinfo, &v);
	return 0;
}

void mk_post_register(void)
{
	static gint *ett[] = { &ett_post };

	proto_register_subtree_array(ett, array_length(ett));
	h_post = register_dissector("mipkit.post", dissect_post, proto_mipkit);
}

void mk_post_handoff(void)
{
	register_postdissector(h_post);
}
