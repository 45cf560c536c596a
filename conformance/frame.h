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

/* What a frame's checks need of it that depends on the frame alone,
 * worked out by frame_note_fill() where the frame is decoded (with two
 * threads on the reading thread: the main thread, the slower one, then
 * does less), and what its first prefetch works out (frame_prefetch(), on
 * the thread that owns the state), kept beside the frame in its reader
 * slot for its later prefetch and its checks. 32 bytes: a slot (reader.c's
 * struct bframe, struct slot) is then 72 cache lines, so every slot's
 * fields sit at the same place in their lines, which the slot prefetches
 * in reader.c count on (and the frame's decoded packet where it was). */
struct frame_note {
	/* if has_msg, the node of message 0's passes and findings by its
	 * sender (finding_node(); a struct conf_node in 21 bytes, not 24)
	 * and its report_node_hash() */
	uint64_t hi, lo;
	size_t h;
	uint32_t key4;         /* state4's mobile node key, 0 none (frame_prefetch()) */
	uint8_t fam;
	bool has_msg;
};
_Static_assert(sizeof(struct frame_note) == 32, "a reader slot is whole cache lines");

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

/* finding_node() and the node's report_node_hash(). */
static inline void finding_node_h(struct conf_node_h *n, const struct mw_packet *p,
				  int at, uint8_t who)
{
	finding_node(&n->node, p, at, who);
	n->h = report_node_hash(&n->node);
}

/* A file starts (reader.c, before its frames): into the report; its
 * first frame is then frame_start()ed with frame_file_first(). */
void frame_file(struct conf *c, const char *file);
/* The end of a file (named as the report names it): err (taken) is why
 * it could not go on, printed and put in the report's list of files not
 * read to the end, or NULL: read whole, with a warning when it held no
 * Mobile IP message. */
void frame_file_end(struct conf *c, const char *file, char *err);

/* The first frame of a file, at time now, before frame_start() takes it
 * (c->where and c->now are still the last frame's): a file that starts
 * before the last frame checked is a trace of its own. */
void frame_file_first(struct conf *c, const char *file, double now);

/* The end of a trace (the run's, or before a file checked as a separate
 * trace): what the stateful checks still wait for is judged. */
void frame_trace_end(struct conf *c);

/* The frame about to be checked (pkt stays valid until frame_finish();
 * note: its frame_prefetch()). Inline, as are the two below: they run
 * once per frame. */
static inline void frame_start(struct conf *c, const char *file,
			       const struct mw_frame *fr,
			       const struct mw_packet *pkt,
			       const struct frame_note *note)
{
	double now = (double)fr->ts_sec + fr->ts_nsec / 1e9;
	if (__builtin_expect(c->file_opens, 0))
		frame_file_first(c, file, now);
	c->where.file = file;
	c->where.frame = fr->number;
	c->where.ts_sec = fr->ts_sec;
	c->where.ts_nsec = fr->ts_nsec;
	c->now = now;
	bool trunc = pkt->diag.status == MW_E_TRUNC || fr->caplen < fr->wirelen;
	report_frame(c->rep, &c->where, trunc);
	if (__builtin_expect(trunc, 0)) {
		c->any_cut = true;
		c->cut_at = c->now;
	}
	c->pkt = pkt;
	/* message 0's sender, worked out already */
	c->fn_msg = note->has_msg ? 0 : -2;
	c->mip_frames += note->has_msg;
	c->fn_who = MW_WHO_SENDER;
	c->fn = (struct conf_node_h){ { .hi = note->hi, .lo = note->lo, .fam = note->fam },
				      note->h };
}

/* The per-packet rules' results for it, in the order the rules gave them
 * (mw_check_packet_mask's emit and passes callbacks, ctx = c). */
void frame_finding(void *c, const struct mw_finding *f);
void frame_passes(void *c, const struct mw_pass_set *s);

/* frame_node() when the node is not the last one's. */
const struct conf_node_h *frame_node_slow(struct conf *c, int msg, uint32_t offset,
					  uint8_t who);

/* The node a per-packet result judges (see struct mw_finding). The
 * results of one message come in a run: its node is worked out once. */
static inline const struct conf_node_h *frame_node(struct conf *c, int msg,
						   uint32_t offset, uint8_t who)
{
	if (msg >= 0 && msg == c->fn_msg && who == c->fn_who)
		return &c->fn;
	return frame_node_slow(c, msg, offset, who);
}

/* frame_passes() of a set of REPORT_SETW words, inline: the passes of
 * one message (or IP layer), one node lookup for all. */
static inline void frame_pass_set(struct conf *c, int msg, uint32_t offset,
				  uint8_t who, const uint64_t *bits)
{
	report_pass_set_h(c->rep, frame_node(c, msg, offset, who), bits);
}
/* The stateful checks of the frame. */
static inline void frame_finish(struct conf *c)
{
	state4_packet(c);
	state6_packet(c);
}

/* The frame's struct frame_note but key4, into *note: once per frame,
 * where it was decoded. */
static inline void frame_note_fill(const struct mw_packet *p, struct frame_note *note)
{
	struct conf_node_h n;
	note->has_msg = p->n_msgs != 0;
	if (!note->has_msg) {
		note->fam = 0;   /* (nothing to prefetch) */
		return;
	}
	finding_node_h(&n, p, p->msgs[0].layer, MW_WHO_SENDER);
	note->hi = n.node.hi;
	note->lo = n.node.lo;
	note->fam = (uint8_t)n.node.fam;
	note->h = n.h;
}

/* Start fetching the records a frame decoded ahead will touch (a hint),
 * a few frames ahead: the state index slot, the MIPv6 binding
 * (frame_prefetch_state(), into note->key4 what frame_prefetch_late()
 * needs) and the report record of the node of the first message's
 * passes (frame_prefetch_report(), after frame_note_fill()). The state
 * first where the note is filled in between (one thread): a hint given
 * later came too late (big.pcap -j 1 about 1 % slower). */
static inline void frame_prefetch_state(struct conf *c, const struct mw_packet *p,
					struct frame_note *note)
{
	note->key4 = state4_prefetch(c, p);
	if (p->kinds & 1u << MW_L_MH)   /* (no call for the others) */
		state6_prefetch(c, p);
}

static inline void frame_prefetch_report(struct conf *c, const struct frame_note *note)
{
	if (note->fam)
		report_prefetch_h(c->rep, note->h);
}

static inline void frame_prefetch(struct conf *c, const struct mw_packet *p,
				  struct frame_note *note)
{
	frame_prefetch_state(c, p, note);
	frame_prefetch_report(c, note);
}

/* Just before the frame before it is checked: the state record (the
 * index slot fetched by frame_prefetch() is in cache by then). */
static inline void frame_prefetch_late(struct conf *c, const struct frame_note *note)
{
	state4_prefetch_rec(c, note->key4);
}

#endif
