/* Verdict aggregation per rule and entity, and the report writers
 * (text, JSON, JUnit) and rule listings (text, Markdown). */
#ifndef CONF_REPORT_H
#define CONF_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
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

/* report_pass() of rule i when it cannot join the pending passes. */
void report_pass_slow(struct report *r, size_t i, const struct conf_node *node);

/* One pass of `rule` on `node`, counted in a batch with the node's next
 * passes (report_flush() before reading the counters). The most frequent
 * call: a few inline instructions while the rule joins the pending
 * passes (disabled rules are dropped when they are counted). */
static inline void report_pass(struct report *r, const struct mw_rule *rule,
			       const struct conf_node *node)
{
	struct report_pend *p = (struct report_pend *)r;
	size_t i = (size_t)(rule - p->rule0);
	uint64_t b = 1ull << (i % 64), *pw = &p->w[i / 64];
	if (!(*pw & b) && node->lo == p->node.lo && node->hi == p->node.hi &&
	    node->fam == p->node.fam)
		*pw |= b;
	else
		report_pass_slow(r, i, node);
}
void report_flush(struct report *r);
/* Start fetching the node's record (a hint: a frame decoded ahead will
 * judge it). */
void report_prefetch(const struct report *r, const struct conf_node *node);
/* Would a violation of `rule` by `node` be kept as an example (so its
 * detail is worth formatting)? */
bool report_wants_detail(struct report *r, const struct mw_rule *rule,
			 const struct conf_node *node);
/* Not decidable for this node (e.g. no key for the SPI): NOT-APPLICABLE. */
void report_na(struct report *r, const struct mw_rule *rule, const char *why);

void report_frame(struct report *r, const struct conf_where *w, bool truncated);
void report_file(struct report *r, const char *file);

/* Number of FAIL verdicts (errors). */
unsigned report_errors(const struct report *r);

void report_text(const struct report *r, FILE *out, bool verbose);
void report_json(const struct report *r, FILE *out);
void report_junit(const struct report *r, FILE *out);

void rules_list_text(const struct report *r, FILE *out);
void rules_list_markdown(const struct report *r, FILE *out);
void rules_list_json(const struct report *r, FILE *out);

#endif
