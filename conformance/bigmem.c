/* Huge-page-backed zeroed blocks (bigmem.h). */
#include <stdint.h>
#include <sys/mman.h>

#include <glib.h>

#include "bigmem.h"

void *bigmem_alloc(struct bigmem *m, size_t len)
{
	uintptr_t a;
	if (len < BIGMEM_HUGE) {     /* calloc: fresh pages need no clearing */
		m->map = g_malloc0(len + 63);
		m->map_len = 0;
		a = ((uintptr_t)m->map + 63) & ~(uintptr_t)63;
	} else {
		m->map_len = len + BIGMEM_HUGE;
		m->map = mmap(NULL, m->map_len, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (m->map == MAP_FAILED)
			g_error("mipconform: out of memory");
		a = ((uintptr_t)m->map + BIGMEM_HUGE - 1) & ~(uintptr_t)(BIGMEM_HUGE - 1);
#ifdef MADV_HUGEPAGE
		madvise((void *)a, len, MADV_HUGEPAGE);
#endif
	}
	m->p = (void *)a;
	return m->p;
}

void bigmem_free(struct bigmem *m)
{
	if (m->map_len)
		munmap(m->map, m->map_len);
	else
		g_free(m->map);
	m->map = m->p = NULL;
	m->map_len = 0;
}
