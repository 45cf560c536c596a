/* Internal glue between the Mobile IPv6 decode files. */
#ifndef MIPWIRE_MIP6_INT_H
#define MIPWIRE_MIP6_INT_H

#include "mip6_reg.h"

/* Walk the mobility options of message `msg` over frame bytes
 * [from, end) of an MH starting at mh_start (alignment is relative to
 * it). Hard errors go to the diag through the cursor; soft ones to notes.
 * Returns false when a hard error stopped the walk. */
bool mwi_mh_walk_opts(struct mwi_dec *d, int msg, size_t mh_start,
		      size_t from, size_t end);

/* Walk ND options over [from, end) of an ICMPv6 message. */
bool mwi_nd_walk_opts(struct mwi_dec *d, int msg, size_t from, size_t end);

#endif
