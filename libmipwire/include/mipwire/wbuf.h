/* The write buffer every builder goes through: it never writes past `cap`;
 * an overflow is sticky and reported as MW_E_NOSPACE by the builder. */
#ifndef MIPWIRE_WBUF_H
#define MIPWIRE_WBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

struct mw_wbuf {
	uint8_t *p;
	size_t cap;
	size_t len;
	bool overflow;
};

void mw_wbuf_init(struct mw_wbuf *w, uint8_t *buf, size_t cap);
void mw_put_u8(struct mw_wbuf *w, uint8_t v);
void mw_put_be16(struct mw_wbuf *w, uint16_t v);
void mw_put_be24(struct mw_wbuf *w, uint32_t v);
void mw_put_be32(struct mw_wbuf *w, uint32_t v);
void mw_put_be64(struct mw_wbuf *w, uint64_t v);
void mw_put_bytes(struct mw_wbuf *w, const void *src, size_t n);
void mw_put_zeros(struct mw_wbuf *w, size_t n);
/* Reserve n bytes to fill in later (length or checksum fields); returns
 * the offset, or SIZE_MAX on overflow. */
size_t mw_put_reserve(struct mw_wbuf *w, size_t n);
/* Patch already written bytes (no-op when out of range). */
void mw_patch_u8(struct mw_wbuf *w, size_t off, uint8_t v);
void mw_patch_be16(struct mw_wbuf *w, size_t off, uint16_t v);
void mw_patch_be32(struct mw_wbuf *w, size_t off, uint32_t v);

static inline mw_status mw_wbuf_status(const struct mw_wbuf *w)
{
	return w->overflow ? MW_E_NOSPACE : MW_OK;
}

#ifdef __cplusplus
}
#endif
#endif
