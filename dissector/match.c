/* Request / reply matching across the capture: RRQ/RRP (Identification,
 * low-order 32 bits), revocation / ack (revocation id), BU/BA and PBU/PBA
 * (sequence), HoTI/HoT and CoTI/CoT (init cookie), FBU/FBack, HI/HAck,
 * BRI/BRA, LRI/LRA, UPN/UPA, heartbeat (sequence), DHAAD and MPS/MPA
 * (identifier), and the MIPv4 handoff, regional registration, FBU,
 * generic notification and RFC 6521 return routability pairs.
 * First pass: transactions are built in file-scoped maps; every pass shows
 * response_in / response_to / response time and flags retransmissions,
 * duplicate and orphan replies and (once the whole file is known)
 * unanswered requests. No state lives in globals outside these maps. */
#include <epan/address.h>
#include <epan/to_str.h>

#include "mipkit.h"

enum mk_cls {
	C_NONE, C_REG, C_REVOC, C_BU, C_HOTI, C_COTI, C_FBU, C_HI, C_BR,
	C_LR, C_UPN, C_DHAAD, C_MPS, C_HO4, C_RREG4, C_FBU4, C_GNM4, C_HOTI4,
	C_COTI4, C_HB, C__N
};

/* MIPv4 request / reply types and the layout field that pairs them. */
struct mip4_pair {
	uint8_t req, rep;
	enum mk_cls cls;
	const char *key;
};
static const struct mip4_pair mip4_pairs[] = {
	{ MW_MIP4_RRQ, MW_MIP4_RRP, C_REG, "ident" },
	{ MW_MIP4_REVOCATION, MW_MIP4_REVOCATION_ACK, C_REVOC, "rev_id" },
	{ 16, 17, C_HO4, "ident" },     /* handoff request / reply, RFC 4881 */
	{ 18, 19, C_RREG4, "ident" },   /* regional registration, RFC 4857 */
	{ 20, 21, C_FBU4, "ident" },    /* FBU / FBAck, RFC 4988 */
	{ 22, 23, C_GNM4, "ident" },    /* generic notification, RFC 6098 */
	{ 24, 26, C_HOTI4, "cookie" },  /* HoTI / HoT over MIPv4, RFC 6521 */
	{ 25, 27, C_COTI4, "cookie" },  /* CoTI / CoT */
};

struct mk_txn {
	struct mk_txn *prev;  /* older transaction with the same key */
	guint8 cls;
	guint32 pair;         /* ordered (src, dst) hash of the request */
	guint32 req_frame, rep_frame, retrans_of, replay_of;
	guint32 first_req;    /* the exchange's first request (retransmissions) */
	guint64 fullid;       /* the whole identifier (64-bit MIPv4 ident) */
	nstime_t req_ts, rep_ts;
	/* the binding the request asks for (binding.c) */
	const char *bkey, *coa;
	guint32 lifetime;
	bool has_binding;
};

/* What a frame's message is in its transaction (kept per frame). */
struct mk_fmatch {
	struct mk_txn *txn;
	bool reply;
	guint32 dup_of;       /* reply: the frame that already answered */
	bool orphan;          /* reply without a request */
};

static wmem_map_t *txns;  /* guint64 key -> latest struct mk_txn */

static int hf_response_in = -1, hf_response_to = -1, hf_response_time = -1;
static int hf_retrans_of = -1, hf_dup_of = -1, hf_replay_of = -1;
static expert_field ei_replay = EI_INIT;
static expert_field ei_no_response = EI_INIT;
static expert_field ei_retrans = EI_INIT;
static expert_field ei_no_request = EI_INIT;
static expert_field ei_dup_reply = EI_INIT;

#define PDATA_MATCH_BASE 0x100
#define PDATA_SEQ 2

/* A per-packet sequence number of analysed messages: the proto-data key of
 * each message's record, the same in every pass. */
static guint32 next_seq(packet_info *pinfo)
{
	guint32 *n = p_get_proto_data(pinfo->pool, pinfo, proto_mipkit,
				      PDATA_SEQ);

	if (!n) {
		n = wmem_new0(pinfo->pool, guint32);
		p_add_proto_data(pinfo->pool, pinfo, proto_mipkit, PDATA_SEQ, n);
	}
	return (*n)++;
}

static bool field_u(const struct mk_msgctx *cx, const char *key, guint64 *v)
{
	struct mw_fval fv;

	if (!mk_msg_field(cx->v->pkt, cx->m, key, &fv) || !fv.present)
		return false;
	*v = fv.u;
	return true;
}

/* Class, direction and identifier of a message. anycast: the responder's
 * address differs from the request's destination (DHAAD), so only the
 * requester's address is part of the key. */
static enum mk_cls classify(const struct mk_msgctx *cx, bool *reply,
			    guint64 *id, bool *by_pair, guint64 *fullid)
{
	const struct mw_msg *m = cx->m;
	guint64 v = 0;
	struct mw_fval fv;

	*fullid = 0;
	if (m->kind == MW_MSG_MIP4 && mk_msg_field(cx->v->pkt, m, "ident",
						    &fv) && fv.present)
		*fullid = fv.u;

	*by_pair = true;
	*reply = false;
	if (m->kind == MW_MSG_MIP4) {
		/* FA relaying keeps the Identification: matched by address
		 * pair first, see find_request() */
		*by_pair = false;
		for (size_t i = 0; i < array_length(mip4_pairs); i++) {
			const struct mip4_pair *pp = &mip4_pairs[i];

			if (m->code != pp->req && m->code != pp->rep)
				continue;
			if (!field_u(cx, pp->key, &v))
				return C_NONE;
			/* RFC 5944 3.4: the reply copies the low-order 32 bits */
			*id = strcmp(pp->key, "ident") == 0 ? (v & 0xffffffffu) : v;
			*reply = m->code == pp->rep;
			return pp->cls;
		}
		return C_NONE;
	}
	if (m->kind == MW_MSG_MH) {
		const struct mw_mh *h = &m->u.mh;
		switch (h->type) {
		case MW_MH_BU:
			*id = h->u.bu.seq;
			return C_BU;
		case MW_MH_BA:
			*id = h->u.ba.seq;
			*reply = true;
			return C_BU;
		case MW_MH_HOTI:
		case MW_MH_HOT:
		case MW_MH_COTI:
		case MW_MH_COT: {
			const uint8_t *ck = (h->type == MW_MH_HOTI ||
					     h->type == MW_MH_COTI)
						    ? h->u.init.cookie
						    : h->u.test.cookie;
			for (int i = 0; i < 8; i++)
				v = v << 8 | ck[i];
			*id = v;
			*reply = h->type == MW_MH_HOT || h->type == MW_MH_COT;
			return h->type == MW_MH_HOTI || h->type == MW_MH_HOT
				       ? C_HOTI : C_COTI;
		}
		case MW_MH_FBU:  /* FBU / FBack (RFC 5568): BU / BA layout */
			*id = h->u.bu.seq;
			return C_FBU;
		case MW_MH_FBACK:
			*id = h->u.ba.seq;
			*reply = true;
			return C_FBU;
		case MW_MH_HI:
		case MW_MH_HACK:
		case MW_MH_LRI:
		case MW_MH_LRA:
		case MW_MH_UPN:
		case MW_MH_UPA:
			if (!field_u(cx, "seq", &v))
				return C_NONE;
			*id = v;
			*reply = h->type == MW_MH_HACK || h->type == MW_MH_LRA ||
				 h->type == MW_MH_UPA;
			return h->type <= MW_MH_HACK ? C_HI
			       : h->type <= MW_MH_LRA ? C_LR : C_UPN;
		case MW_MH_HB: { /* Heartbeat (RFC 5847): R flag = response */
			guint64 r;
			if (!field_u(cx, "seq", &v) || !field_u(cx, "r", &r))
				return C_NONE;
			*id = v;
			*reply = r != 0;
			return C_HB;
		}
		case MW_MH_BR: { /* Binding Revocation: BRI (type 1) / BRA (type 2) */
			guint64 brt;
			if (!field_u(cx, "seq", &v) ||
			    !field_u(cx, "br_type", &brt) ||
			    (brt != 1 && brt != 2))
				return C_NONE;
			*id = v;
			*reply = brt == 2;
			return C_BR;
		}
		default:
			return C_NONE;
		}
	}
	if (m->kind == MW_MSG_ICMP6) {
		*id = m->u.icmp6.ident;
		*by_pair = false;
		switch (m->code) {
		case MW_ICMP6_DHAAD_REQ: return C_DHAAD;
		case MW_ICMP6_DHAAD_REP: *reply = true; return C_DHAAD;
		case MW_ICMP6_MPS: return C_MPS;
		case MW_ICMP6_MPA: *reply = true; return C_MPS;
		default: return C_NONE;
		}
	}
	return C_NONE;
}

static guint32 hash_addr(const address *a)
{
	return a->type == AT_NONE ? 0u
				  : (guint32)add_address_to_hash(0, a);
}

static struct mk_txn *find_request(struct mk_txn *head, guint32 frame,
				   guint32 rpair, bool exact_pair)
{
	for (struct mk_txn *t = head; t; t = t->prev)
		if (t->req_frame < frame && !t->rep_frame &&
		    (!exact_pair || t->pair == rpair))
			return t;
	return NULL;
}

/* The first request of the exchange t retransmits. */
static guint32 o_first(const struct mk_txn *head, const struct mk_txn *t)
{
	for (const struct mk_txn *o = head; o; o = o->prev)
		if (o->req_frame == t->retrans_of)
			return o->first_req;
	return t->retrans_of;
}

struct mk_txn *mk_match_msg(struct mk_msgctx *cx, nstime_t *rt, bool *has_rt)
{
	packet_info *pinfo = cx->pinfo;
	guint32 seq = next_seq(pinfo);
	struct mk_fmatch *fm;
	struct mk_txn *t;
	proto_item *ti;
	bool reply, by_pair;
	guint64 id = 0;
	enum mk_cls cls;

	*has_rt = false;
	fm = p_get_proto_data(wmem_file_scope(), pinfo, proto_mipkit,
			      PDATA_MATCH_BASE + seq);
	if (!fm && !PINFO_FD_VISITED(pinfo)) {
		guint32 src = hash_addr(&pinfo->src), dst = hash_addr(&pinfo->dst);
		guint32 pair = src * 31u + dst, rpair = dst * 31u + src;
		guint64 key, *kp;
		struct mk_txn *head;

		guint64 fullid;

		cls = classify(cx, &reply, &id, &by_pair, &fullid);
		if (cls == C_NONE)
			return NULL;
		if (!fullid)
			fullid = id;
		key = id * 0x9e3779b97f4a7c15ull + (guint64)cls;
		if (by_pair)
			key ^= (guint64)(src ^ dst) << 32;
		else if (cls == C_DHAAD || cls == C_MPS)
			key ^= (guint64)(reply ? dst : src) << 32;
		head = wmem_map_lookup(txns, &key);
		fm = wmem_new0(wmem_file_scope(), struct mk_fmatch);
		fm->reply = reply;
		if (!reply) {
			t = wmem_new0(wmem_file_scope(), struct mk_txn);
			t->cls = (guint8)cls;
			t->pair = pair;
			t->req_frame = pinfo->num;
			t->req_ts = pinfo->abs_ts;
			t->prev = head;
			t->fullid = fullid;
			/* the same request again on the same path: unanswered,
			 * a retransmission; already answered, a replay */
			for (struct mk_txn *o = head; o; o = o->prev) {
				if (o->pair != pair || o->fullid != fullid)
					continue;
				if (!o->rep_frame)
					t->retrans_of = o->req_frame;
				else
					t->replay_of = o->req_frame;
				break;
			}
			t->first_req = t->retrans_of ? o_first(head, t) : t->req_frame;
			kp = wmem_new(wmem_file_scope(), guint64);
			*kp = key;
			wmem_map_insert(txns, kp, t);
			fm->txn = t;
		} else {
			t = find_request(head, pinfo->num, rpair, true);
			if (!t)
				t = find_request(head, pinfo->num, rpair, false);
			if (t) {
				t->rep_frame = pinfo->num;
				t->rep_ts = pinfo->abs_ts;
				fm->txn = t;
			} else {
				for (struct mk_txn *o = head; o; o = o->prev)
					if (o->rep_frame && o->rep_frame < pinfo->num) {
						fm->dup_of = o->rep_frame;
						fm->txn = o;
						break;
					}
				fm->orphan = !fm->txn;
			}
		}
		p_add_proto_data(wmem_file_scope(), pinfo, proto_mipkit,
				 PDATA_MATCH_BASE + seq, fm);
	}
	if (!fm)
		return NULL;
	t = fm->txn;
	if (!fm->reply) {
		if (t->retrans_of) {
			ti = proto_tree_add_uint(cx->tree, hf_retrans_of, NULL, 0,
						 0, t->retrans_of);
			proto_item_set_generated(ti);
			expert_add_info(pinfo, ti, &ei_retrans);
		}
		if (t->replay_of) {
			ti = proto_tree_add_uint(cx->tree, hf_replay_of, NULL, 0,
						 0, t->replay_of);
			proto_item_set_generated(ti);
			expert_add_info(pinfo, ti, &ei_replay);
		}
		if (t->rep_frame) {
			ti = proto_tree_add_uint(cx->tree, hf_response_in, NULL, 0,
						 0, t->rep_frame);
			proto_item_set_generated(ti);
		} else if (PINFO_FD_VISITED(pinfo)) {
			expert_add_info(pinfo, cx->item, &ei_no_response);
		}
		return t;
	}
	if (fm->orphan) {
		expert_add_info(pinfo, cx->item, &ei_no_request);
		return NULL;
	}
	if (fm->dup_of) {
		ti = proto_tree_add_uint(cx->tree, hf_dup_of, NULL, 0, 0,
					 fm->dup_of);
		proto_item_set_generated(ti);
		expert_add_info(pinfo, ti, &ei_dup_reply);
		return NULL;
	}
	ti = proto_tree_add_uint(cx->tree, hf_response_to, NULL, 0, 0,
				 t->req_frame);
	proto_item_set_generated(ti);
	nstime_delta(rt, &t->rep_ts, &t->req_ts);
	*has_rt = true;
	ti = proto_tree_add_time(cx->tree, hf_response_time, NULL, 0, 0, rt);
	proto_item_set_generated(ti);
	return t;
}

void mk_txn_set_binding(struct mk_txn *t, const char *key, const char *coa,
			uint32_t lifetime_s)
{
	t->bkey = wmem_strdup(wmem_file_scope(), key);
	t->coa = wmem_strdup(wmem_file_scope(), coa);
	t->lifetime = lifetime_s;
	t->has_binding = true;
}

bool mk_txn_binding(const struct mk_txn *t, const char **key,
		    const char **coa, uint32_t *lifetime_s)
{
	if (!t || !t->has_binding)
		return false;
	*key = t->bkey;
	*coa = t->coa;
	*lifetime_s = t->lifetime;
	return true;
}

guint32 mk_txn_exchange(const struct mk_txn *t)
{
	return t->first_req;
}

bool mk_txn_reply_time(const struct mk_txn *t, nstime_t *ts, guint32 *frame)
{
	if (!t || !t->rep_frame)
		return false;
	*ts = t->rep_ts;
	*frame = t->rep_frame;
	return true;
}

void mk_match_register(void)
{
	static hf_register_info hf[] = {
		{ &hf_response_in, { "Response In", "mipkit.response_in",
		  FT_FRAMENUM, BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_RESPONSE), 0,
		  "The reply to this request is in this frame", HFILL } },
		{ &hf_response_to, { "Request In", "mipkit.response_to",
		  FT_FRAMENUM, BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_REQUEST), 0,
		  "This is a reply to the request in this frame", HFILL } },
		{ &hf_response_time, { "Response Time", "mipkit.response_time",
		  FT_RELATIVE_TIME, BASE_NONE, NULL, 0,
		  "Time between the request and this reply", HFILL } },
		{ &hf_retrans_of, { "Retransmission of", "mipkit.retransmission_of",
		  FT_FRAMENUM, BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_DUP_ACK), 0,
		  "The same request, unanswered, was sent in this frame", HFILL } },
		{ &hf_replay_of, { "Replay of", "mipkit.replay_of",
		  FT_FRAMENUM, BASE_NONE, NULL, 0,
		  "The same identifier was used by this answered request", HFILL } },
		{ &hf_dup_of, { "Duplicate of reply in", "mipkit.duplicate_of",
		  FT_FRAMENUM, BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_DUP_ACK), 0,
		  "The request was already answered in this frame", HFILL } },
	};
	static ei_register_info ei[] = {
		{ &ei_no_response, { "mipkit.match.no_response", PI_SEQUENCE,
		  PI_WARN, "No reply to this request in the capture", EXPFILL } },
		{ &ei_retrans, { "mipkit.match.retransmission", PI_SEQUENCE,
		  PI_NOTE, "Retransmitted request", EXPFILL } },
		{ &ei_no_request, { "mipkit.match.no_request", PI_SEQUENCE,
		  PI_WARN, "Reply without a request in the capture", EXPFILL } },
		{ &ei_replay, { "mipkit.match.replay", PI_SECURITY, PI_WARN,
		  "Request reuses the identifier of an answered request (replay?)",
		  EXPFILL } },
		{ &ei_dup_reply, { "mipkit.match.duplicate_reply", PI_SEQUENCE,
		  PI_NOTE, "Duplicate reply", EXPFILL } },
	};

	proto_register_field_array(proto_mipkit, hf, array_length(hf));
	expert_register_field_array(mk_expert_module(), ei, array_length(ei));
	txns = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(),
				      g_int64_hash, g_int64_equal);
}
