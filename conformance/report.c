/* Verdicts per rule and entity, and the report formats. Memory grows with
 * the number of nodes and of distinct pass sets seen, never with the
 * capture length.
 *
 * Hot path (every pass): passes come as sets of rules (the per-packet
 * rules' passes of one message, a node's stateful passes), and nearly all
 * packets of one shape produce one of a few dozen distinct sets. Each
 * distinct set is interned once (a small id); a node keeps (set id,
 * count) pairs in its one-cache-line record, which lives in the node hash
 * table itself. Consecutive passes on one node are merged into one set
 * first. A packet's passes then cost one node record (one cold line), a
 * compare with the sets of its first pairs (a node passes a few sets over
 * and over) and a count++; a set lookup (hot) only when none is it. Per (rule, node) pass counts are summed when the reports are
 * written.
 *
 * First-seen order of a rule's entities: when a set is new to a node, the
 * rules of it the node had not been judged on yet are appended, as one
 * event, to a log; the writers build each rule's entity list from it.
 * Failures (rare) keep a record per failing (rule, node) pair, chained
 * from the node. */
#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#include "bigmem.h"
#include "report.h"

#define MAX_EXAMPLES 5
#define MAX_TRUNC_LIST 20

struct example {
	char *file;
	uint64_t frame;
	int64_t ts_sec;
	uint32_t ts_nsec;
	uint32_t offset, len;
	char *detail;
};

struct failrec {             /* a (rule, node) pair that failed at least once */
	uint64_t n_fail;
	unsigned n_ex;
	uint32_t rule;
	uint32_t next;            /* 1 + index of the node's previous failrec */
	struct example ex[MAX_EXAMPLES];
};

/* A set of rules (bit i: catalogue index i), fixed size so that the hot
 * compares and hashes are straight-line code. */
#define SETW REPORT_SETW
struct rset {
	uint64_t w[SETW];
};

/* A pair: (set id + 1) in the top bits, the count below (0 = free slot).
 * A count only reaches 2^44 after that many passes of one set by one node:
 * days of input at any rate this tool reaches. */
#define PAIR_CNT_BITS 44
#define PAIR_CNT_MASK ((1ull << PAIR_CNT_BITS) - 1)
#define MAX_SETS ((1u << (64 - PAIR_CNT_BITS)) - 1)
#define NO_SET UINT32_MAX
#define INLINE_PAIRS 4
#define PEND_NONE REPORT_PEND_NONE

struct rnode {               /* one node, one cache line */
	uint64_t hi, lo;          /* key (struct conf_node) */
	uint64_t pair[INLINE_PAIRS];
	uint32_t id;              /* creation number (entity lists refer to it) */
	uint32_t fam1;            /* key fam + 1; 0 = free table slot */
	uint32_t ovf;             /* 1 + index in report.ovf: further pairs */
	uint32_t fail;            /* 1 + index in report.fails of the latest
				   * failrec of the node, 0 = never failed */
};

struct pairs {               /* a node's pairs beyond the inline ones */
	uint64_t *p;
	uint32_t n, cap;
};

struct event {               /* node first judged on the rules of set */
	uint32_t node, set;
};

/* An entity of a rule, for the writers. */
struct entity {
	const struct rnode *node;
	uint64_t n_pass;
	const struct failrec *f;  /* NULL if it never failed */
};

struct rstate {
	const struct mw_rule *rule;
	bool enabled;
	uint32_t n_failing;    /* failrecs of the rule */
	char *na_reason;
};

/* The authenticators of a rule that no security association matched
 * (report_unjudged()): a rare path, kept apart from struct rstate. */
#define UNJUDGED_SHOWN 3
struct unjudged {
	uint64_t n;
	unsigned n_shown;
	bool more;                        /* other SPI / sender pairs */
	char shown[UNJUDGED_SHOWN][80];   /* "SPI 256 from 192.0.2.1" */
};

struct report {
	struct report_pend p;  /* first: report_pass() reads it (report.h) */
	size_t pend_hash;      /* node_hash(&p.node) */
	bool have_keys;
	size_t n;
	struct rstate *rs;
	struct rset on;        /* bit i = rule i enabled */
	bool all_on;           /* every rule enabled: passes need no masking */
	/* interned sets: id i < n is {rule i} */
	struct rset *sets;
	uint32_t n_sets, sets_cap;
	uint32_t *set_tab;     /* open addressing: 1 + id, 0 = free */
	uint32_t set_mask;
	unsigned set_shift;    /* 64 - log2(set_mask + 1) */
	/* nodes: open addressing, linear probing, records in place */
	struct rnode *tab;
	struct bigmem tab_mem; /* tab (a large table is on huge pages) */
	size_t tab_mask, tab_n;
	GArray *ovf;           /* struct pairs */
	struct event *ev;      /* in order */
	size_t n_ev, ev_cap;
	GPtrArray *fails;      /* struct failrec * */
	/* entity counts (built) and lists (ord: NULL until needed), from
	 * the log when a writer needs them */
	bool built;
	const struct rnode **byid;
	uint32_t *ord;         /* node ids, rule i's at ord_off[i].. */
	size_t *ord_off;       /* n + 1 */
	GPtrArray *files;      /* struct rfile *, in the order read */
	GPtrArray *errors;     /* struct input_error *, likewise */
	uint64_t frames, truncated;
	struct unjudged *uj;   /* per rule; NULL until an authenticator has none */
	unsigned n_trunc_list;
	struct example trunc[MAX_TRUNC_LIST];
};

char *conf_node_str(const struct conf_node *n, char *buf)
{
	if (n->fam == 4) {
		uint32_t a = (uint32_t)n->lo;
		snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255,
			 (a >> 8) & 255, a & 255);
	} else if (n->fam == 6) {
		uint8_t b[16];
		for (int i = 0; i < 8; i++) {
			b[i] = (uint8_t)(n->hi >> (56 - 8 * i));
			b[8 + i] = (uint8_t)(n->lo >> (56 - 8 * i));
		}
		inet_ntop(AF_INET6, b, buf, 46);
	} else {
		strcpy(buf, "-");
	}
	return buf;
}

static void failrec_free(gpointer p)
{
	struct failrec *f = p;
	for (unsigned i = 0; i < f->n_ex; i++) {
		g_free(f->ex[i].detail);
		g_free(f->ex[i].file);
	}
	g_free(f);
}

/* ---- rule sets ---- */

static inline bool set_has(const struct rset *s, size_t i)
{
	return s->w[i / 64] >> (i % 64) & 1;
}

static inline void set_put(struct rset *s, size_t i)
{
	s->w[i / 64] |= 1ull << (i % 64);
}

static inline bool set_eq(const struct rset *a, const struct rset *b)
{
	uint64_t d = 0;
	for (unsigned w = 0; w < SETW; w++)
		d |= a->w[w] ^ b->w[w];
	return !d;
}

static inline bool set_empty(const struct rset *s)
{
	uint64_t d = 0;
	for (unsigned w = 0; w < SETW; w++)
		d |= s->w[w];
	return !d;
}

/* body for each rule i of s, in catalogue order */
#define SET_FOREACH(s, i, body)                                              \
	for (unsigned sw_ = 0; sw_ < SETW; sw_++)                            \
		for (uint64_t sb_ = (s)->w[sw_]; sb_; sb_ &= sb_ - 1) {      \
			size_t i = sw_ * 64 + (size_t)__builtin_ctzll(sb_); \
			body;                                                \
		}

/* Slot of s in a table of 2^(64 - shift) (top bits of a product: they
 * depend on every bit of every word). */
static inline uint32_t set_slot(const struct rset *s, unsigned shift)
{
	static const uint64_t mul[] = { 0x9e3779b97f4a7c15ull, 0xbf58476d1ce4e5b9ull,
					0x94d049bb133111ebull, 0xff51afd7ed558ccdull };
	uint64_t h = 0;
	for (unsigned w = 0; w < SETW; w++)
		h += s->w[w] * mul[w % 4];
	return (uint32_t)(h >> shift);
}

static void set_tab_put(struct report *r, uint32_t id)
{
	uint32_t k = set_slot(&r->sets[id], r->set_shift);
	while (r->set_tab[k])
		k = (k + 1) & r->set_mask;
	r->set_tab[k] = id + 1;
}

static __attribute__((noinline)) uint32_t set_add(struct report *r,
						  const struct rset *s)
{
	if (r->n_sets == MAX_SETS)
		return NO_SET;
	if (r->n_sets == r->sets_cap) {
		r->sets_cap = r->sets_cap ? 2 * r->sets_cap : 256;
		r->sets = g_renew(struct rset, r->sets, r->sets_cap);
	}
	uint32_t id = r->n_sets++;
	r->sets[id] = *s;
	if (8 * r->n_sets > r->set_mask) {   /* sparse: a lookup mostly probes once */
		g_free(r->set_tab);
		r->set_mask = 2 * (r->set_mask + 1) - 1;
		r->set_shift--;
		r->set_tab = g_new0(uint32_t, r->set_mask + 1);
		for (uint32_t i = 0; i < r->n_sets; i++)
			set_tab_put(r, i);
	} else {
		set_tab_put(r, id);
	}
	return id;
}

/* The id of set s (not empty), interned on first use; NO_SET once
 * MAX_SETS distinct sets exist. */
static inline uint32_t set_id(struct report *r, const struct rset *s)
{
	uint32_t k = set_slot(s, r->set_shift);
	for (uint32_t e; (e = r->set_tab[k]); k = (k + 1) & r->set_mask)
		if (set_eq(&r->sets[e - 1], s))
			return e - 1;
	return set_add(r, s);
}

/* ---- nodes ---- */

static inline bool node_eq(const struct conf_node *a, const struct conf_node *b)
{
	return a->lo == b->lo && a->hi == b->hi && a->fam == b->fam;
}

static inline bool node_is(const struct rnode *x, const struct conf_node *k)
{
	return x->lo == k->lo && x->hi == k->hi && x->fam1 == k->fam + 1;
}

static struct conf_node node_key(const struct rnode *x)
{
	return (struct conf_node){ .hi = x->hi, .lo = x->lo, .fam = x->fam1 - 1 };
}

static inline size_t node_hash(const struct conf_node *n)
{
	return report_node_hash(n);
}

/* A zeroed table of cap records on cache-line boundaries. */
static void tab_alloc(struct report *r, size_t cap)
{
	r->tab = bigmem_alloc(&r->tab_mem, cap * sizeof *r->tab);
	r->tab_mask = cap - 1;
}

static void tab_grow(struct report *r)
{
	struct rnode *old = r->tab;
	struct bigmem old_mem = r->tab_mem;
	size_t n = r->tab_mask + 1;
	tab_alloc(r, 2 * n);
	for (size_t i = 0; i < n; i++) {
		if (!old[i].fam1)
			continue;
		struct conf_node key = node_key(&old[i]);
		size_t k = node_hash(&key) & r->tab_mask;
		while (r->tab[k].fam1)
			k = (k + 1) & r->tab_mask;
		r->tab[k] = old[i];
	}
	bigmem_free(&old_mem);
	r->built = false;
}

/* The node's record, or NULL if it has none. */
static struct rnode *node_find(const struct report *r, const struct conf_node *key)
{
	for (size_t k = node_hash(key) & r->tab_mask; r->tab[k].fam1;
	     k = (k + 1) & r->tab_mask)
		if (node_is(&r->tab[k], key))
			return &r->tab[k];
	return NULL;
}

/* A record for a node the table does not hold, in free slot k. */
static __attribute__((noinline)) struct rnode *node_new(struct report *r,
							const struct conf_node *key,
							size_t k)
{
	struct rnode *x = &r->tab[k];
	x->hi = key->hi;
	x->lo = key->lo;
	x->fam1 = key->fam + 1;
	x->id = (uint32_t)r->tab_n;
	r->built = false;
	if (++r->tab_n * 2 > r->tab_mask + 1) {
		tab_grow(r);
		x = node_find(r, key);
	}
	return x;
}

/* The node's record (h: node_hash(key)); NULL and *slot = the free slot
 * its record would take when it has none. */
static inline struct rnode *node_at(const struct report *r, const struct conf_node *key,
				    size_t h, size_t *slot)
{
	size_t k = h & r->tab_mask;
	for (; r->tab[k].fam1; k = (k + 1) & r->tab_mask)
		if (node_is(&r->tab[k], key))
			return &r->tab[k];
	*slot = k;
	return NULL;
}

/* The node's record, created on first use (h: node_hash(key)). */
static inline struct rnode *node_get(struct report *r, const struct conf_node *key,
				     size_t h)
{
	size_t k;
	struct rnode *x = node_at(r, key, h, &k);
	return x ? x : node_new(r, key, k);
}

static struct failrec *fail_find(const struct report *r, const struct rnode *x,
				 size_t i)
{
	for (uint32_t f = x->fail; f; ) {
		struct failrec *fr = r->fails->pdata[f - 1];
		if (fr->rule == i)
			return fr;
		f = fr->next;
	}
	return NULL;
}

/* The node's pairs beyond the inline ones (NULL: none). */
static inline struct pairs *node_ovf(const struct report *r, const struct rnode *x)
{
	return x->ovf ? &g_array_index(r->ovf, struct pairs, x->ovf - 1) : NULL;
}

/* Pair j of the node (0: none), inline ones first. */
static inline uint64_t node_pair(const struct rnode *x, const struct pairs *o,
				 uint32_t j)
{
	return j < INLINE_PAIRS ? x->pair[j] : o->p[j - INLINE_PAIRS];
}

static inline uint32_t node_npairs(const struct pairs *o)
{
	return INLINE_PAIRS + (o ? o->n : 0);
}

static inline uint32_t pair_set(uint64_t p)
{
	return (uint32_t)(p >> PAIR_CNT_BITS) - 1;
}

/* Rules the node has been judged on: its sets and its failures. */
static struct rset node_seen(const struct report *r, const struct rnode *x)
{
	const struct pairs *o = node_ovf(r, x);
	struct rset seen = { 0 };
	for (uint32_t j = 0; j < node_npairs(o); j++) {
		uint64_t p = node_pair(x, o, j);
		for (unsigned w = 0; p && w < SETW; w++)
			seen.w[w] |= r->sets[pair_set(p)].w[w];
	}
	for (uint32_t f = x->fail; f; ) {
		const struct failrec *fr = r->fails->pdata[f - 1];
		set_put(&seen, fr->rule);
		f = fr->next;
	}
	return seen;
}

static void event_add(struct report *r, const struct rnode *x, uint32_t set)
{
	if (r->n_ev == r->ev_cap) {
		r->ev_cap = r->ev_cap ? 2 * r->ev_cap : 1024;
		r->ev = g_renew(struct event, r->ev, r->ev_cap);
	}
	r->ev[r->n_ev++] = (struct event){ .node = x->id, .set = set };
	r->built = false;
}

/* node_first_seen() of a node judged on some rules before. */
static __attribute__((noinline)) void node_first_seen_more(struct report *r,
							   const struct rnode *x,
							   uint32_t sid)
{
	const struct rset *s = &r->sets[sid];
	struct rset seen = node_seen(r, x), add;
	for (unsigned w = 0; w < SETW; w++)
		add.w[w] = s->w[w] & ~seen.w[w];
	if (set_empty(&add))
		return;
	/* all of them (a node's first set): no lookup */
	uint32_t id = set_eq(&add, s) ? sid : set_id(r, &add);
	if (id != NO_SET) {
		event_add(r, x, id);
		return;
	}
	SET_FOREACH(&add, i, event_add(r, x, (uint32_t)i))  /* no id left */
}

/* The rules of set sid the node is judged on for the first time go into
 * the entity order (called before the node's records change). */
static inline void node_first_seen(struct report *r, const struct rnode *x,
				   uint32_t sid)
{
	if (!x->pair[0] && !x->fail) {   /* judged on nothing yet (pairs fill from 0) */
		event_add(r, x, sid);
		return;
	}
	node_first_seen_more(r, x, sid);
}

/* The key of set id's pairs (their count below it). */
static inline uint64_t pair_key(uint32_t id)
{
	return (uint64_t)(id + 1) << PAIR_CNT_BITS;
}

/* One pass of each rule of the set of the node's inline pair j, which
 * moves one place to the front: a node's usual set is then found first
 * (the order of the pairs means nothing else). */
static inline void pair_hit(struct rnode *x, unsigned j)
{
	uint64_t p = x->pair[j] + 1;
	if (j) {
		x->pair[j] = x->pair[j - 1];
		j--;
	}
	x->pair[j] = p;
}

/* A first pass of set id by the node (no pair for it yet): its new rules
 * go into the entity order, then the pair into the first free place. */
static inline void pair_new(struct report *r, struct rnode *x, uint32_t id)
{
	uint64_t key = pair_key(id);
	struct pairs *o = node_ovf(r, x);
	node_first_seen(r, x, id);
	for (unsigned j = 0; j < INLINE_PAIRS; j++)
		if (!x->pair[j]) {
			x->pair[j] = key | 1;
			return;
		}
	if (!o) {
		struct pairs z = { 0 };
		g_array_append_val(r->ovf, z);
		x->ovf = r->ovf->len;
		o = node_ovf(r, x);
	}
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 4;
		o->p = g_renew(uint64_t, o->p, o->cap);
	}
	o->p[o->n++] = key | 1;
}

/* Count one pass of set id by a node that has no pair for it yet, or whose
 * pair is beyond the inline ones. */
static void node_count_slow(struct report *r, struct rnode *x, uint32_t id)
{
	uint64_t key = pair_key(id);
	struct pairs *o = node_ovf(r, x);
	for (uint32_t j = 0; o && j < o->n; j++)
		if ((o->p[j] & ~PAIR_CNT_MASK) == key) {
			o->p[j]++;
			return;
		}
	pair_new(r, x, id);
}

/* One pass of each rule of set id by the node. */
static inline void node_count(struct report *r, struct rnode *x, uint32_t id)
{
	uint64_t key = pair_key(id);
	for (unsigned j = 0; j < INLINE_PAIRS; j++)
		if ((x->pair[j] ^ key) <= PAIR_CNT_MASK) {
			pair_hit(x, j);
			return;
		}
	node_count_slow(r, x, id);
}

/* Passes of the (rule i, node) pair: the counts of the node's sets that
 * hold the rule. */
static uint64_t node_passes(const struct report *r, const struct rnode *x, size_t i)
{
	const struct pairs *o = node_ovf(r, x);
	uint64_t n = 0;
	for (uint32_t j = 0; j < node_npairs(o); j++) {
		uint64_t p = node_pair(x, o, j);
		if (p && set_has(&r->sets[pair_set(p)], i))
			n += p & PAIR_CNT_MASK;
	}
	return n;
}

/* ---- recording ---- */

/* A capture that was opened; complete: read to its end. */
struct rfile {
	char *name;
	bool complete;
};

/* A capture that could not be opened or was not read to its end. */
struct input_error {
	char *file, *message;
};

static void rfile_free(gpointer p)
{
	struct rfile *f = p;
	g_free(f->name);
	g_free(f);
}

static void input_error_free(gpointer p)
{
	struct input_error *e = p;
	g_free(e->file);
	g_free(e->message);
	g_free(e);
}

struct report *report_new(bool have_keys)
{
	struct report *r = g_new0(struct report, 1);
	r->have_keys = have_keys;
	r->n = mw_rule_count();
	if (r->n > SETW * 64)
		g_error("report.c: %zu rules: raise SETW", r->n);
	r->rs = g_new0(struct rstate, r->n);
	r->p.rule0 = r->n ? mw_rule_at(0) : NULL;
	for (size_t i = 0; i < r->n; i++) {
		r->rs[i].rule = mw_rule_at(i);
		r->rs[i].enabled = true;
		if (r->rs[i].rule != r->p.rule0 + i)   /* rule_idx() needs it */
			g_error("report: the rule catalogue is not one array");
		set_put(&r->on, i);
	}
	r->all_on = true;
	r->p.node.fam = PEND_NONE;
	r->set_mask = 1023;
	r->set_shift = 64 - 10;
	r->set_tab = g_new0(uint32_t, r->set_mask + 1);
	for (size_t i = 0; i < r->n; i++) {   /* set id i = {rule i} */
		struct rset one = { 0 };
		set_put(&one, i);
		set_add(r, &one);
	}
	tab_alloc(r, 1024);
	r->ovf = g_array_new(FALSE, FALSE, sizeof(struct pairs));
	r->fails = g_ptr_array_new_with_free_func(failrec_free);
	r->files = g_ptr_array_new_with_free_func(rfile_free);
	r->errors = g_ptr_array_new_with_free_func(input_error_free);
	return r;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		g_free(r->rs[i].na_reason);
	g_free(r->uj);
	for (guint i = 0; i < r->ovf->len; i++)
		g_free(g_array_index(r->ovf, struct pairs, i).p);
	g_array_free(r->ovf, TRUE);
	g_free(r->ev);
	bigmem_free(&r->tab_mem);
	g_free(r->sets);
	g_free(r->set_tab);
	g_free(r->byid);
	g_free(r->ord);
	g_free(r->ord_off);
	g_ptr_array_free(r->fails, TRUE);
	for (unsigned i = 0; i < r->n_trunc_list; i++)
		g_free(r->trunc[i].file);
	g_ptr_array_free(r->files, TRUE);
	g_ptr_array_free(r->errors, TRUE);
	g_free(r->rs);
	g_free(r);
}

static inline size_t rule_idx(const struct report *r, const struct mw_rule *rule)
{
	return (size_t)(rule - r->p.rule0);
}

void report_enable(struct report *r, const struct mw_rule *rule, bool on)
{
	size_t i = rule_idx(r, rule);
	r->rs[i].enabled = on;
	if (on)
		set_put(&r->on, i);
	else
		r->on.w[i / 64] &= ~(1ull << (i % 64));
	r->all_on = true;
	for (size_t j = 0; j < r->n; j++)
		r->all_on &= r->rs[j].enabled;
}

bool report_enabled(const struct report *r, const struct mw_rule *rule)
{
	return r->rs[rule_idx(r, rule)].enabled;
}

/* count_set() once MAX_SETS sets exist: one pass of each rule of s. */
static __attribute__((noinline)) void count_each(struct report *r,
						 struct rnode *x,
						 const struct rset *s)
{
	SET_FOREACH(s, i, node_count(r, x, (uint32_t)i))
}

/* count_set() for a node without a record (free slot k): node_count()
 * of a record with no pairs, straight to its new pair. */
static __attribute__((noinline)) void count_new(struct report *r,
						const struct conf_node *node,
						size_t k, uint32_t id,
						const struct rset *s)
{
	struct rnode *x = node_new(r, node, k);
	if (id == NO_SET)
		count_each(r, x, s);
	else
		pair_new(r, x, id);
}

/* One pass of each rule of s (not empty) by node (h: its node_hash()). */
static inline void count_set(struct report *r, const struct conf_node *node,
			     size_t h, const struct rset *s)
{
	uint32_t id = set_id(r, s);
	size_t k;
	struct rnode *x = node_at(r, node, h, &k);
	if (!x)
		count_new(r, node, k, id, s);
	else if (id != NO_SET)
		node_count(r, x, id);
	else
		count_each(r, x, s);
}

/* node_count() of the set s when it is that of one of the node's first
 * three pairs (a node's usual sets: an agent cycles through three), found
 * by comparing s with their sets instead of looking s up: a set has one
 * id, so this is the pair node_count() would find. False, and nothing
 * counted, otherwise (an empty s included: no set counted is empty). */
static inline bool count_usual(struct report *r, struct rnode *x,
			       const struct rset *s)
{
	uint64_t p0 = x->pair[0], p1 = x->pair[1], p2;
	if (!p0)   /* (pairs fill from 0) */
		return false;
	if (set_eq(&r->sets[pair_set(p0)], s)) {
		pair_hit(x, 0);
		return true;
	}
	if (!p1)
		return false;
	if (set_eq(&r->sets[pair_set(p1)], s)) {
		pair_hit(x, 1);
		return true;
	}
	p2 = x->pair[2];
	if (p2 && set_eq(&r->sets[pair_set(p2)], s)) {
		pair_hit(x, 2);
		return true;
	}
	return false;
}

/* The pending passes that count, those of the enabled rules: p.w itself
 * when every rule is enabled, else their copy masked in *buf. */
static inline const struct rset *pend_set(const struct report *r,
					  struct rset *buf)
{
	if (r->all_on)
		return (const struct rset *)r->p.w;
	for (unsigned w = 0; w < SETW; w++)
		buf->w[w] = r->p.w[w] & r->on.w[w];
	return buf;
}

/* pend_flush() in the usual case (a node seen before passing one of its
 * usual sets), with no call (so its caller needs no stack frame): true
 * when the pending passes were counted. */
static inline bool pend_flush_usual(struct report *r)
{
	size_t k;
	struct rnode *x;
	struct rset buf;
	if (r->p.node.fam == PEND_NONE)
		return false;
	x = node_at(r, &r->p.node, r->pend_hash, &k);
	if (!x || !count_usual(r, x, pend_set(r, &buf)))
		return false;
	r->p.node.fam = PEND_NONE;
	return true;
}

/* Count the pending passes, if any (report_flush(), inline in the hot
 * callers: one call frame less per flush). */
static inline __attribute__((always_inline)) void pend_flush(struct report *r)
{
	if (r->p.node.fam == PEND_NONE)
		return;
	struct rset buf;
	const struct rset *s = pend_set(r, &buf);
	if (!set_empty(s))
		count_set(r, &r->p.node, r->pend_hash, s);
	/* (p.w is stale now: no pass joins a batch of no node) */
	r->p.node.fam = PEND_NONE;
}

/* Count the pending passes. Every entry point that records or reads
 * counters calls it first, so the (rule, node) pairs are first seen in
 * the order they were reported. */
void report_flush(struct report *r)
{
	pend_flush(r);
}

/* Start a batch of passes: set w on node. Its record is only needed when
 * they are counted, typically while the next packet is processed: fetch
 * it meanwhile (it is mostly not in cache). */
static inline void pend_start(struct report *r, const struct conf_node *node,
			      size_t h, const uint64_t *w)
{
	r->p.node = *node;
	memcpy(r->p.w, w, sizeof r->p.w);
	r->pend_hash = h;
	__builtin_prefetch(&r->tab[r->pend_hash & r->tab_mask], 1);
}

/* report_pass_set_new() when the pending passes are not a usual set: s
 * may be in r->sets, which counting can move (copied first). */
static __attribute__((noinline)) void pass_set_flush(struct report *r,
						     const struct conf_node *node,
						     size_t h, const uint64_t *s)
{
	uint64_t w[SETW];
	memcpy(w, s, sizeof w);
	pend_flush(r);
	pend_start(r, node, h, w);
}

/* Count the pending passes and start new ones: set s (SETW words) on
 * node. */
void report_pass_set_new(struct report *r, const struct conf_node *node, size_t h,
			 const uint64_t *s)
{
	if (!pend_flush_usual(r)) {
		pass_set_flush(r, node, h, s);
		return;
	}
	pend_start(r, node, h, s);
}

void report_add(struct report *r, const struct mw_rule *rule,
		const struct conf_node *node, const struct conf_where *w,
		bool pass, const char *detail, uint32_t offset, uint32_t len)
{
	size_t i = rule_idx(r, rule);
	if (!r->rs[i].enabled)
		return;
	if (pass) {
		report_pass_set(r, node, r->sets[i].w);
		return;
	}
	report_flush(r);
	struct rnode *x = node_get(r, node, node_hash(node));
	struct failrec *f = fail_find(r, x, i);
	if (!f) {
		node_first_seen(r, x, (uint32_t)i);
		f = g_new0(struct failrec, 1);
		f->rule = (uint32_t)i;
		f->next = x->fail;
		g_ptr_array_add(r->fails, f);
		x->fail = r->fails->len;
		r->rs[i].n_failing++;
	}
	f->n_fail++;
	if (f->n_ex < MAX_EXAMPLES) {
		struct example *e = &f->ex[f->n_ex++];
		e->file = g_strdup(w ? w->file : "");
		e->frame = w ? w->frame : 0;
		e->ts_sec = w ? w->ts_sec : 0;
		e->ts_nsec = w ? w->ts_nsec : 0;
		e->offset = offset;
		e->len = len;
		e->detail = g_strdup(detail ? detail : "");
	}
}

void report_add_passes(struct report *r, const struct conf_node *node,
		       const uint64_t *bits, unsigned nwords)
{
	uint64_t buf[SETW];
	report_pass_set(r, node, report_setw(bits, nwords, buf));
}

void report_pass_slow(struct report *r, struct report_bit b, uint64_t hi,
		      uint64_t lo, uint32_t fam)
{
	struct conf_node node = { .hi = hi, .lo = lo, .fam = fam };
	report_pass_set(r, &node, r->sets[b.w * 64 + (size_t)__builtin_ctzll(b.bit)].w);
}

bool report_wants_detail(struct report *r, const struct mw_rule *rule,
			 const struct conf_node *node)
{
	report_flush(r);
	size_t i = rule_idx(r, rule);
	if (!r->rs[i].enabled)
		return false;
	const struct rnode *x = node_find(r, node);
	const struct failrec *f = x ? fail_find(r, x, i) : NULL;
	return !f || f->n_ex < MAX_EXAMPLES;
}

void report_na(struct report *r, const struct mw_rule *rule, const char *why)
{
	report_flush(r);
	struct rstate *s = &r->rs[rule_idx(r, rule)];
	if (!s->na_reason)
		s->na_reason = g_strdup(why);
}

void report_unjudged(struct report *r, const struct mw_rule *rule,
		     const struct conf_node *node, const char *what)
{
	size_t i = rule_idx(r, rule);
	char a[46], one[80];
	if (!r->rs[i].enabled)
		return;
	if (!r->uj)
		r->uj = g_new0(struct unjudged, r->n);
	struct unjudged *u = &r->uj[i];
	u->n++;
	snprintf(one, sizeof one, "%s from %s", what, conf_node_str(node, a));
	for (unsigned k = 0; k < u->n_shown; k++)
		if (!strcmp(u->shown[k], one))
			return;
	if (u->n_shown < UNJUDGED_SHOWN)
		memcpy(u->shown[u->n_shown++], one, sizeof one);
	else
		u->more = true;
}

/* "9 authenticator(s) but no security association matched (SPI 256
 * from 192.0.2.1, ...)" into buf; false if every one had an SA. */
static bool unjudged_str(const struct report *r, size_t i, char *buf,
			 size_t cap)
{
	const struct unjudged *u = r->uj ? &r->uj[i] : NULL;
	if (!u || !u->n)
		return false;
	size_t n = (size_t)snprintf(buf, cap, "%" PRIu64 " authenticator(s) but "
				    "no security association matched (", u->n);
	for (unsigned k = 0; k < u->n_shown && n < cap; k++)
		n += (size_t)snprintf(buf + n, cap - n, "%s%s", k ? ", " : "",
				      u->shown[k]);
	if (n < cap)
		snprintf(buf + n, cap - n, "%s)", u->more ? ", ..." : "");
	return true;
}

void report_unjudged_warn(const struct report *r, FILE *err,
			  const char *keys_file)
{
	uint64_t total = 0;
	for (size_t i = 0; r->uj && i < r->n; i++)
		total += r->uj[i].n;
	if (!total)
		return;
	fprintf(err, "mipconform: warning: %" PRIu64 " authenticator(s) not "
		"verified: no security association of %s matched (", total,
		keys_file);
	const char *sep = "";
	for (size_t i = 0; i < r->n; i++) {
		const struct unjudged *u = &r->uj[i];
		if (!u->n)
			continue;
		fprintf(err, "%s%s: %" PRIu64 ", %s", sep, r->rs[i].rule->id,
			u->n, u->shown[0]);
		for (unsigned k = 1; k < u->n_shown; k++)
			fprintf(err, ", %s", u->shown[k]);
		if (u->more)
			fputs(", ...", err);
		sep = "; ";
	}
	fputs(")\n", err);
}

void report_frame(struct report *r, const struct conf_where *w, bool truncated)
{
	r->frames++;
	if (!truncated)
		return;
	r->truncated++;
	if (r->n_trunc_list < MAX_TRUNC_LIST) {
		struct example *x = &r->trunc[r->n_trunc_list++];
		x->file = g_strdup(w->file);
		x->frame = w->frame;
		x->ts_sec = w->ts_sec;
		x->ts_nsec = w->ts_nsec;
	}
}

void report_file(struct report *r, const char *file)
{
	struct rfile *f = g_new(struct rfile, 1);
	f->name = g_strdup(file);
	f->complete = true;
	g_ptr_array_add(r->files, f);
}

unsigned report_files(const struct report *r)
{
	return r->files->len;
}

uint64_t report_truncated(const struct report *r)
{
	return r->truncated;
}

uint64_t report_frames(const struct report *r)
{
	return r->frames;
}

void report_input_error(struct report *r, const char *file, bool opened,
			const char *message)
{
	struct input_error *e = g_new(struct input_error, 1);
	e->file = g_strdup(file);
	e->message = g_strdup(message);
	g_ptr_array_add(r->errors, e);
	if (opened && r->files->len) {
		struct rfile *last = r->files->pdata[r->files->len - 1];
		last->complete = false;
	}
}

/* ---- entities ---- */

/* Each rule's number of entities, from the event log (the writers take a
 * const report: the counts and lists are a cache of it). */
static void build_counts(const struct report *rc)
{
	struct report *r = (struct report *)rc;
	if (r->built)
		return;
	g_free(r->byid);
	g_free(r->ord);
	g_free(r->ord_off);
	r->byid = NULL;
	r->ord = NULL;
	/* entities per rule: events per set, then per rule */
	uint32_t *per_set = g_new0(uint32_t, r->n_sets);
	for (size_t e = 0; e < r->n_ev; e++)
		per_set[r->ev[e].set]++;
	size_t *off = r->ord_off = g_new0(size_t, r->n + 1);
	for (uint32_t id = 0; id < r->n_sets; id++)
		if (per_set[id])
			SET_FOREACH(&r->sets[id], i, off[i + 1] += per_set[id])
	g_free(per_set);
	for (size_t i = 0; i < r->n; i++)
		off[i + 1] += off[i];
	r->built = true;
}

/* Each rule's entities in first-seen order: only listed entities need
 * them (a text report without failures lists none). */
static void build_entities(const struct report *rc)
{
	struct report *r = (struct report *)rc;
	build_counts(r);
	if (r->ord)
		return;
	r->byid = g_new(const struct rnode *, r->tab_n ? r->tab_n : 1);
	for (size_t k = 0; k <= r->tab_mask; k++)
		if (r->tab[k].fam1)
			r->byid[r->tab[k].id] = &r->tab[k];
	const size_t *off = r->ord_off;
	size_t *pos = g_memdup2(off, r->n * sizeof *off);
	r->ord = g_new(uint32_t, off[r->n] ? off[r->n] : 1);
	for (size_t e = 0; e < r->n_ev; e++)
		SET_FOREACH(&r->sets[r->ev[e].set], i, r->ord[pos[i]++] = r->ev[e].node)
	g_free(pos);
}

/* Number of entities of rule state s. */
static unsigned ent_count(const struct report *r, const struct rstate *s)
{
	size_t i = (size_t)(s - r->rs);
	build_counts(r);
	return (unsigned)(r->ord_off[i + 1] - r->ord_off[i]);
}

/* Entity k of rule state s. */
static struct entity ent_at(const struct report *r, const struct rstate *s,
			    unsigned k)
{
	size_t i = (size_t)(s - r->rs);
	build_entities(r);
	struct entity e = { .node = r->byid[r->ord[r->ord_off[i] + k]] };
	e.n_pass = node_passes(r, e.node, i);
	e.f = fail_find(r, e.node, i);
	return e;
}

static uint64_t ent_fail(const struct entity *e)
{
	return e->f ? e->f->n_fail : 0;
}

/* ---- verdicts ---- */

enum verdict { V_PASS, V_FAIL, V_WARN, V_NA };
static const char *const vname[] = { "PASS", "FAIL", "WARN", "NOT-APPLICABLE" };

static enum verdict ent_verdict(const struct rstate *s, const struct entity *e)
{
	if (!ent_fail(e))
		return V_PASS;
	return s->rule->level == MW_LEVEL_ERROR ? V_FAIL : V_WARN;
}

/* All entities of a rule share its level: one failing entity decides. */
static enum verdict rule_verdict(const struct report *r, const struct rstate *s)
{
	if (!ent_count(r, s))
		return V_NA;
	if (!s->n_failing)
		return V_PASS;
	return s->rule->level == MW_LEVEL_ERROR ? V_FAIL : V_WARN;
}

/* Why a rule is NOT-APPLICABLE; buf holds a reason made up here. */
static const char *na_reason(const struct report *r, const struct rstate *s,
			     char *buf, size_t cap)
{
	if ((s->rule->needs & MW_NEEDS_KEYS) && !r->have_keys)
		return "needs --keys";
	if (unjudged_str(r, (size_t)(s - r->rs), buf, cap))
		return buf;
	if (s->na_reason)
		return s->na_reason;
	return "no traffic exercised it";
}

unsigned report_errors(const struct report *r)
{
	unsigned n = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->rs[i].enabled && rule_verdict(r, &r->rs[i]) == V_FAIL)
			n++;
	return n;
}

static void fmt_time(int64_t sec, uint32_t nsec, char *buf, size_t cap)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char d[32];
	gmtime_r(&t, &tm);
	strftime(d, sizeof d, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf, cap, "%s.%06uZ", d, nsec / 1000);
}

static void roles_str(unsigned roles, char *buf, size_t cap)
{
	mw_roles_format(roles, buf, cap);
}

/* ---- text ---- */

void report_text(const struct report *r, FILE *out, bool verbose)
{
	unsigned cnt[4] = { 0 };
	for (size_t i = 0; i < r->n; i++)
		if (r->rs[i].enabled)
			cnt[rule_verdict(r, &r->rs[i])]++;
	fprintf(out, "mipconform %s: %u file(s), %" PRIu64 " frame(s)",
		MW_VERSION, r->files->len, r->frames);
	if (r->truncated)
		fprintf(out, " (%" PRIu64 " truncated)", r->truncated);
	fprintf(out, "; rules: %u FAIL, %u WARN, %u PASS, %u NOT-APPLICABLE\n",
		cnt[V_FAIL], cnt[V_WARN], cnt[V_PASS], cnt[V_NA]);

	for (int pass = 0; pass < 2; pass++) {
		enum verdict want = pass == 0 ? V_FAIL : V_WARN;
		for (size_t i = 0; i < r->n; i++) {
			const struct rstate *s = &r->rs[i];
			char roles[64];
			if (!s->enabled || rule_verdict(r, s) != want)
				continue;
			roles_str(s->rule->roles, roles, sizeof roles);
			fprintf(out, "\n%-4s %s  [%s, %s %s, %s]\n     %s\n",
				vname[want], s->rule->id, mw_level_str(s->rule->level),
				s->rule->rfc, s->rule->section, roles, s->rule->summary);
			for (unsigned k = 0; k < ent_count(r, s); k++) {
				struct entity e = ent_at(r, s, k);
				const struct failrec *f = e.f;
				struct conf_node key = node_key(e.node);
				char node[48];
				if (!f)
					continue;
				fprintf(out, "     node %s: %" PRIu64 " of %" PRIu64 " check(s) failed\n",
					conf_node_str(&key, node), f->n_fail,
					f->n_fail + e.n_pass);
				for (unsigned x = 0; x < f->n_ex; x++) {
					char t[48];
					fmt_time(f->ex[x].ts_sec, f->ex[x].ts_nsec, t, sizeof t);
					fprintf(out, "       %s frame %" PRIu64 " at %s: %s\n",
						f->ex[x].file, f->ex[x].frame, t, f->ex[x].detail);
				}
				if (f->n_fail > f->n_ex)
					fprintf(out, "       ... %" PRIu64 " more\n", f->n_fail - f->n_ex);
			}
		}
	}
	fprintf(out, "\n");
	for (size_t i = 0; i < r->n; i++) {
		const struct rstate *s = &r->rs[i];
		if (!s->enabled || rule_verdict(r, s) != V_PASS)
			continue;
		fprintf(out, "PASS %s (%u node(s))\n", s->rule->id, ent_count(r, s));
	}
	if (verbose)
		for (size_t i = 0; i < r->n; i++) {
			const struct rstate *s = &r->rs[i];
			if (!s->enabled || rule_verdict(r, s) != V_NA)
				continue;
			char why[400];
			fprintf(out, "NOT-APPLICABLE %s: %s\n", s->rule->id,
				na_reason(r, s, why, sizeof why));
		}
	if (r->truncated) {
		fprintf(out, "\ntruncated (not checked where bytes are missing; never a violation):\n");
		for (unsigned i = 0; i < r->n_trunc_list; i++)
			fprintf(out, "  %s frame %" PRIu64 "\n", r->trunc[i].file,
				r->trunc[i].frame);
		if (r->truncated > r->n_trunc_list)
			fprintf(out, "  ... %" PRIu64 " more\n", r->truncated - r->n_trunc_list);
	}
	if (r->errors->len) {
		fprintf(out, "\nnot read to the end (not checked beyond that point):\n");
		for (unsigned i = 0; i < r->errors->len; i++) {
			const struct input_error *e = r->errors->pdata[i];
			fprintf(out, "  %s: %s\n", e->file, e->message);
		}
	}
}

/* ---- JSON ---- */

/* s as valid UTF-8 (file names and details may be any bytes): each
 * invalid byte becomes U+FFFD; NULL if s is valid already. */
static char *utf8_fixed(const char *s)
{
	return s && !g_utf8_validate(s, -1, NULL) ? g_utf8_make_valid(s, -1) : NULL;
}

static void json_str(FILE *out, const char *s)
{
	char *fixed = utf8_fixed(s);
	if (fixed)
		s = fixed;
	fputc('"', out);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
	g_free(fixed);
}

static void json_roles(FILE *out, unsigned roles)
{
	bool first = true;
	fputc('[', out);
	for (unsigned b = 0; b < MW_ROLE__COUNT; b++)
		if (roles & (1u << b)) {
			fprintf(out, "%s", first ? "" : ",");
			json_str(out, mw_role_str(1u << b));
			first = false;
		}
	fputc(']', out);
}

static void json_rule_head(FILE *out, const struct mw_rule *ru)
{
	fprintf(out, "{\"id\":");
	json_str(out, ru->id);
	fprintf(out, ",\"rfc\":");
	json_str(out, ru->rfc);
	fprintf(out, ",\"section\":");
	json_str(out, ru->section);
	fprintf(out, ",\"level\":\"%s\",\"roles\":", mw_level_str(ru->level));
	json_roles(out, ru->roles);
	fprintf(out, ",\"kind\":\"%s\",\"needs_keys\":%s,\"summary\":",
		(ru->needs & MW_NEEDS_STATE) ? "stateful" : "per-packet",
		(ru->needs & MW_NEEDS_KEYS) ? "true" : "false");
	json_str(out, ru->summary);
}

void report_json(const struct report *r, FILE *out)
{
	fprintf(out, "{\"tool\":\"mipconform\",\"version\":\"%s\",\"files\":[", MW_VERSION);
	for (unsigned i = 0; i < r->files->len; i++) {
		const struct rfile *f = r->files->pdata[i];
		fprintf(out, "%s{\"file\":", i ? "," : "");
		json_str(out, f->name);
		fprintf(out, ",\"read_to_end\":%s}", f->complete ? "true" : "false");
	}
	fprintf(out, "],\"errors\":[");
	for (unsigned i = 0; i < r->errors->len; i++) {
		const struct input_error *e = r->errors->pdata[i];
		fprintf(out, "%s{\"file\":", i ? "," : "");
		json_str(out, e->file);
		fprintf(out, ",\"message\":");
		json_str(out, e->message);
		fputc('}', out);
	}
	fprintf(out, "],\"frames\":%" PRIu64 ",\"truncated_frames\":%" PRIu64
		",\"truncated_listed\":%u,\"truncated\":[", r->frames, r->truncated,
		r->n_trunc_list);
	for (unsigned i = 0; i < r->n_trunc_list; i++) {
		fprintf(out, "%s{\"file\":", i ? "," : "");
		json_str(out, r->trunc[i].file);
		fprintf(out, ",\"frame\":%" PRIu64 "}", r->trunc[i].frame);
	}
	unsigned cnt[4] = { 0 };
	for (size_t i = 0; i < r->n; i++)
		if (r->rs[i].enabled)
			cnt[rule_verdict(r, &r->rs[i])]++;
	fprintf(out, "],\"summary\":{\"FAIL\":%u,\"WARN\":%u,\"PASS\":%u,\"NOT-APPLICABLE\":%u},\"rules\":[",
		cnt[V_FAIL], cnt[V_WARN], cnt[V_PASS], cnt[V_NA]);
	bool first = true;
	for (size_t i = 0; i < r->n; i++) {
		const struct rstate *s = &r->rs[i];
		if (!s->enabled)
			continue;
		enum verdict v = rule_verdict(r, s);
		fprintf(out, "%s\n", first ? "" : ",");
		first = false;
		json_rule_head(out, s->rule);
		fprintf(out, ",\"verdict\":\"%s\"", vname[v]);
		if (v == V_NA) {
			char why[400];
			fprintf(out, ",\"reason\":");
			json_str(out, na_reason(r, s, why, sizeof why));
		}
		fprintf(out, ",\"entities\":[");
		for (unsigned k = 0; k < ent_count(r, s); k++) {
			struct entity e = ent_at(r, s, k);
			const struct failrec *f = e.f;
			unsigned n_ex = f ? f->n_ex : 0;
			struct conf_node key = node_key(e.node);
			char node[48];
			fprintf(out, "%s{\"node\":", k ? "," : "");
			json_str(out, conf_node_str(&key, node));
			fprintf(out, ",\"verdict\":\"%s\",\"pass\":%" PRIu64 ",\"fail\":%" PRIu64
				",\"findings\":[", vname[ent_verdict(s, &e)], e.n_pass,
				ent_fail(&e));
			for (unsigned x = 0; x < n_ex; x++) {
				char t[48];
				fmt_time(f->ex[x].ts_sec, f->ex[x].ts_nsec, t, sizeof t);
				fprintf(out, "%s{\"file\":", x ? "," : "");
				json_str(out, f->ex[x].file);
				fprintf(out, ",\"frame\":%" PRIu64 ",\"time\":\"%s\",\"offset\":%u,\"len\":%u,\"detail\":",
					f->ex[x].frame, t, f->ex[x].offset, f->ex[x].len);
				json_str(out, f->ex[x].detail);
				fputc('}', out);
			}
			fprintf(out, "]}");
		}
		fprintf(out, "]}");
	}
	fprintf(out, "\n]}\n");
}

/* ---- JUnit ---- */

/* s as XML character data or attribute value: markup escaped, valid
 * UTF-8, no character XML 1.0 cannot carry (the other controls, U+FFFE,
 * U+FFFF: U+FFFD instead); a newline kept (in an attribute value an
 * XML parser reads it as a space). */
static void xml_str(FILE *out, const char *s)
{
	char *fixed = utf8_fixed(s);
	if (fixed)
		s = fixed;
	for (const char *p = s; p && *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		switch (c) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		default:
			if ((c < 0x20 && c != '\n' && c != '\t') || c == 0xfffe || c == 0xffff)
				fputs("\xef\xbf\xbd", out);   /* U+FFFD */
			else
				fwrite(p, 1, (size_t)(g_utf8_next_char(p) - p), out);
		}
	}
	g_free(fixed);
}

void report_junit(const struct report *r, FILE *out)
{
	unsigned tests = 0, fails = 0, skipped = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct rstate *s = &r->rs[i];
		if (!s->enabled)
			continue;
		if (!ent_count(r, s)) {
			tests++;
			skipped++;
			continue;
		}
		for (unsigned k = 0; k < ent_count(r, s); k++) {
			struct entity e = ent_at(r, s, k);
			tests++;
			fails += ent_verdict(s, &e) == V_FAIL;
		}
	}
	/* a file not read to the end: a test case in error of its own */
	unsigned errs = r->errors->len;
	tests += errs;
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<testsuites name=\"mipconform\" tests=\"%u\" failures=\"%u\" errors=\"%u\" skipped=\"%u\">\n"
		"<testsuite name=\"mipconform\" tests=\"%u\" failures=\"%u\" errors=\"%u\" skipped=\"%u\">\n",
		tests, fails, errs, skipped, tests, fails, errs, skipped);
	for (unsigned i = 0; i < errs; i++) {
		const struct input_error *ie = r->errors->pdata[i];
		fputs("  <testcase classname=\"mipconform.input\" name=\"", out);
		xml_str(out, ie->file);
		fputs("\"><error type=\"input\" message=\"", out);
		xml_str(out, ie->message);
		fputs("\"/></testcase>\n", out);
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct rstate *s = &r->rs[i];
		if (!s->enabled)
			continue;
		if (!ent_count(r, s)) {
			char why[400];
			fprintf(out, "  <testcase classname=\"");
			xml_str(out, s->rule->id);
			fprintf(out, "\" name=\"-\"><skipped message=\"NOT-APPLICABLE: ");
			xml_str(out, na_reason(r, s, why, sizeof why));
			fprintf(out, "\"/></testcase>\n");
			continue;
		}
		for (unsigned k = 0; k < ent_count(r, s); k++) {
			struct entity e = ent_at(r, s, k);
			enum verdict v = ent_verdict(s, &e);
			struct conf_node key = node_key(e.node);
			char node[48];
			fprintf(out, "  <testcase classname=\"");
			xml_str(out, s->rule->id);
			fprintf(out, "\" name=\"");
			xml_str(out, conf_node_str(&key, node));
			fprintf(out, "\">");
			if (v != V_PASS) {
				fprintf(out, v == V_FAIL ? "<failure type=\"%s\" message=\"" :
					"<system-out>WARN (%s): ", mw_level_str(s->rule->level));
				xml_str(out, s->rule->rfc);
				fputc(' ', out);
				xml_str(out, s->rule->section);
				fputs(": ", out);
				xml_str(out, s->rule->summary);
				if (v == V_FAIL)
					fputs("\">", out);
				fputc('\n', out);
				for (unsigned x = 0; e.f && x < e.f->n_ex; x++) {
					xml_str(out, e.f->ex[x].file);
					fprintf(out, " frame %" PRIu64 ": ", e.f->ex[x].frame);
					xml_str(out, e.f->ex[x].detail);
					fputc('\n', out);
				}
				fputs(v == V_FAIL ? "</failure>" : "</system-out>", out);
			}
			fprintf(out, "</testcase>\n");
		}
	}
	fprintf(out, "</testsuite>\n</testsuites>\n");
}

/* ---- rule listings ---- */

void rules_list_text(const struct report *r, FILE *out)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct mw_rule *ru = r->rs[i].rule;
		char roles[64];
		if (!r->rs[i].enabled)
			continue;
		roles_str(ru->roles, roles, sizeof roles);
		fprintf(out, "%-26s %-7s %-8s %-8s %-12s %-10s %s\n", ru->id,
			mw_level_str(ru->level), ru->rfc, ru->section, roles,
			(ru->needs & MW_NEEDS_STATE) ? "stateful" :
			(ru->needs & MW_NEEDS_KEYS) ? "keys" : "packet",
			ru->summary);
	}
}

void rules_list_json(const struct report *r, FILE *out)
{
	bool first = true;
	fprintf(out, "[");
	for (size_t i = 0; i < r->n; i++) {
		if (!r->rs[i].enabled)
			continue;
		fprintf(out, "%s\n", first ? "" : ",");
		first = false;
		json_rule_head(out, r->rs[i].rule);
		fputc('}', out);
	}
	fprintf(out, "\n]\n");
}

void rules_list_markdown(const struct report *r, FILE *out)
{
	unsigned n = 0, st = 0;
	for (size_t i = 0; i < r->n; i++) {
		n++;
		st += (r->rs[i].rule->needs & MW_NEEDS_STATE) != 0;
	}
	fprintf(out,
		"# mipconform rules\n\n"
		"<!-- Generated by `mipconform --list-rules --format markdown`; do not edit. -->\n\n"
		"%u rules: %u per-packet (also flagged by the Wireshark plugin), %u stateful "
		"(mipconform only). Level: MUST / MUST NOT = error, SHOULD = warning, "
		"MAY / informational = info. Kind `keys` needs `--keys FILE` "
		"(else NOT-APPLICABLE).\n\n"
		"| Rule | Level | Reference | Roles | Kind | Requirement |\n"
		"|---|---|---|---|---|---|\n", n, n - st, st);
	for (size_t i = 0; i < r->n; i++) {
		const struct mw_rule *ru = r->rs[i].rule;
		char roles[64];
		roles_str(ru->roles, roles, sizeof roles);
		fprintf(out, "| `%s` | %s | %s %s | %s | %s | %s |\n", ru->id,
			mw_level_str(ru->level), ru->rfc, ru->section, roles,
			(ru->needs & MW_NEEDS_STATE) ? "stateful" :
			(ru->needs & MW_NEEDS_KEYS) ? "keys" : "packet",
			ru->summary);
	}
}

void report_prefetch_h(const struct report *r, size_t h)
{
	__builtin_prefetch(&r->tab[h & r->tab_mask], 1);
}
