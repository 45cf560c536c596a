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
	/* Pseudo-header addresses (RFC 8200 8.1) of the IPv6 header at layer
	 * ps_ip - 1 (0: none yet), with the Home Address option / type 2
	 * routing header of its chain applied so far: recorded on the way
	 * down, so a checksum needs no walk over the layers. Zero-initialised
	 * (as { pkt, opts, 0 }) means "not recorded": the walk is used. */
	uint8_t ps_ip;
	const struct mw_in6 *ps_src, *ps_dst;
};

/* Append a layer / message / element; -1 (and a MW_E_NOSPACE note) when the
 * table is full. The returned index stays valid for the packet's life.
 * Inline: they run several times per frame. The entry is zeroed, then the
 * given members are set. */
int mwi_table_full(struct mwi_dec *d, int which, size_t off);

_Static_assert(MW_L__COUNT <= 32, "mw_packet.kinds holds a bit per layer kind");

/* A layer whose union is not cleared: for callers that then assign their
 * whole typed member (u.eth, u.ip4, u.ip6, u.udp) in one go. */
static inline int mwi_add_layer_nc(struct mwi_dec *d, enum mw_layer_kind kind,
				   size_t off, size_t len)
{
	struct mw_packet *p = d->pkt;
	struct mw_layer *l;

	if (__builtin_expect(p->n_layers >= MW_MAX_LAYERS, 0))
		return mwi_table_full(d, 0, off);
	l = &p->layers[p->n_layers];
	l->kind = (uint8_t)kind;
	p->kinds |= 1u << kind;
	l->depth = d->depth;
	l->synthetic = false;
	l->off = (uint32_t)off;
	l->len = (uint32_t)len;
	return p->n_layers++;
}

static inline int mwi_add_layer(struct mwi_dec *d, enum mw_layer_kind kind,
				size_t off, size_t len)
{
	int i = mwi_add_layer_nc(d, kind, off, len);

	if (i >= 0)
		__builtin_memset(&d->pkt->layers[i].u, 0, sizeof(d->pkt->layers[i].u));
	return i;
}

/* Two 32-bit members in one 8-byte word, in memory order. */
static inline uint64_t mwi_pair32(size_t first, size_t second)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (uint32_t)first | (uint64_t)(uint32_t)second << 32;
#else
	return (uint64_t)(uint32_t)first << 32 | (uint32_t)second;
#endif
}

/* The element at off: total bytes, the first hl of them its header (the
 * body follows); sub-type, status, depth and padding 0. Put together as
 * three 8-byte words: built member by member (or from a byte array), gcc
 * packs them into a vector register first, at twice the instructions. */
static inline struct mw_elem mwi_elem(uint8_t reg, uint8_t type, uint8_t msg,
				      size_t off, size_t total, size_t hl)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t head = reg | (uint64_t)type << 8 | (uint64_t)msg << 40;
#else
	const uint64_t head = (uint64_t)reg << 56 | (uint64_t)type << 48 |
			      (uint64_t)msg << 16;
#endif
	const uint64_t w[3] = { head, mwi_pair32(off, total),
				mwi_pair32(off + hl, total - hl) };
	struct mw_elem e;

	_Static_assert(sizeof(e) == sizeof(w) &&
		       __builtin_offsetof(struct mw_elem, reg) == 0 &&
		       __builtin_offsetof(struct mw_elem, type) == 1 &&
		       __builtin_offsetof(struct mw_elem, msg) == 5 &&
		       __builtin_offsetof(struct mw_elem, off) == 8 &&
		       __builtin_offsetof(struct mw_elem, len) == 12 &&
		       __builtin_offsetof(struct mw_elem, body_off) == 16 &&
		       __builtin_offsetof(struct mw_elem, body_len) == 20,
		       "struct mw_elem layout");
	__builtin_memcpy(&e, w, sizeof(e));
	return e;
}

static inline int mwi_add_msg(struct mwi_dec *d, enum mw_msg_kind kind,
			      int layer, enum mw_reg_id reg, uint8_t code,
			      size_t off, size_t len)
{
	struct mw_packet *p = d->pkt;
	struct mw_msg *m;

	if (__builtin_expect(p->n_msgs >= MW_MAX_MSGS, 0))
		return mwi_table_full(d, 1, off);
	m = &p->msgs[p->n_msgs];
	__builtin_memset(m, 0, sizeof(*m));
	m->kind = (uint8_t)kind;
	m->layer = layer < 0 ? 0xff : (uint8_t)layer;
	m->reg = (uint8_t)reg;
	m->code = code;
	m->off = (uint32_t)off;
	m->len = (uint32_t)len;
	m->elem_first = p->n_elems;
	return p->n_msgs++;
}

static inline int mwi_add_elem(struct mwi_dec *d, int msg, enum mw_reg_id reg,
			       uint8_t type, size_t off, size_t len)
{
	struct mw_packet *p = d->pkt;
	struct mw_elem *e;

	if (__builtin_expect(p->n_elems >= MW_MAX_ELEMS, 0))
		return mwi_table_full(d, 2, off);
	e = &p->elems[p->n_elems];
	__builtin_memset(e, 0, sizeof(*e));
	e->reg = (uint8_t)reg;
	e->type = type;
	e->msg = msg < 0 ? 0xff : (uint8_t)msg;
	e->off = (uint32_t)off;
	e->len = (uint32_t)len;
	if (msg >= 0 && msg < p->n_msgs)
		p->msgs[msg].elem_count++;
	return p->n_elems++;
}

static inline void mwi_note(struct mwi_dec *d, mw_status st, size_t off,
			    const char *field, const char *why, uint32_t value)
{
	struct mw_packet *p = d->pkt;
	struct mw_note *n;

	if (p->n_notes >= MW_MAX_NOTES)
		return;
	n = &p->notes[p->n_notes++];
	n->status = (uint8_t)st;
	n->offset = (uint32_t)off;
	n->field = field;
	n->why = why;
	n->value = value;
}

/* Registry rows without a call: the table list of registry.c, and a row
 * of a known table (NULL when unassigned / out of range), as
 * mw_reg_lookup(). */
extern const struct mw_registry *const mwi_reg_all[MW_REG__COUNT];

static inline const struct mw_reg_entry *
mwi_reg_row(const struct mw_registry *r, unsigned code)
{
	if (!r || code >= r->n_rows || !r->rows[code].key)
		return NULL;
	return &r->rows[code];
}

static inline const struct mw_reg_entry *mwi_reg_lookup(enum mw_reg_id id,
							unsigned code)
{
	return (unsigned)id < MW_REG__COUNT ? mwi_reg_row(mwi_reg_all[id], code)
					    : NULL;
}

/* Fold a 64-bit one's complement accumulator of native-order words to 16
 * bits in the big-endian word order of the wire. */
static inline uint32_t mwi_csum_fold64(uint64_t s)
{
	s = (s & 0xffffffffu) + (s >> 32);
	s = (s & 0xffffffffu) + (s >> 32);
	s = (s & 0xffffu) + (s >> 16);
	s = (s & 0xffffu) + (s >> 16);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return __builtin_bswap16((uint16_t)s);
#else
	return (uint32_t)s;
#endif
}

/* Is p one of the UDP ports the options give to MIPv4? */
static inline bool mwi_is_mip4_port(const struct mw_decode_opts *o, uint16_t p)
{
	for (size_t i = 0; i < sizeof(o->mip4_ports) / sizeof(o->mip4_ports[0]) &&
			   o->mip4_ports[i]; i++)
		if (o->mip4_ports[i] == p)
			return true;
	return false;
}

/* RFC 1071 sum of len bytes, folded to 16 bits, in the big-endian word
 * order of the wire (0 only when every byte is 0). Sums 8 bytes a step as
 * native 64-bit words with end-around carry: the one's complement sum does
 * not depend on the byte order, so one swap at the end puts it right. */
static inline uint32_t mwi_csum16(const uint8_t *p, size_t len)
{
	uint64_t s = 0, v;

	while (len >= 8) {
		__builtin_memcpy(&v, p, 8);
		s += v;
		s += s < v;
		p += 8;
		len -= 8;
	}
	if (len & 4) {
		uint32_t w;

		__builtin_memcpy(&w, p, 4);
		s += w;
		s += s < w;
		p += 4;
	}
	if (len & 2) {
		uint16_t w;

		__builtin_memcpy(&w, p, 2);
		s += w;
		s += s < w;
		p += 2;
	}
	if (len & 1) {
		/* the odd last byte is the high half of a big-endian word */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		uint64_t b = *p;
#else
		uint64_t b = (uint64_t)*p << 8;
#endif
		s += b;
		s += s < b;
	}
	return mwi_csum_fold64(s);
}

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
/* The typed fixed fields of BU, BA, BE, HoTI... from the first bytes of
 * the MH at b (24 for HoT/CoT/BE, 16 HoTI/CoTI, 12 BU/BA): the general
 * path's zero-filled copy of them (mh_decode.c), or the frame itself
 * (fastpath.c). Inline: a call in the fast path forces spills. */
static inline void mwi_mh_fill_typed(struct mw_mh *mh, const uint8_t *b)
{
	switch (mh->type) {
	case MW_MH_HOTI:
	case MW_MH_COTI:
		__builtin_memcpy(mh->u.init.cookie, b + 8, 8);
		break;
	case MW_MH_HOT:
	case MW_MH_COT:
		mh->u.test.nonce_index = mw_load_be16(b + 6);
		__builtin_memcpy(mh->u.test.cookie, b + 8, 8);
		__builtin_memcpy(mh->u.test.keygen, b + 16, 8);
		break;
	case MW_MH_BU:
	case MW_MH_FBU:
		mh->u.bu.seq = mw_load_be16(b + 6);
		mh->u.bu.flags = mw_load_be16(b + 8);
		mh->u.bu.lifetime = mw_load_be16(b + 10);
		mh->proxy = mh->type == MW_MH_BU && (mh->u.bu.flags & MW_BU_P);
		break;
	case MW_MH_BA:
	case MW_MH_FBACK:
		mh->u.ba.status = b[6];
		mh->u.ba.flags = b[7];
		mh->u.ba.seq = mw_load_be16(b + 8);
		mh->u.ba.lifetime = mw_load_be16(b + 10);
		mh->proxy = mh->type == MW_MH_BA && (mh->u.ba.flags & MW_BA_P);
		break;
	case MW_MH_BE:
		mh->u.be.status = b[6];
		__builtin_memcpy(mh->u.be.hoa.b, b + 8, 16);
		break;
	default:
		break;
	}
}

/* mw_msg.shape (decode.h) of a registration's extensions: one definition
 * for the fast path (fastpath.c: a digit per row of its extension table)
 * and the rules (check_mip4.c: from the elements, and the Length rule of
 * the authentication extensions, whose outcome the digit holds). An
 * authentication extension is of MWI_MIP4X_AUTH_MIN_LEN bytes or more
 * with its header when it holds an SPI and an authenticator. */
#define MWI_MIP4X_AUTH_MIN_LEN 7

static inline bool mwi_mip4x_is_auth(unsigned type)
{
	return type == MW_MIP4X_MN_HA_AUTH || type == MW_MIP4X_MN_FA_AUTH ||
	       type == MW_MIP4X_FA_HA_AUTH;
}

/* An extension's digit: its type, plus 256 for an authentication
 * extension `len` bytes long with its header that holds an SPI and an
 * authenticator. */
static inline uint32_t mwi_shape_digit(uint8_t type, uint32_t len)
{
	return type | (uint32_t)(mwi_mip4x_is_auth(type) &&
				 len >= MWI_MIP4X_AUTH_MIN_LEN) << 8;
}

/* The digits x so far and the next extension's: the first extension's
 * digit ends up the most significant. */
static inline uint32_t mwi_shape_next(uint32_t x, uint32_t digit)
{
	return x << 9 | digit;
}

/* The shape of n extensions (3 at most) of digits x. */
static inline uint32_t mwi_shape(unsigned n, uint32_t x)
{
	return 1 | n << 1 | x << 3;
}

/* mw_msg.reg_facts of a registration in UDP over IPv4: everything
 * check_rrq() / check_rrp() (rules/check_mip4.c) read beyond the form the
 * shape and the checksum give, so that the rules key a registration's
 * cached outcome on (shape, facts) without reading the packet. One
 * definition for the fast path (from the values it has at hand) and the
 * rules (mwi_reg_facts_of(), from the packet's fields). Bit 15: given;
 * 14: the UDP checksum verified (else not checked); 13: a reply. */
#define MWI_REG_FACTS_GIVEN 0x8000u
#define MWI_REG_FACTS_CSUM 0x4000u
#define MWI_REG_FACTS_RRP 0x2000u
#define MWI_ALL_AGENTS 0xe000000bu  /* 224.0.0.11 */

/* A request's: flags r/x (bit 0), T and D (in place: 0x02, 0x20);
 * Lifetime 0; the Home Address, care-of address and IPv4 source /
 * destination / TTL in the relations the rules test. */
static inline uint16_t mwi_rrq_facts(bool csum_ok, uint8_t flags,
				     uint16_t lifetime, uint32_t hoa,
				     uint32_t coa, uint32_t src, uint32_t dst,
				     uint8_t ttl)
{
	unsigned f = (flags & (MW_RRQ_T | MW_RRQ_D)) |
		     ((flags | flags >> 2) & (MW_RRQ_r >> 2 | MW_RRQ_x));

	_Static_assert(MW_RRQ_r >> 2 == 1 && MW_RRQ_x == 1 && MW_RRQ_T == 2 &&
		       MW_RRQ_D == 0x20, "RRQ flag positions");
	return (uint16_t)(MWI_REG_FACTS_GIVEN | (unsigned)csum_ok << 14 | f |
			  (unsigned)(ttl == 1) << 11 | (unsigned)(ttl == 255) << 12 |
			  (unsigned)(lifetime == 0) << 2 |
			  (unsigned)(hoa == 0) << 3 | (unsigned)(coa == 0) << 4 |
			  (unsigned)(hoa == coa) << 6 |
			  (unsigned)(src == coa) << 7 |
			  (unsigned)(src == hoa) << 8 |
			  (unsigned)(src == 0) << 9 |
			  (unsigned)(dst == MWI_ALL_AGENTS) << 10);
}

/* A reply's: its code (so whether a foreign agent denied it); whether its
 * Home Agent and IPv4 source are unicast. */
static inline uint16_t mwi_rrp_facts(bool csum_ok, uint8_t code, uint32_t ha,
				     uint32_t src)
{
	return (uint16_t)(MWI_REG_FACTS_GIVEN | (unsigned)csum_ok << 14 |
			  MWI_REG_FACTS_RRP | code |
			  (unsigned)(ha != 0 && !mw_ip4_is_group(ha)) << 8 |
			  (unsigned)(src != 0 && !mw_ip4_is_group(src)) << 9);
}

/* rules/check_mip4.c: registration m's facts worked out from the packet
 * (m->reg_facts ignored); 0 for a message that has none: not a request or
 * reply whose UDP checksum is present and not wrong, its status MW_OK,
 * the packet not truncated, under an IPv4 header. */
uint16_t mwi_reg_facts_of(const struct mw_packet *p, const struct mw_msg *m);

/* fastpath.c: the common well-formed frames end to end, filling pkt as
 * the general path would (pkt already reset by mw_decode()); any other
 * frame goes through mwi_decode_general(). The status is mw_decode()'s.
 * Called with o->no_fastpath set (a probe, for tests), a frame it does not
 * take gives MW_E_UNSUPPORTED instead. */
mw_status mwi_fastpath(struct mw_packet *pkt, int linktype,
		       const struct mw_decode_opts *o);
/* decode.c: the general path over the whole frame of a reset pkt (its
 * linktype). */
mw_status mwi_decode_general(struct mw_packet *pkt,
			     const struct mw_decode_opts *o);

/* Tests only: the outcome caches of the per-packet rules (rules/). */
enum mwi_outcome_cache {
	MWI_OC_FORM,  /* check_mip4.c: common registration forms */
	MWI_OC_REG,   /* check_mip4.c: registrations */
	MWI_OC_ADV,   /* check_mip4.c: agent advertisements */
	MWI_OC_MH,    /* check_mip6.c: Mobility Headers */
	MWI_OC_HDR,   /* check_mip6.c: IPv6 headers of plain MH packets */
	MWI_OC__COUNT
};
/* Forget every outcome the rules cached, while no thread checks packets,
 * so that no test's result depends on the tests before it. */
void mwi_outcomes_forget(void);
/* The outcomes taken from cache c so far: counted only in a library
 * compiled with MWI_OUTCOME_COUNTS (the rules tests' copy,
 * libmipwire/meson.build; a count on the hot path is not free), 0 in any
 * other. */
unsigned long mwi_outcome_hits(enum mwi_outcome_cache c);

#endif
