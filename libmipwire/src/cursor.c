/* The bounds-checked read cursor (see cursor.h for the error model). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

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

MWI_EXPORT bool mw_cur_need_slow(struct mw_cur *c, size_t n,
				 const char *field)
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

MWI_EXPORT bool mw_cur_sub_slow(struct mw_cur *c, size_t len,
				struct mw_cur *sub, const char *len_field)
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
