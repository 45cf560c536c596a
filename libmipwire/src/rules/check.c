/* mw_check_packet(): run the per-packet rules on a decoded packet. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../internal.h"
#include "rules_int.h"

/* The layer a finding not bound to a message is about (the last one
 * starting at or before its offset), as mipconform locates its node;
 * *hi gets the lowest start of the layers after it (UINT32_MAX if none). */
static int layer_at(const struct mw_packet *p, uint32_t off, uint32_t *hi)
{
	*hi = UINT32_MAX;
	for (int i = p->n_layers - 1; i >= 0; i--) {
		if (p->layers[i].off <= off)
			return i;
		if (p->layers[i].off < *hi)
			*hi = p->layers[i].off;
	}
	*hi = UINT32_MAX;
	return p->n_layers - 1;
}

static void group_flush(struct mwi_run *c)
{
	if (c->g_any) {
		struct mw_pass_set s = {
			.msg = c->g_msg, .offset = c->g_off, .who = MW_WHO_SENDER,
			.nwords = MWI_RULE_WORDS, .bits = c->bits,
		};
		c->passes(c->ctx, &s);
		c->n_out++;
		memset(c->bits, 0, sizeof c->bits);
		c->g_any = false;
	}
	c->g_open = false;
}

static void group_open(struct mwi_run *c, int msg, int layer)
{
	group_flush(c);
	c->g_open = true;
	c->g_msg = msg;
	c->g_layer = layer;
}

/* The group of message `msg`, opened before its checker runs: flushing
 * the previous group here rather than at the message's first finding
 * delivers the same callbacks in the same order. */
static void group_open_msg(struct mwi_run *c, int msg)
{
	if (!c->g_open || c->g_msg != msg)
		group_open(c, msg, -1);
}

/* Enter the group of a finding (msg, off); flushes the previous group's
 * passes when it differs, so sets and findings stay in order. Findings
 * of a message always find its group open. */
static void group_enter(struct mwi_run *c, int msg, uint32_t off)
{
	const struct mw_packet *p = c->pkt;
	if (msg >= 0) {
		group_open_msg(c, msg);
		return;
	}
	/* the offsets [g_lo, g_hi) certainly locate in g_layer: no layer
	 * scan for the further findings of a header */
	if (c->g_open && c->g_msg == msg && off >= c->g_lo && off < c->g_hi)
		return;
	uint32_t hi;
	int layer = layer_at(p, off, &hi);
	if (c->g_open && c->g_msg == msg && c->g_layer == layer)
		return;
	group_open(c, msg, layer);
	c->g_lo = layer >= 0 ? p->layers[layer].off : 0;
	c->g_hi = layer >= 0 && c->g_lo <= off ? hi : c->g_lo; /* else empty */
}

void mwi_pass_slow(struct mwi_run *c, enum mwi_rule_idx r, int msg,
		   int elem, uint32_t off, uint32_t len)
{
	if (!mwi_judged(c, elem, off, len))
		return;
	if (c->passes && msg < 0) {
		group_enter(c, msg, off);
		uint64_t b = 1ull << (r % 64);
		if (!(c->bits[r / 64] & b)) {
			if (!c->g_any)
				c->g_off = off;
			c->bits[r / 64] |= b;
			c->g_any = true;
			return;
		}
	}
	/* a further pass in the group, or no `passes`: one by one (counts
	 * stay exact) */
	struct mw_finding f;   /* not zero-initialised: the 128-byte detail
				* is not read for passes (rules.h) */
	f.rule = &mwi_rules[r];
	f.msg = msg;
	f.elem = elem;
	f.offset = off;
	f.len = len;
	f.detail[0] = '\0';
	f.pass = true;
	f.who = MW_WHO_SENDER;
	f.unjudged = false;
	c->emit(c->ctx, &f);
	c->n_out++;
}

static void fail_or_unjudged(struct mwi_run *c, enum mwi_rule_idx r, int msg,
			     int elem, uint32_t off, uint32_t len, bool unjudged,
			     const char *fmt, va_list ap)
{
	struct mw_finding f = {
		.rule = &mwi_rules[r], .msg = msg, .elem = elem,
		.offset = off, .len = len, .pass = false, .unjudged = unjudged,
	};
	if (!mwi_judged(c, elem, off, len))
		return;
	if (c->passes)
		group_enter(c, msg, off);
	vsnprintf(f.detail, sizeof f.detail, fmt, ap);
	c->emit(c->ctx, &f);
	c->n_out++;
}

void mwi_fail_run(struct mwi_run *c, enum mwi_rule_idx r, int msg, int elem,
		  uint32_t off, uint32_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fail_or_unjudged(c, r, msg, elem, off, len, false, fmt, ap);
	va_end(ap);
}

void mwi_unjudged_run(struct mwi_run *c, enum mwi_rule_idx r, int msg,
		      int elem, uint32_t off, uint32_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fail_or_unjudged(c, r, msg, elem, off, len, true, fmt, ap);
	va_end(ap);
}

/* The layer kinds whose headers mwi_check_ip6_headers() checks. */
#define IP6_HDR_KINDS ((1u << MW_L_IP6_DST) | (1u << MW_L_IP6_RH) | \
		       (1u << MW_L_ICMP6))

/* The checker of each kind of message. */
static void (*const checkers[])(struct mwi_run *, int) = {
	[MW_MSG_MIP4] = mwi_check_mip4,
	[MW_MSG_MIP4_ADV] = mwi_check_mip4_adv,
	[MW_MSG_MIP4_SOL] = mwi_check_mip4_sol,
	[MW_MSG_MH] = mwi_check_mh,
	[MW_MSG_ICMP6] = mwi_check_icmp6,
};

/* A packet whose checks all have cached outcomes (without keys: no
 * authenticator findings), or are those of an advertisement that passes
 * them all, gets the pass sets run() would deliver, straight from the
 * tables or the trial: true if it did. A lone registration (no IPv6
 * header checks) here; a lone Mobility Header in check_mip6.c. */
static bool run_taken(const struct mw_packet *pkt, mw_pass_fn passes,
		      void *ctx)
{
	const struct mw_msg *m = &pkt->msgs[0];
	if (pkt->n_msgs != 1)
		return false;
	if (m->kind == MW_MSG_MH)
		return mwi_mh_packet_taken(pkt, passes, ctx);
	if (mw_packet_kinds(pkt) & IP6_HDR_KINDS)
		return false;
	if (m->kind == MW_MSG_MIP4_ADV)
		return mwi_mip4_adv_alone(pkt, passes, ctx);
	if (m->kind != MW_MSG_MIP4)
		return false;
	const struct mwi_outcome *o = mwi_mip4_outcome(pkt, m);
	if (!o)
		return false;
	struct mw_pass_set s = {
		.msg = 0, .offset = pkt->layers[m->layer].off + o->first_off,
		.who = MW_WHO_SENDER, .nwords = MWI_RULE_WORDS, .bits = o->bits,
	};
	passes(ctx, &s);
	return true;
}

/* Apart from mw_check_packet_mask(), whose packets mostly take run_taken()
 * with no frame to set up. */
static __attribute__((noinline)) void
run(const struct mw_packet *pkt, const struct mw_keys *keys, mw_emit_fn emit,
    mw_pass_fn passes, void *ctx)
{
	if (!pkt || !emit)
		return;
	struct mwi_run c = { .pkt = pkt, .keys = keys, .emit = emit, .ctx = ctx,
			     .cut = mwi_decoded_end(pkt) };
	/* a frame cut short: no trial, no outcome table (their outcomes are
	 * of whole messages), every finding through the judging above */
	if (c.cut == UINT32_MAX)
		c.passes = passes;
	if (!c.passes)
		memset(c.bits, 0xff, sizeof c.bits);
	if (mw_packet_kinds(pkt) & IP6_HDR_KINDS) {
		mwi_check_ip6_headers(&c);
		if (c.passes)
			mwi_ip6_headers_keep(&c);
	}
	for (int i = 0; i < pkt->n_msgs; i++) {
		unsigned kind = pkt->msgs[i].kind;
		if (kind >= sizeof checkers / sizeof checkers[0] || !checkers[kind])
			continue;
		group_open_msg(&c, i);
		checkers[kind](&c, i);
	}
	if (c.passes)
		group_flush(&c);
}

MWI_EXPORT void mw_check_packet(const struct mw_packet *pkt, mw_emit_fn emit,
				void *ctx)
{
	run(pkt, NULL, emit, NULL, ctx);
}

MWI_EXPORT void mw_check_packet_keys(const struct mw_packet *pkt,
				     const struct mw_keys *keys,
				     mw_emit_fn emit, void *ctx)
{
	run(pkt, keys, emit, NULL, ctx);
}

MWI_EXPORT void mw_check_packet_mask(const struct mw_packet *pkt,
				     const struct mw_keys *keys,
				     mw_emit_fn emit, mw_pass_fn passes,
				     void *ctx)
{
	if (pkt && emit && passes && !keys &&
	    mwi_decoded_end(pkt) == UINT32_MAX && run_taken(pkt, passes, ctx))
		return;
	run(pkt, keys, emit, passes, ctx);
}

#ifdef MWI_OUTCOME_COUNTS
unsigned long mwi_outcome_hit_count[MWI_OC__COUNT];
#endif

unsigned long mwi_outcome_hits(enum mwi_outcome_cache c)
{
#ifdef MWI_OUTCOME_COUNTS
	return mwi_outcome_hit_count[c];
#else
	(void)c;
	return 0;
#endif
}

void mwi_outcomes_forget(void)
{
	mwi_mip4_outcomes_forget();
	mwi_mip6_outcomes_forget();
}
