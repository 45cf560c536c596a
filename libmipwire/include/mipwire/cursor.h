/* The one read cursor every libmipwire parser goes through.
 *
 * A cursor is a window [pos, end) over a frame of `caplen` captured bytes.
 * `end` is the logical end declared by the enclosing length field (IP total
 * length, UDP length, extension length...), which may lie beyond the captured
 * bytes. A read that crosses `end` is MALFORMED (lengths contradict); one that
 * stays inside `end` but crosses `caplen` is TRUNCATED (snaplen). The first
 * error is sticky: it is stored in the shared struct mw_diag and every later
 * read returns 0 / NULL, so a block of reads is checked once. */
#ifndef MIPWIRE_CURSOR_H
#define MIPWIRE_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

struct mw_cur {
	const uint8_t *base; /* frame start; all offsets are relative to it */
	size_t caplen;       /* captured bytes in the frame */
	size_t pos;          /* next byte to read */
	size_t end;          /* logical end of this window (exclusive) */
	struct mw_diag *diag;/* sticky first error, shared by sub-cursors */
};

/* A cursor over a whole frame: end = wirelen-independent caplen. */
static inline void mw_cur_init(struct mw_cur *c, const uint8_t *frame,
			       size_t caplen, struct mw_diag *diag)
{
	c->base = frame;
	c->caplen = caplen;
	c->pos = 0;
	c->end = caplen;
	c->diag = diag;
}

/* Bytes left before the logical end (may exceed what was captured). */
static inline size_t mw_cur_left(const struct mw_cur *c)
{
	return c->pos < c->end ? c->end - c->pos : 0;
}

/* Bytes left that were actually captured. */
static inline size_t mw_cur_avail(const struct mw_cur *c)
{
	size_t lim = c->end < c->caplen ? c->end : c->caplen;
	return c->pos < lim ? lim - c->pos : 0;
}

static inline bool mw_cur_ok(const struct mw_cur *c)
{
	return c->diag->status == MW_OK;
}

/* Record an error at byte offset `off` unless one is already recorded.
 * Returns the (first) status now stored. `why` is printf-style. */
mw_status mw_cur_fail_at(struct mw_cur *c, size_t off, mw_status st,
			 const char *field, const char *why, ...)
	__attribute__((format(printf, 5, 6)));
#define mw_cur_fail(c, st, field, ...) \
	mw_cur_fail_at((c), (c)->pos, (st), (field), __VA_ARGS__)

/* Quiet test: no error so far and n bytes readable here (inside the
 * logical end and captured). Records nothing; for fast paths that fall
 * back to field-by-field reads (and their exact errors) when false. */
static inline bool mw_cur_has(const struct mw_cur *c, size_t n)
{
	size_t lim = c->end < c->caplen ? c->end : c->caplen;

	return c->diag->status == MW_OK && c->pos <= lim && n <= lim - c->pos;
}

/* Slow path of mw_cur_need: records the right error (MALFORMED past the
 * logical end, TRUNCATED past the captured bytes) and returns false. */
bool mw_cur_need_slow(struct mw_cur *c, size_t n, const char *field);

/* Checked: can n bytes be read here? Records the right error if not.
 * The reads below are inline: this is the decode hot path. */
static inline bool mw_cur_need(struct mw_cur *c, size_t n, const char *field)
{
	if (__builtin_expect(mw_cur_has(c, n), 1))
		return true;
	return mw_cur_need_slow(c, n, field);
}

static inline uint32_t mw_get_be32_raw_(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
	       ((uint32_t)p[2] << 8) | p[3];
}

/* Fetch big-endian values; on failure record the error and return 0. */
static inline uint8_t mw_get_u8(struct mw_cur *c, const char *field)
{
	if (!mw_cur_need(c, 1, field))
		return 0;
	return c->base[c->pos++];
}

static inline uint16_t mw_get_be16(struct mw_cur *c, const char *field)
{
	const uint8_t *p;

	if (!mw_cur_need(c, 2, field))
		return 0;
	p = c->base + c->pos;
	c->pos += 2;
	return (uint16_t)((p[0] << 8) | p[1]);
}

static inline uint32_t mw_get_be24(struct mw_cur *c, const char *field)
{
	const uint8_t *p;

	if (!mw_cur_need(c, 3, field))
		return 0;
	p = c->base + c->pos;
	c->pos += 3;
	return ((uint32_t)p[0] << 16) | ((uint32_t)p[1] << 8) | p[2];
}

static inline uint32_t mw_get_be32(struct mw_cur *c, const char *field)
{
	const uint8_t *p;

	if (!mw_cur_need(c, 4, field))
		return 0;
	p = c->base + c->pos;
	c->pos += 4;
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
	       ((uint32_t)p[2] << 8) | p[3];
}

static inline uint64_t mw_get_be64(struct mw_cur *c, const char *field)
{
	const uint8_t *p;

	if (!mw_cur_need(c, 8, field))
		return 0;
	p = c->base + c->pos;
	c->pos += 8;
	return ((uint64_t)mw_get_be32_raw_(p) << 32) | mw_get_be32_raw_(p + 4);
}

/* Pointer into the frame to n bytes (copy nothing); NULL on failure. */
static inline const uint8_t *mw_get_bytes(struct mw_cur *c, size_t n,
					  const char *field)
{
	const uint8_t *p;

	if (!mw_cur_need(c, n, field))
		return NULL;
	p = c->base + c->pos;
	c->pos += n;
	return p;
}

static inline bool mw_skip(struct mw_cur *c, size_t n, const char *field)
{
	return mw_get_bytes(c, n, field) != NULL;
}

/* Peek without consuming (same checks; records the error too). */
static inline uint8_t mw_peek_u8(struct mw_cur *c, size_t ahead,
				 const char *field)
{
	if (!mw_cur_need(c, ahead + 1, field))
		return 0;
	return c->base[c->pos + ahead];
}

/* Copy n bytes into dst (zero-filled on failure). */
static inline bool mw_get_copy(struct mw_cur *c, void *dst, size_t n,
			       const char *field)
{
	const uint8_t *p = mw_get_bytes(c, n, field);

	if (!p) {
		__builtin_memset(dst, 0, n);
		return false;
	}
	__builtin_memcpy(dst, p, n);
	return true;
}

/* Slow path of mw_cur_sub (an error now or before). */
bool mw_cur_sub_slow(struct mw_cur *c, size_t len, struct mw_cur *sub,
		     const char *len_field);

/* Split off a sub-window of `len` bytes starting at pos and advance the
 * parent past it. MALFORMED if len crosses the parent's end (the length
 * field that said `len` is blamed, so pass its name). On failure the
 * sub-cursor is empty. */
static inline bool mw_cur_sub(struct mw_cur *c, size_t len, struct mw_cur *sub,
			      const char *len_field)
{
	if (__builtin_expect(c->diag->status == MW_OK && len <= mw_cur_left(c), 1)) {
		*sub = *c;
		sub->end = c->pos + len;
		c->pos += len;
		return true;
	}
	return mw_cur_sub_slow(c, len, sub, len_field);
}

/* Shrink the window's logical end (e.g. to an IP total length); MALFORMED
 * if new_end lies beyond the current end. */
bool mw_cur_limit(struct mw_cur *c, size_t len_from_pos, const char *len_field);

/* Unchecked big-endian loads for bytes already proven readable. */
static inline uint16_t mw_load_be16(const uint8_t *p)
{
	return (uint16_t)((p[0] << 8) | p[1]);
}
static inline uint32_t mw_load_be32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
	       ((uint32_t)p[2] << 8) | p[3];
}
static inline uint64_t mw_load_be64(const uint8_t *p)
{
	return ((uint64_t)mw_load_be32(p) << 32) | mw_load_be32(p + 4);
}
/* Host byte order, any alignment (for hashing and checksums, where the
 * order does not matter): one load each. */
static inline uint32_t mw_load_ne32(const uint8_t *p)
{
	uint32_t v;
	__builtin_memcpy(&v, p, 4);
	return v;
}
static inline uint64_t mw_load_ne64(const uint8_t *p)
{
	uint64_t v;
	__builtin_memcpy(&v, p, 8);
	return v;
}

#ifdef __cplusplus
}
#endif
#endif
