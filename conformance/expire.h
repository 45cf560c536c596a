/* Expiry of per-node state without sweeping whole tables.
 *
 * A timer wheel holds each entry once, in the slot of the earliest time it
 * could expire; when the capture clock passes a slot, only the entries in
 * it are checked (and either dropped or put back further on). Lookups
 * check expiry themselves (lazily), so an entry the wheel has not reached
 * yet is never seen. The cost is per entry and per lifetime, not per
 * entry and per sweep. */
#ifndef CONF_EXPIRE_H
#define CONF_EXPIRE_H

#include <stdbool.h>
#include <stdint.h>

#include <glib.h>

#define WHEEL_SLOTS 256u
#define WHEEL_NONE UINT32_MAX

struct wnode {              /* embed in the entry */
	uint32_t slot, idx;       /* WHEEL_NONE when not queued */
};

struct wheel {
	double width;             /* seconds per slot */
	int64_t pos;              /* absolute slot checked next */
	bool started;
	GPtrArray *b[WHEEL_SLOTS];
	GPtrArray *spare;
};

typedef void (*wheel_fn)(void *ctx, struct wnode *n);

void wheel_init(struct wheel *w, double width);
void wheel_clear(struct wheel *w);
/* Queue n (not queued) to be checked once the clock passes `due`. */
void wheel_add(struct wheel *w, struct wnode *n, double due);
/* Unqueue n (no-op if not queued). */
void wheel_del(struct wheel *w, struct wnode *n);
/* Hand every entry due by `now` to fn, which may free it or wheel_add it
 * again (it lands in a later slot); fn must touch no other entry. */
void wheel_run(struct wheel *w, double now, wheel_fn fn, void *ctx);

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
