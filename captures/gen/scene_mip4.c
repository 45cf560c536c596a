/* MIPv4 sample: agent discovery, registration through a foreign agent with
 * all three authentication extensions and an FA challenge, tunnelled
 * traffic in every encapsulation, revocation and deregistration.
 * Keys: captures/samples.keys. */
#include <string.h>

#include "scene.h"

#define HA   mw_ip4_addr(198, 51, 100, 1)
#define HOA  mw_ip4_addr(198, 51, 100, 10)
#define FA   mw_ip4_addr(203, 0, 113, 1)     /* also the care-of address */
#define CN   mw_ip4_addr(192, 0, 2, 50)
#define ALL_SYSTEMS mw_ip4_addr(224, 0, 0, 1)
#define ALL_AGENTS  mw_ip4_addr(224, 0, 0, 11)
#define NTP_1700000000 (1700000000ull + 2208988800ull)

static const uint8_t key_mn_ha[] = "mn-ha-secret-01";
static const uint8_t key_mn_fa[] = "mn-fa-secret";
static const uint8_t key_fa_ha[] = "fa-ha-secret";
static const uint8_t challenge[16] = { 0xc4, 0x11, 0x7e, 0x02, 0x9a, 0x5d,
	0x33, 0x80, 0x0f, 0xe1, 0x47, 0x6b, 0x2c, 0xd8, 0x90, 0x15 };

static void advertise(struct scene *s, uint16_t seq)
{
	uint8_t body[256];
	struct mw_wbuf w;
	uint32_t router = FA, coa = FA;
	struct mw_mip4_adv_spec a = {
		.lifetime = 5400, .num_addrs = 1, .router_addrs = &router,
		.has_maa = true, .seq = seq, .reg_lifetime = 1800,
		.maa_flags = MW_MAA_R | MW_MAA_F | MW_MAA_M | MW_MAA_G | MW_MAA_T,
		.n_coa = 1, .coas = &coa,
		.challenge_len = sizeof(challenge), .challenge = challenge,
	};

	mw_wbuf_init(&w, body, sizeof(body));
	if (mw_mip4_adv_build(&w, &a, NULL, 0) != MW_OK) {
		s->failed = true;
		return;
	}
	/* RFC 5944 2.1: TTL 1, to all-systems multicast */
	{
		uint8_t f[512];
		size_t n = 0;
		struct mw_ip4_spec ip = { .src = FA, .dst = ALL_SYSTEMS, .ttl = 1 };
		size_t off;
		struct mw_ipctx ctx;
		struct mw_wbuf fw;

		mw_wbuf_init(&fw, f, sizeof(f));
		mw_put_eth(&fw, &eth_bcast_fa, 0x0800);
		mw_ip4_begin(&fw, &ip, 1, &ctx);
		off = fw.len;
		mw_put_bytes(&fw, body, w.len);
		(void)off;
		mw_ip4_end(&fw, &ctx, &ip);
		n = fw.len;
		if (fw.overflow)
			s->failed = true;
		scene_frame(s, f, n);
	}
}

static void solicit(struct scene *s)
{
	uint8_t body[64], f[256];
	struct mw_wbuf w, fw;
	struct mw_mip4_adv_spec a = { .solicitation = true };
	struct mw_ip4_spec ip = { .src = HOA, .dst = ALL_AGENTS, .ttl = 1 };
	struct mw_ipctx ctx;
	const struct mw_eth_spec bc = { .dst = { 1, 0, 0x5e, 0, 0, 11 },
					.src = { 2, 0, 0, 0, 0, 1 } };

	mw_wbuf_init(&w, body, sizeof(body));
	mw_mip4_adv_build(&w, &a, NULL, 0);
	mw_wbuf_init(&fw, f, sizeof(f));
	mw_put_eth(&fw, &bc, 0x0800);
	mw_ip4_begin(&fw, &ip, 1, &ctx);
	mw_put_bytes(&fw, body, w.len);
	mw_ip4_end(&fw, &ctx, &ip);
	if (w.overflow || fw.overflow)
		s->failed = true;
	scene_frame(s, f, fw.len);
}

/* The RRQ as the MN sends it (to_fa) or as the FA relays it. */
static size_t rrq(uint8_t *buf, size_t cap, uint16_t lifetime, uint64_t ident,
		  bool to_fa)
{
	struct mw_wbuf w;
	struct mw_mip4 m = { .type = MW_MIP4_RRQ };
	struct mw_mip4_ext_spec x[5];
	size_t n = 0;

	m.u.rrq = (struct mw_mip4_rrq){ .flags = MW_RRQ_T | MW_RRQ_M | MW_RRQ_G,
		.lifetime = lifetime,
		.hoa = HOA, .ha = HA, .coa = FA, .ident = ident };
	for (int i = 0; i < 5; i++)
		x[i] = (struct mw_mip4_ext_spec)MW_MIP4_EXT_SPEC_INIT;
	mw_mip4_spec_nai(&x[n++], "mn1@example.net");
	mw_mip4_spec_auth(&x[n++], MW_MIP4X_MN_HA_AUTH, 256, MW_AUTH_HMAC_MD5,
			  key_mn_ha, sizeof(key_mn_ha) - 1);
	if (to_fa) {
		mw_mip4_spec_challenge(&x[n++], challenge, sizeof(challenge));
		mw_mip4_spec_auth(&x[n++], MW_MIP4X_MN_FA_AUTH, 257,
				  MW_AUTH_HMAC_MD5, key_mn_fa,
				  sizeof(key_mn_fa) - 1);
	} else if (lifetime) {  /* RFC 5944 3.5.4: no FA-HA auth on deregistration */
		mw_mip4_spec_auth(&x[n++], MW_MIP4X_FA_HA_AUTH, 258,
				  MW_AUTH_HMAC_MD5, key_fa_ha,
				  sizeof(key_fa_ha) - 1);
	}
	mw_wbuf_init(&w, buf, cap);
	return mw_mip4_build(&w, &m, x, n) == MW_OK ? w.len : 0;
}

static size_t rrp(uint8_t *buf, size_t cap, uint8_t code, uint16_t lifetime,
		  uint64_t ident, bool from_ha)
{
	struct mw_wbuf w;
	struct mw_mip4 m = { .type = MW_MIP4_RRP };
	struct mw_mip4_ext_spec x[3];
	size_t n = 0;

	m.u.rrp = (struct mw_mip4_rrp){ .code = code, .lifetime = lifetime,
		.hoa = HOA, .ha = HA, .ident = ident };
	for (int i = 0; i < 3; i++)
		x[i] = (struct mw_mip4_ext_spec)MW_MIP4_EXT_SPEC_INIT;
	mw_mip4_spec_nai(&x[n++], "mn1@example.net");
	mw_mip4_spec_auth(&x[n++], MW_MIP4X_MN_HA_AUTH, 256, MW_AUTH_HMAC_MD5,
			  key_mn_ha, sizeof(key_mn_ha) - 1);
	if (from_ha && lifetime)
		mw_mip4_spec_auth(&x[n++], MW_MIP4X_FA_HA_AUTH, 258,
				  MW_AUTH_HMAC_MD5, key_fa_ha,
				  sizeof(key_fa_ha) - 1);
	mw_wbuf_init(&w, buf, cap);
	return mw_mip4_build(&w, &m, x, n) == MW_OK ? w.len : 0;
}

static void registration(struct scene *s, uint16_t lifetime, uint64_t ident)
{
	uint8_t m[512];
	size_t n;

	n = rrq(m, sizeof(m), lifetime, ident, true);
	/* RFC 3024 4.1.1: a request with T set goes out with TTL 255 */
	put_udp4(s, &eth_mn_fa, HOA, FA, 255, 434, 434, m, n);
	scene_wait(s, 2);
	n = rrq(m, sizeof(m), lifetime, ident, false);
	put_udp4(s, &eth_fa_ha, FA, HA, 64, 49152, 434, m, n);
	scene_wait(s, 7);
	n = rrp(m, sizeof(m), 0, lifetime, ident, true);
	put_udp4(s, &eth_ha_fa, HA, FA, 64, 434, 49152, m, n);
	scene_wait(s, 2);
	n = rrp(m, sizeof(m), 0, lifetime, ident, false);
	put_udp4(s, &eth_fa_mn, FA, HOA, 64, 434, 434, m, n);
}

/* CN -> MN traffic tunnelled by the HA in each encapsulation, and a
 * reverse-tunnelled reply (RFC 3024). */
static void tunnels(struct scene *s)
{
	uint8_t inner[256], outer[512];
	size_t n, k;
	struct mw_wbuf w;

	n = make_ping4(inner, sizeof(inner), CN, HOA, false, 1);
	put_ip4(s, &eth_ha_fa, HA, FA, 4, inner, n);             /* RFC 2003 */
	n = make_ping4(inner, sizeof(inner), HOA, CN, true, 1);
	put_ip4(s, &eth_fa_ha, FA, HA, 4, inner, n);             /* reverse */

	/* GRE with key and sequence (RFC 2784 / 2890) */
	n = make_ping4(inner, sizeof(inner), CN, HOA, false, 2);
	{
		struct mw_gre_spec g = { .proto = 0x0800, .has_key = true,
					 .key = 0x1001, .has_seq = true, .seq = 1 };
		size_t at;

		mw_wbuf_init(&w, outer, sizeof(outer));
		at = mw_gre_begin(&w, &g);
		mw_put_bytes(&w, inner, n);
		mw_gre_end(&w, at, &g);
		put_ip4(s, &eth_ha_fa, HA, FA, 47, outer, w.len);
	}

	/* minimal encapsulation (RFC 2004): forwarding header + inner payload */
	n = make_ping4(inner, sizeof(inner), CN, HOA, false, 3);
	{
		struct mw_minenc_spec me = { .proto = 1, .dst = HOA,
					     .with_src = true, .src = CN };

		mw_wbuf_init(&w, outer, sizeof(outer));
		mw_put_minenc(&w, &me);
		mw_put_bytes(&w, inner + 20, n - 20);
		put_ip4(s, &eth_ha_fa, HA, FA, 55, outer, w.len);
	}

	/* RFC 3519 UDP tunnel data message carrying IPv4 */
	n = make_ping4(inner, sizeof(inner), CN, HOA, false, 4);
	{
		struct mw_mip4 m = { .type = MW_MIP4_TUNNEL_DATA };

		m.u.tun.next_header = 4;
		mw_wbuf_init(&w, outer, sizeof(outer));
		mw_mip4_build(&w, &m, NULL, 0);
		mw_put_bytes(&w, inner, n);
		k = w.len;
		put_udp4(s, &eth_ha_fa, HA, FA, 64, 434, 434, outer, k);
	}
}

static void revocation(struct scene *s)
{
	uint8_t m[128];
	struct mw_wbuf w;
	struct mw_mip4 r = { .type = MW_MIP4_REVOCATION };
	struct mw_mip4 a = { .type = MW_MIP4_REVOCATION_ACK };
	struct mw_mip4_ext_spec x = MW_MIP4_EXT_SPEC_INIT;

	r.u.rev = (struct mw_mip4_revocation){ .flags = MW_REVOC_A,
		.hoa = HOA, .fdaddr = FA, .hdaddr = HA, .rev_id = 77 };
	mw_mip4_spec_auth(&x, MW_MIP4X_FA_HA_AUTH, 258, MW_AUTH_HMAC_MD5,
			  key_fa_ha, sizeof(key_fa_ha) - 1);
	mw_wbuf_init(&w, m, sizeof(m));
	mw_mip4_build(&w, &r, &x, 1);
	put_udp4(s, &eth_ha_fa, HA, FA, 64, 434, 434, m, w.len);
	scene_wait(s, 4);
	a.u.rev = (struct mw_mip4_revocation){ .hoa = HOA, .rev_id = 77 };
	mw_wbuf_init(&w, m, sizeof(m));
	mw_mip4_build(&w, &a, &x, 1);
	put_udp4(s, &eth_fa_ha, FA, HA, 64, 434, 434, m, w.len);
}

void scene_mip4(struct scene *s)
{
	uint64_t ident = NTP_1700000000 << 32;

	advertise(s, 0);
	scene_wait(s, 300);
	solicit(s);
	scene_wait(s, 20);
	advertise(s, 1);
	scene_wait(s, 15);
	registration(s, 1800, ident | 0x1000);
	scene_wait(s, 200);
	tunnels(s);
	scene_wait(s, 1000);
	advertise(s, 2);
	scene_wait(s, 500);
	/* re-registration with a later Identification (timestamp replay protection) */
	registration(s, 1800, ident + (2ull << 32));
	scene_wait(s, 500);
	revocation(s);
	scene_wait(s, 500);
	registration(s, 0, ident + (3ull << 32));   /* deregistration */
}
