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

/* What a frame's first prefetch works out, kept beside the frame (in its
 * reader slot) for its later prefetch and its checks. 32 bytes: a slot
 * (reader.c's struct bframe, struct slot) is then 72 cache lines, so
 * every slot's fields sit at the same place in their lines, which the
 * slot prefetches in reader.c count on. */
struct frame_note {
	struct conf_node node; /* node of message 0's passes and findings by
				* its sender (finding_node()), if has_msg */
	uint32_t key4;         /* state4's mobile node key, 0 none */
	bool has_msg;
};

/* The node a finding about layer `at` judges, into *n: the sender (or
 * receiver) of the IP layer carrying it (fam 0: none). Inline: once per
 * frame (frame_prefetch()) and per result of no message. */
static inline void finding_node(struct conf_node *n, const struct mw_packet *p, int at,
		  uint8_t who)
{
	for (int i = at; i >= 0; i--) {
		const struct mw_layer *l = &p->layers[i];
		if (l->kind == MW_L_IP4) {
			*n = conf_node4(who == MW_WHO_RECEIVER ? l->u.ip4.dst : l->u.ip4.src);
			return;
		}
		if (l->kind == MW_L_IP6) {
			*n = conf_node6(who == MW_WHO_RECEIVER ? &l->u.ip6.dst : &l->u.ip6.src);
			return;
		}
	}
	*n = (struct conf_node){ .fam = 0 };
}


/* The frame about to be checked (pkt stays valid until frame_finish();
 * note: its frame_prefetch()). Inline, as are the two below: they run
 * once per frame. */
static inline void frame_start(struct conf *c, const char *file,
			       const struct mw_frame *fr,
			       const struct mw_packet *pkt,
			       const struct frame_note *note)
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
	/* message 0's sender, worked out already */
	c->fn_msg = note->has_msg ? 0 : -2;
	c->fn_who = MW_WHO_SENDER;
	c->fn_node = note->node;
}

/* The per-packet rules' results for it, in the order the rules gave them
 * (mw_check_packet_mask's emit and passes callbacks, ctx = c). */
void frame_finding(void *c, const struct mw_finding *f);
void frame_passes(void *c, const struct mw_pass_set *s);

/* frame_node() when the node is not the last one's. */
const struct conf_node *frame_node_slow(struct conf *c, int msg, uint32_t offset,
					uint8_t who);

/* The node a per-packet result judges (see struct mw_finding). The
 * results of one message come in a run: its node is worked out once. */
static inline const struct conf_node *frame_node(struct conf *c, int msg,
						 uint32_t offset, uint8_t who)
{
	if (msg >= 0 && msg == c->fn_msg && who == c->fn_who)
		return &c->fn_node;
	return frame_node_slow(c, msg, offset, who);
}

/* frame_passes() of a set of REPORT_SETW words, inline: the passes of
 * one message (or IP layer), one node lookup for all. */
static inline void frame_pass_set(struct conf *c, int msg, uint32_t offset,
				  uint8_t who, const uint64_t *bits)
{
	report_pass_set(c->rep, frame_node(c, msg, offset, who), bits);
}
/* The stateful checks of the frame. */
static inline void frame_finish(struct conf *c)
{
	state4_packet(c);
	state6_packet(c);
}

/* Start fetching the records a frame decoded ahead will touch (a hint),
 * a few frames ahead: the state index slot, the MIPv6 binding and the
 * report record of the node of the first message's passes; into *note,
 * what the next two need. */
static inline void frame_prefetch(struct conf *c, const struct mw_packet *p,
				  struct frame_note *note)
{
	note->key4 = state4_prefetch(c, p);
	if (p->kinds & 1u << MW_L_MH)   /* (no call for the others) */
		state6_prefetch(c, p);
	note->has_msg = p->n_msgs != 0;
	if (!note->has_msg)
		return;
	finding_node(&note->node, p, p->msgs[0].layer, MW_WHO_SENDER);
	if (note->node.fam)
		report_prefetch(c->rep, &note->node);
}

/* Just before the frame before it is checked: the state record (the
 * index slot fetched by frame_prefetch() is in cache by then). */
static inline void frame_prefetch_late(struct conf *c, const struct frame_note *note)
{
	state4_prefetch_rec(c, note->key4);
}

#endif
