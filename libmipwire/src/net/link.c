/* TEMPORARY scaffolding: replaced by the net module. */
#include "internal.h"
void mwi_decode_link(struct mwi_dec *d, struct mw_cur *c, int linktype) { (void)d; (void)c; (void)linktype; }
void mwi_decode_ip(struct mwi_dec *d, struct mw_cur *c) { (void)d; (void)c; }
void mwi_decode_ip_payload(struct mwi_dec *d, struct mw_cur *c, uint8_t proto, int ip_layer) { (void)d; (void)c; (void)proto; (void)ip_layer; }
void mwi_decode_udp(struct mwi_dec *d, struct mw_cur *c, int ip_layer) { (void)d; (void)c; (void)ip_layer; }
void mwi_decode_dst_opts(struct mwi_dec *d, struct mw_cur *c, int ext_layer) { (void)d; (void)c; (void)ext_layer; }
