/* Builders: exact bytes of small headers, overflow, forced fields, pcap
 * writer. */
#include <unistd.h>

#include "net_test.h"

static void test_eth_bytes(void)
{
	struct mw_eth_spec e = { .dst = { 1, 2, 3, 4, 5, 6 }, .src = { 7, 8, 9, 10, 11, 12 },
				 .n_vlan = 2, .qinq = true, .vlan_tci = { 0x0064, 0x00c8 } };
	uint8_t b[64], want[64];
	struct mw_wbuf w;
	size_t n = nt_hex("010203040506 0708090a0b0c 88a8 0064 8100 00c8 86dd", want, sizeof want);

	mw_wbuf_init(&w, b, sizeof b);
	mw_put_eth(&w, &e, MW_ETHERTYPE_IP6);
	CU_ASSERT_EQUAL(w.len, n);
	CU_ASSERT_EQUAL(memcmp(b, want, n), 0);
	mw_wbuf_init(&w, b, sizeof b);
	mw_put_null(&w, 24, false);
	mw_put_null(&w, 2, true);
	CU_ASSERT_EQUAL(memcmp(b, "\x18\0\0\0\0\0\0\x02", 8), 0);
}

/* RFC 791 example-style header with a known checksum: 45 00 00 73 00 00
 * 40 00 40 11 b8 61 c0 a8 00 01 c0 a8 00 c7 (a widely used worked example) */
static void test_ip4_known(void)
{
	struct mw_ip4_spec s = { .src = mw_ip4_addr(192, 168, 0, 1),
				 .dst = mw_ip4_addr(192, 168, 0, 199),
				 .ttl = 64, .frag = 0x4000 };
	uint8_t payload[0x73 - 28] = { 0 }, f[256], want[20];
	size_t n;

	nt_hex("450000730000400040110000c0a80001c0a800c7", want, sizeof want);
	CU_ASSERT_EQUAL(mw_frame_udp4(f, sizeof f, NULL, &s, 1, 2, payload,
				      sizeof payload, &n), MW_OK);
	CU_ASSERT_EQUAL(n, 0x73);
	CU_ASSERT_EQUAL(f[10], 0xb8);
	CU_ASSERT_EQUAL(f[11], 0x61);
	want[10] = 0xb8;
	want[11] = 0x61;
	CU_ASSERT_EQUAL(memcmp(f, want, 20), 0);
}

static void test_overflow_inval(void)
{
	struct mw_ip4_spec s = { .src = 1, .dst = 2 };
	struct mw_ip6_spec s6 = { .hlim = 1 };
	uint8_t f[64], big[100] = { 0 };
	size_t n = 99;

	CU_ASSERT_EQUAL(mw_frame_udp4(f, 27, NULL, &s, 1, 2, NULL, 0, &n), MW_E_NOSPACE);
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_EQUAL(mw_frame_udp4(f, sizeof f, NULL, &s, 1, 2, big, sizeof big, &n),
			MW_E_NOSPACE);
	CU_ASSERT_EQUAL(mw_frame_ip6(f, 40, NULL, &s6, 59, NULL, 0, &n), MW_OK);
	CU_ASSERT_EQUAL(n, 40);
	CU_ASSERT_EQUAL(mw_frame_ip6(f, 39, NULL, &s6, 59, NULL, 0, &n), MW_E_NOSPACE);
	s.opts = big;
	s.opts_len = 44;
	CU_ASSERT_EQUAL(mw_frame_udp4(f, sizeof f, NULL, &s, 1, 2, NULL, 0, &n), MW_E_INVAL);
	CU_ASSERT_EQUAL(mw_frame_ip4(f, sizeof f, NULL, NULL, 1, NULL, 0, &n), MW_E_INVAL);
}

static void test_forced_lengths(void)
{
	struct mw_ip4_spec s = { .src = 1, .dst = 2, .force_total_len = true, .total_len = 200 };
	struct mw_ip6_spec s6 = { .force_plen = true, .plen = 3 };
	uint8_t f[128];
	struct mw_packet p;
	size_t n;

	/* a total length beyond the frame, as a generator would send it. On
	 * the wire (wirelen == caplen) the length contradicts the frame:
	 * MALFORMED at the length field, the payload still decoded. */
	mw_frame_udp4(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"a", 1, &n);
	CU_ASSERT_EQUAL(mw_load_be16(f + 2), 200);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 2, "layer.ip4.total_len");
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_UDP);
	/* snapped (the wire had 200 bytes, 29 captured): fine until a read
	 * crosses the captured bytes */
	CU_ASSERT_EQUAL(mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n, 200, NULL), MW_OK);
	f[25] = 100; /* UDP length 100: inside the IPv4 total length, not captured */
	CU_ASSERT_EQUAL(mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n, 200, NULL), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].u.udp.csum_ok, -1);
	s.force_total_len = false;
	s.force_ihl = true;
	s.ihl = 6;
	mw_frame_udp4(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"a", 1, &n);
	CU_ASSERT_EQUAL(f[0], 0x46);
	/* payload length 3 < UDP header */
	mw_frame_udp6(f, sizeof f, NULL, &s6, 1, 2, (const uint8_t *)"a", 1, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 40, "layer.udp");
}

/* Frames built here survive a trip through capture.h's writer and reader. */
static void test_pcap_writer(void)
{
	char path[] = "/tmp/mw-net-test-XXXXXX";
	int fd = mkstemp(path);
	char err[256];
	uint8_t b[64] = { 0x5a };
	struct mw_capture_writer *w;
	struct mw_capture *c;
	struct mw_frame f;

	CU_ASSERT_FATAL(fd >= 0);
	close(fd);
	w = mw_capture_create(path, MW_LINK_ETHERNET, 65535, err, sizeof err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(w);
	CU_ASSERT_EQUAL(mw_capture_write(w, 10, 20000, b, 60, 60), 0);
	CU_ASSERT_EQUAL(mw_capture_finish(w), 0);
	c = mw_capture_open(path, err, sizeof err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL(mw_capture_next(c, &f), 1);
	CU_ASSERT_EQUAL(f.caplen, 60);
	CU_ASSERT_EQUAL(f.ts_sec, 10);
	CU_ASSERT_EQUAL(f.ts_nsec, 20000);
	CU_ASSERT_EQUAL(f.linktype, MW_LINK_ETHERNET);
	CU_ASSERT_EQUAL(f.data[0], 0x5a);
	CU_ASSERT_EQUAL(mw_capture_next(c, &f), 0);
	mw_capture_close(c);
	unlink(path);
}

static void test_addr_parse(void)
{
	uint32_t a;
	struct mw_in6 x;

	CU_ASSERT_TRUE(mw_ip4_parse("10.1.2.3", &a));
	CU_ASSERT_EQUAL(a, 0x0a010203);
	CU_ASSERT_FALSE(mw_ip4_parse("10.1.2", &a));
	CU_ASSERT_TRUE(mw_in6_parse("2001:db8::1", &x));
	CU_ASSERT_EQUAL(x.b[0], 0x20);
	CU_ASSERT_EQUAL(x.b[15], 1);
	CU_ASSERT_FALSE(mw_in6_parse("2001:db8::g", &x));
}

void add_build_tests(void)
{
	CU_pSuite s = CU_add_suite("net-build", NULL, NULL);

	CU_add_test(s, "Ethernet / null bytes", test_eth_bytes);
	CU_add_test(s, "IPv4 header known checksum", test_ip4_known);
	CU_add_test(s, "overflow and bad arguments", test_overflow_inval);
	CU_add_test(s, "forced lengths", test_forced_lengths);
	CU_add_test(s, "pcap writer", test_pcap_writer);
	CU_add_test(s, "address parsing", test_addr_parse);
}
