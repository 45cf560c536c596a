/* The overflow-safe write buffer used by every builder. */
#include <string.h>

#include "internal.h"

MWI_EXPORT void mw_wbuf_init(struct mw_wbuf *w, uint8_t *buf, size_t cap)
{
	w->p = buf;
	w->cap = cap;
	w->len = 0;
	w->overflow = false;
}

/* Room for n more bytes? Sets the sticky overflow flag if not. */
static bool room(struct mw_wbuf *w, size_t n)
{
	if (w->overflow || n > w->cap - w->len) {
		w->overflow = true;
		return false;
	}
	return true;
}

MWI_EXPORT void mw_put_bytes(struct mw_wbuf *w, const void *src, size_t n)
{
	if (!room(w, n))
		return;
	if (n)
		memcpy(w->p + w->len, src, n);
	w->len += n;
}

MWI_EXPORT void mw_put_zeros(struct mw_wbuf *w, size_t n)
{
	if (!room(w, n))
		return;
	memset(w->p + w->len, 0, n);
	w->len += n;
}

MWI_EXPORT void mw_put_u8(struct mw_wbuf *w, uint8_t v)
{
	mw_put_bytes(w, &v, 1);
}

MWI_EXPORT void mw_put_be16(struct mw_wbuf *w, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	mw_put_bytes(w, b, 2);
}

MWI_EXPORT void mw_put_be24(struct mw_wbuf *w, uint32_t v)
{
	uint8_t b[3] = { (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v };

	mw_put_bytes(w, b, 3);
}

MWI_EXPORT void mw_put_be32(struct mw_wbuf *w, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16),
			 (uint8_t)(v >> 8), (uint8_t)v };

	mw_put_bytes(w, b, 4);
}

MWI_EXPORT void mw_put_be64(struct mw_wbuf *w, uint64_t v)
{
	mw_put_be32(w, (uint32_t)(v >> 32));
	mw_put_be32(w, (uint32_t)v);
}

MWI_EXPORT size_t mw_put_reserve(struct mw_wbuf *w, size_t n)
{
	size_t off = w->len;

	mw_put_zeros(w, n);
	return w->overflow ? SIZE_MAX : off;
}

MWI_EXPORT void mw_patch_u8(struct mw_wbuf *w, size_t off, uint8_t v)
{
	if (off < w->len)
		w->p[off] = v;
}

MWI_EXPORT void mw_patch_be16(struct mw_wbuf *w, size_t off, uint16_t v)
{
	if (off < w->len && w->len - off >= 2) {
		w->p[off] = (uint8_t)(v >> 8);
		w->p[off + 1] = (uint8_t)v;
	}
}

MWI_EXPORT void mw_patch_be32(struct mw_wbuf *w, size_t off, uint32_t v)
{
	if (off < w->len && w->len - off >= 4) {
		mw_patch_be16(w, off, (uint16_t)(v >> 16));
		mw_patch_be16(w, off + 2, (uint16_t)v);
	}
}
