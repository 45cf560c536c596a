/* The decode fast path (src/fastpath.c) against the general path: frames
 * of every shape the fast path takes, and of shapes next to them it must
 * leave alone, each also with every byte changed and cut at every length,
 * decoded with the fast path on and off (mw_decode_opts.no_fastpath). The
 * two struct mw_packet results must agree field by field; the packets are
 * filled with different garbage first, so a field one path leaves unset
 * shows. The plain frames must actually take the fast path. */
#include <stdio.h>
#include <string.h>

#include <CUnit/Basic.h>

#include "internal.h"
#include "mipwire/mipwire.h"

#define FRAME_CAP 512

struct frame {
	uint8_t b[FRAME_CAP];
	size_t len;
	int linktype;
	int expect;       /* 1: the fast path must take it, 0: must not, -1: either */
	bool custom_port; /* MIPv4 on UDP 4343 (opts.mip4_ports) */
	char name[64];
};

#define MAX_FRAMES 1200
static struct frame frames[MAX_FRAMES];
static size_t n_frames;

static struct mw_packet pa, pb;
static unsigned long n_compared, n_fast_taken, n_shapes, n_facts;

/* ---- field-by-field comparison ---- */

static bool str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

#define CMPF(fld) \
	do { \
		if ((a)->fld != (b)->fld) { \
			snprintf(why, sizeof(why), "%s: %s differs (%llu vs %llu)", \
				 ctx, #fld, (unsigned long long)(a)->fld, \
				 (unsigned long long)(b)->fld); \
			return false; \
		} \
	} while (0)
#define CMPM(fld) \
	do { \
		if (memcmp(&(a)->fld, &(b)->fld, sizeof((a)->fld)) != 0) { \
			snprintf(why, sizeof(why), "%s: %s differs", ctx, #fld); \
			return false; \
		} \
	} while (0)

static char why[256];

static bool cmp_ext(const struct mw_ip6_ext *a, const struct mw_ip6_ext *b,
		    const char *ctx)
{
	CMPF(next); CMPF(hdr_len); CMPF(opt_off); CMPF(opt_len);
	CMPF(rh_type); CMPF(segleft); CMPM(rh2_addr); CMPF(rh2_valid);
	CMPF(hao.present); CMPF(hao.off); CMPM(hao.hoa);
	CMPF(frag_off); CMPF(frag_more); CMPF(frag_id); CMPF(spi); CMPF(seq);
	return true;
}

static bool cmp_layer(const struct mw_layer *a, const struct mw_layer *b,
		      const char *ctx)
{
	CMPF(kind); CMPF(depth); CMPF(synthetic); CMPF(off); CMPF(len);
	switch (a->kind) {
	case MW_L_ETH:
		CMPM(u.eth.dst); CMPM(u.eth.src); CMPF(u.eth.ethertype);
		break;
	case MW_L_VLAN:
		CMPF(u.vlan.tci); CMPF(u.vlan.ethertype);
		break;
	case MW_L_SLL:
	case MW_L_SLL2:
	case MW_L_NULL:
		CMPF(u.sll.pkttype); CMPF(u.sll.hatype); CMPF(u.sll.halen);
		CMPM(u.sll.addr); CMPF(u.sll.protocol);
		if (a->kind == MW_L_SLL2)
			CMPF(u.sll.ifindex);
		break;
	case MW_L_IP4:
		CMPF(u.ip4.ihl); CMPF(u.ip4.tos); CMPF(u.ip4.total_len);
		CMPF(u.ip4.id); CMPF(u.ip4.frag); CMPF(u.ip4.ttl);
		CMPF(u.ip4.proto); CMPF(u.ip4.csum); CMPF(u.ip4.csum_ok);
		CMPF(u.ip4.is_fragment); CMPF(u.ip4.src); CMPF(u.ip4.dst);
		CMPF(u.ip4.opt_off); CMPF(u.ip4.opt_len);
		break;
	case MW_L_IP6:
		CMPF(u.ip6.vtcfl); CMPF(u.ip6.payload_len); CMPF(u.ip6.next);
		CMPF(u.ip6.hlim); CMPM(u.ip6.src); CMPM(u.ip6.dst);
		break;
	case MW_L_IP6_HBH:
	case MW_L_IP6_DST:
	case MW_L_IP6_RH:
	case MW_L_IP6_FRAG:
	case MW_L_AH:
	case MW_L_ESP:
		return cmp_ext(&a->u.ext, &b->u.ext, ctx);
	case MW_L_UDP:
		CMPF(u.udp.sport); CMPF(u.udp.dport); CMPF(u.udp.len);
		CMPF(u.udp.csum); CMPF(u.udp.csum_ok);
		break;
	case MW_L_ICMP4:
	case MW_L_ICMP6:
		CMPF(u.icmp.type); CMPF(u.icmp.code); CMPF(u.icmp.csum);
		CMPF(u.icmp.csum_ok);
		break;
	case MW_L_GRE:
		CMPF(u.gre.flags_ver); CMPF(u.gre.proto); CMPF(u.gre.has_csum);
		CMPF(u.gre.has_key); CMPF(u.gre.has_seq); CMPF(u.gre.csum);
		CMPF(u.gre.csum_ok); CMPF(u.gre.key); CMPF(u.gre.seq);
		break;
	case MW_L_MINENC:
		CMPF(u.minenc.proto); CMPF(u.minenc.src_present);
		CMPF(u.minenc.csum); CMPF(u.minenc.csum_ok);
		CMPF(u.minenc.dst); CMPF(u.minenc.src);
		break;
	case MW_L_TCP:
		CMPF(u.tcp.sport); CMPF(u.tcp.dport);
		break;
	default:
		break;
	}
	return true;
}

static bool cmp_mip4(const struct mw_mip4 *a, const struct mw_mip4 *b,
		     const char *ctx)
{
	CMPF(type); CMPF(known); CMPF(fixed_len);
	switch (a->type) {
	case MW_MIP4_RRQ:
	case MW_MIP4_REG_RRQ:
	case MW_MIP4_FBU:
		CMPF(u.rrq.flags); CMPF(u.rrq.lifetime); CMPF(u.rrq.hoa);
		CMPF(u.rrq.ha); CMPF(u.rrq.coa); CMPF(u.rrq.ident);
		break;
	case MW_MIP4_RRP:
	case MW_MIP4_REG_RRP:
	case MW_MIP4_FBACK:
		CMPF(u.rrp.code); CMPF(u.rrp.lifetime); CMPF(u.rrp.hoa);
		CMPF(u.rrp.ha); CMPF(u.rrp.ident);
		break;
	case MW_MIP4_TUNNEL_DATA:
		CMPF(u.tun.next_header); CMPF(u.tun.reserved);
		break;
	case MW_MIP4_REVOCATION:
	case MW_MIP4_REVOCATION_ACK:
		CMPF(u.rev.flags); CMPF(u.rev.hoa); CMPF(u.rev.fdaddr);
		CMPF(u.rev.hdaddr); CMPF(u.rev.rev_id);
		break;
	default:
		break;
	}
	return true;
}

static bool cmp_mh(const struct mw_mh *a, const struct mw_mh *b,
		   const char *ctx)
{
	CMPF(payload_proto); CMPF(hdr_len); CMPF(type); CMPF(reserved);
	CMPF(csum); CMPF(known); CMPF(msg_len); CMPF(fixed_len);
	CMPF(csum_ok); CMPF(proxy); CMPF(min_len); CMPF(opt_off);
	CMPF(opt_len);
	switch (a->type) {
	case MW_MH_HOTI:
	case MW_MH_COTI:
		CMPM(u.init.cookie);
		break;
	case MW_MH_HOT:
	case MW_MH_COT:
		CMPF(u.test.nonce_index); CMPM(u.test.cookie);
		CMPM(u.test.keygen);
		break;
	case MW_MH_BU:
	case MW_MH_FBU:
		CMPF(u.bu.seq); CMPF(u.bu.flags); CMPF(u.bu.lifetime);
		break;
	case MW_MH_BA:
	case MW_MH_FBACK:
		CMPF(u.ba.status); CMPF(u.ba.flags); CMPF(u.ba.seq);
		CMPF(u.ba.lifetime);
		break;
	case MW_MH_BE:
		CMPF(u.be.status); CMPM(u.be.hoa);
		break;
	default:
		break;
	}
	return true;
}

static bool cmp_msg(const struct mw_msg *a, const struct mw_msg *b,
		    const char *ctx)
{
	CMPF(kind); CMPF(layer); CMPF(reg); CMPF(code); CMPF(status);
	CMPF(off); CMPF(len); CMPF(elem_first); CMPF(elem_count);
	switch (a->kind) {
	case MW_MSG_MIP4:
		return cmp_mip4(&a->u.mip4, &b->u.mip4, ctx);
	case MW_MSG_MH:
		return cmp_mh(&a->u.mh, &b->u.mh, ctx);
	case MW_MSG_MIP4_ADV:
	case MW_MSG_MIP4_SOL:
		CMPF(u.adv.icmp_type); CMPF(u.adv.icmp_code);
		CMPF(u.adv.num_addrs); CMPF(u.adv.addr_entry_size);
		CMPF(u.adv.lifetime); CMPF(u.adv.addrs_off);
		CMPF(u.adv.has_maa); CMPF(u.adv.seq); CMPF(u.adv.reg_lifetime);
		CMPF(u.adv.maa_flags); CMPF(u.adv.n_coa); CMPF(u.adv.coa_off);
		CMPF(u.adv.has_prefix_len); CMPF(u.adv.n_prefix_len);
		CMPF(u.adv.prefix_len_off); CMPF(u.adv.has_challenge);
		CMPF(u.adv.challenge_len); CMPF(u.adv.challenge_off);
		break;
	case MW_MSG_ICMP6:
		CMPF(u.icmp6.type); CMPF(u.icmp6.code); CMPF(u.icmp6.ident);
		CMPF(u.icmp6.subtype); CMPF(u.icmp6.n_addrs);
		CMPF(u.icmp6.flags); CMPF(u.icmp6.body_off);
		CMPF(u.icmp6.ra_home_agent); CMPF(u.icmp6.ra_lifetime);
		CMPF(u.icmp6.ra_flags);
		break;
	default:
		break;
	}
	return true;
}

static bool cmp_elem(const struct mw_elem *a, const struct mw_elem *b,
		     const char *ctx)
{
	CMPF(reg); CMPF(type); CMPF(subtype); CMPF(status); CMPF(depth);
	CMPF(msg); CMPF(off); CMPF(len); CMPF(body_off); CMPF(body_len);
	return true;
}

static bool cmp_note(const struct mw_note *a, const struct mw_note *b,
		     const char *ctx)
{
	CMPF(status); CMPF(offset); CMPF(value);
	if (!str_eq(a->field, b->field) || !str_eq(a->why, b->why)) {
		snprintf(why, sizeof(why), "%s: note text differs", ctx);
		return false;
	}
	return true;
}

/* mw_msg.shape as decode.h defines it, worked out from the elements (0:
 * the message has none). */
static uint32_t shape_of(const struct mw_packet *p, const struct mw_msg *m)
{
	uint32_t x = 0;

	if (m->kind != MW_MSG_MIP4 || m->elem_count > 3 ||
	    (m->code != MW_MIP4_RRQ && m->code != MW_MIP4_RRP))
		return 0;
	for (unsigned j = 0; j < m->elem_count; j++) {
		const struct mw_elem *e = &p->elems[m->elem_first + j];
		bool auth = e->type >= MW_MIP4X_MN_HA_AUTH &&
			    e->type <= MW_MIP4X_FA_HA_AUTH;

		if (e->reg != MW_REG_MIP4_EXT || e->depth || e->status != MW_OK)
			return 0;
		x = x * 512 + e->type + (auth && e->len >= 7 ? 256 : 0);
	}
	return 1 | (uint32_t)m->elem_count << 1 | x << 3;
}

/* The shapes and registration facts of a's messages (the fast path's:
 * given or 0) and of b's (the general path's: 0). Given facts are those
 * the rules work out from the general path's packet; the fast path gives
 * them with every shape it gives whose UDP checksum is present and not
 * wrong. */
/* (Both sides of the reg_facts compare use the same mwi_rrq_facts() /
 * mwi_rrp_facts(): this checks that the fast path hands them the same
 * fields, not that the facts are all the rules read; that is the rules
 * test's bulk-versus-one-by-one comparison, with and without them.) */
static bool cmp_shapes(const struct mw_packet *a, const struct mw_packet *b)
{
	for (unsigned i = 0; i < a->n_msgs; i++) {
		uint32_t want = shape_of(a, &a->msgs[i]);
		uint16_t facts = mwi_reg_facts_of(b, &b->msgs[i]);

		if (b->msgs[i].shape != 0 ||
		    (a->msgs[i].shape && a->msgs[i].shape != want)) {
			snprintf(why, sizeof(why), "msg %u: shape 0x%x / 0x%x, elements say 0x%x",
				 i, a->msgs[i].shape, b->msgs[i].shape, want);
			return false;
		}
		if (b->msgs[i].reg_facts != 0 ||
		    (a->msgs[i].reg_facts && a->msgs[i].reg_facts != facts) ||
		    (!a->msgs[i].reg_facts && a->msgs[i].shape && facts &&
		     b->n_msgs == 1)) {
			snprintf(why, sizeof(why), "msg %u: reg_facts 0x%x / 0x%x, the fields say 0x%x",
				 i, a->msgs[i].reg_facts, b->msgs[i].reg_facts, facts);
			return false;
		}
		n_shapes += a->msgs[i].shape != 0;
		n_facts += a->msgs[i].reg_facts != 0;
	}
	return true;
}

static bool cmp_packet(const struct mw_packet *a, const struct mw_packet *b)
{
	const char *ctx = "packet";
	char c[32];

	CMPF(data); CMPF(caplen); CMPF(wirelen); CMPF(linktype);
	CMPF(n_layers); CMPF(n_msgs); CMPF(n_notes); CMPF(n_elems);
	CMPF(diag.status); CMPF(diag.offset);
	CMPF(kinds);
	/* the summary is exactly the layers' kinds */
	uint32_t k = 0;
	for (unsigned i = 0; i < a->n_layers; i++)
		k |= 1u << a->layers[i].kind;
	if (k != a->kinds) {
		snprintf(why, sizeof(why), "kinds 0x%x, layers say 0x%x", a->kinds, k);
		return false;
	}
	if (!str_eq(a->diag.field, b->diag.field) ||
	    strcmp(a->diag.why, b->diag.why) != 0) {
		snprintf(why, sizeof(why), "diag text differs");
		return false;
	}
	for (unsigned i = 0; i < a->n_layers; i++) {
		snprintf(c, sizeof(c), "layer %u", i);
		if (!cmp_layer(&a->layers[i], &b->layers[i], c))
			return false;
	}
	for (unsigned i = 0; i < a->n_msgs; i++) {
		snprintf(c, sizeof(c), "msg %u", i);
		if (!cmp_msg(&a->msgs[i], &b->msgs[i], c))
			return false;
	}
	for (unsigned i = 0; i < a->n_elems; i++) {
		snprintf(c, sizeof(c), "elem %u", i);
		if (!cmp_elem(&a->elems[i], &b->elems[i], c))
			return false;
	}
	for (unsigned i = 0; i < a->n_notes; i++) {
		snprintf(c, sizeof(c), "note %u", i);
		if (!cmp_note(&a->notes[i], &b->notes[i], c))
			return false;
	}
	return cmp_shapes(a, b);
}

/* ---- decoding both ways ---- */

static void opts_for(const struct frame *f, bool checksums,
		     struct mw_decode_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->mip4_ports[0] = 434;
	if (f->custom_port)
		o->mip4_ports[1] = 4343;
	o->pmip6_udp_port = 5436;
	o->no_checksums = !checksums;
}

/* Both paths over one (possibly mutated) frame; false on a difference. */
static bool both_ways(const struct frame *f, const uint8_t *data,
		      uint32_t caplen, uint32_t wirelen, bool checksums)
{
	struct mw_decode_opts o;
	mw_status sa, sb;

	opts_for(f, checksums, &o);
	memset(&pa, 0xa5, sizeof(pa));
	memset(&pb, 0x5a, sizeof(pb));
	sa = mw_decode(&pa, f->linktype, data, caplen, wirelen, &o);
	o.no_fastpath = true;
	sb = mw_decode(&pb, f->linktype, data, caplen, wirelen, &o);
	n_compared++;
	if (sa != sb) {
		snprintf(why, sizeof(why), "status %d vs %d", sa, sb);
		return false;
	}
	return cmp_packet(&pa, &pb);
}

/* Whether the fast path alone takes the frame (pkt as mw_decode resets it). */
static bool fast_takes(const struct frame *f, const uint8_t *data,
		       uint32_t caplen, uint32_t wirelen)
{
	struct mw_decode_opts o;

	opts_for(f, true, &o);
	o.no_fastpath = true; /* a probe: a miss is reported, not decoded */
	memset(&pa, 0, sizeof(pa));
	pa.data = data;
	pa.caplen = caplen;
	pa.wirelen = wirelen;
	pa.linktype = f->linktype;
	return mwi_fastpath(&pa, f->linktype, &o) == MW_OK;
}

/* ---- frames ---- */

static struct frame *new_frame(const char *name, int linktype, int expect)
{
	struct frame *f;

	if (n_frames >= MAX_FRAMES)
		return NULL;
	f = &frames[n_frames];
	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "%s", name);
	f->linktype = linktype;
	f->expect = expect;
	return f;
}

static void keep(struct frame *f, mw_status st)
{
	if (f && st == MW_OK && f->len > 0)
		n_frames++;
}

static struct mw_in6 in6(const char *s)
{
	struct mw_in6 a;

	mw_in6_parse(s, &a);
	return a;
}

/* Link variants: 0 Ethernet, 1 one VLAN, 2 QinQ, 3 three tags, 4 raw IP
 * (LINKTYPE_RAW), 5 LINKTYPE_IPV4/IPV6, 6 Ethernet + trailing padding. */
#define N_LINKS 7
static const struct mw_eth_spec *link_spec(int v, struct mw_eth_spec *e)
{
	memset(e, 0, sizeof(*e));
	memcpy(e->dst, "\x02\x00\x00\x00\x00\x02", 6);
	memcpy(e->src, "\x02\x00\x00\x00\x00\x01", 6);
	switch (v) {
	case 1:
		e->n_vlan = 1;
		e->vlan_tci[0] = 0x0064;
		break;
	case 2:
		e->n_vlan = 2;
		e->qinq = true;
		e->vlan_tci[0] = 0x0010;
		e->vlan_tci[1] = 0x2064;
		break;
	case 3:
		e->n_vlan = 3;
		break;
	case 4:
	case 5:
		return NULL;
	default:
		break;
	}
	return e;
}

static int link_type(int v, bool v6)
{
	if (v == 4)
		return MW_LINK_RAW;
	if (v == 5)
		return v6 ? MW_LINK_IPV6 : MW_LINK_IPV4;
	return MW_LINK_ETHERNET;
}

static void pad_tail(struct frame *f, int v)
{
	if (v == 6 && f->len + 6 <= FRAME_CAP) {
		memset(f->b + f->len, 0, 6);
		f->len += 6;
	}
}

/* MIPv4 messages: extension lists by number. */
static size_t mip4_msg(uint8_t *m, size_t cap, uint8_t type, int exts)
{
	static const uint8_t chal[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	static const uint8_t unk[3] = { 9, 9, 9 };
	static uint8_t vbody[64];
	struct mw_mip4 msg = { .type = type };
	struct mw_mip4_ext_spec x[6];
	struct mw_wbuf w;
	size_t n = 0;

	for (int i = 0; i < 6; i++)
		x[i] = (struct mw_mip4_ext_spec)MW_MIP4_EXT_SPEC_INIT;
	if (type == MW_MIP4_RRQ || type == MW_MIP4_REG_RRQ)
		msg.u.rrq = (struct mw_mip4_rrq){ .flags = 0x10, .lifetime = 1800,
			.hoa = 0xc633640a, .ha = 0xc6336401, .coa = 0xcb007101,
			.ident = 0x0102030405060708ull };
	else
		msg.u.rrp = (struct mw_mip4_rrp){ .code = 0, .lifetime = 1800,
			.hoa = 0xc633640a, .ha = 0xc6336401,
			.ident = 0x1112131415161718ull };
	switch (exts) {
	case 0:
		break;
	case 1: /* the bench's */
		mw_mip4_spec_nai(&x[n++], "mn1@example.net");
		mw_mip4_spec_auth(&x[n++], MW_MIP4X_MN_HA_AUTH, 256, 0, NULL, 0);
		break;
	case 2: /* challenge, NAI, MN-HA, MN-FA, FA-HA */
		mw_mip4_spec_challenge(&x[n++], chal, sizeof(chal));
		mw_mip4_spec_nai(&x[n++], "user@realm");
		mw_mip4_spec_auth(&x[n++], MW_MIP4X_MN_HA_AUTH, 1000, 0, NULL, 0);
		mw_mip4_spec_auth(&x[n++], MW_MIP4X_MN_FA_AUTH, 1001, 0, NULL, 0);
		mw_mip4_spec_auth(&x[n++], MW_MIP4X_FA_HA_AUTH, 1002, 0, NULL, 0);
		break;
	case 3: /* CVSE (CVSE header form) and NVSE */
		x[n].type = MW_MIP4X_CVSE;
		x[n].data = vbody;
		x[n++].len = mw_mip4_vendor_body(vbody, sizeof(vbody), false,
						 5535, 7, chal, 4);
		x[n].type = MW_MIP4X_NVSE;
		x[n].data = vbody + 32;
		x[n++].len = mw_mip4_vendor_body(vbody + 32, 32, true, 5535,
						 8, chal, 3);
		mw_mip4_spec_auth(&x[n++], MW_MIP4X_MN_HA_AUTH, 256, 0, NULL, 0);
		break;
	case 4: /* unknown skippable extension: general path */
		x[n].type = 200;
		x[n].data = unk;
		x[n++].len = sizeof(unk);
		mw_mip4_spec_auth(&x[n++], MW_MIP4X_MN_HA_AUTH, 256, 0, NULL, 0);
		break;
	case 5: /* one-byte padding: general path */
		x[n++].type = MW_MIP4X_PAD;
		mw_mip4_spec_auth(&x[n++], MW_MIP4X_MN_HA_AUTH, 256, 0, NULL, 0);
		break;
	case 6: /* generalized authentication (long form): general path */
		x[n].type = MW_MIP4X_GEN_AUTH;
		x[n].subtype = 1;
		x[n++].auth_len = 16;
		break;
	case 7: /* authenticator of an odd length (registry bounds) */
		x[n].type = MW_MIP4X_MN_HA_AUTH;
		x[n].spi = 256;
		x[n++].auth_len = 3;
		break;
	case 8: /* an SPI, no authenticator: general path (mw_msg.shape) */
		mw_mip4_spec_nai(&x[n++], "user@realm");
		x[n].type = MW_MIP4X_MN_HA_AUTH;
		x[n].spi = 256;
		x[n].forced_auth = chal;
		x[n++].forced_auth_len = 0;
		break;
	default:
		break;
	}
	mw_wbuf_init(&w, m, cap);
	if (type == MW_MIP4_RRQ || type == MW_MIP4_RRP)
		mw_mip4_build(&w, &msg, x, n);
	else
		mw_mip4_build_raw(&w, type, m + 200, type == MW_MIP4_REVOCATION ? 19 : 23,
				  x, n);
	return w.overflow ? 0 : w.len;
}

static void add_mip4_frames(void)
{
	uint8_t m[400];

	memset(m + 200, 0x11, 32);
	for (int link = 0; link < N_LINKS; link++) {
		for (int t = 0; t < 2; t++) {
			uint8_t type = t ? MW_MIP4_RRP : MW_MIP4_RRQ;

			for (int ex = 0; ex <= 8; ex++) {
				struct mw_eth_spec e;
				struct mw_ip4_spec ip = { .src = 0xcb007101,
							  .dst = 0xc6336401 };
				size_t ml = mip4_msg(m, 200, type, ex);
				int expect = ex == 7 ? -1 : (ex <= 3 && link != 3) ? 1 : 0;
				char name[64];
				struct frame *f;

				snprintf(name, sizeof(name), "mip4 link %d type %u ext %d",
					 link, type, ex);
				f = new_frame(name, link_type(link, false), expect);
				if (!f || !ml)
					continue;
				keep(f, mw_frame_udp4(f->b, FRAME_CAP, link_spec(link, &e),
						      &ip, 434, 434, m, ml, &f->len));
				pad_tail(f, link);
			}
		}
	}
	/* IPv4 / UDP variants around the bench RRQ */
	for (int v = 0; v < 12; v++) {
		struct mw_eth_spec e;
		struct mw_ip4_spec ip = { .src = 0xcb007101, .dst = 0xc6336401 };
		static const uint8_t ipopt[4] = { 1, 1, 1, 0 };
		uint16_t sp = 434, dp = 434;
		uint8_t type = MW_MIP4_RRQ;
		int expect = 0, ex = 1;
		bool custom = false;
		size_t ml;
		struct frame *f;
		char name[64];

		switch (v) {
		case 0: ip.frag = 0x4000; expect = 1; break;     /* DF */
		case 1: ip.frag = 0x2000; break;                  /* MF */
		case 2: ip.frag = 0x0010; break;                  /* offset */
		case 3: ip.opts = ipopt; ip.opts_len = 4; break;  /* options */
		case 4: ip.force_l4_csum = true; ip.l4_csum = 0; expect = 1; break;
		case 5: ip.force_l4_csum = true; ip.l4_csum = 0x1234; expect = 1; break;
		case 6: ip.force_csum = true; ip.csum = 0x4321; expect = 1; break;
		case 7: sp = 1234; expect = 1; break;             /* to 434 */
		case 8: dp = 1234; expect = 1; break;             /* from 434 */
		case 9: sp = dp = 4343; custom = true; expect = 1; break;
		case 10: sp = dp = 5436; break;                   /* PMIPv6 port */
		case 11: type = MW_MIP4_REVOCATION; ex = 0; break;
		default: break;
		}
		ml = mip4_msg(m, 200, type, ex);
		snprintf(name, sizeof(name), "mip4 variant %d", v);
		f = new_frame(name, MW_LINK_ETHERNET, expect);
		if (!f || !ml)
			continue;
		f->custom_port = custom;
		keep(f, mw_frame_udp4(f->b, FRAME_CAP, link_spec(0, &e), &ip, sp, dp,
				      m, ml, &f->len));
	}
}

/* Mobility Headers: type, options by number, alignment. */
static size_t mh_msg(uint8_t *m, size_t cap, uint8_t type, int opts,
		     bool align, const struct mw_in6 *src,
		     const struct mw_in6 *dst)
{
	static const uint8_t bra[2] = { 0, 50 }, nidx[4] = { 0, 1, 0, 2 };
	static const uint8_t bad[12] = { 1 }, mnp[18] = { 0, 64 };
	static const uint8_t unk[4] = { 1, 2, 3, 4 };
	static const uint8_t flow[6] = { 0, 1, 0, 0, 0, 0 };
	static const uint8_t mnid[10] = { 1, 'm', 'n', '@', 'x' };
	static struct mw_in6 coa;
	struct mw_mh h;
	struct mw_mh_opt_spec o[4];
	struct mw_mh_build_spec b = { .mh = &h, .opts = o, .align = align,
				      .pad_to_8 = true, .csum_src = src,
				      .csum_dst = dst };
	struct mw_wbuf w;
	size_t n = 0;

	coa = in6("2001:db8:2::10");
	mw_mh_init(&h, type);
	switch (type) {
	case MW_MH_BU:
		h.u.bu = (struct mw_mh_bu){ .seq = 7, .flags = MW_BU_A | MW_BU_H,
					    .lifetime = 100 };
		break;
	case MW_MH_BA:
		h.u.ba = (struct mw_mh_ba){ .status = 0, .seq = 7, .lifetime = 100 };
		break;
	case MW_MH_BE:
		h.u.be.status = 1;
		h.u.be.hoa = coa;
		break;
	case MW_MH_HOTI:
		memcpy(h.u.init.cookie, "cookie!!", 8);
		break;
	case MW_MH_HOT:
		h.u.test.nonce_index = 3;
		memcpy(h.u.test.cookie, "cookie!!", 8);
		memcpy(h.u.test.keygen, "keygen!!", 8);
		break;
	default:
		break;
	}
	switch (opts) {
	case 0:
		break;
	case 1:
		o[n++] = (struct mw_mh_opt_spec){ .type = MW_MHO_ALT_COA, .data = coa.b, .len = 16 };
		break;
	case 2:
		o[n++] = (struct mw_mh_opt_spec){ .type = MW_MHO_BRA, .data = bra, .len = 2 };
		break;
	case 3:
		o[n++] = (struct mw_mh_opt_spec){ .type = MW_MHO_NONCE_IDX, .data = nidx, .len = 4 };
		o[n++] = (struct mw_mh_opt_spec){ .type = MW_MHO_ALT_COA, .data = coa.b, .len = 16 };
		o[n++] = (struct mw_mh_opt_spec){ .type = MW_MHO_BAD, .data = bad, .len = 12 };
		break;
	case 4:
		o[n++] = (struct mw_mh_opt_spec){ .type = MW_MHO_MNP, .data = mnp, .len = 18 };
		o[n++] = (struct mw_mh_opt_spec){ .type = MW_MHO_MN_ID, .data = mnid, .len = 5 };
		break;
	case 5: /* unknown option: general path */
		o[n++] = (struct mw_mh_opt_spec){ .type = 200, .data = unk, .len = 4 };
		break;
	case 6: /* option with sub-options: general path */
		o[n++] = (struct mw_mh_opt_spec){ .type = MW_MHO_FLOW_ID, .data = flow, .len = 6 };
		break;
	case 7: /* length outside the bounds */
		o[n++] = (struct mw_mh_opt_spec){ .type = MW_MHO_BRA, .data = unk, .len = 3 };
		break;
	default:
		break;
	}
	b.n_opts = n;
	mw_wbuf_init(&w, m, cap);
	mw_mh_build(&w, &b);
	return w.overflow ? 0 : w.len;
}

static void add_mh_frames(void)
{
	static const uint8_t types[] = { MW_MH_BU, MW_MH_BA, MW_MH_BE, MW_MH_HOTI,
					 MW_MH_HOT, MW_MH_BRR, MW_MH_HB, MW_MH_BR,
					 MW_MH_HAS, MW_MH_EXP, 200 };
	struct mw_in6 hoa = in6("2001:db8:1::10"), coa = in6("2001:db8:2::10");
	struct mw_in6 ha = in6("2001:db8:1::1");
	uint8_t m[300];

	for (size_t ti = 0; ti < sizeof(types); ti++) {
		for (int hdr = 0; hdr < 4; hdr++) {
			for (int op = 0; op <= 7; op++) {
				for (int al = 0; al < 2; al++) {
					struct mw_ip6_spec ip = { .src = coa, .dst = ha };
					const struct mw_in6 *s = &coa, *d = &ha;
					struct mw_eth_spec e;
					int link = (int)((ti + op + hdr) % N_LINKS);
					struct frame *f;
					char name[64];
					size_t ml;
					bool plain_type;

					/* only BU / BA get every option list */
					if (types[ti] != MW_MH_BU && types[ti] != MW_MH_BA &&
					    op > 1)
						continue;
					if (hdr & 1) {
						ip.hao = &hoa;
						s = &hoa;
					}
					if (hdr & 2) {
						ip.rh2 = &hoa;
						d = &hoa;
					}
					ml = mh_msg(m, sizeof(m), types[ti], op, al, s, d);
					plain_type = types[ti] != MW_MH_HAS &&
						     types[ti] != MW_MH_EXP &&
						     types[ti] != 200;
					snprintf(name, sizeof(name),
						 "mh type %u hdr %d opts %d align %d link %d",
						 types[ti], hdr, op, al, link);
					f = new_frame(name, link_type(link, true),
						      plain_type && link != 3 && al &&
						      op <= 4 ? 1 : -1);
					if (!f || !ml)
						continue;
					keep(f, mw_frame_ip6(f->b, FRAME_CAP,
							     link_spec(link, &e), &ip,
							     MW_IPPROTO_MH, m, ml,
							     &f->len));
					pad_tail(f, link);
				}
			}
		}
	}
	/* IPv6 variants around the bench BU */
	for (int v = 0; v < 8; v++) {
		static const uint8_t padn[4] = { 1, 2, 0, 0 };
		static const uint8_t unkopt[4] = { 0x1e, 2, 0, 0 };
		static const uint8_t hbh[4] = { 1, 2, 0, 0 };
		struct mw_ip6_spec ip = { .src = coa, .dst = ha, .hao = &hoa };
		struct mw_eth_spec e;
		int expect = 0;
		struct frame *f;
		char name[64];
		size_t ml;

		switch (v) {
		case 0: ip.dst_opts = padn; ip.dst_opts_len = 4; expect = 1; break;
		case 1: ip.dst_opts = unkopt; ip.dst_opts_len = 4; break;
		case 2: ip.hbh_opts = hbh; ip.hbh_opts_len = 4; break;
		case 3: ip.frag = true; break;                        /* atomic fragment */
		case 4: ip.frag = true; ip.frag_more = true; break;
		case 5: ip.force_l4_csum = true; ip.l4_csum = 0xbeef; expect = 1; break;
		case 6: ip.hao = NULL; ip.dst_opts = padn; ip.dst_opts_len = 4; expect = 1; break;
		case 7: ip.rh2 = &hoa; expect = 1; break;
		default: break;
		}
		ml = mh_msg(m, sizeof(m), MW_MH_BU, 1, true, &hoa,
			    ip.rh2 ? &hoa : &ha);
		snprintf(name, sizeof(name), "mh variant %d", v);
		f = new_frame(name, MW_LINK_ETHERNET, expect);
		if (!f || !ml)
			continue;
		keep(f, mw_frame_ip6(f->b, FRAME_CAP, link_spec(0, &e), &ip,
				     MW_IPPROTO_MH, m, ml, &f->len));
	}
	/* MIPv4 over IPv6 / UDP and ICMPv6: general path */
	{
		struct mw_ip6_spec ip = { .src = coa, .dst = ha };
		struct mw_eth_spec e;
		size_t ml = mip4_msg(m, 200, MW_MIP4_RRQ, 1);
		struct frame *f = new_frame("mip4 over udp6", MW_LINK_ETHERNET, 0);

		if (f && ml)
			keep(f, mw_frame_udp6(f->b, FRAME_CAP, link_spec(0, &e), &ip,
					      434, 434, m, ml, &f->len));
		f = new_frame("icmp6 dhaad", MW_LINK_ETHERNET, 0);
		if (f)
			keep(f, mw_frame_icmp6(f->b, FRAME_CAP, link_spec(0, &e), &ip,
					       144, 0, m, 4, &f->len));
	}
}

/* Agent advertisements (ICMP router advertisement + Mobile IP
 * extensions) by number; *expect as the fast path must take it. */
static size_t adv_msg(uint8_t *m, size_t cap, int v, int *expect)
{
	static const uint32_t addrs[3] = { 0xcb007101, 0xcb007102, 0xcb007103 };
	static const uint8_t plen[2] = { 24, 16 }, chal[6] = { 1, 2, 3, 4, 5, 6 };
	static const uint8_t body[8] = { 0, 1, 2, 3, 4, 5, 6, 7 };
	struct mw_mip4_adv_spec a = {
		.lifetime = 3, .num_addrs = 1, .router_addrs = addrs,
		.has_maa = true, .seq = 300, .reg_lifetime = 600,
		.maa_flags = MW_MAA_F, .n_coa = 1, .coas = addrs,
	};
	struct mw_mip4_ext_spec x[3];
	struct mw_wbuf w;
	size_t n = 0;

	for (int i = 0; i < 3; i++)
		x[i] = (struct mw_mip4_ext_spec)MW_MIP4_EXT_SPEC_INIT;
	*expect = 1;
	switch (v) {
	case 0: /* the bench's */
		break;
	case 1: /* prefix lengths, challenge, 3 router addresses, 3 CoAs */
		a.num_addrs = 3;
		a.n_coa = 3;
		a.n_prefix_len = 2;
		a.prefix_lens = plen;
		a.challenge_len = sizeof(chal);
		a.challenge = chal;
		break;
	case 2: /* no addresses, no extensions */
		a.num_addrs = 0;
		a.has_maa = false;
		break;
	case 3: /* MAA without CoA, padding, experimental skippable, a second
		 * MAA of an odd length (not copied: no note) */
		a.n_coa = 0;
		x[n++].type = MW_MIP4A_PAD;
		x[n].type = 255;
		x[n].data = body;
		x[n++].len = 3;
		x[n].type = MW_MIP4A_MAA;
		x[n].data = body;
		x[n++].len = 7;
		break;
	case 4: /* unknown extension: general path */
		x[n].type = 200;
		x[n].data = body;
		x[n++].len = 4;
		*expect = 0;
		break;
	case 5: /* FMIPv4 New IPv4 Address (length in 8-octet units) */
		x[n].type = 21;
		x[n].data = body;
		x[n++].len = 6;
		*expect = 0;
		break;
	case 6: /* NAI carrying (short form, sub-type) */
		x[n].type = 136;
		x[n].data = body;
		x[n++].len = 5;
		*expect = 0;
		break;
	case 7: /* MAA length not 6 + 4N: a note */
		a.set_maa_len = true;
		a.maa_len = 8;
		*expect = 0;
		break;
	case 8: /* bad checksum: taken, csum_ok 0 */
		a.no_checksum = true;
		break;
	case 9: /* solicitation */
		a.solicitation = true;
		a.has_maa = false;
		*expect = 0;
		break;
	case 10: /* a second prefix-lengths extension */
		a.n_prefix_len = 2;
		a.prefix_lens = plen;
		x[n].type = MW_MIP4A_PREFIX_LEN;
		x[n].data = plen;
		x[n++].len = 1;
		break;
	default:
		break;
	}
	mw_wbuf_init(&w, m, cap);
	mw_mip4_adv_build(&w, &a, x, n);
	return w.overflow ? 0 : w.len;
}

#define N_ADV 11

static void add_adv_frames(void)
{
	uint8_t m[200];

	for (int link = 0; link < N_LINKS; link++) {
		for (int v = 0; v < N_ADV; v++) {
			struct mw_eth_spec e;
			struct mw_ip4_spec ip = { .src = 0xcb007101,
						  .dst = 0xe0000001, .ttl = 1 };
			int expect;
			size_t ml = adv_msg(m, sizeof(m), v, &expect);
			char name[64];
			struct frame *f;

			snprintf(name, sizeof(name), "adv link %d variant %d", link, v);
			f = new_frame(name, link_type(link, false),
				      link == 3 ? 0 : expect);
			if (!f || !ml)
				continue;
			keep(f, mw_frame_ip4(f->b, FRAME_CAP, link_spec(link, &e),
					     &ip, MW_IPPROTO_ICMP, m, ml, &f->len));
			pad_tail(f, link);
		}
	}
	/* IPv4 variants around the bench advertisement: general path */
	for (int v = 0; v < 3; v++) {
		static const uint8_t ipopt[4] = { 0x94, 4, 0, 0 }; /* router alert */
		struct mw_ip4_spec ip = { .src = 0xcb007101, .dst = 0xe0000001,
					  .ttl = 1 };
		struct mw_eth_spec e;
		int expect;
		size_t ml = adv_msg(m, sizeof(m), 0, &expect);
		struct frame *f;
		char name[64];

		switch (v) {
		case 0: ip.opts = ipopt; ip.opts_len = 4; break;
		case 1: ip.frag = 0x2000; break;
		default: ip.frag = 0x0001; break;
		}
		snprintf(name, sizeof(name), "adv ip variant %d", v);
		f = new_frame(name, MW_LINK_ETHERNET, 0);
		if (!f || !ml)
			continue;
		keep(f, mw_frame_ip4(f->b, FRAME_CAP, link_spec(0, &e), &ip,
				     MW_IPPROTO_ICMP, m, ml, &f->len));
	}
	/* other ICMP types: general path */
	{
		struct mw_ip4_spec ip = { .src = 0xcb007101, .dst = 0xc6336401 };
		struct mw_eth_spec e;
		struct frame *f = new_frame("icmp echo", MW_LINK_ETHERNET, 0);

		memset(m, 0x42, 16);
		if (f)
			keep(f, mw_frame_icmp4(f->b, FRAME_CAP, link_spec(0, &e), &ip,
					       8, 0, m, 16, &f->len));
	}
}

static void build_frames(void)
{
	if (n_frames)
		return;
	add_mip4_frames();
	add_adv_frames();
	add_mh_frames();
}

/* ---- tests ---- */

static void report(const struct frame *f, const char *what)
{
	fprintf(stderr, "\n  MISMATCH %s: %s: %s\n", f->name, what, why);
}

static void test_plain_frames_take_the_fast_path(void)
{
	size_t taken = 0, must = 0;

	build_frames();
	CU_ASSERT_FATAL(n_frames >= 200);
	for (size_t i = 0; i < n_frames; i++) {
		const struct frame *f = &frames[i];
		bool t = fast_takes(f, f->b, (uint32_t)f->len, (uint32_t)f->len);

		taken += t;
		if (f->expect == 1) {
			must++;
			if (!t)
				fprintf(stderr, "\n  fast path did not take: %s\n", f->name);
			CU_ASSERT(t);
		} else if (f->expect == 0) {
			if (t)
				fprintf(stderr, "\n  fast path took: %s\n", f->name);
			CU_ASSERT(!t);
		}
	}
	n_fast_taken = taken;
	fprintf(stderr, "\n  %zu frames, %zu taken by the fast path (%zu must)\n",
		n_frames, taken, must);
	CU_ASSERT(must >= 100);
}

static void test_same_result_on_every_frame(void)
{
	build_frames();
	for (size_t i = 0; i < n_frames; i++) {
		const struct frame *f = &frames[i];

		for (int ck = 0; ck < 2; ck++)
			if (!both_ways(f, f->b, (uint32_t)f->len, (uint32_t)f->len, ck)) {
				report(f, "as built");
				CU_FAIL("fast and general paths differ");
				return;
			}
	}
}

static void test_same_result_cut_at_every_length(void)
{
	build_frames();
	for (size_t i = 0; i < n_frames; i++) {
		const struct frame *f = &frames[i];

		for (size_t k = 0; k < f->len; k++) {
			/* snaplen cut (wire length whole), and a frame that
			 * is short on the wire too */
			if (!both_ways(f, f->b, (uint32_t)k, (uint32_t)f->len, true) ||
			    !both_ways(f, f->b, (uint32_t)k, (uint32_t)k, k & 1)) {
				char w[32];

				snprintf(w, sizeof(w), "cut at %zu", k);
				report(f, w);
				CU_FAIL("fast and general paths differ");
				return;
			}
		}
	}
}

static void test_same_result_with_every_byte_changed(void)
{
	static const uint8_t flips[] = { 0xff, 0x01, 0x80, 0x10 };
	uint8_t buf[FRAME_CAP];

	build_frames();
	for (size_t i = 0; i < n_frames; i++) {
		const struct frame *f = &frames[i];

		memcpy(buf, f->b, f->len);
		for (size_t k = 0; k < f->len; k++) {
			for (size_t j = 0; j < sizeof(flips); j++) {
				buf[k] = f->b[k] ^ flips[j];
				if (!both_ways(f, buf, (uint32_t)f->len,
					       (uint32_t)f->len, j & 1)) {
					char w[48];

					snprintf(w, sizeof(w), "byte %zu ^ 0x%02x", k,
						 flips[j]);
					report(f, w);
					CU_FAIL("fast and general paths differ");
					return;
				}
			}
			/* a few absolute values that hit length and type checks */
			for (unsigned v = 0; v < 256; v += 37) {
				buf[k] = (uint8_t)v;
				if (!both_ways(f, buf, (uint32_t)f->len,
					       (uint32_t)f->len, true)) {
					char w[48];

					snprintf(w, sizeof(w), "byte %zu = %u", k, v);
					report(f, w);
					CU_FAIL("fast and general paths differ");
					return;
				}
			}
			buf[k] = f->b[k];
		}
	}
	fprintf(stderr, "\n  %lu decodes compared, %lu registration shapes, %lu with facts\n",
		n_compared, n_shapes, n_facts);
	CU_ASSERT(n_shapes > 0);
	CU_ASSERT(n_facts > 0);
}

/* The wire length shorter than the captured bytes, and a caller that
 * passes NULL options, must come out the same too. */
static void test_same_result_odd_lengths_and_default_opts(void)
{
	build_frames();
	for (size_t i = 0; i < n_frames; i++) {
		const struct frame *f = &frames[i];
		struct mw_decode_opts o;

		if (!both_ways(f, f->b, (uint32_t)f->len, (uint32_t)f->len / 2, true) ||
		    !both_ways(f, f->b, (uint32_t)f->len, 0, true)) {
			report(f, "short wire length");
			CU_FAIL("fast and general paths differ");
			return;
		}
		if (f->custom_port)
			continue;
		memset(&pa, 0xa5, sizeof(pa));
		memset(&pb, 0x5a, sizeof(pb));
		mw_decode(&pa, f->linktype, f->b, (uint32_t)f->len, (uint32_t)f->len,
			  NULL);
		opts_for(f, true, &o);
		o.no_fastpath = true;
		mw_decode(&pb, f->linktype, f->b, (uint32_t)f->len, (uint32_t)f->len,
			  &o);
		if (!cmp_packet(&pa, &pb)) {
			report(f, "NULL options");
			CU_FAIL("fast and general paths differ");
			return;
		}
	}
}

/* A checksum field at `csum` (0x0000 and 0xffff, the two encodings of a
 * zero one's complement sum) with every value of the 16-bit word at
 * `word`: the sums that come out 0 / 0xffff mod 0xffff, and a frame whose
 * correct checksum is 0, must be judged the same both ways. *hits counts
 * the frames judged valid with such a field (for the Mobility Header only
 * 0x0000 can be: ~ of a folded sum is never 0xffff). */
static bool every_word_value(const struct frame *f, size_t word, size_t csum,
			     unsigned *hits)
{
	uint8_t buf[FRAME_CAP];

	memcpy(buf, f->b, f->len);
	for (unsigned v = 0; v < 0x10000; v++) {
		buf[word] = (uint8_t)(v >> 8);
		buf[word + 1] = (uint8_t)v;
		for (unsigned x = 0; x < 2; x++) {
			buf[csum] = buf[csum + 1] = x ? 0xff : 0x00;
			if (!both_ways(f, buf, (uint32_t)f->len, (uint32_t)f->len,
				       true)) {
				char w[64];

				snprintf(w, sizeof(w), "word %zu = 0x%04x, checksum 0x%s",
					 word, v, x ? "ffff" : "0000");
				report(f, w);
				return false;
			}
			for (unsigned i = 0; i < pa.n_layers; i++) {
				const struct mw_layer *l = &pa.layers[i];

				*hits += (l->kind == MW_L_IP4 && l->off + 10 == csum &&
					  l->u.ip4.csum_ok) ||
					 (l->kind == MW_L_UDP && l->off + 6 == csum &&
					  l->u.udp.csum_ok == 1) ||
					 (l->kind == MW_L_ICMP4 && l->off + 2 == csum &&
					  l->u.icmp.csum_ok == 1);
			}
			if (pa.n_msgs && pa.msgs[0].kind == MW_MSG_MH &&
			    pa.msgs[0].u.mh.csum_ok == 1)
				(*hits)++;
		}
	}
	return true;
}

static const struct frame *find_frame(const char *name)
{
	for (size_t i = 0; i < n_frames; i++)
		if (strcmp(frames[i].name, name) == 0)
			return &frames[i];
	return NULL;
}

static void test_same_result_at_checksum_edges(void)
{
	static const char *const names[] = {
		"mip4 link 0 type 1 ext 1", "mip4 link 0 type 3 ext 3",
		"adv link 0 variant 0", "mh type 5 hdr 1 opts 1 align 1 link 2",
		"mh type 6 hdr 3 opts 1 align 1 link 5",
	};

	build_frames();
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct frame *f = find_frame(names[i]);
		struct mw_decode_opts o;
		int l4 = -1, ip = -1;
		unsigned hits = 0;

		CU_ASSERT_FATAL(f != NULL);
		opts_for(f, true, &o);
		mw_decode(&pa, f->linktype, f->b, (uint32_t)f->len, (uint32_t)f->len, &o);
		for (int k = 0; k < pa.n_layers; k++) {
			if (pa.layers[k].kind == MW_L_IP4 && ip < 0)
				ip = k;
			if (pa.layers[k].kind == MW_L_UDP || pa.layers[k].kind == MW_L_ICMP4 ||
			    pa.layers[k].kind == MW_L_MH)
				l4 = k;
		}
		CU_ASSERT_FATAL(l4 >= 0);
		{
			const struct mw_layer *l = &pa.layers[l4];
			size_t csum = l->off + (l->kind == MW_L_UDP ? 6 :
						l->kind == MW_L_ICMP4 ? 2 : 4);

			/* a word of the payload: its last two bytes */
			if (!every_word_value(f, f->len - 2, csum, &hits)) {
				CU_FAIL("fast and general paths differ");
				return;
			}
		}
		/* the IPv4 header checksum against its Identification */
		if (ip >= 0 && !every_word_value(f, pa.layers[ip].off + 4,
						 pa.layers[ip].off + 10, &hits)) {
			CU_FAIL("fast and general paths differ");
			return;
		}
		/* the sums do come out 0 mod 0xffff with the field 0xffff */
		CU_ASSERT(hits > 0);
	}
}

void add_fastpath_tests(void)
{
	CU_pSuite s = CU_add_suite("fastpath", NULL, NULL);

	CU_add_test(s, "plain frames take the fast path",
		    test_plain_frames_take_the_fast_path);
	CU_add_test(s, "same result on every frame", test_same_result_on_every_frame);
	CU_add_test(s, "same result cut at every length",
		    test_same_result_cut_at_every_length);
	CU_add_test(s, "same result with every byte changed",
		    test_same_result_with_every_byte_changed);
	CU_add_test(s, "same result with odd lengths and default options",
		    test_same_result_odd_lengths_and_default_opts);
	CU_add_test(s, "same result at the checksum edges",
		    test_same_result_at_checksum_edges);
}
