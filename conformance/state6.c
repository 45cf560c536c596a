/* Stateful Mobile IPv6 rules (RFC 6275 6, 9-11), NEMO (RFC 3963) and
 * PMIPv6 (RFC 5213): BU/BA exchanges by sequence number (mod 2^16),
 * retransmissions, return routability cookies, Binding Errors, DHAAD and
 * mobile prefix discovery. Keyed by (home address, peer); idle entries
 * are dropped. */
#include <stddef.h>
#include <string.h>

#include <glib.h>

#include "conf.h"
#include "expire.h"
#include "otab.h"

#define IDLE_EXPIRE 600.0
#define REPLY_WAIT 5.0      /* s before a missing BA counts as missing */
#define NCOOKIE 4

struct pair { struct mw_in6 a, b; };

/* The head both entry kinds start with (expiry bookkeeping). */
struct ent6 {
	struct pair key;
	double last_seen;
	struct wnode wn;          /* expiry wheel */
	uint64_t touch;           /* sweeps done when last_seen was set */
};

struct bind6 {               /* key: (home address, peer) */
	struct pair key;
	double last_seen;
	struct wnode wn;
	uint64_t touch;
	uint64_t bu_serial;       /* deadline of the outstanding BU (expire.h) */
	/* last Binding Update */
	bool have_bu, outstanding, bu_discard, bu_expect135, bu_hao, bu_home, bu_r;
	bool bu_proxy, bu_a, bu_dereg;
	uint16_t bu_seq, bu_lifetime, bu_flags;
	struct mw_in6 bu_src;
	double bu_ts, bu_first_ts, retrans_iv;
	uint64_t bu_frame;
	const char *bu_file;
	/* receiver view */
	bool have_accepted, bce;
	uint16_t last_accepted;
	bool resync;          /* a 135 told the MN the last accepted seq */
	uint16_t resync_seq;
	double bce_expiry;
	struct mw_in6 coa;
	/* PMIPv6 */
	struct mw_in6 mag;
	bool pmip_bound;
	/* rate limit: times of the last MH messages per type */
	double t_rate[8][3];
};

struct rr6 {                 /* key: (mobile node address, CN) */
	struct pair key;
	double last_seen;
	struct wnode wn;
	uint64_t touch;
	uint64_t be_serial;       /* deadline of the expected Binding Error */
	uint8_t hoti[NCOOKIE][8], coti[NCOOKIE][8];
	unsigned n_hoti, n_coti;
	uint8_t init_depth[2];   /* tunnel depth of the last HoTI / CoTI */
	double init_ts[2];
	/* last packet with a Home Address option (mobile node -> CN) */
	bool have_hao;
	struct mw_in6 hao;
	double hao_ts;
	bool be_expected;
	double be_deadline;
	/* DHAAD / MPS */
	bool have_dhaad, have_mps;
	uint16_t dhaad_id, mps_id;
	double last_mpa;
};

G_STATIC_ASSERT(offsetof(struct bind6, touch) == offsetof(struct ent6, touch));
G_STATIC_ASSERT(offsetof(struct rr6, touch) == offsetof(struct ent6, touch));

struct state6;

/* A table of entries and their expiry. */
struct tab6 {
	struct otab32 h;          /* entries, by their key (first 32 bytes) */
	struct wheel wheel;
	bool bind;                /* struct bind6 (else struct rr6) */
	const struct state6 *s;
};

struct state6 {
	struct tab6 *bind, *rr;
	double last_sweep, prev_sweep;
	uint64_t n_sweeps;
	struct deadlines bu_due;  /* outstanding BUs: REPLY_WAIT after bu_ts */
	struct deadlines be_due;  /* expected Binding Errors: be_deadline */
};

static struct tab6 *tab_new(const struct state6 *s, bool bind)
{
	struct tab6 *t = g_new0(struct tab6, 1);
	otab32_init(&t->h);
	wheel_init(&t->wheel, 10.0);
	t->bind = bind;
	t->s = s;
	return t;
}

static void tab_free(struct tab6 *t)
{
	for (size_t i = 0; i < t->h.cap; i++)
		g_free(t->h.s[i].v);
	g_free(t->h.s);
	wheel_clear(&t->wheel);
	g_free(t);
}

struct state6 *state6_new(void)
{
	struct state6 *s = g_new0(struct state6, 1);
	s->bind = tab_new(s, true);
	s->rr = tab_new(s, false);
	dl_init(&s->bu_due);
	dl_init(&s->be_due);
	return s;
}

void state6_free(struct state6 *s)
{
	if (!s)
		return;
	tab_free(s->bind);
	tab_free(s->rr);
	dl_clear(&s->bu_due);
	dl_clear(&s->be_due);
	g_free(s);
}

/* Idle past its lifetime at time t (and, for a binding, no binding cache
 * entry in force): dropped by a sweep at t. */
static bool ent_dead(const struct tab6 *t, const struct ent6 *e, double at)
{
	if (t->bind) {
		const struct bind6 *b = (const struct bind6 *)(const void *)e;
		if (b->bce && at <= b->bce_expiry)
			return false;
	}
	return at - e->last_seen > IDLE_EXPIRE;
}

/* Would one of the sweeps 1..n_sweeps (at times up to `at`) have dropped
 * it? Only sweeps after its last touch count; sweep times only grow and
 * ent_dead() stays true once true, so the last of them decides. */
static bool ent_gone(const struct tab6 *t, const struct ent6 *e,
		     uint64_t n_sweeps, double at)
{
	return e->touch < n_sweeps && ent_dead(t, e, at);
}

static void *get(struct tab6 *t, const struct mw_in6 *a, const struct mw_in6 *b,
		 size_t size, bool create, double now)
{
	struct pair k = { *a, *b };
	struct ent6 *e = otab32_get(&t->h, &k);
	if (e && ent_gone(t, e, t->s->n_sweeps, t->s->last_sweep)) {
		wheel_del(&t->wheel, &e->wn);
		otab32_del(&t->h, &k);
		g_free(e);
		e = NULL;
	}
	if (!e && create) {
		e = g_malloc0(size);
		e->key = k;
		otab32_put(&t->h, e);
		wheel_add(&t->wheel, &e->wn, now + IDLE_EXPIRE);
	}
	if (e) {
		e->last_seen = now;
		e->touch = t->s->n_sweeps;
	}
	return e;
}

static bool seq_gt(uint16_t a, uint16_t b)
{
	return (int16_t)(a - b) > 0;
}

struct hdrs {
	int ip6, hao, rh2;
};

static void hdrs_of(const struct mw_packet *p, int upto, struct hdrs *h)
{
	h->ip6 = mw_find_layer(p, MW_L_IP6, upto);
	h->hao = h->rh2 = -1;
	if (h->ip6 < 0)
		return;
	for (int i = h->ip6 + 1; i < p->n_layers; i++) {
		const struct mw_layer *l = &p->layers[i];
		if (l->depth != p->layers[h->ip6].depth || l->kind == MW_L_IP6 ||
		    l->kind == MW_L_IP4)
			break;
		if (l->kind == MW_L_IP6_DST && l->u.ext.hao.present && h->hao < 0)
			h->hao = i;
		if (l->kind == MW_L_IP6_RH && l->u.ext.rh_type == 2 && h->rh2 < 0)
			h->rh2 = i;
	}
}

static int find_opt(const struct mw_packet *p, const struct mw_msg *m, uint8_t t)
{
	for (int i = m->elem_first; i < m->elem_first + m->elem_count; i++)
		if (p->elems[i].depth == 0 && p->elems[i].reg == MW_REG_MH_OPT &&
		    p->elems[i].type == t)
			return i;
	return -1;
}

/* A BU that has been waiting too long for its BA. */
static void judge_unanswered(struct conf *c, struct bind6 *b, bool at_end)
{
	struct conf_node node;
	if (!b->outstanding || b->bu_discard || c->now - b->bu_ts < REPLY_WAIT)
		return;
	(void)at_end;
	node = conf_node6(&b->key.b);
	if (b->bu_home && !b->bu_proxy)
		conf_result(c, RULE("MIP6-HA-BA-ALWAYS"), node, false,
			    "no Binding Acknowledgement to the home registration (sequence %u) within %.0f s",
			    b->bu_seq, REPLY_WAIT);
	else if (!b->bu_home && !b->bu_proxy && b->bu_a)
		conf_result(c, RULE("MIP6-CN-BA-WHEN-A"), node, false,
			    "no Binding Acknowledgement to the Binding Update (A set, sequence %u) within %.0f s",
			    b->bu_seq, REPLY_WAIT);
	b->outstanding = false;
}

static void on_bu(struct conf *c, int mi, const struct hdrs *h)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	const struct mw_mh_bu *bu = &m->u.mh.u.bu;
	const struct mw_ip6 *ip = &p->layers[h->ip6].u.ip6;
	struct mw_in6 hoa = h->hao >= 0 ? p->layers[h->hao].u.ext.hao.hoa : ip->src;
	bool proxy = bu->flags & MW_BU_P;
	int hnp = proxy ? find_opt(p, m, 22) : -1;
	if (hnp >= 0 && p->elems[hnp].len >= 20 &&
	    p->elems[hnp].off + 20 <= p->caplen)
		memcpy(hoa.b, p->data + p->elems[hnp].off + 4, 16);
	struct bind6 *b = get(c->s6->bind, &hoa, &ip->dst, sizeof *b, true, c->now);
	struct conf_node node;
	node = conf_node6(&ip->src);

	bool discard = m->u.mh.csum_ok == 0 || m->u.mh.payload_proto != MW_IPPROTO_NONE ||
		       ip->src.b[0] == 0xff;
	bool retrans = b->have_bu && b->outstanding && bu->lifetime == b->bu_lifetime;
	judge_unanswered(c, b, false);
	if (b->outstanding && !retrans && !b->bu_discard && c->now - b->bu_ts >= 1.0) {
		/* a different Binding Update replaces one that was never answered */
		double keep = b->bu_ts;
		b->bu_ts = c->now - REPLY_WAIT;
		judge_unanswered(c, b, false);
		b->bu_ts = keep;
	}

	/* sender rules */
	if (b->have_bu && !discard) {
		uint16_t base = b->resync ? b->resync_seq : b->bu_seq;
		conf_result(c, RULE("MIP6-BU-SEQ-INCREASE"), node, seq_gt(bu->seq, base),
			    "sequence %u not greater than %u (previous Binding Update%s)",
			    bu->seq, base, b->resync ? " / status 135" : "");
		if (retrans) {
			double iv = c->now - b->bu_ts;
			if (b->retrans_iv > 0 && b->retrans_iv < 32)
				conf_result(c, RULE("MIP6-BU-BACKOFF"), node,
					    iv >= 2 * b->retrans_iv * 0.9,
					    "retransmission after %.2f s, previous timeout %.2f s (expected doubling)",
					    iv, b->retrans_iv);
			b->retrans_iv = iv;
		} else {
			b->retrans_iv = 0;
		}
	}
	double *tr = b->t_rate[MW_MH_BU];
	if (tr[0] > 0)
		conf_result(c, RULE("MIP6-BU-RATE"), node, c->now - tr[0] >= 1.0,
			    "4 Binding Updates to one node within %.3f s", c->now - tr[0]);
	tr[0] = tr[1];
	tr[1] = tr[2];
	tr[2] = c->now;

	/* PMIPv6 re-registration from the same MAG */
	if (proxy && bu->lifetime != 0) {
		int hi = find_opt(p, m, 23);
		if (b->pmip_bound && memcmp(&b->mag, &ip->src, 16) == 0 && hi >= 0 &&
		    p->elems[hi].off + 4 <= p->caplen)
			conf_result(c, RULE("PMIP6-PBU-REREG-HI"), node,
				    p->data[p->elems[hi].off + 3] == 5,
				    "lifetime extension with Handoff Indicator %u, expected 5",
				    p->data[p->elems[hi].off + 3]);
	}

	/* receiver view: is this BU inside the sequence window? */
	b->bu_expect135 = b->have_accepted && b->bce && !seq_gt(bu->seq, b->last_accepted);
	b->have_bu = true;
	b->outstanding = !discard || b->outstanding;
	if (!retrans)
		b->bu_first_ts = c->now;
	b->bu_discard = discard;
	b->bu_hao = h->hao >= 0;
	b->bu_home = bu->flags & MW_BU_H;
	b->bu_r = bu->flags & MW_BU_R;
	b->bu_proxy = proxy;
	b->bu_a = bu->flags & MW_BU_A;
	b->bu_dereg = bu->lifetime == 0;
	b->bu_seq = bu->seq;
	b->bu_lifetime = bu->lifetime;
	b->bu_flags = bu->flags;
	b->bu_src = ip->src;
	b->bu_ts = c->now;
	b->resync = false;
	if (discard)
		b->outstanding = true; /* remember it to catch a wrong BA */
	if (b->outstanding && !b->bu_discard) /* judged by a sweep if unanswered */
		b->bu_serial = dl_push(&c->s6->bu_due, b->bu_ts + REPLY_WAIT,
				       &b->key, sizeof b->key);
}

static void on_ba(struct conf *c, int mi, const struct hdrs *h)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	const struct mw_mh_ba *ba = &m->u.mh.u.ba;
	const struct mw_ip6 *ip = &p->layers[h->ip6].u.ip6;
	struct mw_in6 hoa = h->rh2 >= 0 ? p->layers[h->rh2].u.ext.rh2_addr : ip->dst;
	struct conf_node node;
	node = conf_node6(&ip->src);
	struct bind6 *b = get(c->s6->bind, &hoa, &ip->src, sizeof *b, false, c->now);
	if (!b) {
		/* PMIPv6 (keyed by the home network prefix) or a BA without the
		 * routing header: the BU this node sent to the BA's destination
		 * (several: the latest, then the lowest key; table order is
		 * arbitrary) */
		const struct otab32 *t = &c->s6->bind->h;
		for (size_t i = 0; i < t->cap; i++) {
			struct bind6 *x = t->s[i].v;
			if (!x || ent_gone(c->s6->bind, (struct ent6 *)(void *)x,
					   c->s6->n_sweeps, c->s6->last_sweep))
				continue;   /* expired, not dropped yet */
			if (x->have_bu && memcmp(&x->key.b, &ip->src, 16) == 0 &&
			    memcmp(&x->bu_src, &ip->dst, 16) == 0 && x->bu_seq == ba->seq &&
			    (!b || x->bu_ts > b->bu_ts ||
			     (x->bu_ts == b->bu_ts && memcmp(&x->key, &b->key, sizeof x->key) < 0)))
				b = x;
		}
	}
	if (!b || !b->have_bu)
		return;
	if (ba->status != 135)
		conf_result(c, RULE("MIP6-BA-SEQ"), node, ba->seq == b->bu_seq,
			    "sequence %u, Binding Update had %u", ba->seq, b->bu_seq);
	else if (b->have_accepted)
		conf_result(c, RULE("MIP6-BA-135-SEQ"), node, ba->seq == b->last_accepted,
			    "status 135 with sequence %u, last accepted %u", ba->seq,
			    b->last_accepted);
	if (b->bu_expect135)
		conf_result(c, RULE("MIP6-BA-SEQ-WINDOW"), node, ba->status == 135,
			    "sequence %u not greater than last accepted %u, but status %u",
			    b->bu_seq, b->last_accepted, ba->status);
	else if (b->have_accepted && ba->status < 128)
		conf_pass(c, RULE("MIP6-BA-SEQ-WINDOW"), node);
	if (ba->status < 128)
		conf_result(c, RULE("MIP6-BA-LIFETIME"), node, ba->lifetime <= b->bu_lifetime,
			    "granted Lifetime %u, requested %u (x4 s)", ba->lifetime,
			    b->bu_lifetime);
	conf_result(c, RULE("MIP6-BA-NOT-DISCARDED"), node, !b->bu_discard,
		    "acknowledged a Binding Update that had to be discarded (checksum / Payload Proto)");
	bool dst_ok = memcmp(&ip->dst, &b->bu_src, 16) == 0;
	bool rh_ok = b->bu_hao ? h->rh2 >= 0 : h->rh2 < 0;
	if (!b->bu_proxy)
		conf_result(c, RULE("MIP6-BA-DEST"), node, dst_ok && rh_ok,
			    "BA %s the BU source%s", dst_ok ? "to" : "not to",
			    rh_ok ? "" : (b->bu_hao ? ", without the type 2 routing header"
						    : ", with a type 2 routing header"));
	if (b->bu_home && b->bu_dereg && ba->status < 128 && !b->bu_proxy)
		conf_result(c, RULE("MIP6-BA-DEREG"), node,
			    ba->lifetime == 0 && find_opt(p, m, 2) < 0,
			    "deregistration BA with Lifetime %u%s", ba->lifetime,
			    find_opt(p, m, 2) >= 0 ? " and a Binding Refresh Advice" : "");
	if (ba->flags & MW_BA_R)
		conf_result(c, RULE("NEMO-BA-R"), node, b->bu_r,
			    "Mobile Router flag set, Binding Update did not set it");
	if (b->outstanding && !b->bu_discard) {
		if (b->bu_home && !b->bu_proxy)
			conf_pass(c, RULE("MIP6-HA-BA-ALWAYS"), node);
		else if (!b->bu_home && !b->bu_proxy && b->bu_a)
			conf_pass(c, RULE("MIP6-CN-BA-WHEN-A"), node);
	}
	b->outstanding = false;
	b->retrans_iv = 0;
	if (ba->status < 128 && !b->bu_discard) {
		b->have_accepted = true;
		b->last_accepted = b->bu_seq;
		b->bce = ba->lifetime != 0;
		b->bce_expiry = c->now + 4.0 * ba->lifetime;
		b->coa = b->bu_src;
		if (b->bu_proxy) {
			b->pmip_bound = ba->lifetime != 0;
			b->mag = b->bu_src;
		}
	} else if (ba->status == 135) {
		b->resync = true;
		b->resync_seq = ba->seq;
	}
}

static void on_hao_packet(struct conf *c, const struct hdrs *h, uint8_t next)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_ip6 *ip = &p->layers[h->ip6].u.ip6;
	const struct mw_in6 *hoa = &p->layers[h->hao].u.ext.hao.hoa;
	struct rr6 *r = get(c->s6->rr, &ip->src, &ip->dst, sizeof *r, true, c->now);
	r->have_hao = true;
	r->hao = *hoa;
	r->hao_ts = c->now;
	if (next == 50 || next == 51 || next == MW_IPPROTO_MH)
		return;
	/* without a matching binding the CN must answer with BE status 1 */
	struct bind6 *b = get(c->s6->bind, hoa, &ip->dst, sizeof *b, false, c->now);
	if (!b || !b->have_accepted)
		return;
	bool bound = b->bce && c->now <= b->bce_expiry &&
		     memcmp(&b->coa, &ip->src, 16) == 0;
	if (!bound && !r->be_expected) {
		r->be_expected = true;
		r->be_deadline = c->now + 2.0;
		r->be_serial = dl_push(&c->s6->be_due, r->be_deadline, &r->key,
				       sizeof r->key);
	}
}

static void on_be(struct conf *c, int mi, const struct hdrs *h)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_mh_be *be = &p->msgs[mi].u.mh.u.be;
	const struct mw_ip6 *ip = &p->layers[h->ip6].u.ip6;
	struct conf_node node;
	node = conf_node6(&ip->src);
	struct rr6 *r = get(c->s6->rr, &ip->dst, &ip->src, sizeof *r, false, c->now);
	if (!r)
		return;
	if (be->status == 1 && r->have_hao)
		conf_result(c, RULE("MIP6-BE-HOA"), node,
			    memcmp(&be->hoa, &r->hao, 16) == 0,
			    "Home Address %s, offending packet's HAO %s",
			    conf_ip6(&be->hoa, (char[46]){0}), conf_ip6(&r->hao, (char[46]){0}));
	if (be->status == 1 && r->be_expected) {
		conf_pass(c, RULE("MIP6-BE-AFTER-HAO"), node);
		r->be_expected = false;
	}
}

static void on_rr(struct conf *c, int mi, const struct hdrs *h)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_mh *mh = &p->msgs[mi].u.mh;
	const struct mw_ip6 *ip = &p->layers[h->ip6].u.ip6;
	struct conf_node node;
	if (mh->type == MW_MH_HOTI || mh->type == MW_MH_COTI) {
		struct rr6 *r = get(c->s6->rr, &ip->src, &ip->dst, sizeof *r, true, c->now);
		bool home = mh->type == MW_MH_HOTI;
		uint8_t (*set)[8] = home ? r->hoti : r->coti;
		unsigned *n = home ? &r->n_hoti : &r->n_coti;
		bool reused = false;
		for (unsigned i = 0; i < *n && i < NCOOKIE; i++)
			reused |= memcmp(set[i], mh->u.init.cookie, 8) == 0;
		/* the HoTI reverse-tunnelled to the home agent and the same
		 * HoTI forwarded by it: one message seen twice, not a
		 * retransmission (same cookie, other tunnel depth, < 1 s) */
		uint8_t depth = p->layers[h->ip6].depth;
		if (*n && reused && !memcmp(set[(*n - 1) % NCOOKIE], mh->u.init.cookie, 8) &&
		    depth != r->init_depth[home] && c->now - r->init_ts[home] < 1.0)
			return;
		r->init_depth[home] = depth;
		r->init_ts[home] = c->now;
		node = conf_node6(&ip->src);
		if (*n)
			conf_result(c, RULE("MIP6-RR-NEW-COOKIE"), node, !reused,
				    "%s reuses an earlier cookie", home ? "HoTI" : "CoTI");
		memcpy(set[*n % NCOOKIE], mh->u.init.cookie, 8);
		(*n)++;
		return;
	}
	/* HoT / CoT from the CN to the mobile node */
	struct rr6 *r = get(c->s6->rr, &ip->dst, &ip->src, sizeof *r, false, c->now);
	bool home = mh->type == MW_MH_HOT;
	if (!r || !(home ? r->n_hoti : r->n_coti))
		return;
	uint8_t (*set)[8] = home ? r->hoti : r->coti;
	unsigned n = home ? r->n_hoti : r->n_coti;
	bool found = false;
	for (unsigned i = 0; i < n && i < NCOOKIE; i++)
		found |= memcmp(set[i], mh->u.test.cookie, 8) == 0;
	node = conf_node6(&ip->src);
	conf_result(c, home ? RULE("MIP6-RR-HOT-COOKIE") : RULE("MIP6-RR-COT-COOKIE"), node,
		    found, "%s cookie does not echo any %s cookie", home ? "HoT" : "CoT",
		    home ? "HoTI" : "CoTI");
}

static void on_icmp6(struct conf *c, int mi, const struct hdrs *h)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	const struct mw_layer *l = &p->layers[m->layer];
	const struct mw_ip6 *ip = &p->layers[h->ip6].u.ip6;
	struct conf_node node;
	if (l->kind != MW_L_ICMP6 || l->off + 6 > p->caplen)
		return;
	uint16_t id = mw_load_be16(p->data + l->off + 4);
	static const struct mw_in6 any;
	node = conf_node6(&ip->src);
	switch (l->u.icmp.type) {
	case 144: {
		struct rr6 *r = get(c->s6->rr, &ip->src, &any, sizeof *r, true, c->now);
		r->have_dhaad = true;
		r->dhaad_id = id;
		break;
	}
	case 145: {
		struct rr6 *r = get(c->s6->rr, &ip->dst, &any, sizeof *r, false, c->now);
		if (r && r->have_dhaad)
			conf_result(c, RULE("MIP6-DHAAD-REPLY-ID"), node, r->dhaad_id == id,
				    "Identifier %u, request had %u", id, r->dhaad_id);
		break;
	}
	case 146: {
		if (h->hao < 0)
			break;
		struct rr6 *r = get(c->s6->rr, &p->layers[h->hao].u.ext.hao.hoa, &any,
				    sizeof *r, true, c->now);
		r->have_mps = true;
		r->mps_id = id;
		break;
	}
	case 147: {
		struct mw_in6 mn = h->rh2 >= 0 ? p->layers[h->rh2].u.ext.rh2_addr : ip->dst;
		struct rr6 *r = get(c->s6->rr, &mn, &any, sizeof *r, true, c->now);
		if (r->have_mps) {
			conf_result(c, RULE("MIP6-MPA-ID"), node, r->mps_id == id,
				    "Identifier %u, solicitation had %u", id, r->mps_id);
			r->have_mps = false;
		}
		if (r->last_mpa > 0)
			conf_result(c, RULE("MIP6-MPA-RATE"), node, c->now - r->last_mpa >= 0.999,
				    "two Mobile Prefix Advertisements %.3f s apart",
				    c->now - r->last_mpa);
		r->last_mpa = c->now;
		break;
	}
	default:
		break;
	}
}

/* The wheel reached e: drop it if expired, else check again later. */
static void expire_bind(void *ctx, struct wnode *n)
{
	struct conf *c = ctx;
	struct tab6 *t = c->s6->bind;
	struct bind6 *b = (struct bind6 *)(void *)((char *)n - offsetof(struct bind6, wn));
	double due = b->last_seen + IDLE_EXPIRE;
	if (ent_dead(t, (struct ent6 *)(void *)b, c->now)) {
		otab32_del(&t->h, &b->key);
		g_free(b);
		return;
	}
	if (b->bce && b->bce_expiry > due)
		due = b->bce_expiry;
	wheel_add(&t->wheel, &b->wn, due);
}

static void expire_rr(void *ctx, struct wnode *n)
{
	struct conf *c = ctx;
	struct tab6 *t = c->s6->rr;
	struct rr6 *r = (struct rr6 *)(void *)((char *)n - offsetof(struct rr6, wn));
	if (ent_dead(t, (struct ent6 *)(void *)r, c->now))
	{
		otab32_del(&t->h, &r->key);
		g_free(r);
	}
	else
		wheel_add(&t->wheel, &r->wn, r->last_seen + IDLE_EXPIRE);
}

/* Present at this sweep: not dropped by an earlier one. */
static void *present(struct tab6 *t, const uint8_t *key)
{
	struct ent6 *e = otab32_get(&t->h, key);
	if (e && ent_gone(t, e, t->s->n_sweeps - 1, t->s->prev_sweep))
		return NULL;
	return e;
}

/* Every second of capture time: the deadlines that passed (unanswered
 * BUs, missing Binding Errors), then expiry. Only the entries due are
 * visited (expire.h). */
static void sweep(struct conf *c, bool at_end)
{
	struct state6 *s = c->s6;
	struct dl_item it;
	GArray *later = g_array_new(FALSE, FALSE, sizeof(struct dl_item));
	/* a little slack: the exact test is judge_unanswered's */
	while (dl_pop(&s->bu_due, c->now + 1e-3, &it)) {
		struct bind6 *b = present(s->bind, it.key);
		if (!b || b->bu_serial != it.serial)
			continue;   /* answered, replaced or dropped */
		if (b->outstanding && !b->bu_discard && c->now - b->bu_ts < REPLY_WAIT)
			g_array_append_val(later, it);
		else
			judge_unanswered(c, b, at_end);
	}
	for (unsigned i = 0; i < later->len; i++) {
		struct dl_item *x = &g_array_index(later, struct dl_item, i);
		struct bind6 *b = otab32_get(&s->bind->h, x->key);
		b->bu_serial = dl_push(&s->bu_due, x->due, x->key, sizeof b->key);
	}
	g_array_set_size(later, 0);
	while (dl_pop(&s->be_due, c->now + 1e-3, &it)) {
		struct rr6 *r = present(s->rr, it.key);
		if (!r || r->be_serial != it.serial || !r->be_expected)
			continue;
		if (!(c->now > r->be_deadline)) {
			g_array_append_val(later, it);
			continue;
		}
		conf_result(c, RULE("MIP6-BE-AFTER-HAO"), conf_node6(&r->key.b),
			    false, "no Binding Error for a Home Address option packet without a binding");
		r->be_expected = false;
	}
	for (unsigned i = 0; i < later->len; i++) {
		struct dl_item *x = &g_array_index(later, struct dl_item, i);
		struct rr6 *r = otab32_get(&s->rr->h, x->key);
		r->be_serial = dl_push(&s->be_due, x->due, x->key, sizeof r->key);
	}
	g_array_free(later, TRUE);
	wheel_run(&s->bind->wheel, c->now, expire_bind, c);
	wheel_run(&s->rr->wheel, c->now, expire_rr, c);
}

void state6_packet(struct conf *c)
{
	const struct mw_packet *p = c->pkt;
	struct state6 *s = c->s6;
	if (c->now - s->last_sweep > 1) {
		s->prev_sweep = s->last_sweep;
		s->last_sweep = c->now;
		s->n_sweeps++;
		sweep(c, false);
	}
	bool mh = false;
	for (int i = 0; i < p->n_msgs; i++) {
		const struct mw_msg *m = &p->msgs[i];
		struct hdrs h;
		hdrs_of(p, m->layer, &h);
		if (h.ip6 < 0)
			continue;
		if (m->kind == MW_MSG_MH && m->status != MW_E_TRUNC) {
			mh = true;
			switch (m->u.mh.type) {
			case MW_MH_BU: on_bu(c, i, &h); break;
			case MW_MH_BA: on_ba(c, i, &h); break;
			case MW_MH_BE: on_be(c, i, &h); break;
			case MW_MH_HOTI: case MW_MH_COTI: case MW_MH_HOT: case MW_MH_COT:
				on_rr(c, i, &h); break;
			default: break;
			}
		} else if (m->kind == MW_MSG_ICMP6) {
			on_icmp6(c, i, &h);
		}
	}
	if (mh)
		return;
	/* any other packet with a Home Address option */
	for (int i = 0; i < p->n_layers; i++)
		if (p->layers[i].kind == MW_L_IP6_DST && p->layers[i].u.ext.hao.present) {
			struct hdrs h;
			hdrs_of(p, i, &h);
			if (h.ip6 >= 0 && h.hao >= 0)
				on_hao_packet(c, &h, p->layers[i].u.ext.next);
			break;
		}
}

void state6_finish(struct conf *c)
{
	c->s6->prev_sweep = c->s6->last_sweep;
	c->s6->last_sweep = c->now;
	c->s6->n_sweeps++;
	sweep(c, true);
}
