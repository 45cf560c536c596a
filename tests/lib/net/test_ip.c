/* IPv4 (options, checksum, lengths, fragments), UDP, ICMP, TCP. */
#include "net_test.h"

static const struct mw_eth_spec eth = {
	.dst = { 0, 1, 2, 3, 4, 5 }, .src = { 0, 1, 2, 3, 4, 6 },
};

static struct mw_ip4_spec ip4(void)
{
	struct mw_ip4_spec s = { .src = mw_ip4_addr(192, 0, 2, 1),
				 .dst = mw_ip4_addr(198, 51, 100, 7),
				 .ttl = 33, .tos = 0x10, .id = 0x1234 };
	return s;
}

static void test_ip4_fields(void)
{
	static const uint8_t opts[] = { 0x94, 0x04, 0x00, 0x00, 0x01 }; /* RA + NOP, padded */
	struct mw_ip4_spec s = ip4();
	uint8_t f[256];
	struct mw_packet p;
	size_t n;
	const struct mw_ip4 *ip;

	s.opts = opts;
	s.opts_len = sizeof opts;
	CU_ASSERT_EQUAL_FATAL(mw_frame_udp4(f, sizeof f, &eth, &s, 5000, 6000,
					    (const uint8_t *)"hello", 5, &n), MW_OK);
	CU_ASSERT_EQUAL(n, 14 + 28 + 8 + 5);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	CU_ASSERT_EQUAL_FATAL(p.layers[1].kind, MW_L_IP4);
	ip = &p.layers[1].u.ip4;
	CU_ASSERT_EQUAL(ip->ihl, 28);
	CU_ASSERT_EQUAL(p.layers[1].len, 28);
	CU_ASSERT_EQUAL(ip->tos, 0x10);
	CU_ASSERT_EQUAL(ip->total_len, 28 + 13);
	CU_ASSERT_EQUAL(ip->id, 0x1234);
	CU_ASSERT_EQUAL(ip->ttl, 33);
	CU_ASSERT_EQUAL(ip->proto, 17);
	CU_ASSERT_TRUE(ip->csum_ok);
	CU_ASSERT_FALSE(ip->is_fragment);
	CU_ASSERT_EQUAL(ip->src, mw_ip4_addr(192, 0, 2, 1));
	CU_ASSERT_EQUAL(ip->dst, mw_ip4_addr(198, 51, 100, 7));
	CU_ASSERT_EQUAL(ip->opt_off, 14 + 20);
	CU_ASSERT_EQUAL(ip->opt_len, 8);
	CU_ASSERT_EQUAL(p.layers[2].u.udp.csum_ok, 1);
	CU_ASSERT_EQUAL(p.layers[2].u.udp.len, 13);

	/* forced wrong header checksum */
	s.force_csum = true;
	s.csum = 0xbeef;
	mw_frame_udp4(f, sizeof f, &eth, &s, 5000, 6000, (const uint8_t *)"hello", 5, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	CU_ASSERT_FALSE(p.layers[1].u.ip4.csum_ok);
	CU_ASSERT_EQUAL(p.layers[1].u.ip4.csum, 0xbeef);
}

static void test_ip4_lengths(void)
{
	struct mw_ip4_spec s = ip4();
	uint8_t f[256];
	struct mw_packet p;
	size_t n;

	mw_frame_udp4(f, sizeof f, &eth, &s, 5000, 6000, (const uint8_t *)"abcd", 4, &n);
	/* Ethernet padding after the datagram is ignored */
	memset(f + n, 0xee, 20);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n + 20), MW_OK);
	CU_ASSERT_EQUAL(p.layers[3].kind, MW_L_PAYLOAD);
	CU_ASSERT_EQUAL(p.layers[3].len, 4);
	/* snapped capture: wirelen > caplen -> truncated */
	CU_ASSERT_EQUAL(mw_decode(&p, MW_LINK_ETHERNET, f, (uint32_t)n - 6,
				  (uint32_t)n, NULL), MW_E_TRUNC);
	/* total length below the header */
	f[14 + 2] = 0;
	f[14 + 3] = 19;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 16, "layer.ip4.total_len");
	/* IHL 4 */
	mw_frame_udp4(f, sizeof f, &eth, &s, 5000, 6000, (const uint8_t *)"abcd", 4, &n);
	f[14] = 0x44;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 14, "layer.ip4.ihl");
	/* UDP length beyond the IP payload: blamed on udp.len */
	mw_frame_udp4(f, sizeof f, &eth, &s, 5000, 6000, (const uint8_t *)"abcd", 4, &n);
	f[34 + 5] = 13;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 38, "layer.udp.len");
	f[34 + 5] = 7;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 38, "layer.udp.len");
	/* shorter UDP length: payload bounded by it */
	f[34 + 5] = 10;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[3].len, 2);
	CU_ASSERT_EQUAL(p.layers[2].u.udp.csum_ok, 0);
}

static void test_fragments(void)
{
	struct mw_ip4_spec s = ip4();
	uint8_t f[256];
	struct mw_packet p;
	size_t n;

	s.frag = 0x2000; /* MF, offset 0 */
	mw_frame_udp4(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"abcd", 4, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_TRUE(p.layers[0].u.ip4.is_fragment);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_PAYLOAD);
	CU_ASSERT_TRUE(nt_has_note(&p, "layer.ip4.frag_off"));
	s.frag = 0x0010; /* offset 16 */
	mw_frame_udp4(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"abcd", 4, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_TRUE(p.layers[0].u.ip4.is_fragment);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_PAYLOAD);
	s.frag = 0x4000; /* DF only: not a fragment */
	mw_frame_udp4(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"abcd", 4, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_FALSE(p.layers[0].u.ip4.is_fragment);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_UDP);
}

static void test_udp_csum(void)
{
	struct mw_ip4_spec s = ip4();
	struct mw_ip6_spec s6 = { .src = nt_in6("2001:db8::1"), .dst = nt_in6("2001:db8::2") };
	uint8_t f[256];
	struct mw_packet p;
	size_t n;

	s.force_l4_csum = true;
	s.l4_csum = 0;
	mw_frame_udp4(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"abcd", 4, &n);
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(p.layers[1].u.udp.csum_ok, -1);
	s.l4_csum = 0x1111;
	mw_frame_udp4(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"abcd", 4, &n);
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(p.layers[1].u.udp.csum_ok, 0);
	/* no_checksums */
	{
		struct mw_decode_opts o = { .mip4_ports = { 434 }, .no_checksums = true };
		mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n, (uint32_t)n, &o);
		CU_ASSERT_EQUAL(p.layers[1].u.udp.csum_ok, -1);
	}
	/* IPv6: good, bad, zero (noted) */
	mw_frame_udp6(f, sizeof f, NULL, &s6, 1, 2, (const uint8_t *)"abc", 3, &n);
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(p.layers[1].u.udp.csum_ok, 1);
	f[n - 1] ^= 1;
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(p.layers[1].u.udp.csum_ok, 0);
	s6.force_l4_csum = true;
	mw_frame_udp6(f, sizeof f, NULL, &s6, 1, 2, (const uint8_t *)"abc", 3, &n);
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(p.layers[1].u.udp.csum_ok, -1);
	CU_ASSERT_TRUE(nt_has_note(&p, "layer.udp.csum"));
	/* truncated datagram: not verifiable */
	s6.force_l4_csum = false;
	mw_frame_udp6(f, sizeof f, NULL, &s6, 1, 2, (const uint8_t *)"abc", 3, &n);
	mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n - 1, (uint32_t)n, NULL);
	CU_ASSERT_EQUAL(p.layers[1].u.udp.csum_ok, -1);
}

static void test_icmp_tcp(void)
{
	struct mw_ip4_spec s = ip4();
	struct mw_ip6_spec s6 = { .src = nt_in6("fe80::1"), .dst = nt_in6("ff02::1"), .hlim = 255 };
	static const uint8_t echo[] = { 0, 1, 0, 2, 'p', 'i', 'n', 'g' };
	static const uint8_t tcp[20] = { 0x01, 0xbb, 0xc0, 0x00, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02 };
	uint8_t f[256];
	struct mw_packet p;
	size_t n;

	CU_ASSERT_EQUAL(mw_frame_icmp4(f, sizeof f, NULL, &s, 8, 0, echo, sizeof echo, &n), MW_OK);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_ICMP4);
	CU_ASSERT_EQUAL(p.layers[1].u.icmp.type, 8);
	CU_ASSERT_EQUAL(p.layers[1].u.icmp.csum_ok, 1);
	f[n - 1] ^= 0xff;
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(p.layers[1].u.icmp.csum_ok, 0);

	CU_ASSERT_EQUAL(mw_frame_icmp6(f, sizeof f, NULL, &s6, 128, 0, echo, sizeof echo, &n), MW_OK);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_ICMP6);
	CU_ASSERT_EQUAL(p.layers[1].u.icmp.type, 128);
	CU_ASSERT_EQUAL(p.layers[1].u.icmp.csum_ok, 1);
	/* forced checksum */
	s6.force_l4_csum = true;
	s6.l4_csum = 0x1234;
	mw_frame_icmp6(f, sizeof f, NULL, &s6, 128, 0, echo, sizeof echo, &n);
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(p.layers[1].u.icmp.csum, 0x1234);
	CU_ASSERT_EQUAL(p.layers[1].u.icmp.csum_ok, 0);

	CU_ASSERT_EQUAL(mw_frame_ip4(f, sizeof f, NULL, &s, 6, tcp, sizeof tcp, &n), MW_OK);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_TCP);
	CU_ASSERT_EQUAL(p.layers[1].u.tcp.sport, 443);
	CU_ASSERT_EQUAL(p.layers[1].u.tcp.dport, 0xc000);
	/* unknown protocol: payload */
	CU_ASSERT_EQUAL(mw_frame_ip4(f, sizeof f, NULL, &s, 200, tcp, 5, &n), MW_OK);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_PAYLOAD);
	CU_ASSERT_EQUAL(p.layers[1].len, 5);
}

/* UDP ports to Mobile IP decoders: the mip4 / mip6 modules take the
 * payload (no MW_L_PAYLOAD from net) */
static void test_udp_dispatch(void)
{
	struct mw_ip4_spec s = ip4();
	static const uint8_t msg[24] = { 1 };
	uint8_t f[256];
	struct mw_packet p;
	size_t n;

	mw_frame_udp4(f, sizeof f, NULL, &s, 1234, 434, msg, sizeof msg, &n);
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(nt_layer(&p, MW_L_PAYLOAD, 0), -1);
	mw_frame_udp4(f, sizeof f, NULL, &s, 434, 1234, msg, sizeof msg, &n);
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(nt_layer(&p, MW_L_PAYLOAD, 0), -1);
	mw_frame_udp4(f, sizeof f, NULL, &s, 5436, 5436, msg, sizeof msg, &n);
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(nt_layer(&p, MW_L_PAYLOAD, 0), -1);
	/* a port list of the caller's */
	{
		struct mw_decode_opts o = { .mip4_ports = { 4343, 0 } };
		mw_frame_udp4(f, sizeof f, NULL, &s, 1234, 434, msg, sizeof msg, &n);
		mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n, (uint32_t)n, &o);
		CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_PAYLOAD);
	}
}

void add_ip_tests(void)
{
	CU_pSuite s = CU_add_suite("net-ip4", NULL, NULL);

	CU_add_test(s, "IPv4 fields and options", test_ip4_fields);
	CU_add_test(s, "IPv4 / UDP lengths", test_ip4_lengths);
	CU_add_test(s, "IPv4 fragments", test_fragments);
	CU_add_test(s, "UDP checksums", test_udp_csum);
	CU_add_test(s, "ICMP, ICMPv6, TCP", test_icmp_tcp);
	CU_add_test(s, "UDP dispatch", test_udp_dispatch);
}
