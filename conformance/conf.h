/* mipconform internals shared by the driver and the stateful checkers. */
#ifndef CONF_CONF_H
#define CONF_CONF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>
#include <mipwire/mipwire.h>

#include "report.h"

struct state4;
struct state6;

struct conf {
	struct report *rep;
	const struct mw_keys *keys;
	struct conf_where where;     /* the current frame */
	const struct mw_packet *pkt; /* the current decoded frame */
	double now;                  /* capture time of the frame, seconds */
	double start;                /* time of the first frame of the trace */
	bool file_opens;             /* the next frame is its file's first */
	bool any_frame;              /* a frame was checked (now is its time) */
	struct state4 *s4;
	struct state6 *s6;
	uint64_t mip_frames;         /* frames with a Mobile IP message */
	/* the trace had a frame cut short (at cut_at): a stateful check
	 * whose evidence may be in it judges nothing (conf_cut_since()) */
	bool any_cut;
	double cut_at;
	/* the file being read (frame_file(), frame_file_end()): opened, and
	 * the counts when it was */
	bool file_open;
	uint64_t file_frames, file_cut, file_mip;
	/* node of the last per-packet finding of a message, by message and
	 * who (-2: none); of one not bound to a message */
	int fn_msg, fn_who;
	struct conf_node_h fn, fo;
};

/* A catalogue rule, its bit in a rule set and its local number in the
 * checker that uses it (struct conf_rules). */
struct conf_rule {
	const struct mw_rule *ru;
	struct report_bit at;
	unsigned loc;
};

/* A checker's rules by local number (0..63, an enum of the checker's),
 * looked up in the catalogue once (conf_rules_init()), and a memo of the
 * rule sets of the sets of local numbers its accumulators collected:
 * a pass into an accumulator is then one OR of a constant. */
#define CONF_MEMO_BITS 6
struct conf_rules {
	unsigned n;
	struct conf_rule at[64];
	struct conf_memo {
		uint64_t l;               /* local numbers (0: free) */
		uint64_t w[REPORT_SETW];  /* their rule set */
	} memo[1u << CONF_MEMO_BITS];
};

/* A checker's rule table from its list LIST(X) of X(NAME, "RULE-ID"):
 * the local numbers CR_NAME (one file, one table), the ids in that
 * order (`rules`_ids, for conf_rules_init()) and the table `rules`. */
#define CONF_RULE_ENUM_(n, id) CR_##n,
#define CONF_RULE_ID_(n, id) id,
#define CONF_RULE_TABLE(LIST, rules)                                          \
	enum { LIST(CONF_RULE_ENUM_) CR_COUNT_ };                             \
	static const char *const rules##_ids[] = { LIST(CONF_RULE_ID_) };     \
	_Static_assert(CR_COUNT_ <= 64, "a struct conf_rules holds 64 rules"); \
	static struct conf_rules rules

/* Look up n (<= 64) rules by id (rule ids[i] is local number i); no rule twice
 * (an accumulator tells a second pass of a rule by its local number). */
static __attribute__((noinline, unused)) void
conf_rules_init(struct conf_rules *t, const char *const *ids, unsigned n)
{
	g_assert(n <= 64);
	memset(t, 0, sizeof *t);
	t->n = n;
	for (unsigned i = 0; i < n; i++) {
		const struct mw_rule *rule = mw_rule_find(ids[i]);
		g_assert(rule != NULL);
		for (unsigned j = 0; j < i; j++)
			g_assert(t->at[j].ru != rule);
		t->at[i] = (struct conf_rule){ .ru = rule, .at = report_bit_of(mw_rule_index(rule)),
					       .loc = i };
	}
}

/* Rule i of t (i a constant: the local number stays one). */
static inline struct conf_rule conf_rule_at(const struct conf_rules *t, unsigned i)
{
	struct conf_rule r = t->at[i];
	r.loc = i;
	return r;
}

/* conf_rules_set() when l is not in the memo. */
static __attribute__((noinline, unused)) void
conf_memo_fill(const struct conf_rules *t, struct conf_memo *e, uint64_t l)
{
	e->l = l;
	memset(e->w, 0, sizeof e->w);
	for (uint64_t b = l; b; b &= b - 1) {
		struct report_bit at = t->at[__builtin_ctzll(b)].at;
		e->w[at.w] |= at.bit;
	}
}

/* The rule set (REPORT_SETW words) of the local numbers l (not 0); valid
 * until the next call. */
static inline const uint64_t *conf_rules_set(struct conf_rules *t, uint64_t l)
{
	struct conf_memo *e = &t->memo[(l * 0x9e3779b97f4a7c15ull) >> (64 - CONF_MEMO_BITS)];
	if (__builtin_expect(e->l != l, 0))
		conf_memo_fill(t, e, l);
	return e->w;
}

/* The passes of one handler on one node, collected here by local number
 * and handed to the report as one set by conf_acc_end() (a pass is then
 * one OR into a local word, not a compare with the report's pending
 * node). Its failures still go to the report at once: where they fall
 * among the node's own passes shows in no report (only the order in which
 * nodes are first judged on a rule does), so a handler may use an
 * accumulator as long as it judges no other node between its first pass
 * and conf_acc_end(). */
struct conf_acc {
	uint64_t l;                /* bit i: local rule i of t passed */
	struct conf_rules *t;
	struct conf_node node;
};

static inline struct conf_acc conf_acc_of(struct conf_node node, struct conf_rules *t)
{
	return (struct conf_acc){ .node = node, .t = t };
}

/* Hand the collected passes to the report (and start afresh). The node
 * is copied: the accumulator's address is not taken, so it can stay in
 * registers. */
static inline void conf_acc_end(struct conf *c, struct conf_acc *a)
{
	if (a->l) {
		struct conf_node n = a->node;
		report_pass_set(c->rep, &n, conf_rules_set(a->t, a->l));
	}
	a->l = 0;
}

/* One check of `rule` on `node`: a struct conf_node (conf_node4(),
 * conf_node6()), or a struct conf_acc * collecting the passes of one
 * node (rule then one of its table's). The detail's format and arguments
 * are only evaluated when the check fails and the report keeps the
 * example, so passes (the common case) build no strings. A pass is
 * inline (report_pass()): the node is not built in memory unless the
 * batch takes a new node. */
static inline void conf_pass_(struct conf *c, struct conf_rule rule,
			      struct conf_node node)
{
	report_pass(c->rep, rule.at, node);
}

/* A pass into an accumulator; a second pass of one rule (a set holds it
 * once) hands over the ones before. */
static inline void conf_acc_pass_(struct conf *c, struct conf_rule rule,
				  struct conf_acc *a)
{
	uint64_t b = 1ull << rule.loc;
	if (__builtin_expect(a->l & b, 0))
		conf_acc_end(c, a);
	a->l |= b;
}

static inline struct conf_node conf_node_id_(struct conf_node n)
{
	return n;
}

static inline struct conf_node conf_acc_node_(const struct conf_acc *a)
{
	return a->node;
}

/* The node of a conf_result() node argument. */
#define conf_node_of_(node)                                                    \
	_Generic((node), struct conf_acc *: conf_acc_node_,                     \
		 default: conf_node_id_)(node)

void conf_fail_(struct conf *c, const struct mw_rule *rule,
		const struct conf_node *node);
void conf_fail_detail_(struct conf *c, const struct mw_rule *rule,
		       const struct conf_node *node, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
bool conf_wants_detail_(struct conf *c, const struct mw_rule *rule,
			const struct conf_node *node);
#define conf_result(c, rule, node, pass, ...)                                  \
	do {                                                                    \
		struct conf_rule cr_rule_ = (rule);                             \
		if ((pass)) {                                                   \
			conf_pass((c), cr_rule_, (node));                       \
		} else { /* a copy in memory: a node stays in registers */     \
			struct conf_node cr_n_ = conf_node_of_(node);           \
			if (conf_wants_detail_((c), cr_rule_.ru, &cr_n_))       \
				conf_fail_detail_((c), cr_rule_.ru, &cr_n_,     \
						  __VA_ARGS__);                 \
			else                                                    \
				conf_fail_((c), cr_rule_.ru, &cr_n_);           \
		}                                                               \
	} while (0)
/* A frame cut short at or after time t (0: anywhere in the trace): a
 * message the check needs may have been in it, so its absence or an old
 * value is no evidence (truncated is never a violation). */
static inline bool conf_cut_since(const struct conf *c, double t)
{
	return c->any_cut && c->cut_at >= t;
}

/* conf_result() for a check whose failure may only mean that a message
 * since time t was in a frame cut short: then it judges nothing. */
#define conf_result_uncut(c, rule, node, pass, t, ...)                          \
	do {                                                                    \
		bool cu_pass_ = (pass);                                         \
		if (cu_pass_ || !conf_cut_since((c), (t)))                      \
			conf_result((c), (rule), (node), cu_pass_, __VA_ARGS__); \
	} while (0)
#define conf_pass(c, rule, node)                                               \
	_Generic((node), struct conf_acc *: conf_acc_pass_,                     \
		 default: conf_pass_)((c), (rule), (node))

/* The seconds from t, an earlier event's time, to the frame, into *iv;
 * false when the capture's time went back in between (frames out of
 * order, a clock step): the interval is unknown and no timing rule judges
 * it. */
static inline bool conf_since(const struct conf *c, double t, double *iv)
{
	*iv = c->now - t;
	return *iv >= 0;
}

char *conf_ip4(uint32_t a, char *buf);          /* buf >= 16 */
char *conf_ip6(const struct mw_in6 *a, char *buf); /* buf >= 46 */

/* stateful MIPv4 / MIPv6 checks (state4.c, state6.c) */
struct state4 *state4_new(void);
void state4_free(struct state4 *s);
void state4_packet(struct conf *c);
void state4_finish(struct conf *c);
/* Start fetching what state4_packet() will read for p, decoded ahead:
 * state4_prefetch() the index slot of the node it will file p under
 * (returned: its key, 0 none), state4_prefetch_rec() (a few frames later)
 * that node's record. */
uint32_t state4_prefetch(const struct conf *c, const struct mw_packet *p);
void state4_prefetch_rec(const struct conf *c, uint32_t key);

struct state6 *state6_new(void);
void state6_free(struct state6 *s);
void state6_packet(struct conf *c);
void state6_finish(struct conf *c);
/* Start fetching the binding state6_packet() will read for p, decoded
 * ahead (p has an MH layer). */
void state6_prefetch(const struct conf *c, const struct mw_packet *p);



/* n bytes at frame offset off were captured */
static inline bool mwi_ok_read(const struct mw_packet *p, uint32_t off)
{
	return off < p->caplen && p->caplen - off >= 4;
}
#endif
