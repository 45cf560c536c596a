/* Verdicts per rule and entity, and the report formats. Memory grows with
 * the number of (rule, node) pairs seen, never with the capture length:
 * each pair keeps a pass counter, and a failure record (count and the
 * first few violations) only once it has failed.
 *
 * Hot path (every finding, passes included): the node is an integer key
 * (struct conf_node); a one-entry cache and an open-addressing table map
 * it to its struct rnode, whose bitmap of rules seen gives the counter's
 * index by rank. No string is built or hashed. */
#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>
#include <time.h>

#include <glib.h>

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
	struct example ex[MAX_EXAMPLES];
};

struct rslot {               /* one (rule, node) pair */
	uint64_t n_pass;
	uint32_t fail;            /* 1 + index in report.fails, 0 = never failed */
};

/* Counters kept in the node's own allocation (most nodes are judged on
 * fewer rules): key, bitmap and counters share adjacent cache lines. */
#define INLINE_SLOTS 24

struct rnode {               /* one node: the rules it was judged on */
	struct conf_node key;
	struct rslot *slot;       /* by rank in bits[]: the inline slots after
				   * bits[], or a heap array once they are full */
	uint32_t n, cap;
	uint64_t bits[];          /* report.nwords words: rule i seen; then
				   * nwords words: bits set in the words before;
				   * then INLINE_SLOTS struct rslot */
};

static inline struct rslot *inline_slots(const struct report *r, struct rnode *x);

/* An entity of a rule, for the writers. */
struct entity {
	struct rnode *node;
	const struct rslot *slot;
	const struct failrec *f;  /* NULL if it never failed */
};

struct rstate {
	const struct mw_rule *rule;
	bool enabled;
	GPtrArray *order;      /* struct rnode *, in first-seen order */
	char *na_reason;
	int verdict;           /* cached rule verdict + 1; 0 = not computed */
};

struct report {
	bool have_keys;
	size_t n;
	const struct mw_rule *rule0; /* the catalogue array, when contiguous */
	struct rstate *rs;
	unsigned nwords;
	struct rnode **tab;    /* open addressing, linear probing */
	size_t tab_cap, tab_n;
	/* a few recent nodes: a packet's findings are about its sender and
	 * the mobile node concerned, in runs */
#define NODE_CACHE 4
	struct rnode *recent[NODE_CACHE];
	unsigned recent_next;
	uint64_t *on;          /* nwords words: bit i = rule i enabled */
	/* single passes (report_pass) not counted yet: all on pend_node */
	bool pend_any;
	struct conf_node pend_node;
	uint64_t *pend;        /* nwords words */
	GPtrArray *fails;      /* struct failrec * */
	GPtrArray *files;
	uint64_t frames, truncated;
	unsigned n_trunc_list;
	struct example trunc[MAX_TRUNC_LIST];
};

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__POPCNT__)
/* The baseline ISA has no popcnt instruction: where the CPU has one, the
 * passes of a word go to their counters by rank directly (a few
 * instructions per pass instead of a walk over all the node's rules). */
#define HW_POPCNT_SPLIT 1
static bool have_popcnt;

__attribute__((target("popcnt")))
static void passes_word_popcnt(struct rslot *slot, uint64_t h, uint64_t m)
{
	for (; m; m &= m - 1)
		slot[__builtin_popcountll(h & ((m & -m) - 1))].n_pass++;
}
#endif

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

struct report *report_new(bool have_keys)
{
	struct report *r = g_new0(struct report, 1);
#ifdef HW_POPCNT_SPLIT
	have_popcnt = __builtin_cpu_supports("popcnt");
#endif
	r->have_keys = have_keys;
	r->n = mw_rule_count();
	r->rs = g_new0(struct rstate, r->n);
	r->rule0 = r->n ? mw_rule_at(0) : NULL;
	for (size_t i = 0; i < r->n; i++) {
		r->rs[i].rule = mw_rule_at(i);
		r->rs[i].enabled = true;
		r->rs[i].order = g_ptr_array_new();
		if (r->rs[i].rule != r->rule0 + i)
			r->rule0 = NULL;
	}
	r->nwords = (unsigned)((r->n + 63) / 64);
	r->on = g_new0(uint64_t, r->nwords);
	r->pend = g_new0(uint64_t, r->nwords);
	for (size_t i = 0; i < r->n; i++)
		r->on[i / 64] |= 1ull << (i % 64);
	r->tab_cap = 1024;
	r->tab = g_new0(struct rnode *, r->tab_cap);
	r->fails = g_ptr_array_new_with_free_func(failrec_free);
	r->files = g_ptr_array_new_with_free_func(g_free);
	return r;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		g_ptr_array_free(r->rs[i].order, TRUE);
		g_free(r->rs[i].na_reason);
	}
	for (size_t i = 0; i < r->tab_cap; i++)
		if (r->tab[i]) {
			if (r->tab[i]->slot != inline_slots(r, r->tab[i]))
				g_free(r->tab[i]->slot);
			g_free(r->tab[i]);
		}
	g_free(r->tab);
	g_ptr_array_free(r->fails, TRUE);
	for (unsigned i = 0; i < r->n_trunc_list; i++)
		g_free(r->trunc[i].file);
	g_ptr_array_free(r->files, TRUE);
	g_free(r->rs);
	g_free(r->on);
	g_free(r->pend);
	g_free(r);
}

static inline size_t rule_idx(const struct report *r, const struct mw_rule *rule)
{
	return r->rule0 ? (size_t)(rule - r->rule0) : mw_rule_index(rule);
}

void report_enable(struct report *r, const struct mw_rule *rule, bool on)
{
	size_t i = rule_idx(r, rule);
	r->rs[i].enabled = on;
	if (on)
		r->on[i / 64] |= 1ull << (i % 64);
	else
		r->on[i / 64] &= ~(1ull << (i % 64));
}

bool report_enabled(const struct report *r, const struct mw_rule *rule)
{
	return r->rs[rule_idx(r, rule)].enabled;
}

static inline bool node_eq(const struct conf_node *a, const struct conf_node *b)
{
	return a->lo == b->lo && a->hi == b->hi && a->fam == b->fam;
}

static inline size_t node_hash(const struct conf_node *n)
{
	uint64_t h = (n->hi ^ (n->lo * 0x9e3779b97f4a7c15ull) ^ n->fam) *
		     0xbf58476d1ce4e5b9ull;
	return (size_t)(h ^ (h >> 31));
}

static void tab_grow(struct report *r)
{
	size_t cap = r->tab_cap * 2;
	struct rnode **t = g_new0(struct rnode *, cap);
	for (size_t i = 0; i < r->tab_cap; i++) {
		struct rnode *x = r->tab[i];
		if (!x)
			continue;
		size_t k = node_hash(&x->key) & (cap - 1);
		while (t[k])
			k = (k + 1) & (cap - 1);
		t[k] = x;
	}
	g_free(r->tab);
	r->tab = t;
	r->tab_cap = cap;
}

static inline struct rslot *inline_slots(const struct report *r, struct rnode *x)
{
	return (struct rslot *)(void *)(x->bits + 2 * r->nwords);
}

/* The node's record, created on first use. */
static struct rnode *node_get(struct report *r, const struct conf_node *key)
{
	for (unsigned j = 0; j < NODE_CACHE; j++)
		if (r->recent[j] && node_eq(&r->recent[j]->key, key))
			return r->recent[j];
	size_t k = node_hash(key) & (r->tab_cap - 1);
	struct rnode *x;
	while ((x = r->tab[k])) {
		if (node_eq(&x->key, key))
			goto found;
		k = (k + 1) & (r->tab_cap - 1);
	}
	x = g_malloc0(sizeof *x + 2 * r->nwords * sizeof(uint64_t) +
		      INLINE_SLOTS * sizeof(struct rslot));
	x->key = *key;
	x->slot = inline_slots(r, x);
	x->cap = INLINE_SLOTS;
	r->tab[k] = x;
	if (++r->tab_n * 2 > r->tab_cap)
		tab_grow(r);
found:
	r->recent[r->recent_next++ % NODE_CACHE] = x;
	return x;
}

static inline uint32_t pop64(uint64_t v)
{
#ifdef __POPCNT__
	return (uint32_t)__builtin_popcountll(v);
#else   /* no popcnt instruction in the baseline ISA: no libgcc call */
	v = v - ((v >> 1) & 0x5555555555555555ull);
	v = (v & 0x3333333333333333ull) + ((v >> 2) & 0x3333333333333333ull);
	v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (uint32_t)((v * 0x0101010101010101ull) >> 56);
#endif
}

/* Index of rule i among the rules the node has (the bits below it). */
static inline uint32_t node_rank(const struct rnode *x, size_t nwords, size_t i)
{
	size_t w = i / 64;
	return (uint32_t)x->bits[nwords + w] + pop64(x->bits[w] & ((1ull << (i % 64)) - 1));
}

static inline bool node_has(const struct rnode *x, size_t i)
{
	return x->bits[i / 64] >> (i % 64) & 1;
}

static const struct rslot *node_slot(const struct report *r,
				    const struct rnode *x, size_t i)
{
	return &x->slot[node_rank(x, r->nwords, i)];
}

/* The (rule i, node) counter, created (and the node appended to the
 * rule's first-seen order) on first use. */
static inline struct rslot *slot_get(struct report *r, struct rnode *x, size_t i)
{
	uint32_t k = node_rank(x, r->nwords, i);
	if (node_has(x, i))
		return &x->slot[k];
	r->rs[i].verdict = 0;
	if (x->n == x->cap) {
		struct rslot *old = x->slot;
		x->cap *= 2;
		x->slot = g_new(struct rslot, x->cap);
		memcpy(x->slot, old, x->n * sizeof *x->slot);
		if (old != inline_slots(r, x))
			g_free(old);
	}
	memmove(&x->slot[k + 1], &x->slot[k], (x->n - k) * sizeof *x->slot);
	x->slot[k] = (struct rslot){ 0 };
	x->n++;
	x->bits[i / 64] |= 1ull << (i % 64);
	for (size_t w = i / 64 + 1; w < r->nwords; w++)
		x->bits[r->nwords + w]++;
	g_ptr_array_add(r->rs[i].order, x);
	return &x->slot[k];
}

void report_add(struct report *r, const struct mw_rule *rule,
		const struct conf_node *node, const struct conf_where *w,
		bool pass, const char *detail, uint32_t offset, uint32_t len)
{
	size_t i = rule_idx(r, rule);
	if (!r->rs[i].enabled)
		return;
	report_flush(r);
	struct rslot *s = slot_get(r, node_get(r, node), i);
	if (pass) {
		s->n_pass++;
		return;
	}
	if (!s->fail) {
		g_ptr_array_add(r->fails, g_new0(struct failrec, 1));
		s->fail = r->fails->len;
	}
	struct failrec *f = r->fails->pdata[s->fail - 1];
	f->n_fail++;
	r->rs[i].verdict = 0;
	if (f->n_ex < MAX_EXAMPLES) {
		struct example *x = &f->ex[f->n_ex++];
		x->file = g_strdup(w ? w->file : "");
		x->frame = w ? w->frame : 0;
		x->ts_sec = w ? w->ts_sec : 0;
		x->ts_nsec = w ? w->ts_nsec : 0;
		x->offset = offset;
		x->len = len;
		x->detail = g_strdup(detail ? detail : "");
	}
}

static void add_passes(struct report *r, const struct conf_node *node,
		       const uint64_t *bits, unsigned nwords)
{
	struct rnode *x = NULL;
	for (unsigned w = 0; w < nwords && w < r->nwords; w++) {
		uint64_t m = bits[w] & r->on[w];
		if (!m)
			continue;
		if (!x)
			x = node_get(r, node);
		if (m & ~x->bits[w]) {   /* a rule new to the node: slow path */
			for (; m; m &= m - 1)
				slot_get(r, x, w * 64 + (size_t)__builtin_ctzll(m))->n_pass++;
			continue;
		}
		/* every rule already has its counter */
		uint32_t k = (uint32_t)x->bits[r->nwords + w];
#ifdef HW_POPCNT_SPLIT
		if (have_popcnt) {
			passes_word_popcnt(x->slot + k, x->bits[w], m);
			continue;
		}
#endif
		/* walk the node's rules of this word in order, the rank
		 * running along */
		for (uint64_t h = x->bits[w]; h; h &= h - 1, k++)
			if (m & h & -h)
				x->slot[k].n_pass++;
	}
}

/* Count the pending single passes. Every entry point that records or
 * reads counters calls it first, so the (rule, node) pairs are first
 * seen in the order they were reported. */
void report_flush(struct report *r)
{
	if (!r->pend_any)
		return;
	r->pend_any = false;
	add_passes(r, &r->pend_node, r->pend, r->nwords);
	memset(r->pend, 0, r->nwords * sizeof *r->pend);
}

void report_add_passes(struct report *r, const struct conf_node *node,
		       const uint64_t *bits, unsigned nwords)
{
	report_flush(r);
	add_passes(r, node, bits, nwords);
}

void report_pass(struct report *r, const struct mw_rule *rule,
		 const struct conf_node *node)
{
	size_t i = rule_idx(r, rule);
	uint64_t b = 1ull << (i % 64);
	if (!r->rs[i].enabled)
		return;
	if (r->pend_any && ((r->pend[i / 64] & b) || !node_eq(&r->pend_node, node)))
		report_flush(r);
	r->pend_any = true;
	r->pend_node = *node;
	r->pend[i / 64] |= b;
}

bool report_wants_detail(struct report *r, const struct mw_rule *rule,
			 const struct conf_node *node)
{
	report_flush(r);
	size_t i = rule_idx(r, rule);
	if (!r->rs[i].enabled)
		return false;
	struct rnode *x = node_get(r, node);
	if (!node_has(x, i))
		return true;
	const struct rslot *s = node_slot(r, x, i);
	return !s->fail || ((struct failrec *)r->fails->pdata[s->fail - 1])->n_ex < MAX_EXAMPLES;
}

/* Entity k of rule state s. */
static struct entity ent_at(const struct report *r, const struct rstate *s,
			    unsigned k)
{
	struct entity e = { .node = s->order->pdata[k] };
	e.slot = node_slot(r, e.node, (size_t)(s - r->rs));
	e.f = e.slot->fail ? r->fails->pdata[e.slot->fail - 1] : NULL;
	return e;
}

static uint64_t ent_fail(const struct entity *e)
{
	return e->f ? e->f->n_fail : 0;
}

void report_na(struct report *r, const struct mw_rule *rule, const char *why)
{
	report_flush(r);
	struct rstate *s = &r->rs[rule_idx(r, rule)];
	if (!s->na_reason)
		s->na_reason = g_strdup(why);
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
	g_ptr_array_add(r->files, g_strdup(file));
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

static enum verdict rule_verdict_calc(const struct report *r, const struct rstate *s)
{
	enum verdict v = s->order->len ? V_PASS : V_NA;
	for (unsigned i = 0; i < s->order->len; i++) {
		struct entity e = ent_at(r, s, i);
		enum verdict ev = ent_verdict(s, &e);
		if (ev == V_FAIL)
			return V_FAIL;
		if (ev == V_WARN)
			v = V_WARN;
	}
	return v;
}

/* Cached: the writers ask several times per rule; a new entity or a
 * failure clears the cache. */
static enum verdict rule_verdict(const struct report *r, const struct rstate *s)
{
	if (!s->verdict)
		((struct rstate *)s)->verdict = (int)rule_verdict_calc(r, s) + 1;
	return (enum verdict)(s->verdict - 1);
}

static const char *na_reason(const struct report *r, const struct rstate *s)
{
	if ((s->rule->needs & MW_NEEDS_KEYS) && !r->have_keys)
		return "needs --keys";
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
			for (unsigned k = 0; k < s->order->len; k++) {
				struct entity e = ent_at(r, s, k);
				const struct failrec *f = e.f;
				char node[48];
				if (!f)
					continue;
				fprintf(out, "     node %s: %" PRIu64 " of %" PRIu64 " check(s) failed\n",
					conf_node_str(&e.node->key, node), f->n_fail,
					f->n_fail + e.slot->n_pass);
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
		fprintf(out, "PASS %s (%u node(s))\n", s->rule->id, s->order->len);
	}
	if (verbose)
		for (size_t i = 0; i < r->n; i++) {
			const struct rstate *s = &r->rs[i];
			if (!s->enabled || rule_verdict(r, s) != V_NA)
				continue;
			fprintf(out, "NOT-APPLICABLE %s: %s\n", s->rule->id, na_reason(r, s));
		}
	if (r->truncated) {
		fprintf(out, "\ntruncated (not checked where bytes are missing; never a violation):\n");
		for (unsigned i = 0; i < r->n_trunc_list; i++)
			fprintf(out, "  %s frame %" PRIu64 "\n", r->trunc[i].file,
				r->trunc[i].frame);
		if (r->truncated > r->n_trunc_list)
			fprintf(out, "  ... %" PRIu64 " more\n", r->truncated - r->n_trunc_list);
	}
}

/* ---- JSON ---- */

static void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
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
		fprintf(out, "%s", i ? "," : "");
		json_str(out, r->files->pdata[i]);
	}
	fprintf(out, "],\"frames\":%" PRIu64 ",\"truncated_frames\":%" PRIu64
		",\"truncated\":[", r->frames, r->truncated);
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
			fprintf(out, ",\"reason\":");
			json_str(out, na_reason(r, s));
		}
		fprintf(out, ",\"entities\":[");
		for (unsigned k = 0; k < s->order->len; k++) {
			struct entity e = ent_at(r, s, k);
			const struct failrec *f = e.f;
			unsigned n_ex = f ? f->n_ex : 0;
			char node[48];
			fprintf(out, "%s{\"node\":", k ? "," : "");
			json_str(out, conf_node_str(&e.node->key, node));
			fprintf(out, ",\"verdict\":\"%s\",\"pass\":%" PRIu64 ",\"fail\":%" PRIu64
				",\"findings\":[", vname[ent_verdict(s, &e)], e.slot->n_pass,
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

static void xml_str(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\n')
				fputc(*s, out);
		}
	}
}

void report_junit(const struct report *r, FILE *out)
{
	unsigned tests = 0, fails = 0, skipped = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct rstate *s = &r->rs[i];
		if (!s->enabled)
			continue;
		if (!s->order->len) {
			tests++;
			skipped++;
			continue;
		}
		for (unsigned k = 0; k < s->order->len; k++) {
			struct entity e = ent_at(r, s, k);
			tests++;
			fails += ent_verdict(s, &e) == V_FAIL;
		}
	}
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<testsuites name=\"mipconform\" tests=\"%u\" failures=\"%u\" skipped=\"%u\">\n"
		"<testsuite name=\"mipconform\" tests=\"%u\" failures=\"%u\" skipped=\"%u\">\n",
		tests, fails, skipped, tests, fails, skipped);
	for (size_t i = 0; i < r->n; i++) {
		const struct rstate *s = &r->rs[i];
		if (!s->enabled)
			continue;
		if (!s->order->len) {
			fprintf(out, "  <testcase classname=\"");
			xml_str(out, s->rule->id);
			fprintf(out, "\" name=\"-\"><skipped message=\"NOT-APPLICABLE: ");
			xml_str(out, na_reason(r, s));
			fprintf(out, "\"/></testcase>\n");
			continue;
		}
		for (unsigned k = 0; k < s->order->len; k++) {
			struct entity e = ent_at(r, s, k);
			enum verdict v = ent_verdict(s, &e);
			char node[48];
			fprintf(out, "  <testcase classname=\"");
			xml_str(out, s->rule->id);
			fprintf(out, "\" name=\"");
			xml_str(out, conf_node_str(&e.node->key, node));
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
					fprintf(out, "%s frame %" PRIu64 ": ", e.f->ex[x].file,
						e.f->ex[x].frame);
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
