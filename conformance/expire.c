/* Timer wheel and deadline heap for state expiry (expire.h). */
#include <string.h>

#include "expire.h"

static int64_t slot_of(double t, double width)
{
	double q = t / width;
	int64_t a = (int64_t)q;
	return (double)a > q ? a - 1 : a;   /* floor */
}

static unsigned ring(int64_t a)
{
	return (unsigned)(((a % (int64_t)WHEEL_SLOTS) + WHEEL_SLOTS) % WHEEL_SLOTS);
}

void wheel_init(struct wheel *w, double width)
{
	memset(w, 0, sizeof *w);
	w->width = width;
	for (unsigned i = 0; i < WHEEL_SLOTS; i++)
		w->b[i] = g_ptr_array_new();
	w->spare = g_ptr_array_new();
}

void wheel_clear(struct wheel *w)
{
	for (unsigned i = 0; i < WHEEL_SLOTS; i++)
		g_ptr_array_free(w->b[i], TRUE);
	g_ptr_array_free(w->spare, TRUE);
}

void wheel_add(struct wheel *w, struct wnode *n, double due)
{
	int64_t a = slot_of(due, w->width);
	if (!w->started) {
		w->pos = a;
		w->started = true;
	}
	if (a < w->pos)
		a = w->pos;
	if (a > w->pos + (int64_t)WHEEL_SLOTS - 1)
		a = w->pos + (int64_t)WHEEL_SLOTS - 1;
	GPtrArray *b = w->b[ring(a)];
	n->slot = ring(a);
	n->idx = b->len;
	g_ptr_array_add(b, n);
}

void wheel_del(struct wheel *w, struct wnode *n)
{
	if (n->slot == WHEEL_NONE)
		return;
	GPtrArray *b = w->b[n->slot];
	struct wnode *last = b->pdata[b->len - 1];
	b->pdata[n->idx] = last;
	last->idx = n->idx;
	g_ptr_array_set_size(b, b->len - 1);
	n->slot = WHEEL_NONE;
}

static void run_slot(struct wheel *w, wheel_fn fn, void *ctx)
{
	unsigned r = ring(w->pos);
	GPtrArray *b = w->b[r];
	w->b[r] = w->spare;
	w->pos++;
	for (unsigned i = 0; i < b->len; i++)
		((struct wnode *)b->pdata[i])->slot = WHEEL_NONE;
	for (unsigned i = 0; i < b->len; i++)
		fn(ctx, b->pdata[i]);
	g_ptr_array_set_size(b, 0);
	w->spare = b;
}

void wheel_run(struct wheel *w, double now, wheel_fn fn, void *ctx)
{
	int64_t upto = slot_of(now, w->width); /* slots before it are due */
	if (!w->started)
		return;
	if (upto - w->pos > (int64_t)WHEEL_SLOTS) {
		/* a jump in time: every slot once, then catch up */
		for (unsigned i = 0; i < WHEEL_SLOTS; i++)
			run_slot(w, fn, ctx);
		if (w->pos < upto) {
			/* what fn put back sits at pos .. pos+SLOTS-1: move the
			 * window without losing it (ring positions stay valid
			 * only if we shift by a multiple of the ring) */
			int64_t shift = (upto - w->pos) / WHEEL_SLOTS * WHEEL_SLOTS;
			w->pos += shift;
		}
	}
	while (w->pos < upto)
		run_slot(w, fn, ctx);
}

void dl_init(struct deadlines *d)
{
	d->h = g_array_new(FALSE, FALSE, sizeof(struct dl_item));
	d->serial = 0;
}

void dl_clear(struct deadlines *d)
{
	g_array_free(d->h, TRUE);
}

static bool before(const struct dl_item *a, const struct dl_item *b)
{
	return a->due < b->due || (a->due == b->due && a->serial < b->serial);
}

uint64_t dl_push(struct deadlines *d, double due, const void *key, size_t len)
{
	struct dl_item it = { .due = due, .serial = ++d->serial };
	memcpy(it.key, key, len < sizeof it.key ? len : sizeof it.key);
	g_array_append_val(d->h, it);
	struct dl_item *h = (struct dl_item *)(void *)d->h->data;
	for (unsigned i = d->h->len - 1; i > 0;) {
		unsigned p = (i - 1) / 2;
		if (!before(&h[i], &h[p]))
			break;
		struct dl_item t = h[i];
		h[i] = h[p];
		h[p] = t;
		i = p;
	}
	return it.serial;
}

bool dl_pop(struct deadlines *d, double now, struct dl_item *out)
{
	struct dl_item *h = (struct dl_item *)(void *)d->h->data;
	unsigned n = d->h->len;
	if (!n || h[0].due > now)
		return false;
	*out = h[0];
	h[0] = h[--n];
	g_array_set_size(d->h, n);
	for (unsigned i = 0;;) {
		unsigned l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && before(&h[l], &h[m]))
			m = l;
		if (r < n && before(&h[r], &h[m]))
			m = r;
		if (m == i)
			break;
		struct dl_item t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
	return true;
}
