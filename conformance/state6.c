/* Stateful Mobile IPv6 rules (RFC 6275 6, 9-11), NEMO (RFC 3963) and
 * PMIPv6 (RFC 5213): BU/BA exchanges by sequence number (mod 2^16),
 * retransmissions, return routability cookies, Binding Errors, DHAAD and
 * mobile prefix discovery. Keyed by (home address, peer); idle entries
 * are dropped.
 *
 * Cost (it runs on every packet): a packet without an IPv6 header leaves
 * after a look at its layer kinds. A binding is one 128-byte record kept
 * in its hash slot (on huge pages), so a BU or a BA reads one aligned pair
 * of cache lines and follows no pointer; a BA cancels its BU's deadline
 * while that is still hot, so a sweep only comes back to the BUs left
 * unanswered, and no sweep walks the tables. */
#include <stddef.h>
#include <string.h>

#include <glib.h>

#include "conf.h"
#include "expire.h"
#include "bigmem.h"
#include "otab.h"

/* The rules this file checks, by local number (struct conf_rules). */
#define S6_RULES(X) \
	X(MIP6_HA_BA_ALWAYS, "MIP6-HA-BA-ALWAYS") \
	X(MIP6_CN_BA_WHEN_A, "MIP6-CN-BA-WHEN-A") \
	X(MIP6_BU_SEQ_INCREASE, "MIP6-BU-SEQ-INCREASE") \
	X(MIP6_BU_BACKOFF, "MIP6-BU-BACKOFF") \
	X(MIP6_BU_RATE, "MIP6-BU-RATE") \
	X(PMIP6_PBU_REREG_HI, "PMIP6-PBU-REREG-HI") \
	X(MIP6_BA_SEQ, "MIP6-BA-SEQ") \
	X(MIP6_BA_135_SEQ, "MIP6-BA-135-SEQ") \
	X(MIP6_BA_SEQ_WINDOW, "MIP6-BA-SEQ-WINDOW") \
	X(MIP6_BA_LIFETIME, "MIP6-BA-LIFETIME") \
	X(MIP6_BA_NOT_DISCARDED, "MIP6-BA-NOT-DISCARDED") \
	X(MIP6_BA_DEST, "MIP6-BA-DEST") \
	X(MIP6_BA_DEREG, "MIP6-BA-DEREG") \
	X(NEMO_BA_R, "NEMO-BA-R") \
	X(MIP6_BE_HOA, "MIP6-BE-HOA") \
	X(MIP6_BE_AFTER_HAO, "MIP6-BE-AFTER-HAO") \
	X(MIP6_RR_NEW_COOKIE, "MIP6-RR-NEW-COOKIE") \
	X(MIP6_RR_HOT_COOKIE, "MIP6-RR-HOT-COOKIE") \
	X(MIP6_RR_COT_COOKIE, "MIP6-RR-COT-COOKIE") \
	X(MIP6_DHAAD_REPLY_ID, "MIP6-DHAAD-REPLY-ID") \
	X(MIP6_MPA_ID, "MIP6-MPA-ID") \
	X(MIP6_MPA_RATE, "MIP6-MPA-RATE")
CONF_RULE_TABLE(S6_RULES, s6_rules);
#define R6(n) conf_rule_at(&s6_rules, CR_##n)

#define IDLE_EXPIRE 600.0
#define REPLY_WAIT 5.0      /* s before a missing BA counts as missing */
#define NCOOKIE 4
#define CLEAN_EVERY 8       /* clean up after at least cap / this new entries */
#define CANCEL_DEPTH 4      /* how far back from the newest a BA looks for its BU's deadline */

struct pair { struct mw_in6 a, b; };

/* The head every entry starts with. */
struct ent6 {
	struct pair key;
	double last_seen;
	uint64_t touch;           /* 1 + sweeps done when last_seen was set; 0: free slot */
};

/* What the last Binding Update said (set at once, one byte). */
struct bu_bits {
	bool discard : 1, hao : 1, home : 1, r : 1, proxy : 1, a : 1, dereg : 1;
	bool expect135 : 1;       /* receiver view: inside the sequence window? */
};

struct bind6 {               /* key: (home address, peer); one aligned pair of lines */
	struct ent6 e;
	struct bu_bits bu;
	bool have_bu : 1, outstanding : 1;
	/* receiver view */
	bool have_accepted : 1, bce : 1;
	bool resync : 1;          /* a 135 told the MN the last accepted seq */
	bool pmip_bound : 1;
	/* the accepted CoA / MAG is bu_src (else in struct bind6_aux) */
	bool coa_src : 1, mag_src : 1;
	uint16_t bu_seq, bu_lifetime, last_accepted, resync_seq;
	uint64_t bu_serial;       /* deadline of the outstanding BU (struct dq) */
	double bu_ts;             /* time of the last BU */
	double rate[2];           /* times of the two BUs before it */
	double retrans_iv;
	double bce_expiry;
	struct mw_in6 bu_src;
};
G_STATIC_ASSERT(sizeof(struct bind6) == 128);

/* What a BU or a BA rarely reads, beside the slot's record. */
struct bind6_aux {
	struct mw_in6 coa, mag;   /* unless coa_src / mag_src */
};

struct rr6 {                 /* key: (mobile node address, CN) */
	struct ent6 e;
	uint64_t be_serial;       /* deadline of the expected Binding Error */
	uint8_t hoti[NCOOKIE][8], coti[NCOOKIE][8];
	unsigned n_hoti, n_coti;
	uint8_t init_depth[2];   /* tunnel depth of the last HoTI / CoTI */
	double init_ts[2];
	/* last packet with a Home Address option (mobile node -> CN) */
	bool have_hao;
	struct mw_in6 hao;
	bool be_expected;
	double be_deadline;
	/* DHAAD / MPS */
	bool have_dhaad, have_mps;
	uint16_t dhaad_id, mps_id;
	double last_mpa;
};

/* Deadlines in the order one expire.h heap would pop them, (due, serial):
 * an item due no earlier than the newest (the usual case: due = now + a
 * constant) is appended to a ring, the others go to the heap, and a pop
 * takes the earlier of the two fronts. The newest items wait in a small
 * hot stage before the ring: most are cancelled there (a BU's deadline by
 * its BA, one packet later) and never cost the ring a cache line. A
 * cancelled ring item (serial 0) is dropped unseen. */
#define DQ_STAGE 4

struct dq {
	struct dl_item *ring;
	size_t cap, head, len;
	struct dl_item stage[DQ_STAGE]; /* after the ring's items */
	unsigned n_stage;
	struct deadlines late;    /* its counter numbers the ring's items too */
};

static void dq_init(struct dq *q)
{
	memset(q, 0, sizeof *q);
	q->cap = 64;
	q->ring = g_new(struct dl_item, q->cap);
	dl_init(&q->late);
}

static void dq_clear(struct dq *q)
{
	g_free(q->ring);
	dl_clear(&q->late);
}

static struct dl_item *dq_at(const struct dq *q, size_t i)
{
	return &q->ring[(q->head + i) & (q->cap - 1)];
}

/* Move the staged items to the ring. */
static void dq_flush(struct dq *q)
{
	if (q->len + q->n_stage > q->cap) {
		size_t cap = 2 * q->cap;
		while (q->len + q->n_stage > cap)
			cap *= 2;
		struct dl_item *r = g_new(struct dl_item, cap);
		for (size_t i = 0; i < q->len; i++)
			r[i] = *dq_at(q, i);
		g_free(q->ring);
		q->ring = r;
		q->head = 0;
		q->cap = cap;
	}
	for (unsigned i = 0; i < q->n_stage; i++)
		*dq_at(q, q->len++) = q->stage[i];
	q->n_stage = 0;
}

static uint64_t dq_push(struct dq *q, double due, const struct pair *key)
{
	const struct dl_item *newest = q->n_stage ? &q->stage[q->n_stage - 1]
				     : q->len ? dq_at(q, q->len - 1) : NULL;
	if (newest && due < newest->due)
		return dl_push(&q->late, due, key, sizeof *key);
	if (q->n_stage == DQ_STAGE)
		dq_flush(q);
	struct dl_item *it = &q->stage[q->n_stage++];
	it->due = due;
	it->serial = ++q->late.serial;
	memcpy(it->key, key, sizeof *key);
	return it->serial;
}

static bool dl_before(const struct dl_item *a, const struct dl_item *b)
{
	return a->due < b->due || (a->due == b->due && a->serial < b->serial);
}

/* Pop the earliest live item if it is due at or before `now`. */
static bool dq_pop(struct dq *q, double now, struct dl_item *out)
{
	dq_flush(q);
	for (;;) {
		const struct dl_item *r = q->len ? dq_at(q, 0) : NULL;
		const struct dl_item *h = q->late.h->len ? (const struct dl_item *)(void *)q->late.h->data
							  : NULL;
		if (h && (!r || dl_before(h, r)))
			return dl_pop(&q->late, now, out);
		if (!r || r->due > now)
			return false;
		*out = *r;
		q->head = (q->head + 1) & (q->cap - 1);
		q->len--;
		if (out->serial)
			return true;
	}
}

/* Drop item `serial` unseen if it is among the newest few (where a BA
 * finds its BU's); elsewhere it stays and its pop finds it answered. */
static void dq_cancel(struct dq *q, uint64_t serial)
{
	for (unsigned k = q->n_stage; k-- > 0;)
		if (q->stage[k].serial == serial) {
			for (q->n_stage--; k < q->n_stage; k++)
				q->stage[k] = q->stage[k + 1];
			return;
		}
	for (size_t k = 1; k <= q->len && k <= CANCEL_DEPTH; k++) {
		struct dl_item *it = dq_at(q, q->len - k);
		if (it->serial == serial) {
			it->serial = 0;
			return;
		}
	}
}

struct state6;

/* Entries of one kind stored in their hash slots (open addressing, linear
 * probing, at most half full, backward-shift deletion, free slots all
 * zero), with optional side data per slot. Records move when a slot is
 * freed or the table grows: no pointer to one is kept across that. */
struct tab6 {
	char *rec, *aux;
	struct bigmem mem;        /* both */
	size_t size, aux_size;    /* bytes per record / per side record */
	size_t cap, n;
	size_t fresh;             /* entries made since the last clean-up */
	bool bind;                /* struct bind6 (else struct rr6) */
	const struct state6 *s;
};

struct state6 {
	struct tab6 *bind, *rr;
	double last_sweep, prev_sweep;
	uint64_t n_sweeps;
	struct dq bu_due;         /* outstanding BUs: REPLY_WAIT after bu_ts */
	struct dq be_due;         /* expected Binding Errors: be_deadline */
	GArray *later;            /* struct dl_item: popped a little early */
};

static struct ent6 *rec_at(const struct tab6 *t, size_t i)
{
	return (struct ent6 *)(void *)(t->rec + i * t->size);
}

static void *aux_at(const struct tab6 *t, size_t i)
{
	return t->aux + i * t->aux_size;
}

static size_t slot_of(const struct tab6 *t, const void *e)
{
	return (size_t)((const char *)e - t->rec) / t->size;
}

/* One zeroed block for the records and side records (on huge pages:
 * bigmem.h). */
static void tab_alloc(struct tab6 *t, size_t cap)
{
	t->cap = cap;
	t->rec = bigmem_alloc(&t->mem, cap * (t->size + t->aux_size));
	t->aux = t->rec + cap * t->size;
}

static struct tab6 *tab_new(const struct state6 *s, bool bind, size_t size, size_t aux_size)
{
	struct tab6 *t = g_new0(struct tab6, 1);
	t->size = size;
	t->aux_size = aux_size;
	t->bind = bind;
	t->s = s;
	tab_alloc(t, 256);
	return t;
}

static void tab_free(struct tab6 *t)
{
	bigmem_free(&t->mem);
	g_free(t);
}

/* The slot holding the key, else the free slot ending its probe run. */
static size_t tab_slot(const struct tab6 *t, const struct pair *k, uint64_t h)
{
	size_t m = t->cap - 1;
	for (size_t i = h & m;; i = (i + 1) & m) {
		const struct ent6 *e = rec_at(t, i);
		if (!e->touch || memcmp(&e->key, k, sizeof *k) == 0)
			return i;
	}
}

static void tab_move(struct tab6 *t, size_t to, size_t from)
{
	memcpy(rec_at(t, to), rec_at(t, from), t->size);
	if (t->aux_size)
		memcpy(aux_at(t, to), aux_at(t, from), t->aux_size);
}

static void tab_grow(struct tab6 *t)
{
	struct tab6 old = *t;
	tab_alloc(t, 2 * old.cap);
	for (size_t i = 0; i < old.cap; i++) {
		const struct ent6 *e = rec_at(&old, i);
		if (!e->touch)
			continue;
		size_t j = tab_slot(t, &e->key, otab32_hash(&e->key));
		memcpy(rec_at(t, j), e, t->size);
		if (t->aux_size)
			memcpy(aux_at(t, j), aux_at(&old, i), t->aux_size);
	}
	bigmem_free(&old.mem);
}

/* Free slot k: move back every later entry of the run that may. */
static void tab_del(struct tab6 *t, size_t k)
{
	size_t m = t->cap - 1;
	for (size_t j = (k + 1) & m; rec_at(t, j)->touch; j = (j + 1) & m) {
		size_t h = (size_t)otab32_hash(&rec_at(t, j)->key) & m;
		if (((j - h) & m) >= ((j - k) & m)) {
			tab_move(t, k, j);
			k = j;
		}
	}
	memset(rec_at(t, k), 0, t->size);
	if (t->aux_size)
		memset(aux_at(t, k), 0, t->aux_size);
	t->n--;
}

struct state6 *state6_new(void)
{
	struct state6 *s = g_new0(struct state6, 1);
	conf_rules_init(&s6_rules, s6_rules_ids, G_N_ELEMENTS(s6_rules_ids));
	s->bind = tab_new(s, true, sizeof(struct bind6), sizeof(struct bind6_aux));
	s->rr = tab_new(s, false, sizeof(struct rr6), 0);
	dq_init(&s->bu_due);
	dq_init(&s->be_due);
	s->later = g_array_new(FALSE, FALSE, sizeof(struct dl_item));
	return s;
}

void state6_free(struct state6 *s)
{
	if (!s)
		return;
	tab_free(s->bind);
	tab_free(s->rr);
	dq_clear(&s->bu_due);
	dq_clear(&s->be_due);
	g_array_free(s->later, TRUE);
	g_free(s);
}

/* Idle past its lifetime at time t (and, for a binding, no binding cache
 * entry in force): dropped by a sweep at t. */
static bool ent_dead(const struct tab6 *t, const struct ent6 *e, double at)
{
	if (!(at - e->last_seen > IDLE_EXPIRE))
		return false;   /* (first: a binding's second line is rarely read) */
	const struct bind6 *b = (const struct bind6 *)(const void *)e;
	return !(t->bind && b->bce && at <= b->bce_expiry);
}

/* Would one of the sweeps 1..n_sweeps (at times up to `at`) have dropped
 * it? Only sweeps after its last touch count; sweep times only grow and
 * ent_dead() stays true once true, so the last of them decides. So when
 * a dead entry actually leaves the table does not matter. */
static bool ent_gone(const struct tab6 *t, const struct ent6 *e,
		     uint64_t n_sweeps, double at)
{
	return e->touch <= n_sweeps && ent_dead(t, e, at);
}

/* Drop the dead entries (any time will do: see ent_gone()). Done when the
 * table would grow, if enough entries were made since the last time for
 * the walk to pay: the memory stays that of the live entries, and no
 * sweep walks the tables. */
static void tab_clean(struct tab6 *t)
{
	const struct state6 *s = t->s;
	for (size_t i = 0; i < t->cap;) {
		const struct ent6 *e = rec_at(t, i);
		if (e->touch && ent_gone(t, e, s->n_sweeps, s->last_sweep))
			tab_del(t, i);   /* a later entry may move in: look again */
		else
			i++;
	}
	t->fresh = 0;
}

/* get() of a key that is absent or gone: NULL, or a new entry in slot i. */
static __attribute__((noinline)) struct ent6 *get_new(struct tab6 *t, const struct pair *k,
						     uint64_t h, size_t i, bool create)
{
	struct ent6 *e = rec_at(t, i);
	if (e->touch) {          /* gone */
		if (!create) {
			tab_del(t, i);
			return NULL;
		}
		/* dropped and made anew */
		memset(e, 0, t->size);
		if (t->aux_size)
			memset(aux_at(t, i), 0, t->aux_size);
	} else {
		if (!create)
			return NULL;
		if (2 * (t->n + 1) > t->cap) {
			if (t->fresh >= t->cap / CLEAN_EVERY)
				tab_clean(t);
			if (2 * (t->n + 1) > t->cap)
				tab_grow(t);
			e = rec_at(t, tab_slot(t, k, h));
		}
		t->n++;
		t->fresh++;
	}
	e->key = *k;
	return e;
}

static void *get(struct tab6 *t, const struct mw_in6 *a, const struct mw_in6 *b,
		 bool create, double now)
{
	struct pair k = { *a, *b };
	uint64_t h = otab32_hash(&k);
	/* the second line of the record likely there, while the first comes */
	__builtin_prefetch(t->rec + (h & (t->cap - 1)) * t->size + 64, 1);
	size_t i = tab_slot(t, &k, h);
	struct ent6 *e = rec_at(t, i);
	if (!e->touch || ent_gone(t, e, t->s->n_sweeps, t->s->last_sweep)) {
		e = get_new(t, &k, h, i, create);
		if (!e)
			return NULL;
	}
	e->last_seen = now;
	e->touch = t->s->n_sweeps + 1;
	return e;
}

/* Present at this sweep: not dropped by an earlier one. */
static void *present(const struct tab6 *t, const void *key)
{
	struct ent6 *e = rec_at(t, tab_slot(t, key, otab32_hash(key)));
	if (!e->touch || ent_gone(t, e, t->s->n_sweeps - 1, t->s->prev_sweep))
		return NULL;
	return e;
}

/* The accepted CoA and MAG, kept as "the BU's source" while they are. */
static struct bind6_aux *bind_aux(const struct tab6 *t, const struct bind6 *b)
{
	return aux_at(t, slot_of(t, b));
}

static const struct mw_in6 *bind_coa(const struct tab6 *t, const struct bind6 *b)
{
	return b->coa_src ? &b->bu_src : &bind_aux(t, b)->coa;
}

static const struct mw_in6 *bind_mag(const struct tab6 *t, const struct bind6 *b)
{
	return b->mag_src ? &b->bu_src : &bind_aux(t, b)->mag;
}

static void set_bu_src(const struct tab6 *t, struct bind6 *b, const struct mw_in6 *src)
{
	if (memcmp(&b->bu_src, src, sizeof *src) == 0)
		return;
	if (b->coa_src || b->mag_src) {
		struct bind6_aux *x = bind_aux(t, b);
		if (b->coa_src)
			x->coa = b->bu_src;
		if (b->mag_src)
			x->mag = b->bu_src;
		b->coa_src = b->mag_src = false;
	}
	b->bu_src = *src;
}

static bool seq_gt(uint16_t a, uint16_t b)
{
	return (int16_t)(a - b) > 0;
}

struct hdrs {
	int ip6, hao, rh2;
};

/* The IPv6 header closest before layer `upto` (as mw_find_layer(), here
 * without a call: it runs on every IPv6 packet) and its Home Address
 * option and type 2 routing header. */
static void hdrs_of(const struct mw_packet *p, int upto, struct hdrs *h)
{
	const struct mw_layer *l = p->layers;
	int n = p->n_layers, i = upto < n ? upto : n - 1;
	while (i >= 0 && l[i].kind != MW_L_IP6)
		i--;
	h->ip6 = i;
	h->hao = h->rh2 = -1;
	if (i < 0)
		return;
	for (int j = i + 1; j < n && l[j].depth == l[i].depth; j++) {
		if (l[j].kind == MW_L_IP6_DST) {
			if (l[j].u.ext.hao.present && h->hao < 0)
				h->hao = j;
		} else if (l[j].kind == MW_L_IP6_RH) {
			if (l[j].u.ext.rh_type == MW_RH_TYPE2 && h->rh2 < 0)
				h->rh2 = j;
		} else if (l[j].kind == MW_L_IP6 || l[j].kind == MW_L_IP4) {
			break;
		}
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
	if (!b->outstanding || b->bu.discard || c->now - b->bu_ts < REPLY_WAIT)
		return;
	(void)at_end;
	node = conf_node6(&b->e.key.b);
	if (b->bu.home && !b->bu.proxy)
		conf_result_uncut(c, R6(MIP6_HA_BA_ALWAYS), node, false, b->bu_ts,
			    "no Binding Acknowledgement to the home registration (sequence %u, sent %.3f s before this frame) within %.0f s",
			    b->bu_seq, c->now - b->bu_ts, REPLY_WAIT);
	else if (!b->bu.home && !b->bu.proxy && b->bu.a)
		conf_result_uncut(c, R6(MIP6_CN_BA_WHEN_A), node, false, b->bu_ts,
			    "no Binding Acknowledgement to the Binding Update (A set, sequence %u, sent %.3f s before this frame) within %.0f s",
			    b->bu_seq, c->now - b->bu_ts, REPLY_WAIT);
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
	struct tab6 *t = c->s6->bind;
	struct bind6 *b = get(t, &hoa, &ip->dst, true, c->now);
	/* (the judgements of other nodes below come before its passes) */
	struct conf_acc acc = conf_acc_of(conf_node6(&ip->src), &s6_rules), *node = &acc;

	bool discard = m->u.mh.csum_ok == 0 || m->u.mh.payload_proto != MW_IPPROTO_NONE ||
		       ip->src.b[0] == 0xff;
	bool retrans = b->have_bu && b->outstanding && bu->lifetime == b->bu_lifetime;
	judge_unanswered(c, b, false);
	if (b->outstanding && !retrans && !b->bu.discard && c->now - b->bu_ts >= 1.0) {
		/* a different Binding Update replaces one that was never answered */
		double keep = b->bu_ts;
		b->bu_ts = c->now - REPLY_WAIT;
		judge_unanswered(c, b, false);
		b->bu_ts = keep;
	}

	/* sender rules */
	if (b->have_bu && !discard) {
		uint16_t base = b->resync ? b->resync_seq : b->bu_seq;
		conf_result(c, R6(MIP6_BU_SEQ_INCREASE), node, seq_gt(bu->seq, base),
			    "sequence %u not greater than %u (previous Binding Update%s)",
			    bu->seq, base, b->resync ? " / status 135" : "");
		double iv;
		if (retrans && conf_since(c, b->bu_ts, &iv)) {
			if (b->retrans_iv > 0 && b->retrans_iv < 32)
				conf_result(c, R6(MIP6_BU_BACKOFF), node,
					    iv >= 2 * b->retrans_iv * 0.9,
					    "retransmission after %.2f s, previous timeout %.2f s (expected doubling)",
					    iv, b->retrans_iv);
			b->retrans_iv = iv;
		} else {
			b->retrans_iv = 0;
		}
	}
	/* rate limit: the times of the last three BUs (rate[0], rate[1], bu_ts) */
	double within;
	if (b->rate[0] > 0 && conf_since(c, b->rate[0], &within))
		conf_result(c, R6(MIP6_BU_RATE), node, within >= 1.0,
			    "4 Binding Updates to one node within %.3f s", within);
	b->rate[0] = b->rate[1];
	b->rate[1] = b->bu_ts;

	/* PMIPv6 re-registration from the same MAG */
	if (proxy && bu->lifetime != 0) {
		int hi = find_opt(p, m, 23);
		if (b->pmip_bound && memcmp(bind_mag(t, b), &ip->src, 16) == 0 && hi >= 0 &&
		    p->elems[hi].off + 4 <= p->caplen)
			conf_result(c, R6(PMIP6_PBU_REREG_HI), node,
				    p->data[p->elems[hi].off + 3] == 5,
				    "lifetime extension with Handoff Indicator %u, expected 5",
				    p->data[p->elems[hi].off + 3]);
	}

	b->bu = (struct bu_bits){
		.discard = discard,
		.hao = h->hao >= 0,
		.home = bu->flags & MW_BU_H,
		.r = bu->flags & MW_BU_R,
		.proxy = proxy,
		.a = bu->flags & MW_BU_A,
		.dereg = bu->lifetime == 0,
		/* receiver view: is this BU inside the sequence window? */
		.expect135 = b->have_accepted && b->bce && !seq_gt(bu->seq, b->last_accepted),
	};
	b->have_bu = true;
	/* outstanding; a discarded one too, to catch a wrong BA */
	b->outstanding = true;
	b->bu_seq = bu->seq;
	b->bu_lifetime = bu->lifetime;
	set_bu_src(t, b, &ip->src);
	b->bu_ts = c->now;
	b->resync = false;
	if (!discard) /* judged by a sweep if unanswered */
		b->bu_serial = dq_push(&c->s6->bu_due, b->bu_ts + REPLY_WAIT, &b->e.key);
	conf_acc_end(c, &acc);
}

static void on_ba(struct conf *c, int mi, const struct hdrs *h)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = &p->msgs[mi];
	const struct mw_mh_ba *ba = &m->u.mh.u.ba;
	const struct mw_ip6 *ip = &p->layers[h->ip6].u.ip6;
	struct mw_in6 hoa = h->rh2 >= 0 ? p->layers[h->rh2].u.ext.rh2_addr : ip->dst;
	struct conf_acc acc = conf_acc_of(conf_node6(&ip->src), &s6_rules), *node = &acc;
	struct tab6 *t = c->s6->bind;
	struct bind6 *b = get(t, &hoa, &ip->src, false, c->now);
	if (!b) {
		/* PMIPv6 (keyed by the home network prefix) or a BA without the
		 * routing header: the BU this node sent to the BA's destination
		 * (several: the latest, then the lowest key; table order is
		 * arbitrary) */
		for (size_t i = 0; i < t->cap; i++) {
			struct bind6 *x = (struct bind6 *)(void *)rec_at(t, i);
			if (!x->e.touch || ent_gone(t, &x->e, c->s6->n_sweeps, c->s6->last_sweep))
				continue;   /* free, or expired and not dropped yet */
			if (x->have_bu && memcmp(&x->e.key.b, &ip->src, 16) == 0 &&
			    memcmp(&x->bu_src, &ip->dst, 16) == 0 && x->bu_seq == ba->seq &&
			    (!b || x->bu_ts > b->bu_ts ||
			     (x->bu_ts == b->bu_ts && memcmp(&x->e.key, &b->e.key, sizeof x->e.key) < 0)))
				b = x;
		}
	}
	if (!b || !b->have_bu)
		return;
	if (ba->status != MW_BA_SEQ_OUT_OF_WINDOW)
		conf_result_uncut(c, R6(MIP6_BA_SEQ), node, ba->seq == b->bu_seq, b->bu_ts,
			    "sequence %u, Binding Update had %u", ba->seq, b->bu_seq);
	else if (b->have_accepted)
		conf_result(c, R6(MIP6_BA_135_SEQ), node, ba->seq == b->last_accepted,
			    "status 135 with sequence %u, last accepted %u", ba->seq,
			    b->last_accepted);
	if (b->bu.expect135)
		conf_result(c, R6(MIP6_BA_SEQ_WINDOW), node, ba->status == MW_BA_SEQ_OUT_OF_WINDOW,
			    "sequence %u not greater than last accepted %u, but status %u",
			    b->bu_seq, b->last_accepted, ba->status);
	else if (b->have_accepted && ba->status < 128)
		conf_pass(c, R6(MIP6_BA_SEQ_WINDOW), node);
	if (ba->status < 128)
		conf_result(c, R6(MIP6_BA_LIFETIME), node, ba->lifetime <= b->bu_lifetime,
			    "granted Lifetime %u, requested %u (x4 s)", ba->lifetime,
			    b->bu_lifetime);
	conf_result(c, R6(MIP6_BA_NOT_DISCARDED), node, !b->bu.discard,
		    "acknowledged a Binding Update that had to be discarded (checksum / Payload Proto)");
	bool dst_ok = memcmp(&ip->dst, &b->bu_src, 16) == 0;
	bool rh_ok = b->bu.hao ? h->rh2 >= 0 : h->rh2 < 0;
	if (!b->bu.proxy)
		conf_result(c, R6(MIP6_BA_DEST), node, dst_ok && rh_ok,
			    "BA %s the BU source%s", dst_ok ? "to" : "not to",
			    rh_ok ? "" : (b->bu.hao ? ", without the type 2 routing header"
						    : ", with a type 2 routing header"));
	if (b->bu.home && b->bu.dereg && ba->status < 128 && !b->bu.proxy)
		conf_result(c, R6(MIP6_BA_DEREG), node,
			    ba->lifetime == 0 && find_opt(p, m, 2) < 0,
			    "deregistration BA with Lifetime %u%s", ba->lifetime,
			    find_opt(p, m, 2) >= 0 ? " and a Binding Refresh Advice" : "");
	if (ba->flags & MW_BA_R)
		conf_result(c, R6(NEMO_BA_R), node, b->bu.r,
			    "Mobile Router flag set, Binding Update did not set it");
	if (b->outstanding && !b->bu.discard) {
		if (b->bu.home && !b->bu.proxy)
			conf_pass(c, R6(MIP6_HA_BA_ALWAYS), node);
		else if (!b->bu.home && !b->bu.proxy && b->bu.a)
			conf_pass(c, R6(MIP6_CN_BA_WHEN_A), node);
	}
	/* answered: its deadline would find nothing to judge */
	b->outstanding = false;
	dq_cancel(&c->s6->bu_due, b->bu_serial);
	b->retrans_iv = 0;
	if (ba->status < 128 && !b->bu.discard) {
		b->have_accepted = true;
		b->last_accepted = b->bu_seq;
		b->bce = ba->lifetime != 0;
		b->bce_expiry = c->now + 4.0 * ba->lifetime;
		b->coa_src = true;
		if (b->bu.proxy) {
			b->pmip_bound = ba->lifetime != 0;
			b->mag_src = true;
		}
	} else if (ba->status == MW_BA_SEQ_OUT_OF_WINDOW) {
		b->resync = true;
		b->resync_seq = ba->seq;
	}
	conf_acc_end(c, &acc);
}

static void on_hao_packet(struct conf *c, const struct hdrs *h, uint8_t next)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_ip6 *ip = &p->layers[h->ip6].u.ip6;
	const struct mw_in6 *hoa = &p->layers[h->hao].u.ext.hao.hoa;
	struct rr6 *r = get(c->s6->rr, &ip->src, &ip->dst, true, c->now);
	r->have_hao = true;
	r->hao = *hoa;
	if (next == 50 || next == 51 || next == MW_IPPROTO_MH)
		return;
	/* without a matching binding the CN must answer with BE status 1 */
	struct tab6 *t = c->s6->bind;
	struct bind6 *b = get(t, hoa, &ip->dst, false, c->now);
	if (!b || !b->have_accepted)
		return;
	bool bound = b->bce && c->now <= b->bce_expiry &&
		     memcmp(bind_coa(t, b), &ip->src, 16) == 0;
	if (!bound && !r->be_expected) {
		r->be_expected = true;
		r->be_deadline = c->now + 2.0;
		r->be_serial = dq_push(&c->s6->be_due, r->be_deadline, &r->e.key);
	}
}

static void on_be(struct conf *c, int mi, const struct hdrs *h)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_mh_be *be = &p->msgs[mi].u.mh.u.be;
	const struct mw_ip6 *ip = &p->layers[h->ip6].u.ip6;
	struct conf_node node;
	node = conf_node6(&ip->src);
	struct rr6 *r = get(c->s6->rr, &ip->dst, &ip->src, false, c->now);
	if (!r)
		return;
	if (be->status == MW_BE_UNKNOWN_HAO && r->have_hao)
		conf_result(c, R6(MIP6_BE_HOA), node,
			    memcmp(&be->hoa, &r->hao, 16) == 0,
			    "Home Address %s, offending packet's HAO %s",
			    conf_ip6(&be->hoa, (char[46]){0}), conf_ip6(&r->hao, (char[46]){0}));
	if (be->status == MW_BE_UNKNOWN_HAO && r->be_expected) {
		conf_pass(c, R6(MIP6_BE_AFTER_HAO), node);
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
		struct rr6 *r = get(c->s6->rr, &ip->src, &ip->dst, true, c->now);
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
			conf_result(c, R6(MIP6_RR_NEW_COOKIE), node, !reused,
				    "%s reuses an earlier cookie", home ? "HoTI" : "CoTI");
		memcpy(set[*n % NCOOKIE], mh->u.init.cookie, 8);
		(*n)++;
		return;
	}
	/* HoT / CoT from the CN to the mobile node */
	struct rr6 *r = get(c->s6->rr, &ip->dst, &ip->src, false, c->now);
	bool home = mh->type == MW_MH_HOT;
	if (!r || !(home ? r->n_hoti : r->n_coti))
		return;
	uint8_t (*set)[8] = home ? r->hoti : r->coti;
	unsigned n = home ? r->n_hoti : r->n_coti;
	bool found = false;
	for (unsigned i = 0; i < n && i < NCOOKIE; i++)
		found |= memcmp(set[i], mh->u.test.cookie, 8) == 0;
	node = conf_node6(&ip->src);
	conf_result(c, home ? R6(MIP6_RR_HOT_COOKIE) : R6(MIP6_RR_COT_COOKIE), node,
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
	case MW_ICMP6_DHAAD_REQ: {
		struct rr6 *r = get(c->s6->rr, &ip->src, &any, true, c->now);
		r->have_dhaad = true;
		r->dhaad_id = id;
		break;
	}
	case MW_ICMP6_DHAAD_REP: {
		struct rr6 *r = get(c->s6->rr, &ip->dst, &any, false, c->now);
		if (r && r->have_dhaad)
			conf_result(c, R6(MIP6_DHAAD_REPLY_ID), node, r->dhaad_id == id,
				    "Identifier %u, request had %u", id, r->dhaad_id);
		break;
	}
	case MW_ICMP6_MPS: {
		if (h->hao < 0)
			break;
		struct rr6 *r = get(c->s6->rr, &p->layers[h->hao].u.ext.hao.hoa, &any,
				    true, c->now);
		r->have_mps = true;
		r->mps_id = id;
		break;
	}
	case MW_ICMP6_MPA: {
		struct mw_in6 mn = h->rh2 >= 0 ? p->layers[h->rh2].u.ext.rh2_addr : ip->dst;
		struct rr6 *r = get(c->s6->rr, &mn, &any, true, c->now);
		if (r->have_mps) {
			conf_result(c, R6(MIP6_MPA_ID), node, r->mps_id == id,
				    "Identifier %u, solicitation had %u", id, r->mps_id);
			r->have_mps = false;
		}
		double iv;
		if (r->last_mpa > 0 && conf_since(c, r->last_mpa, &iv))
			conf_result(c, R6(MIP6_MPA_RATE), node, iv >= 0.999,
				    "two Mobile Prefix Advertisements %.3f s apart", iv);
		r->last_mpa = c->now;
		break;
	}
	default:
		break;
	}
}

static const struct pair *item_key(const struct dl_item *it)
{
	return (const struct pair *)(const void *)it->key;
}

/* Every second of capture time: the deadlines that passed (unanswered
 * BUs, missing Binding Errors). Expiry costs a sweep nothing: lookups
 * treat dead entries as absent, and tab_clean() drops them. */
static void sweep(struct conf *c, bool at_end)
{
	struct state6 *s = c->s6;
	GArray *later = s->later;
	struct dl_item it;
	/* a little slack: the exact test is judge_unanswered's */
	g_array_set_size(later, 0);
	while (dq_pop(&s->bu_due, c->now + 1e-3, &it)) {
		struct bind6 *b = present(s->bind, item_key(&it));
		if (!b || b->bu_serial != it.serial)
			continue;   /* answered, replaced or dropped */
		if (b->outstanding && !b->bu.discard && c->now - b->bu_ts < REPLY_WAIT)
			g_array_append_val(later, it);
		else
			judge_unanswered(c, b, at_end);
	}
	for (unsigned i = 0; i < later->len; i++) {
		struct dl_item *x = &g_array_index(later, struct dl_item, i);
		struct bind6 *b = present(s->bind, item_key(x));
		b->bu_serial = dq_push(&s->bu_due, x->due, item_key(x));
	}
	g_array_set_size(later, 0);
	while (dq_pop(&s->be_due, c->now + 1e-3, &it)) {
		struct rr6 *r = present(s->rr, item_key(&it));
		if (!r || r->be_serial != it.serial || !r->be_expected)
			continue;
		if (!(c->now > r->be_deadline)) {
			g_array_append_val(later, it);
			continue;
		}
		conf_result(c, R6(MIP6_BE_AFTER_HAO), conf_node6(&r->e.key.b),
			    false, "no Binding Error for a Home Address option packet without a binding");
		r->be_expected = false;
	}
	for (unsigned i = 0; i < later->len; i++) {
		struct dl_item *x = &g_array_index(later, struct dl_item, i);
		struct rr6 *r = present(s->rr, item_key(x));
		r->be_serial = dq_push(&s->be_due, x->due, item_key(x));
	}
}

/* One second of capture time passed: sweep. */
static __attribute__((noinline)) void tick(struct conf *c, bool at_end)
{
	struct state6 *s = c->s6;
	s->prev_sweep = s->last_sweep;
	s->last_sweep = c->now;
	s->n_sweeps++;
	sweep(c, at_end);
}

/* The Mobility Header messages, ICMPv6 messages or else the Home Address
 * option of a packet with an IPv6 header. */
static __attribute__((noinline)) void packet6(struct conf *c)
{
	const struct mw_packet *p = c->pkt;
	bool mh = false;
	for (int i = 0; i < p->n_msgs; i++) {
		const struct mw_msg *m = &p->msgs[i];
		struct hdrs h;
		bool is_mh = m->kind == MW_MSG_MH && m->status != MW_E_TRUNC;
		if (!is_mh && m->kind != MW_MSG_ICMP6)
			continue;   /* (before the header walk: nothing below reads it) */
		hdrs_of(p, m->layer, &h);
		if (h.ip6 < 0)
			continue;
		if (is_mh) {
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
	if (mh || !(mw_packet_kinds(p) & 1u << MW_L_IP6_DST))
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

/* Has the packet an IPv6 header? Nothing else here applies without one,
 * and most packets have none. */
static bool has_ip6(const struct mw_packet *p)
{
	return mw_packet_kinds(p) & 1u << MW_L_IP6;
}

static __attribute__((noinline)) void tick_packet(struct conf *c)
{
	tick(c, false);
	if (has_ip6(c->pkt))
		packet6(c);
}

void state6_packet(struct conf *c)
{
	if (c->now - c->s6->last_sweep > 1)
		tick_packet(c);
	else if (has_ip6(c->pkt))
		packet6(c);
}

void state6_finish(struct conf *c)
{
	tick(c, true);
}

/* The hash slot of the binding a BU or BA (message 0) will read: its
 * record is usually cold, and from a frame decoded ahead it has time to
 * come (a BU keyed by its home network prefix is not foreseen: a hint).
 * The caller checked that p has an MH. */
void state6_prefetch(const struct conf *c, const struct mw_packet *p)
{
	if (!p->n_msgs || p->msgs[0].kind != MW_MSG_MH)
		return;
	const struct mw_msg *m = &p->msgs[0];
	if (m->status == MW_E_TRUNC || (m->u.mh.type != MW_MH_BU && m->u.mh.type != MW_MH_BA))
		return;
	struct hdrs h;
	hdrs_of(p, m->layer, &h);
	if (h.ip6 < 0)
		return;
	const struct mw_ip6 *ip = &p->layers[h.ip6].u.ip6;
	struct pair k;
	if (m->u.mh.type == MW_MH_BU)
		k = (struct pair){ h.hao >= 0 ? p->layers[h.hao].u.ext.hao.hoa : ip->src,
				   ip->dst };
	else
		k = (struct pair){ h.rh2 >= 0 ? p->layers[h.rh2].u.ext.rh2_addr : ip->dst,
				   ip->src };
	const struct tab6 *t = c->s6->bind;
	const char *e = t->rec + (otab32_hash(&k) & (t->cap - 1)) * t->size;
	__builtin_prefetch(e, 1);
	__builtin_prefetch(e + 64, 1);
}
