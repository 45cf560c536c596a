/* report.c's batched recording against one pass at a time: random checks
 * (single passes, per-message pass sets, handlers collecting their passes
 * in a struct conf_acc by local rule number, failures) on a pool of nodes go into two reports,
 * one through the batching entry points and one a check at a time with a
 * flush after each; their JSON and text reports must be identical (pass
 * counts, failures and each rule's first-seen entity order). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>

#include "../../../conformance/conf.h"
#include "../../../conformance/report.h"
#include "../../lib/mwtest_run.h"

/* conf.h's failure entry points (main.c's, without the formatting) */
void conf_fail_(struct conf *c, const struct mw_rule *rule, const struct conf_node *node)
{
	report_add(c->rep, rule, node, &c->where, false, "x", 0, 0);
}

void conf_fail_detail_(struct conf *c, const struct mw_rule *rule,
		       const struct conf_node *node, const char *fmt, ...)
{
	(void)fmt;
	report_add(c->rep, rule, node, &c->where, false, "x", 0, 0);
}

bool conf_wants_detail_(struct conf *c, const struct mw_rule *rule,
			const struct conf_node *node)
{
	return report_wants_detail(c->rep, rule, node);
}

static uint64_t rng;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static struct conf_node rnd_node(unsigned pool)
{
	unsigned k = rnd(pool);
	struct mw_in6 a = { { 0x20, 0x01, 0x0d, 0xb8 } };
	if (k == 0)
		return (struct conf_node){ .fam = 0 };
	if (k % 3 == 0) {
		a.b[14] = (uint8_t)(k >> 8);
		a.b[15] = (uint8_t)k;
		return conf_node6(&a);
	}
	return conf_node4(0x0a000000u + k);
}

static struct conf_rule rule_no(size_t i)
{
	return (struct conf_rule){ .ru = mw_rule_at(i), .at = report_bit_of(i) };
}

/* A few rules of the catalogue, mostly the same ones (few distinct sets). */
static size_t rnd_rule(void)
{
	size_t n = mw_rule_count();
	return rnd(4) ? rnd(12) % n : rnd((unsigned)n);
}

/* A checker's table for the accumulators: local rule i is catalogue rule
 * lrule_idx[i] (the first 12, then others spread over the catalogue). */
static struct conf_rules lrules;
static size_t lrule_idx[64];

static void lrules_init(void)
{
	const char *ids[64];
	size_t n = mw_rule_count();
	unsigned k = n < 64 ? (unsigned)n : 64;
	for (unsigned i = 0; i < k; i++) {
		lrule_idx[i] = i < 12 || n <= 64 ? i : 12 + (i - 12) * (n - 12) / (k - 12);
		ids[i] = mw_rule_at(lrule_idx[i])->id;
	}
	conf_rules_init(&lrules, ids, k);
}

/* A local rule number, mostly one of a few (the memo mostly hits; many
 * distinct sets still evict one another). */
static unsigned rnd_local(void)
{
	return rnd(4) ? rnd(12) % lrules.n : rnd(lrules.n);
}

static void fail_one(struct conf *c, size_t i, struct conf_node node)
{
	report_add(c->rep, mw_rule_at(i), &node, &c->where, false, "x", 0, 0);
}

/* The reference: one check at a time, each counted at once. */
static void pass_one(struct conf *c, size_t i, struct conf_node node)
{
	report_add(c->rep, mw_rule_at(i), &node, &c->where, true, NULL, 0, 0);
	report_flush(c->rep);
}

/* One random operation on both reports (fast: batched; ref: one by one). */
static void step(struct conf *fast, struct conf *ref, unsigned pool)
{
	struct conf_node node = rnd_node(pool);
	switch (rnd(4)) {
	case 0: {   /* a single pass */
		size_t i = rnd_rule();
		report_pass(fast->rep, rule_no(i).at, node);
		pass_one(ref, i, node);
		break;
	}
	case 1: {   /* a message's pass set */
		uint64_t w[REPORT_SETW] = { 0 };
		unsigned n = 1 + rnd(6);
		for (unsigned k = 0; k < n; k++) {
			size_t i = rnd_rule();
			w[i / 64] |= 1ull << (i % 64);
		}
		/* the four ways in: the call, its inline path (a set that
		 * joins the pending passes stays inline), with the node's
		 * hash handed in (as a frame's note carries it), a short set */
		unsigned nw = REPORT_SETW;
		while (nw > 1 && !w[nw - 1])
			nw--;
		struct conf_node_h nh = { .node = node, .h = report_node_hash(&node) };
		switch (rnd(4)) {
		case 0: report_add_passes(fast->rep, &node, w, REPORT_SETW); break;
		case 1: report_pass_set(fast->rep, &node, w); break;
		case 2: report_pass_set_h(fast->rep, &nh, w); break;
		default: report_add_passes(fast->rep, &node, w, nw); break;
		}
		for (size_t i = 0; i < mw_rule_count(); i++)
			if (w[i / 64] >> (i % 64) & 1)
				pass_one(ref, i, node);
		break;
	}
	case 2: {   /* a handler: checks on one node, passes collected */
		struct conf_acc acc = conf_acc_of(node, &lrules), *an = &acc;
		unsigned n = 1 + rnd(10);
		for (unsigned k = 0; k < n; k++) {
			unsigned loc = rnd_local();
			size_t i = lrule_idx[loc];
			bool ok = rnd(8) != 0;
			conf_result(fast, conf_rule_at(&lrules, loc), an, ok, "x %u", k);
			if (ok)
				pass_one(ref, i, node);
			else
				fail_one(ref, i, node);
		}
		conf_acc_end(fast, &acc);
		break;
	}
	default: {  /* a failure */
		size_t i = rnd_rule();
		fail_one(fast, i, node);
		fail_one(ref, i, node);
		break;
	}
	}
}

static char *report_of(struct report *r, int fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	report_flush(r);
	if (fmt == 0)
		report_json(r, f);
	else
		report_text(r, f, true);
	fclose(f);
	return buf;
}

static void run(uint64_t seed, unsigned steps, unsigned pool, bool some_off)
{
	struct conf fast = { .rep = report_new(false) }, ref = { .rep = report_new(false) };
	rng = seed;
	if (some_off)   /* disabled rules are dropped at counting time */
		for (size_t i = 0; i < mw_rule_count(); i += 3) {
			report_enable(fast.rep, mw_rule_at(i), false);
			report_enable(ref.rep, mw_rule_at(i), false);
		}
	for (unsigned s = 0; s < steps; s++) {
		fast.where.file = ref.where.file = "t";
		fast.where.frame = ref.where.frame = s + 1;
		step(&fast, &ref, pool);
	}
	for (int fmt = 0; fmt < 2; fmt++) {
		char *a = report_of(fast.rep, fmt), *b = report_of(ref.rep, fmt);
		CU_ASSERT_STRING_EQUAL(a, b);
		if (strcmp(a, b))
			fprintf(stderr, "seed %llu pool %u: reports differ\n",
				(unsigned long long)seed, pool);
		free(a);
		free(b);
	}
	report_free(fast.rep);
	report_free(ref.rep);
}

static void test_few_nodes(void)
{
	for (uint64_t seed = 1; seed <= 40; seed++)
		run(seed * 0x9e3779b97f4a7c15ull, 3000, 6, seed % 2);
}

static void test_many_nodes(void)
{
	for (uint64_t seed = 1; seed <= 6; seed++)   /* table growth, new nodes */
		run(seed * 0xbf58476d1ce4e5b9ull, 40000, 5000, seed % 2);
}

int main(void)
{
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	lrules_init();
	CU_pSuite s = CU_add_suite("report", NULL, NULL);
	CU_add_test(s, "batched = one at a time, few nodes", test_few_nodes);
	CU_add_test(s, "batched = one at a time, many nodes", test_many_nodes);
	return mwt_run();
}
