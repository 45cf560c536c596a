/* Deterministic Mobile IPv4 captures for the mipconform tests: one good
 * trace (MN -> FA -> HA registration with reverse tunnelling, tunnels,
 * re-registration after an FA reboot; a co-located UDP-tunnelled MN; a
 * co-located MN that retransmits with back-off; two spaced FA denials) and,
 * for each rule id, the same trace broken for that rule. */
#include <string.h>

#include "gen.h"

#define MN_HOA   0x0a010005u  /* 10.1.0.5 */
#define HA_ADDR  0x0a010001u  /* 10.1.0.1 */
#define HA2_ADDR 0x0a010002u
#define FA_ADDR  0xc0000201u  /* 192.0.2.1 */
#define CN_ADDR  0xc6336409u  /* 198.51.100.9 */
#define COL_HOA  0x0a010006u  /* co-located MN */
#define COL_COA  0xcb007105u  /* 203.0.113.5 */
#define RTX_HOA  0x0a010007u  /* co-located MN that retransmits */
#define RTX_COA  0xcb007107u
#define DEN_HOA  0x0a010008u  /* MN the foreign agent denies */

const uint8_t gen_mnha_key[16] = "mipkit-mnha-key!";
static const uint8_t fha_key[16] = "mipkit-faha-key!";
static const uint8_t mfa_key[16] = "mipkit-mnfa-key!";

/* ---- frame helpers ---- */

static void eth_for(struct mw_eth_spec *e)
{
	static const uint8_t a[6] = { 2, 0, 0, 0, 0, 1 }, b[6] = { 2, 0, 0, 0, 0, 2 };
	memset(e, 0, sizeof *e);
	memcpy(e->src, a, 6);
	memcpy(e->dst, b, 6);
}

struct v4 {
	uint32_t src, dst;
	uint8_t ttl;
	uint16_t sport, dport;
	int csum;          /* MW_CSUM_COMPUTE or a forced value */
};

static void udp4(struct gen *g, double t, const struct v4 *v,
		 const uint8_t *payload, size_t len)
{
	uint8_t buf[2048];
	struct mw_wbuf w;
	struct mw_eth_spec e;
	struct mw_ip4_spec ip = { .src = v->src, .dst = v->dst, .ttl = v->ttl ? v->ttl : 64 };
	struct mw_ipctx ctx;
	eth_for(&e);
	mw_wbuf_init(&w, buf, sizeof buf);
	mw_put_eth(&w, &e, 0x0800);
	mw_ip4_begin(&w, &ip, 17, &ctx);
	size_t u = mw_udp_begin(&w, v->sport, v->dport);
	mw_put_bytes(&w, payload, len);
	mw_udp_end(&w, u, &ctx, v->csum);
	mw_ip4_end(&w, &ctx, &ip);
	gen_frame(g, t, buf, w.len);
}

/* ---- registration messages ---- */

#define MAXX 8
struct reg {
	bool reply;
	uint8_t flags, code;
	uint16_t lifetime;
	uint32_t hoa, ha, coa;
	uint64_t ident;
	struct mw_mip4_ext_spec x[MAXX];
	size_t nx;
};

static void x_auth(struct reg *r, uint8_t type)
{
	struct mw_mip4_ext_spec *s = &r->x[r->nx++];
	memset(s, 0, sizeof *s);
	const uint8_t *k = type == 32 ? gen_mnha_key : type == 34 ? fha_key : mfa_key;
	mw_mip4_spec_auth(s, type, type == 32 ? 256 : type == 34 ? 300 : 400,
			  MW_AUTH_HMAC_MD5, k, 16);
}

static void x_raw(struct reg *r, uint8_t type, const uint8_t *data, size_t len)
{
	struct mw_mip4_ext_spec *s = &r->x[r->nx++];
	memset(s, 0, sizeof *s);
	s->type = type;
	s->data = data;
	s->len = len;
}

static size_t reg_bytes(const struct reg *r, uint8_t *buf, size_t cap)
{
	struct mw_wbuf w;
	struct mw_mip4 m = { 0 };
	mw_wbuf_init(&w, buf, cap);
	if (r->reply) {
		m.type = MW_MIP4_RRP;
		m.u.rrp.code = r->code;
		m.u.rrp.lifetime = r->lifetime;
		m.u.rrp.hoa = r->hoa;
		m.u.rrp.ha = r->ha;
		m.u.rrp.ident = r->ident;
	} else {
		m.type = MW_MIP4_RRQ;
		m.u.rrq.flags = r->flags;
		m.u.rrq.lifetime = r->lifetime;
		m.u.rrq.hoa = r->hoa;
		m.u.rrq.ha = r->ha;
		m.u.rrq.coa = r->coa;
		m.u.rrq.ident = r->ident;
	}
	mw_mip4_build(&w, &m, r->x, r->nx);
	return w.len;
}

static void send_reg(struct gen *g, double t, const struct v4 *v, const struct reg *r)
{
	uint8_t buf[1024];
	size_t n = reg_bytes(r, buf, sizeof buf);
	udp4(g, t, v, buf, n);
}

/* ---- agent discovery ---- */

struct adv {
	bool sol;
	uint8_t code, ttl;
	uint32_t src, dst;
	uint16_t seq, lifetime, reg_lifetime, flags;
	uint8_t n_coa;
	bool set_len;
	uint8_t maa_len;
	uint8_t n_plen;
	int npad;
};

static void send_adv(struct gen *g, double t, const struct adv *a)
{
	uint8_t buf[512];
	struct mw_wbuf w;
	struct mw_eth_spec e;
	struct mw_ip4_spec ip = { .src = a->src, .dst = a->dst, .ttl = a->ttl ? a->ttl : 1 };
	struct mw_ipctx ctx;
	uint32_t coa = FA_ADDR, rtr = FA_ADDR;
	uint8_t plens[2] = { 24, 24 };
	struct mw_mip4_ext_spec pad[2];
	struct mw_mip4_adv_spec s = {
		.solicitation = a->sol, .code = a->code, .lifetime = a->lifetime,
		.num_addrs = a->sol ? 0 : 1, .router_addrs = &rtr, .has_maa = !a->sol,
		.seq = a->seq, .reg_lifetime = a->reg_lifetime, .maa_flags = a->flags,
		.n_coa = a->n_coa, .coas = &coa, .set_maa_len = a->set_len,
		.maa_len = a->maa_len, .n_prefix_len = a->n_plen, .prefix_lens = plens,
	};
	memset(pad, 0, sizeof pad);
	eth_for(&e);
	mw_wbuf_init(&w, buf, sizeof buf);
	mw_put_eth(&w, &e, 0x0800);
	mw_ip4_begin(&w, &ip, 1, &ctx);
	mw_mip4_adv_build(&w, &s, pad, (size_t)a->npad);
	mw_ip4_end(&w, &ctx, &ip);
	gen_frame(g, t, buf, w.len);
}

/* ---- tunnels ---- */

/* outer IPv4 (proto 4 or GRE 47) around an inner UDP datagram; nest adds
 * a further IP-in-IP level inside (loop / broadcast cases). */
static void send_tunnel(struct gen *g, double t, uint32_t os, uint32_t od, bool gre,
			uint32_t is, uint32_t id, bool nest, uint32_t ns, uint32_t nd)
{
	uint8_t buf[512];
	struct mw_wbuf w;
	struct mw_eth_spec e;
	struct mw_ip4_spec o = { .src = os, .dst = od }, in = { .src = is, .dst = id },
			   nn = { .src = ns, .dst = nd };
	struct mw_ipctx c1, c2, c3;
	struct mw_gre_spec gs = { .proto = 0x0800 };
	size_t go = 0;
	eth_for(&e);
	mw_wbuf_init(&w, buf, sizeof buf);
	mw_put_eth(&w, &e, 0x0800);
	mw_ip4_begin(&w, &o, gre ? 47 : 4, &c1);
	if (gre)
		go = mw_gre_begin(&w, &gs);
	mw_ip4_begin(&w, &in, nest ? 4 : 17, &c2);
	if (nest)
		mw_ip4_begin(&w, &nn, 17, &c3);
	size_t u = mw_udp_begin(&w, 5000, 6000);
	mw_put_bytes(&w, "data", 4);
	mw_udp_end(&w, u, nest ? &c3 : &c2, MW_CSUM_COMPUTE);
	if (nest)
		mw_ip4_end(&w, &c3, &nn);
	mw_ip4_end(&w, &c2, &in);
	if (gre)
		mw_gre_end(&w, go, &gs);
	mw_ip4_end(&w, &c1, &o);
	gen_frame(g, t, buf, w.len);
}

/* MIP UDP tunnel data (RFC 3519): type 4, next header, reserved, inner IP */
static void send_udpt(struct gen *g, double t, uint16_t sport, uint8_t next,
		      uint16_t reserved, bool inner_rrq)
{
	uint8_t buf[512], inner[256];
	struct mw_wbuf w;
	struct mw_ip4_spec in = { .src = COL_HOA, .dst = CN_ADDR };
	struct mw_ipctx c;
	mw_wbuf_init(&w, buf, sizeof buf);
	mw_put_u8(&w, 4);
	mw_put_u8(&w, next);
	mw_put_be16(&w, reserved);
	mw_ip4_begin(&w, &in, 17, &c);
	size_t u = mw_udp_begin(&w, inner_rrq ? 4001 : 5000, inner_rrq ? 434 : 6000);
	if (inner_rrq) {
		struct reg r = { .flags = MW_RRQ_D, .lifetime = 100, .hoa = COL_HOA,
				 .ha = HA_ADDR, .coa = COL_COA, .ident = 77 };
		x_auth(&r, 32);
		size_t n = reg_bytes(&r, inner, sizeof inner);
		mw_put_bytes(&w, inner, n);
	} else {
		mw_put_bytes(&w, "data", 4);
	}
	mw_udp_end(&w, u, &c, MW_CSUM_COMPUTE);
	mw_ip4_end(&w, &c, &in);
	struct v4 v = { COL_COA, HA_ADDR, 64, sport, 434, MW_CSUM_COMPUTE };
	udp4(g, t, &v, buf, w.len);
}

/* ---- the trace ---- */

#define B(id) (brk && strcmp(brk, id) == 0)

static void registration(struct gen *g, const char *brk, double t, uint64_t ident,
			 uint16_t lifetime, bool second)
{
	uint8_t flags = MW_RRQ_T | MW_RRQ_B;
	uint32_t coa = FA_ADDR;
	if (second)
		flags |= MW_RRQ_G; /* GRE, which the agent advertises (G) */
	if (!second) {
		if (B("MIP4-RRQ-RESERVED")) flags |= MW_RRQ_r;
		if (B("MIP4-RT-EDS-T") || B("MIP4-RT-GRANTED")) flags &= ~MW_RRQ_T;
		if (B("MIP4-RRQ-ENCAP-ADV")) flags |= MW_RRQ_M;
		if (B("MIP4-FA-COA-77")) coa = FA_ADDR + 0x62;
		if (B("MIP4-TUN-BCAST")) flags &= ~MW_RRQ_B;
		if (B("MIP4-RRQ-LIFETIME-ADV")) lifetime = 900;
		if (B("MIP4-RRQ-RETRANS-MAX")) lifetime = 5;
	}
	static const uint8_t nai[] = "mn@example.net";
	/* MN -> FA */
	struct reg q = { .flags = flags, .lifetime = lifetime, .hoa = MN_HOA,
			 .ha = HA_ADDR, .coa = coa, .ident = ident };
	if (!second && B("MIP4-RRQ-AUTH-FIRST"))
		x_auth(&q, 33);
	if (!second && B("MIP4-RT-EDS-ORDER"))
		x_raw(&q, 130, NULL, 0);
	if (!second && B("MIP4-REG-EXT-KNOWN"))
		x_raw(&q, 100, nai, 4);
	if (!second && B("MIP4-UDPT-REQ-COLOC")) {
		static uint8_t body[8];
		size_t n = mw_mip4_udptun_req_body(body, sizeof body, 0, 4);
		x_raw(&q, 144, body, n);
	}
	if (!(!second && B("MIP4-RRQ-AUTH-PRESENT")))
		x_auth(&q, 32);
	if (!second && B("MIP4-REG-MHAE-ONCE"))
		x_auth(&q, 32);
	if (!second && B("MIP4-REG-AUTH-LEN")) {
		q.x[q.nx - 1].forced_auth = (const uint8_t *)"";
		q.x[q.nx - 1].forced_auth_len = 0;
		q.x[q.nx - 1].alg = 0;
		q.x[q.nx - 1].auth_len = 0;
	}
	if (!second && B("MIP4-REG-AUTH-MNHA"))
		q.x[q.nx - 1].key = (const uint8_t *)"wrong-key-wrong!";
	if (!(!second && (B("MIP4-RT-EDS-ORDER") || B("MIP4-RT-GRANTED"))))
		x_raw(&q, 130, NULL, 0);
	if (!second && B("MIP4-REG-WELLFORMED")) {
		x_raw(&q, 131, nai, sizeof nai - 1);
		q.x[q.nx - 1].set_len = true;
		q.x[q.nx - 1].len_field = 200;
	}
	if (!(!second && B("MIP4-RRQ-AUTH-FIRST")))
		x_auth(&q, 33);
	if (!second && B("MIP4-REG-AUTH-MNFA"))
		q.x[q.nx - 1].key = (const uint8_t *)"wrong-key-wrong!";
	if (!second && B("MIP4-REG-MFAE-ONCE"))
		x_auth(&q, 33);
	if (!second && B("MIP4-RRQ-EXT-ORDER"))
		x_raw(&q, 131, nai, sizeof nai - 1);
	struct v4 v = { MN_HOA, FA_ADDR, 255, 4000, 434, MW_CSUM_COMPUTE };
	if (!second && B("MIP4-RT-TTL")) v.ttl = 64;
	if (!second && B("MIP4-REG-CSUM-NONZERO")) v.csum = 0;
	if (!second && B("MIP4-REG-CSUM-VALID")) v.csum = 0x1234;
	send_reg(g, t, &v, &q);
	if (!second && B("MIP4-RRQ-BACKOFF")) {
		send_reg(g, t + 2, &v, &q);
		send_reg(g, t + 3, &v, &q);
		t += 3;
	}
	if (!second && B("MIP4-RRQ-RETRANS-MAX")) {
		send_reg(g, t + 7, &v, &q);
		t += 7;
	}
	if (!second && B("MIP4-RRQ-RATE")) {
		struct reg q2 = q;
		q2.ident = ident + 5;
		send_reg(g, t + 0.3, &v, &q2);
		t += 0.3;
		q = q2;
	}
	if (!second && B("MIP4-REG-CSUM-VALID"))
		return; /* discarded: nothing follows */
	if (!second && B("MIP4-TUN-BINDING"))
		send_tunnel(g, t + 0.005, HA_ADDR, FA_ADDR, false, CN_ADDR, MN_HOA, false, 0, 0);

	/* FA -> HA: the MN's bytes through the MN-HA authentication, then FHAE */
	struct reg rq = q;
	rq.nx = 0;
	for (size_t i = 0; i < q.nx; i++) {
		if (q.x[i].type == 33 && !(!second && B("MIP4-FA-RELAY-NO-MFAE")))
			continue;
		if (q.x[i].type == 130 || q.x[i].type == 131 || q.x[i].type == 100)
			if (!(!second && (B("MIP4-REG-EXT-KNOWN") || B("MIP4-RT-EDS-ORDER"))))
				continue;
		rq.x[rq.nx++] = q.x[i];
	}
	if (!second && B("MIP4-FA-RELAY-RRQ"))
		rq.lifetime = lifetime - 1;
	x_auth(&rq, 34);
	if (!second && B("MIP4-REG-AUTH-FAHA"))
		rq.x[rq.nx - 1].key = (const uint8_t *)"wrong-key-wrong!";
	if (!second && B("MIP4-REG-FHAE-ONCE"))
		x_auth(&rq, 34);
	struct v4 rv = { q.coa, HA_ADDR, 64, 434, 434, MW_CSUM_COMPUTE };
	if (!second && B("MIP4-FA-RELAY-ADDRS"))
		rv.dst = HA2_ADDR;
	if (!second && B("MIP4-FA-COA-77"))
		rv.src = q.coa;
	send_reg(g, t + 0.01, &rv, &rq);

	/* HA -> FA */
	struct reg p = { .reply = true, .code = 0, .lifetime = lifetime, .hoa = MN_HOA,
			 .ha = HA_ADDR, .ident = q.ident };
	if (!second && B("MIP4-RRP-LIFETIME")) p.lifetime = 900;
	if (!second && B("MIP4-RRP-IDENT")) p.ident = q.ident + 1000;
	if (!second && B("MIP4-RRP-CODE-KNOWN")) p.code = 60;
	if (!second && B("MIP4-RRP-HA-UNICAST")) p.ha = 0xffffffffu;
	if (!second && B("MIP4-RRP-HA-COPY")) p.ha = HA2_ADDR;
	if (!second && B("MIP4-RRP-HOA")) p.hoa = MN_HOA + 1;
	if (!(!second && B("MIP4-RRP-AUTH-PRESENT")))
		x_auth(&p, 32);
	x_auth(&p, 34);
	struct v4 pv = { HA_ADDR, rv.src, 64, 434, 434, MW_CSUM_COMPUTE };
	if (!second && B("MIP4-RRP-SRC-UNICAST")) pv.src = 0xe0000005u;
	if (!second && B("MIP4-RRP-PORTS")) pv.dport = 435;
	send_reg(g, t + 0.02, &pv, &p);

	/* FA -> MN: the HA's bytes through the MN-HA auth, then MFAE */
	struct reg pm = p;
	pm.nx = 0;
	for (size_t i = 0; i < p.nx; i++)
		if (p.x[i].type != 34)
			pm.x[pm.nx++] = p.x[i];
	if (!second && B("MIP4-FA-RELAY-RRP"))
		pm.lifetime = p.lifetime - 1;
	if (!second && B("MIP4-FA-COA-77"))
		pm.code = 0;
	x_auth(&pm, 33);
	if (!second && B("MIP4-RRP-EXT-ORDER"))
		x_raw(&pm, 131, nai, sizeof nai - 1);
	struct v4 mv = { FA_ADDR, MN_HOA, 64, 434, 4000, MW_CSUM_COMPUTE };
	if (!second && B("MIP4-RRP-ADDRS")) mv.dst = MN_HOA + 0x40;
	send_reg(g, t + 0.03, &mv, &pm);
}

void gen_mip4(struct gen *g, const char *brk)
{
	struct adv a = { .src = FA_ADDR, .dst = 0xe0000001u, .lifetime = 30,
			 .reg_lifetime = 600, .n_coa = 1,
			 .flags = MW_MAA_R | MW_MAA_B | MW_MAA_F | MW_MAA_T | MW_MAA_G };
	/* the first advertisement says busy (B, with F); later ones do not */
	if (B("MIP4-ADV-TTL")) a.ttl = 2;
	if (B("MIP4-ADV-DST")) a.dst = 0xe0000002u;
	if (B("MIP4-ADV-CODE")) a.code = 5;
	if (B("MIP4-ADV-MAA-LEN")) a.set_len = true, a.maa_len = 12;
	if (B("MIP4-ADV-F-COA")) a.n_coa = 0;
	if (B("MIP4-ADV-B-F")) a.flags = MW_MAA_H | MW_MAA_B;
	if (B("MIP4-ADV-F-OR-H")) a.flags = MW_MAA_T;
	if (B("MIP4-ADV-R-F")) a.flags = MW_MAA_H | 0x8000;
	if (B("MIP4-ADV-RESERVED")) a.flags |= 0x0001;
	a.n_plen = B("MIP4-ADV-PLEN-LEN") ? 2 : 1;
	a.npad = B("MIP4-ADV-PAD") ? 2 : 1;
	send_adv(g, 0, &a);
	a.flags &= (uint16_t)~MW_MAA_B;

	struct adv s = { .sol = true, .src = MN_HOA, .dst = 0xe000000bu };
	if (B("MIP4-SOL-TTL")) s.ttl = 64;
	send_adv(g, 0.5, &s);
	send_adv(g, B("MIP4-SOL-BACKOFF") ? 0.7 : 1.5, &s);
	a.seq = B("MIP4-ADV-SEQ") ? 0 : 1;
	send_adv(g, 2, &a);

	registration(g, brk, 3, 0x1000, B("MIP4-REREG-BEFORE-EXPIRY") ? 100 : 300, false);
	if (B("MIP4-REG-CSUM-VALID"))
		return;

	/* tunnels: HA -> FA and the reverse tunnel FA -> HA */
	uint32_t os = B("MIP4-TUN-SRC") ? HA2_ADDR : HA_ADDR;
	send_tunnel(g, 4, os, FA_ADDR, B("MIP4-TUN-ENCAP"), CN_ADDR, MN_HOA, false, 0, 0);
	send_tunnel(g, 4.5, HA_ADDR, FA_ADDR, false, HA_ADDR, MN_HOA, true, CN_ADDR, 0xffffffffu);
	if (B("MIP4-TUN-LOOP"))
		send_tunnel(g, 4.6, HA_ADDR, FA_ADDR, false, FA_ADDR, MN_HOA, true, CN_ADDR, MN_HOA);
	send_tunnel(g, 5, B("MIP4-RT-ADDRS") ? FA_ADDR + 0x30 : FA_ADDR, HA_ADDR, false,
		    MN_HOA, CN_ADDR, false, 0, 0);

	/* the advertisement at 2 s and the registration ended that search: a
	 * new one at the initial rate, ended by a unicast advertisement (not
	 * sent when broken: the solicitation at 8.6 s then does not back off),
	 * and another */
	for (int i = 0; i < 3; i++)
		send_adv(g, 6 + i, &s);
	struct adv u = a;
	u.dst = MN_HOA;
	u.seq = 2;
	if (!B("MIP4-SOL-BACKOFF"))
		send_adv(g, 8.1, &u);
	send_adv(g, 8.6, &s);

	/* periodic advertisements; the FA reboots at 150 s */
	for (int i = 1; i <= 14; i++) {
		a.seq = (uint16_t)(2 + i);
		if (B("MIP4-ADV-INTERVAL") && i == 2)
			continue; /* 20 s gap with a 30 s Lifetime */
		send_adv(g, 10.0 * i, &a);
	}
	a.seq = 0;
	send_adv(g, 150, &a);

	/* FA-originated request nobody sent */
	if (B("MIP4-FA-ORIGINATE")) {
		struct reg q = { .flags = 0, .lifetime = 100, .hoa = MN_HOA, .ha = HA_ADDR,
				 .coa = FA_ADDR, .ident = 0x9999 };
		x_auth(&q, 32);
		struct v4 v = { FA_ADDR, HA_ADDR, 64, 434, 434, MW_CSUM_COMPUTE };
		send_reg(g, 100, &v, &q);
	}
	if (B("MIP4-RRP-UNSOLICITED")) {
		struct reg p = { .reply = true, .code = 0, .lifetime = 100,
				 .hoa = MN_HOA + 0x50, .ha = HA_ADDR, .ident = 5 };
		x_auth(&p, 32);
		struct v4 v = { HA_ADDR, FA_ADDR, 64, 434, 434, MW_CSUM_COMPUTE };
		send_reg(g, 101, &v, &p);
	}
	if (B("MIP4-FA-DENIAL-RATE")) {
		struct reg p = { .reply = true, .code = 65, .lifetime = 300,
				 .hoa = MN_HOA, .ha = HA_ADDR, .ident = 0x1000 };
		struct v4 v = { FA_ADDR, MN_HOA, 64, 434, 4000, MW_CSUM_COMPUTE };
		send_reg(g, 102, &v, &p);
		send_reg(g, 102.5, &v, &p);
	}

	/* re-registration after the reboot (within the advertisement lifetime) */
	double t2 = B("MIP4-REBOOT-REREG") ? 200 : 160;
	registration(g, brk, t2, B("MIP4-RRQ-IDENT-NEW") ? 0x1000 : 0x2000, 300, true);

	/* a co-located mobile node registering directly, with UDP tunnelling */
	struct reg q = { .flags = MW_RRQ_D, .lifetime = 300, .hoa = COL_HOA,
			 .ha = HA_ADDR, .coa = COL_COA, .ident = 0x3000 };
	static uint8_t ureq[8], urep[8];
	size_t nreq = mw_mip4_udptun_req_body(ureq, sizeof ureq, 0, 4);
	size_t nrep = mw_mip4_udptun_reply_body(urep, sizeof urep, 0, false, 30);
	if (B("MIP4-UDPT-REPLY-FORMAT"))
		urep[2] |= 0x01;
	if (!B("MIP4-UDPT-REQ-ORDER"))
		x_raw(&q, 144, ureq, nreq);
	x_auth(&q, 32);
	if (B("MIP4-UDPT-REQ-ORDER"))
		x_raw(&q, 144, ureq, nreq);
	struct v4 v = { COL_COA, HA_ADDR, 64, 4100, 434, MW_CSUM_COMPUTE };
	if (B("MIP4-RRQ-SRC-COLOC"))
		v.src = COL_HOA;
	send_reg(g, 170, &v, &q);
	struct reg p = { .reply = true, .code = 0, .lifetime = 300, .hoa = COL_HOA,
			 .ha = HA_ADDR, .ident = 0x3000 };
	if (!B("MIP4-UDPT-ACCEPTED"))
		x_raw(&p, 44, urep, nrep);
	x_auth(&p, 32);
	struct v4 pv = { HA_ADDR, v.src, 64, 434, 4100, MW_CSUM_COMPUTE };
	send_reg(g, 170.1, &pv, &p);
	send_udpt(g, 171, B("MIP4-UDPT-SRC-PORT") ? 4101 : 4100,
		  B("MIP4-UDPT-DATA-NEXT") ? 99 : 4,
		  B("MIP4-UDPT-DATA-RESERVED") ? 1 : 0, B("MIP4-UDPT-NO-REG"));

	/* a co-located mobile node whose first requests get no reply: it
	 * retransmits after 1 s, then 2 s (back-off), within the Lifetime */
	{
		struct reg r = { .flags = MW_RRQ_D, .lifetime = 300, .hoa = RTX_HOA,
				 .ha = HA_ADDR, .coa = RTX_COA, .ident = 0x6000 };
		static const uint8_t rtx_nai[] = "rtx@example.net";
		x_raw(&r, 131, rtx_nai, sizeof rtx_nai - 1);  /* MN-NAI: a keys selector */
		x_auth(&r, 32);
		struct v4 rv = { RTX_COA, HA_ADDR, 64, 4300, 434, MW_CSUM_COMPUTE };
		send_reg(g, 172, &rv, &r);
		send_reg(g, 173, &rv, &r);
		send_reg(g, 175, &rv, &r);
		struct reg rp = { .reply = true, .code = 0, .lifetime = 300, .hoa = RTX_HOA,
				  .ha = HA_ADDR, .ident = 0x6000 };
		x_auth(&rp, 32);
		struct v4 rpv = { HA_ADDR, RTX_COA, 64, 434, 4300, MW_CSUM_COMPUTE };
		send_reg(g, 175.1, &rpv, &rp);
	}
	/* the foreign agent denies a mobile node twice (insufficient
	 * resources), 1.5 s apart: within its one-denial-per-second limit */
	for (int i = 0; i < 2; i++) {
		double t = 176 + 1.5 * i;
		struct reg r = { .flags = MW_RRQ_T, .lifetime = 300, .hoa = DEN_HOA,
				 .ha = HA_ADDR, .coa = FA_ADDR, .ident = 0x7000u + (unsigned)i };
		x_auth(&r, 32);
		x_auth(&r, 33);
		struct v4 rv = { DEN_HOA, FA_ADDR, 255, 4400, 434, MW_CSUM_COMPUTE };
		send_reg(g, t, &rv, &r);
		struct reg rp = { .reply = true, .code = 66, .lifetime = 300, .hoa = DEN_HOA,
				  .ha = HA_ADDR, .ident = r.ident };
		x_auth(&rp, 33);
		struct v4 rpv = { FA_ADDR, DEN_HOA, 64, 434, 4400, MW_CSUM_COMPUTE };
		send_reg(g, t + 0.01, &rpv, &rp);
	}

	/* a mobile node without a home address, and a multicast request */
	struct reg z = { .lifetime = 300, .hoa = 0, .ha = HA_ADDR, .coa = FA_ADDR,
			 .ident = 0x4000 };
	x_auth(&z, 32);
	struct v4 zv = { B("MIP4-RRQ-SRC-NOHOA") ? 0x0a0a0a0au : 0, 0xe000000bu,
			 B("MIP4-RRQ-TTL-ALLAGENTS") ? 64 : 1, 4200, 434, MW_CSUM_COMPUTE };
	send_reg(g, 180, &zv, &z);

	/* deregistration relayed by the FA (no FHAE) */
	struct reg d = { .lifetime = 0, .hoa = MN_HOA, .ha = HA_ADDR, .coa = FA_ADDR,
			 .ident = 0x5000 };
	x_auth(&d, 32);
	struct v4 mdv = { MN_HOA, FA_ADDR, 64, 4000, 434, MW_CSUM_COMPUTE };
	send_reg(g, 190, &mdv, &d);
	if (B("MIP4-RRQ-FHAE-DEREG"))
		x_auth(&d, 34);
	struct v4 dv = { FA_ADDR, HA_ADDR, 64, 434, 434, MW_CSUM_COMPUTE };
	send_reg(g, 190.01, &dv, &d);
}
