/* Helpers shared by the net tests. */
#ifndef NET_TEST_H
#define NET_TEST_H

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Decode with wirelen = caplen. */
static inline mw_status nt_dec(struct mw_packet *p, int lt, const uint8_t *f,
			       size_t n)
{
	return mw_decode(p, lt, f, (uint32_t)n, (uint32_t)n, NULL);
}

/* Index of the first layer of a kind at or after `from`, -1 if none. */
static inline int nt_layer(const struct mw_packet *p, int kind, int from)
{
	for (int i = from; i < p->n_layers; i++)
		if (p->layers[i].kind == kind)
			return i;
	return -1;
}

static inline bool nt_has_note(const struct mw_packet *p, const char *field)
{
	for (int i = 0; i < p->n_notes; i++)
		if (p->notes[i].field && strcmp(p->notes[i].field, field) == 0)
			return true;
	return false;
}

/* Hex string (spaces allowed) into buf; returns the byte count. */
static inline size_t nt_hex(const char *s, uint8_t *buf, size_t cap)
{
	size_t n = 0;
	int hi = -1;

	for (; *s && n < cap; s++) {
		int v;

		if (*s >= '0' && *s <= '9')
			v = *s - '0';
		else if (*s >= 'a' && *s <= 'f')
			v = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'F')
			v = *s - 'A' + 10;
		else
			continue;
		if (hi < 0) {
			hi = v;
		} else {
			buf[n++] = (uint8_t)(hi << 4 | v);
			hi = -1;
		}
	}
	return n;
}

static inline struct mw_in6 nt_in6(const char *s)
{
	struct mw_in6 a;

	CU_ASSERT_FATAL(mw_in6_parse(s, &a));
	return a;
}

#define NT_STATUS(p, st, off, fld) do { \
	CU_ASSERT_EQUAL((p)->diag.status, (st)); \
	CU_ASSERT_EQUAL((p)->diag.offset, (off)); \
	CU_ASSERT_PTR_NOT_NULL((p)->diag.field); \
	if ((p)->diag.field) CU_ASSERT_STRING_EQUAL((p)->diag.field, (fld)); \
} while (0)

#endif
