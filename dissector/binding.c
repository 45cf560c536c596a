/* Binding tracking per home address: an accepted registration reply or
 * Binding Acknowledgement (matched to its request, which names the
 * care-of address) starts a binding; lifetime 0 or CoA = HoA is a
 * deregistration. Every message (and every data packet that uses a home
 * address, from the postdissector) shows the binding in force at that
 * frame: care-of address, remaining lifetime, or expired / deregistered. */
#include <epan/address.h>
#include <epan/to_str.h>

#include "mipkit.h"

struct mk_bevent {
	guint32 frame;
	nstime_t ts;
	const char *coa;
	guint32 lifetime;     /* seconds granted */
	bool infinite;        /* MIPv4 lifetime 0xffff */
	bool dereg;
	bool changed;         /* new CoA, or none in force before: not a renewal */
};

enum { B_NONE, B_ACTIVE, B_EXPIRED, B_DEREG };
static const value_string b_state_vals[] = {
	{ B_NONE, "no binding seen" },
	{ B_ACTIVE, "active" },
	{ B_EXPIRED, "expired" },
	{ B_DEREG, "deregistered" },
	{ 0, NULL }
};

static wmem_map_t *bindings; /* home address key -> wmem_tree (frame -> event) */
static int hf_b_hoa = -1, hf_b_coa = -1, hf_b_state = -1, hf_b_lifetime = -1;
static int hf_b_remaining = -1, hf_b_frame = -1;
static gint ett_binding = -1;
static expert_field ei_b_new = EI_INIT, ei_b_dereg = EI_INIT;
static expert_field ei_b_expired = EI_INIT;

static const char *elem_body_str(packet_info *pinfo, const struct mw_packet *pkt,
				 const struct mw_msg *m, unsigned reg,
				 unsigned type, unsigned skip)
{
	for (unsigned i = m->elem_first;
	     i < (unsigned)m->elem_first + m->elem_count && i < pkt->n_elems; i++) {
		const struct mw_elem *e = &pkt->elems[i];
		if (e->reg != reg || e->type != type || e->status != MW_OK ||
		    e->body_len <= skip ||
		    e->body_off + e->body_len > pkt->caplen)
			continue;
		return format_text(pinfo->pool, pkt->data + e->body_off + skip,
				   e->body_len - skip);
	}
	return NULL;
}

static const char *ip4str(packet_info *pinfo, uint32_t a)
{
	return wmem_strdup_printf(pinfo->pool, "%u.%u.%u.%u", a >> 24,
				  (a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff);
}

/* Home address key and care-of address a request asks to bind. */
static bool request_binding(struct mk_msgctx *cx, const char **key,
			    const char **coa, guint32 *life)
{
	packet_info *pinfo = cx->pinfo;
	const struct mw_msg *m = cx->m;
	const struct mw_packet *pkt = cx->v->pkt;

	if (m->kind == MW_MSG_MIP4 && m->code == MW_MIP4_RRQ) {
		const struct mw_mip4_rrq *r = &m->u.mip4.u.rrq;
		const char *nai = elem_body_str(pinfo, pkt, m, MW_REG_MIP4_EXT,
						131, 0);
		if (r->hoa)
			*key = wmem_strconcat(pinfo->pool, "v4:",
					      ip4str(pinfo, r->hoa), NULL);
		else if (nai)
			*key = wmem_strconcat(pinfo->pool, "nai:", nai, NULL);
		else
			return false;
		*coa = ip4str(pinfo, r->coa);
		*life = r->lifetime;
		return true;
	}
	if (m->kind == MW_MSG_MH && m->code == MW_MH_BU) {
		const struct mw_mh *h = &m->u.mh;
		if (h->proxy) {
			const char *id = elem_body_str(pinfo, pkt, m,
						       MW_REG_MH_OPT,
						       MW_MHO_MN_ID, 1);
			if (!id)
				return false;
			*key = wmem_strconcat(pinfo->pool, "mnid:", id, NULL);
		} else {
			*key = wmem_strconcat(pinfo->pool, "v6:",
				address_to_str(pinfo->pool, &pinfo->src), NULL);
		}
		*coa = address_to_str(pinfo->pool, &pinfo->net_src);
		for (unsigned i = m->elem_first;
		     i < (unsigned)m->elem_first + m->elem_count &&
		     i < pkt->n_elems; i++) {
			const struct mw_elem *e = &pkt->elems[i];
			if (e->reg == MW_REG_MH_OPT && e->type == MW_MHO_ALT_COA &&
			    e->status == MW_OK && e->body_len == 16 &&
			    e->body_off + 16 <= pkt->caplen)
				*coa = ip6_to_str(pinfo->pool,
					(const ws_in6_addr *)(pkt->data + e->body_off));
		}
		*life = (guint32)h->u.bu.lifetime * 4;
		return true;
	}
	return false;
}

/* Accepted reply: the granted lifetime in seconds. */
static bool reply_accepted(const struct mw_msg *m, guint32 *life, bool *inf)
{
	*inf = false;
	if (m->kind == MW_MSG_MIP4 && m->code == MW_MIP4_RRP) {
		const struct mw_mip4_rrp *r = &m->u.mip4.u.rrp;
		*life = r->lifetime;
		*inf = r->lifetime == 0xffff;
		return r->code <= 1;
	}
	if (m->kind == MW_MSG_MH && m->code == MW_MH_BA) {
		*life = (guint32)m->u.mh.u.ba.lifetime * 4;
		return m->u.mh.u.ba.status < 128;
	}
	return false;
}

static void show(proto_tree *tree, packet_info *pinfo, tvbuff_t *tvb, int off,
		 int len, const char *key, bool warn_expired)
{
	wmem_tree_t *tl = wmem_map_lookup(bindings, key);
	struct mk_bevent *ev = tl ? wmem_tree_lookup32_le(tl, pinfo->num) : NULL;
	proto_item *ti, *ti2, *st;
	proto_tree *bt;
	int state = B_NONE;

	bt = proto_tree_add_subtree_format(tree, tvb, off, len, ett_binding, &ti,
					   "Binding of %s", strchr(key, ':') + 1);
	proto_item_set_generated(ti);
	/* filterable, not repeated in the text: the label names it */
	ti2 = proto_tree_add_string(bt, hf_b_hoa, tvb, off, len, key);
	proto_item_set_generated(ti2);
	proto_item_set_hidden(ti2);
	if (ev) {
		nstime_t d;
		double el, rem;

		nstime_delta(&d, &pinfo->abs_ts, &ev->ts);
		el = nstime_to_sec(&d);
		rem = ev->infinite ? 1e12 : (double)ev->lifetime - el;
		state = ev->dereg ? B_DEREG : rem >= 0 ? B_ACTIVE : B_EXPIRED;
		proto_item_set_generated(proto_tree_add_uint(bt, hf_b_frame, tvb,
			off, len, ev->frame));
		if (!ev->dereg) {
			proto_item_set_generated(proto_tree_add_string(bt,
				hf_b_coa, tvb, off, len, ev->coa));
			ti2 = proto_tree_add_uint(bt, hf_b_lifetime, tvb, off,
						  len, ev->lifetime);
			proto_item_set_generated(ti2);
			proto_item_set_hidden(ti2);
			if (!ev->infinite)
				proto_item_set_generated(proto_tree_add_int(bt,
					hf_b_remaining, tvb, off, len,
					(gint32)(rem >= 0 ? rem + 0.5 : rem - 0.5)));
		}
		proto_item_append_text(ti, ": %s%s%s",
			val_to_str_const(state, b_state_vals, "?"),
			ev->dereg ? "" : ", CoA ", ev->dereg ? "" : ev->coa);
	}
	st = proto_tree_add_uint(bt, hf_b_state, tvb, off, len, (guint32)state);
	proto_item_set_generated(st);
	if (ev && ev->frame == pinfo->num && (ev->dereg || ev->changed))
		expert_add_info(pinfo, st, ev->dereg ? &ei_b_dereg : &ei_b_new);
	else if (warn_expired && (state == B_EXPIRED || state == B_DEREG))
		expert_add_info(pinfo, st, &ei_b_expired);
}

void mk_binding_msg(struct mk_msgctx *cx, struct mk_txn *txn)
{
	packet_info *pinfo = cx->pinfo;
	const char *key, *coa;
	guint32 life, granted;
	bool inf;

	if (!txn)
		return;
	if (!PINFO_FD_VISITED(pinfo)) {
		if (request_binding(cx, &key, &coa, &life)) {
			mk_txn_set_binding(txn, key, coa, life);
		} else if (reply_accepted(cx->m, &granted, &inf) &&
			   mk_txn_binding(txn, &key, &coa, &life)) {
			struct mk_bevent *ev;
			wmem_tree_t *tl = wmem_map_lookup(bindings, key);

			if (!tl) {
				tl = wmem_tree_new(wmem_file_scope());
				wmem_map_insert(bindings,
					wmem_strdup(wmem_file_scope(), key), tl);
			}
			ev = wmem_new0(wmem_file_scope(), struct mk_bevent);
			ev->frame = pinfo->num;
			ev->ts = pinfo->abs_ts;
			ev->coa = coa;
			ev->lifetime = granted;
			ev->infinite = inf;
			ev->dereg = granted == 0 || strcmp(strchr(key, ':') + 1,
							   coa) == 0;
			{
				struct mk_bevent *pr = wmem_tree_lookup32_le(tl,
							pinfo->num);
				nstime_t d;

				if (pr)
					nstime_delta(&d, &pinfo->abs_ts, &pr->ts);
				ev->changed = !pr || pr->dereg ||
					strcmp(pr->coa, coa) != 0 ||
					(!pr->infinite &&
					 nstime_to_sec(&d) > pr->lifetime);
			}
			wmem_tree_insert32(tl, pinfo->num, ev);
		}
	}
	if (mk_txn_binding(txn, &key, &coa, &life))
		show(cx->tree, pinfo, cx->v->tvb, 0, 0, key, false);
}

void mk_binding_show(proto_tree *tree, packet_info *pinfo, tvbuff_t *tvb,
		     int off, int len, const char *hoa_key)
{
	if (wmem_map_lookup(bindings, hoa_key))
		show(tree, pinfo, tvb, off, len, hoa_key, true);
}

void mk_binding_register(void)
{
	static hf_register_info hf[] = {
		{ &hf_b_hoa, { "Home address", "mipkit.binding.hoa", FT_STRING,
		  BASE_NONE, NULL, 0, "Binding key: v4:/v6: home address, nai:, mnid:",
		  HFILL } },
		{ &hf_b_coa, { "Care-of address", "mipkit.binding.coa", FT_STRING,
		  BASE_NONE, NULL, 0, NULL, HFILL } },
		{ &hf_b_state, { "State", "mipkit.binding.state", FT_UINT8,
		  BASE_DEC, VALS(b_state_vals), 0, NULL, HFILL } },
		{ &hf_b_lifetime, { "Granted lifetime", "mipkit.binding.lifetime",
		  FT_UINT32, BASE_DEC | BASE_UNIT_STRING, &units_second_seconds,
		  0, NULL, HFILL } },
		{ &hf_b_remaining, { "Remaining lifetime",
		  "mipkit.binding.remaining", FT_INT32,
		  BASE_DEC | BASE_UNIT_STRING, &units_second_seconds, 0,
		  "Negative: expired that long ago", HFILL } },
		{ &hf_b_frame, { "Registered in", "mipkit.binding.frame",
		  FT_FRAMENUM, BASE_NONE, NULL, 0,
		  "The reply that set the binding in force", HFILL } },
	};
	static ei_register_info ei[] = {
		{ &ei_b_new, { "mipkit.binding.registered", PI_SEQUENCE, PI_CHAT,
		  "Binding registered (new care-of address, or none in force before)", EXPFILL } },
		{ &ei_b_dereg, { "mipkit.binding.deregistered", PI_SEQUENCE,
		  PI_CHAT, "Binding deregistered", EXPFILL } },
		{ &ei_b_expired, { "mipkit.binding.expired", PI_SEQUENCE, PI_WARN,
		  "Home address used with no binding in force (expired or deregistered)",
		  EXPFILL } },
	};
	static gint *ett[] = { &ett_binding };

	proto_register_field_array(proto_mipkit, hf, array_length(hf));
	proto_register_subtree_array(ett, array_length(ett));
	expert_register_field_array(mk_expert_module(), ei, array_length(ei));
	bindings = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(),
					  g_str_hash, g_str_equal);
}
