/* Tunnel payloads handed on: minimal encapsulation (IP protocol 55, RFC
 * 2004; the original IPv4 header rebuilt by libmipwire into a new data
 * source) and RFC 3519 UDP tunnel data (by its Next Header, through the
 * ip.proto table, so IP-in-IP, GRE and minimal encapsulation all work).
 * IP-in-IP and GRE themselves stay with Wireshark's own dissectors. */
#include "mipkit.h"

static dissector_handle_t h_minenc, h_ip;
static dissector_table_t ip_proto_table;
static gint ett_minenc = -1;
static int hf_minenc_rebuilt = -1;
static int hf_tun_payload = -1;
static expert_field ei_minenc_csum = EI_INIT;
static expert_field ei_tun_next = EI_INIT;

static int dissect_minenc(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
			  void *data _U_)
{
	struct mk_view v;
	proto_item *ti;
	proto_tree *pt;
	const struct mw_layer *L;
	uint8_t hdr[60];
	int l, hlen, rlen;
	guint rest;
	guint8 *buf;
	tvbuff_t *inner;

	col_set_str(pinfo->cinfo, COL_PROTOCOL, "MinEnc");
	ti = proto_tree_add_item(tree, proto_mipkit, tvb, 0, -1, ENC_NA);
	pt = proto_item_add_subtree(ti, ett_minenc);
	l = mk_view_layer(tvb, pinfo, MW_L_MINENC, &v);
	if (l < 0) {
		mk_tree_problems(ti, pinfo, &v, (uint32_t)v.base,
				 v.base + tvb_captured_length(tvb));
		return tvb_captured_length(tvb);
	}
	L = &v.pkt->layers[l];
	proto_item_append_text(ti, ", Minimal Encapsulation (RFC 2004)");
	mk_tree_layer(pt, pinfo, &v, l);
	if (!L->u.minenc.csum_ok)
		expert_add_info(pinfo, ti, &ei_minenc_csum);
	mk_tree_problems(ti, pinfo, &v, L->off, L->off + L->len);
	/* the original header, with the outer one's options when the whole
	 * frame was decoded (alone, the outer header is not in view) */
	rlen = (int)mw_minenc_header(v.pkt, l, hdr);
	if (!rlen)
		return tvb_captured_length(tvb);
	if (!v.whole_frame && !L->u.minenc.src_present &&
	    pinfo->src.type == AT_IPv4) {
		/* decoded alone: the original source is the outer source */
		memcpy(hdr + 12, pinfo->src.data, 4);
		hdr[10] = hdr[11] = 0;
		uint16_t s = (uint16_t)~mw_csum_fold(mw_csum_add(0, hdr, (size_t)rlen));
		hdr[10] = (uint8_t)(s >> 8);
		hdr[11] = (uint8_t)s;
	}
	hlen = (int)L->len;
	rest = tvb_captured_length_remaining(tvb, hlen);
	buf = (guint8 *)wmem_alloc(pinfo->pool, rlen + rest);
	memcpy(buf, hdr, rlen);
	if (rest)
		tvb_memcpy(tvb, buf + rlen, hlen, rest);
	inner = tvb_new_child_real_data(tvb, buf, rlen + rest, rlen + rest);
	add_new_data_source(pinfo, inner, "Rebuilt IPv4 (minimal encapsulation)");
	ti = proto_tree_add_item(pt, hf_minenc_rebuilt, inner, 0, rlen, ENC_NA);
	proto_item_set_generated(ti);
	call_dissector(h_ip, inner, pinfo, tree);
	return tvb_captured_length(tvb);
}

void mk_tunnel_3519(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
		    struct mk_msgctx *cx)
{
	const struct mw_msg *m = cx->m;
	int off = mk_toff(cx->v, m->off + m->u.mip4.fixed_len);
	uint8_t nh = m->u.mip4.u.tun.next_header;
	tvbuff_t *next;

	if (m->u.mip4.fixed_len == 0 || off < 0 ||
	    tvb_captured_length_remaining(tvb, off) <= 0)
		return;
	next = tvb_new_subset_remaining(tvb, off);
	proto_tree_add_item(cx->tree, hf_tun_payload, tvb, off, -1, ENC_NA);
	if (!ip_proto_table ||
	    !dissector_try_uint(ip_proto_table, nh, next, pinfo, tree)) {
		expert_add_info_format(pinfo, cx->item, &ei_tun_next,
			"Next Header %u not handed on", nh);
		call_data_dissector(next, pinfo, tree);
	}
}

void mk_tunnel_register(void)
{
	static hf_register_info hf[] = {
		{ &hf_minenc_rebuilt, { "Rebuilt IPv4 header",
		  "mipkit.minenc.rebuilt", FT_BYTES, BASE_NONE, NULL, 0,
		  "Original IP header rebuilt from the forwarding header (RFC 2004 3.1)",
		  HFILL } },
		{ &hf_tun_payload, { "Tunnelled payload", "mipkit.tunnel.payload",
		  FT_BYTES, BASE_NONE, NULL, 0, NULL, HFILL } },
	};
	static ei_register_info ei[] = {
		{ &ei_minenc_csum, { "mipkit.minenc.csum.bad", PI_CHECKSUM,
		  PI_ERROR, "Minimal forwarding header checksum is wrong",
		  EXPFILL } },
		{ &ei_tun_next, { "mipkit.tunnel.next_unknown", PI_UNDECODED,
		  PI_NOTE, "Tunnel payload not handed on", EXPFILL } },
	};
	static gint *ett[] = { &ett_minenc };

	proto_register_field_array(proto_mipkit, hf, array_length(hf));
	proto_register_subtree_array(ett, array_length(ett));
	expert_register_field_array(mk_expert_module(), ei, array_length(ei));
	h_minenc = register_dissector_with_description("mipkit.minenc",
		"Minimal encapsulation (mipkit)", dissect_minenc, proto_mipkit);
}

void mk_tunnel_handoff(void)
{
	h_ip = find_dissector("ip");
	ip_proto_table = find_dissector_table("ip.proto");
	dissector_add_uint("ip.proto", 55, h_minenc);
}
