/* Verdict aggregation per rule and entity, and the report writers
 * (text, JSON, JUnit) and rule listings (text, Markdown). */
#ifndef CONF_REPORT_H
#define CONF_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdio.h>

#include <mipwire/mipwire.h>

struct conf_where {
	const char *file;     /* capture file name */
	uint64_t frame;       /* 1-based frame number in that file */
	int64_t ts_sec;
	uint32_t ts_nsec;
};

/* The node a verdict is about, as an integer key (no string on the hot
 * path): fam 4 (lo = IPv4 address), 6 (hi/lo = the IPv6 address, big
 * endian halves) or 0 ("-": no IP layer). */
struct conf_node {
	uint64_t hi, lo;
	uint32_t fam;
};

static inline struct conf_node conf_node4(uint32_t a)
{
	return (struct conf_node){ .lo = a, .fam = 4 };
}

static inline struct conf_node conf_node6(const struct mw_in6 *a)
{
	return (struct conf_node){ .hi = mw_load_be64(a->b), .lo = mw_load_be64(a->b + 8),
				   .fam = 6 };
}

/* The hash of a node's record in the report's table: inline, so a
 * frame's note (frame.h) can carry it to report_pass_set_h() and
 * report_prefetch_h(), worked out on the reading thread. */
static inline size_t report_node_hash(const struct conf_node *n)
{
	uint64_t h = (n->hi ^ (n->lo * 0x9e3779b97f4a7c15ull) ^ n->fam) *
		     0xbf58476d1ce4e5b9ull;
	return (size_t)(h ^ (h >> 31));
}

/* A node and its report_node_hash(), worked out once for all its
 * results (report_pass_set_h()). */
struct conf_node_h {
	struct conf_node node;
	size_t h;
};

/* Text form: dotted quad, RFC 5952 IPv6, or "-". buf >= 46. */
char *conf_node_str(const struct conf_node *n, char *buf);

struct report;

struct report *report_new(bool have_keys);
void report_free(struct report *r);

/* Rule selection (filters findings and the listed rules). */
void report_enable(struct report *r, const struct mw_rule *rule, bool on);
bool report_enabled(const struct report *r, const struct mw_rule *rule);

/* One check of `rule` on `node`: pass, or a violation with a detail. */
void report_add(struct report *r, const struct mw_rule *rule,
		const struct conf_node *node, const struct conf_where *w,
		bool pass, const char *detail, uint32_t offset, uint32_t len);
/* One pass of each rule whose bit is set (bit i: mw_rule_at(i)), all on
 * `node`: one node lookup for the lot. */
void report_add_passes(struct report *r, const struct conf_node *node,
		       const uint64_t *bits, unsigned nwords);
/* The passes not counted yet, all on one node: the head of struct
 * report, public so that report_pass() below is inline. */
#define REPORT_SETW 3   /* words of a rule set (>= mw_rule_count() / 64) */
struct report_pend {
	struct conf_node node;      /* fam REPORT_PEND_NONE: no passes */
	uint64_t w[REPORT_SETW];    /* bit i: catalogue index i */
	const struct mw_rule *rule0; /* the catalogue array */
};
#define REPORT_PEND_NONE UINT32_MAX   /* no struct conf_node has this fam */

/* A rule's bit in a rule set (catalogue index i: bit i % 64 of word
 * i / 64), worked out once per rule (conf.h's struct conf_rules). */
struct report_bit {
	uint64_t bit;
	uint32_t w;
};

static inline struct report_bit report_bit_of(size_t i)
{
	return (struct report_bit){ .bit = 1ull << (i % 64), .w = (uint32_t)(i / 64) };
}

/* report_pass() when the pass cannot join the pending passes (the node
 * in registers: the fast path stores nothing). */
void report_pass_slow(struct report *r, struct report_bit b, uint64_t hi,
		      uint64_t lo, uint32_t fam);

/* One pass of the rule of bit b on `node`, counted in a batch with the
 * node's next passes (report_flush() before reading the counters). The
 * most frequent call: a few inline instructions while the rule joins the
 * pending passes (disabled rules are dropped when they are counted). */
static inline void report_pass(struct report *r, struct report_bit b,
			       struct conf_node node)
{
	struct report_pend *p = (struct report_pend *)r;
	uint64_t *pw = &p->w[b.w];
	if (!(*pw & b.bit) && node.lo == p->node.lo && node.hi == p->node.hi &&
	    node.fam == p->node.fam)
		*pw |= b.bit;
	else
		report_pass_slow(r, b, node.hi, node.lo, node.fam);
}
/* A pass set of nwords words (mw_pass_set) as REPORT_SETW words: bits
 * itself when it has them all (the catalogue's size; words beyond are 0),
 * else a zero-padded copy in buf. */
static inline const uint64_t *report_setw(const uint64_t *bits, unsigned nwords,
					  uint64_t buf[REPORT_SETW])
{
	if (__builtin_expect(nwords >= REPORT_SETW, 1))
		return bits;
	memset(buf, 0, REPORT_SETW * sizeof *buf);
	memcpy(buf, bits, nwords * sizeof *buf);
	return buf;
}

/* report_pass_set() when the set cannot join the pending passes: they
 * are counted and the set starts new ones (h: report_node_hash(node)). */
void report_pass_set_new(struct report *r, const struct conf_node *node, size_t h,
			 const uint64_t *w);
/* Set w joins the pending passes (false: they are of another node, or
 * have one of its rules already, and nothing changed). */
static inline bool report_pass_join(struct report *r, const struct conf_node *node,
				    const uint64_t *w)
{
	struct report_pend *p = (struct report_pend *)r;
	uint64_t dup = 0;
	if (node->lo != p->node.lo || node->hi != p->node.hi || node->fam != p->node.fam)
		return false;
	for (unsigned i = 0; i < REPORT_SETW; i++)
		dup |= p->w[i] & w[i];
	if (dup)
		return false;
	for (unsigned i = 0; i < REPORT_SETW; i++)
		p->w[i] |= w[i];
	return true;
}
/* Passes of the rules of set w (REPORT_SETW words) on `node`:
 * report_add_passes(), inline while they join the pending passes. The
 * node first: a packet's first set is mostly on another node than the
 * last packet's. */
static inline void report_pass_set(struct report *r, const struct conf_node *node,
				   const uint64_t *w)
{
	if (!report_pass_join(r, node, w))
		report_pass_set_new(r, node, report_node_hash(node), w);
}
/* report_pass_set() of a node whose hash is known already (read only
 * when the set starts new passes). */
static inline void report_pass_set_h(struct report *r, const struct conf_node_h *n,
				     const uint64_t *w)
{
	if (!report_pass_join(r, &n->node, w))
		report_pass_set_new(r, &n->node, n->h, w);
}
void report_flush(struct report *r);
/* Start fetching the record of the node of report_node_hash() h (a
 * hint: a frame decoded ahead will judge it). */
void report_prefetch_h(const struct report *r, size_t h);
/* Would a violation of `rule` by `node` be kept as an example (so its
 * detail is worth formatting)? */
bool report_wants_detail(struct report *r, const struct mw_rule *rule,
			 const struct conf_node *node);
/* Not decidable for this node (e.g. no key for the SPI): NOT-APPLICABLE. */
void report_na(struct report *r, const struct mw_rule *rule, const char *why);
/* An authenticator of `rule` sent by `node` that no security association
 * matched (mw_finding.unjudged; what: "SPI 256"): a rule judged nowhere
 * is NOT-APPLICABLE with the count and SPIs as its reason. */
void report_unjudged(struct report *r, const struct mw_rule *rule,
		     const struct conf_node *node, const char *what);
/* One line on err if some authenticators matched no SA of keys_file. */
void report_unjudged_warn(const struct report *r, FILE *err,
			  const char *keys_file);

void report_frame(struct report *r, const struct conf_where *w, bool truncated);
/* A capture opened (its frames follow). */
void report_file(struct report *r, const char *file);
/* Captures opened and frames read so far. */
unsigned report_files(const struct report *r);
uint64_t report_frames(const struct report *r);
uint64_t report_truncated(const struct report *r);   /* frames cut short so far */
/* Capture `file` could not be read to its end: opened (the last
 * report_file(): its frames so far are in the report) or not at all. */
void report_input_error(struct report *r, const char *file, bool opened,
			const char *message);

/* Number of FAIL verdicts (errors). */
unsigned report_errors(const struct report *r);

void report_text(const struct report *r, FILE *out, bool verbose);
void report_json(const struct report *r, FILE *out);
void report_junit(const struct report *r, FILE *out);

void rules_list_text(const struct report *r, FILE *out);
void rules_list_markdown(const struct report *r, FILE *out);
void rules_list_json(const struct report *r, FILE *out);

#endif
