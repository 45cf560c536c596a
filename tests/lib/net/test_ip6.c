/* IPv6 and its extension headers: HAO, type 2 RH (built and from the Zeek
 * test captures ipv6-mobile-hoa / -routing / ipv6-mobility-dst-opts),
 * Hop-by-Hop, Fragment, AH, ESP, No Next Header, length errors. */
#include "net_test.h"

#define ZEEK_HDR "ffffffffffff00000000000086dd6000000000243c40" \
	"200104f80004000702e081fffe52ffff200104f80004000702e081fffe529a6b"
/* ipv6-mobile-hoa.pcap: Dst Opts (PadN, HAO 2001:78:1:32::1) / UDP */
static const char zeek_hoa[] = ZEEK_HDR
	"110201020000c91020010078000100320000000000000001"
	"753032c8000c43de58585858";
/* ipv6-mobile-routing.pcap: type 2 RH (next header 43 in the IPv6 header) */
static const char zeek_rh2[] =
	"ffffffffffff00000000000086dd6000000000242b40"
	"200104f80004000702e081fffe52ffff200104f80004000702e081fffe529a6b"
	"110202010000000020010078000100320000000000000001"
	"753032c8000cde4958585858";
/* ipv6-mobility-dst-opts.pcap frames 1-3 */
static const char zeek_opt_badlen[] = ZEEK_HDR
	"110201020000ca9020010078000100320000000000000001"
	"753032c8000c43de58585858";
static const char zeek_two_hao[] = ZEEK_HDR
	"11040100c91020010078000100320000000000000001"
	"c91020010078000100320000000000000001753032c8000c43de58585858";
static const char zeek_hao_len1[] = ZEEK_HDR
	"110201020000c90120010078000100320000000000000001"
	"753032c8000c43de58585858";

static void test_zeek_hoa_rh2(void)
{
	uint8_t f[256];
	struct mw_packet p;
	struct mw_in6 hoa = nt_in6("2001:78:1:32::1");
	size_t n = nt_hex(zeek_hoa, f, sizeof f);
	int x;

	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	x = nt_layer(&p, MW_L_IP6_DST, 0);
	CU_ASSERT_EQUAL_FATAL(x, 2);
	CU_ASSERT_EQUAL(p.layers[x].off, 54);
	CU_ASSERT_EQUAL(p.layers[x].len, 24);
	CU_ASSERT_EQUAL(p.layers[x].u.ext.next, 17);
	CU_ASSERT_TRUE(p.layers[x].u.ext.hao.present);
	CU_ASSERT_EQUAL(p.layers[x].u.ext.hao.off, 60);
	CU_ASSERT_EQUAL(memcmp(&p.layers[x].u.ext.hao.hoa, &hoa, 16), 0);
	/* options as elements: PadN, HAO */
	CU_ASSERT_EQUAL(p.n_elems, 2);
	CU_ASSERT_EQUAL(p.elems[1].reg, MW_REG_DST_OPT);
	CU_ASSERT_EQUAL(p.elems[1].type, 201);
	CU_ASSERT_EQUAL(p.elems[1].off, 60);
	CU_ASSERT_EQUAL(p.elems[1].len, 18);
	CU_ASSERT_EQUAL(p.elems[1].msg, 0xff);
	/* Scapy-made: its UDP checksum uses the home address as source */
	CU_ASSERT_EQUAL(p.layers[x + 1].kind, MW_L_UDP);
	CU_ASSERT_EQUAL(p.layers[x + 1].u.udp.csum_ok, 1);

	n = nt_hex(zeek_rh2, f, sizeof f);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	x = nt_layer(&p, MW_L_IP6_RH, 0);
	CU_ASSERT_EQUAL_FATAL(x, 2);
	CU_ASSERT_EQUAL(p.layers[x].u.ext.rh_type, 2);
	CU_ASSERT_EQUAL(p.layers[x].u.ext.segleft, 1);
	CU_ASSERT_TRUE(p.layers[x].u.ext.rh2_valid);
	CU_ASSERT_EQUAL(memcmp(&p.layers[x].u.ext.rh2_addr, &hoa, 16), 0);
	/* the final destination (RH2 address) is in the pseudo-header */
	CU_ASSERT_EQUAL(p.layers[x + 1].u.udp.csum_ok, 1);
}

static void test_zeek_bad_opts(void)
{
	uint8_t f[256];
	struct mw_packet p;
	size_t n;

	/* option 0xca length 144 runs past the 24-byte header */
	n = nt_hex(zeek_opt_badlen, f, sizeof f);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 61, "dstopt.len");
	/* two Home Address options, but the 40-byte header is longer than
	 * the 36-byte payload length */
	n = nt_hex(zeek_two_hao, f, sizeof f);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 55, "layer.ip6_dst.len");
	/* with the payload length fixed: decoded; misaligned and duplicate
	 * options are noted */
	f[19] = 52;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	CU_ASSERT_TRUE(p.layers[2].u.ext.hao.present);
	CU_ASSERT_EQUAL(p.layers[2].u.ext.hao.off, 58);
	CU_ASSERT_TRUE(nt_has_note(&p, "dstopt.hao"));
	/* Home Address option of length 1: malformed at the option */
	n = nt_hex(zeek_hao_len1, f, sizeof f);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 60, "dstopt.hao.len");
	CU_ASSERT_FALSE(p.layers[2].u.ext.hao.present);
}

static void test_built_hao_rh2(void)
{
	struct mw_in6 hoa = nt_in6("2001:db8:aa::1"), coa = nt_in6("2001:db8:bb::1");
	struct mw_in6 cn = nt_in6("2001:db8:cc::1");
	static const uint8_t tel[] = { 0x04, 0x01, 0x03 }; /* tunnel encap limit 3 */
	static const uint8_t ra[] = { 0x05, 0x02, 0x00, 0x00 };
	struct mw_ip6_spec s = { .src = coa, .dst = cn, .hao = &hoa, .rh2 = &hoa,
				 .hbh_opts = ra, .hbh_opts_len = sizeof ra,
				 .dst_opts = tel, .dst_opts_len = sizeof tel,
				 .tclass = 0xb8, .flow = 0x12345, .hlim = 9 };
	uint8_t f[512];
	struct mw_packet p;
	size_t n;
	int l;

	CU_ASSERT_EQUAL_FATAL(mw_frame_udp6(f, sizeof f, NULL, &s, 7, 9,
					    (const uint8_t *)"xyz", 3, &n), MW_OK);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL_FATAL(p.n_layers, 6);
	CU_ASSERT_EQUAL(p.layers[0].u.ip6.vtcfl, 0x6b812345u);
	CU_ASSERT_EQUAL(p.layers[0].u.ip6.hlim, 9);
	CU_ASSERT_EQUAL(p.layers[0].u.ip6.next, 0);
	CU_ASSERT_EQUAL(p.layers[0].u.ip6.payload_len, n - 40);
	/* RFC 6275 6.3 order: HBH, RH2, Dst Opts (HAO), upper layer */
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_IP6_HBH);
	CU_ASSERT_EQUAL(p.layers[1].len, 8);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_IP6_RH);
	CU_ASSERT_EQUAL(p.layers[2].len, 24);
	CU_ASSERT_TRUE(p.layers[2].u.ext.rh2_valid);
	CU_ASSERT_EQUAL(memcmp(&p.layers[2].u.ext.rh2_addr, &hoa, 16), 0);
	CU_ASSERT_EQUAL(p.layers[3].kind, MW_L_IP6_DST);
	CU_ASSERT_EQUAL(p.layers[3].len, 32);
	CU_ASSERT_TRUE(p.layers[3].u.ext.hao.present);
	CU_ASSERT_EQUAL((p.layers[3].u.ext.hao.off - p.layers[3].off) % 8, 6);
	CU_ASSERT_FALSE(nt_has_note(&p, "dstopt.hao"));
	CU_ASSERT_EQUAL(p.layers[4].kind, MW_L_UDP);
	CU_ASSERT_EQUAL(p.layers[4].u.udp.csum_ok, 1);
	/* tunnel encapsulation limit option was decoded as an element */
	l = -1;
	for (int i = 0; i < p.n_elems; i++)
		if (p.elems[i].type == 4)
			l = i;
	CU_ASSERT_NOT_EQUAL(l, -1);

	/* Segments Left 0 (already processed): rh2_valid false, noted */
	f[40 + 8 + 3] = 0;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_FALSE(p.layers[2].u.ext.rh2_valid);
	CU_ASSERT_TRUE(nt_has_note(&p, "layer.ip6_rh.segleft"));
	/* type 2 with Hdr Ext Len 4: generic, noted, decode goes on */
	{
		struct mw_ip6_spec g = { .src = coa, .dst = cn };
		struct mw_wbuf w;
		struct mw_ipctx ip;
		static const uint8_t rh[40] = { 17, 4, 2, 1 };
		size_t u;

		mw_wbuf_init(&w, f, sizeof f);
		mw_ip6_begin(&w, &g, MW_IPPROTO_ROUTING, &ip);
		mw_put_bytes(&w, rh, sizeof rh);
		u = mw_udp_begin(&w, 1, 2);
		mw_udp_end(&w, u, &ip, MW_CSUM_COMPUTE);
		mw_ip6_end(&w, &ip, &g);
		CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, w.len), MW_OK);
		CU_ASSERT_EQUAL(p.layers[1].len, 40);
		CU_ASSERT_FALSE(p.layers[1].u.ext.rh2_valid);
		CU_ASSERT_TRUE(nt_has_note(&p, "layer.ip6_rh.len"));
		CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_UDP);
	}
}

static void test_ext_chain(void)
{
	struct mw_in6 a = nt_in6("2001:db8::a"), b = nt_in6("2001:db8::b");
	struct mw_ip6_spec s = { .src = a, .dst = b, .frag = true, .frag_id = 0xdeadbeef };
	/* AH (RFC 4302): next UDP, len 4 (24 bytes), SPI, seq, 12-byte ICV */
	uint8_t ah[32] = { 17, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 5 };
	static const uint8_t esp[16] = { 0, 0, 2, 0, 0, 0, 0, 9, 0xaa };
	uint8_t f[512];
	struct mw_packet p;
	size_t n;

	/* atomic fragment: decoded */
	mw_frame_udp6(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"q", 1, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_IP6_FRAG);
	CU_ASSERT_EQUAL(p.layers[1].u.ext.frag_id, 0xdeadbeef);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_UDP);
	/* first fragment (M) and a later one: payload not decoded */
	s.frag_more = true;
	mw_frame_udp6(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"q", 1, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_TRUE(p.layers[1].u.ext.frag_more);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_PAYLOAD);
	s.frag_more = false;
	s.frag_off = 100;
	mw_frame_udp6(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"q", 1, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].u.ext.frag_off, 100);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_PAYLOAD);

	/* AH then UDP */
	s.frag = false;
	{
		struct mw_wbuf w;
		struct mw_ipctx ip;
		size_t u;

		mw_wbuf_init(&w, f, sizeof f);
		mw_ip6_begin(&w, &s, MW_IPPROTO_AH, &ip);
		mw_put_bytes(&w, ah, 24);
		u = mw_udp_begin(&w, 1, 2);
		mw_put_bytes(&w, "zz", 2);
		mw_udp_end(&w, u, &ip, MW_CSUM_COMPUTE);
		mw_ip6_end(&w, &ip, &s);
		CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, w.len), MW_OK);
		CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_AH);
		CU_ASSERT_EQUAL(p.layers[1].len, 24);
		CU_ASSERT_EQUAL(p.layers[1].u.ext.spi, 0x100);
		CU_ASSERT_EQUAL(p.layers[1].u.ext.seq, 5);
		CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_UDP);
		CU_ASSERT_EQUAL(p.layers[2].u.udp.csum_ok, 1);
		/* AH length past the payload */
		f[41] = 40;
		CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, w.len), MW_E_MALFORMED);
		NT_STATUS(&p, MW_E_MALFORMED, 41, "layer.ah.len");
	}
	/* ESP: SPI / seq, decode stops with a note */
	mw_frame_ip6(f, sizeof f, NULL, &s, MW_IPPROTO_ESP, esp, sizeof esp, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.n_layers, 2);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_ESP);
	CU_ASSERT_EQUAL(p.layers[1].u.ext.spi, 0x200);
	CU_ASSERT_EQUAL(p.layers[1].u.ext.seq, 9);
	CU_ASSERT_TRUE(nt_has_note(&p, "layer.esp"));
	/* No Next Header: nothing follows */
	mw_frame_ip6(f, sizeof f, NULL, &s, MW_IPPROTO_NONE, esp, 4, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.n_layers, 1);
}

static void test_ext_errors(void)
{
	struct mw_in6 a = nt_in6("2001:db8::a"), b = nt_in6("2001:db8::b");
	struct mw_in6 h = nt_in6("2001:db8::c");
	struct mw_ip6_spec s = { .src = a, .dst = b, .hao = &h };
	uint8_t f[512];
	struct mw_packet p;
	size_t n;

	mw_frame_udp6(f, sizeof f, NULL, &s, 1, 2, (const uint8_t *)"q", 1, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	/* Hdr Ext Len beyond the payload length */
	f[41] = 9;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 41, "layer.ip6_dst.len");
	f[41] = 2;
	/* HAO length 17: blamed on the option (its type byte) */
	f[47] = 17;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 46, "dstopt.hao.len");
	f[47] = 16;
	/* IPv6 payload length beyond the capture: truncated (outermost) */
	CU_ASSERT_EQUAL(mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n - 3,
				  (uint32_t)n, NULL), MW_E_TRUNC);
	/* payload length shorter than the extension header */
	f[5] = 16;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 41, "layer.ip6_dst.len");
}

void add_ip6_tests(void)
{
	CU_pSuite s = CU_add_suite("net-ip6", NULL, NULL);

	CU_add_test(s, "Zeek captures: HAO, type 2 RH", test_zeek_hoa_rh2);
	CU_add_test(s, "Zeek captures: bad options", test_zeek_bad_opts);
	CU_add_test(s, "built HAO + RH2 + HBH", test_built_hao_rh2);
	CU_add_test(s, "Fragment, AH, ESP, No Next Header", test_ext_chain);
	CU_add_test(s, "extension header length errors", test_ext_errors);
}
