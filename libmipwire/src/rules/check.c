/* mw_check_packet(): run the per-packet rules on a decoded packet. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../internal.h"
#include "rules_int.h"

void mwi_pass(struct mwi_chk *c, enum mwi_rule_idx r, int msg, int elem,
	      uint32_t off, uint32_t len)
{
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
		mw_emit_fn emit, void *ctx)
{
	struct mwi_chk c = { .pkt = pkt, .keys = keys, .emit = emit, .ctx = ctx };
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
}

MWI_EXPORT void mw_check_packet(const struct mw_packet *pkt, mw_emit_fn emit,
				void *ctx)
{
	run(pkt, NULL, emit, ctx);
}

MWI_EXPORT void mw_check_packet_keys(const struct mw_packet *pkt,
				     const struct mw_keys *keys,
				     mw_emit_fn emit, void *ctx)
{
	run(pkt, keys, emit, ctx);
}
