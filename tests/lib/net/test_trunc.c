/* Truncation at every byte offset of multi-layer frames: MW_E_TRUNC (or OK
 * once only undecoded payload is cut), never MALFORMED, never a crash
 * (run under ASan in the sanitizer build). */
#include "net_test.h"

/* Returns the frame length; *payload_off = where undecoded bytes start. */
static size_t frame_gre_ip6(uint8_t *f, size_t cap, size_t *payload_off)
{
	struct mw_eth_spec e = { .n_vlan = 2, .qinq = true, .vlan_tci = { 1, 2 } };
	struct mw_ip4_spec o4 = { .src = 1, .dst = 2 };
	static const uint8_t ra[] = { 0x94, 0x04, 0, 0 };
	struct mw_gre_spec g = { .proto = 0x86dd, .has_csum = true, .has_key = true,
				 .has_seq = true, .key = 1, .seq = 2 };
	struct mw_in6 a = nt_in6("2001:db8::1"), b = nt_in6("2001:db8::2"),
		      h = nt_in6("2001:db8::3");
	struct mw_ip6_spec i6 = { .src = a, .dst = b, .hao = &h, .rh2 = &h };
	struct mw_wbuf w;
	struct mw_ipctx o, i;
	size_t go, u;

	o4.opts = ra;
	o4.opts_len = sizeof ra;
	mw_wbuf_init(&w, f, cap);
	mw_put_eth(&w, &e, MW_ETHERTYPE_IP4);
	mw_ip4_begin(&w, &o4, MW_IPPROTO_GRE, &o);
	go = mw_gre_begin(&w, &g);
	mw_ip6_begin(&w, &i6, MW_IPPROTO_UDP, &i);
	u = mw_udp_begin(&w, 1000, 2000);
	*payload_off = w.len;
	mw_put_bytes(&w, "payload!", 8);
	mw_udp_end(&w, u, &i, MW_CSUM_COMPUTE);
	mw_ip6_end(&w, &i, &i6);
	mw_gre_end(&w, go, &g);
	mw_ip4_end(&w, &o, &o4);
	return w.len;
}

static size_t frame_minenc(uint8_t *f, size_t cap, size_t *payload_off)
{
	struct mw_eth_spec e = { .n_vlan = 1 };
	struct mw_ip4_spec o4 = { .src = 1, .dst = 2 };
	struct mw_minenc_spec m = { .proto = 1, .dst = 9, .with_src = true, .src = 8 };
	struct mw_wbuf w;
	struct mw_ipctx o;
	size_t ic;

	mw_wbuf_init(&w, f, cap);
	mw_put_eth(&w, &e, MW_ETHERTYPE_IP4);
	mw_ip4_begin(&w, &o4, MW_IPPROTO_MINENC, &o);
	mw_put_minenc(&w, &m);
	ic = mw_icmp4_begin(&w, 8, 0);
	*payload_off = w.len;
	mw_put_bytes(&w, "ping", 4);
	mw_icmp4_end(&w, ic, MW_CSUM_COMPUTE);
	mw_ip4_end(&w, &o, &o4);
	return w.len;
}

static size_t frame_sll_ah(uint8_t *f, size_t cap, size_t *payload_off)
{
	struct mw_sll s = { .protocol = MW_ETHERTYPE_IP6, .halen = 6 };
	struct mw_in6 a = nt_in6("2001:db8::1"), b = nt_in6("2001:db8::2");
	static const uint8_t hbh[] = { 0x05, 0x02, 0, 0 };
	struct mw_ip6_spec i6 = { .src = a, .dst = b, .hbh_opts = hbh,
				  .hbh_opts_len = sizeof hbh };
	static const uint8_t ah[24] = { 17, 4 };
	struct mw_wbuf w;
	struct mw_ipctx i;
	size_t u;

	mw_wbuf_init(&w, f, cap);
	mw_put_sll2(&w, &s);
	mw_ip6_begin(&w, &i6, MW_IPPROTO_AH, &i);
	mw_put_bytes(&w, ah, sizeof ah);
	u = mw_udp_begin(&w, 1, 2);
	*payload_off = w.len;
	mw_put_bytes(&w, "abc", 3);
	mw_udp_end(&w, u, &i, MW_CSUM_COMPUTE);
	mw_ip6_end(&w, &i, &i6);
	return w.len;
}

static void sweep(size_t (*mk)(uint8_t *, size_t, size_t *), int lt)
{
	uint8_t full[512];
	size_t po, n = mk(full, sizeof full, &po);
	struct mw_packet p;

	CU_ASSERT_EQUAL_FATAL(mw_decode(&p, lt, full, (uint32_t)n, (uint32_t)n, NULL), MW_OK);
	for (size_t cut = 0; cut < n; cut++) {
		/* a copy of exactly `cut` bytes so ASan sees any over-read */
		uint8_t *b = malloc(cut ? cut : 1);
		mw_status st;

		memcpy(b, full, cut);
		st = mw_decode(&p, lt, b, (uint32_t)cut, (uint32_t)n, NULL);
		if (cut < po) {
			CU_ASSERT_EQUAL(st, MW_E_TRUNC);
			if (st != MW_E_TRUNC)
				printf("\ncut %zu: %s at %u (%s)\n", cut,
				       mw_status_str(st), p.diag.offset,
				       p.diag.field ? p.diag.field : "-");
		} else {
			CU_ASSERT_TRUE(st == MW_OK || st == MW_E_TRUNC);
		}
		CU_ASSERT_TRUE(p.diag.offset <= cut);
		free(b);
	}
}

static void test_trunc_gre(void)
{
	sweep(frame_gre_ip6, MW_LINK_ETHERNET);
}

static void test_trunc_minenc(void)
{
	sweep(frame_minenc, MW_LINK_ETHERNET);
}

static void test_trunc_sll_ah(void)
{
	sweep(frame_sll_ah, MW_LINK_LINUX_SLL2);
}

void add_trunc_tests(void)
{
	CU_pSuite s = CU_add_suite("net-trunc", NULL, NULL);

	CU_add_test(s, "every cut of Eth/QinQ/IPv4/GRE/IPv6+RH2+HAO/UDP", test_trunc_gre);
	CU_add_test(s, "every cut of Eth/VLAN/IPv4/minenc/ICMP", test_trunc_minenc);
	CU_add_test(s, "every cut of SLL2/IPv6+HBH/AH/UDP", test_trunc_sll_ah);
}
