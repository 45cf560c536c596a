/* Stateful Mobile IPv4 rules: registration exchanges (MN -> FA -> HA ->
 * FA -> MN, matched by Identification), bindings, retransmission timing,
 * agent advertisement sequences and tunnelled traffic (RFC 5944 2-4, RFC
 * 3024, RFC 3519). State is keyed by address and dropped when idle past
 * its lifetime.
 *
 * Every registration reads and writes its mobile node's record, and with
 * many nodes that record is cold: the records are compact (6 cache lines,
 * pending requests inline), live in one array (no allocation per node)
 * and are found through an index of 8-byte slots (otab.h). Agents and
 * solicitations are few and stay in GLib hash tables, with a small cache
 * in front of the agent lookups. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "conf.h"
#include "bigmem.h"
#include "otab.h"

/* The rules this file checks, by local number (struct conf_rules). */
#define S4_RULES(X) \
	X(MIP4_ADV_SEQ, "MIP4-ADV-SEQ") \
	X(MIP4_ADV_INTERVAL, "MIP4-ADV-INTERVAL") \
	X(MIP4_SOL_BACKOFF, "MIP4-SOL-BACKOFF") \
	X(MIP4_FA_ORIGINATE, "MIP4-FA-ORIGINATE") \
	X(MIP4_FA_RELAY_RRQ, "MIP4-FA-RELAY-RRQ") \
	X(MIP4_FA_RELAY_ADDRS, "MIP4-FA-RELAY-ADDRS") \
	X(MIP4_FA_COA_77, "MIP4-FA-COA-77") \
	X(MIP4_RRQ_RATE, "MIP4-RRQ-RATE") \
	X(MIP4_RRQ_BACKOFF, "MIP4-RRQ-BACKOFF") \
	X(MIP4_RRQ_RETRANS_MAX, "MIP4-RRQ-RETRANS-MAX") \
	X(MIP4_RRQ_IDENT_NEW, "MIP4-RRQ-IDENT-NEW") \
	X(MIP4_RRQ_LIFETIME_ADV, "MIP4-RRQ-LIFETIME-ADV") \
	X(MIP4_RRQ_ENCAP_ADV, "MIP4-RRQ-ENCAP-ADV") \
	X(MIP4_REREG_BEFORE_EXPIRY, "MIP4-REREG-BEFORE-EXPIRY") \
	X(MIP4_REBOOT_REREG, "MIP4-REBOOT-REREG") \
	X(MIP4_FA_RELAY_RRP, "MIP4-FA-RELAY-RRP") \
	X(MIP4_RRP_UNSOLICITED, "MIP4-RRP-UNSOLICITED") \
	X(MIP4_RRP_IDENT, "MIP4-RRP-IDENT") \
	X(MIP4_RRP_LIFETIME, "MIP4-RRP-LIFETIME") \
	X(MIP4_RRP_HOA, "MIP4-RRP-HOA") \
	X(MIP4_RRP_HA_COPY, "MIP4-RRP-HA-COPY") \
	X(MIP4_RRP_ADDRS, "MIP4-RRP-ADDRS") \
	X(MIP4_RRP_PORTS, "MIP4-RRP-PORTS") \
	X(MIP4_FA_DENIAL_RATE, "MIP4-FA-DENIAL-RATE") \
	X(MIP4_TUN_BINDING, "MIP4-TUN-BINDING") \
	X(MIP4_TUN_SRC, "MIP4-TUN-SRC") \
	X(MIP4_TUN_ENCAP, "MIP4-TUN-ENCAP") \
	X(MIP4_TUN_LOOP, "MIP4-TUN-LOOP") \
	X(MIP4_TUN_BCAST, "MIP4-TUN-BCAST") \
	X(MIP4_RT_ADDRS, "MIP4-RT-ADDRS") \
	X(MIP4_RT_GRANTED, "MIP4-RT-GRANTED") \
	X(MIP4_UDPT_ACCEPTED, "MIP4-UDPT-ACCEPTED") \
	X(MIP4_UDPT_SRC_PORT, "MIP4-UDPT-SRC-PORT")
CONF_RULE_TABLE(S4_RULES, s4_rules);
#define R4(n) conf_rule_at(&s4_rules, CR_##n)

#define MAX_PENDING 4
#define MAX_ANSWERED 8
#define IDLE_EXPIRE 600.0   /* s of silence before a node's state is dropped */
#define INF_LIFETIME 0xffff
#define SCAN_PARTS 32       /* each sweep checks 1/SCAN_PARTS of the records */
#define AGENT_CACHE 256     /* direct-mapped agent lookup cache entries */
#define CHUNK_BITS 14       /* records come 16384 (6 MB, 3 huge pages) at a time */
/* handlers stay out of line: the per-packet dispatch then needs no
 * stack frame of its own (and rare paths stay out of the hot ones) */
#define COLD __attribute__((noinline, cold))
#define NOINLINE __attribute__((noinline))

enum {                        /* struct req .st */
	R_FROM_FA = 1,            /* relayed leg (FA -> HA) */
	R_ANSWERED = 2,
	R_HOA = 4,                /* Home Address nonzero (it is the node's key) */
	R_HAS_HASH = 8,
	R_HAS_RRP = 16,
};

struct req {                  /* one Registration Request seen */
	double ts;
	uint64_t ident;
	uint64_t hash;            /* MN leg: fixed part .. authorization-enabling ext */
	uint64_t rrp_hash;        /* MN leg: HA -> FA reply (for the FA relay check) */
	uint32_t src, dst, ha, coa;
	uint16_t sport, dport, lifetime;
	uint8_t flags;
	uint8_t st;               /* R_* */
};

enum {                        /* struct mn4 .st */
	M_LIVE = 1,               /* in use (else on the free list) */
	M_UNANSWERED = 2,         /* last MN request not answered yet */
	M_BOUND = 4,              /* binding in force (b_*) */
	M_REREG = 8,              /* FA rebooted: re-registration expected */
	M_UDPT_OK = 16,
	M_FA_DENIAL = 32,         /* last_fa_denial set */
};

/* A mobile node. The first cache line is what every lookup, expiry check
 * and request reads; it is cleared when the record is (re)used, the rest
 * only means something where the flags of the first line say so. */
struct mn4 {
	uint32_t key;             /* home address (or source when 0); next free + 1 when free */
	uint32_t touch;           /* sweeps done when last_seen was set */
	double last_seen;
	double last_mn_rrq;       /* time of the last request sent by the MN */
	double retrans_iv;        /* last retransmission interval, 0 none */
	double b_expiry;          /* binding: 0 = infinite */
	uint32_t b_coa, b_ha, b_fa;
	uint16_t last_lifetime;
	uint16_t last_sport;
	uint8_t b_flags;
	uint8_t st;               /* M_* */
	uint8_t pend_used;        /* bit i: pend[i] holds a request */
	uint8_t n_ans;            /* answered[]: n < 8 entries, else 8 + next slot */
	struct req pend[MAX_PENDING];
	uint64_t answered[MAX_ANSWERED];
	double rereg_deadline;    /* M_REREG */
	double last_fa_denial;    /* M_FA_DENIAL */
} __attribute__((aligned(64)));

struct agent4 {
	uint32_t addr;
	double last_seen, last_mcast;
	bool have_seq;
	uint16_t seq;
	uint16_t lifetime, reg_lifetime, flags;
	uint32_t coa[4];
	unsigned n_coa;
	bool got_rrq;             /* some mobile node sent it a request */
};

/* A node's agent search (RFC 5944 2.4): its solicitations since the
 * search began. A search ends when an agent advertisement reaches the
 * node or it registers; its next solicitation begins a new one. */
struct sol4 {
	uint32_t src;
	double last, iv;
	unsigned n;
	bool ended;               /* advertised to it by unicast, or it registered */
	uint64_t group_adv;       /* s->group_adv at its last solicitation */
};

struct state4 {
	struct otab4 mn;          /* mobile nodes: key -> record number + 1 */
	struct bigmem *chunks;    /* record i: chunks[i >> CHUNK_BITS].p[i & mask] */
	uint32_t n_recs;          /* records used (live or free) */
	uint32_t free_head;       /* first free record + 1, 0 none */
	uint32_t scan;            /* next record the expiry scan checks */
	GHashTable *agents, *sols;
	uint64_t group_adv;       /* agent advertisements to a group / broadcast seen */
	struct {                  /* agents by address (only while they exist) */
		uint32_t addr;
		struct agent4 *a;
	} acache[AGENT_CACHE];
	double last_sweep, prev_sweep;
	uint32_t n_sweeps;        /* (one at most per packet: 32 bits last) */
	bool rereg_any;           /* some node has M_REREG */
	struct otab4 rrq_to;      /* agents that received requests (value 1) */
};

struct state4 *state4_new(void)
{
	struct state4 *s = g_new0(struct state4, 1);
	conf_rules_init(&s4_rules, s4_rules_ids, G_N_ELEMENTS(s4_rules_ids));
	otab4_init(&s->mn);
	otab4_init(&s->rrq_to);
	s->agents = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	s->sols = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	return s;
}

void state4_free(struct state4 *s)
{
	if (!s)
		return;
	otab4_free(&s->mn);
	otab4_free(&s->rrq_to);
	for (uint32_t i = 0; i < s->n_recs; i += 1u << CHUNK_BITS)
		bigmem_free(&s->chunks[i >> CHUNK_BITS]);
	g_free(s->chunks);
	g_hash_table_destroy(s->agents);
	g_hash_table_destroy(s->sols);
	g_free(s);
}

/* ---- authenticated span hash ---- */


/* 64x64 -> 128-bit product, halves folded: every input bit reaches the
 * low half too. */
static inline uint64_t mum(uint64_t a, uint64_t b)
{
#ifdef __SIZEOF_INT128__
	unsigned __int128 r = (unsigned __int128)a * b;
	return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
	uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
	uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
	return ((mid << 32) | (uint32_t)ll) ^ (hh + (lh >> 32) + (hl >> 32) + (mid >> 32));
#endif
}

/* 64-bit hash of n bytes, 16 at a time, the last 16 (which may overlap
 * the ones before) last: one multiply per 16 bytes (only compared for
 * equality: equal bytes, equal hashes; else equal with odds ~2^-64). */
static uint64_t span_hash(const uint8_t *p, size_t n)
{
	uint64_t h = n ^ 0x9e3779b97f4a7c15ull, a, b;
	if (n > 16) {
		const uint8_t *last = p + n - 16;
		for (; p < last; p += 16)
			h = mum(mw_load_ne64(p) ^ 0xa0761d6478bd642full, mw_load_ne64(p + 8) ^ h);
		a = mw_load_ne64(last);
		b = mw_load_ne64(last + 8);
	} else if (n >= 8) {
		a = mw_load_ne64(p);
		b = mw_load_ne64(p + n - 8);
	} else if (n >= 4) {
		a = mw_load_ne32(p);
		b = mw_load_ne32(p + n - 4);
	} else {
		a = n ? (uint64_t)p[0] << 16 | (uint64_t)p[n / 2] << 8 | p[n - 1] : 0;
		b = 0;
	}
	return mum(a ^ 0xe7037ed1a0b428dbull, b ^ h);
}

/* The message's first authorization-enabling extension (MN-HA or
 * generalized MN-AAA) and, when udpt is not NULL, its first UDP Tunnel
 * Reply extension; NULL if none. */
static const struct mw_elem *auth_ext(const struct mw_packet *p, const struct mw_msg *m,
				      const struct mw_elem **udpt)
{
	const struct mw_elem *e = &p->elems[m->elem_first], *end = e + m->elem_count;
	const struct mw_elem *auth = NULL;
	if (udpt)
		*udpt = NULL;
	for (; e < end; e++) {
		if (e->depth != 0)
			continue;
		if ((e->type == MW_MIP4X_MN_HA_AUTH || e->type == MW_MIP4X_GEN_AUTH) && !auth) {
			auth = e;
			if (!udpt || *udpt)
				break;
		} else if (e->type == MW_MIP4X_UDP_TUN_REPLY && udpt && !*udpt) {
			*udpt = e;
			if (auth)
				break;
		}
	}
	return auth;
}

/* Hash of the bytes from the message start through its first
 * authorization-enabling extension a (what agents must not change);
 * false if there is none. */
static bool auth_span_hash(const struct mw_packet *p, const struct mw_msg *m,
			   const struct mw_elem *a, uint64_t *h)
{
	if (!a)
		return false;
	uint32_t last = a->off + a->len;
	if (last > p->caplen || last < m->off)
		return false;
	*h = span_hash(p->data + m->off, last - m->off);
	return true;
}

/* ---- mobile node records ---- */

static bool binding_live(const struct mn4 *m, double now)
{
	return (m->st & M_BOUND) && (m->b_expiry == 0 || now <= m->b_expiry);
}

/* Idle past its lifetime at time t: dropped by a sweep at t. */
static bool mn_dead(const struct mn4 *m, double t)
{
	return t - m->last_seen > IDLE_EXPIRE && !binding_live(m, t);
}

/* Would one of the sweeps 1..n_sweeps have dropped it? Only sweeps after
 * its last touch count; sweep times only grow (each is > 10 s after the
 * previous) and mn_dead() stays true once true, so the last of them
 * decides. A record is dropped lazily (on lookup, or by the expiry scan)
 * once this holds: when exactly is not observable. */
static bool mn_gone(const struct mn4 *m, uint32_t n_sweeps, double t)
{
	return m->touch < n_sweeps && mn_dead(m, t);
}

static inline struct mn4 *mn_rec(const struct state4 *s, uint32_t i)
{
	struct mn4 *c = s->chunks[i >> CHUNK_BITS].p;
	return &c[i & ((1u << CHUNK_BITS) - 1)];
}

/* Record i (m) back to the free list. */
static COLD void mn_drop(struct state4 *s, struct mn4 *m, uint32_t i)
{
	otab4_del(&s->mn, m->key);
	m->st = 0;
	m->key = s->free_head;
	s->free_head = i + 1;
}

/* The node's state, NULL if none or expired (lazily dropped). */
static inline struct mn4 *mn_find(struct state4 *s, uint32_t key)
{
	uint32_t i = otab4_get(&s->mn, key);
	struct mn4 *m;
	if (!i)
		return NULL;
	m = mn_rec(s, i - 1);
	if (mn_gone(m, s->n_sweeps, s->last_sweep)) {
		mn_drop(s, m, i - 1);
		return NULL;
	}
	return m;
}

/* A cleared record for key: a free one, else a new one (records never
 * move). */
static NOINLINE struct mn4 *mn_new(struct state4 *s, uint32_t key)
{
	uint32_t i;
	if (s->free_head) {
		i = s->free_head - 1;
		s->free_head = mn_rec(s, i)->key;
	} else {
		i = s->n_recs++;
		if (!(i & ((1u << CHUNK_BITS) - 1))) {
			uint32_t k = i >> CHUNK_BITS;
			if (!(k & (k - 1)))   /* 0, 1, 2, 4...: double the chunk table */
				s->chunks = g_renew(struct bigmem, s->chunks, k ? 2 * k : 1);
			bigmem_alloc(&s->chunks[k], sizeof(struct mn4) << CHUNK_BITS);
		}
	}
	struct mn4 *m = mn_rec(s, i);
	memset(m, 0, offsetof(struct mn4, pend));
	m->key = key;
	m->st = M_LIVE;
	otab4_put(&s->mn, key, i + 1);
	return m;
}

static inline struct mn4 *mn_get(struct state4 *s, uint32_t key, bool create, double now)
{
	struct mn4 *m = mn_find(s, key);
	if (!m && create)
		m = mn_new(s, key);
	if (m) {
		m->last_seen = now;
		m->touch = s->n_sweeps;
	}
	return m;
}

/* Drop the expired records among the next 1/SCAN_PARTS of them, so that
 * memory follows the live nodes (lookups already ignore expired ones). */
static void mn_expire_some(struct state4 *s)
{
	uint32_t todo = s->n_recs / SCAN_PARTS + 64;
	for (; todo && s->n_recs; todo--) {
		if (s->scan >= s->n_recs)
			s->scan = 0;
		struct mn4 *m = mn_rec(s, s->scan);
		if ((m->st & M_LIVE) && mn_gone(m, s->n_sweeps, s->last_sweep))
			mn_drop(s, m, s->scan);
		s->scan++;
	}
}

static uint32_t req_hoa(const struct mn4 *m, const struct req *r)
{
	return (r->st & R_HOA) ? m->key : 0;
}

static bool ident_answered(const struct mn4 *m, uint64_t id)
{
	unsigned n = m->n_ans < MAX_ANSWERED ? m->n_ans : MAX_ANSWERED;
	for (unsigned i = 0; i < n; i++)
		if (m->answered[i] == id)
			return true;
	return false;
}

static void add_answered(struct mn4 *m, uint64_t id)
{
	m->answered[m->n_ans % MAX_ANSWERED] = id;
	m->n_ans = m->n_ans < 2 * MAX_ANSWERED - 1 ? m->n_ans + 1 : MAX_ANSWERED;
}

/* The slot for a new request: the first free one, else the oldest. */
static inline struct req *pend_slot(struct mn4 *m)
{
	unsigned slot = 0;
	double oldest = 1e300;
	for (unsigned i = 0; i < MAX_PENDING; i++) {
		if (!(m->pend_used & (1u << i))) {
			slot = i;
			break;
		}
		if (m->pend[i].ts < oldest) {
			oldest = m->pend[i].ts;
			slot = i;
		}
	}
	m->pend_used |= (uint8_t)(1u << slot);
	return &m->pend[slot];
}

/* ---- agents ---- */

static unsigned acache_at(uint32_t a)
{
	return (a * 0x9e3779b1u) >> 24;   /* AGENT_CACHE == 256 */
}

static NOINLINE struct agent4 *agent_lookup(struct state4 *s, uint32_t a)
{
	struct agent4 *g = g_hash_table_lookup(s->agents, GUINT_TO_POINTER(a));
	if (g) {
		s->acache[acache_at(a)].addr = a;
		s->acache[acache_at(a)].a = g;
	}
	return g;
}

static inline struct agent4 *agent_get(struct state4 *s, uint32_t a)
{
	unsigned k = acache_at(a);
	if (s->acache[k].a && s->acache[k].addr == a)
		return s->acache[k].a;
	return agent_lookup(s, a);
}

/* The first agent (in table order) advertising the care-of address. */
static NOINLINE struct agent4 *agent_by_coa(struct state4 *s, uint32_t coa)
{
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, s->agents);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		struct agent4 *x = v;
		for (unsigned i = 0; i < x->n_coa; i++)
			if (x->coa[i] == coa)
				return x;
	}
	return NULL;
}

/* The agent a request was sent to: by IP destination or advertised CoA. */
static inline struct agent4 *agent_for(struct state4 *s, uint32_t dst, uint32_t coa)
{
	struct agent4 *a = agent_get(s, dst);
	return a ? a : agent_by_coa(s, coa);
}

static void rrq_to_add(struct state4 *s, uint32_t a)
{
	if (!otab4_get(&s->rrq_to, a))
		otab4_put(&s->rrq_to, a, 1);
}

/* ---- agent discovery ---- */

/* The search of the node at addr (if it solicited) ends. */
static void sol_end(struct state4 *s, uint32_t addr)
{
	struct sol4 *so = g_hash_table_size(s->sols) ?
			  g_hash_table_lookup(s->sols, GUINT_TO_POINTER(addr)) : NULL;
	if (so)
		so->ended = true;
}

/* An agent advertisement to dst reaches every node on the link (group
 * or broadcast: counted, see on_sol()) or the one node addressed. */
static void sol_answer(struct state4 *s, uint32_t dst, bool group)
{
	if (group)
		s->group_adv++;
	else
		sol_end(s, dst);
}

static NOINLINE void on_adv(struct conf *c, const struct mw_msg *msg,
			    const struct mw_ip4 *ip)
{
	struct state4 *s = c->s4;
	const struct mw_mip4_adv *a = &msg->u.adv;
	struct conf_node node;
	node = conf_node4(ip->src);
	if (!a->has_maa)
		return;
	struct agent4 *g = agent_get(s, ip->src);
	if (!g) {
		g = g_new0(struct agent4, 1);
		g->addr = ip->src;
		g_hash_table_insert(s->agents, GUINT_TO_POINTER(ip->src), g);
	}
	if (g->have_seq) {
		uint16_t prev = g->seq, seq = a->seq;
		bool reboot = seq < prev && seq < 256;
		bool ok;
		if (prev == 0xffff)
			ok = seq == 256 || seq == 0;
		else if (reboot)
			ok = true;                  /* agent reboot: 0..255 again */
		else
			ok = seq > prev;            /* gaps: lost frames are not the agent's fault */
		conf_result(c, R4(MIP4_ADV_SEQ), node, ok,
			    "sequence %u after %u (expected %u)", seq, prev,
			    prev == 0xffff ? 256 : prev + 1);
		if (reboot) {
			for (uint32_t i = 0; i < s->n_recs; i++) {
				struct mn4 *m = mn_rec(s, i);
				if ((m->st & (M_LIVE | M_BOUND)) == (M_LIVE | M_BOUND) &&
				    m->b_fa == ip->src &&
				    !mn_gone(m, s->n_sweeps, s->last_sweep)) {
					s->rereg_any = true;
					m->st |= M_REREG;
					m->rereg_deadline = c->now + (a->lifetime ? a->lifetime : 30);
				}
			}
		}
	}
	bool mcast = mw_ip4_is_group(ip->dst);
	sol_answer(s, ip->dst, mcast);
	double iv;
	if (mcast && g->last_mcast > 0 && a->lifetime > 0 && conf_since(c, g->last_mcast, &iv))
		conf_result_uncut(c, R4(MIP4_ADV_INTERVAL), node,
			    iv <= a->lifetime / 3.0 * 1.1 + 0.05, g->last_mcast,
			    "%.2f s between advertisements, Lifetime %u s (expected <= %.1f s)",
			    iv, a->lifetime, a->lifetime / 3.0);
	if (mcast)
		g->last_mcast = c->now;
	g->have_seq = true;
	g->seq = a->seq;
	g->lifetime = a->lifetime;
	g->reg_lifetime = a->reg_lifetime;
	g->flags = a->maa_flags;
	g->last_seen = c->now;
	g->n_coa = 0;
	for (unsigned i = 0; i < a->n_coa && i < 4; i++)
		if (mwi_ok_read(c->pkt, a->coa_off + 4 * i))
			g->coa[g->n_coa++] = mw_load_be32(c->pkt->data + a->coa_off + 4 * i);
}

static NOINLINE void on_sol(struct conf *c, const struct mw_ip4 *ip)
{
	struct state4 *s = c->s4;
	struct conf_node node;
	struct sol4 *so = g_hash_table_lookup(s->sols, GUINT_TO_POINTER(ip->src));
	double iv;
	node = conf_node4(ip->src);
	if (!so) {
		so = g_new0(struct sol4, 1);
		so->src = ip->src;
		g_hash_table_insert(s->sols, GUINT_TO_POINTER(ip->src), so);
	} else if (so->ended || so->group_adv != s->group_adv ||
		   conf_cut_since(c, so->last)) {
		/* the last search ended (or may have: by an advertisement or
		 * a request in a frame cut short): a new one */
		so->n = 0, so->iv = 0;
		so->ended = false;
	} else if (conf_since(c, so->last, &iv)) {
		bool ok = so->n < 3 ? iv >= 0.9 : iv >= so->iv * 0.9;
		conf_result(c, R4(MIP4_SOL_BACKOFF), node, ok,
			    "solicitation %u only %.2f s after the previous (previous interval %.2f s)",
			    so->n + 1, iv, so->iv);
		so->iv = iv;
	}
	so->n++;
	so->last = c->now;
	so->group_adv = s->group_adv;
}

/* ---- registration ---- */

/* The MN's request with this Identification (the last in slot order),
 * answered ones too or not. */
static struct req *mn_req(struct mn4 *m, uint64_t ident, bool answered_too)
{
	struct req *found = NULL;
	uint8_t skip = R_FROM_FA | (answered_too ? 0 : R_ANSWERED);
	for (unsigned i = 0; i < MAX_PENDING; i++)
		if ((m->pend_used & (1u << i)) && !(m->pend[i].st & skip) &&
		    m->pend[i].ident == ident)
			found = &m->pend[i];
	return found;
}

/* Keep a request (its hashes are set by the caller). */
static inline struct req *add_req(struct mn4 *m, double now, const struct mw_mip4_rrq *q,
				  const struct mw_ip4 *ip, const struct mw_udp *udp, uint8_t st)
{
	struct req *r = pend_slot(m);
	r->ts = now;
	r->ident = q->ident;
	r->src = ip->src;
	r->dst = ip->dst;
	r->ha = q->ha;
	r->coa = q->coa;
	r->sport = udp->sport;
	r->dport = udp->dport;
	r->lifetime = q->lifetime;
	r->flags = q->flags;
	r->st = (uint8_t)(st | (q->hoa ? R_HOA : 0));
	return r;
}

/* FA -> HA: the relayed copy of a request of the mobile node. */
static void on_relayed_rrq(struct conf *c, const struct mw_msg *msg,
			   const struct mw_ip4 *ip, const struct mw_udp *udp,
			   struct mn4 *m)
{
	struct state4 *s = c->s4;
	const struct mw_mip4_rrq *q = &msg->u.mip4.u.rrq;
	struct conf_acc acc = conf_acc_of(conf_node4(ip->src), &s4_rules), *node = &acc;
	rrq_to_add(s, ip->dst);
	struct req *mnreq = mn_req(m, q->ident, true);
	if (mnreq) {
		conf_pass(c, R4(MIP4_FA_ORIGINATE), node);
		uint64_t h;
		if ((mnreq->st & R_HAS_HASH) &&
		    auth_span_hash(c->pkt, msg, auth_ext(c->pkt, msg, NULL), &h))
			conf_result(c, R4(MIP4_FA_RELAY_RRQ), node, mnreq->hash == h,
				    "relayed request differs from the mobile node's before the end of the MN-HA authentication");
	} else if (m->last_mn_rrq > 0) {
		conf_result_uncut(c, R4(MIP4_FA_ORIGINATE), node, false, m->last_mn_rrq,
			    "request for home address %s (Identification %016llx) not sent by the mobile node",
			    conf_ip4(q->hoa, (char[16]){0}), (unsigned long long)q->ident);
	}
	conf_result(c, R4(MIP4_FA_RELAY_ADDRS), node,
		    ip->dst == q->ha && udp->dport == MW_MIP4_PORT,
		    "relayed to %s port %u, Home Agent field %s",
		    conf_ip4(ip->dst, (char[16]){0}), udp->dport,
		    conf_ip4(q->ha, (char[16]){0}));
	if (q->lifetime != 0) {   /* (a relayed request has no D bit) */
		struct agent4 *g = agent_for(s, mnreq ? mnreq->dst : 0, q->coa);
		if (g && g->n_coa) {
			bool adv = false;
			for (unsigned i = 0; i < g->n_coa; i++)
				adv |= g->coa[i] == q->coa;
			conf_result(c, R4(MIP4_FA_COA_77), node, adv,
				    "relayed a request for care-of address %s it did not advertise",
				    conf_ip4(q->coa, (char[16]){0}));
		}
	}
	add_req(m, c->now, q, ip, udp, R_FROM_FA);   /* (no hashes: never read) */
	conf_acc_end(c, &acc);
}

static NOINLINE void on_rrq(struct conf *c, const struct mw_msg *msg,
			    const struct mw_ip4 *ip, const struct mw_udp *udp)
{
	struct state4 *s = c->s4;
	const struct mw_mip4_rrq *q = &msg->u.mip4.u.rrq;
	bool dbit = q->flags & MW_RRQ_D;
	bool from_fa = !dbit && q->coa != 0 && ip->src == q->coa && ip->src != q->hoa;
	struct mn4 *m = mn_get(s, q->hoa ? q->hoa : ip->src, true, c->now);

	if (from_fa) {
		on_relayed_rrq(c, msg, ip, udp, m);
		return;
	}

	/* sent by the mobile node: a registration ends an agent search */
	struct conf_acc acc = conf_acc_of(conf_node4(m->key), &s4_rules), *node = &acc;
	sol_end(s, ip->src);
	rrq_to_add(s, ip->dst);
	struct req *same = mn_req(m, q->ident, false);
	double iv;
	if (m->last_mn_rrq > 0 && conf_since(c, m->last_mn_rrq, &iv)) {
		conf_result(c, R4(MIP4_RRQ_RATE), node, iv >= 0.999,
			    "requests %.3f s apart (minimum 1 s)", iv);
		if (m->st & M_UNANSWERED) {
			if (m->retrans_iv > 0)
				conf_result(c, R4(MIP4_RRQ_BACKOFF), node,
					    iv >= 2 * m->retrans_iv * 0.9,
					    "retransmission after %.2f s, previous period %.2f s (expected >= %.2f s)",
					    iv, m->retrans_iv, 2 * m->retrans_iv);
			if (m->last_lifetime && m->last_lifetime != INF_LIFETIME)
				conf_result(c, R4(MIP4_RRQ_RETRANS_MAX), node,
					    iv <= m->last_lifetime,
					    "next request after %.1f s, requested Lifetime %u s",
					    iv, m->last_lifetime);
			m->retrans_iv = iv;
		} else {
			m->retrans_iv = 0;
		}
	}
	conf_result(c, R4(MIP4_RRQ_IDENT_NEW), node,
		    same || !ident_answered(m, q->ident),
		    "Identification %016llx reused from an answered request",
		    (unsigned long long)q->ident);
	struct agent4 *g = dbit ? NULL : agent_for(s, ip->dst, q->coa);
	if (g) {
		g->got_rrq = true;
		if (g->reg_lifetime != INF_LIFETIME && q->lifetime != 0)
			conf_result(c, R4(MIP4_RRQ_LIFETIME_ADV), node,
				    q->lifetime <= g->reg_lifetime,
				    "Lifetime %u s above the advertised Registration Lifetime %u s",
				    q->lifetime, g->reg_lifetime);
		if (q->flags & (MW_RRQ_M | MW_RRQ_G)) {
			bool ok = (!(q->flags & MW_RRQ_M) || (g->flags & MW_MAA_M)) &&
				  (!(q->flags & MW_RRQ_G) || (g->flags & MW_MAA_G));
			conf_result(c, R4(MIP4_RRQ_ENCAP_ADV), node, ok,
				    "M/G requested (flags 0x%02x) but the agent advertised 0x%04x",
				    q->flags, g->flags);
		}
	}
	if ((m->st & M_BOUND) && m->b_expiry > 0 && q->lifetime != 0)
		conf_result(c, R4(MIP4_REREG_BEFORE_EXPIRY), node,
			    c->now <= m->b_expiry,
			    "re-registered %.1f s after the registration expired",
			    c->now - m->b_expiry);
	if (m->st & M_REREG) {
		conf_pass(c, R4(MIP4_REBOOT_REREG), node);
		m->st &= (uint8_t)~M_REREG;
	}
	m->last_mn_rrq = c->now;
	m->st |= M_UNANSWERED;
	m->last_lifetime = q->lifetime;
	m->last_sport = udp->sport;
	if (!same) {
		struct req *r = add_req(m, c->now, q, ip, udp, 0);
		if (auth_span_hash(c->pkt, msg, auth_ext(c->pkt, msg, NULL), &r->hash))
			r->st |= R_HAS_HASH;
	}
	conf_acc_end(c, &acc);
}

/* The request a reply answers: same Identification (low 32 bits), else
 * the most recent one of this mobile node (then the checks say what
 * differs). */
static struct req *rrp_match(struct mn4 *m, const struct mw_ip4 *ip,
			     uint32_t ident, struct req **anyp)
{
	struct req *best = NULL, *any = NULL;
	for (unsigned i = 0; i < MAX_PENDING; i++) {
		struct req *r = &m->pend[i];
		if (!(m->pend_used & (1u << i)))
			continue;
		/* a relayed leg is answered to the FA, the MN leg to the MN */
		bool from_fa = r->st & R_FROM_FA;
		bool to_fa = from_fa && ip->dst == r->src;
		bool to_mn = !from_fa && ip->dst != r->ha &&
			     (ip->src == r->dst || ip->src != r->ha);
		if (!to_fa && !to_mn)
			continue;
		if (!any || r->ts > any->ts || (to_fa && !(any->st & R_FROM_FA) && r->ts >= any->ts))
			any = r;
		if ((uint32_t)r->ident == ident &&
		    (!best || r->ts > best->ts || (to_fa && !(best->st & R_FROM_FA))))
			best = r;
	}
	*anyp = any;
	return best;
}

/* The reply's authenticated span: kept for the FA -> MN relay (HA -> FA
 * leg), or compared with the kept one (FA -> MN leg). */
static void rrp_relay(struct conf *c, const struct mw_msg *msg, const struct mw_elem *auth,
		      struct mn4 *m, struct req *r, struct conf_acc *node)
{
	uint64_t h;
	if (r->st & R_FROM_FA) {
		unsigned to = 0;
		for (unsigned i = 0; i < MAX_PENDING; i++)
			if ((m->pend_used & (1u << i)) && !(m->pend[i].st & R_FROM_FA) &&
			    m->pend[i].ident == r->ident)
				to |= 1u << i;
		if (to && auth_span_hash(c->pkt, msg, auth, &h))
			for (unsigned i = 0; i < MAX_PENDING; i++)
				if (to & (1u << i)) {
					m->pend[i].rrp_hash = h;
					m->pend[i].st |= R_HAS_RRP;
				}
	} else if ((r->st & R_HAS_RRP) && auth_span_hash(c->pkt, msg, auth, &h)) {
		conf_result_uncut(c, R4(MIP4_FA_RELAY_RRP), node, h == r->rrp_hash, 0,
			    "relayed reply differs from the home agent's before the end of the MN-HA authentication");
	}
}

static NOINLINE void on_rrp(struct conf *c, const struct mw_msg *msg,
			    const struct mw_ip4 *ip, const struct mw_udp *udp)
{
	struct state4 *s = c->s4;
	const struct mw_mip4_rrp *p = &msg->u.mip4.u.rrp;
	struct conf_acc acc = conf_acc_of(conf_node4(ip->src), &s4_rules), *node = &acc;
	uint32_t key = p->hoa ? p->hoa : ip->dst;
	struct mn4 *m = mn_get(s, key, false, c->now);
	if (!m && key != ip->dst)
		m = mn_get(s, ip->dst, false, c->now);
	struct req *any = NULL, *best = m ? rrp_match(m, ip, (uint32_t)p->ident, &any) : NULL;
	if (!any) {
		if (otab4_get(&s->rrq_to, ip->src) || (m && m->last_mn_rrq > 0))
			conf_result_uncut(c, R4(MIP4_RRP_UNSOLICITED), node, false, 0,
				    "reply (code %u) to %s with no matching request",
				    p->code, conf_ip4(ip->dst, (char[16]){0}));
		return;
	}
	conf_pass(c, R4(MIP4_RRP_UNSOLICITED), node);
	struct req *r = best ? best : any;
	bool from_fa = r->st & R_FROM_FA;
	uint32_t rhoa = req_hoa(m, r);
	conf_result_uncut(c, R4(MIP4_RRP_IDENT), node, best != NULL, 0,
		    "Identification low 32 bits %08x, request had %08x",
		    (uint32_t)p->ident, (uint32_t)any->ident);
	bool accepted = p->code <= 1;
	bool fa_denial = p->code >= 64 && p->code <= 127;
	if (accepted)
		conf_result(c, R4(MIP4_RRP_LIFETIME), node,
			    p->lifetime <= r->lifetime,
			    "granted Lifetime %u s, requested %u s", p->lifetime, r->lifetime);
	if (rhoa != 0 && !fa_denial)
		conf_result(c, R4(MIP4_RRP_HOA), node, p->hoa == rhoa,
			    "Home Address %s, request had %s",
			    conf_ip4(p->hoa, (char[16]){0}), conf_ip4(rhoa, (char[16]){0}));
	if (accepted)
		conf_result(c, R4(MIP4_RRP_HA_COPY), node, p->ha == r->ha,
			    "Home Agent %s, request had %s",
			    conf_ip4(p->ha, (char[16]){0}), conf_ip4(r->ha, (char[16]){0}));
	bool grp = mw_ip4_is_group(r->dst);
	conf_result(c, R4(MIP4_RRP_ADDRS), node,
		    (grp || ip->src == r->dst) &&
		    (ip->dst == r->src || ip->dst == rhoa || ip->dst == 0xffffffffu),
		    "reply %s -> %s, request was %s -> %s",
		    conf_ip4(ip->src, (char[16]){0}), conf_ip4(ip->dst, (char[16]){0}),
		    conf_ip4(r->src, (char[16]){0}), conf_ip4(r->dst, (char[16]){0}));
	conf_result(c, R4(MIP4_RRP_PORTS), node,
		    udp->sport == r->dport && udp->dport == r->sport,
		    "reply ports %u -> %u, request ports %u -> %u", udp->sport,
		    udp->dport, r->sport, r->dport);
	const struct mw_elem *udpt, *auth = auth_ext(c->pkt, msg, &udpt);
	rrp_relay(c, msg, auth, m, r, node);
	if (fa_denial && !from_fa) {
		double last = (m->st & M_FA_DENIAL) ? m->last_fa_denial : 0, iv;
		if (last > 0 && conf_since(c, last, &iv))
			conf_result(c, R4(MIP4_FA_DENIAL_RATE), node, iv >= 0.999,
				    "denials %.3f s apart to the same mobile node", iv);
		m->last_fa_denial = c->now;
		m->st |= M_FA_DENIAL;
	}
	if (!from_fa && !(r->flags & MW_RRQ_D) && r->lifetime != 0 && ip->src == r->dst) {
		struct agent4 *g = agent_for(s, r->dst, r->coa);
		bool adv = false;
		for (unsigned i = 0; g && i < g->n_coa; i++)
			adv |= g->coa[i] == r->coa;
		if (g && g->n_coa && !adv)
			conf_result(c, R4(MIP4_FA_COA_77), node, p->code == MW_RRP_INVALID_COA,
				    "care-of address %s not advertised: expected code 77, seen %u",
				    conf_ip4(r->coa, (char[16]){0}), p->code);
	}

	/* the MN's view: answered; binding in force */
	r->st |= R_ANSWERED;
	if (!from_fa) {
		m->st &= (uint8_t)~M_UNANSWERED;
		m->retrans_iv = 0;
		add_answered(m, r->ident);
	}
	if (accepted) {
		if (p->lifetime == 0) {
			m->st &= (uint8_t)~M_BOUND;
		} else {
			m->st |= M_BOUND;
			m->b_coa = r->coa;
			m->b_ha = p->ha;
			m->b_flags = r->flags;
			m->b_fa = from_fa ? r->src : r->dst;
			m->b_expiry = p->lifetime == INF_LIFETIME ? 0 : r->ts + p->lifetime;
		}
		if (udpt) {
			if (mwi_ok_read(c->pkt, udpt->off + 3) &&
			    c->pkt->data[udpt->off + 3] < 64)
				m->st |= M_UDPT_OK;
		} else if (!from_fa) {
			m->st &= (uint8_t)~M_UDPT_OK;
		}
	}
	conf_acc_end(c, &acc);
}

/* ---- tunnels ---- */

static NOINLINE void on_tunnel(struct conf *c, int outer, int inner)
{
	struct state4 *s = c->s4;
	const struct mw_packet *p = c->pkt;
	const struct mw_ip4 *o = &p->layers[outer].u.ip4;
	const struct mw_ip4 *in = &p->layers[inner].u.ip4;
	struct conf_node node;
	node = conf_node4(o->src);

	/* forward: HA -> care-of address, inner destination a home address */
	struct mn4 *m = mn_find(s, in->dst);
	if (m && ((m->st & M_BOUND) || m->last_mn_rrq > 0)) {
		bool live = binding_live(m, c->now);
		conf_result_uncut(c, R4(MIP4_TUN_BINDING), node, live && o->dst == m->b_coa,
				  m->last_mn_rrq,
			    "tunnel to %s for home address %s without a binding in force",
			    conf_ip4(o->dst, (char[16]){0}), conf_ip4(in->dst, (char[16]){0}));
		if (!live)
			return;
		conf_result(c, R4(MIP4_TUN_SRC), node, o->src == m->b_ha,
			    "outer source %s, Home Agent of the reply %s",
			    conf_ip4(o->src, (char[16]){0}), conf_ip4(m->b_ha, (char[16]){0}));
		uint8_t proto = o->proto;
		bool ok = proto == MW_IPPROTO_IPIP ||
			  (proto == MW_IPPROTO_MINENC && (m->b_flags & MW_RRQ_M)) ||
			  (proto == MW_IPPROTO_GRE && (m->b_flags & MW_RRQ_G));
		conf_result(c, R4(MIP4_TUN_ENCAP), node, ok,
			    "encapsulation protocol %u, requested flags 0x%02x", proto, m->b_flags);
		int deeper = mw_find_layer(p, MW_L_IP4, p->n_layers);
		bool loop = deeper > inner && p->layers[deeper].depth > p->layers[inner].depth &&
			    in->src == m->b_coa && in->dst == m->key;
		conf_result(c, R4(MIP4_TUN_LOOP), node, !loop,
			    "datagram from the care-of address tunnelled back to it");
		uint32_t fin = deeper >= 0 ? p->layers[deeper].u.ip4.dst : in->dst;
		if (fin == 0xffffffffu)
			conf_result(c, R4(MIP4_TUN_BCAST), node, m->b_flags & MW_RRQ_B,
				    "broadcast forwarded to %s, which did not set B",
				    conf_ip4(m->key, (char[16]){0}));
		return;
	}
	/* reverse: care-of address -> HA, inner source a home address */
	m = mn_find(s, in->src);
	if (m && (m->st & M_BOUND) && o->dst == m->b_ha) {
		conf_result(c, R4(MIP4_RT_ADDRS), node, o->src == m->b_coa,
			    "reverse tunnel from %s, registered care-of address %s",
			    conf_ip4(o->src, (char[16]){0}), conf_ip4(m->b_coa, (char[16]){0}));
		conf_result(c, R4(MIP4_RT_GRANTED), node,
			    binding_live(m, c->now) && (m->b_flags & MW_RRQ_T),
			    "reverse tunnel for %s without an accepted T registration",
			    conf_ip4(m->key, (char[16]){0}));
	}
}

static NOINLINE void on_udp_tunnel(struct conf *c, const struct mw_udp *udp, int inner)
{
	const struct mw_ip4 *in = &c->pkt->layers[inner].u.ip4;
	struct mn4 *m = mn_find(c->s4, in->src);
	struct conf_node node;
	if (!m)
		return;
	node = conf_node4(m->key);
	conf_result(c, R4(MIP4_UDPT_ACCEPTED), node, m->st & M_UDPT_OK,
		    "UDP-tunnelled data without an accepted UDP Tunnel Reply");
	conf_result(c, R4(MIP4_UDPT_SRC_PORT), node, udp->sport == m->last_sport,
		    "tunnel source port %u, last request's port %u", udp->sport,
		    m->last_sport);
}

static gint cmp_u32(gconstpointer a, gconstpointer b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Every 10 s of capture time: deadlines, then expiry. */
static COLD void sweep(struct conf *c)
{
	struct state4 *s = c->s4;
	GHashTableIter it;
	gpointer k, v;
	if (s->rereg_any) {
		/* late nodes are reported in address order (record order is
		 * arbitrary) */
		GArray *late = g_array_new(FALSE, FALSE, sizeof(uint32_t));
		s->rereg_any = false;
		for (uint32_t i = 0; i < s->n_recs; i++) {
			struct mn4 *m = mn_rec(s, i);
			if ((m->st & (M_LIVE | M_REREG)) != (M_LIVE | M_REREG) ||
			    mn_gone(m, s->n_sweeps - 1, s->prev_sweep))
				continue;   /* (dropped by an earlier sweep) */
			if (c->now > m->rereg_deadline) {
				g_array_append_val(late, m->key);
				m->st &= (uint8_t)~M_REREG;
			} else {
				s->rereg_any = true;
			}
		}
		g_array_sort(late, cmp_u32);
		for (unsigned i = 0; i < late->len; i++)
			conf_result_uncut(c, R4(MIP4_REBOOT_REREG),
				    conf_node4(g_array_index(late, uint32_t, i)), false, 0,
				    "no re-registration after the foreign agent rebooted");
		g_array_free(late, TRUE);
	}
	mn_expire_some(s);
	bool dropped = false;
	g_hash_table_iter_init(&it, s->agents);
	while (g_hash_table_iter_next(&it, &k, &v))
		if (c->now - ((struct agent4 *)v)->last_seen > IDLE_EXPIRE) {
			g_hash_table_iter_remove(&it);
			dropped = true;
		}
	if (dropped)
		memset(s->acache, 0, sizeof s->acache);
	g_hash_table_iter_init(&it, s->sols);
	while (g_hash_table_iter_next(&it, &k, &v))
		if (c->now - ((struct sol4 *)v)->last > IDLE_EXPIRE)
			g_hash_table_iter_remove(&it);
}

/* The IPv4 layer at or before layer i (mw_find_layer, inline), NULL if none. */
static inline const struct mw_layer *ip4_before(const struct mw_packet *p, int i)
{
	const struct mw_layer *l = &p->layers[i >= p->n_layers ? p->n_layers - 1 : i];
	for (; l >= p->layers; l--)
		if (l->kind == MW_L_IP4)
			return l;
	return NULL;
}

/* A MIPv4 message over UDP (l), carried by ip. */
static inline void on_mip4(struct conf *c, const struct mw_msg *m, const struct mw_ip4 *ip,
			   const struct mw_layer *l)
{
	const struct mw_packet *p = c->pkt;
	if (m->code == MW_MIP4_RRQ)
		on_rrq(c, m, ip, &l->u.udp);
	else if (m->code == MW_MIP4_RRP)
		on_rrp(c, m, ip, &l->u.udp);
	else if (m->code == MW_MIP4_TUNNEL_DATA) {
		for (int k = m->layer + 1; k < p->n_layers; k++)
			if (p->layers[k].kind == MW_L_IP4) {
				on_udp_tunnel(c, &l->u.udp, k);
				break;
			}
	}
}

/* Counts: not truncated, over UDP with a checksum that is not bad (else
 * receivers discard it). */
static inline bool mip4_counts(const struct mw_msg *m, const struct mw_layer *l)
{
	return m->status != MW_E_TRUNC && l->kind == MW_L_UDP && l->u.udp.csum_ok != 0;
}

/* IP-in-IP / minimal / GRE tunnels at the outermost level */
static void tunnels(struct conf *c, const struct mw_packet *p)
{
	int outer = -1, inner = -1;
	for (int i = 0; i < p->n_layers; i++) {
		if (p->layers[i].kind != MW_L_IP4)
			continue;
		if (outer < 0 && p->layers[i].depth == 0)
			outer = i;
		else if (outer >= 0 && p->layers[i].depth == 1) {
			inner = i;
			break;
		}
	}
	if (outer >= 0 && inner >= 0) {
		uint8_t pr = p->layers[outer].u.ip4.proto;
		if (pr == 4 || pr == 55 || pr == 47)
			on_tunnel(c, outer, inner);
	}
}

/* Every message in turn (the first MIPv4 one that counts ends the
 * packet), then tunnels. */
static NOINLINE void on_msgs(struct conf *c)
{
	const struct mw_packet *p = c->pkt;
	for (const struct mw_msg *m = p->msgs, *end = m + p->n_msgs; m < end; m++) {
		if (m->kind != MW_MSG_MIP4 && m->kind != MW_MSG_MIP4_ADV &&
		    m->kind != MW_MSG_MIP4_SOL)
			continue;
		const struct mw_layer *l = ip4_before(p, m->layer);
		if (!l || l->depth != 0)
			continue;
		if (m->kind == MW_MSG_MIP4_ADV) {
			on_adv(c, m, &l->u.ip4);
		} else if (m->kind == MW_MSG_MIP4_SOL) {
			on_sol(c, &l->u.ip4);
		} else if (mip4_counts(m, &p->layers[m->layer])) {
			on_mip4(c, m, &l->u.ip4, &p->layers[m->layer]);
			return;
		}
	}
	tunnels(c, p);
}

static COLD void sweep_now(struct conf *c)
{
	c->s4->prev_sweep = c->s4->last_sweep;
	c->s4->last_sweep = c->now;
	c->s4->n_sweeps++;
	sweep(c);
}

void state4_packet(struct conf *c)
{
	const struct mw_packet *p = c->pkt;
	const struct mw_msg *m = p->msgs;
	if (c->now - c->s4->last_sweep > 10)
		sweep_now(c);
	/* the common case in short: a MIPv4 message first, over UDP over
	 * outermost IPv4 (what on_msgs() would find first) */
	if (p->n_msgs && m->kind == MW_MSG_MIP4 && m->layer >= 1 && m->layer < p->n_layers) {
		const struct mw_layer *l = &p->layers[m->layer];
		if (l[-1].kind == MW_L_IP4 && l[-1].depth == 0 && mip4_counts(m, l)) {
			on_mip4(c, m, &l[-1].u.ip4, l);
			return;
		}
	}
	/* every message on_msgs() handles and every tunnel has IPv4 */
	if (mw_packet_kinds(p) & 1u << MW_L_IP4)
		on_msgs(c);
}

void state4_finish(struct conf *c)
{
	sweep_now(c);
}

/* The mobile node a registration message will be filed under
 * (on_rrq / on_rrp), 0 if p is none. */
static uint32_t mip4_key(const struct mw_packet *p)
{
	const struct mw_msg *m = p->msgs;
	if (!p->n_msgs || m->kind != MW_MSG_MIP4 || m->layer < 1 ||
	    m->layer >= p->n_layers || p->layers[m->layer - 1].kind != MW_L_IP4)
		return 0;
	const struct mw_ip4 *ip = &p->layers[m->layer - 1].u.ip4;
	if (m->u.mip4.type == MW_MIP4_RRQ)
		return m->u.mip4.u.rrq.hoa ? m->u.mip4.u.rrq.hoa : ip->src;
	if (m->u.mip4.type == MW_MIP4_RRP)
		return m->u.mip4.u.rrp.hoa ? m->u.mip4.u.rrp.hoa : ip->dst;
	return 0;
}

uint32_t state4_prefetch(const struct conf *c, const struct mw_packet *p)
{
	const struct state4 *s = c->s4;
	uint32_t key = mip4_key(p);
	if (key)
		__builtin_prefetch(&s->mn.s[otab4_home(&s->mn, key)]);
	return key;
}

void state4_prefetch_rec(const struct conf *c, uint32_t key)
{
	const struct state4 *s = c->s4;
	uint32_t i = key ? otab4_get(&s->mn, key) : 0;
	if (!i)
		return;
	/* every line: a request's match reads pend[] and answered[] too */
	const char *m = (const char *)mn_rec(s, i - 1);
	for (size_t o = 0; o < sizeof(struct mn4); o += 64)
		__builtin_prefetch(m + o, 1);
}
