/* One frame's checks on the thread that owns the report and the state. */
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "frame.h"
#include "report.h"

/* The layer a finding is about: its message's, or the last one starting
 * at or before its offset. */
static int finding_layer(const struct mw_packet *p, int msg, uint32_t offset)
{
	if (msg >= 0)
		return p->msgs[msg].layer;
	int at = p->n_layers - 1;
	for (int i = 0; i < p->n_layers; i++)
		if (p->layers[i].off <= offset)
			at = i;
	return at;
}

const struct conf_node_h *frame_node_slow(struct conf *c, int msg, uint32_t offset,
					  uint8_t who)
{
	int at = finding_layer(c->pkt, msg, offset);
	if (msg < 0) {   /* (not kept: a message's run may follow, e.g. message 0's) */
		finding_node_h(&c->fo, c->pkt, at, who);
		return &c->fo;
	}
	finding_node_h(&c->fn, c->pkt, at, who);
	c->fn_msg = msg;
	c->fn_who = who;
	return &c->fn;
}

void frame_finding(void *ctx, const struct mw_finding *f)
{
	struct conf *c = ctx;
	if (__builtin_expect(f->unjudged, 0)) {
		report_unjudged(c->rep, f->rule,
				&frame_node(c, f->msg, f->offset, f->who)->node,
				f->detail);
		return;
	}
	report_add(c->rep, f->rule, &frame_node(c, f->msg, f->offset, f->who)->node,
		   &c->where, f->pass, f->pass ? NULL : f->detail, f->offset,
		   f->len);
}

void frame_passes(void *ctx, const struct mw_pass_set *s)
{
	struct conf *c = ctx;
	uint64_t buf[REPORT_SETW];
	frame_pass_set(c, s->msg, s->offset, s->who,
		       report_setw(s->bits, s->nwords, buf));
}

void frame_file(struct conf *c, const char *file)
{
	report_file(c->rep, file);
	c->file_opens = true;
	c->file_open = true;
	c->file_frames = report_frames(c->rep);
	c->file_cut = report_truncated(c->rep);
	c->file_mip = c->mip_frames;
}

/* The reader's message without the tool's prefix, the file's name (the
 * report names it) and the newline. */
static const char *bare_reason(char *msg, const char *file)
{
	size_t n = strlen(file);
	g_strchomp(msg);
	if (g_str_has_prefix(msg, "mipconform: "))
		msg += strlen("mipconform: ");
	return !strncmp(msg, file, n) && !strncmp(msg + n, ": ", 2) ? msg + n + 2 : msg;
}

void frame_file_end(struct conf *c, const char *file, char *err)
{
	bool open = c->file_open;
	uint64_t n = open ? report_frames(c->rep) - c->file_frames : 0;
	c->file_open = false;
	if (err) {
		fputs(err, stderr);
		gchar *why = open ? g_strdup_printf("%s (%" G_GUINT64_FORMAT " frame(s) checked)",
						    bare_reason(err, file), n)
				  : g_strdup(bare_reason(err, file));
		report_input_error(c->rep, file, open, why);
		g_free(why);
		g_free(err);
		return;
	}
	if (c->mip_frames != c->file_mip)
		return;
	/* (a truncated frame may hold one the decoder did not reach) */
	uint64_t n_cut = report_truncated(c->rep) - c->file_cut;
	if (n_cut)
		fprintf(stderr, "mipconform: warning: %s: no whole Mobile IP message found (%" G_GUINT64_FORMAT " frame(s), %" G_GUINT64_FORMAT " cut short)\n",
			file, n, n_cut);
	else
		fprintf(stderr, "mipconform: warning: %s: no Mobile IP messages found (%" G_GUINT64_FORMAT " frame(s))\n",
			file, n);
}

void frame_trace_end(struct conf *c)
{
	/* the last frame may be gone (a reader slot reused) */
	c->pkt = NULL;
	c->fn_msg = -2;
	state4_finish(c);
	state6_finish(c);
}

/* Files given together continue one trace when each starts where the one
 * before ended (rotated captures); one that starts earlier was captured
 * elsewhere or at another time, and chaining it would judge intervals
 * across the two: its checks start afresh, as in a run of their own. */
void frame_file_first(struct conf *c, const char *file, double now)
{
	c->file_opens = false;
	if (c->any_frame && now < c->now) {
		fprintf(stderr, "mipconform: %s starts %.1f s before the previous file ends: "
			"checked as a separate trace\n", file, c->now - now);
		frame_trace_end(c);
		state4_free(c->s4);
		state6_free(c->s6);
		c->any_cut = false;
		c->s4 = state4_new();
		c->s6 = state6_new();
		c->any_frame = false;
	}
	if (!c->any_frame)
		c->start = now;
	c->any_frame = true;
}
