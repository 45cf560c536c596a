/* MIPv6 sample: home agent discovery (RA with the H bit, DHAAD), home
 * registration (BU with HAO and Alternate CoA, BA with type 2 RH), mobile
 * prefix discovery, bidirectional tunnelling, return routability and route
 * optimisation with a correspondent (Nonce Indices + BAD, Kcn in
 * samples.keys), binding refresh request, binding error, deregistration. */
#include <string.h>

#include "scene.h"

static struct mw_in6 HA, HOA, COA, CN, HA_LL, ALL_NODES, HA_ANYCAST;
static const uint8_t kcn[20] = "mipkit-cn-kcn-secret";
static const uint8_t home_nonce[8] = { 1, 1, 2, 3, 5, 8, 13, 21 };
static const uint8_t coa_nonce[8] = { 2, 7, 1, 8, 2, 8, 1, 8 };

static void addrs(void)
{
	mw_in6_parse("2001:db8:1::1", &HA);
	mw_in6_parse("2001:db8:1::10", &HOA);
	mw_in6_parse("2001:db8:2::10", &COA);
	mw_in6_parse("2001:db8:3::50", &CN);
	mw_in6_parse("fe80::3", &HA_LL);
	mw_in6_parse("ff02::1", &ALL_NODES);
	/* RFC 2526 subnet anycast, ID 126 (Mobile IPv6 home agents) */
	mw_in6_parse("2001:db8:1::fdff:ffff:ffff:fffe", &HA_ANYCAST);
}

static const struct mw_eth_spec eth_ha_all = { .dst = { 0x33, 0x33, 0, 0, 0, 1 },
					       .src = { 2, 0, 0, 0, 0, 3 } };

/* A prefix information option body (RFC 4861 4.6.2) with the R bit. */
static size_t prefix_info(uint8_t *b, const struct mw_in6 *prefix)
{
	memset(b, 0, 30);
	b[0] = 64;                          /* prefix length */
	b[1] = 0x80 | 0x40 | MW_PI_R;       /* L, A, R */
	b[2] = 0; b[3] = 0; b[4] = 0x1c; b[5] = 0x20;   /* valid 7200 */
	b[6] = 0; b[7] = 0; b[8] = 0x0e; b[9] = 0x10;   /* preferred 3600 */
	memcpy(b + 14, prefix->b, 16);
	return 30;
}

static void router_advert(struct scene *s)
{
	uint8_t body[256], pi[30];
	struct mw_wbuf w;
	struct mw_ip6_spec ip = { .src = HA_LL, .dst = ALL_NODES, .hlim = 255 };
	uint8_t ha_info[6] = { 0, 0, 0, 10, 0x07, 0x08 };  /* pref 10, lifetime 1800 */
	uint8_t adv_int[6] = { 0, 0, 0, 0, 0x0b, 0xb8 };   /* 3000 ms */

	mw_wbuf_init(&w, body, sizeof(body));
	mw_put_u8(&w, 64);                  /* cur hop limit */
	mw_put_u8(&w, MW_RA_H);             /* M O H */
	mw_put_be16(&w, 1800);              /* router lifetime */
	mw_put_be32(&w, 0);
	mw_put_be32(&w, 0);
	prefix_info(pi, &HA);
	mw_nd_opt_put(&w, MW_ND_PREFIX_INFO, pi, sizeof(pi));
	mw_nd_opt_put(&w, MW_ND_ADV_INTERVAL, adv_int, sizeof(adv_int));
	mw_nd_opt_put(&w, MW_ND_HA_INFO, ha_info, sizeof(ha_info));
	{
		uint8_t f[512];
		size_t n = 0;

		if (mw_frame_icmp6(f, sizeof(f), &eth_ha_all, &ip, 134, 0,
				   body, w.len, &n) != MW_OK || w.overflow)
			s->failed = true;
		scene_frame(s, f, n);
	}
}

static void icmp6_mip(struct scene *s, const struct mw_eth_spec *eth,
		      const struct mw_ip6_spec *ip,
		      struct mw_icmp6_mip_build_spec *b)
{
	uint8_t m[512];
	struct mw_wbuf w;

	mw_wbuf_init(&w, m, sizeof(m));
	if (mw_icmp6_mip_build(&w, b) != MW_OK)
		s->failed = true;
	put_ip6(s, eth, ip, 58, m, w.len);
}

static void dhaad_and_prefixes(struct scene *s)
{
	struct mw_ip6_spec req = { .src = COA, .dst = HA_ANYCAST };
	struct mw_ip6_spec rep = { .src = HA, .dst = COA };
	struct mw_icmp6_mip_build_spec b = { .type = 144, .ident = 0x4242 };
	struct mw_ip6_spec mps = { .src = COA, .dst = HA, .hao = &HOA };
	struct mw_ip6_spec mpa = { .src = HA, .dst = COA, .rh2 = &HOA };
	uint8_t opts[64], pi[30];
	struct mw_wbuf w;

	icmp6_mip(s, &eth_mn_ha, &req, &b);
	scene_wait(s, 3);
	b = (struct mw_icmp6_mip_build_spec){ .type = 145, .ident = 0x4242,
					      .addrs = &HA, .n_addrs = 1 };
	icmp6_mip(s, &eth_ha_mn, &rep, &b);
	scene_wait(s, 400);
	b = (struct mw_icmp6_mip_build_spec){ .type = 146, .ident = 7 };
	icmp6_mip(s, &eth_mn_ha, &mps, &b);
	scene_wait(s, 3);
	mw_wbuf_init(&w, opts, sizeof(opts));
	prefix_info(pi, &HA);
	mw_nd_opt_put(&w, MW_ND_PREFIX_INFO, pi, sizeof(pi));
	b = (struct mw_icmp6_mip_build_spec){ .type = 147, .ident = 7,
		.nd_opts = opts, .nd_opts_len = w.len };
	icmp6_mip(s, &eth_ha_mn, &mpa, &b);
}

/* Build an MH into m; returns its length (0 on failure). */
static size_t mh(uint8_t *m, size_t cap, const struct mw_mh *h,
		 const struct mw_mh_opt_spec *o, size_t n)
{
	struct mw_wbuf w;
	struct mw_mh_build_spec b = { .mh = h, .opts = o, .n_opts = n,
				      .align = true };

	mw_wbuf_init(&w, m, cap);
	return mw_mh_build(&w, &b) == MW_OK ? w.len : 0;
}

static void home_registration(struct scene *s, uint16_t seq, uint16_t lifetime)
{
	uint8_t m[256], bra[2] = { 0, 100 };
	struct mw_mh h;
	struct mw_mh_opt_spec alt = { .type = 3, .data = COA.b, .len = 16 };
	struct mw_mh_opt_spec refresh = { .type = 2, .data = bra, .len = 2 }; /* BRA */
	struct mw_ip6_spec bu = { .src = COA, .dst = HA, .hao = &HOA };
	struct mw_ip6_spec ba = { .src = HA, .dst = COA, .rh2 = &HOA };
	size_t n;

	mw_mh_init(&h, MW_MH_BU);
	h.u.bu = (struct mw_mh_bu){ .seq = seq, .flags = MW_BU_A | MW_BU_H,
				    .lifetime = lifetime };
	n = mh(m, sizeof(m), &h, &alt, 1);
	put_ip6(s, &eth_mn_ha, &bu, MW_IPPROTO_MH, m, n);
	scene_wait(s, 12);
	mw_mh_init(&h, MW_MH_BA);
	h.u.ba = (struct mw_mh_ba){ .status = 0, .seq = seq, .lifetime = lifetime };
	n = mh(m, sizeof(m), &h, &refresh, lifetime ? 1 : 0);
	put_ip6(s, &eth_ha_mn, &ba, MW_IPPROTO_MH, m, n);
}

static void tunnelled_ping(struct scene *s)
{
	uint8_t inner[256];
	struct mw_ip6_spec out = { .src = HA, .dst = COA };
	struct mw_ip6_spec back = { .src = COA, .dst = HA };
	size_t n;

	n = make_ping6(inner, sizeof(inner), &CN, &HOA, false, 1);
	put_ip6(s, &eth_ha_mn, &out, 41, inner, n);
	n = make_ping6(inner, sizeof(inner), &HOA, &CN, true, 1);
	put_ip6(s, &eth_mn_ha, &back, 41, inner, n);
}

static void return_routability(struct scene *s, uint8_t kbm[20])
{
	uint8_t m[256], inner[512], hk[8], ck[8];
	struct mw_mh h;
	size_t n;
	struct mw_ip6_spec hoti_in = { .src = HOA, .dst = CN };
	struct mw_ip6_spec tun_up = { .src = COA, .dst = HA };
	struct mw_ip6_spec tun_down = { .src = HA, .dst = COA };
	struct mw_ip6_spec coti = { .src = COA, .dst = CN };
	struct mw_ip6_spec hot_in = { .src = CN, .dst = HOA };
	struct mw_ip6_spec cot = { .src = CN, .dst = COA };
	static const uint8_t hcookie[8] = "homecook", ccookie[8] = "coacooki";

	/* HoTI: reverse-tunnelled to the HA, then HA -> CN */
	mw_mh_init(&h, MW_MH_HOTI);
	memcpy(h.u.init.cookie, hcookie, 8);
	n = mh(m, sizeof(m), &h, NULL, 0);
	{
		uint8_t f[512];
		size_t k = 0;

		mw_frame_ip6(f, sizeof(f), NULL, &hoti_in, MW_IPPROTO_MH, m, n, &k);
		memcpy(inner, f, k);
		put_ip6(s, &eth_mn_ha, &tun_up, 41, inner, k);
		scene_wait(s, 1);
		put_ip6(s, &eth_ha_cn, &hoti_in, MW_IPPROTO_MH, m, n);
	}
	/* CoTI: direct */
	mw_mh_init(&h, MW_MH_COTI);
	memcpy(h.u.init.cookie, ccookie, 8);
	n = mh(m, sizeof(m), &h, NULL, 0);
	put_ip6(s, &eth_mn_ha, &coti, MW_IPPROTO_MH, m, n);
	scene_wait(s, 20);

	mw_rr_keygen(kcn, &HOA, home_nonce, false, hk);
	mw_rr_keygen(kcn, &COA, coa_nonce, true, ck);
	mw_rr_kbm(hk, ck, kbm);
	/* HoT: CN -> HoA (to the home link), tunnelled by the HA */
	mw_mh_init(&h, MW_MH_HOT);
	h.u.test.nonce_index = 3;
	memcpy(h.u.test.cookie, hcookie, 8);
	memcpy(h.u.test.keygen, hk, 8);
	n = mh(m, sizeof(m), &h, NULL, 0);
	put_ip6(s, &eth_cn_ha, &hot_in, MW_IPPROTO_MH, m, n);
	{
		uint8_t f[512];
		size_t k = 0;

		mw_frame_ip6(f, sizeof(f), NULL, &hot_in, MW_IPPROTO_MH, m, n, &k);
		put_ip6(s, &eth_ha_mn, &tun_down, 41, f, k);
	}
	/* CoT: direct */
	mw_mh_init(&h, MW_MH_COT);
	h.u.test.nonce_index = 4;
	memcpy(h.u.test.cookie, ccookie, 8);
	memcpy(h.u.test.keygen, ck, 8);
	n = mh(m, sizeof(m), &h, NULL, 0);
	put_ip6(s, &eth_ha_mn, &cot, MW_IPPROTO_MH, m, n);
}

static void route_optimisation(struct scene *s, const uint8_t kbm[20])
{
	uint8_t m[256], idx[4] = { 0, 3, 0, 4 }, zero12[12] = { 0 };
	struct mw_mh h;
	struct mw_mh_opt_spec o[2] = {
		{ .type = 4, .data = idx, .len = 4 },     /* Nonce Indices */
		{ .type = 5, .data = zero12, .len = 12 }, /* BAD, filled below */
	};
	struct mw_ip6_spec bu = { .src = COA, .dst = CN, .hao = &HOA };
	struct mw_ip6_spec ba = { .src = CN, .dst = COA, .rh2 = &HOA };
	size_t n;

	mw_mh_init(&h, MW_MH_BU);
	h.u.bu = (struct mw_mh_bu){ .seq = 20, .flags = MW_BU_A, .lifetime = 100 };
	n = mh(m, sizeof(m), &h, o, 2);
	if (mw_mh_bad_fill(m, n, kbm, &COA, &CN, &HOA, &CN) != MW_OK)
		s->failed = true;
	put_ip6(s, &eth_mn_ha, &bu, MW_IPPROTO_MH, m, n);
	scene_wait(s, 10);
	mw_mh_init(&h, MW_MH_BA);
	h.u.ba = (struct mw_mh_ba){ .status = 0, .seq = 20, .lifetime = 100 };
	n = mh(m, sizeof(m), &h, &o[1], 1);
	if (mw_mh_bad_fill(m, n, kbm, &COA, &CN, &CN, &HOA) != MW_OK)
		s->failed = true;
	put_ip6(s, &eth_ha_mn, &ba, MW_IPPROTO_MH, m, n);
	scene_wait(s, 30);

	/* route-optimised traffic: HAO one way, type 2 RH the other (RFC 6275 6.3, 6.4) */
	{
		struct mw_ip6_spec out = { .src = COA, .dst = CN, .hao = &HOA };
		struct mw_ip6_spec in = { .src = CN, .dst = COA, .rh2 = &HOA };
		uint8_t body[64] = { 0x12, 0x34, 0, 1 };

		{
			uint8_t f[512];
			size_t k = 0;

			mw_frame_icmp6(f, sizeof(f), &eth_mn_ha, &out, 128, 0,
				       body, 24, &k);
			scene_frame(s, f, k);
			mw_frame_icmp6(f, sizeof(f), &eth_ha_mn, &in, 129, 0,
				       body, 24, &k);
			scene_frame(s, f, k);
		}
	}
	/* binding refresh request from the CN (RFC 6275 6.1.2) */
	mw_mh_init(&h, MW_MH_BRR);
	n = mh(m, sizeof(m), &h, NULL, 0);
	{
		/* to the home address, without a type 2 RH (RFC 6275 6.1: only
		 * a BA may carry one): the home agent tunnels it */
		struct mw_ip6_spec brr = { .src = CN, .dst = HOA };

		put_ip6(s, &eth_cn_ha, &brr, MW_IPPROTO_MH, m, n);
	}
	scene_wait(s, 5);
	/* binding error: the CN saw a HAO it has no binding for (status 1) */
	mw_mh_init(&h, MW_MH_BE);
	h.u.be.status = 1;
	h.u.be.hoa = HOA;
	n = mh(m, sizeof(m), &h, NULL, 0);
	{
		struct mw_ip6_spec be = { .src = CN, .dst = COA };

		put_ip6(s, &eth_ha_mn, &be, MW_IPPROTO_MH, m, n);
	}
}

void scene_mip6(struct scene *s)
{
	uint8_t kbm[20];

	addrs();
	router_advert(s);
	scene_wait(s, 100);
	dhaad_and_prefixes(s);
	scene_wait(s, 50);
	home_registration(s, 1000, 150);
	scene_wait(s, 200);
	tunnelled_ping(s);
	scene_wait(s, 300);
	return_routability(s, kbm);
	scene_wait(s, 40);
	route_optimisation(s, kbm);
	scene_wait(s, 2000);
	home_registration(s, 1001, 0);   /* deregistration */
}
