/* Link layers: Ethernet (+ 802.1Q / QinQ), Linux cooked v1 / v2, BSD
 * null / loopback in both byte orders, raw IP, unknown link types. */
#include "net_test.h"

/* IPv4 / UDP 30000 -> 13000, 4 bytes "XXXX" (from Zeek's 4in4.pcap inner) */
static const char ip4_udp[] =
	"4500002000010000401166ca0a0000010a000002753032c8000c932a58585858";

static size_t put_ip(uint8_t *f)
{
	return nt_hex(ip4_udp, f, 64);
}

static void check_ip_udp(const struct mw_packet *p, int first_ip)
{
	int ip = nt_layer(p, MW_L_IP4, 0), u = nt_layer(p, MW_L_UDP, 0);

	CU_ASSERT_EQUAL(ip, first_ip);
	CU_ASSERT_EQUAL(u, first_ip + 1);
	if (ip < 0 || u < 0)
		return;
	CU_ASSERT_TRUE(p->layers[ip].u.ip4.csum_ok);
	CU_ASSERT_EQUAL(p->layers[ip].u.ip4.src, mw_ip4_addr(10, 0, 0, 1));
	CU_ASSERT_EQUAL(p->layers[u].u.udp.sport, 30000);
	CU_ASSERT_EQUAL(p->layers[u].u.udp.dport, 13000);
	CU_ASSERT_EQUAL(p->layers[u].u.udp.csum_ok, 1);
	CU_ASSERT_EQUAL(p->layers[u + 1].kind, MW_L_PAYLOAD);
	CU_ASSERT_EQUAL(p->layers[u + 1].len, 4);
}

static void test_ethernet_vlan(void)
{
	uint8_t f[128];
	struct mw_packet p;
	size_t n;

	/* plain Ethernet II */
	n = nt_hex("0010db88d2ef c8bcc896d2a0 0800", f, sizeof f);
	n += put_ip(f + n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[0].kind, MW_L_ETH);
	CU_ASSERT_EQUAL(p.layers[0].u.eth.ethertype, 0x0800);
	CU_ASSERT_EQUAL(p.layers[0].u.eth.src[0], 0xc8);
	check_ip_udp(&p, 1);

	/* QinQ: S-tag 0x88a8 vid 100, C-tag 0x8100 pcp 5 vid 200 */
	n = nt_hex("0010db88d2ef c8bcc896d2a0 88a8 0064 8100 a0c8 0800", f, sizeof f);
	n += put_ip(f + n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[0].u.eth.ethertype, 0x88a8);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_VLAN);
	CU_ASSERT_EQUAL(p.layers[1].u.vlan.tci, 100);
	CU_ASSERT_EQUAL(p.layers[1].u.vlan.ethertype, 0x8100);
	CU_ASSERT_EQUAL(p.layers[1].off, 14);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_VLAN);
	CU_ASSERT_EQUAL(p.layers[2].u.vlan.tci, 0xa0c8);
	check_ip_udp(&p, 3);

	/* too many tags: payload + note, no error */
	n = nt_hex("0010db88d2ef c8bcc896d2a0", f, sizeof f);
	for (int i = 0; i < 10; i++)
		n += nt_hex("8100 0001", f + n, 4);
	n += nt_hex("0800", f + n, 2);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	CU_ASSERT_TRUE(nt_has_note(&p, "layer.vlan"));
}

static void test_non_ip(void)
{
	uint8_t f[128];
	struct mw_packet p;
	size_t n;

	/* ARP request */
	n = nt_hex("ffffffffffff c8bcc896d2a0 0806 0001080006040001"
		   "c8bcc896d2a00a000001000000000000 0a000002", f, sizeof f);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.n_layers, 2);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_PAYLOAD);
	CU_ASSERT_EQUAL(p.layers[1].off, 14);
	CU_ASSERT_EQUAL(p.layers[1].len, n - 14);
	/* 802.3 length field + LLC */
	n = nt_hex("ffffffffffff c8bcc896d2a0 0026 424203000000", f, sizeof f);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_PAYLOAD);
}

static void test_sll(void)
{
	uint8_t f[128];
	struct mw_packet p;
	size_t n;

	/* v1: outgoing (4), ARPHRD_ETHER (1), 6-byte address, IPv4 */
	n = nt_hex("0004 0001 0006 c8bcc896d2a00000 0800", f, sizeof f);
	n += put_ip(f + n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_LINUX_SLL, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[0].kind, MW_L_SLL);
	CU_ASSERT_EQUAL(p.layers[0].len, 16);
	CU_ASSERT_EQUAL(p.layers[0].u.sll.pkttype, 4);
	CU_ASSERT_EQUAL(p.layers[0].u.sll.halen, 6);
	CU_ASSERT_EQUAL(p.layers[0].u.sll.protocol, 0x0800);
	check_ip_udp(&p, 1);
	/* v2: protocol, reserved, ifindex 3, hatype 1, pkttype 0, halen 6 */
	n = nt_hex("0800 0000 00000003 0001 00 06 c8bcc896d2a00000", f, sizeof f);
	n += put_ip(f + n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_LINUX_SLL2, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[0].kind, MW_L_SLL2);
	CU_ASSERT_EQUAL(p.layers[0].len, 20);
	CU_ASSERT_EQUAL(p.layers[0].u.sll.ifindex, 3);
	CU_ASSERT_EQUAL(p.layers[0].u.sll.halen, 6);
	check_ip_udp(&p, 1);
}

static void test_null_loop(void)
{
	static const char *fams[] = {
		"02000000", "00000002", /* AF_INET host LE / BE */
		"18000000", "0000001c", "1e000000", /* AF_INET6 24, 28, 30 */
	};
	uint8_t f[256];
	struct mw_packet p;
	struct mw_ip6_spec ip6 = { .src = nt_in6("2001:db8::1"),
				   .dst = nt_in6("2001:db8::2") };
	size_t n;

	for (unsigned i = 0; i < 5; i++) {
		for (int lt = 0; lt < 2; lt++) {
			n = nt_hex(fams[i], f, 4);
			if (i < 2) {
				n += put_ip(f + n);
			} else {
				size_t m;
				CU_ASSERT_EQUAL_FATAL(mw_frame_udp6(f + 4, sizeof f - 4,
					NULL, &ip6, 1000, 2000, (const uint8_t *)"ab",
					2, &m), MW_OK);
				n += m;
			}
			CU_ASSERT_EQUAL(nt_dec(&p, lt ? MW_LINK_LOOP : MW_LINK_NULL,
					       f, n), MW_OK);
			CU_ASSERT_EQUAL(p.layers[0].kind, MW_L_NULL);
			CU_ASSERT_EQUAL(p.layers[1].kind, i < 2 ? MW_L_IP4 : MW_L_IP6);
			CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_UDP);
			CU_ASSERT_EQUAL(p.layers[2].u.udp.csum_ok, 1);
		}
	}
	/* unknown family: payload */
	n = nt_hex("07000000 0102", f, sizeof f);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_NULL, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_PAYLOAD);
}

static void test_raw_and_unknown(void)
{
	uint8_t f[128];
	struct mw_packet p;
	size_t n = put_ip(f);

	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	check_ip_udp(&p, 0);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_IPV4, f, n), MW_OK);
	check_ip_udp(&p, 0);
	/* IPv4 bytes on an IPv6 link type: version mismatch */
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_IPV6, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 0, "layer.ip6.version");
	/* raw with version 5 */
	f[0] = 0x55;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_E_MALFORMED);
	/* unknown link type */
	CU_ASSERT_EQUAL(nt_dec(&p, 147, f, n), MW_E_UNSUPPORTED);
	CU_ASSERT_EQUAL(p.diag.status, MW_E_UNSUPPORTED);
	CU_ASSERT_EQUAL(p.n_layers, 0);
	/* empty frame */
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, 0), MW_E_TRUNC);
}

void add_link_tests(void)
{
	CU_pSuite s = CU_add_suite("net-link", NULL, NULL);

	CU_add_test(s, "Ethernet, 802.1Q, QinQ", test_ethernet_vlan);
	CU_add_test(s, "ARP / LLC are payload", test_non_ip);
	CU_add_test(s, "Linux cooked v1 / v2", test_sll);
	CU_add_test(s, "BSD null / loopback", test_null_loop);
	CU_add_test(s, "raw IP and unknown link types", test_raw_and_unknown);
}
