/* Open-addressing hash tables for the per-packet state lookups (state4.c,
 * state6.c): linear probing, no tombstones (deletion shifts the run
 * back), power-of-two capacity, at most half full. A probe reads one
 * slot array (an IPv4 key and its value sit in the slot itself), where a
 * GHashTable reads three arrays. Iteration order is the slot order
 * (callers that report in iteration order sort first). */
#ifndef CONF_OTAB_H
#define CONF_OTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "bigmem.h"

static inline uint64_t otab_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

/* ---- keyed by an IPv4 address (uint32), values are nonzero uint32s (a
 * record index + 1, a flag): 8-byte slots, eight to a cache line ---- */

struct otab4_slot {
	uint32_t key;
	uint32_t v;           /* 0: empty */
};

struct otab4 {
	struct otab4_slot *s;
	struct bigmem mem;    /* s (a large index is on huge pages) */
	size_t cap, n;
	unsigned shift;       /* 64 - log2(cap) */
};

static inline void otab4_init(struct otab4 *t)
{
	t->cap = 1024;
	t->shift = 64 - 10;
	t->n = 0;
	t->s = bigmem_alloc(&t->mem, t->cap * sizeof *t->s);
}

static inline void otab4_free(struct otab4 *t)
{
	bigmem_free(&t->mem);
	t->s = NULL;
}

/* Fibonacci hashing (the top bits of a multiply): every key bit counts,
 * and addresses that differ in their last bits spread. */
static inline size_t otab4_home(const struct otab4 *t, uint32_t key)
{
	return (size_t)((key * 0x9e3779b97f4a7c15ull) >> t->shift);
}

/* The key's value, 0 if absent. */
static inline uint32_t otab4_get(const struct otab4 *t, uint32_t key)
{
	for (size_t k = otab4_home(t, key);; k = (k + 1) & (t->cap - 1)) {
		const struct otab4_slot *s = &t->s[k];
		if (!s->v || s->key == key)
			return s->v;
	}
}

static inline void otab4_put_(struct otab4 *t, uint32_t key, uint32_t v)
{
	size_t k = otab4_home(t, key);
	while (t->s[k].v)
		k = (k + 1) & (t->cap - 1);
	t->s[k].key = key;
	t->s[k].v = v;
}

/* Insert (v != 0); the key must not be present. */
static inline void otab4_put(struct otab4 *t, uint32_t key, uint32_t v)
{
	if (2 * (t->n + 1) > t->cap) {
		struct otab4 old = *t;
		t->cap *= 2;
		t->shift--;
		t->s = bigmem_alloc(&t->mem, t->cap * sizeof *t->s);
		for (size_t i = 0; i < old.cap; i++)
			if (old.s[i].v)
				otab4_put_(t, old.s[i].key, old.s[i].v);
		bigmem_free(&old.mem);
	}
	otab4_put_(t, key, v);
	t->n++;
}

/* Remove the key (if present); returns its value (0 if absent). */
static inline uint32_t otab4_del(struct otab4 *t, uint32_t key)
{
	size_t m = t->cap - 1, k = otab4_home(t, key);
	while (t->s[k].v && t->s[k].key != key)
		k = (k + 1) & m;
	uint32_t v = t->s[k].v;
	if (!v)
		return 0;
	/* backward shift: move up every later entry of the run that may */
	for (size_t j = (k + 1) & m; t->s[j].v; j = (j + 1) & m) {
		size_t h = otab4_home(t, t->s[j].key);
		if (((j - h) & m) >= ((j - k) & m)) {
			t->s[k] = t->s[j];
			k = j;
		}
	}
	t->s[k].v = 0;
	t->n--;
	return v;
}

/* ---- keyed by 32 bytes stored at the start of the value ---- */

struct otab32_slot {
	uint64_t h;
	void *v;              /* NULL: empty; the key is its first 32 bytes */
};

struct otab32 {
	struct otab32_slot *s;
	size_t cap, n;
};

static inline uint64_t otab32_hash(const void *key)
{
	uint64_t w[4], h = 0;
	memcpy(w, key, sizeof w);
	for (int i = 0; i < 4; i++)
		h = (h ^ w[i]) * 0x9e3779b97f4a7c15ull;
	return otab_mix(h);
}

static inline void otab32_init(struct otab32 *t)
{
	t->cap = 1024;
	t->n = 0;
	t->s = g_new0(struct otab32_slot, t->cap);
}

static inline void *otab32_get(const struct otab32 *t, const void *key)
{
	uint64_t h = otab32_hash(key);
	for (size_t k = (size_t)h & (t->cap - 1);; k = (k + 1) & (t->cap - 1)) {
		const struct otab32_slot *s = &t->s[k];
		if (!s->v)
			return NULL;
		if (s->h == h && memcmp(s->v, key, 32) == 0)
			return s->v;
	}
}

static inline void otab32_put_(struct otab32 *t, uint64_t h, void *v)
{
	size_t k = (size_t)h & (t->cap - 1);
	while (t->s[k].v)
		k = (k + 1) & (t->cap - 1);
	t->s[k].h = h;
	t->s[k].v = v;
}

/* Insert v (its first 32 bytes are the key, not present yet). */
static inline void otab32_put(struct otab32 *t, void *v)
{
	if (2 * (t->n + 1) > t->cap) {
		struct otab32 old = *t;
		t->cap *= 2;
		t->s = g_new0(struct otab32_slot, t->cap);
		for (size_t i = 0; i < old.cap; i++)
			if (old.s[i].v)
				otab32_put_(t, old.s[i].h, old.s[i].v);
		g_free(old.s);
	}
	otab32_put_(t, otab32_hash(v), v);
	t->n++;
}

static inline void *otab32_del(struct otab32 *t, const void *key)
{
	uint64_t h = otab32_hash(key);
	size_t m = t->cap - 1, k = (size_t)h & m;
	while (t->s[k].v && !(t->s[k].h == h && memcmp(t->s[k].v, key, 32) == 0))
		k = (k + 1) & m;
	void *v = t->s[k].v;
	if (!v)
		return NULL;
	for (size_t j = (k + 1) & m; t->s[j].v; j = (j + 1) & m) {
		size_t hj = (size_t)t->s[j].h & m;
		if (((j - hj) & m) >= ((j - k) & m)) {
			t->s[k] = t->s[j];
			k = j;
		}
	}
	t->s[k].v = NULL;
	t->n--;
	return v;
}

#endif
