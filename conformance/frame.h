/* One frame's checks, on the thread that owns the report and the state:
 * the per-packet rules' results go to the report, then the stateful
 * checkers run. reader.c calls these in capture order. */
#ifndef CONF_FRAME_H
#define CONF_FRAME_H

#include <stdbool.h>

#include <mipwire/capture.h>
#include <mipwire/mipwire.h>

#include "conf.h"
#include "report.h"

/* A frame whose link type nothing decodes: its file cannot go on. */
static inline bool frame_unsupported(mw_status st, const struct mw_packet *p)
{
	return st == MW_E_UNSUPPORTED && p->n_layers == 0;
}

/* The frame about to be checked (pkt stays valid until frame_finish()).
 * Inline, as are the two below: they run once per frame. */
static inline void frame_start(struct conf *c, const char *file,
			       const struct mw_frame *fr,
			       const struct mw_packet *pkt)
{
	c->where.file = file;
	c->where.frame = fr->number;
	c->where.ts_sec = fr->ts_sec;
	c->where.ts_nsec = fr->ts_nsec;
	c->now = (double)fr->ts_sec + fr->ts_nsec / 1e9;
	if (c->start == 0)
		c->start = c->now;
	bool trunc = pkt->diag.status == MW_E_TRUNC || fr->caplen < fr->wirelen;
	report_frame(c->rep, &c->where, trunc);
	c->pkt = pkt;
	c->fn_msg = -2;
}

/* The per-packet rules' results for it, in the order the rules gave them
 * (mw_check_packet_mask's emit and passes callbacks, ctx = c). */
void frame_finding(void *c, const struct mw_finding *f);
void frame_passes(void *c, const struct mw_pass_set *s);
/* The stateful checks of the frame. */
static inline void frame_finish(struct conf *c)
{
	state4_packet(c);
	state6_packet(c);
}

/* Start fetching the records a frame decoded ahead will touch (a hint):
 * stage 0 a few frames ahead, stage 1 just before the frame before it is
 * checked (the state index slots fetched at stage 0 are in cache by then
 * and lead to the records). */
static inline void frame_prefetch(struct conf *c, const struct mw_packet *p,
				  int stage)
{
	state4_prefetch(c, p, stage);
	if (stage != 0 || !p->n_msgs)
		return;
	/* the node of the first message's findings: its IP sender */
	for (int i = p->msgs[0].layer; i >= 0; i--) {
		const struct mw_layer *l = &p->layers[i];
		struct conf_node n;
		if (l->kind == MW_L_IP4)
			n = conf_node4(l->u.ip4.src);
		else if (l->kind == MW_L_IP6)
			n = conf_node6(&l->u.ip6.src);
		else
			continue;
		report_prefetch(c->rep, &n);
		break;
	}
}

#endif
