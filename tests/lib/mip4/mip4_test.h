/* Shared helpers of the mip4 unit tests. */
#ifndef MIP4_TEST_H
#define MIP4_TEST_H

#include <CUnit/CUnit.h>

#include "internal.h"

extern const char *g_csv_dir, *g_capture_dir;

/* Decode a UDP 434 payload whose declared length is `len` but of which
 * only `caplen` bytes were captured (direct module call). */
mw_status t_decode_msg(struct mw_packet *pkt, const uint8_t *b, size_t len,
		       size_t caplen);
/* Same for an ICMP message starting at its type byte. */
mw_status t_decode_icmp(struct mw_packet *pkt, const uint8_t *b, size_t len,
			size_t caplen);
/* Every layout field of the element/message must be readable. */
void t_check_layout(const struct mw_packet *pkt, uint32_t off, uint32_t len,
		    const struct mw_reg_entry *row);

void add_reg_tests(void);
void add_roundtrip_tests(void);
void add_error_tests(void);
void add_adv_tests(void);
void add_capture_tests(void);

#endif
