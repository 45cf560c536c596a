/* Deadline heap for state expiry (expire.h). */
#include <string.h>

#include "expire.h"

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
