/* Internal: the catalogue index of every rule, for the checkers. */
#ifndef MWI_RULES_INT_H
#define MWI_RULES_INT_H

#include "mipwire/rules.h"
#include "mipwire/decode.h"

enum mwi_rule_idx {
#define RULE(en, id, rfc, sec, lvl, roles, needs, sum) MWI_R_##en,
#include "rules_list.h"
#undef RULE
	MWI_R__COUNT
};

extern const struct mw_rule mwi_rules[MWI_R__COUNT];

/* Emission helper shared by the check_*.c files. */
#define MWI_RULE_WORDS ((MWI_R__COUNT + 63) / 64)

struct mwi_chk {
	const struct mw_packet *pkt;
	const struct mw_keys *keys;
	mw_emit_fn emit;
	void *ctx;
	/* mw_check_packet_mask: passes of the current group as a bitset */
	mw_pass_fn passes;
	bool g_open;              /* a group is open (g_any: it has passes) */
	bool g_any;
	int g_msg, g_layer;       /* group key: message, or IP layer if msg < 0 */
	uint32_t g_off;
	uint64_t bits[MWI_RULE_WORDS];
};

void mwi_pass_slow(struct mwi_chk *c, enum mwi_rule_idx r, int msg, int elem,
		   uint32_t off, uint32_t len);
/* A pass. Inline for the common case, another rule of the open group's
 * message (mwi_pass_slow() does the same then); the rest out of line. */
static inline void mwi_pass(struct mwi_chk *c, enum mwi_rule_idx r, int msg,
			    int elem, uint32_t off, uint32_t len)
{
	if (c->passes && msg >= 0 && c->g_open && c->g_msg == msg) {
		uint64_t b = 1ull << (r % 64);
		if (!(c->bits[r / 64] & b)) {
			if (!c->g_any)
				c->g_off = off;
			c->bits[r / 64] |= b;
			c->g_any = true;
			return;
		}
	}
	mwi_pass_slow(c, r, msg, elem, off, len);
}
void mwi_fail(struct mwi_chk *c, enum mwi_rule_idx r, int msg, int elem,
	      uint32_t off, uint32_t len, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* pass when ok, else fail with the message */
#define MWI_CHECK(c, ok, r, msg, elem, off, len, ...)                       \
	do {                                                                \
		if (ok)                                                     \
			mwi_pass((c), (r), (msg), (elem), (off), (len));    \
		else                                                        \
			mwi_fail((c), (r), (msg), (elem), (off), (len),     \
				 __VA_ARGS__);                              \
	} while (0)

void mwi_check_mip4(struct mwi_chk *c, int msg);
void mwi_check_mip4_adv(struct mwi_chk *c, int msg);
void mwi_check_mip4_sol(struct mwi_chk *c, int msg);
void mwi_check_mh(struct mwi_chk *c, int msg);
void mwi_check_icmp6(struct mwi_chk *c, int msg);
void mwi_check_ip6_headers(struct mwi_chk *c);

/* Bounds-checked byte access to the captured frame (false if not captured). */
static inline bool mwi_have(const struct mw_packet *p, uint32_t off, uint32_t n)
{
	return off <= p->caplen && n <= p->caplen - off;
}

/* IPv6 address classes (RFC 4291). */
bool mwi_in6_unicast_routable(const struct mw_in6 *a);
/* IPv4: multicast (224/4) or limited broadcast. */
static inline bool mwi_ip4_is_group(uint32_t a)
{
	return (a >> 28) == 0xe || a == 0xffffffffu;
}

#endif
