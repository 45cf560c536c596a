/* Decoding a frame: link layer -> IP chain -> (tunnels ->) Mobile IP
 * message -> extensions / options. The result is a caller-owned
 * struct mw_packet: typed values plus the frame offset and length of every
 * layer, message and element, so tools can map fields back to bytes. The
 * decode path never allocates and never reads past `caplen`. */
#ifndef MIPWIRE_DECODE_H
#define MIPWIRE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mip4.h"
#include "mip6.h"
#include "net.h"
#include "registry.h"
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MW_MAX_LAYERS 24
#define MW_MAX_MSGS 4
#define MW_MAX_ELEMS 64
#define MW_MAX_NOTES 16
#define MW_MAX_TUNNEL_DEPTH 4

/* Link types (values of libpcap's LINKTYPE_*, so pcap headers map 1:1). */
enum {
	MW_LINK_NULL = 0,
	MW_LINK_ETHERNET = 1,
	MW_LINK_SLIP = 8,         /* libpcap SLIP: 16-byte pseudo-header, then IP */
	MW_LINK_RAW = 101,        /* raw IPv4 or IPv6 */
	MW_LINK_LOOP = 108,       /* OpenBSD loopback */
	MW_LINK_LINUX_SLL = 113,
	MW_LINK_IPV4 = 228,
	MW_LINK_IPV6 = 229,
	MW_LINK_LINUX_SLL2 = 276,
};

struct mw_layer {
	uint8_t kind;       /* enum mw_layer_kind */
	uint8_t depth;      /* tunnel nesting: 0 = outermost packet */
	bool synthetic;     /* rebuilt header (minimal encapsulation) */
	uint32_t off, len;  /* header bytes in the frame */
	union {
		struct mw_eth eth;
		struct mw_vlan vlan;
		struct mw_sll sll;
		struct mw_ip4 ip4;
		struct mw_ip6 ip6;
		struct mw_ip6_ext ext;
		struct mw_udp udp;
		struct mw_icmp icmp;
		struct mw_gre gre;
		struct mw_minenc minenc;
		struct mw_tcp tcp;
	} u;
};

enum mw_msg_kind {
	MW_MSG_NONE = 0,
	MW_MSG_MIP4,      /* UDP 434 message: reg MW_REG_MIP4_MSG */
	MW_MSG_MIP4_ADV,  /* ICMP 9 agent advertisement: extensions in MW_REG_MIP4_ADV_EXT */
	MW_MSG_MIP4_SOL,  /* ICMP 10 agent solicitation */
	MW_MSG_MH,        /* Mobility Header: reg MW_REG_MH_TYPE, options MW_REG_MH_OPT */
	MW_MSG_ICMP6,     /* ICMPv6 144-147, 154, and RAs with Mobile IPv6 content */
};

/* One extension, option or sub-option. Elements of a message are
 * contiguous in pkt->elems[elem_first .. elem_first + elem_count). */
struct mw_elem {
	uint8_t reg;        /* enum mw_reg_id the type belongs to */
	uint8_t type;
	uint8_t subtype;    /* long/short-form MIPv4 extensions, else 0 */
	uint8_t status;     /* MW_OK, MW_E_UNKNOWN (skipped), MW_E_MALFORMED, MW_E_TRUNC */
	uint8_t depth;      /* 0 = in the message, 1 = sub-option of the previous depth-0 element */
	uint8_t msg;        /* index of its message in pkt->msgs */
	uint32_t off, len;  /* whole element incl. header */
	uint32_t body_off, body_len; /* data after the header */
};

struct mw_msg {
	uint8_t kind;       /* enum mw_msg_kind */
	uint8_t layer;      /* index of the layer that carried it (UDP / ICMP / IPv6) */
	uint8_t reg;        /* registry of `code` */
	uint8_t code;       /* message type */
	uint8_t status;     /* MW_OK or the first error inside the message */
	/* MIPv4 registration request / reply in UDP over IPv4, with shape
	 * given and a UDP checksum present and not found wrong: the facts its
	 * per-packet rules read beyond its extensions (the checksum's
	 * verdict, the request's flags, lifetime 0 and address relations,
	 * the reply's code...), bit 15 set, the other bits opaque (the
	 * library's own encoding); 0 when not given (the general decoder
	 * leaves it 0). Zero it if you edit the message, its UDP or IPv4
	 * header, or the packet's truncation status (diag, caplen): the
	 * rules then work the facts out from the packet. */
	uint16_t reg_facts;
	uint32_t off, len;  /* whole message in the frame (len = declared length) */
	uint16_t elem_first, elem_count;
	/* MIPv4 registration request / reply: its extensions in brief, for
	 * consumers that key on them without walking them (the rules); 0
	 * when not given (the general decoder leaves it 0; zero it if you
	 * edit the elements). Nonzero: the message's elements are n =
	 * elem_count <= 3 depth-0 MIPv4 extensions (MW_REG_MIP4_EXT),
	 * status MW_OK, and shape = 1 | n << 1 | x << 3, x holding one 9-bit
	 * digit per extension, the first the most significant: its type,
	 * plus 256 for an authentication extension (types 32-34) whose
	 * length holds an SPI and an authenticator (7 bytes or more with
	 * its header). */
	uint32_t shape;
	union {
		struct mw_mip4 mip4;
		struct mw_mip4_adv adv;
		struct mw_mh mh;
		struct mw_icmp6_mip icmp6;
	} u;
};

/* A soft finding of the parser: unknown-but-skippable code, reserved bits
 * set, element table full... The message is still decoded. */
struct mw_note {
	uint8_t status;     /* MW_E_UNKNOWN, MW_E_MALFORMED, MW_E_NOSPACE... */
	uint32_t offset;
	const char *field;  /* static */
	const char *why;    /* static */
	uint32_t value;     /* the value concerned (a code, a length) */
};

struct mw_packet {
	const uint8_t *data;
	uint32_t caplen, wirelen;
	int linktype;
	uint8_t n_layers, n_msgs, n_notes;
	uint16_t n_elems;
	uint32_t kinds;   /* bit 1u << kind for each layer's kind (a summary of
			   * layers[]: whether a packet has IPv6, MH, a tunnel...);
			   * zero it if you add, remove or change layers (0:
			   * mw_packet_kinds() works it out again) */
	struct mw_diag diag; /* first hard error (TRUNC / MALFORMED); MW_OK if none */
	struct mw_layer layers[MW_MAX_LAYERS];
	struct mw_msg msgs[MW_MAX_MSGS];
	struct mw_elem elems[MW_MAX_ELEMS];
	struct mw_note notes[MW_MAX_NOTES];
};

/* pkt->kinds, also for a packet not filled by the decoder (made or
 * changed by hand: layers but no summary). */
static inline uint32_t mw_packet_kinds(const struct mw_packet *p)
{
	uint32_t k = p->kinds;
	if (__builtin_expect(!k, 0))
		for (int i = 0; i < p->n_layers; i++)
			k |= 1u << (p->layers[i].kind & 31);
	return k;
}

struct mw_decode_opts {
	uint16_t mip4_ports[4];  /* UDP ports carrying MIPv4 (0-terminated); default {434} */
	uint16_t pmip6_udp_port; /* default 5436 */
	bool no_checksums;       /* skip UDP/ICMP/MH checksum verification */
	bool no_tunnels;         /* do not decode inside tunnels */
	bool no_fastpath;        /* general decode path only (same result; for tests) */
};

/* Decode a captured frame of the given link type. Returns MW_OK, or the
 * first hard error (also in pkt->diag); what was decoded before the error
 * stays in pkt. MW_E_UNSUPPORTED for an unknown link type. opts may be NULL. */
mw_status mw_decode(struct mw_packet *pkt, int linktype, const uint8_t *data,
		    uint32_t caplen, uint32_t wirelen,
		    const struct mw_decode_opts *opts);

/* Decode starting at a given layer (for tools that already have the
 * payload, e.g. the Wireshark plugin): MW_L_IP4, MW_L_IP6, MW_L_MIP4 (UDP
 * payload of port 434), MW_L_MH, MW_L_ICMP4, MW_L_ICMP6, MW_L_MINENC. */
mw_status mw_decode_from(struct mw_packet *pkt, enum mw_layer_kind start,
			 const uint8_t *data, uint32_t caplen,
			 const struct mw_decode_opts *opts);

/* The layer of the given kind closest to (at or before) index `before`,
 * -1 if none. Use before = pkt->n_layers to search from the end. */
int mw_find_layer(const struct mw_packet *pkt, enum mw_layer_kind kind,
		  int before);

/* Registry row of a message / element (NULL when unknown). */
const struct mw_reg_entry *mw_msg_row(const struct mw_msg *m);
const struct mw_reg_entry *mw_elem_row(const struct mw_elem *e);

/* Reading one layout field of an element/message/header that starts at
 * frame offset `base_off` and is `base_len` bytes long. */
struct mw_fval {
	bool present;       /* inside the element and captured */
	uint32_t off, len;  /* frame offset and length of the field's bytes */
	uint64_t u;         /* UINT (masked and shifted) / FLAG (0/1) / IPV4 (host order) */
	const uint8_t *p;   /* the bytes (IPV6, MAC, BYTES, STRING, lists) */
};
bool mw_field_read(const struct mw_packet *pkt, uint32_t base_off,
		   uint32_t base_len, const struct mw_field *f,
		   struct mw_fval *out);

/* The variant layout of a message whose type has variants (Binding
 * Revocation BRI / BRA, Flow Binding FBI / FBA, the ICMPv6 154 FMIPv6
 * subtypes...): the row, in the value registry of one of the message's code
 * fields, that has a field layout of its own (offsets from the message
 * start, like the message's). NULL when the message has none; *reg gets the
 * variant's registry id. */
const struct mw_reg_entry *mw_msg_variant_row(const struct mw_packet *pkt,
					      const struct mw_msg *m,
					      enum mw_reg_id *reg);

/* Rebuild the original IPv4 header of a minimal-encapsulation layer (the
 * MW_L_MINENC layer or the synthetic IPv4 one after it), for tools that
 * hand it on: the outer header with the forwarding header's fields
 * restored, its IP options included (RFC 2004 modifies the header in
 * place), checksum computed. Returns its length (20-60 bytes, into out),
 * 0 when layer is not a minimal-encapsulation one or the outer header's
 * length and options do not match what was captured (a packet edited by
 * hand). */
size_t mw_minenc_header(const struct mw_packet *pkt, int layer,
			uint8_t out[60]);
/* The same for an original header without options (20 bytes); false when
 * it has options (use mw_minenc_header) or layer is not one. */
bool mw_minenc_rebuild(const struct mw_packet *pkt, int layer,
		       uint8_t out[20]);

#ifdef __cplusplus
}
#endif
#endif
