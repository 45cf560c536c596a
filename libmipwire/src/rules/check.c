/* mw_check_packet(): run the per-packet rules on a decoded packet. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../internal.h"
#include "rules_int.h"

/* The layer a finding not bound to a message is about (the last one
 * starting at or before its offset), as mipconform locates its node. */
static int layer_at(const struct mw_packet *p, uint32_t off)
{
	int at = p->n_layers - 1;
	for (int i = 0; i < p->n_layers; i++)
		if (p->layers[i].off <= off)
			at = i;
	return at;
}

static void group_flush(struct mwi_chk *c)
{
	if (c->g_any) {
		struct mw_pass_set s = {
			.msg = c->g_msg, .offset = c->g_off, .who = MW_WHO_SENDER,
			.nwords = MWI_RULE_WORDS, .bits = c->bits,
		};
		c->passes(c->ctx, &s);
		memset(c->bits, 0, sizeof c->bits);
		c->g_any = false;
	}
	c->g_open = false;
}

/* Enter the group of a finding (msg, off); flushes the previous group's
 * passes when it differs, so sets and findings stay in order. */
static inline void group_enter(struct mwi_chk *c, int msg, uint32_t off)
{
	if (msg >= 0 && c->g_open && c->g_msg == msg)
		return;       /* the common case: the same message */
	int layer = msg < 0 ? layer_at(c->pkt, off) : -1;
	if (c->g_open && c->g_msg == msg && c->g_layer == layer)
		return;
	group_flush(c);
	c->g_open = true;
	c->g_msg = msg;
	c->g_layer = layer;
}

void mwi_pass_slow(struct mwi_chk *c, enum mwi_rule_idx r, int msg, int elem,
		   uint32_t off, uint32_t len)
{
	if (c->passes) {
		group_enter(c, msg, off);
		uint64_t b = 1ull << (r % 64);
		if (!(c->bits[r / 64] & b)) {
			if (!c->g_any)
				c->g_off = off;
			c->bits[r / 64] |= b;
			c->g_any = true;
			return;
		}
		/* a second pass in the group: individually (counts stay exact) */
	}
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
	c->emit(c->ctx, &f);
}

void mwi_fail(struct mwi_chk *c, enum mwi_rule_idx r, int msg, int elem,
	      uint32_t off, uint32_t len, const char *fmt, ...)
{
	struct mw_finding f = {
		.rule = &mwi_rules[r], .msg = msg, .elem = elem,
		.offset = off, .len = len, .pass = false,
	};
	va_list ap;
	if (c->passes)
		group_enter(c, msg, off);
	va_start(ap, fmt);
	vsnprintf(f.detail, sizeof f.detail, fmt, ap);
	va_end(ap);
	c->emit(c->ctx, &f);
}

bool mwi_in6_unicast_routable(const struct mw_in6 *a)
{
	static const uint8_t zero[16];
	if (a->b[0] == 0xff)                       /* multicast */
		return false;
	if (a->b[0] == 0xfe && (a->b[1] & 0xc0) == 0x80) /* link-local */
		return false;
	if (memcmp(a->b, zero, 15) == 0 && (a->b[15] == 0 || a->b[15] == 1))
		return false;                      /* unspecified, loopback */
	return true;
}

static void run(const struct mw_packet *pkt, const struct mw_keys *keys,
		mw_emit_fn emit, mw_pass_fn passes, void *ctx)
{
	struct mwi_chk c = { .pkt = pkt, .keys = keys, .emit = emit, .ctx = ctx,
			     .passes = passes };
	if (!pkt || !emit)
		return;
	mwi_check_ip6_headers(&c);
	for (int i = 0; i < pkt->n_msgs; i++) {
		switch (pkt->msgs[i].kind) {
		case MW_MSG_MIP4: mwi_check_mip4(&c, i); break;
		case MW_MSG_MIP4_ADV: mwi_check_mip4_adv(&c, i); break;
		case MW_MSG_MIP4_SOL: mwi_check_mip4_sol(&c, i); break;
		case MW_MSG_MH: mwi_check_mh(&c, i); break;
		case MW_MSG_ICMP6: mwi_check_icmp6(&c, i); break;
		default: break;
		}
	}
	if (passes)
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
	run(pkt, keys, emit, passes, ctx);
}
