/* PMIPv6 (RFC 5213, IPv4 transport RFC 5844), NEMO (RFC 3963, NEMOv4
 * RFC 5177) and fast handovers (RFC 5568) samples. */
#include <string.h>

#include "scene.h"

static struct mw_in6 MAG, LMA, HNP, MR_COA, MR_HA, MNP, PAR, NAR, PCOA;

static void addrs(void)
{
	mw_in6_parse("2001:db8:10::1", &MAG);
	mw_in6_parse("2001:db8:20::1", &LMA);
	mw_in6_parse("2001:db8:aaaa:1::", &HNP);
	mw_in6_parse("2001:db8:4::20", &MR_COA);
	mw_in6_parse("2001:db8:1::1", &MR_HA);
	mw_in6_parse("2001:db8:cafe:100::", &MNP);
	mw_in6_parse("2001:db8:30::1", &PAR);
	mw_in6_parse("2001:db8:31::1", &NAR);
	mw_in6_parse("2001:db8:30::77", &PCOA);
}

static size_t mh(uint8_t *m, size_t cap, const struct mw_mh *h,
		 const struct mw_mh_opt_spec *o, size_t n, const uint8_t *fixed,
		 size_t fixed_len)
{
	struct mw_wbuf w;
	struct mw_mh_build_spec b = { .mh = h, .opts = o, .n_opts = n,
				      .align = true, .fixed = fixed,
				      .fixed_len = fixed_len };

	mw_wbuf_init(&w, m, cap);
	return mw_mh_build(&w, &b) == MW_OK ? w.len : 0;
}

/* The options of a PBU / PBA for mn2@example.net on an 802.11 link. */
static size_t pmip_opts(struct mw_mh_opt_spec *o, uint8_t *mnid, uint8_t *hnp,
			uint8_t *hi, uint8_t *att, uint8_t *ts)
{
	static const char nai[] = "mn2@example.net";

	mnid[0] = 1;                      /* subtype 1: NAI (RFC 4283) */
	memcpy(mnid + 1, nai, sizeof(nai) - 1);
	hnp[0] = 0;
	hnp[1] = 64;
	memcpy(hnp + 2, HNP.b, 16);
	hi[0] = 0;
	hi[1] = 1;                        /* attachment over a new interface */
	att[0] = 0;
	att[1] = 4;                       /* IEEE 802.11a/b/g */
	memset(ts, 0, 8);
	ts[0] = 0xe8; ts[1] = 0xfe; ts[2] = 0x83; ts[3] = 0x80;  /* NTP seconds */
	o[0] = (struct mw_mh_opt_spec){ .type = 8, .data = mnid, .len = 1 + sizeof(nai) - 1 };
	o[1] = (struct mw_mh_opt_spec){ .type = 22, .data = hnp, .len = 18 };
	o[2] = (struct mw_mh_opt_spec){ .type = 23, .data = hi, .len = 2 };
	o[3] = (struct mw_mh_opt_spec){ .type = 24, .data = att, .len = 2 };
	o[4] = (struct mw_mh_opt_spec){ .type = 27, .data = ts, .len = 8 };
	return 5;
}

static void pmip6(struct scene *s)
{
	uint8_t m[512], mnid[32], hnp[18], hi[2], att[2], ts[8];
	struct mw_mh_opt_spec o[7];
	struct mw_mh h;
	size_t n, k;
	struct mw_ip6_spec up = { .src = MAG, .dst = LMA };
	struct mw_ip6_spec down = { .src = LMA, .dst = MAG };

	k = pmip_opts(o, mnid, hnp, hi, att, ts);
	mw_mh_init(&h, MW_MH_BU);
	h.u.bu = (struct mw_mh_bu){ .seq = 1, .lifetime = 900,
		.flags = MW_BU_A | MW_BU_H | MW_BU_P };
	n = mh(m, sizeof(m), &h, o, k, NULL, 0);
	put_ip6(s, &eth_mag_lma, &up, MW_IPPROTO_MH, m, n);
	scene_wait(s, 9);
	mw_mh_init(&h, MW_MH_BA);
	h.u.ba = (struct mw_mh_ba){ .status = 0, .flags = MW_BA_P, .seq = 1,
				    .lifetime = 900 };
	n = mh(m, sizeof(m), &h, o, k, NULL, 0);
	put_ip6(s, &eth_lma_mag, &down, MW_IPPROTO_MH, m, n);

	/* IPv4 transport (RFC 5844): the MH over UDP 5436 between IPv4
	 * addresses, asking for an IPv4 home address (option 36) */
	{
		uint8_t v4req[6] = { 24 << 2, 0, 0, 0, 0, 0 };
		uint8_t v4rep[6] = { 0, 24 << 2, 10, 20, 0, 5 };
		uint32_t mag4 = mw_ip4_addr(192, 0, 2, 100);
		uint32_t lma4 = mw_ip4_addr(192, 0, 2, 200);

		k = pmip_opts(o, mnid, hnp, hi, att, ts);
		o[k++] = (struct mw_mh_opt_spec){ .type = 36, .data = v4req, .len = 6 };
		mw_mh_init(&h, MW_MH_BU);
		h.u.bu = (struct mw_mh_bu){ .seq = 2, .lifetime = 900,
			.flags = MW_BU_A | MW_BU_H | MW_BU_P };
		n = mh(m, sizeof(m), &h, o, k, NULL, 0);
		scene_wait(s, 500);
		put_udp4(s, &eth_mag_lma, mag4, lma4, 64, 5436, 5436, m, n);
		k--;
		o[k++] = (struct mw_mh_opt_spec){ .type = 37, .data = v4rep, .len = 6 };
		mw_mh_init(&h, MW_MH_BA);
		h.u.ba = (struct mw_mh_ba){ .status = 0, .flags = MW_BA_P,
					    .seq = 2, .lifetime = 900 };
		n = mh(m, sizeof(m), &h, o, k, NULL, 0);
		scene_wait(s, 8);
		put_udp4(s, &eth_lma_mag, lma4, mag4, 64, 5436, 5436, m, n);
	}
	/* heartbeat (RFC 5847): request and response */
	{
		uint8_t req[6] = { 0, 0, 0, 0, 0, 1 };   /* flags, sequence 1 */
		uint8_t rsp[6] = { 0, 0x01, 0, 0, 0, 1 }; /* R: response (RFC 5847 5.1) */

		scene_wait(s, 1000);
		mw_mh_init(&h, 13);
		n = mh(m, sizeof(m), &h, NULL, 0, req, sizeof(req));
		put_ip6(s, &eth_mag_lma, &up, MW_IPPROTO_MH, m, n);
		n = mh(m, sizeof(m), &h, NULL, 0, rsp, sizeof(rsp));
		put_ip6(s, &eth_lma_mag, &down, MW_IPPROTO_MH, m, n);
	}
}

static void nemo(struct scene *s)
{
	uint8_t m[256], mnp[18];
	struct mw_mh h;
	struct mw_mh_opt_spec o[2] = {
		{ .type = 3, .data = MR_COA.b, .len = 16 },  /* Alternate CoA (RFC 6275 11.7.1) */
		{ .type = 6, .data = mnp, .len = 18 },       /* Mobile Network Prefix */
	};
	struct mw_ip6_spec bu = { .src = MR_COA, .dst = MR_HA };
	struct mw_ip6_spec ba = { .src = MR_HA, .dst = MR_COA };
	struct mw_in6 mr_hoa;
	size_t n;

	mw_in6_parse("2001:db8:1::20", &mr_hoa);
	bu.hao = &mr_hoa;
	ba.rh2 = &mr_hoa;
	mnp[0] = 0;
	mnp[1] = 64;
	memcpy(mnp + 2, MNP.b, 16);
	mw_mh_init(&h, MW_MH_BU);
	h.u.bu = (struct mw_mh_bu){ .seq = 50, .lifetime = 300,
		.flags = MW_BU_A | MW_BU_H | MW_BU_R };
	n = mh(m, sizeof(m), &h, o, 2, NULL, 0);
	put_ip6(s, &eth_mn_ha, &bu, MW_IPPROTO_MH, m, n);
	scene_wait(s, 11);
	mw_mh_init(&h, MW_MH_BA);
	h.u.ba = (struct mw_mh_ba){ .status = 0, .flags = MW_BA_R, .seq = 50,
				    .lifetime = 300 };
	n = mh(m, sizeof(m), &h, NULL, 0, NULL, 0);
	put_ip6(s, &eth_ha_mn, &ba, MW_IPPROTO_MH, m, n);

	/* NEMOv4: a registration request with a Mobile Network Request */
	{
		uint8_t body[16], msg[256];
		struct mw_wbuf w;
		struct mw_mip4 r = { .type = MW_MIP4_RRQ };
		struct mw_mip4_ext_spec x[2] = { MW_MIP4_EXT_SPEC_INIT,
						 MW_MIP4_EXT_SPEC_INIT };
		static const uint8_t key[] = "mn-ha-secret-02";

		r.u.rrq = (struct mw_mip4_rrq){ .lifetime = 600,
			.hoa = mw_ip4_addr(198, 51, 100, 20),
			.ha = mw_ip4_addr(198, 51, 100, 1),
			.coa = mw_ip4_addr(203, 0, 113, 20),
			.ident = (3908988800ull << 32) | 0x2000 };
		x[0].type = MW_MIP4X_NEMO;
		x[0].data = body;
		x[0].len = mw_mip4_nemo_body(body, sizeof(body), 0, 0, 24,
					     mw_ip4_addr(10, 20, 30, 0));
		mw_mip4_spec_auth(&x[1], MW_MIP4X_MN_HA_AUTH, 260,
				  MW_AUTH_HMAC_MD5, key, sizeof(key) - 1);
		mw_wbuf_init(&w, msg, sizeof(msg));
		if (mw_mip4_build(&w, &r, x, 2) != MW_OK)
			s->failed = true;
		scene_wait(s, 300);
		put_udp4(s, &eth_mn_ha, mw_ip4_addr(203, 0, 113, 20),
			 mw_ip4_addr(198, 51, 100, 1), 64, 434, 434, msg, w.len);
	}
}

static void fmipv6(struct scene *s)
{
	uint8_t m[256];
	struct mw_wbuf w;
	struct mw_icmp6_mip_build_spec b = { .type = 154, .subtype = 2, .ident = 9 };
	struct mw_ip6_spec to_par = { .src = PCOA, .dst = PAR };
	struct mw_ip6_spec from_par = { .src = PAR, .dst = PCOA };
	struct mw_ip6_spec par_nar = { .src = PAR, .dst = NAR };
	struct mw_ip6_spec nar_par = { .src = NAR, .dst = PAR };
	struct mw_mh h;
	size_t n;
	struct mw_wbuf ww;

	/* RtSolPr / PrRtAdv (ICMPv6 154 subtypes 2 and 3) */
	mw_wbuf_init(&w, m, sizeof(m));
	mw_icmp6_mip_build(&w, &b);
	put_ip6(s, &eth_mn_ha, &to_par, 58, m, w.len);
	b.subtype = 3;
	mw_wbuf_init(&w, m, sizeof(m));
	mw_icmp6_mip_build(&w, &b);
	put_ip6(s, &eth_ha_mn, &from_par, 58, m, w.len);
	scene_wait(s, 20);
	/* FBU (MH 8) / HI (14) / HAck (15) / FBack (9) */
	mw_mh_init(&h, 8);
	h.u.bu = (struct mw_mh_bu){ .seq = 5, .flags = MW_BU_A, .lifetime = 10 };
	{
		struct mw_mh_build_spec bs = { .mh = &h, .align = true };

		mw_wbuf_init(&ww, m, sizeof(m));
		mw_mh_build(&ww, &bs);
		put_ip6(s, &eth_mn_ha, &to_par, MW_IPPROTO_MH, m, ww.len);
	}
	{
		uint8_t hi[4] = { 0, 7, 0x80, 0 };    /* seq 7, S flag, code 0 */
		uint8_t hack[4] = { 0, 7, 0, 0 };     /* seq 7, code 0 (accepted) */

		mw_mh_init(&h, 14);
		n = mh(m, sizeof(m), &h, NULL, 0, hi, sizeof(hi));
		put_ip6(s, &eth_fa_ha, &par_nar, MW_IPPROTO_MH, m, n);
		mw_mh_init(&h, 15);
		n = mh(m, sizeof(m), &h, NULL, 0, hack, sizeof(hack));
		put_ip6(s, &eth_ha_fa, &nar_par, MW_IPPROTO_MH, m, n);
	}
	mw_mh_init(&h, 9);
	h.u.ba = (struct mw_mh_ba){ .status = 0, .seq = 5, .lifetime = 10 };
	n = mh(m, sizeof(m), &h, NULL, 0, NULL, 0);
	put_ip6(s, &eth_ha_mn, &from_par, MW_IPPROTO_MH, m, n);
}

void scene_pmip6(struct scene *s)
{
	addrs();
	pmip6(s);
}

void scene_nemo_fmip(struct scene *s)
{
	addrs();
	nemo(s);
	scene_wait(s, 500);
	fmipv6(s);
}
