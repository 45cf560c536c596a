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
void mw_cur_init(struct mw_cur *c, const uint8_t *frame, size_t caplen,
		 struct mw_diag *diag);

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

/* Checked: can n bytes be read here? Records the right error if not. */
bool mw_cur_need(struct mw_cur *c, size_t n, const char *field);

/* Fetch big-endian values; on failure record the error and return 0. */
uint8_t mw_get_u8(struct mw_cur *c, const char *field);
uint16_t mw_get_be16(struct mw_cur *c, const char *field);
uint32_t mw_get_be24(struct mw_cur *c, const char *field);
uint32_t mw_get_be32(struct mw_cur *c, const char *field);
uint64_t mw_get_be64(struct mw_cur *c, const char *field);
/* Pointer into the frame to n bytes (copy nothing); NULL on failure. */
const uint8_t *mw_get_bytes(struct mw_cur *c, size_t n, const char *field);
/* Copy n bytes into dst (zero-filled on failure). */
bool mw_get_copy(struct mw_cur *c, void *dst, size_t n, const char *field);
bool mw_skip(struct mw_cur *c, size_t n, const char *field);

/* Peek without consuming (same checks; records the error too). */
uint8_t mw_peek_u8(struct mw_cur *c, size_t ahead, const char *field);

/* Split off a sub-window of `len` bytes starting at pos and advance the
 * parent past it. MALFORMED if len crosses the parent's end (the length
 * field that said `len` is blamed, so pass its name). On failure the
 * sub-cursor is empty. */
bool mw_cur_sub(struct mw_cur *c, size_t len, struct mw_cur *sub,
		const char *len_field);

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

#ifdef __cplusplus
}
#endif
#endif
