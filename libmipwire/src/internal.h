/* Internal glue between the decode modules (not installed). Each module
 * owns one layer of the decode; they call each other only through the
 * entry points declared here. */
#ifndef MIPWIRE_INTERNAL_H
#define MIPWIRE_INTERNAL_H

#include "mipwire/mipwire.h"

#define MWI_EXPORT __attribute__((visibility("default")))

struct mwi_dec {
	struct mw_packet *pkt;
	const struct mw_decode_opts *opts;
	uint8_t depth; /* current tunnel depth */
};

/* Append a layer / message / element; -1 (and a MW_E_NOSPACE note) when the
 * table is full. The returned index stays valid for the packet's life. */
int mwi_add_layer(struct mwi_dec *d, enum mw_layer_kind kind, size_t off,
		  size_t len);
int mwi_add_msg(struct mwi_dec *d, enum mw_msg_kind kind, int layer,
		enum mw_reg_id reg, uint8_t code, size_t off, size_t len);
int mwi_add_elem(struct mwi_dec *d, int msg, enum mw_reg_id reg,
		 uint8_t type, size_t off, size_t len);
void mwi_note(struct mwi_dec *d, mw_status st, size_t off, const char *field,
	      const char *why, uint32_t value);

/* ---- module entry points; each takes a cursor positioned at the start of
 * its header, with the window ending at the header's declared end ---- */

/* net (link.c): a frame of a pcap link type; MW_E_UNSUPPORTED noted for
 * unknown ones. */
void mwi_decode_link(struct mwi_dec *d, struct mw_cur *c, int linktype);
/* net (ip4.c, ip6.c, tunnel.c): IPv4 or IPv6 by version nibble. */
void mwi_decode_ip(struct mwi_dec *d, struct mw_cur *c);
/* An IP payload by protocol number (tunnels, UDP, ICMP, MH...). `ip_layer`
 * is the IP layer that carried it. */
void mwi_decode_ip_payload(struct mwi_dec *d, struct mw_cur *c, uint8_t proto,
			   int ip_layer);

/* mip4 (mip4_msg.c, mip4_ext.c, mip4_adv.c) */
void mwi_decode_mip4_msg(struct mwi_dec *d, struct mw_cur *c, int udp_layer);
/* ICMP router advertisement / solicitation with mobility extensions;
 * cursor at the ICMP type byte. */
void mwi_decode_mip4_icmp(struct mwi_dec *d, struct mw_cur *c, int icmp_layer);

/* UDP (udp.c): dispatches by port to MIPv4, PMIPv6-over-UDP, DSMIPv6... */
void mwi_decode_udp(struct mwi_dec *d, struct mw_cur *c, int ip_layer);

/* mip6 (mh.c, mh_opt.c, icmp6_mip.c) */
void mwi_decode_mh(struct mwi_dec *d, struct mw_cur *c, int carrier_layer);
/* ICMPv6 message with Mobile IPv6 meaning (144-147, 154, 134 RA);
 * cursor at the ICMPv6 type byte. Other types: nothing is added. */
void mwi_decode_icmp6_mip(struct mwi_dec *d, struct mw_cur *c, int icmp_layer);
/* Options of an IPv6 Destination Options header: fills ext->hao. */
void mwi_decode_dst_opts(struct mwi_dec *d, struct mw_cur *c, int ext_layer);

#endif
