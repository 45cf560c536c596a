/* Shared helpers of the mip6 tests. */
#ifndef MIP6_TEST_H
#define MIP6_TEST_H

#include <CUnit/CUnit.h>

#include "internal.h"

extern const char *g_captures;  /* ../shared/captures */
extern const char *g_iana;      /* libmipwire/registry/iana */
extern const char *g_vectors;   /* Scapy oracle output */

/* Decode MH bytes [0, wire) of which caplen are captured, as if reached
 * without a carrier (mwi_decode_mh with the window ending at `wire`). */
mw_status t_decode_mh(struct mw_packet *p, const uint8_t *b, size_t caplen,
		      size_t wire);
int t_count_notes(const struct mw_packet *p, const char *field);
/* Value of layout field `key` of the message's row, -1 if absent. */
long long t_msg_field(const struct mw_packet *p, int msg, const char *key);

void add_registry_tests(void);
void add_roundtrip_tests(void);
void add_capture_tests(void);

#endif
