/* TEMPORARY scaffolding: replaced by the mip6 module. */
#include "internal.h"
void mwi_decode_mh(struct mwi_dec *d, struct mw_cur *c, int carrier_layer) { (void)d; (void)c; (void)carrier_layer; }
void mwi_decode_icmp6_mip(struct mwi_dec *d, struct mw_cur *c, int icmp_layer) { (void)d; (void)c; (void)icmp_layer; }
