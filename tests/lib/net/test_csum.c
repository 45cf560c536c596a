/* Checksums: RFC 1071 example, MH checksum of a captured packet (Zeek test
 * capture mip6-good-mh-chksum.pcap, bytes read with python), pseudo-header
 * addresses with HAO / type 2 RH. */
#include "net_test.h"

/* mip6-good-mh-chksum.pcap frame 1: Ethernet / IPv6 / MH Binding Error,
 * checksum 0xb0d8 */
static const char good_mh[] =
	"ffffffffffff00000000000086dd6000000000188740200104f80004000702e0"
	"81fffe52ffff200104f80004000702e081fffe529a6b3b020700b0d801002001"
	"0078000100320000000000000001";
/* mip6-bad-mh-chksum.pcap: the same with checksum 0x0000 */
static const char bad_mh[] =
	"ffffffffffff00000000000086dd6000000000188740200104f80004000702e0"
	"81fffe52ffff200104f80004000702e081fffe529a6b3b020700000101002001"
	"0078000100320000000000000001";

static void test_rfc1071(void)
{
	/* RFC 1071 3: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2 */
	static const uint8_t b[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };

	CU_ASSERT_EQUAL(mw_csum_fold(mw_csum_add(0, b, 8)), 0xddf2);
	/* in two even chunks */
	CU_ASSERT_EQUAL(mw_csum_fold(mw_csum_add(mw_csum_add(0, b, 4), b + 4, 4)),
			0xddf2);
	/* odd length: last byte is the high half of a word */
	CU_ASSERT_EQUAL(mw_csum_fold(mw_csum_add(0, (const uint8_t *)"\x01", 1)),
			0x0100);
	CU_ASSERT_EQUAL(mw_csum_fold(0x0001ffffu), 0x0001);
	CU_ASSERT_EQUAL(mw_csum_fold(0xffffffffu), 0xffff);
}

static void test_captured_mh(void)
{
	uint8_t f[128];
	size_t n = nt_hex(good_mh, f, sizeof f);
	struct mw_in6 src, dst;

	CU_ASSERT_EQUAL_FATAL(n, 78);
	memcpy(src.b, f + 22, 16);
	memcpy(dst.b, f + 38, 16);
	CU_ASSERT_EQUAL(mw_mh_checksum(&src, &dst, f + 54, 24), 0xb0d8);
	n = nt_hex(bad_mh, f, sizeof f);
	CU_ASSERT_EQUAL(mw_mh_checksum(&src, &dst, f + 54, 24), 0xb0d8);
	CU_ASSERT_NOT_EQUAL(mw_load_be16(f + 58), 0xb0d8);
}

/* mw_mh_pseudo_addrs: message carried by an IPv6 layer; HAO source, RH2
 * final destination while Segments Left is 1. */
static void test_pseudo_addrs(void)
{
	struct mw_in6 s = nt_in6("2001:db8:1::1"), d = nt_in6("2001:db8:2::2");
	struct mw_in6 hoa = nt_in6("2001:db8:3::3"), hoa2 = nt_in6("2001:db8:4::4");
	struct mw_ip6_spec ip = { .src = s, .dst = d, .hao = &hoa };
	static const uint8_t mh[8] = { 59, 0, 0, 0, 0, 0, 0, 0 };
	uint8_t f[256];
	size_t n;
	struct mw_packet p;
	struct mw_in6 ps, pd;

	CU_ASSERT_EQUAL_FATAL(mw_frame_ip6(f, sizeof f, NULL, &ip, 135, mh, 8, &n), MW_OK);
	mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n, (uint32_t)n, NULL);
	p.n_msgs = 1;
	p.msgs[0].layer = 0;
	CU_ASSERT_TRUE(mw_mh_pseudo_addrs(&p, 0, &ps, &pd));
	CU_ASSERT_EQUAL(memcmp(&ps, &hoa, 16), 0);
	CU_ASSERT_EQUAL(memcmp(&pd, &d, 16), 0);
	/* the builder computed the MH checksum with the same addresses */
	CU_ASSERT_EQUAL(mw_load_be16(f + n - 4),
			mw_mh_checksum(&hoa, &d, f + n - 8, 8));

	ip.hao = NULL;
	ip.rh2 = &hoa2;
	CU_ASSERT_EQUAL_FATAL(mw_frame_ip6(f, sizeof f, NULL, &ip, 135, mh, 8, &n), MW_OK);
	mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n, (uint32_t)n, NULL);
	p.n_msgs = 1;
	p.msgs[0].layer = 0;
	CU_ASSERT_TRUE(mw_mh_pseudo_addrs(&p, 0, &ps, &pd));
	CU_ASSERT_EQUAL(memcmp(&ps, &s, 16), 0);
	CU_ASSERT_EQUAL(memcmp(&pd, &hoa2, 16), 0);
	CU_ASSERT_EQUAL(mw_load_be16(f + n - 4),
			mw_mh_checksum(&s, &hoa2, f + n - 8, 8));
	/* after RH processing (Segments Left 0) the IPv6 dst is final */
	f[40 + 3] = 0;
	mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n, (uint32_t)n, NULL);
	p.n_msgs = 1;
	p.msgs[0].layer = 0;
	CU_ASSERT_TRUE(mw_mh_pseudo_addrs(&p, 0, &ps, &pd));
	CU_ASSERT_EQUAL(memcmp(&pd, &d, 16), 0);
	/* a message not carried by IPv6 (MH over UDP, RFC 5844): none */
	p.msgs[0].layer = 0xff;
	CU_ASSERT_FALSE(mw_mh_pseudo_addrs(&p, 0, &ps, &pd));
	CU_ASSERT_FALSE(mw_mh_pseudo_addrs(&p, 3, &ps, &pd));
}

void add_csum_tests(void)
{
	CU_pSuite s = CU_add_suite("net-csum", NULL, NULL);

	CU_add_test(s, "RFC 1071 example", test_rfc1071);
	CU_add_test(s, "captured MH checksum", test_captured_mh);
	CU_add_test(s, "MH pseudo-header addresses", test_pseudo_addrs);
}
