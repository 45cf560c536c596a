/* Reading the captures. With one thread, frames are decoded a few ahead of
 * the one checked so that their records can be fetched early. With two,
 * a second thread reads, decodes and runs the per-packet rules on batches
 * of frames and the main thread, which owns the report and the state,
 * replays their results and runs the stateful checks: the output is the
 * same, byte for byte. */
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <mipwire/capture.h>

#include "frame.h"
#include "reader.h"

/* Frames decoded ahead of the one being checked: the state and report
 * records of the next frames are fetched from memory while this one is
 * checked (with 100k nodes each frame's records are cold). */
#define AHEAD 4

static const char *display_name(const char *path)
{
	return strcmp(path, "-") ? path : "(stdin)";
}

/* What a file that cannot go on prints (both loops, one wording each). */
static char *open_failed(const char *err)
{
	return g_strdup_printf("mipconform: %s\n", err);
}

static char *unsupported(const char *name, const struct mw_frame *fr)
{
	return g_strdup_printf("mipconform: %s: unsupported link type %d\n", name,
			       fr->linktype);
}

/* (the library's message names the file) */
static char *read_failed(struct mw_capture *cap)
{
	return g_strdup_printf("mipconform: %s\n", mw_capture_error(cap));
}

/* A file that could not go on, with a message of the three above
 * (frame_file_end() prints it and puts it in the report); -1. */
static int fail(struct conf *c, const char *name, char *msg)
{
	frame_file_end(c, name, msg);
	return -1;
}

/* ---- one thread ---- */

struct slot {
	struct mw_frame fr;
	mw_status st;
	struct frame_note note;
	struct mw_packet pkt;
};
_Static_assert(sizeof(struct slot) % 64 == 0, "a slot is whole cache lines");

static int run_file(struct conf *c, const char *path, struct slot *ring)
{
	char err[256];
	struct mw_capture *cap = mw_capture_open(path, err, sizeof err);
	const char *name = display_name(path);
	int rc = 1;

	if (!cap)
		return fail(c, name, open_failed(err));
	frame_file(c, name);
	/* other readers reuse their buffer: no decoding ahead */
	unsigned depth = mw_capture_frames_stable(cap) ? AHEAD : 1;
	unsigned head = 0, n = 0;
	for (;;) {
		while (rc == 1 && n < depth) {
			struct slot *s = &ring[(head + n) % AHEAD];
			rc = mw_capture_next(cap, &s->fr);
			if (rc != 1)
				break;
			s->st = mw_decode(&s->pkt, s->fr.linktype, s->fr.data,
					  s->fr.caplen, s->fr.wirelen, NULL);
			frame_prefetch_state(c, &s->pkt, &s->note);
			frame_note_fill(&s->pkt, &s->note);
			frame_prefetch_report(c, &s->note);
			n++;
		}
		if (n == 0)
			break;
		struct slot *s = &ring[head];
		head = (head + 1) % AHEAD;
		n--;
		if (n)
			frame_prefetch_late(c, &ring[head].note);
		if (frame_unsupported(s->st, &s->pkt)) {
			mw_capture_close(cap);
			return fail(c, name, unsupported(name, &s->fr));
		}
		frame_start(c, name, &s->fr, &s->pkt, &s->note);
		mw_check_packet_mask(&s->pkt, c->keys, frame_finding, frame_passes, c);
		frame_finish(c);
	}
	if (rc < 0) {
		int bad = fail(c, name, read_failed(cap));
		mw_capture_close(cap);
		return bad;
	}
	mw_capture_close(cap);
	frame_file_end(c, name, NULL);
	return 0;
}

static int run_inline(struct conf *c, char *const *files, int n)
{
	struct slot *ring = g_new0(struct slot, AHEAD);
	int bad = 0;
	for (int i = 0; i < n; i++)
		if (run_file(c, files[i], ring) < 0)
			bad++;
	g_free(ring);
	return bad;
}

/* ---- two threads ---- */

/* Batches big enough that handing one over (a mutex, perhaps a sleep and
 * a wake-up) costs little per frame, few enough in flight that the slots
 * the two threads pass between them stay in cache (measured on the
 * conform bench: 256 x 6 ran 2.0 s, 1024 x 4 1.5 s, 4096 x 3 1.9 s). */
#define BATCH_FRAMES 1024
#define BATCHES 4

/* One result of the per-packet rules: a pass set (its bits in w) or a
 * finding (in `fd`). */
struct event {
	int msg;
	uint32_t offset;
	uint8_t who;
	bool set;
	uint32_t fd;                /* its finding */
	uint64_t w[REPORT_SETW];    /* its set: bit i, mw_rule_at(i) passed */
};

/* A growable array of the batch: plain, as appending is per frame. */
#define ROOM(arr, n, cap)                                                 \
	do {                                                              \
		if (__builtin_expect((n) == (cap), 0)) {                  \
			(cap) = (cap) ? 2 * (cap) : 1024;                 \
			(arr) = g_realloc_n((arr), (cap), sizeof *(arr)); \
		}                                                         \
	} while (0)

struct bframe {
	struct mw_frame fr;
	uint32_t ev_first, ev_end; /* its events */
	struct frame_note note;    /* (filled here, its key4 by the main thread) */
	struct mw_packet pkt;
};
_Static_assert(sizeof(struct bframe) % 64 == 0, "a slot is whole cache lines");

struct batch {
	const char *file;        /* the file of its frames */
	bool opens;              /* the file starts with this batch */
	bool ends;               /* ... and ends with it */
	char *err;               /* ends: why the file could not go on */
	struct mw_capture *cap;  /* ends: closed once its frames are checked */
	unsigned n;
	struct bframe *fr;       /* BATCH_FRAMES */
	struct event *ev;
	struct mw_finding *fd;
	unsigned n_ev, n_fd, cap_ev, cap_fd;
	uint8_t *bytes;          /* frame copies, for readers that reuse a buffer */
	size_t n_bytes, cap_bytes;
};

struct pipe {
	const struct mw_keys *keys;
	char *const *files;
	int n_files;
	GAsyncQueue *full, *empty;
	struct batch *b;         /* the one being filled */
};

/* pushed after the last batch */
static struct batch done;

static struct batch *batch_new(void)
{
	struct batch *b = g_new0(struct batch, 1);
	b->fr = g_new(struct bframe, BATCH_FRAMES);
	return b;
}

static void batch_free(struct batch *b)
{
	g_free(b->fr);
	g_free(b->ev);
	g_free(b->fd);
	g_free(b->bytes);
	g_free(b);
}

/* An empty batch for frames of `file`, into p->b. */
static void take(struct pipe *p, const char *file)
{
	struct batch *b = g_async_queue_pop(p->empty);
	b->file = file;
	b->opens = b->ends = false;
	b->err = NULL;
	b->cap = NULL;
	b->n = 0;
	b->n_bytes = 0;
	b->n_ev = b->n_fd = 0;
	p->b = b;
}

static void hand_over(struct pipe *p)
{
	g_async_queue_push(p->full, p->b);
	p->b = NULL;
}

static void keep_finding(void *ctx, const struct mw_finding *f)
{
	struct batch *b = ctx;
	ROOM(b->fd, b->n_fd, b->cap_fd);
	ROOM(b->ev, b->n_ev, b->cap_ev);
	b->fd[b->n_fd] = *f;
	struct event *e = &b->ev[b->n_ev++];
	e->set = false;
	e->fd = b->n_fd++;
}

/* (a set has (mw_rule_count() + 63) / 64 words: REPORT_SETW, which
 * report_new() checks is enough) */
static void keep_passes(void *ctx, const struct mw_pass_set *s)
{
	struct batch *b = ctx;
	ROOM(b->ev, b->n_ev, b->cap_ev);
	struct event *e = &b->ev[b->n_ev++];
	e->msg = s->msg;
	e->offset = s->offset;
	e->who = s->who;
	e->set = true;
	uint64_t buf[REPORT_SETW];
	memcpy(e->w, report_setw(s->bits, s->nwords, buf), sizeof e->w);
}

/* A copy of a frame's bytes that lives as long as the batch (the reader
 * reuses its buffer); a full batch is handed over first, as growing its
 * buffer would move the bytes its frames point into. */
static const uint8_t *keep_bytes(struct pipe *p, const char *file,
				 const struct mw_frame *fr)
{
	if (p->b->cap_bytes - p->b->n_bytes < fr->caplen && p->b->n) {
		hand_over(p);
		take(p, file);
	}
	struct batch *b = p->b;
	if (b->cap_bytes - b->n_bytes < fr->caplen) {
		b->cap_bytes = MAX(b->cap_bytes * 2, MAX(fr->caplen, 1u << 18));
		b->bytes = g_realloc(b->bytes, b->cap_bytes);
	}
	uint8_t *d = b->bytes + b->n_bytes;
	if (fr->caplen)
		memcpy(d, fr->data, fr->caplen);
	b->n_bytes += fr->caplen;
	return d;
}

/* The lines of a frame's slot that decoding writes and the checks read
 * first, fetched ahead (rw 1: for writing). The slot was last used by
 * the other thread, and slots are more than a page apart, out of reach of
 * the hardware prefetcher: without this, each line's move between the
 * two cores stalls the thread. */
#define PREFETCH_SLOT(f, rw)                                              \
	do {                                                              \
		const struct bframe *f_ = (f);                            \
		__builtin_prefetch(&f_->fr, rw);                          \
		__builtin_prefetch((const char *)&f_->pkt + 64, rw);      \
		for (int l_ = 0; l_ < 4; l_++)                            \
			__builtin_prefetch(&f_->pkt.layers[l_], rw);      \
		__builtin_prefetch(&f_->pkt.msgs[0], rw);                 \
		__builtin_prefetch((const char *)&f_->pkt.msgs[0] + 64, rw); \
		__builtin_prefetch(&f_->pkt.elems[0], rw);                \
		__builtin_prefetch(&f_->pkt.elems[3], rw);                \
	} while (0)

static void produce_file(struct pipe *p, const char *path)
{
	char err[256];
	const char *name = display_name(path);
	struct mw_capture *cap = mw_capture_open(path, err, sizeof err);

	take(p, name);
	if (!cap) {
		p->b->ends = true;
		p->b->err = open_failed(err);
		hand_over(p);
		return;
	}
	p->b->opens = true;
	bool stable = mw_capture_frames_stable(cap);
	for (;;) {
		struct mw_frame fr;
		int rc = mw_capture_next(cap, &fr);
		if (rc != 1) {
			if (rc < 0)
				p->b->err = read_failed(cap);
			break;
		}
		if (p->b->n == BATCH_FRAMES) {
			hand_over(p);
			take(p, name);
		}
		if (!stable) /* may hand over too: after the check above */
			fr.data = keep_bytes(p, name, &fr);
		struct batch *b = p->b;
		struct bframe *f = &b->fr[b->n];
		if (b->n == 0)
			for (unsigned k = 1; k < 2 * AHEAD; k++)
				PREFETCH_SLOT(&b->fr[k], 1);
		if (b->n + 2 * AHEAD < BATCH_FRAMES)
			PREFETCH_SLOT(&b->fr[b->n + 2 * AHEAD], 1);
		f->fr = fr;
		mw_status st = mw_decode(&f->pkt, fr.linktype, fr.data, fr.caplen,
					 fr.wirelen, NULL);
		if (frame_unsupported(st, &f->pkt)) {
			b->err = unsupported(name, &fr);
			break;
		}
		frame_note_fill(&f->pkt, &f->note);
		f->ev_first = b->n_ev;
		mw_check_packet_mask(&f->pkt, p->keys, keep_finding, keep_passes, b);
		f->ev_end = b->n_ev;
		b->n++;
	}
	p->b->ends = true;
	p->b->cap = cap;
	hand_over(p);
}

static gpointer produce(gpointer data)
{
	struct pipe *p = data;
	for (int i = 0; i < p->n_files; i++)
		produce_file(p, p->files[i]);
	g_async_queue_push(p->full, &done);
	return NULL;
}

static void replay(struct conf *c, const struct batch *b, const struct bframe *f)
{
	for (uint32_t k = f->ev_first; k < f->ev_end; k++) {
		const struct event *e = &b->ev[k];
		if (e->set)
			frame_pass_set(c, e->msg, e->offset, e->who, e->w);
		else
			frame_finding(c, &b->fd[e->fd]);
	}
}

/* The checks of a batch's frames, in order; the number of files that
 * could not go on (0 or 1). */
static int consume(struct conf *c, struct batch *b)
{
	if (b->opens)
		frame_file(c, b->file);
	for (unsigned i = 0; i < b->n && i < 2 * AHEAD; i++)
		PREFETCH_SLOT(&b->fr[i], 0);
	for (unsigned i = 0; i < b->n && i < AHEAD; i++)
		frame_prefetch(c, &b->fr[i].pkt, &b->fr[i].note);
	for (unsigned i = 0; i < b->n; i++) {
		struct bframe *f = &b->fr[i];
		if (i + 2 * AHEAD < b->n)
			PREFETCH_SLOT(&b->fr[i + 2 * AHEAD], 0);
		if (i + AHEAD < b->n) {
			struct bframe *a = &b->fr[i + AHEAD];
			/* its bytes too: the other thread read them last */
			__builtin_prefetch(a->fr.data);
			__builtin_prefetch(a->fr.data + 64);
			frame_prefetch(c, &a->pkt, &a->note);
		}
		if (i + 1 < b->n)
			frame_prefetch_late(c, &b->fr[i + 1].note);
		frame_start(c, b->file, &f->fr, &f->pkt, &f->note);
		replay(c, b, f);
		frame_finish(c);
	}
	if (!b->ends)
		return 0;
	if (b->cap)
		mw_capture_close(b->cap);
	char *err = b->err;
	b->err = NULL;
	frame_file_end(c, b->file, err);
	return err != NULL;
}

static int run_threads(struct conf *c, char *const *files, int n)
{
	struct pipe p = { .keys = c->keys, .files = files, .n_files = n };
	struct batch *all[BATCHES];
	int bad = 0;

	p.full = g_async_queue_new();
	p.empty = g_async_queue_new();
	for (int i = 0; i < BATCHES; i++)
		g_async_queue_push(p.empty, all[i] = batch_new());
	GThread *t = g_thread_new("mipconform-read", produce, &p);
	for (struct batch *b; (b = g_async_queue_pop(p.full)) != &done;) {
		bad += consume(c, b);
		g_async_queue_push(p.empty, b);
	}
	g_thread_join(t);
	for (int i = 0; i < BATCHES; i++)
		batch_free(all[i]);
	g_async_queue_unref(p.full);
	g_async_queue_unref(p.empty);
	return bad;
}

int reader_run(struct conf *c, char *const *files, int n, unsigned threads)
{
	int bad = threads >= 2 ? run_threads(c, files, n) : run_inline(c, files, n);
	/* the frames are gone: nothing after the run may look at one */
	c->pkt = NULL;
	c->fn_msg = -2;
	return bad;
}
