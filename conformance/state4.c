/* Stateful Mobile IPv4 rules: registration exchanges (MN -> FA -> HA ->
 * FA -> MN, matched by Identification), bindings, retransmission timing,
 * agent advertisement sequences and tunnelled traffic (RFC 5944 2-4, RFC
 * 3024, RFC 3519). State is keyed by address (mobile nodes in an
 * open-addressing table, otab.h, looked up on every registration; agents
 * and solicitations in GLib hash tables) and is dropped when idle past
 * its lifetime. */
#include <stddef.h>
#include <string.h>

#include <glib.h>

#include "conf.h"
#include "expire.h"
#include "otab.h"

#define MAX_PENDING 4
#define MAX_ANSWERED 8
#define IDLE_EXPIRE 600.0   /* s of silence before a node's state is dropped */
#define INF_LIFETIME 0xffff

struct req {                  /* one Registration Request seen */
	bool used;
	bool from_fa;             /* relayed leg (FA -> HA) */
	bool answered;
	double ts;
	uint32_t src, dst;
	uint16_t sport, dport;
	uint8_t flags;
	uint16_t lifetime;
	uint32_t hoa, ha, coa;
	uint64_t ident;
	uint64_t hash;            /* fixed part .. authorization-enabling ext */
	bool has_hash;
	uint64_t rrp_hash;        /* HA -> FA reply (for the FA relay check) */
	bool has_rrp_hash;
};

struct mn4 {
	uint32_t key;             /* home address (or source when 0) */
	double last_seen;
	struct req pend[MAX_PENDING];
	double last_mn_rrq;       /* time of the last request sent by the MN */
	double retrans_iv;        /* last retransmission interval, 0 none */
	bool unanswered;          /* last MN request not answered yet */
	uint16_t last_lifetime;
	uint64_t answered[MAX_ANSWERED];
	unsigned n_answered;
	/* binding in force */
	bool bound;
	uint32_t b_coa, b_ha, b_fa;
	uint8_t b_flags;
	double b_expiry;          /* 0 = infinite */
	bool rereg_pending;       /* FA rebooted: re-registration expected */
	double rereg_deadline;
	double last_fa_denial;
	bool udpt_ok;
	uint16_t last_sport;
	struct wnode wn;          /* expiry wheel */
	uint64_t touch;           /* sweeps done when last_seen was set */
};

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

struct sol4 {
	uint32_t src;
	double last, iv;
	unsigned n;
};

struct state4 {
	struct otab4 mn;          /* struct mn4 *, by key */
	GHashTable *agents, *sols;
	double last_sweep, prev_sweep;
	uint64_t n_sweeps;
	struct wheel wheel;       /* mobile nodes by earliest expiry */
	bool rereg_any;           /* some node has rereg_pending */
	GHashTable *rrq_to;       /* agents that received requests */
};

struct state4 *state4_new(void)
{
	struct state4 *s = g_new0(struct state4, 1);
	otab4_init(&s->mn);
	s->agents = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	s->sols = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	s->rrq_to = g_hash_table_new(g_direct_hash, g_direct_equal);
	wheel_init(&s->wheel, 10.0);
	return s;
}

void state4_free(struct state4 *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->mn.cap; i++)
		g_free(s->mn.s[i].v);
	g_free(s->mn.s);
	g_hash_table_destroy(s->agents);
	g_hash_table_destroy(s->sols);
	g_hash_table_destroy(s->rrq_to);
	wheel_clear(&s->wheel);
	g_free(s);
}

/* 64-bit hash of n bytes, a word at a time (only compared for equality). */
static uint64_t span_hash(const uint8_t *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ n, w;
	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 29;
	}
	w = 0;
	for (size_t i = 0; i < n; i++)
		w |= (uint64_t)p[i] << (8 * i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 32);
}

/* Hash of the bytes from the message start through the first
 * authorization-enabling extension (what agents must not change). */
static bool auth_span_hash(const struct mw_packet *p, const struct mw_msg *m,
			   uint64_t *h)
{
	for (int i = m->elem_first; i < m->elem_first + m->elem_count; i++) {
		const struct mw_elem *e = &p->elems[i];
		if (e->depth == 0 && (e->type == 32 || e->type == 36)) {
			uint32_t end = e->off + e->len;
			if (end > p->caplen || end < m->off)
				return false;
			*h = span_hash(p->data + m->off, end - m->off);
			return true;
		}
	}
	return false;
}

static bool has_ext(const struct mw_packet *p, const struct mw_msg *m,
		    uint8_t type, int *idx)
{
	for (int i = m->elem_first; i < m->elem_first + m->elem_count; i++)
		if (p->elems[i].depth == 0 && p->elems[i].type == type) {
			if (idx)
				*idx = i;
			return true;
		}
	return false;
}

static bool binding_live(const struct mn4 *m, double now)
{
	return m->bound && (m->b_expiry == 0 || now <= m->b_expiry);
}

/* Idle past its lifetime at time t: dropped by a sweep at t. */
static bool mn_dead(const struct mn4 *m, double t)
{
	return t - m->last_seen > IDLE_EXPIRE && !binding_live(m, t);
}

/* Would one of the sweeps 1..n_sweeps have dropped it? Only sweeps after
 * its last touch count; sweep times only grow (each is > 10 s after the
 * previous) and mn_dead() stays true once true, so the last of them
 * decides. */
static bool mn_gone(const struct state4 *s, const struct mn4 *m,
		    uint64_t n_sweeps, double t)
{
	(void)s;
	return m->touch < n_sweeps && mn_dead(m, t);
}

static void mn_drop(struct state4 *s, struct mn4 *m)
{
	wheel_del(&s->wheel, &m->wn);
	otab4_del(&s->mn, m->key);
	g_free(m);
}

/* The node's state, NULL if none or expired (lazily dropped). */
static struct mn4 *mn_find(struct state4 *s, uint32_t key)
{
	struct mn4 *m = otab4_get(&s->mn, key);
	if (m && mn_gone(s, m, s->n_sweeps, s->last_sweep)) {
		mn_drop(s, m);
		m = NULL;
	}
	return m;
}

static struct mn4 *mn_get(struct state4 *s, uint32_t key, bool create, double now)
{
	struct mn4 *m = mn_find(s, key);
	if (!m && create) {
		m = g_new0(struct mn4, 1);
		m->key = key;
		otab4_put(&s->mn, key, m);
		wheel_add(&s->wheel, &m->wn, now + IDLE_EXPIRE);
	}
	if (m) {
		m->last_seen = now;
		m->touch = s->n_sweeps;
	}
	return m;
}

static struct agent4 *agent_get(struct state4 *s, uint32_t a)
{
	return g_hash_table_lookup(s->agents, GUINT_TO_POINTER(a));
}

/* The agent a request was sent to: by IP destination or advertised CoA. */
static struct agent4 *agent_for(struct state4 *s, uint32_t dst, uint32_t coa)
{
	struct agent4 *a = agent_get(s, dst);
	GHashTableIter it;
	gpointer k, v;
	if (a)
		return a;
	g_hash_table_iter_init(&it, s->agents);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		struct agent4 *x = v;
		for (unsigned i = 0; i < x->n_coa; i++)
			if (x->coa[i] == coa)
				return x;
	}
	return NULL;
}

static bool ident_answered(const struct mn4 *m, uint64_t id)
{
	for (unsigned i = 0; i < m->n_answered && i < MAX_ANSWERED; i++)
		if (m->answered[i] == id)
			return true;
	return false;
}

static void add_pending(struct mn4 *m, const struct req *r)
{
	unsigned slot = 0;
	double oldest = 1e300;
	for (unsigned i = 0; i < MAX_PENDING; i++) {
		if (!m->pend[i].used) {
			slot = i;
			break;
		}
		if (m->pend[i].ts < oldest) {
			oldest = m->pend[i].ts;
			slot = i;
		}
	}
	m->pend[slot] = *r;
	m->pend[slot].used = true;
}

/* ---- agent discovery ---- */

static void on_adv(struct conf *c, const struct mw_msg *msg, const struct mw_ip4 *ip)
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
		conf_result(c, RULE("MIP4-ADV-SEQ"), node, ok,
			    "sequence %u after %u (expected %u)", seq, prev,
			    prev == 0xffff ? 256 : prev + 1);
		if (reboot) {
			for (size_t i = 0; i < s->mn.cap; i++) {
				struct mn4 *m = s->mn.s[i].v;
				if (!m)
					continue;
				if (m->bound && m->b_fa == ip->src &&
				    !mn_gone(s, m, s->n_sweeps, s->last_sweep)) {
					s->rereg_any = true;
					m->rereg_pending = true;
					m->rereg_deadline = c->now + (a->lifetime ? a->lifetime : 30);
				}
			}
		}
	}
	bool mcast = (ip->dst >> 28) == 0xe || ip->dst == 0xffffffffu;
	if (mcast && g->last_mcast > 0 && a->lifetime > 0) {
		double iv = c->now - g->last_mcast;
		conf_result(c, RULE("MIP4-ADV-INTERVAL"), node,
			    iv <= a->lifetime / 3.0 * 1.1 + 0.05,
			    "%.2f s between advertisements, Lifetime %u s (expected <= %.1f s)",
			    iv, a->lifetime, a->lifetime / 3.0);
	}
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

static void on_sol(struct conf *c, const struct mw_ip4 *ip)
{
	struct state4 *s = c->s4;
	struct conf_node node;
	struct sol4 *so = g_hash_table_lookup(s->sols, GUINT_TO_POINTER(ip->src));
	node = conf_node4(ip->src);
	if (!so) {
		so = g_new0(struct sol4, 1);
		so->src = ip->src;
		g_hash_table_insert(s->sols, GUINT_TO_POINTER(ip->src), so);
	} else {
		double iv = c->now - so->last;
		if (iv > 120)         /* a new search */
			so->n = 0, so->iv = 0;
		else {
			bool ok = so->n < 3 ? iv >= 0.9 : iv >= so->iv * 0.9;
			conf_result(c, RULE("MIP4-SOL-BACKOFF"), node, ok,
				    "solicitation %u only %.2f s after the previous (previous interval %.2f s)",
				    so->n + 1, iv, so->iv);
			so->iv = iv;
		}
	}
	so->n++;
	so->last = c->now;
}

/* ---- registration ---- */

static void on_rrq(struct conf *c, const struct mw_msg *msg, const struct mw_ip4 *ip,
		   const struct mw_udp *udp)
{
	struct state4 *s = c->s4;
	const struct mw_mip4_rrq *q = &msg->u.mip4.u.rrq;
	bool dbit = q->flags & MW_RRQ_D;
	bool from_fa = !dbit && q->coa != 0 && ip->src == q->coa && ip->src != q->hoa;
	struct conf_node node;
	struct req r = { .from_fa = from_fa, .ts = c->now, .src = ip->src,
		.dst = ip->dst, .sport = udp->sport, .dport = udp->dport,
		.flags = q->flags, .lifetime = q->lifetime, .hoa = q->hoa,
		.ha = q->ha, .coa = q->coa, .ident = q->ident };
	r.has_hash = auth_span_hash(c->pkt, msg, &r.hash);
	struct mn4 *m = mn_get(s, q->hoa ? q->hoa : ip->src, true, c->now);

	if (from_fa) {
		node = conf_node4(ip->src);
		g_hash_table_insert(s->rrq_to, GUINT_TO_POINTER(ip->dst), GINT_TO_POINTER(1));
		struct req *mnreq = NULL;
		for (unsigned i = 0; i < MAX_PENDING; i++)
			if (m->pend[i].used && !m->pend[i].from_fa &&
			    m->pend[i].ident == q->ident)
				mnreq = &m->pend[i];
		if (mnreq) {
			conf_pass(c, RULE("MIP4-FA-ORIGINATE"), node);
			if (mnreq->has_hash && r.has_hash)
				conf_result(c, RULE("MIP4-FA-RELAY-RRQ"), node,
					    mnreq->hash == r.hash,
					    "relayed request differs from the mobile node's before the end of the MN-HA authentication");
		} else if (m->last_mn_rrq > 0) {
			conf_result(c, RULE("MIP4-FA-ORIGINATE"), node, false,
				    "request for home address %s (Identification %016llx) not sent by the mobile node",
				    conf_ip4(q->hoa, (char[16]){0}), (unsigned long long)q->ident);
		}
		conf_result(c, RULE("MIP4-FA-RELAY-ADDRS"), node,
			    ip->dst == q->ha && udp->dport == MW_MIP4_PORT,
			    "relayed to %s port %u, Home Agent field %s",
			    conf_ip4(ip->dst, (char[16]){0}), udp->dport,
			    conf_ip4(q->ha, (char[16]){0}));
		if (!(q->flags & MW_RRQ_D) && q->lifetime != 0) {
			struct agent4 *g = agent_for(s, mnreq ? mnreq->dst : 0, q->coa);
			if (g && g->n_coa) {
				bool adv = false;
				for (unsigned i = 0; i < g->n_coa; i++)
					adv |= g->coa[i] == q->coa;
				conf_result(c, RULE("MIP4-FA-COA-77"), node, adv,
					    "relayed a request for care-of address %s it did not advertise",
					    conf_ip4(q->coa, (char[16]){0}));
			}
		}
		add_pending(m, &r);
		return;
	}

	/* sent by the mobile node: a registration ends an agent search */
	node = conf_node4(m->key);
	struct sol4 *so = g_hash_table_lookup(s->sols, GUINT_TO_POINTER(ip->src));
	if (so)
		so->n = 0, so->iv = 0, so->last = -1e9;
	g_hash_table_insert(s->rrq_to, GUINT_TO_POINTER(ip->dst), GINT_TO_POINTER(1));
	struct req *same = NULL;
	for (unsigned i = 0; i < MAX_PENDING; i++)
		if (m->pend[i].used && !m->pend[i].from_fa && !m->pend[i].answered &&
		    m->pend[i].ident == q->ident)
			same = &m->pend[i];
	if (m->last_mn_rrq > 0) {
		double iv = c->now - m->last_mn_rrq;
		conf_result(c, RULE("MIP4-RRQ-RATE"), node, iv >= 0.999,
			    "requests %.3f s apart (minimum 1 s)", iv);
		if (m->unanswered) {
			if (m->retrans_iv > 0)
				conf_result(c, RULE("MIP4-RRQ-BACKOFF"), node,
					    iv >= 2 * m->retrans_iv * 0.9,
					    "retransmission after %.2f s, previous period %.2f s (expected >= %.2f s)",
					    iv, m->retrans_iv, 2 * m->retrans_iv);
			if (m->last_lifetime && m->last_lifetime != INF_LIFETIME)
				conf_result(c, RULE("MIP4-RRQ-RETRANS-MAX"), node,
					    iv <= m->last_lifetime,
					    "next request after %.1f s, requested Lifetime %u s",
					    iv, m->last_lifetime);
			m->retrans_iv = iv;
		} else {
			m->retrans_iv = 0;
		}
	}
	conf_result(c, RULE("MIP4-RRQ-IDENT-NEW"), node,
		    same || !ident_answered(m, q->ident),
		    "Identification %016llx reused from an answered request",
		    (unsigned long long)q->ident);
	struct agent4 *g = dbit ? NULL : agent_for(s, ip->dst, q->coa);
	if (g) {
		g->got_rrq = true;
		if (g->reg_lifetime != INF_LIFETIME && q->lifetime != 0)
			conf_result(c, RULE("MIP4-RRQ-LIFETIME-ADV"), node,
				    q->lifetime <= g->reg_lifetime,
				    "Lifetime %u s above the advertised Registration Lifetime %u s",
				    q->lifetime, g->reg_lifetime);
		if (q->flags & (MW_RRQ_M | MW_RRQ_G)) {
			bool ok = (!(q->flags & MW_RRQ_M) || (g->flags & MW_MAA_M)) &&
				  (!(q->flags & MW_RRQ_G) || (g->flags & MW_MAA_G));
			conf_result(c, RULE("MIP4-RRQ-ENCAP-ADV"), node, ok,
				    "M/G requested (flags 0x%02x) but the agent advertised 0x%04x",
				    q->flags, g->flags);
		}
	}
	if (m->bound && m->b_expiry > 0 && q->lifetime != 0)
		conf_result(c, RULE("MIP4-REREG-BEFORE-EXPIRY"), node,
			    c->now <= m->b_expiry,
			    "re-registered %.1f s after the registration expired",
			    c->now - m->b_expiry);
	if (m->rereg_pending) {
		conf_pass(c, RULE("MIP4-REBOOT-REREG"), node);
		m->rereg_pending = false;
	}
	m->last_mn_rrq = c->now;
	m->unanswered = true;
	m->last_lifetime = q->lifetime;
	m->last_sport = udp->sport;
	if (!same)
		add_pending(m, &r);
}

static void on_rrp(struct conf *c, const struct mw_msg *msg, const struct mw_ip4 *ip,
		   const struct mw_udp *udp)
{
	struct state4 *s = c->s4;
	const struct mw_mip4_rrp *p = &msg->u.mip4.u.rrp;
	struct conf_node node;
	node = conf_node4(ip->src);
	struct mn4 *m = mn_get(s, p->hoa ? p->hoa : ip->dst, false, c->now);
	if (!m)
		m = mn_get(s, ip->dst, false, c->now);
	struct req *best = NULL, *any = NULL;
	/* the request answered: same Identification (low 32 bits), else the
	 * most recent one of this mobile node (then the checks below say
	 * what differs) */
	for (unsigned i = 0; m && i < MAX_PENDING; i++) {
		struct req *r = &m->pend[i];
		if (!r->used)
			continue;
		/* a relayed leg is answered to the FA, the MN leg to the MN */
		bool to_fa = r->from_fa && ip->dst == r->src;
		bool to_mn = !r->from_fa && ip->dst != r->ha &&
			     (ip->src == r->dst || ip->src != r->ha);
		if (!to_fa && !to_mn)
			continue;
		if (!any || r->ts > any->ts || (to_fa && !any->from_fa && r->ts >= any->ts))
			any = r;
		if ((uint32_t)r->ident == (uint32_t)p->ident &&
		    (!best || r->ts > best->ts || (to_fa && !best->from_fa)))
			best = r;
	}
	bool seen_req_to = g_hash_table_contains(s->rrq_to, GUINT_TO_POINTER(ip->src)) ||
			   (m && m->last_mn_rrq > 0);
	if (!any) {
		if (seen_req_to)
			conf_result(c, RULE("MIP4-RRP-UNSOLICITED"), node, false,
				    "reply (code %u) to %s with no matching request",
				    p->code, conf_ip4(ip->dst, (char[16]){0}));
		return;
	}
	conf_pass(c, RULE("MIP4-RRP-UNSOLICITED"), node);
	struct req *r = best ? best : any;
	conf_result(c, RULE("MIP4-RRP-IDENT"), node, best != NULL,
		    "Identification low 32 bits %08x, request had %08x",
		    (uint32_t)p->ident, (uint32_t)any->ident);
	bool accepted = p->code <= 1;
	bool fa_denial = p->code >= 64 && p->code <= 127;
	if (accepted)
		conf_result(c, RULE("MIP4-RRP-LIFETIME"), node,
			    p->lifetime <= r->lifetime,
			    "granted Lifetime %u s, requested %u s", p->lifetime, r->lifetime);
	if (r->hoa != 0 && !fa_denial)
		conf_result(c, RULE("MIP4-RRP-HOA"), node, p->hoa == r->hoa,
			    "Home Address %s, request had %s",
			    conf_ip4(p->hoa, (char[16]){0}), conf_ip4(r->hoa, (char[16]){0}));
	if (accepted)
		conf_result(c, RULE("MIP4-RRP-HA-COPY"), node, p->ha == r->ha,
			    "Home Agent %s, request had %s",
			    conf_ip4(p->ha, (char[16]){0}), conf_ip4(r->ha, (char[16]){0}));
	bool grp = (r->dst >> 28) == 0xe || r->dst == 0xffffffffu;
	conf_result(c, RULE("MIP4-RRP-ADDRS"), node,
		    (grp || ip->src == r->dst) &&
		    (ip->dst == r->src || ip->dst == r->hoa || ip->dst == 0xffffffffu),
		    "reply %s -> %s, request was %s -> %s",
		    conf_ip4(ip->src, (char[16]){0}), conf_ip4(ip->dst, (char[16]){0}),
		    conf_ip4(r->src, (char[16]){0}), conf_ip4(r->dst, (char[16]){0}));
	conf_result(c, RULE("MIP4-RRP-PORTS"), node,
		    udp->sport == r->dport && udp->dport == r->sport,
		    "reply ports %u -> %u, request ports %u -> %u", udp->sport,
		    udp->dport, r->sport, r->dport);

	uint64_t h = 0;
	bool hh = auth_span_hash(c->pkt, msg, &h);
	if (r->from_fa) {
		/* HA -> FA leg: remember it for the FA -> MN relay */
		for (unsigned i = 0; i < MAX_PENDING; i++)
			if (m->pend[i].used && !m->pend[i].from_fa &&
			    m->pend[i].ident == r->ident && hh) {
				m->pend[i].rrp_hash = h;
				m->pend[i].has_rrp_hash = true;
			}
	} else if (r->has_rrp_hash && hh) {
		conf_result(c, RULE("MIP4-FA-RELAY-RRP"), node, h == r->rrp_hash,
			    "relayed reply differs from the home agent's before the end of the MN-HA authentication");
	}
	if (fa_denial && !r->from_fa) {
		if (m->last_fa_denial > 0)
			conf_result(c, RULE("MIP4-FA-DENIAL-RATE"), node,
				    c->now - m->last_fa_denial >= 0.999,
				    "denials %.3f s apart to the same mobile node",
				    c->now - m->last_fa_denial);
		m->last_fa_denial = c->now;
	}
	if (!r->from_fa && !(r->flags & MW_RRQ_D) && r->lifetime != 0) {
		struct agent4 *g = agent_for(s, r->dst, r->coa);
		bool adv = false;
		for (unsigned i = 0; g && i < g->n_coa; i++)
			adv |= g->coa[i] == r->coa;
		if (g && g->n_coa && !adv && ip->src == r->dst)
			conf_result(c, RULE("MIP4-FA-COA-77"), node, p->code == 77,
				    "care-of address %s not advertised: expected code 77, seen %u",
				    conf_ip4(r->coa, (char[16]){0}), p->code);
	}

	/* the MN's view: answered; binding in force */
	r->answered = true;
	if (!r->from_fa) {
		m->unanswered = false;
		m->retrans_iv = 0;
		m->answered[m->n_answered++ % MAX_ANSWERED] = r->ident;
	}
	if (accepted) {
		if (p->lifetime == 0) {
			m->bound = false;
		} else {
			m->bound = true;
			m->b_coa = r->coa;
			m->b_ha = p->ha;
			m->b_flags = r->flags;
			m->b_fa = r->from_fa ? r->src : r->dst;
			m->b_expiry = p->lifetime == INF_LIFETIME ? 0 : r->ts + p->lifetime;
		}
		int ut;
		if (has_ext(c->pkt, msg, 44, &ut)) {
			const struct mw_elem *e = &c->pkt->elems[ut];
			if (mwi_ok_read(c->pkt, e->off + 3) &&
			    c->pkt->data[e->off + 3] < 64)
				m->udpt_ok = true;
		} else if (!r->from_fa) {
			m->udpt_ok = false;
		}
	}
}

/* ---- tunnels ---- */

static void on_tunnel(struct conf *c, int outer, int inner)
{
	struct state4 *s = c->s4;
	const struct mw_packet *p = c->pkt;
	const struct mw_ip4 *o = &p->layers[outer].u.ip4;
	const struct mw_ip4 *in = &p->layers[inner].u.ip4;
	struct conf_node node;
	node = conf_node4(o->src);

	/* forward: HA -> care-of address, inner destination a home address */
	struct mn4 *m = mn_find(s, in->dst);
	if (m && (m->bound || m->last_mn_rrq > 0)) {
		bool live = binding_live(m, c->now);
		conf_result(c, RULE("MIP4-TUN-BINDING"), node, live && o->dst == m->b_coa,
			    "tunnel to %s for home address %s without a binding in force",
			    conf_ip4(o->dst, (char[16]){0}), conf_ip4(in->dst, (char[16]){0}));
		if (!live)
			return;
		conf_result(c, RULE("MIP4-TUN-SRC"), node, o->src == m->b_ha,
			    "outer source %s, Home Agent of the reply %s",
			    conf_ip4(o->src, (char[16]){0}), conf_ip4(m->b_ha, (char[16]){0}));
		uint8_t proto = o->proto;
		bool ok = proto == 4 || (proto == 55 && (m->b_flags & MW_RRQ_M)) ||
			  (proto == 47 && (m->b_flags & MW_RRQ_G));
		conf_result(c, RULE("MIP4-TUN-ENCAP"), node, ok,
			    "encapsulation protocol %u, requested flags 0x%02x", proto, m->b_flags);
		int deeper = mw_find_layer(p, MW_L_IP4, p->n_layers);
		bool loop = deeper > inner && p->layers[deeper].depth > p->layers[inner].depth &&
			    in->src == m->b_coa && in->dst == m->key;
		conf_result(c, RULE("MIP4-TUN-LOOP"), node, !loop,
			    "datagram from the care-of address tunnelled back to it");
		uint32_t fin = deeper >= 0 ? p->layers[deeper].u.ip4.dst : in->dst;
		if (fin == 0xffffffffu)
			conf_result(c, RULE("MIP4-TUN-BCAST"), node, m->b_flags & MW_RRQ_B,
				    "broadcast forwarded to %s, which did not set B",
				    conf_ip4(m->key, (char[16]){0}));
		return;
	}
	/* reverse: care-of address -> HA, inner source a home address */
	m = mn_find(s, in->src);
	if (m && m->bound && o->dst == m->b_ha) {
		conf_result(c, RULE("MIP4-RT-ADDRS"), node, o->src == m->b_coa,
			    "reverse tunnel from %s, registered care-of address %s",
			    conf_ip4(o->src, (char[16]){0}), conf_ip4(m->b_coa, (char[16]){0}));
		conf_result(c, RULE("MIP4-RT-GRANTED"), node,
			    binding_live(m, c->now) && (m->b_flags & MW_RRQ_T),
			    "reverse tunnel for %s without an accepted T registration",
			    conf_ip4(m->key, (char[16]){0}));
	}
}

static void on_udp_tunnel(struct conf *c, const struct mw_udp *udp, int inner)
{
	const struct mw_ip4 *in = &c->pkt->layers[inner].u.ip4;
	struct mn4 *m = mn_find(c->s4, in->src);
	struct conf_node node;
	if (!m)
		return;
	node = conf_node4(m->key);
	conf_result(c, RULE("MIP4-UDPT-ACCEPTED"), node, m->udpt_ok,
		    "UDP-tunnelled data without an accepted UDP Tunnel Reply");
	conf_result(c, RULE("MIP4-UDPT-SRC-PORT"), node, udp->sport == m->last_sport,
		    "tunnel source port %u, last request's port %u", udp->sport,
		    m->last_sport);
}

/* The wheel reached m: drop it if expired, else check again later. */
static void expire_mn(void *ctx, struct wnode *n)
{
	struct conf *c = ctx;
	struct mn4 *m = (struct mn4 *)(void *)((char *)n - offsetof(struct mn4, wn));
	double due = m->last_seen + IDLE_EXPIRE;
	if (mn_dead(m, c->now)) {
		otab4_del(&c->s4->mn, m->key);
		g_free(m);
		return;
	}
	if (binding_live(m, c->now))
		due = m->b_expiry > due ? m->b_expiry : m->b_expiry == 0 ? c->now + IDLE_EXPIRE : due;
	wheel_add(&c->s4->wheel, &m->wn, due);
}

static gint cmp_u32(gconstpointer a, gconstpointer b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Every 10 s of capture time: deadlines, then expiry. Only the entries
 * due are visited (expire.h), except while a foreign agent reboot left
 * re-registrations pending. */
static void sweep(struct conf *c)
{
	struct state4 *s = c->s4;
	GHashTableIter it;
	gpointer k, v;
	if (s->rereg_any) {
		/* late nodes are reported in address order (table order is
		 * arbitrary) */
		GArray *late = g_array_new(FALSE, FALSE, sizeof(uint32_t));
		s->rereg_any = false;
		for (size_t i = 0; i < s->mn.cap; i++) {
			struct mn4 *m = s->mn.s[i].v;
			if (!m || !m->rereg_pending ||
			    mn_gone(s, m, s->n_sweeps - 1, s->prev_sweep))
				continue;   /* (dropped by an earlier sweep) */
			if (c->now > m->rereg_deadline) {
				g_array_append_val(late, m->key);
				m->rereg_pending = false;
			} else {
				s->rereg_any = true;
			}
		}
		g_array_sort(late, cmp_u32);
		for (unsigned i = 0; i < late->len; i++)
			conf_result(c, RULE("MIP4-REBOOT-REREG"),
				    conf_node4(g_array_index(late, uint32_t, i)), false,
				    "no re-registration after the foreign agent rebooted");
		g_array_free(late, TRUE);
	}
	wheel_run(&s->wheel, c->now, expire_mn, c);
	g_hash_table_iter_init(&it, s->agents);
	while (g_hash_table_iter_next(&it, &k, &v))
		if (c->now - ((struct agent4 *)v)->last_seen > IDLE_EXPIRE)
			g_hash_table_iter_remove(&it);
	g_hash_table_iter_init(&it, s->sols);
	while (g_hash_table_iter_next(&it, &k, &v))
		if (c->now - ((struct sol4 *)v)->last > IDLE_EXPIRE)
			g_hash_table_iter_remove(&it);
}

void state4_packet(struct conf *c)
{
	const struct mw_packet *p = c->pkt;
	struct state4 *s = c->s4;
	if (c->now - s->last_sweep > 10) {
		s->prev_sweep = s->last_sweep;
		s->last_sweep = c->now;
		s->n_sweeps++;
		sweep(c);
	}
	for (int i = 0; i < p->n_msgs; i++) {
		const struct mw_msg *m = &p->msgs[i];
		int ipl = mw_find_layer(p, MW_L_IP4, m->layer);
		if (ipl < 0 || p->layers[ipl].depth != 0)
			continue;
		const struct mw_ip4 *ip = &p->layers[ipl].u.ip4;
		if (m->kind == MW_MSG_MIP4_ADV)
			on_adv(c, m, ip);
		else if (m->kind == MW_MSG_MIP4_SOL)
			on_sol(c, ip);
		else if (m->kind == MW_MSG_MIP4 && m->status != MW_E_TRUNC &&
			 p->layers[m->layer].kind == MW_L_UDP) {
			const struct mw_udp *udp = &p->layers[m->layer].u.udp;
			if (udp->csum_ok == 0)
				continue; /* discarded by receivers */
			if (m->code == MW_MIP4_RRQ)
				on_rrq(c, m, ip, udp);
			else if (m->code == MW_MIP4_RRP)
				on_rrp(c, m, ip, udp);
			else if (m->code == MW_MIP4_TUNNEL_DATA) {
				for (int k = m->layer + 1; k < p->n_layers; k++)
					if (p->layers[k].kind == MW_L_IP4) {
						on_udp_tunnel(c, udp, k);
						break;
					}
			}
			return;
		}
	}
	/* IP-in-IP / minimal / GRE tunnels at the outermost level */
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

void state4_finish(struct conf *c)
{
	c->s4->prev_sweep = c->s4->last_sweep;
	c->s4->last_sweep = c->now;
	c->s4->n_sweeps++;
	sweep(c);
}
