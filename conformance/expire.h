/* Deadlines of per-node state (state6.c: the answer a Binding Update
 * awaits, the Binding Error a correspondent node owes), popped in
 * (due, serial) order. Lookups check expiry themselves (lazily); the
 * heap only says when to look. */
#ifndef CONF_EXPIRE_H
#define CONF_EXPIRE_H

#include <stdbool.h>
#include <stdint.h>

#include <glib.h>

/* A min-heap of deadlines: (due, serial, key). An entry re-arms by pushing
 * a new serial; stale items are told apart by the serial when popped. */
struct dl_item {
	double due;
	uint64_t serial;
	uint8_t key[32];
};

struct deadlines {
	GArray *h;                /* struct dl_item */
	uint64_t serial;
};

void dl_init(struct deadlines *d);
void dl_clear(struct deadlines *d);
/* Returns the serial to remember in the entry. */
uint64_t dl_push(struct deadlines *d, double due, const void *key, size_t len);
/* Pop the earliest item if it is due at or before `now`. */
bool dl_pop(struct deadlines *d, double now, struct dl_item *out);

#endif
