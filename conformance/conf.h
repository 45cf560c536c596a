/* mipconform internals shared by the driver and the stateful checkers. */
#ifndef CONF_CONF_H
#define CONF_CONF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

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
	double start;                /* time of the first frame */
	struct state4 *s4;
	struct state6 *s6;
};

/* A catalogue rule by id, looked up once per call site. */
#define RULE(id)                                                        \
	({                                                              \
		static const struct mw_rule *r_;                        \
		if (!r_)                                                \
			r_ = mw_rule_find(id);                          \
		g_assert(r_ != NULL);                                   \
		r_;                                                     \
	})

void conf_result(struct conf *c, const struct mw_rule *rule, const char *node,
		 bool pass, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
#define conf_pass(c, rule, node) conf_result((c), (rule), (node), true, " ")

char *conf_ip4(uint32_t a, char *buf);          /* buf >= 16 */
char *conf_ip6(const struct mw_in6 *a, char *buf); /* buf >= 46 */

/* stateful MIPv4 / MIPv6 checks (state4.c, state6.c) */
struct state4 *state4_new(void);
void state4_free(struct state4 *s);
void state4_packet(struct conf *c);
void state4_finish(struct conf *c);

struct state6 *state6_new(void);
void state6_free(struct state6 *s);
void state6_packet(struct conf *c);
void state6_finish(struct conf *c);



/* n bytes at frame offset off were captured */
static inline bool mwi_ok_read(const struct mw_packet *p, uint32_t off)
{
	return off < p->caplen && p->caplen - off >= 4;
}
#endif
