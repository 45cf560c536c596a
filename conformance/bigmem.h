/* Zeroed blocks for the large tables read at random (the report's node
 * table, state4's index and node records, state6's bindings): with
 * 100k nodes every lookup is a cache miss, and on 4 KB pages a TLB miss
 * as well. A block of 2 MB or more gets its own mapping on 2 MB
 * boundaries, advised for transparent huge pages; a smaller one comes
 * from the heap (a few huge pages per run would cost more than they save
 * on small captures). */
#ifndef CONF_BIGMEM_H
#define CONF_BIGMEM_H

#include <stddef.h>

#define BIGMEM_HUGE (2u << 20)

struct bigmem {
	void *p;              /* the block: zeroed, at least 64-byte aligned */
	void *map;            /* what to release: a mapping, or the heap block */
	size_t map_len;       /* 0: map is a heap block */
};

/* A zeroed block of len bytes in m (m's previous block is not freed). */
void *bigmem_alloc(struct bigmem *m, size_t len);
void bigmem_free(struct bigmem *m);

#endif
