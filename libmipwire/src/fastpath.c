/* The fused fast path of mw_decode(): the common, well-formed frames
 *   Ethernet [+ up to 2 VLAN tags] / raw IP
 *     -> IPv4 (no options, not a fragment) -> UDP to a MIPv4 port
 *        -> registration request / reply -> TLV8 / CVSE extensions
 *     -> IPv4 -> ICMP router advertisement (agent advertisement) -> Pad /
 *        TLV8 extensions without sub-types
 *     -> IPv6 -> [Destination Options (Pad1, PadN, known, HAO) |
 *                 type 2 routing header]* -> Mobility Header of a known
 *        type -> Pad1 / known mobility options without sub-options
 * decoded end to end in one function, with the frame bounds in local
 * variables. It fills struct mw_packet exactly as the general path does
 * (same layers, messages, elements, typed fields and checksum verdicts)
 * and gives up at the first thing that is not plain: anything the general
 * path would note, an error, a truncation, a length out of its bounds, an
 * unknown code, a tunnel, ICMP, fragments... and hands the frame to the
 * general path (fp_miss), which decodes it again from the start, so every
 * unusual frame is decoded by that path alone. Every step is a tail call:
 * mw_decode() -> mwi_fastpath() -> fp_ip4()... return to mw_decode()'s
 * caller.
 *
 * Bounds: every read is of bytes proven inside [0, caplen) and inside the
 * enclosing declared length first (the frame is required to be captured
 * as far as the lengths declare; otherwise the general path runs). */
#include <string.h>

#include "internal.h"
#include "mip4/mip4_int.h"

/* Flat per-code facts taken from the registry tables once (the same rows
 * the general path reads; ok = 0: the fast path does not take that code). */
struct fp_row {
	uint16_t min;       /* element length bounds incl. header (registry) */
	uint16_t span;      /* max - min: one unsigned compare for both */
	uint16_t need;      /* MH types: bytes the typed fields read (>= min) */
	uint8_t ok;
	uint8_t hdr;        /* enum mw_hdr_form */
	uint8_t hl;         /* MIPv4 extensions: header bytes, 0 when not taken */
	uint8_t amask, ak;  /* alignment: (off & amask) == ak; amask 0 none */
	uint16_t dig;       /* MIPv4 extensions: their digit of mw_msg.shape */
} __attribute__((aligned(16)));  /* an index is one shift */

static struct {
	struct fp_row mip4_ext[256], mh_opt[256], mh_type[256], dst_opt[256];
	struct fp_row adv_ext[256];
	uint16_t rrq_min, rrp_min;
} fp;

static void fp_fill(struct fp_row *t, enum mw_reg_id id)
{
	for (unsigned c = 0; c < 256; c++) {
		const struct mw_reg_entry *r = mwi_reg_lookup(id, c);

		memset(&t[c], 0, sizeof(t[c]));
		if (!r)
			continue;
		t[c].ok = 1;
		t[c].min = r->min_len;
		/* no length fits an empty range: never taken */
		if (r->max_len < r->min_len)
			t[c].ok = 0;
		else
			t[c].span = (uint16_t)(r->max_len - r->min_len);
		t[c].need = r->min_len;
		t[c].hdr = r->hdr;
		if (r->align_n) {
			/* only powers of two are taken (all of RFC 6275's) */
			if (r->align_n & (r->align_n - 1))
				t[c].ok = 0;
			t[c].amask = (uint8_t)(r->align_n - 1);
			t[c].ak = r->align_k;
		}
	}
}

/* The tables, built when the library is loaded (before any decode can
 * run: no per-packet check that they are ready). */
static __attribute__((constructor)) void fp_build(void)
{
	const struct mw_reg_entry *rrq = mwi_reg_lookup(MW_REG_MIP4_MSG, MW_MIP4_RRQ);
	const struct mw_reg_entry *rrp = mwi_reg_lookup(MW_REG_MIP4_MSG, MW_MIP4_RRP);
	/* bytes of the typed fields of mwi_mh_fill_typed() per MH type */
	static const uint8_t typed_len[] = {
		[MW_MH_HOTI] = 16, [MW_MH_COTI] = 16, [MW_MH_HOT] = 24,
		[MW_MH_COT] = 24, [MW_MH_BU] = 12, [MW_MH_BA] = 12,
		[MW_MH_BE] = 24, [MW_MH_FBU] = 12, [MW_MH_FBACK] = 12,
	};

	fp_fill(fp.mip4_ext, MW_REG_MIP4_EXT);
	fp_fill(fp.mh_opt, MW_REG_MH_OPT);
	fp_fill(fp.mh_type, MW_REG_MH_TYPE);
	fp_fill(fp.dst_opt, MW_REG_DST_OPT);
	fp_fill(fp.adv_ext, MW_REG_MIP4_ADV_EXT);
	for (unsigned c = 0; c < 256; c++) {
		struct fp_row *x = &fp.mip4_ext[c];
		const struct mw_reg_entry *r = mwi_reg_lookup(MW_REG_MIP4_EXT, c);

		/* TLV8 / CVSE without a sub-type registry only */
		if (x->hdr != MW_HDR_TLV8 && x->hdr != MW_HDR_CVSE)
			x->ok = 0;
		if (r && r->sub)
			x->ok = 0;
		if (x->ok)
			x->hl = x->hdr == MW_HDR_TLV8 ? 2 : 4;
		/* an authentication extension is taken when it holds an SPI
		 * and an authenticator, so that its digit is the same at
		 * every length taken: that of the shortest */
		unsigned amin = MWI_MIP4X_AUTH_MIN_LEN;
		if (x->ok && mwi_mip4x_is_auth(c) && x->min < amin) {
			if (x->min + x->span < amin)
				x->ok = x->hl = 0;
			else
				x->span = (uint16_t)(x->span - (amin - x->min));
			x->min = (uint16_t)amin;
		}
		x->dig = (uint16_t)mwi_shape_digit((uint8_t)c, x->min);
		/* options with sub-options are walked by the general path */
		r = mwi_reg_lookup(MW_REG_MH_OPT, c);
		if (r && r->sub)
			fp.mh_opt[c].ok = 0;
		if (c < sizeof(typed_len) && typed_len[c] > fp.mh_type[c].need)
			fp.mh_type[c].need = typed_len[c];
		/* advertisement extensions: Pad and plain TLV8 (not the FMIPv4
		 * ones, whose length counts 8-octet units) */
		r = mwi_reg_lookup(MW_REG_MIP4_ADV_EXT, c);
		if (r && (r->sub || (r->hdr != MW_HDR_TLV8 && r->hdr != MW_HDR_PAD1) ||
			  (r->hdr == MW_HDR_PAD1 && r->min_len != 1) ||
			  mwi_mip4_adv_len8((uint8_t)c)))
			fp.adv_ext[c].ok = 0;
	}
	/* Home Agent Switch and the experimental MH have fixed parts of
	 * their own: general path */
	fp.mh_type[MW_MH_HAS].ok = 0;
	fp.mh_type[MW_MH_EXP].ok = 0;
	/* without their rows no registration message is taken */
	fp.rrq_min = rrq ? rrq->min_len : UINT16_MAX;
	fp.rrp_min = rrp ? rrp->min_len : UINT16_MAX;
}

/* The packet is complete: nl layers of the kinds `kinds` (the decoders
 * hand on the kinds of the layers they add, constants mostly), one
 * message m, elements up to n. */
static inline mw_status fp_done(struct mw_packet *pkt, struct mw_msg *m,
				unsigned nl, uint32_t kinds, unsigned n)
{
	pkt->kinds = kinds;
	m->elem_count = (uint16_t)(n - m->elem_first);
	pkt->n_layers = (uint8_t)nl;
	pkt->n_msgs = 1;
	pkt->n_elems = (uint16_t)n;
	return MW_OK;
}

/* Not a frame the fast path takes: the general path decodes it from the
 * start (the fast path changed nothing mw_decode() reset, only table
 * entries past the counts); a probe (tests) says so instead. Out of line:
 * the decoders reach it by a jump. */
static __attribute__((noinline, cold)) mw_status
fp_miss(struct mw_packet *pkt, const struct mw_decode_opts *o)
{
	if (o->no_fastpath)
		return MW_E_UNSUPPORTED;
	return mwi_decode_general(pkt, o);
}

static inline uint16_t be16(const uint8_t *p)
{
	return (uint16_t)((p[0] << 8) | p[1]);
}

/* RFC 1071 checksums, verified without folding. Native 64-bit loads of
 * the bytes summed with end-around carry give a value congruent modulo
 * 0xffff to the sum of the 16-bit words (2^16 = 1 and 2^64 = 1 mod 0xffff)
 * in native order; on a little-endian machine that is the big-endian sum
 * times 2^8 (a swapped word is its value times 2^8), and 2^8 is invertible
 * mod 0xffff. The one's complement sum of data that is not all zero folds
 * to 0xffff exactly when it is 0 mod 0xffff, so `fp_ok(v)` is the verdict
 * mwi_csum16() / mw_csum_fold() give (every sum taken here includes a
 * nonzero byte: a version, a type or a protocol number). Big-endian
 * values (the pseudo-header's protocol and length) go in through FP_BE. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define FP_BE(x) ((uint64_t)(x) << 8)
#else
#define FP_BE(x) ((uint64_t)(x))
#endif

static inline bool fp_ok(uint64_t v)
{
	/* v % 0xffff == 0 written out as gcc writes it where it sees fit
	 * (elsewhere it divides): 0xffff is odd, so v is a multiple of it
	 * exactly when v times its inverse mod 2^64 is at most
	 * (2^64 - 1) / 0xffff */
	return v * 0xfffefffefffeffffull <= UINT64_MAX / 0xffff;
}


/* The last k (1..7) bytes before `end` as a native word whose first byte
 * sits where a word boundary would put it (the odd last byte is the high
 * half of a big-endian word, zero-padded); the 8 bytes before `end` are
 * readable. */
static inline uint64_t fp_tail(const uint8_t *end, size_t k)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return mw_load_ne64(end - 8) >> (64 - 8 * k);
#else
	return mw_load_ne64(end - 8) << (64 - 8 * k);
#endif
}

#define FP_CHAIN_MAX 16

/* c + t + the n (<= FP_CHAIN_MAX) 64-bit words before `end`, with
 * end-around carry. */
static inline __attribute__((always_inline)) uint64_t
fp_chain(uint64_t c, uint64_t t, const uint8_t *end, size_t n)
{
#if defined(__x86_64__) && defined(__GNUC__)
	const void *at;

	/* One add-with-carry chain, unrolled, entered n steps before its
	 * end (each step 4 bytes: REX.W, opcode, ModRM, disp8, the base in
	 * rax..rdx needing no SIB; the assembler checks). `add t` sets the
	 * chain's first carry in. The last carry out cannot overflow the
	 * final adc $0 (after an adc with carry out the result is at most
	 * 2^64 - 2), and the result is 0 only when every input is. */
	__asm__("lea 2f(%%rip), %[at]\n\t"
		"sub %[back], %[at]\n\t"
		"add %[t], %[c]\n\t"
		"jmp *%[at]\n"
		"1:\n\t"
		"adcq -128(%[e]), %[c]\n\t"
		"adcq -120(%[e]), %[c]\n\t"
		"adcq -112(%[e]), %[c]\n\t"
		"adcq -104(%[e]), %[c]\n\t"
		"adcq -96(%[e]), %[c]\n\t"
		"adcq -88(%[e]), %[c]\n\t"
		"adcq -80(%[e]), %[c]\n\t"
		"adcq -72(%[e]), %[c]\n\t"
		"adcq -64(%[e]), %[c]\n\t"
		"adcq -56(%[e]), %[c]\n\t"
		"adcq -48(%[e]), %[c]\n\t"
		"adcq -40(%[e]), %[c]\n\t"
		"adcq -32(%[e]), %[c]\n\t"
		"adcq -24(%[e]), %[c]\n\t"
		"adcq -16(%[e]), %[c]\n\t"
		"adcq -8(%[e]), %[c]\n"
		"2:\n\t"
		"adcq $0, %[c]\n\t"
		".if 2b - 1b - 4 * 16\n\t"
		".error \"fp_chain: the steps are not 4 bytes each\"\n\t"
		".endif"
		: [c] "+&r"(c), [at] "=&r"(at)
		: [t] "r"(t), [e] "Q"(end), [back] "r"(n * 4),
		  "m"(*(const uint8_t(*)[8 * FP_CHAIN_MAX])(end - 8 * FP_CHAIN_MAX))
		: "cc");
	return c;
#else
	c += t;
	c += c < t;
	for (const uint8_t *p = end - 8 * n; p < end; p += 8) {
		uint64_t v = mw_load_ne64(p);

		c += v;
		c += c < v;
	}
	return c;
#endif
}

/* c plus the len (>= 8) bytes at p, with end-around carry; c < 2^63. */
static inline __attribute__((always_inline)) uint64_t
fp_sum(uint64_t c, const uint8_t *p, size_t len)
{
	size_t n = len / 8;
	uint64_t t = len & 7 ? fp_tail(p + len, len & 7) : 0;

	while (n > FP_CHAIN_MAX) {
		c = fp_chain(c, t, p + 8 * FP_CHAIN_MAX, FP_CHAIN_MAX);
		t = 0;
		p += 8 * FP_CHAIN_MAX;
		n -= FP_CHAIN_MAX;
	}
	return fp_chain(c, t, p + 8 * n, n);
}

/* Zeroing a table entry with plain 16-byte stores (a memset of this size
 * becomes `rep stos`, slow to start). n >= 16. */
typedef uint8_t fp_v16 __attribute__((vector_size(16), aligned(1), may_alias));

#define FP_ZERO(ptr) \
	do { \
		uint8_t *z_ = (uint8_t *)(ptr); \
		const fp_v16 zv_ = { 0 }; \
		size_t i_ = 0; \
		_Static_assert(sizeof(*(ptr)) >= 16, "FP_ZERO of a small object"); \
		_Pragma("GCC unroll 8") \
		for (; i_ + 16 <= sizeof(*(ptr)); i_ += 16) \
			*(fp_v16 *)(z_ + i_) = zv_; \
		if (i_ < sizeof(*(ptr))) \
			*(fp_v16 *)(z_ + sizeof(*(ptr)) - 16) = zv_; \
	} while (0)

static inline bool is_vlan_tpid(uint16_t t)
{
	return t == MW_ETHERTYPE_VLAN || t == MW_ETHERTYPE_QINQ ||
	       t == 0x9100 || t == 0x9200;
}

#define FP_MAX_VLAN 2
#define FP_MAX_EXT 4

/* The ICMP message at [off, end) of an IPv4 datagram whose layers end at
 * nl - 1: an agent advertisement (ICMP router advertisement, RFC 5944
 * 2.1), as mwi_net_icmp4() -> mwi_decode_mip4_icmp() fill it. end - off
 * >= 8, all of it captured. */
static __attribute__((noinline)) mw_status
fp_icmp4(struct mw_packet *pkt, const struct mw_decode_opts *o, size_t off,
	 size_t end, unsigned nl, uint32_t kinds)
{
	const uint8_t *b = pkt->data, *h = b + off;
	struct mw_mip4_adv *a;
	struct mw_layer *L;
	struct mw_msg *m;
	size_t p, addrs;
	unsigned n = 0;

	/* type 9; an address list of entries of 2+ words (else a note),
	 * inside the message */
	if (h[0] != 9 || (h[4] && h[5] < 2))
		return fp_miss(pkt, o);
	addrs = (size_t)h[4] * h[5] * 4;
	if (addrs > end - off - 8)
		return fp_miss(pkt, o);
	L = &pkt->layers[nl];
	FP_ZERO(L);
	L->kind = MW_L_ICMP4;
	L->off = (uint32_t)off;
	L->len = 4;
	L->u.icmp.type = h[0];
	L->u.icmp.code = h[1];
	L->u.icmp.csum = be16(h + 2);
	L->u.icmp.csum_ok = -1;
	if (!o->no_checksums)
		L->u.icmp.csum_ok = fp_ok(fp_sum(0, h, end - off));
	m = &pkt->msgs[0];
	FP_ZERO(m);
	m->kind = MW_MSG_MIP4_ADV;
	m->layer = (uint8_t)nl;
	m->reg = MW_REG_ICMP4_MIP;
	m->code = 9;
	m->off = (uint32_t)off;
	m->len = (uint32_t)(end - off);
	a = &m->u.adv;
	a->icmp_type = 9;
	a->icmp_code = h[1];
	a->num_addrs = h[4];
	a->addr_entry_size = h[5];
	a->lifetime = be16(h + 6);
	a->addrs_off = (uint32_t)(off + 8);
	nl++;

	/* extensions: Pad and known TLV8 ones inside the message and their
	 * registry bounds; the first well-formed 16 / 19 / 24 copied as
	 * fill_adv() of mip4_adv.c does */
	for (p = off + 8 + addrs; p < end;) {
		const struct fp_row *r = &fp.adv_ext[b[p]];
		size_t total, hl;

		if (!r->ok || n >= MW_MAX_ELEMS)
			return fp_miss(pkt, o);
		if (r->hdr == MW_HDR_PAD1) {
			total = 1;
			hl = 1;
		} else {
			if (end - p < 2)
				return fp_miss(pkt, o);
			total = 2u + b[p + 1];
			hl = 2;
		}
		if (total > end - p || total - r->min > r->span)
			return fp_miss(pkt, o);
		if (b[p] == MW_MIP4A_MAA && !a->has_maa) {
			/* a care-of address list of whole words, else a note */
			if ((total - 8) & 3)
				return fp_miss(pkt, o);
			a->has_maa = true;
			a->seq = be16(b + p + 2);
			a->reg_lifetime = be16(b + p + 4);
			a->maa_flags = be16(b + p + 6);
			a->n_coa = (uint8_t)((total - 8) / 4);
			a->coa_off = (uint32_t)(p + 8);
		} else if (b[p] == MW_MIP4A_PREFIX_LEN && !a->has_prefix_len) {
			a->has_prefix_len = true;
			a->n_prefix_len = (uint8_t)(total - 2);
			a->prefix_len_off = (uint32_t)(p + 2);
		} else if (b[p] == MW_MIP4A_CHALLENGE && !a->has_challenge) {
			a->has_challenge = true;
			a->challenge_len = (uint8_t)(total - 2);
			a->challenge_off = (uint32_t)(p + 2);
		}
		pkt->elems[n++] = mwi_elem(MW_REG_MIP4_ADV_EXT, b[p], 0, p, total, hl);
		p += total;
	}
	return fp_done(pkt, m, nl, kinds | 1u << MW_L_ICMP4, n);
}

/* Either port one the options give to MIPv4: the first of them (434 by
 * default) on either side tried first, as a request goes to it and a
 * reply comes from it. */
static inline bool fp_mip4_ports(const struct mw_decode_opts *o,
				 uint16_t sport, uint16_t dport)
{
	uint16_t p0 = o->mip4_ports[0];

	if (p0 && (dport == p0 || sport == p0))
		return true;
	return mwi_is_mip4_port(o, dport) || mwi_is_mip4_port(o, sport);
}

/* IPv4 at `pos`: UDP -> MIPv4 registration request / reply, or ICMP ->
 * agent advertisement (fp_icmp4). Not inlined:
 * mwi_fastpath() stays a short dispatcher that tail-calls it. */
static __attribute__((noinline)) mw_status
fp_ip4(struct mw_packet *pkt, const struct mw_decode_opts *o, size_t pos,
       unsigned nl, uint32_t kinds)
{
	const uint8_t *b = pkt->data, *h = b + pos;
	size_t cap = pkt->caplen, ipend, uoff, start, mend, p, need;
	struct mw_layer *L;
	struct mw_ip4 *ip;
	struct mw_udp u = { 0 };
	uint64_t addrs;
	uint16_t total_len, frag;
	struct mw_msg *m;
	unsigned n = 0, udp_l;
	uint32_t x = 0;
	uint8_t t;
	uint16_t fixed, facts;

	/* base header captured, version 4, IHL 5, all of it captured (so
	 * within the wire length too), not a fragment, UDP or ICMP (8 bytes
	 * at least either way) */
	if (cap - pos < 20 || h[0] != 0x45)
		return fp_miss(pkt, o);
	total_len = be16(h + 2);
	frag = be16(h + 6);
	if (total_len < 28 || total_len > cap - pos || (frag & 0x3fff) ||
	    (h[9] != MW_IPPROTO_UDP && h[9] != MW_IPPROTO_ICMP))
		return fp_miss(pkt, o);
	/* the fields straight into the layer (no copy of a local) */
	L = &pkt->layers[nl];
	L->kind = MW_L_IP4;
	L->depth = 0;
	L->synthetic = false;
	L->off = (uint32_t)pos;
	L->len = 20;
	ip = &L->u.ip4;
	ip->ihl = 20;
	ip->tos = h[1];
	ip->total_len = total_len;
	ip->id = be16(h + 4);
	ip->frag = frag;
	ip->ttl = h[8];
	ip->proto = h[9];
	ip->csum = be16(h + 10);
	/* five 32-bit words: an exact sum; the addresses' also go into the
	 * UDP pseudo-header */
	addrs = (uint64_t)mw_load_ne32(h + 12) + mw_load_ne32(h + 16);
	ip->csum_ok = fp_ok((uint64_t)mw_load_ne32(h) + mw_load_ne32(h + 4) + mw_load_ne32(h + 8) + addrs);
	ip->is_fragment = false;
	ip->src = mw_load_be32(h + 12);
	ip->dst = mw_load_be32(h + 16);
	ip->opt_off = (uint32_t)(pos + 20);
	ip->opt_len = 0;
	nl++;
	if (ip->proto == MW_IPPROTO_ICMP)
		return fp_icmp4(pkt, o, pos + 20, pos + total_len, nl,
				kinds | 1u << MW_L_IP4);

	/* UDP: 8 bytes inside the IP payload (total_len >= 28), its length
	 * inside the IP payload (so captured) */
	ipend = pos + total_len;
	uoff = pos + 20;
	h = b + uoff;
	u.sport = be16(h);
	u.dport = be16(h + 2);
	u.len = be16(h + 4);
	u.csum = be16(h + 6);
	if (u.len < 8 || u.len > ipend - uoff)
		return fp_miss(pkt, o);
	if (!fp_mip4_ports(o, u.sport, u.dport))
		return fp_miss(pkt, o);
	u.csum_ok = -1;
	if (u.csum != 0 && !o->no_checksums) {
		/* as mwi_l4_verify_dec() for an IPv4 carrier */
		u.csum_ok = fp_ok(fp_sum(addrs + FP_BE(MW_IPPROTO_UDP + u.len), h,
					 u.len));
	}
	L = &pkt->layers[nl];
	L->kind = MW_L_UDP;
	L->depth = 0;
	L->synthetic = false;
	L->off = (uint32_t)uoff;
	L->len = 8;
	L->u.udp = u;
	udp_l = nl++;

	/* the message: type, fixed part inside the datagram */
	start = uoff + 8;
	mend = uoff + u.len;
	if (start >= mend)
		return fp_miss(pkt, o);
	t = b[start];
	if (t == MW_MIP4_RRQ) {
		need = 24;
		fixed = fp.rrq_min;
	} else if (t == MW_MIP4_RRP) {
		need = 20;
		fixed = fp.rrp_min;
	} else {
		return fp_miss(pkt, o);
	}
	if (mend - start < need || mend - start < fixed)
		return fp_miss(pkt, o);
	L = &pkt->layers[nl];
	FP_ZERO(L);
	L->kind = MW_L_MIP4;
	L->off = (uint32_t)start;
	L->len = (uint32_t)(mend - start);
	nl++;
	m = &pkt->msgs[0];
	FP_ZERO(m);
	m->kind = MW_MSG_MIP4;
	m->layer = (uint8_t)udp_l;
	m->reg = MW_REG_MIP4_MSG;
	m->code = t;
	m->off = (uint32_t)start;
	m->len = (uint32_t)(mend - start);
	m->u.mip4.type = t;
	m->u.mip4.known = true;
	m->u.mip4.fixed_len = fixed;
	h = b + start + 1;
	if (t == MW_MIP4_RRQ) {
		struct mw_mip4_rrq *r = &m->u.mip4.u.rrq;

		r->flags = h[0];
		r->lifetime = be16(h + 1);
		r->hoa = mw_load_be32(h + 3);
		r->ha = mw_load_be32(h + 7);
		r->coa = mw_load_be32(h + 11);
		r->ident = mw_load_be64(h + 15);
		facts = mwi_rrq_facts(u.csum_ok == 1, r->flags, r->lifetime,
				      r->hoa, r->coa, ip->src, ip->dst, ip->ttl);
	} else {
		struct mw_mip4_rrp *r = &m->u.mip4.u.rrp;

		r->code = h[0];
		r->lifetime = be16(h + 1);
		r->hoa = mw_load_be32(h + 3);
		r->ha = mw_load_be32(h + 7);
		r->ident = mw_load_be64(h + 11);
		facts = mwi_rrp_facts(u.csum_ok == 1, r->code, r->ha, ip->src);
	}
	/* the rules key on them with a checksum present and not wrong */
	if (u.csum == 0 || u.csum_ok == 0)
		facts = 0;

	/* extensions: TLV8 / CVSE, known, inside the message and their
	 * registry bounds; their digits of mw_msg.shape in x */
	for (p = start + need; p < mend; n++) {
		const struct fp_row *r = &fp.mip4_ext[b[p]];
		size_t left = mend - p, total;

		/* hl 0 (not taken) fails the first test too */
		if ((size_t)r->hl - 1 >= left || n >= MW_MAX_ELEMS)
			return fp_miss(pkt, o);
		total = r->hl == 2 ? 2u + b[p + 1] : 4u + be16(b + p + 2);
		if (total > left || total - r->min > r->span)
			return fp_miss(pkt, o);
		pkt->elems[n] = mwi_elem(MW_REG_MIP4_EXT, b[p], 0, p, total, r->hl);
		x = mwi_shape_next(x, r->dig);
		p += total;
	}
	if (n <= 3) {
		m->shape = mwi_shape(n, x);
		m->reg_facts = facts;
	}
	return fp_done(pkt, m, nl, kinds | 1u << MW_L_IP4 | 1u << MW_L_UDP |
			1u << MW_L_MIP4, n);
}

/* IPv6 at `pos`: extension headers (Destination Options, type 2 routing
 * header) -> Mobility Header. */
static __attribute__((noinline)) mw_status
fp_ip6(struct mw_packet *pkt, const struct mw_decode_opts *o, size_t pos,
       unsigned nl, uint32_t kinds)
{
	const uint8_t *b = pkt->data, *h = b + pos;
	size_t cap = pkt->caplen, end, start, q, lim;
	const struct mw_in6 *ps_src, *ps_dst;
	const struct fp_row *tr;
	struct mw_layer *L;
	struct mw_ip6 ip = { 0 };
	struct mw_msg *m;
	struct mw_mh *mh;
	unsigned n = 0, ip_l, nx;
	uint32_t msg_len;
	uint8_t nh;

	/* fixed header and the whole payload captured (so within the wire
	 * length too) */
	if (cap - pos < 40 || (h[0] >> 4) != 6)
		return fp_miss(pkt, o);
	ip.payload_len = be16(h + 4);
	if (ip.payload_len > cap - pos - 40)
		return fp_miss(pkt, o);
	ip.vtcfl = mw_load_be32(h);
	ip.next = nh = h[6];
	ip.hlim = h[7];
	memcpy(ip.src.b, h + 8, 16);
	memcpy(ip.dst.b, h + 24, 16);
	L = &pkt->layers[nl];
	L->kind = MW_L_IP6;
	L->depth = 0;
	L->synthetic = false;
	L->off = (uint32_t)pos;
	L->len = 40;
	L->u.ip6 = ip;
	ps_src = &L->u.ip6.src;
	ps_dst = &L->u.ip6.dst;
	ip_l = nl++;
	pos += 40;
	end = pos + ip.payload_len;

	for (nx = 0; nh == MW_IPPROTO_DSTOPTS || nh == MW_IPPROTO_ROUTING; nx++) {
		struct mw_ip6_ext *x;
		size_t total;

		if (nx >= FP_MAX_EXT || end - pos < 2)
			return fp_miss(pkt, o);
		total = (b[pos + 1] + 1u) * 8u;
		if (total > end - pos)
			return fp_miss(pkt, o);
		L = &pkt->layers[nl++];
		FP_ZERO(L);
		L->off = (uint32_t)pos;
		L->len = (uint32_t)total;
		x = &L->u.ext;
		x->next = b[pos];
		x->hdr_len = b[pos + 1];
		if (nh == MW_IPPROTO_DSTOPTS) {
			L->kind = MW_L_IP6_DST;
			x->opt_off = (uint32_t)(pos + 2);
			x->opt_len = (uint32_t)(total - 2);
			lim = pos + total;
			for (q = pos + 2; q < lim;) {
				uint8_t t = b[q], len;

				if (n >= MW_MAX_ELEMS)
					return fp_miss(pkt, o);
				if (t == 0) {
					pkt->elems[n++] = mwi_elem(MW_REG_DST_OPT, 0, 0xff, q, 1, 1);
					q++;
					continue;
				}
				if (lim - q < 2)
					return fp_miss(pkt, o);
				len = b[q + 1];
				if (2u + len > lim - q || !fp.dst_opt[t].ok)
					return fp_miss(pkt, o);
				if (t == 201) {
					if (len != 16 || ((q - pos) & 7) != 6 ||
					    x->hao.present)
						return fp_miss(pkt, o);
					x->hao.present = true;
					x->hao.off = (uint32_t)q;
					memcpy(x->hao.hoa.b, b + q + 2, 16);
				}
				pkt->elems[n++] = mwi_elem(MW_REG_DST_OPT, t, 0xff, q, 2u + len, 2);
				q += 2u + len;
			}
			if (x->hao.present)
				ps_src = &x->hao.hoa;
		} else {
			/* type 2, Hdr Ext Len 2, Segments Left 1 only */
			if (x->hdr_len != 2 || b[pos + 2] != 2 || b[pos + 3] != 1)
				return fp_miss(pkt, o);
			L->kind = MW_L_IP6_RH;
			x->rh_type = 2;
			x->segleft = 1;
			x->opt_off = (uint32_t)(pos + 4);
			x->opt_len = (uint32_t)(total - 4);
			memcpy(x->rh2_addr.b, b + pos + 8, 16);
			x->rh2_valid = true;
			ps_dst = &x->rh2_addr;
		}
		kinds |= 1u << L->kind;
		nh = x->next;
		pos += total;
	}
	if (nh != MW_IPPROTO_MH)
		return fp_miss(pkt, o);

	/* Mobility Header: common header, payload proto 59, reserved 0, a
	 * known type with a plain fixed part, all of it in the payload */
	start = pos;
	if (end - start < 6)
		return fp_miss(pkt, o);
	h = b + start;
	msg_len = (h[1] + 1u) * 8u;
	tr = &fp.mh_type[h[2]];
	if (h[0] != MW_IPPROTO_NONE || h[3] != 0 || !tr->ok ||
	    msg_len > end - start || msg_len < tr->need)
		return fp_miss(pkt, o);
	L = &pkt->layers[nl++];
	FP_ZERO(L);
	L->kind = MW_L_MH;
	L->off = (uint32_t)start;
	L->len = msg_len;
	m = &pkt->msgs[0];
	FP_ZERO(m);
	m->kind = MW_MSG_MH;
	m->layer = (uint8_t)ip_l;
	m->reg = MW_REG_MH_TYPE;
	m->code = h[2];
	m->off = (uint32_t)start;
	m->len = msg_len;
	m->elem_first = (uint16_t)n;
	mh = &m->u.mh;
	/* payload proto, header length, type, reserved: as on the wire */
	_Static_assert(__builtin_offsetof(struct mw_mh, hdr_len) == 1 &&
		       __builtin_offsetof(struct mw_mh, type) == 2 &&
		       __builtin_offsetof(struct mw_mh, reserved) == 3,
		       "struct mw_mh layout");
	memcpy(mh, h, 4);
	mh->csum = be16(h + 4);
	mh->msg_len = msg_len;
	mh->known = true;
	mh->min_len = tr->min;
	mwi_mh_fill_typed(mh, h);
	mh->fixed_len = tr->min;
	mh->opt_off = (uint32_t)(start + tr->min);
	mh->opt_len = msg_len - tr->min;
	mh->csum_ok = -1;
	if (!o->no_checksums) {
		/* as mw_mh_checksum(): with the checksum field counting as
		 * zero, ~sum == csum, that is: the sum with the field is 0
		 * mod 0xffff, unless the field is 0xffff (~ of a folded sum
		 * never is) */
		uint64_t v = fp_sum(FP_BE(msg_len + MW_IPPROTO_MH), ps_src->b, 16);

		v = fp_sum(fp_sum(v, ps_dst->b, 16), h, msg_len);
		mh->csum_ok = fp_ok(v) && mh->csum != 0xffff;
	}

	/* options: Pad1 and known ones without sub-options, inside the
	 * message, their registry bounds and alignment */
	lim = start + msg_len;
	for (q = start + tr->min; q < lim;) {
		uint8_t t = b[q];
		const struct fp_row *r;
		size_t total;

		if (n >= MW_MAX_ELEMS)
			return fp_miss(pkt, o);
		if (t == MW_MHO_PAD1) {
			pkt->elems[n++] = mwi_elem(MW_REG_MH_OPT, 0, 0, q, 1, 1);
			q++;
			continue;
		}
		if (lim - q < 2)
			return fp_miss(pkt, o);
		total = 2u + b[q + 1];
		r = &fp.mh_opt[t];
		if (!r->ok || total > lim - q || total - r->min > r->span ||
		    ((q - start) & r->amask) != r->ak)
			return fp_miss(pkt, o);
		pkt->elems[n++] = mwi_elem(MW_REG_MH_OPT, t, 0, q, total, 2);
		q += total;
	}
	return fp_done(pkt, m, nl, kinds | 1u << MW_L_IP6 | 1u << MW_L_MH, n);
}

/* VLAN tags after the Ethernet header (layer 0, ethertype `type`). */
static __attribute__((noinline)) mw_status
fp_vlan(struct mw_packet *pkt, const struct mw_decode_opts *o, uint16_t type)
{
	const uint8_t *b = pkt->data;
	size_t cap = pkt->caplen, pos = 14;
	unsigned nl = 1, tags = 0;
	uint32_t kinds;

	while (type != MW_ETHERTYPE_IP4 && type != MW_ETHERTYPE_IP6 &&
	       is_vlan_tpid(type)) {
		struct mw_layer *L;

		if (++tags > FP_MAX_VLAN || cap - pos < 4)
			return fp_miss(pkt, o);
		L = &pkt->layers[nl++];
		FP_ZERO(L);
		L->kind = MW_L_VLAN;
		L->off = (uint32_t)pos;
		L->len = 4;
		L->u.vlan.tci = be16(b + pos);
		L->u.vlan.ethertype = type = be16(b + pos + 2);
		pos += 4;
	}
	kinds = 1u << MW_L_ETH | (tags ? 1u << MW_L_VLAN : 0);
	if (type == MW_ETHERTYPE_IP4)
		return fp_ip4(pkt, o, pos, nl, kinds);
	if (type == MW_ETHERTYPE_IP6)
		return fp_ip6(pkt, o, pos, nl, kinds);
	return fp_miss(pkt, o);
}

mw_status mwi_fastpath(struct mw_packet *pkt, int linktype,
		       const struct mw_decode_opts *o)
{
	const uint8_t *b = pkt->data;
	size_t cap = pkt->caplen;
	uint16_t type;

	switch (linktype) {
	case MW_LINK_ETHERNET: {
		struct mw_layer *L = &pkt->layers[0];

		if (cap < 14)
			return fp_miss(pkt, o);
		L->kind = MW_L_ETH;
		L->depth = 0;
		L->synthetic = false;
		L->off = 0;
		L->len = 14;
		/* both addresses in one copy */
		_Static_assert(__builtin_offsetof(struct mw_eth, src) == 6,
			       "struct mw_eth layout");
		memcpy(&L->u.eth, b, 12);
		L->u.eth.ethertype = type = be16(b + 12);
		if (type == MW_ETHERTYPE_IP4)
			return fp_ip4(pkt, o, 14, 1, 1u << MW_L_ETH);
		if (type == MW_ETHERTYPE_IP6)
			return fp_ip6(pkt, o, 14, 1, 1u << MW_L_ETH);
		return fp_vlan(pkt, o, type);
	}
	case MW_LINK_RAW:
		if (cap < 1)
			return fp_miss(pkt, o);
		if ((b[0] >> 4) == 4)
			return fp_ip4(pkt, o, 0, 0, 0);
		if ((b[0] >> 4) == 6)
			return fp_ip6(pkt, o, 0, 0, 0);
		return fp_miss(pkt, o);
	case MW_LINK_IPV4:
		return fp_ip4(pkt, o, 0, 0, 0);
	case MW_LINK_IPV6:
		return fp_ip6(pkt, o, 0, 0, 0);
	default:
		return fp_miss(pkt, o);
	}
}
