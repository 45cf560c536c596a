/* Deterministic Mobile IPv6 / NEMO / PMIPv6 captures for the mipconform
 * tests: a good trace (DHAAD, home registration, mobile prefix discovery,
 * return routability, correspondent registration and deregistration, a
 * Binding Error, NEMO and PMIPv6 registrations) and one broken variant per
 * rule id. */
#include <string.h>

#include "gen.h"

static struct mw_in6 HOA, HA, COA, CN, ANY_HA, MR_HOA, MAG, LMA, HNP, LL;

static void addrs(void)
{
	mw_in6_parse("2001:db8:1::5", &HOA);
	mw_in6_parse("2001:db8:1::1", &HA);
	mw_in6_parse("2001:db8:2::5", &COA);
	mw_in6_parse("2001:db8:3::9", &CN);
	mw_in6_parse("2001:db8:1::fdff:ffff:ffff:fffe", &ANY_HA);
	mw_in6_parse("2001:db8:1::7", &MR_HOA);
	mw_in6_parse("2001:db8:4::1", &MAG);
	mw_in6_parse("2001:db8:5::1", &LMA);
	mw_in6_parse("2001:db8:99::", &HNP);
	mw_in6_parse("fe80::5", &LL);
}

#define B(id) (brk && strcmp(brk, id) == 0)

struct pkt6 {
	struct mw_in6 src, dst;
	const struct mw_in6 *hao, *rh2;
};

static void eth6(struct mw_wbuf *w)
{
	struct mw_eth_spec e;
	static const uint8_t a[6] = { 2, 0, 0, 0, 0, 1 }, b[6] = { 2, 0, 0, 0, 0, 2 };
	memset(&e, 0, sizeof e);
	memcpy(e.src, a, 6);
	memcpy(e.dst, b, 6);
	mw_put_eth(w, &e, 0x86dd);
}

struct mhx {
	struct mw_mh mh;
	struct mw_mh_opt_spec o[8];
	size_t n;
	bool noalign, bad_csum;
	int set_hdr_len;
	const uint8_t *fixed;   /* raw fixed part (types without a typed struct) */
	size_t fixed_len;
};

static void opt(struct mhx *x, uint8_t type, const void *data, size_t len)
{
	struct mw_mh_opt_spec *o = &x->o[x->n++];
	memset(o, 0, sizeof *o);
	o->type = type;
	o->data = data;
	o->len = len;
}

static void send_mh(struct gen *g, double t, const struct pkt6 *p, struct mhx *x)
{
	uint8_t buf[1024];
	struct mw_wbuf w;
	struct mw_ip6_spec ip = { .src = p->src, .dst = p->dst, .hao = p->hao, .rh2 = p->rh2 };
	struct mw_ipctx c;
	mw_wbuf_init(&w, buf, sizeof buf);
	eth6(&w);
	mw_ip6_begin(&w, &ip, 135, &c);
	struct mw_mh_build_spec s = { .mh = &x->mh, .opts = x->o, .n_opts = x->n,
		.align = !x->noalign, .pad_to_8 = true, .csum_src = &c.src6,
		.csum_dst = &c.dst6, .set_csum = x->bad_csum, .csum = 0x1234,
		.fixed = x->fixed, .fixed_len = x->fixed_len };
	if (x->set_hdr_len >= 0 && x->set_hdr_len != 0xffff) {
		s.set_hdr_len = true;
		s.hdr_len = (uint8_t)x->set_hdr_len;
	}
	mw_mh_build(&w, &s);
	mw_ip6_end(&w, &c, &ip);
	gen_frame(g, t, buf, w.len);
}

static void mhx_init(struct mhx *x, uint8_t type)
{
	memset(x, 0, sizeof *x);
	mw_mh_init(&x->mh, type);
	x->set_hdr_len = 0xffff;
}

static void send_icmp6(struct gen *g, double t, const struct pkt6 *p,
		       struct mw_icmp6_mip_build_spec *s)
{
	uint8_t buf[512];
	struct mw_wbuf w;
	struct mw_ip6_spec ip = { .src = p->src, .dst = p->dst, .hao = p->hao, .rh2 = p->rh2 };
	struct mw_ipctx c;
	mw_wbuf_init(&w, buf, sizeof buf);
	eth6(&w);
	mw_ip6_begin(&w, &ip, 58, &c);
	s->csum_src = &c.src6;
	s->csum_dst = &c.dst6;
	mw_icmp6_mip_build(&w, s);
	mw_ip6_end(&w, &c, &ip);
	gen_frame(g, t, buf, w.len);
}

static void send_udp6(struct gen *g, double t, const struct pkt6 *p)
{
	uint8_t buf[256];
	struct mw_wbuf w;
	struct mw_ip6_spec ip = { .src = p->src, .dst = p->dst, .hao = p->hao, .rh2 = p->rh2 };
	struct mw_ipctx c;
	mw_wbuf_init(&w, buf, sizeof buf);
	eth6(&w);
	mw_ip6_begin(&w, &ip, 17, &c);
	size_t u = mw_udp_begin(&w, 7000, 7001);
	mw_put_bytes(&w, "data", 4);
	mw_udp_end(&w, u, &c, MW_CSUM_COMPUTE);
	mw_ip6_end(&w, &c, &ip);
	gen_frame(g, t, buf, w.len);
}

/* An IPv6 packet whose extension headers are written by hand (`ext`,
 * starting with the header named by `first`), then UDP (if `udp`) or
 * nothing (the last header's Next Header 59); the UDP checksum uses
 * `csum_src` (the home address when a HAO is present). */
static void send_raw6(struct gen *g, double t, const struct mw_in6 *src,
		      const struct mw_in6 *dst, uint8_t first, const uint8_t *ext,
		      size_t ext_len, bool udp, const struct mw_in6 *csum_src)
{
	uint8_t buf[512];
	struct mw_wbuf w;
	struct mw_ip6_spec ip = { .src = *src, .dst = *dst };
	struct mw_ipctx c;
	mw_wbuf_init(&w, buf, sizeof buf);
	eth6(&w);
	mw_ip6_begin(&w, &ip, first, &c);
	mw_put_bytes(&w, ext, ext_len);
	if (udp) {
		c.src6 = *csum_src;
		size_t u = mw_udp_begin(&w, 7000, 7001);
		mw_put_bytes(&w, "data", 4);
		mw_udp_end(&w, u, &c, MW_CSUM_COMPUTE);
	}
	mw_ip6_end(&w, &c, &ip);
	gen_frame(g, t, buf, w.len);
}

/* Destination Options header (Next Header `next`) around `opts`, padded
 * with PadN to 8n; returns its length. */
static size_t dst_hdr(uint8_t *out, uint8_t next, const uint8_t *opts, size_t n)
{
	size_t len = (2 + n + 7) / 8 * 8;
	memset(out, 0, len);
	out[0] = next;
	out[1] = (uint8_t)(len / 8 - 1);
	memcpy(out + 2, opts, n);
	if (len - 2 - n == 1)
		out[2 + n] = 0;                     /* Pad1 */
	else if (len - 2 - n >= 2)
		out[2 + n] = 1, out[3 + n] = (uint8_t)(len - 4 - n); /* PadN */
	return len;
}

/* Malformed Home Address options / type 2 routing headers / Mobility
 * Headers that the builders do not write, from the mobile node (COA, home
 * address HOA) to a second correspondent (no binding state involved). */
static void raw_headers(struct gen *g, const char *brk, double t)
{
	struct mw_in6 cn2;
	uint8_t o[64], h[128];
	size_t n = 0, len;
	mw_in6_parse("2001:db8:3::a", &cn2);
	if (B("MIP6-HAO-LEN")) {          /* PadN(2), HAO with Option Length 17 */
		static const uint8_t pre[] = { 1, 2, 0, 0, 201, 17 };
		memcpy(o, pre, 6);
		memcpy(o + 6, HOA.b, 16);
		o[22] = 0;
		n = 23;
	}
	if (B("MIP6-HAO-ALIGN")) {        /* PadN(0): the HAO at offset 4 */
		static const uint8_t pre[] = { 1, 0, 201, 16 };
		memcpy(o, pre, 4);
		memcpy(o + 4, HOA.b, 16);
		n = 20;
	}
	if (B("MIP6-HAO-ONCE")) {         /* two aligned HAOs */
		static const uint8_t p1[] = { 1, 2, 0, 0, 201, 16 };
		static const uint8_t p2[] = { 1, 4, 0, 0, 0, 0, 201, 16 };
		memcpy(o, p1, 6);
		memcpy(o + 6, HOA.b, 16);
		memcpy(o + 22, p2, 8);
		memcpy(o + 30, HOA.b, 16);
		n = 46;
	}
	if (n) {
		len = dst_hdr(h, 17, o, n);
		send_raw6(g, t, &COA, &cn2, 60, h, len, true, &HOA);
	}
	if (B("MIP6-HAO-PLACEMENT")) {    /* Destination Options (HAO), then a routing header */
		static const uint8_t pre[] = { 1, 2, 0, 0, 201, 16 };
		memcpy(o, pre, 6);
		memcpy(o + 6, HOA.b, 16);
		len = dst_hdr(h, 43, o, 22);
		static const uint8_t rh[8] = { 59, 2, 2, 1, 0, 0, 0, 0 };
		memcpy(h + len, rh, 8);
		memcpy(h + len + 8, CN.b, 16);
		send_raw6(g, t, &COA, &cn2, 60, h, len + 24, false, NULL);
	}
	if (B("MIP6-RH2-FORMAT")) {       /* Segments Left 0 */
		static const uint8_t rh[8] = { 59, 2, 2, 0, 0, 0, 0, 0 };
		memcpy(h, rh, 8);
		memcpy(h + 8, HOA.b, 16);
		send_raw6(g, t, &cn2, &COA, 43, h, 24, false, NULL);
	}
	struct mhx x;
	struct pkt6 pc = { .src = COA, .dst = cn2 };
	if (B("MIP6-MH-HDRLEN")) {        /* a CoTI (16 bytes) whose Header Len says 8 */
		mhx_init(&x, MW_MH_COTI);
		memcpy(x.mh.u.init.cookie, "careofc2", 8);
		x.set_hdr_len = 0;
		send_mh(g, t, &pc, &x);
	}
	if (B("MIP6-MH-TYPE-KNOWN")) {    /* MH Type 200 is unassigned */
		static const uint8_t fixed[2];
		mhx_init(&x, 200);
		x.fixed = fixed;
		x.fixed_len = 2;
		send_mh(g, t, &pc, &x);
	}
}

static const uint8_t bad12[12] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

static void home_bu(struct gen *g, const char *brk, double t, uint16_t seq,
		    uint16_t lifetime, bool first)
{
	struct mhx x;
	mhx_init(&x, MW_MH_BU);
	x.mh.u.bu.seq = seq;
	x.mh.u.bu.flags = MW_BU_A | MW_BU_H | MW_BU_K;
	x.mh.u.bu.lifetime = lifetime;
	struct pkt6 p = { .src = COA, .dst = HA, .hao = &HOA };
	if (first) {
		if (B("MIP6-BU-HOME-A")) x.mh.u.bu.flags &= ~MW_BU_A;
		if (B("MIP6-BU-HOME-HAO")) p.hao = NULL;
		if (B("MIP6-MSG-RESERVED")) x.mh.u.bu.flags |= 0x0001;
		if (B("MIP6-MH-RESERVED")) x.mh.reserved = 1;
		if (B("MIP6-MH-PAYLOAD-PROTO")) x.mh.payload_proto = 6;
		if (B("MIP6-MH-CHECKSUM") || B("MIP6-BA-NOT-DISCARDED")) x.bad_csum = true;
		if (B("MIP6-HAO-UNICAST")) p.hao = &LL;
		if (B("MIP6-BU-COA-UNICAST")) p.src = LL;
	}
	if (!(first && B("MIP6-BU-HOME-ALTCOA")))
		opt(&x, 3, B("MIP6-BU-COA-UNICAST") && first ? LL.b : COA.b, 16);
	if (first && B("MIP6-BU-HOME-NO-NONCE"))
		opt(&x, 4, "\0\1\0\2", 4);
	if (first && B("MIP6-OPT-CONTEXT"))
		opt(&x, 2, "\0\5", 2);
	if (first && B("MIP6-OPT-ALIGN")) {
		x.noalign = true;
	}
	if (first && B("MIP6-OPT-PADN-ZERO"))
		opt(&x, 1, "\1\0", 2);
	if (first && B("MIP6-BU-K-HOME"))
		x.mh.u.bu.flags &= (uint16_t)~MW_BU_H, x.mh.u.bu.flags |= MW_BU_K;
	send_mh(g, t, &p, &x);
}

static void home_ba(struct gen *g, const char *brk, double t, uint16_t seq,
		    uint16_t lifetime, bool first, uint8_t status)
{
	struct mhx x;
	uint8_t bra[2] = { 0, 50 };
	mhx_init(&x, MW_MH_BA);
	x.mh.u.ba.status = status;
	x.mh.u.ba.seq = seq;
	x.mh.u.ba.lifetime = lifetime;
	struct pkt6 p = { .src = HA, .dst = COA, .rh2 = &HOA };
	if (first) {
		if (B("MIP6-BA-SEQ")) x.mh.u.ba.seq = seq + 7;
		if (B("MIP6-BA-LIFETIME")) x.mh.u.ba.lifetime = lifetime + 10;
		if (B("MIP6-BA-STATUS-KNOWN")) x.mh.u.ba.status = 100;
		if (B("MIP6-BA-DEST")) p.rh2 = NULL;
		if (B("MIP6-BA-BRA-INTERVAL")) bra[1] = 200;
		if (B("MIP6-RH2-UNICAST")) p.rh2 = &LL;
	}
	if (lifetime)
		opt(&x, 2, bra, 2);
	else if (B("MIP6-BA-DEREG"))
		opt(&x, 2, bra, 2);
	if (!(first && B("MIP6-HA-BA-ALWAYS")))
		send_mh(g, t, &p, &x);
}

/* A passing capture for MIP6-BA-135-SEQ: the mobile node loses its state
 * (a restart the capture cannot show) and sends an old sequence number;
 * the correspondent answers status 135 with the last accepted sequence
 * number and the mobile node resumes above it. The MN's own
 * MIP6-BU-SEQ-INCREASE failure is expected (good-expected.txt). */
static void gen_mip6_resync(struct gen *g)
{
	struct mhx x;
	struct pkt6 pb = { .src = COA, .dst = CN, .hao = &HOA };
	struct pkt6 pa = { .src = CN, .dst = COA, .rh2 = &HOA };
	static const uint16_t bu_seq[3] = { 500, 20, 501 }, ba_seq[3] = { 500, 500, 501 };
	static const uint8_t st[3] = { 0, 135, 0 };
	for (int i = 0; i < 3; i++) {
		mhx_init(&x, MW_MH_BU);
		x.mh.u.bu.seq = bu_seq[i];
		x.mh.u.bu.flags = MW_BU_A;
		x.mh.u.bu.lifetime = 50;
		opt(&x, 4, "\0\1\0\2", 4);
		opt(&x, 5, bad12, 12);
		send_mh(g, 1 + 2 * i, &pb, &x);
		mhx_init(&x, MW_MH_BA);
		x.mh.u.ba.seq = ba_seq[i];
		x.mh.u.ba.status = st[i];
		x.mh.u.ba.lifetime = st[i] ? 0 : 50;
		opt(&x, 5, bad12, 12);
		send_mh(g, 1.1 + 2 * i, &pa, &x);
	}
	struct pkt6 last = { .src = CN, .dst = HOA };
	send_udp6(g, 40, &last);
}

void gen_mip6(struct gen *g, const char *brk)
{
	addrs();
	if (B("pass-mip6-resync")) {
		gen_mip6_resync(g);
		return;
	}
	/* DHAAD */
	struct pkt6 d = { .src = COA, .dst = B("MIP6-DHAAD-ANYCAST") ? HA : ANY_HA };
	struct mw_icmp6_mip_build_spec q = { .type = 144, .ident = 7 };
	if (B("MIP6-ICMP-CODE")) q.code = 1;
	if (B("MIP6-ICMP-RESERVED")) q.flags = 0x0001;
	send_icmp6(g, 0, &d, &q);
	struct pkt6 dr = { .src = HA, .dst = COA };
	struct mw_icmp6_mip_build_spec r = { .type = 145,
		.ident = B("MIP6-DHAAD-REPLY-ID") ? 8 : 7, .addrs = &HA, .n_addrs = 1 };
	send_icmp6(g, 0.1, &dr, &r);

	/* home registration */
	home_bu(g, brk, 1, 100, 100, true);
	if (B("MIP6-BU-RATE")) {
		home_bu(g, brk, 1.1, 103, 100, false);
		home_bu(g, brk, 1.2, 104, 100, false);
		home_bu(g, brk, 1.3, 105, 100, false);
	}
	if (B("MIP6-BU-BACKOFF")) {
		home_bu(g, brk, 3, 101, 100, false);
		home_bu(g, brk, 3.5, 102, 100, false);
		home_ba(g, brk, 3.6, 102, 100, false, 0);
	} else if (B("MIP6-BU-SEQ-INCREASE")) {
		home_bu(g, brk, 2.5, 100, 100, false);
		home_ba(g, brk, 2.6, 100, 100, false, 0);
	} else if (!B("MIP6-BU-RATE")) {
		home_ba(g, brk, 1.5, 100, 100, true, 0);
	} else {
		home_ba(g, brk, 1.5, 105, 100, false, 0);
	}

	/* mobile prefix discovery */
	struct pkt6 mps = { .src = COA, .dst = HA, .hao = B("MIP6-MPS-HAO") ? NULL : &HOA };
	struct mw_icmp6_mip_build_spec s = { .type = 146, .ident = 9 };
	send_icmp6(g, 2, &mps, &s);
	uint8_t pio[30] = { 64, 0xc0, 0, 0, 0x0e, 0x10, 0, 0, 0x07, 0x08, 0, 0, 0, 0 };
	memcpy(pio + 14, HOA.b, 16);
	memset(pio + 22, 0, 8);
	struct pkt6 mpa = { .src = HA, .dst = COA, .rh2 = B("MIP6-MPA-RH2") ? NULL : &HOA };
	uint8_t ndo[64];
	struct mw_wbuf nw;
	mw_wbuf_init(&nw, ndo, sizeof ndo);
	if (!B("MIP6-MPA-PIO"))
		mw_nd_opt_put(&nw, 3, pio, 30);
	struct mw_icmp6_mip_build_spec a = { .type = 147, .ident = B("MIP6-MPA-ID") ? 10 : 9,
		.nd_opts = ndo, .nd_opts_len = nw.len };
	send_icmp6(g, 2.1, &mpa, &a);
	if (B("MIP6-MPA-RATE"))
		send_icmp6(g, 2.5, &mpa, &a);

	/* return routability: HoTI / CoTI and their tests; the first HoTI
	 * gets no answer and is retransmitted with a new cookie */
	struct mhx x;
	static const uint8_t hc[8] = "homecook", cc[8] = "careofck";
	struct pkt6 ph = { .src = HOA, .dst = CN };
	mhx_init(&x, MW_MH_HOTI);
	memcpy(x.mh.u.init.cookie, "homeck-0", 8);
	send_mh(g, 2.2, &ph, &x);
	mhx_init(&x, MW_MH_HOTI);
	memcpy(x.mh.u.init.cookie, hc, 8);
	if (B("MIP6-MH-NO-HAO")) ph.src = COA, ph.hao = &HOA;
	send_mh(g, 3, &ph, &x);
	if (B("MIP6-RR-NEW-COOKIE"))
		send_mh(g, 3.05, &ph, &x);
	mhx_init(&x, MW_MH_COTI);
	memcpy(x.mh.u.init.cookie, cc, 8);
	struct pkt6 pc = { .src = COA, .dst = CN };
	send_mh(g, 3.01, &pc, &x);
	mhx_init(&x, MW_MH_HOT);
	memcpy(x.mh.u.test.cookie, B("MIP6-RR-HOT-COOKIE") ? cc : hc, 8);
	struct pkt6 pht = { .src = CN, .dst = HOA };
	if (B("MIP6-MH-NO-RH2")) pht.dst = COA, pht.rh2 = &HOA;
	send_mh(g, 3.1, &pht, &x);
	mhx_init(&x, MW_MH_COT);
	memcpy(x.mh.u.test.cookie, B("MIP6-RR-COT-COOKIE") ? hc : cc, 8);
	struct pkt6 pct = { .src = CN, .dst = COA };
	send_mh(g, 3.11, &pct, &x);

	/* a correspondent Binding Update with a stale care-of nonce index:
	 * rejected with status 137, without Binding Authorization Data */
	struct pkt6 pb = { .src = COA, .dst = CN, .hao = &HOA };
	mhx_init(&x, MW_MH_BU);
	x.mh.u.bu.seq = 199;
	x.mh.u.bu.flags = MW_BU_A;
	x.mh.u.bu.lifetime = 50;
	opt(&x, 4, "\0\1\0\0", 4);
	opt(&x, 5, bad12, 12);
	send_mh(g, 3.5, &pb, &x);
	mhx_init(&x, MW_MH_BA);
	x.mh.u.ba.seq = 199;
	x.mh.u.ba.status = 137;
	struct pkt6 pa137 = { .src = CN, .dst = COA, .rh2 = &HOA };
	send_mh(g, 3.6, &pa137, &x);

	/* correspondent registration */
	mhx_init(&x, MW_MH_BU);
	x.mh.u.bu.seq = 200;
	x.mh.u.bu.flags = MW_BU_A;
	x.mh.u.bu.lifetime = 50;
	if (!B("MIP6-BU-CN-NONCE"))
		opt(&x, 4, "\0\1\0\2", 4);
	if (!B("MIP6-BU-CN-BAD"))
		opt(&x, 5, bad12, 12);
	if (B("MIP6-OPT-BAD-LAST"))
		opt(&x, 3, COA.b, 16);
	if (B("MIP6-OPT-LEN")) {
		x.o[0].len = 3;
	}
	send_mh(g, 4, &pb, &x);
	if (!B("MIP6-CN-BA-WHEN-A")) {
		mhx_init(&x, MW_MH_BA);
		x.mh.u.ba.seq = 200;
		x.mh.u.ba.lifetime = 50;
		if (B("MIP6-BA-K-CN")) x.mh.u.ba.flags = MW_BA_K;
		opt(&x, 5, bad12, 12);
		struct pkt6 pa = { .src = CN, .dst = COA, .rh2 = &HOA };
		send_mh(g, 4.1, &pa, &x);
	}
	if (B("MIP6-BA-SEQ-WINDOW") || B("MIP6-BA-135-SEQ")) {
		/* an old sequence number while the binding exists */
		mhx_init(&x, MW_MH_BU);
		x.mh.u.bu.seq = 150;
		x.mh.u.bu.flags = MW_BU_A;
		x.mh.u.bu.lifetime = 50;
		opt(&x, 4, "\0\1\0\2", 4);
		opt(&x, 5, bad12, 12);
		send_mh(g, 4.5, &pb, &x);
		mhx_init(&x, MW_MH_BA);
		x.mh.u.ba.seq = 150;
		x.mh.u.ba.status = B("MIP6-BA-135-SEQ") ? 135 : 0;
		x.mh.u.ba.lifetime = 50;
		if (!B("MIP6-BA-135-SEQ"))
			opt(&x, 5, bad12, 12);
		struct pkt6 pa0 = { .src = CN, .dst = COA, .rh2 = &HOA };
		send_mh(g, 4.6, &pa0, &x);
	}
	struct pkt6 data = { .src = COA, .dst = CN, .hao = &HOA };
	send_udp6(g, 5, &data);

	/* mobile prefix discovery again, seconds later */
	s.ident = 11;
	send_icmp6(g, 7.5, &mps, &s);
	a.ident = 11;
	send_icmp6(g, 7.6, &mpa, &a);

	/* correspondent deregistration, then a packet with a HAO: Binding Error */
	mhx_init(&x, MW_MH_BU);
	x.mh.u.bu.seq = 201;
	x.mh.u.bu.flags = MW_BU_A;
	opt(&x, 4, "\0\1\0\0", 4);
	opt(&x, 5, bad12, 12);
	send_mh(g, 6, &pb, &x);
	mhx_init(&x, MW_MH_BA);
	x.mh.u.ba.seq = 201;
	x.mh.u.ba.status = B("MIP6-BA-BAD-NONCE") ? 136 : 0;
	opt(&x, 5, bad12, 12);
	struct pkt6 pa = { .src = CN, .dst = COA, .rh2 = &HOA };
	send_mh(g, 6.1, &pa, &x);
	send_udp6(g, 7, &data);
	if (!B("MIP6-BE-AFTER-HAO")) {
		mhx_init(&x, MW_MH_BE);
		x.mh.u.be.status = B("MIP6-BE-STATUS-KNOWN") ? 9 : 1;
		x.mh.u.be.hoa = B("MIP6-BE-HOA") ? COA : HOA;
		struct pkt6 pe = { .src = CN, .dst = COA };
		if (B("MIP6-BE-DST-UNICAST"))
			mw_in6_parse("ff02::1", &pe.dst);
		send_mh(g, 7.1, &pe, &x);
	}

	/* home re-registration: two Binding Updates get no answer, the
	 * retransmission timeout doubles (1 s, 2 s); then deregistration */
	home_bu(g, brk, 8, 110, 100, false);
	home_bu(g, brk, 9, 111, 100, false);
	home_bu(g, brk, 11, 112, 100, false);
	home_ba(g, brk, 11.1, 112, 100, false, 0);
	home_bu(g, brk, 12, 113, 0, false);
	home_ba(g, brk, 12.1, 113, 0, false, 0);

	/* NEMO: a mobile router's home registration */
	mhx_init(&x, MW_MH_BU);
	x.mh.u.bu.seq = 300;
	x.mh.u.bu.flags = MW_BU_A | MW_BU_H | MW_BU_R;
	if (B("NEMO-BU-R-H")) x.mh.u.bu.flags &= ~MW_BU_H;
	if (B("NEMO-BA-R")) x.mh.u.bu.flags &= ~MW_BU_R;
	x.mh.u.bu.lifetime = 100;
	uint8_t mnp[18] = { 0, 64 };
	mw_in6_parse("2001:db8:77::", (struct mw_in6 *)(mnp + 2));
	if (B("NEMO-MNP-RESERVED")) mnp[0] = 1;
	if (B("NEMO-MNP-PREFIXLEN")) mnp[1] = 200;
	opt(&x, 3, COA.b, 16);
	opt(&x, 6, mnp, B("NEMO-MNP-LEN") ? 17 : 18);
	if (B("NEMO-MNP-ALIGN"))
		x.noalign = true;
	struct pkt6 pm = { .src = COA, .dst = HA, .hao = &MR_HOA };
	send_mh(g, 10, &pm, &x);
	mhx_init(&x, MW_MH_BA);
	x.mh.u.ba.seq = 300;
	x.mh.u.ba.lifetime = 100;
	x.mh.u.ba.flags = MW_BA_R;
	struct pkt6 pma = { .src = HA, .dst = COA, .rh2 = &MR_HOA };
	send_mh(g, 10.1, &pma, &x);

	/* PMIPv6: registration, re-registration, deregistration */
	static uint8_t mnid[16] = { 1, 'm', 'n', '1', '@', 'e', 'x' };
	uint8_t hnp[18] = { 0, 64 };
	memcpy(hnp + 2, HNP.b, 16);
	for (int i = 0; i < 3; i++) {
		uint8_t hi[2] = { 0, i == 0 ? 1 : i == 1 ? 5 : 4 }, att[2] = { 0, 4 };
		if (i == 1 && B("PMIP6-PBU-REREG-HI")) hi[1] = 2;
		if (i == 2 && B("PMIP6-PBU-DEREG-HI")) hi[1] = 5;
		mhx_init(&x, MW_MH_BU);
		x.mh.u.bu.seq = (uint16_t)(400 + i);
		x.mh.u.bu.flags = MW_BU_A | MW_BU_H | MW_BU_P;
		if (i == 0 && B("PMIP6-PBU-A")) x.mh.u.bu.flags &= ~MW_BU_A;
		x.mh.u.bu.lifetime = i == 2 ? 0 : 100;
		if (!(i == 0 && B("PMIP6-PBU-MNID"))) opt(&x, 8, mnid, 8);
		if (!(i == 0 && B("PMIP6-PBU-HNP"))) opt(&x, 22, hnp, 18);
		if (!(i == 0 && B("PMIP6-PBU-HI"))) opt(&x, 23, hi, 2);
		if (!(i == 0 && B("PMIP6-PBU-ATT"))) opt(&x, 24, att, 2);
		struct pkt6 pp = { .src = MAG, .dst = LMA,
				   .hao = i == 0 && B("PMIP6-PBU-NO-HAO") ? &HOA : NULL };
		send_mh(g, 11 + i, &pp, &x);
		mhx_init(&x, MW_MH_BA);
		x.mh.u.ba.seq = (uint16_t)(400 + i);
		x.mh.u.ba.lifetime = i == 2 ? 0 : 100;
		x.mh.u.ba.flags = MW_BA_P;
		opt(&x, 8, mnid, 8);
		opt(&x, 22, hnp, 18);
		struct pkt6 pa2 = { .src = LMA, .dst = MAG };
		send_mh(g, 11.1 + i, &pa2, &x);
	}

	/* Neighbor Discovery with / without a type 2 routing header */
	{
		uint8_t buf[256];
		struct mw_wbuf w;
		struct mw_ip6_spec ip = { .src = HA, .dst = COA, .hlim = 255,
			.rh2 = B("MIP6-RH2-NOT-ND") ? &HOA : NULL };
		struct mw_ipctx c;
		mw_wbuf_init(&w, buf, sizeof buf);
		eth6(&w);
		mw_ip6_begin(&w, &ip, 58, &c);
		size_t io = mw_icmp6_begin(&w, 135, 0);
		mw_put_be32(&w, 0);
		mw_put_bytes(&w, COA.b, 16);
		mw_icmp6_end(&w, io, &c, MW_CSUM_COMPUTE);
		mw_ip6_end(&w, &c, &ip);
		gen_frame(g, 15, buf, w.len);
	}
	raw_headers(g, brk, 20);
	/* a last packet 30 s later: unanswered exchanges are judged */
	struct pkt6 last = { .src = CN, .dst = HOA };
	send_udp6(g, 40, &last);
}
