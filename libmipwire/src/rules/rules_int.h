/* Internal: the catalogue index of every rule, for the checkers. */
#ifndef MWI_RULES_INT_H
#define MWI_RULES_INT_H

#include "mipwire/rules.h"
#include "mipwire/decode.h"

#include <string.h>

enum mwi_rule_idx {
#define RULE(en, id, rfc, sec, lvl, roles, needs, sum) MWI_R_##en,
#include "rules_list.h"
#undef RULE
	MWI_R__COUNT
};

extern const struct mw_rule mwi_rules[MWI_R__COUNT];

/* Emission helpers shared by the check_*.c files. */
#define MWI_RULE_WORDS ((MWI_R__COUNT + 63) / 64)

/* The packet being checked, and what leaves the checkers: findings
 * through emit, passes by group (mw_pass_set). The group of a message is
 * opened before its checker runs (every finding of a message checker is
 * about that message), the group of findings not bound to a message at
 * its first finding. Without `passes`, bits stay all ones: every pass
 * then looks like a repeat and goes through emit, with no test of its
 * own on the hot path. */
struct mwi_run {
	const struct mw_packet *pkt;
	const struct mw_keys *keys;
	mw_emit_fn emit;
	void *ctx;
	mw_pass_fn passes;        /* NULL: every pass goes through emit */
	bool g_open;
	bool g_any;               /* bits holds a pass to deliver */
	int g_msg, g_layer;       /* group key: message, or IP layer if msg < 0 */
	uint32_t g_off;           /* the first pass's offset */
	uint32_t g_lo, g_hi;      /* msg < 0: the offsets that locate in g_layer */
	unsigned n_out;           /* calls of emit and passes so far */
	/* a frame cut short: where its decoded bytes end (mwi_decoded_end());
	 * a finding about bytes from there on is not made */
	uint32_t cut;
	uint64_t bits[MWI_RULE_WORDS];
};

/* Where the bytes the decoder read of a frame end, UINT32_MAX for a whole
 * frame. In a frame cut short by the snap length the decoder stops at its
 * first truncation (diag): no field from there on is read, each reads as
 * zero, even where some of its bytes were captured (a fixed part is read
 * whole or not at all); else the captured bytes end it. A check judges
 * the bytes of its finding (offset, len) and its element: one whose bytes
 * reach past this end, or whose element was cut, is skipped, pass or
 * failure, in every checker alike (mwi_judged()), so no rule judges a
 * field the capture did not hold. A check's bytes must therefore
 * cover every field of the message it reads (the whole message for one
 * about its extensions or its addresses together). */
static inline uint32_t mwi_decoded_end(const struct mw_packet *p)
{
	if (p->diag.status == MW_E_TRUNC)
		return p->diag.offset;
	return p->caplen < p->wirelen ? p->caplen : UINT32_MAX;
}

/* Whether a finding about bytes [off, off + len) and element `elem` (-1:
 * none) is made: not if they reach past the decoded bytes, nor about an
 * element the capture cut (its length may be a stand-in: its Length field
 * itself may be missing). */
static inline bool mwi_judged(const struct mwi_run *run, int elem,
			      uint32_t off, uint32_t len)
{
	if (__builtin_expect(run->cut == UINT32_MAX, 1))
		return true;
	return (uint64_t)off + len <= run->cut &&
	       (elem < 0 || run->pkt->elems[elem].status != MW_E_TRUNC);
}

void mwi_pass_slow(struct mwi_run *run, enum mwi_rule_idx r, int msg,
		   int elem, uint32_t off, uint32_t len);
/* A pass going out. Inline for the common case, the first pass of a rule
 * in the open group: a bit set. A message's group is open; a pass not
 * bound to a message is in the open group when it locates in its layer.
 * The rest (a repeat, another group, no `passes` callback) out of line. */
static inline void mwi_pass_run(struct mwi_run *run, enum mwi_rule_idx r,
				int msg, int elem, uint32_t off, uint32_t len)
{
	uint64_t b = 1ull << (r % 64);
	bool in_group = msg >= 0 || (run->g_open && run->g_msg < 0 &&
				     off >= run->g_lo && off < run->g_hi);
	if (in_group && !(run->bits[r / 64] & b)) {
		if (!run->g_any) {
			run->g_any = true;
			run->g_off = off;
		}
		run->bits[r / 64] |= b;
		return;
	}
	mwi_pass_slow(run, r, msg, elem, off, len);
}
void mwi_fail_run(struct mwi_run *run, enum mwi_rule_idx r, int msg, int elem,
		  uint32_t off, uint32_t len, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* One run of a checker. A message's checker first runs as a trial: no
 * finding goes out, the passes gather in `bits` (in registers: the
 * checker's helpers are inlined into each run, see MWI_MESSAGE_CHECKER);
 * a failure spoils the trial. A clean trial (no failure, no rule passing
 * twice) is the common case, and its passes are exactly what the
 * message's fresh group would have received, first pass's offset
 * included: they join it in one go. Otherwise the checker runs again
 * for real, each finding going out as it is made. */
struct mwi_chk {
	const struct mw_packet *pkt;
	const struct mw_keys *keys;
	struct mwi_run *run;
	bool trial;
	int msg;                  /* trial: the message checked */
	bool spoilt;              /* trial: a failure, a repeated pass, a
				   * pass of another group */
	bool any;                 /* trial: bits holds a pass */
	uint32_t off;             /* trial: the first pass's offset */
	uint64_t bits[MWI_RULE_WORDS];
};

static inline void mwi_pass(struct mwi_chk *c, enum mwi_rule_idx r, int msg,
			    int elem, uint32_t off, uint32_t len)
{
	if (!c->trial) {
		mwi_pass_run(c->run, r, msg, elem, off, len);
		return;
	}
	uint64_t b = 1ull << (r % 64);
	if ((c->bits[r / 64] & b) || msg != c->msg)
		c->spoilt = true;
	c->bits[r / 64] |= b;
	if (!c->any) {
		c->any = true;
		c->off = off;
	}
}

/* A rule that applied but could not be judged (mw_finding.unjudged):
 * like a failure, a rare path that spoils a trial. */
void mwi_unjudged_run(struct mwi_run *run, enum mwi_rule_idx r, int msg,
		      int elem, uint32_t off, uint32_t len, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
#define mwi_unjudged(c, ...)                                                \
	((c)->trial ? (void)((c)->spoilt = true)                            \
		    : mwi_unjudged_run((c)->run, __VA_ARGS__))

/* A failure: mwi_fail(c, r, msg, elem, off, len, fmt, ...). */
#define mwi_fail(c, ...)                                                    \
	((c)->trial ? (void)((c)->spoilt = true)                            \
		    : mwi_fail_run((c)->run, __VA_ARGS__))
/* pass when ok, else fail with the message */
#define MWI_CHECK(c, ok, r, msg, elem, off, len, ...)                       \
	do {                                                                \
		if (ok)                                                     \
			mwi_pass((c), (r), (msg), (elem), (off), (len));    \
		else                                                        \
			mwi_fail((c), (r), (msg), (elem), (off), (len),     \
				 __VA_ARGS__);                              \
	} while (0)

static inline struct mwi_chk mwi_chk_for(struct mwi_run *run, bool trial,
				       int msg)
{
	return (struct mwi_chk){ .pkt = run->pkt, .keys = run->keys,
				 .run = run, .trial = trial, .msg = msg };
}

/* A clean trial's passes join the message's group, fresh (true); false:
 * the checker must run for real. */
static inline bool mwi_trial_commit(const struct mwi_chk *t)
{
	struct mwi_run *run = t->run;
	if (t->spoilt || run->g_any)
		return false;
	if (t->any) {
		for (int w = 0; w < MWI_RULE_WORDS; w++)
			run->bits[w] |= t->bits[w];
		run->g_any = true;
		run->g_off = t->off;
	}
	return true;
}

/* Defines `name(run, msg)` (`linkage`: empty or static), the entry point
 * of the checker `check(c, msg)` of one message: a trial, then, unless
 * the trial was clean, the run for real (apart and cold; no trial
 * without `passes`: every pass goes out). Both are compiled with
 * everything inlined (flatten), so that in each `trial` is a constant
 * and a trial's state lives in registers. */
#define MWI_MESSAGE_CHECKER(linkage, name, check)                           \
	static __attribute__((flatten, noinline, cold)) void                \
	name##_for_real(struct mwi_run *run, int msg)                       \
	{                                                                   \
		struct mwi_chk x = mwi_chk_for(run, false, msg);            \
		check(&x, msg);                                             \
	}                                                                   \
	linkage __attribute__((flatten)) void                               \
	name(struct mwi_run *run, int msg)                                  \
	{                                                                   \
		if (msg < 0)                                                \
			__builtin_unreachable(); /* msgs 0 .. n - 1 */       \
		if (run->passes) {                                          \
			struct mwi_chk t = mwi_chk_for(run, true, msg);     \
			check(&t, msg);                                     \
			if (mwi_trial_commit(&t))                           \
				return;                                     \
		}                                                           \
		name##_for_real(run, msg);                                  \
	}

/* Defines `name(p, passes, ctx)`: the checks of packet p whose only
 * checks are those of its one message, by `check(c, msg)`, as run() makes
 * them with `passes` and without keys when the message's trial is clean:
 * its passes in one set (none if it has none), shown to `keep(p, &t)`
 * first; true then, false (nothing delivered) if the trial was spoilt.
 * No run state, no group. */
#define MWI_MESSAGE_ALONE(linkage, name, check, keep)                       \
	linkage __attribute__((flatten)) bool                               \
	name(const struct mw_packet *p, mw_pass_fn passes, void *ctx)       \
	{                                                                   \
		struct mwi_chk t = { .pkt = p, .trial = true, .msg = 0 };   \
		check(&t, 0);                                               \
		if (t.spoilt)                                               \
			return false;                                       \
		if (t.any) {                                                \
			keep(p, &t);                                        \
			struct mw_pass_set s = {                            \
				.msg = 0, .offset = t.off,                  \
				.who = MW_WHO_SENDER,                       \
				.nwords = MWI_RULE_WORDS, .bits = t.bits,   \
			};                                                  \
			passes(ctx, &s);                                    \
		}                                                           \
		return true;                                                \
	}

/* The checkers, one per message kind (of message `msg`) and one for the
 * IPv6 headers of the packet. */
void mwi_check_mip4(struct mwi_run *run, int msg);
void mwi_check_mip4_adv(struct mwi_run *run, int msg);
void mwi_check_mip4_sol(struct mwi_run *run, int msg);
void mwi_check_mh(struct mwi_run *run, int msg);
void mwi_check_icmp6(struct mwi_run *run, int msg);
void mwi_check_ip6_headers(struct mwi_run *run);

/* mw_find_layer() without a call: the layer of the given kind closest to
 * (at or before) index `before`, -1 if none. */
static inline int mwi_find_layer(const struct mw_packet *p,
				 enum mw_layer_kind kind, int before)
{
	for (int i = before >= p->n_layers ? p->n_layers - 1 : before; i >= 0; i--)
		if (p->layers[i].kind == kind)
			return i;
	return -1;
}

/* Bounds-checked byte access to the captured frame (false if not captured). */
static inline bool mwi_have(const struct mw_packet *p, uint32_t off, uint32_t n)
{
	return off <= p->caplen && n <= p->caplen - off;
}

/* IPv6 address classes (RFC 4291): not multicast, link-local,
 * unspecified or loopback. Inline: three calls per Binding Update. */
static inline bool mwi_in6_unicast_routable(const struct mw_in6 *a)
{
	static const uint8_t zero[15];
	if (a->b[0] == 0xff)                       /* multicast */
		return false;
	if (a->b[0] == 0xfe && (a->b[1] & 0xc0) == 0x80) /* link-local */
		return false;
	if (memcmp(a->b, zero, 15) == 0 && (a->b[15] == 0 || a->b[15] == 1))
		return false;                      /* unspecified, loopback */
	return true;
}


/* ---- outcome tables ----
 * A message's passes, when its checks read nothing beyond a key, kept
 * under that key (two words: a != 0, b) in a table of a checker file
 * (check_mip4.c: registrations, check_mip6.c: Mobility Headers). Lock-free
 * and insert-only, safe from any number of checking threads: a slot is
 * claimed once by compare-and-swap on `a`, filled, then published by a
 * release store of `a`; a published slot never changes. It only fills
 * up: once a key finds no free slot among MWI_OUTCOME_PROBE from its
 * home, its messages are checked in full. */
#define MWI_OUTCOME_PROBE 8
#define MWI_OUTCOME_CLAIMED UINT64_MAX  /* a slot being filled: no key */

struct mwi_outcome {
	uint64_t a, b;                  /* the key; a == 0: a free slot */
	uint64_t bits[MWI_RULE_WORDS];  /* the passes */
	uint32_t first_off;             /* the first pass's, from the base */
};

/* The published slot of key (a, b) in table t (n slots, a power of two;
 * home the key's slot), NULL if the table has none. */
static inline const struct mwi_outcome *
mwi_outcome_find(const struct mwi_outcome *t, unsigned n, unsigned home,
		 uint64_t a, uint64_t b)
{
	for (unsigned i = 0; i < MWI_OUTCOME_PROBE; i++) {
		const struct mwi_outcome *o = &t[(home + i) & (n - 1)];
		uint64_t k = __atomic_load_n(&o->a, __ATOMIC_ACQUIRE);
		if (!k)
			return NULL;
		if (k == a && o->b == b)
			return o;
	}
	return NULL;
}

/* Outcome o's passes join run's fresh group at once, as a clean trial's
 * would (mwi_trial_commit()), the first at base + its offset. */
static inline void mwi_outcome_join(struct mwi_run *run,
				    const struct mwi_outcome *o, uint32_t base)
{
	for (int w = 0; w < MWI_RULE_WORDS; w++)
		run->bits[w] |= o->bits[w];
	run->g_any = true;
	run->g_off = base + o->first_off;
}

/* The passes under key (a, b) in table t join run's fresh group
 * (mwi_outcome_join()): true if the table had them. */
static inline bool mwi_outcome_take(const struct mwi_outcome *t, unsigned n,
				    unsigned home, uint64_t a, uint64_t b,
				    struct mwi_run *run, uint32_t base)
{
	const struct mwi_outcome *o = mwi_outcome_find(t, n, home, a, b);
	if (o)
		mwi_outcome_join(run, o, base);
	return o != NULL;
}

/* Keep passes `bits` under key (a, b), the first one's offset `first`
 * from the base. */
static inline void mwi_outcome_keep(struct mwi_outcome *t, unsigned n,
				    unsigned home, uint64_t a, uint64_t b,
				    const uint64_t *bits, uint32_t first)
{
	for (unsigned i = 0; i < MWI_OUTCOME_PROBE; i++) {
		struct mwi_outcome *o = &t[(home + i) & (n - 1)];
		uint64_t k = __atomic_load_n(&o->a, __ATOMIC_ACQUIRE);
		if (k == a && o->b == b)
			return;
		k = 0;
		if (!__atomic_compare_exchange_n(&o->a, &k, MWI_OUTCOME_CLAIMED,
						 false, __ATOMIC_ACQUIRE,
						 __ATOMIC_RELAXED))
			continue;
		o->b = b;
		memcpy(o->bits, bits, sizeof o->bits);
		o->first_off = first;
		__atomic_store_n(&o->a, a, __ATOMIC_RELEASE);
		return;
	}
}

/* A take from outcome cache c (enum mwi_outcome_cache, internal.h),
 * counted only for the tests (mwi_outcome_hits()). */
#ifdef MWI_OUTCOME_COUNTS
extern unsigned long mwi_outcome_hit_count[];
#define MWI_OUTCOME_HIT(c) ((void)mwi_outcome_hit_count[c]++)
#else
#define MWI_OUTCOME_HIT(c) ((void)0)
#endif

/* Each checker file's part of mwi_outcomes_forget() (internal.h). */
void mwi_mip4_outcomes_forget(void);
void mwi_mip6_outcomes_forget(void);

/* The cached outcome of registration m (first_off from the header of
 * its layer), NULL if none is kept: what mwi_check_mip4() would take
 * for it into a fresh group, without keys. */
const struct mwi_outcome *mwi_mip4_outcome(const struct mw_packet *p,
					   const struct mw_msg *m);

/* A packet of one Mobility Header whose IPv6 header and MH outcomes the
 * tables hold (check_mip6.c): its pass sets, as run() would deliver
 * them, go to `passes`; true if they did. */
bool mwi_mh_packet_taken(const struct mw_packet *p, mw_pass_fn passes,
			 void *ctx);
/* A packet of one agent advertisement (no IPv6 header checks;
 * check_mip4.c): its passes as run() would deliver them, from the outcome
 * table or a clean trial (MWI_MESSAGE_ALONE()); true if they went to
 * `passes`. */
bool mwi_mip4_adv_alone(const struct mw_packet *p, mw_pass_fn passes,
			void *ctx);
/* After the IPv6 header checks of run: keep their outcome when the
 * packet is one mwi_mh_packet_taken() could take. */
void mwi_ip6_headers_keep(const struct mwi_run *run);

#endif
