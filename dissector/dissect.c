/* The dissectors behind the claimed table entries: UDP 434 (Mobile IPv4),
 * IP protocol 135 (Mobility Header) and UDP 5436 (PMIPv6 over IPv4/UDP).
 * Each finds its message in libmipwire's decode and maps it onto the tree;
 * mk_analyse_msg() adds what no Wireshark has (matching, bindings,
 * authenticators, checksum status) and feeds the tap. */
#include "mipkit.h"

static dissector_handle_t h_mip4, h_mh, h_mh_udp, h_mh_old;
static gint ett_mipkit = -1;

static const char *addr4(packet_info *pinfo, uint32_t a)
{
	return wmem_strdup_printf(pinfo->pool, "%u.%u.%u.%u", a >> 24,
				  (a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff);
}

/* One line for the Info column. */
static void info_column(packet_info *pinfo, const struct mw_msg *m)
{
	char buf[32];
	const char *name = mk_msg_name(m, buf, sizeof(buf));

	col_append_sep_str(pinfo->cinfo, COL_INFO, ", ", name);
	if (m->kind == MW_MSG_MIP4) {
		const struct mw_mip4 *p = &m->u.mip4;
		if (p->type == MW_MIP4_RRQ)
			col_append_fstr(pinfo->cinfo, COL_INFO,
				" HoA=%s CoA=%s Lifetime=%u Id=0x%016" PRIx64,
				addr4(pinfo, p->u.rrq.hoa),
				addr4(pinfo, p->u.rrq.coa), p->u.rrq.lifetime,
				p->u.rrq.ident);
		else if (p->type == MW_MIP4_RRP)
			col_append_fstr(pinfo->cinfo, COL_INFO,
				" Code=%u HoA=%s Lifetime=%u Id=0x%016" PRIx64,
				p->u.rrp.code, addr4(pinfo, p->u.rrp.hoa),
				p->u.rrp.lifetime, p->u.rrp.ident);
	} else if (m->kind == MW_MSG_MH) {
		const struct mw_mh *h = &m->u.mh;
		if (h->type == MW_MH_BU)
			col_append_fstr(pinfo->cinfo, COL_INFO,
				" Seq=%u Lifetime=%u", h->u.bu.seq,
				h->u.bu.lifetime);
		else if (h->type == MW_MH_BA)
			col_append_fstr(pinfo->cinfo, COL_INFO,
				" Status=%u Seq=%u Lifetime=%u", h->u.ba.status,
				h->u.ba.seq, h->u.ba.lifetime);
	}
}

/* Common body: locate, show, analyse. */
static int dissect_common(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
			  enum mw_msg_kind kind, enum mw_layer_kind start,
			  const char *colname, bool mh_old)
{
	struct mk_view v;
	struct mk_msgctx cx;
	proto_item *ti;
	proto_tree *pt;
	int mi;

	col_set_str(pinfo->cinfo, COL_PROTOCOL, colname);
	col_clear(pinfo->cinfo, COL_INFO);
	ti = proto_tree_add_item(tree, proto_mipkit, tvb, 0, -1, ENC_NA);
	pt = proto_item_add_subtree(ti, ett_mipkit);
	mi = mk_view_msg(tvb, pinfo, kind, start, &v);
	if (mi < 0) {
		col_set_str(pinfo->cinfo, COL_INFO, "Not decodable");
		mk_tree_problems(ti, pinfo, &v, (uint32_t)v.base,
				 v.base + tvb_captured_length(tvb));
		return tvb_captured_length(tvb);
	}
	memset(&cx, 0, sizeof(cx));
	cx.pinfo = pinfo;
	cx.v = &v;
	cx.msg = mi;
	cx.m = &v.pkt->msgs[mi];
	cx.mh_old = mh_old;
	if (kind == MW_MSG_MH && cx.m->u.mh.proxy)
		col_set_str(pinfo->cinfo, COL_PROTOCOL, "PMIPv6");
	info_column(pinfo, cx.m);
	mk_tree_msg(pt, &cx);
	mk_analyse_msg(&cx);
	mk_tree_problems(cx.item ? cx.item : ti, pinfo, &v, (uint32_t)v.base,
			 v.base + tvb_captured_length(tvb));
	if (kind == MW_MSG_MIP4 && cx.m->code == MW_MIP4_TUNNEL_DATA)
		mk_tunnel_3519(tvb, pinfo, tree, &cx);
	return tvb_captured_length(tvb);
}

static int dissect_mip4(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
			void *data _U_)
{
	return dissect_common(tvb, pinfo, tree, MW_MSG_MIP4, MW_L_MIP4,
			      "MIPv4", false);
}

static int dissect_mh(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
		      void *data _U_)
{
	return dissect_common(tvb, pinfo, tree, MW_MSG_MH, MW_L_MH, "MIPv6",
			      false);
}

static int dissect_mh_udp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
			  void *data _U_)
{
	return dissect_common(tvb, pinfo, tree, MW_MSG_MH, MW_L_MH, "PMIPv6",
			      false);
}

/* IP protocol 62: the Mobility Header number of the drafts before RFC
 * 3775 (tcpdump and Wireshark still decode it). */
static int dissect_mh_old(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
			  void *data _U_)
{
	return dissect_common(tvb, pinfo, tree, MW_MSG_MH, MW_L_MH, "MIPv6",
			      true);
}

/* The reply / status code a message carries, for the tap; -1 if none. */
static int status_of(const struct mk_msgctx *cx)
{
	const struct mw_msg *m = cx->m;
	struct mw_fval fv;

	if (m->kind == MW_MSG_MIP4 && m->code == MW_MIP4_RRP)
		return m->u.mip4.u.rrp.code;
	if (m->kind == MW_MSG_MH && m->code == MW_MH_BA)
		return m->u.mh.u.ba.status;
	if (m->kind == MW_MSG_MH && m->code == MW_MH_BE)
		return m->u.mh.u.be.status;
	if ((mk_msg_field(cx->v->pkt, m, "status", &fv) ||
	     mk_msg_field(cx->v->pkt, m, "code", &fv)) && fv.present)
		return (int)fv.u;
	return -1;
}

void mk_analyse_msg(struct mk_msgctx *cx)
{
	struct mk_tap_rec rec;
	struct mk_txn *txn;

	memset(&rec, 0, sizeof(rec));
	txn = mk_match_msg(cx, &rec.rt, &rec.has_rt);
	mk_binding_msg(cx, txn);
	if (cx->m->kind == MW_MSG_MH)
		mk_mh_csum(cx);
	mk_auth_msg(cx);
	rec.reg = cx->m->reg;
	rec.code = cx->m->code;
	rec.status = status_of(cx);
	/* a transaction without a matched reply's time is a request's */
	rec.request = txn && !rec.has_rt;
	rec.exchange = txn ? mk_txn_exchange(txn) : 0;
	mk_stats_queue(cx->pinfo, &rec);
}

void mk_dissect_register(void)
{
	static gint *ett[] = { &ett_mipkit };

	proto_register_subtree_array(ett, array_length(ett));
	h_mip4 = register_dissector_with_description("mipkit.mip4",
		"Mobile IPv4 (mipkit)", dissect_mip4, proto_mipkit);
	h_mh = register_dissector_with_description("mipkit.mh",
		"Mobility Header (mipkit)", dissect_mh, proto_mipkit);
	h_mh_old = register_dissector_with_description("mipkit.mh_old",
		"Mobility Header, draft protocol 62 (mipkit)", dissect_mh_old,
		proto_mipkit);
	h_mh_udp = register_dissector_with_description("mipkit.mh_udp",
		"PMIPv6 over UDP (mipkit)", dissect_mh_udp, proto_mipkit);
}

void mk_dissect_handoff(void)
{
	/* Registered after the built-ins' handoffs: these entries win. Use
	 * -d udp.port==434,mip / -d ip.proto==135,mipv6 to get them back. */
	dissector_add_uint_with_preference("udp.port", MW_MIP4_PORT, h_mip4);
	dissector_add_uint("udp.port", MW_PMIP6_UDP_PORT, h_mh_udp);
	dissector_add_for_decode_as("udp.port", h_mh_udp);
	dissector_add_uint("ip.proto", MW_IPPROTO_MH, h_mh);
	dissector_add_uint("ip.proto", 62, h_mh_old);
}
