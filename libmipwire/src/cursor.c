/* The bounds-checked read cursor (see cursor.h for the error model). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

MWI_EXPORT void mw_cur_init(struct mw_cur *c, const uint8_t *frame,
			    size_t caplen, struct mw_diag *diag)
{
	c->base = frame;
	c->caplen = caplen;
	c->pos = 0;
	c->end = caplen;
	c->diag = diag;
}

MWI_EXPORT mw_status mw_cur_fail_at(struct mw_cur *c, size_t off, mw_status st,
				    const char *field, const char *why, ...)
{
	struct mw_diag *d = c->diag;
	va_list ap;

	if (d->status != MW_OK)
		return d->status;
	d->status = st;
	d->offset = (uint32_t)off;
	d->field = field;
	va_start(ap, why);
	vsnprintf(d->why, sizeof(d->why), why, ap);
	va_end(ap);
	return st;
}

MWI_EXPORT bool mw_cur_need(struct mw_cur *c, size_t n, const char *field)
{
	if (c->diag->status != MW_OK)
		return false;
	if (n > mw_cur_left(c)) {
		mw_cur_fail(c, MW_E_MALFORMED, field,
			    "needs %zu bytes, %zu left in the enclosing length",
			    n, mw_cur_left(c));
		return false;
	}
	if (n > mw_cur_avail(c)) {
		mw_cur_fail(c, MW_E_TRUNC, field,
			    "needs %zu bytes, capture ends after %zu", n,
			    mw_cur_avail(c));
		return false;
	}
	return true;
}

MWI_EXPORT uint8_t mw_get_u8(struct mw_cur *c, const char *field)
{
	if (!mw_cur_need(c, 1, field))
		return 0;
	return c->base[c->pos++];
}

MWI_EXPORT uint16_t mw_get_be16(struct mw_cur *c, const char *field)
{
	uint16_t v;

	if (!mw_cur_need(c, 2, field))
		return 0;
	v = mw_load_be16(c->base + c->pos);
	c->pos += 2;
	return v;
}

MWI_EXPORT uint32_t mw_get_be24(struct mw_cur *c, const char *field)
{
	const uint8_t *p;

	if (!mw_cur_need(c, 3, field))
		return 0;
	p = c->base + c->pos;
	c->pos += 3;
	return ((uint32_t)p[0] << 16) | ((uint32_t)p[1] << 8) | p[2];
}

MWI_EXPORT uint32_t mw_get_be32(struct mw_cur *c, const char *field)
{
	uint32_t v;

	if (!mw_cur_need(c, 4, field))
		return 0;
	v = mw_load_be32(c->base + c->pos);
	c->pos += 4;
	return v;
}

MWI_EXPORT uint64_t mw_get_be64(struct mw_cur *c, const char *field)
{
	uint64_t v;

	if (!mw_cur_need(c, 8, field))
		return 0;
	v = mw_load_be64(c->base + c->pos);
	c->pos += 8;
	return v;
}

MWI_EXPORT const uint8_t *mw_get_bytes(struct mw_cur *c, size_t n,
				       const char *field)
{
	const uint8_t *p;

	if (!mw_cur_need(c, n, field))
		return NULL;
	p = c->base + c->pos;
	c->pos += n;
	return p;
}

MWI_EXPORT bool mw_get_copy(struct mw_cur *c, void *dst, size_t n,
			    const char *field)
{
	const uint8_t *p = mw_get_bytes(c, n, field);

	if (!p) {
		memset(dst, 0, n);
		return false;
	}
	memcpy(dst, p, n);
	return true;
}

MWI_EXPORT bool mw_skip(struct mw_cur *c, size_t n, const char *field)
{
	return mw_get_bytes(c, n, field) != NULL;
}

MWI_EXPORT uint8_t mw_peek_u8(struct mw_cur *c, size_t ahead, const char *field)
{
	if (!mw_cur_need(c, ahead + 1, field))
		return 0;
	return c->base[c->pos + ahead];
}

MWI_EXPORT bool mw_cur_sub(struct mw_cur *c, size_t len, struct mw_cur *sub,
			   const char *len_field)
{
	*sub = *c;
	sub->end = sub->pos;
	if (c->diag->status != MW_OK)
		return false;
	if (len > mw_cur_left(c)) {
		mw_cur_fail(c, MW_E_MALFORMED, len_field,
			    "length %zu runs past the end of the enclosing data (%zu left)",
			    len, mw_cur_left(c));
		return false;
	}
	sub->end = c->pos + len;
	c->pos += len;
	return true;
}

MWI_EXPORT bool mw_cur_limit(struct mw_cur *c, size_t len_from_pos,
			     const char *len_field)
{
	if (c->diag->status != MW_OK)
		return false;
	if (len_from_pos > mw_cur_left(c)) {
		mw_cur_fail(c, MW_E_MALFORMED, len_field,
			    "length %zu runs past the end of the enclosing data (%zu left)",
			    len_from_pos, mw_cur_left(c));
		return false;
	}
	c->end = c->pos + len_from_pos;
	return true;
}
