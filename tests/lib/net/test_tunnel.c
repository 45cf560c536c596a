/* Tunnels: IP in IP (Zeek 4in4.pcap and built), IPv6/IPv4 in IPv6, GRE with
 * key + sequence + checksum, minimal encapsulation and its rebuilt header,
 * UDP tunnels (DSMIPv6 4191, RFC 5845 TLV header), the RFC 3519 entry
 * (mwi_decode_ip_payload with no IP layer), depth limit, no_tunnels. */
#include "net_test.h"

/* Zeek 4in4.pcap */
static const char zeek_4in4[] =
	"0010db88d2efc8bcc896d2a008004500003400010000400"
	"46ab2010203040506070845000020000100004011"
	"66ca0a0000010a000002753032c8000c932a58585858";

static const struct mw_ip4_spec outer4 = {
	.src = 0xc0000201, .dst = 0xc0000202, .ttl = 64, .id = 7,
};

static void test_ipip(void)
{
	uint8_t f[256];
	struct mw_packet p;
	size_t n = nt_hex(zeek_4in4, f, sizeof f);

	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_OK);
	CU_ASSERT_EQUAL_FATAL(p.n_layers, 5);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_IP4);
	CU_ASSERT_EQUAL(p.layers[1].u.ip4.proto, 4);
	CU_ASSERT_EQUAL(p.layers[1].depth, 0);
	CU_ASSERT_TRUE(p.layers[1].u.ip4.csum_ok);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_IP4);
	CU_ASSERT_EQUAL(p.layers[2].depth, 1);
	CU_ASSERT_EQUAL(p.layers[2].u.ip4.src, mw_ip4_addr(10, 0, 0, 1));
	CU_ASSERT_EQUAL(p.layers[3].kind, MW_L_UDP);
	CU_ASSERT_EQUAL(p.layers[3].depth, 1);
	CU_ASSERT_EQUAL(p.layers[3].u.udp.csum_ok, 1);
	/* inner total length past the outer payload: malformed at it */
	f[34 + 3] = 0x30;
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_ETHERNET, f, n), MW_E_MALFORMED);
	NT_STATUS(&p, MW_E_MALFORMED, 36, "layer.ip4.total_len");
	/* no_tunnels: the inner packet is payload */
	f[34 + 3] = 0x20;
	{
		struct mw_decode_opts o = { .mip4_ports = { 434 }, .no_tunnels = true };
		CU_ASSERT_EQUAL(mw_decode(&p, MW_LINK_ETHERNET, f, (uint32_t)n,
					  (uint32_t)n, &o), MW_OK);
		CU_ASSERT_EQUAL(p.n_layers, 3);
		CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_PAYLOAD);
	}
}

/* IPv6 in IPv6 and IPv4 in IPv6 (RFC 2473), IPv6 in IPv4 */
static void test_ip6_tunnels(void)
{
	struct mw_ip6_spec o6 = { .src = nt_in6("2001:db8::1"), .dst = nt_in6("2001:db8::2") };
	struct mw_ip6_spec i6 = { .src = nt_in6("2001:db8:1::1"), .dst = nt_in6("2001:db8:1::2") };
	struct mw_ip4_spec i4 = { .src = 0x0a000001, .dst = 0x0a000002 };
	uint8_t in[128], f[256];
	struct mw_packet p;
	size_t m, n;

	mw_frame_udp6(in, sizeof in, NULL, &i6, 3, 4, (const uint8_t *)"in", 2, &m);
	CU_ASSERT_EQUAL(mw_frame_ip6(f, sizeof f, NULL, &o6, 41, in, m, &n), MW_OK);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_IP6);
	CU_ASSERT_EQUAL(p.layers[1].depth, 1);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_UDP);
	CU_ASSERT_EQUAL(p.layers[2].u.udp.csum_ok, 1);

	mw_frame_udp4(in, sizeof in, NULL, &i4, 3, 4, (const uint8_t *)"in", 2, &m);
	CU_ASSERT_EQUAL(mw_frame_ip6(f, sizeof f, NULL, &o6, 4, in, m, &n), MW_OK);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_IP4);
	CU_ASSERT_EQUAL(p.layers[1].depth, 1);
	CU_ASSERT_EQUAL(p.layers[2].u.udp.csum_ok, 1);

	mw_frame_udp6(in, sizeof in, NULL, &i6, 3, 4, (const uint8_t *)"in", 2, &m);
	CU_ASSERT_EQUAL(mw_frame_ip4(f, sizeof f, NULL, &outer4, 41, in, m, &n), MW_OK);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_IP6);
	CU_ASSERT_EQUAL(p.layers[2].u.udp.csum_ok, 1);
}

static size_t gre_frame(uint8_t *f, size_t cap, const struct mw_gre_spec *g,
			bool inner6)
{
	struct mw_wbuf w;
	struct mw_ipctx o, i;
	struct mw_ip6_spec i6 = { .src = nt_in6("2001:db8:1::1"), .dst = nt_in6("2001:db8:1::2") };
	struct mw_ip4_spec i4 = { .src = 0x0a000001, .dst = 0x0a000002 };
	size_t go, u;

	mw_wbuf_init(&w, f, cap);
	mw_ip4_begin(&w, &outer4, MW_IPPROTO_GRE, &o);
	go = mw_gre_begin(&w, g);
	if (inner6)
		mw_ip6_begin(&w, &i6, MW_IPPROTO_UDP, &i);
	else
		mw_ip4_begin(&w, &i4, MW_IPPROTO_UDP, &i);
	u = mw_udp_begin(&w, 11, 22);
	mw_put_bytes(&w, "data", 4);
	mw_udp_end(&w, u, &i, MW_CSUM_COMPUTE);
	if (inner6)
		mw_ip6_end(&w, &i, &i6);
	else
		mw_ip4_end(&w, &i, &i4);
	mw_gre_end(&w, go, g);
	mw_ip4_end(&w, &o, &outer4);
	CU_ASSERT_EQUAL(mw_wbuf_status(&w), MW_OK);
	return w.len;
}

static void test_gre(void)
{
	struct mw_gre_spec g = { .proto = 0x0800, .has_csum = true, .has_key = true,
				 .has_seq = true, .key = 0x01020304, .seq = 77 };
	uint8_t f[256];
	struct mw_packet p;
	size_t n = gre_frame(f, sizeof f, &g, false);
	const struct mw_gre *r;

	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL_FATAL(p.layers[1].kind, MW_L_GRE);
	r = &p.layers[1].u.gre;
	CU_ASSERT_EQUAL(p.layers[1].len, 16);
	CU_ASSERT_TRUE(r->has_csum && r->has_key && r->has_seq);
	CU_ASSERT_EQUAL(r->key, 0x01020304);
	CU_ASSERT_EQUAL(r->seq, 77);
	CU_ASSERT_EQUAL(r->proto, 0x0800);
	CU_ASSERT_EQUAL(r->csum_ok, 1);
	CU_ASSERT_EQUAL(p.layers[1].depth, 0);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_IP4);
	CU_ASSERT_EQUAL(p.layers[2].depth, 1);
	CU_ASSERT_EQUAL(p.layers[3].u.udp.csum_ok, 1);
	/* wrong GRE checksum */
	g.force_csum = true;
	g.csum = 1;
	n = gre_frame(f, sizeof f, &g, false);
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_EQUAL(p.layers[1].u.gre.csum_ok, 0);
	/* key only, IPv6 inside */
	g = (struct mw_gre_spec){ .proto = 0x86dd, .has_key = true, .key = 9 };
	n = gre_frame(f, sizeof f, &g, true);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].len, 8);
	CU_ASSERT_EQUAL(p.layers[1].u.gre.key, 9);
	CU_ASSERT_EQUAL(p.layers[1].u.gre.csum_ok, -1);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_IP6);
	CU_ASSERT_EQUAL(p.layers[3].u.udp.csum_ok, 1);
	/* another protocol type: payload */
	g.proto = 0x6558;
	n = gre_frame(f, sizeof f, &g, false);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_PAYLOAD);
	/* version 1: not decoded, noted */
	g.version = 1;
	n = gre_frame(f, sizeof f, &g, false);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_TRUE(nt_has_note(&p, "layer.gre.version"));
	/* key bit set but the datagram ends inside the key */
	g = (struct mw_gre_spec){ .proto = 0x0800 };
	{
		uint8_t gb[6] = { 0x20, 0, 0x08, 0, 0, 0 };
		CU_ASSERT_EQUAL(mw_frame_ip4(f, sizeof f, NULL, &outer4, 47, gb, 6, &n), MW_OK);
		CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_E_MALFORMED);
		NT_STATUS(&p, MW_E_MALFORMED, 24, "layer.gre.key");
	}
}

/* A minimally encapsulated UDP datagram ("orig", ports 5 -> 6) into f:
 * the original header `orig` modified in place into `out` (RFC 2004 3)
 * with forwarding header m. Its length. */
static size_t minenc_frame(uint8_t *f, size_t cap, const struct mw_ip4_spec *orig,
			   const struct mw_ip4_spec *out, const struct mw_minenc_spec *m)
{
	struct mw_wbuf w;
	struct mw_ipctx o, oi;
	size_t u;

	mw_wbuf_init(&w, f, cap);
	mw_ip4_begin(&w, out, MW_IPPROTO_MINENC, &o);
	mw_put_minenc(&w, m);
	oi = o; /* the UDP checksum uses the original addresses */
	oi.src4 = orig->src;
	oi.dst4 = orig->dst;
	u = mw_udp_begin(&w, 5, 6);
	mw_put_bytes(&w, "orig", 4);
	mw_udp_end(&w, u, &oi, MW_CSUM_COMPUTE);
	mw_ip4_end(&w, &o, out);
	return w.len;
}

static void test_minenc(void)
{
	struct mw_ip4_spec orig = { .src = mw_ip4_addr(10, 1, 1, 1),
				    .dst = mw_ip4_addr(10, 2, 2, 2),
				    .ttl = 50, .id = 0x4242, .tos = 4 };
	struct mw_ip4_spec out = orig;
	struct mw_minenc_spec m = { .proto = 17, .dst = orig.dst,
				    .with_src = true, .src = orig.src };
	uint8_t f[256], want[128], rb[20];
	struct mw_packet p;
	size_t n, wl;
	int s;

	/* the original datagram, for comparison */
	mw_frame_udp4(want, sizeof want, NULL, &orig, 5, 6, (const uint8_t *)"orig", 4, &wl);
	/* RFC 2004: outer = original header with dst = tunnel exit, proto 55 */
	out.src = mw_ip4_addr(192, 0, 2, 9);
	out.dst = mw_ip4_addr(192, 0, 2, 10);
	n = minenc_frame(f, sizeof f, &orig, &out, &m);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL_FATAL(p.n_layers, 5);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_MINENC);
	CU_ASSERT_EQUAL(p.layers[1].len, 12);
	CU_ASSERT_TRUE(p.layers[1].u.minenc.csum_ok);
	CU_ASSERT_TRUE(p.layers[1].u.minenc.src_present);
	CU_ASSERT_EQUAL(p.layers[1].u.minenc.dst, orig.dst);
	s = 2;
	CU_ASSERT_EQUAL(p.layers[s].kind, MW_L_IP4);
	CU_ASSERT_TRUE(p.layers[s].synthetic);
	CU_ASSERT_EQUAL(p.layers[s].len, 0);
	CU_ASSERT_EQUAL(p.layers[s].depth, 1);
	CU_ASSERT_EQUAL(p.layers[s].u.ip4.src, orig.src);
	CU_ASSERT_EQUAL(p.layers[s].u.ip4.dst, orig.dst);
	CU_ASSERT_EQUAL(p.layers[s].u.ip4.proto, 17);
	CU_ASSERT_EQUAL(p.layers[s].u.ip4.total_len, wl);
	CU_ASSERT_EQUAL(p.layers[3].kind, MW_L_UDP);
	CU_ASSERT_EQUAL(p.layers[3].u.udp.csum_ok, 1);
	/* the rebuilt header is the original one, byte for byte */
	CU_ASSERT_TRUE(mw_minenc_rebuild(&p, 1, rb));
	CU_ASSERT_EQUAL(memcmp(rb, want, 20), 0);
	CU_ASSERT_TRUE(mw_minenc_rebuild(&p, s, rb));
	CU_ASSERT_EQUAL(memcmp(rb, want, 20), 0);
	CU_ASSERT_FALSE(mw_minenc_rebuild(&p, 0, rb));
	/* also without the decoded inner layer */
	{
		struct mw_decode_opts no = { .mip4_ports = { 434 }, .no_tunnels = true };
		mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n, (uint32_t)n, &no);
		CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_PAYLOAD);
		CU_ASSERT_TRUE(mw_minenc_rebuild(&p, 1, rb));
		CU_ASSERT_EQUAL(memcmp(rb, want, 20), 0);
	}
	/* bad forwarding-header checksum */
	f[22] ^= 0xff;
	nt_dec(&p, MW_LINK_RAW, f, n);
	CU_ASSERT_FALSE(p.layers[1].u.minenc.csum_ok);

	/* without S: the source is the outer one (encapsulator = source) */
	m.with_src = false;
	out.src = orig.src;
	n = minenc_frame(f, sizeof f, &orig, &out, &m);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].len, 8);
	CU_ASSERT_TRUE(p.layers[1].u.minenc.csum_ok);
	CU_ASSERT_EQUAL(p.layers[2].u.ip4.src, orig.src);
	CU_ASSERT_TRUE(mw_minenc_rebuild(&p, 1, rb));
	CU_ASSERT_EQUAL(memcmp(rb, want, 20), 0);
	CU_ASSERT_EQUAL(p.layers[3].u.udp.csum_ok, 1);
}

/* RFC 2004 modifies the original header in place: its options are the
 * outer header's, and the rebuilt header carries them. */
static void test_minenc_options(void)
{
	static const uint8_t ra[8] = { 0x94, 0x04, 0, 0, 1, 1, 1, 0 }; /* RA, NOPs, EOL */
	struct mw_ip4_spec orig = { .src = mw_ip4_addr(10, 1, 1, 1),
				    .dst = mw_ip4_addr(10, 2, 2, 2),
				    .ttl = 50, .id = 0x4343, .opts = ra,
				    .opts_len = sizeof ra };
	struct mw_ip4_spec out = orig;
	struct mw_minenc_spec m = { .proto = 17, .dst = orig.dst };
	uint8_t f[256], want[128], hdr[60], rb[20];
	struct mw_packet p;
	size_t n, wl;

	mw_frame_udp4(want, sizeof want, NULL, &orig, 5, 6, (const uint8_t *)"orig", 4, &wl);
	CU_ASSERT_EQUAL_FATAL(want[0], 0x47);
	out.dst = mw_ip4_addr(192, 0, 2, 10); /* source unchanged: no S */
	n = minenc_frame(f, sizeof f, &orig, &out, &m);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL_FATAL(p.n_layers, 5);
	CU_ASSERT_TRUE(p.layers[2].synthetic);
	CU_ASSERT_EQUAL(p.layers[2].u.ip4.ihl, 28);
	CU_ASSERT_EQUAL(p.layers[2].u.ip4.opt_off, 20);
	CU_ASSERT_EQUAL(p.layers[2].u.ip4.opt_len, 8);
	CU_ASSERT_EQUAL(p.layers[2].u.ip4.total_len, wl);
	CU_ASSERT_EQUAL(p.layers[2].u.ip4.csum, (uint16_t)(want[10] << 8 | want[11]));
	CU_ASSERT_EQUAL(p.layers[3].u.udp.csum_ok, 1);
	/* byte for byte the original header, options included */
	CU_ASSERT_EQUAL(mw_minenc_header(&p, 1, hdr), 28);
	CU_ASSERT_EQUAL(memcmp(hdr, want, 28), 0);
	CU_ASSERT_EQUAL(mw_minenc_header(&p, 2, hdr), 28);
	CU_ASSERT_EQUAL(memcmp(hdr, want, 28), 0);
	CU_ASSERT_EQUAL(mw_minenc_header(&p, 0, hdr), 0);
	CU_ASSERT_FALSE(mw_minenc_rebuild(&p, 1, rb)); /* 20 bytes cannot hold it */
	{	/* changed by hand: options it does not hold are not copied */
		struct mw_packet q = p;
		q.layers[2].u.ip4.ihl = 32;
		CU_ASSERT_EQUAL(mw_minenc_header(&q, 2, hdr), 0);
		q = p;
		q.layers[2].u.ip4.opt_off = q.caplen - 4;
		CU_ASSERT_EQUAL(mw_minenc_header(&q, 2, hdr), 0);
	}
	{
		struct mw_decode_opts no = { .mip4_ports = { 434 }, .no_tunnels = true };
		mw_decode(&p, MW_LINK_RAW, f, (uint32_t)n, (uint32_t)n, &no);
		CU_ASSERT_EQUAL(mw_minenc_header(&p, 1, hdr), 28);
		CU_ASSERT_EQUAL(memcmp(hdr, want, 28), 0);
	}
}

static void test_depth_limit(void)
{
	uint8_t a[1024], b[1024];
	struct mw_packet p;
	size_t n;
	struct mw_ip4_spec s = { .src = 1, .dst = 2 };

	mw_frame_udp4(a, sizeof a, NULL, &s, 1, 2, (const uint8_t *)"x", 1, &n);
	for (int i = 0; i < MW_MAX_TUNNEL_DEPTH + 2; i++) {
		size_t m;
		CU_ASSERT_EQUAL_FATAL(mw_frame_ip4(b, sizeof b, NULL, &s, 4, a, n, &m), MW_OK);
		memcpy(a, b, m);
		n = m;
	}
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, a, n), MW_OK);
	CU_ASSERT_TRUE(nt_has_note(&p, "tunnel"));
	CU_ASSERT_EQUAL(p.layers[MW_MAX_TUNNEL_DEPTH].depth, MW_MAX_TUNNEL_DEPTH);
	CU_ASSERT_EQUAL(p.layers[MW_MAX_TUNNEL_DEPTH + 1].kind, MW_L_PAYLOAD);
}

static void test_udp_tunnels(void)
{
	struct mw_ip6_spec i6 = { .src = nt_in6("2001:db8:1::1"), .dst = nt_in6("2001:db8:1::2") };
	struct mw_ip4_spec i4 = { .src = 0x0a000001, .dst = 0x0a000002 };
	struct mw_gre_spec g = { .proto = 0x0800, .has_key = true, .key = 5 };
	uint8_t in[256], f[512];
	struct mw_packet p;
	size_t m, n;

	/* RFC 5555 4.1: IPv4 / UDP 4191 / IPv6 */
	mw_frame_udp6(in, sizeof in, NULL, &i6, 3, 4, (const uint8_t *)"v6", 2, &m);
	CU_ASSERT_EQUAL(mw_frame_udp4(f, sizeof f, NULL, &outer4, 40000, 4191, in, m, &n), MW_OK);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[1].kind, MW_L_UDP);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_IP6);
	CU_ASSERT_EQUAL(p.layers[2].depth, 1);
	CU_ASSERT_EQUAL(p.layers[3].kind, MW_L_UDP);
	CU_ASSERT_EQUAL(p.layers[3].u.udp.csum_ok, 1);
	/* and IPv4 inside, from the home agent's port */
	mw_frame_udp4(in, sizeof in, NULL, &i4, 3, 4, (const uint8_t *)"v4", 2, &m);
	mw_frame_udp4(f, sizeof f, NULL, &outer4, 4191, 40000, in, m, &n);
	CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, n), MW_OK);
	CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_IP4);
	/* RFC 5845 7.2: UDP / TLV (next 47) / GRE / IPv4 */
	{
		struct mw_wbuf w;
		struct mw_ipctx o, i;
		size_t u, t, go, iu;

		mw_wbuf_init(&w, f, sizeof f);
		mw_ip4_begin(&w, &outer4, MW_IPPROTO_UDP, &o);
		u = mw_udp_begin(&w, 5437, 5437);
		t = mw_udp_tlv_begin(&w, MW_IPPROTO_GRE);
		go = mw_gre_begin(&w, &g);
		mw_ip4_begin(&w, &i4, MW_IPPROTO_UDP, &i);
		iu = mw_udp_begin(&w, 1, 2);
		mw_udp_end(&w, iu, &i, MW_CSUM_COMPUTE);
		mw_ip4_end(&w, &i, &i4);
		mw_gre_end(&w, go, &g);
		mw_udp_tlv_end(&w, t);
		mw_udp_end(&w, u, &o, MW_CSUM_COMPUTE);
		mw_ip4_end(&w, &o, &outer4);
		CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, w.len), MW_OK);
		CU_ASSERT_EQUAL(p.layers[1].u.udp.csum_ok, 1);
		CU_ASSERT_EQUAL(p.layers[2].kind, MW_L_UDP_TLV);
		CU_ASSERT_EQUAL(p.layers[3].kind, MW_L_GRE);
		CU_ASSERT_EQUAL(p.layers[3].u.gre.key, 5);
		CU_ASSERT_EQUAL(p.layers[4].kind, MW_L_IP4);
		CU_ASSERT_EQUAL(p.layers[4].depth, 1);
		CU_ASSERT_EQUAL(p.layers[5].kind, MW_L_UDP);
		/* TLV length disagrees with UDP's */
		f[28 + 3] += 1;
		CU_ASSERT_EQUAL(nt_dec(&p, MW_LINK_RAW, f, w.len), MW_E_MALFORMED);
		NT_STATUS(&p, MW_E_MALFORMED, 30, "layer.udp_tlv.len");
	}
}

/* What the mip4 module does for an RFC 3519 tunnel data message:
 * mwi_decode_ip_payload(d, c, next_header, -1) on the bytes after it. */
static void test_rfc3519_entry(void)
{
	struct mw_ip4_spec i4 = { .src = 0x0a000001, .dst = 0x0a000002 };
	struct mw_gre_spec g = { .proto = 0x0800 };
	struct mw_minenc_spec m = { .proto = 17, .dst = 0x0a000002 };
	struct mw_decode_opts opts = { .mip4_ports = { 434 } };
	struct mw_packet p;
	struct mwi_dec d = { .pkt = &p, .opts = &opts };
	struct mw_cur c;
	struct mw_wbuf w;
	struct mw_ipctx ip = { 0 };
	uint8_t f[256];
	size_t u, go = 0;

	for (int proto = 0; proto < 3; proto++) {
		mw_wbuf_init(&w, f, sizeof f);
		if (proto == 1)
			go = mw_gre_begin(&w, &g);
		if (proto == 2)
			mw_put_minenc(&w, &m);
		if (proto < 2)
			mw_ip4_begin(&w, &i4, MW_IPPROTO_UDP, &ip);
		u = mw_udp_begin(&w, 1, 2);
		mw_put_bytes(&w, "t", 1);
		if (proto < 2) {
			mw_udp_end(&w, u, &ip, MW_CSUM_COMPUTE);
			mw_ip4_end(&w, &ip, &i4);
		} else {
			mw_udp_end(&w, u, &ip, 0);
		}
		if (proto == 1)
			mw_gre_end(&w, go, &g);
		memset(&p, 0, sizeof p);
		p.data = f;
		p.caplen = p.wirelen = (uint32_t)w.len;
		mw_cur_init(&c, f, w.len, &p.diag);
		mwi_decode_ip_payload(&d, &c, proto == 0 ? 4 : proto == 1 ? 47 : 55, -1);
		CU_ASSERT_EQUAL(p.diag.status, MW_OK);
		CU_ASSERT_EQUAL(d.depth, 0);
		CU_ASSERT_EQUAL(nt_layer(&p, MW_L_UDP, 0) >= 0, true);
		if (proto == 2) {
			/* no outer IPv4 and no S bit: source unknown, noted */
			CU_ASSERT_TRUE(nt_has_note(&p, "layer.minenc.src"));
			CU_ASSERT_TRUE(p.layers[1].synthetic);
		}
	}
}

void add_tunnel_tests(void)
{
	CU_pSuite s = CU_add_suite("net-tunnel", NULL, NULL);

	CU_add_test(s, "IP in IP (Zeek 4in4)", test_ipip);
	CU_add_test(s, "IPv6/IPv4 in IPv6, IPv6 in IPv4", test_ip6_tunnels);
	CU_add_test(s, "GRE key, sequence, checksum", test_gre);
	CU_add_test(s, "minimal encapsulation and rebuild", test_minenc);
	CU_add_test(s, "minimal encapsulation keeps the IP options", test_minenc_options);
	CU_add_test(s, "tunnel depth limit", test_depth_limit);
	CU_add_test(s, "UDP tunnels: DSMIPv6, TLV header", test_udp_tunnels);
	CU_add_test(s, "RFC 3519 entry point", test_rfc3519_entry);
}
