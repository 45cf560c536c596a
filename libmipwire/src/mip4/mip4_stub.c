/* TEMPORARY scaffolding: replaced by the mip4 module. */
#include "internal.h"
void mwi_decode_mip4_msg(struct mwi_dec *d, struct mw_cur *c, int udp_layer) { (void)d; (void)c; (void)udp_layer; }
void mwi_decode_mip4_icmp(struct mwi_dec *d, struct mw_cur *c, int icmp_layer) { (void)d; (void)c; (void)icmp_layer; }
