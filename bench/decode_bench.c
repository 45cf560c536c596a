/* decode_bench [N]: libmipwire decode rate against baselines measured in
 * the same run, on an in-memory pcap of N frames (default 2,000,000): a
 * mix of MIPv4 RRQ/RRP (NAI + MN-HA authentication) and MIPv6 BU/BA (HAO /
 * type 2 RH, Alternate CoA / Binding Refresh Advice). Prints messages/s
 * and ratios; run on demand (`ninja -C build bench`), never in the suite. */
#include <inttypes.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mipwire/mipwire.h"

#define ROUNDS 5

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this thread: on a shared machine, wall time also counts
 * the time the scheduler gave to others; this does not. */
static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const struct mw_eth_spec eth = { .dst = { 2, 0, 0, 0, 0, 2 },
					.src = { 2, 0, 0, 0, 0, 1 } };

/* The four sample frames. */
static size_t make_frames(uint8_t f[4][256], size_t len[4])
{
	static const uint8_t key[] = "bench-key";
	struct mw_ip4_spec ip4 = { .src = 0xcb007101, .dst = 0xc6336401 };
	struct mw_in6 hoa, coa, ha;
	struct mw_wbuf w;
	uint8_t m[256];
	struct mw_mip4 q = { .type = MW_MIP4_RRQ }, p = { .type = MW_MIP4_RRP };
	struct mw_mip4_ext_spec x[2] = { MW_MIP4_EXT_SPEC_INIT, MW_MIP4_EXT_SPEC_INIT };
	struct mw_mh h;
	struct mw_mh_opt_spec alt, bra;
	uint8_t brad[2] = { 0, 50 };
	struct mw_mh_build_spec b = { .mh = &h, .n_opts = 1, .align = true };

	mw_in6_parse("2001:db8:1::10", &hoa);
	mw_in6_parse("2001:db8:2::10", &coa);
	mw_in6_parse("2001:db8:1::1", &ha);
	q.u.rrq = (struct mw_mip4_rrq){ .lifetime = 1800, .hoa = 0xc633640a,
		.ha = 0xc6336401, .coa = 0xcb007101, .ident = 1ull << 40 };
	mw_mip4_spec_nai(&x[0], "mn1@example.net");
	mw_mip4_spec_auth(&x[1], MW_MIP4X_MN_HA_AUTH, 256, MW_AUTH_HMAC_MD5,
			  key, sizeof(key) - 1);
	mw_wbuf_init(&w, m, sizeof(m));
	mw_mip4_build(&w, &q, x, 2);
	mw_frame_udp4(f[0], 256, &eth, &ip4, 434, 434, m, w.len, &len[0]);
	p.u.rrp = (struct mw_mip4_rrp){ .lifetime = 1800, .hoa = 0xc633640a,
		.ha = 0xc6336401, .ident = 1ull << 40 };
	mw_wbuf_init(&w, m, sizeof(m));
	mw_mip4_build(&w, &p, x, 2);
	mw_frame_udp4(f[1], 256, &eth, &ip4, 434, 434, m, w.len, &len[1]);

	alt = (struct mw_mh_opt_spec){ .type = 3, .data = coa.b, .len = 16 };
	bra = (struct mw_mh_opt_spec){ .type = 2, .data = brad, .len = 2 }; /* BRA */
	mw_mh_init(&h, MW_MH_BU);
	h.u.bu = (struct mw_mh_bu){ .seq = 7, .flags = MW_BU_A | MW_BU_H,
				    .lifetime = 100 };
	b.opts = &alt;
	mw_wbuf_init(&w, m, sizeof(m));
	mw_mh_build(&w, &b);
	{
		struct mw_ip6_spec ip = { .src = coa, .dst = ha, .hao = &hoa };
		mw_frame_ip6(f[2], 256, &eth, &ip, 135, m, w.len, &len[2]);
	}
	mw_mh_init(&h, MW_MH_BA);
	h.u.ba = (struct mw_mh_ba){ .seq = 7, .lifetime = 100 };
	b.opts = &bra;
	mw_wbuf_init(&w, m, sizeof(m));
	mw_mh_build(&w, &b);
	{
		struct mw_ip6_spec ip = { .src = ha, .dst = coa, .rh2 = &hoa };
		mw_frame_ip6(f[3], 256, &eth, &ip, 135, m, w.len, &len[3]);
	}
	return len[0] && len[1] && len[2] && len[3] ? 4 : 0;
}

struct rec { uint32_t sec, usec, caplen, len; };

static uint8_t *make_pcap(size_t n, size_t *size)
{
	uint8_t f[4][256];
	size_t len[4], off = 24;
	uint8_t *buf;
	uint32_t hdr[6] = { 0xa1b2c3d4, 0x00040002, 0, 0, 65535, 1 };

	if (!make_frames(f, len)) {
		fprintf(stderr, "decode_bench: could not build the frames\n");
		exit(1);
	}
	buf = malloc(24 + n * (16 + 256));
	memcpy(buf, hdr, 24);
	for (size_t i = 0; i < n; i++) {
		struct rec r = { (uint32_t)(i / 1000), (uint32_t)(i % 1000),
				 (uint32_t)len[i % 4], (uint32_t)len[i % 4] };

		memcpy(buf + off, &r, 16);
		memcpy(buf + off + 16, f[i % 4], len[i % 4]);
		off += 16 + len[i % 4];
	}
	*size = off;
	return buf;
}

/* Bare loop: walk the records, touch one byte each. */
static double walk(const uint8_t *buf, size_t size, uint64_t *sink)
{
	double t = now();
	size_t off = 24;
	uint64_t s = 0;

	while (off + 16 <= size) {
		struct rec r;

		memcpy(&r, buf + off, 16);
		s += buf[off + 16];
		off += 16 + r.caplen;
	}
	*sink += s;
	return now() - t;
}

static double decode_all(const uint8_t *buf, size_t size, bool checksums,
			 uint64_t *msgs, double *cpu)
{
	static struct mw_packet pkt;
	struct mw_decode_opts o = { .mip4_ports = { 434 },
				    .pmip6_udp_port = 5436,
				    .no_checksums = !checksums };
	double t = now(), tc = cpu_now();
	size_t off = 24;
	uint64_t m = 0;

	while (off + 16 <= size) {
		struct rec r;

		memcpy(&r, buf + off, 16);
		mw_decode(&pkt, MW_LINK_ETHERNET, buf + off + 16, r.caplen,
			  r.len, &o);
		m += pkt.n_msgs;
		off += 16 + r.caplen;
	}
	*msgs = m;
	*cpu = cpu_now() - tc;
	return now() - t;
}

static double libpcap_loop(uint8_t *buf, size_t size, uint64_t *sink)
{
	char err[PCAP_ERRBUF_SIZE];
	FILE *fp = fmemopen(buf, size, "rb");
	pcap_t *p;
	struct pcap_pkthdr *h;
	const u_char *d;
	double t;
	uint64_t s = 0;

	setvbuf(fp, NULL, _IOFBF, 1 << 20);
	p = pcap_fopen_offline(fp, err);
	if (!p) {
		fprintf(stderr, "decode_bench: %s\n", err);
		exit(1);
	}
	t = now();
	while (pcap_next_ex(p, &h, &d) == 1)
		s += d[0];
	t = now() - t;
	pcap_close(p);
	*sink += s;
	return t;
}

static double best(double a, double b)
{
	return a < b ? a : b;
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 2000000;
	size_t size;
	uint8_t *buf = make_pcap(n, &size);
	double t_walk = 1e9, t_pcap = 1e9, t_full = 1e9, t_nock = 1e9;
	double c_full = 1e9, c_nock = 1e9, c;
	uint64_t sink = 0, msgs = 0;

	for (int r = 0; r < ROUNDS; r++) {
		t_walk = best(t_walk, walk(buf, size, &sink));
		t_pcap = best(t_pcap, libpcap_loop(buf, size, &sink));
		t_full = best(t_full, decode_all(buf, size, true, &msgs, &c));
		c_full = best(c_full, c);
		t_nock = best(t_nock, decode_all(buf, size, false, &msgs, &c));
		c_nock = best(c_nock, c);
	}
	if (msgs != n) {
		fprintf(stderr, "decode_bench: decoded %" PRIu64 " messages of %zu frames\n",
			msgs, n);
		return 1;
	}
	printf("decode_bench: %zu frames (RRQ, RRP, BU, BA with extensions), %.1f MB, best of %d\n",
	       n, size / 1e6, ROUNDS);
	printf("  %-44s %8.2f M/s\n", "bare record walk (baseline)", n / t_walk / 1e6);
	printf("  %-44s %8.2f M/s  %.2fx walk\n", "libpcap pcap_next_ex loop (baseline)",
	       n / t_pcap / 1e6, t_walk / t_pcap);
	printf("  %-44s %8.2f M/s  %.2fx walk, %.2fx libpcap\n",
	       "libmipwire full decode + checksums", n / t_full / 1e6,
	       t_walk / t_full, t_pcap / t_full);
	printf("  %-44s %8.2f M/s  %.2fx walk, %.2fx libpcap\n",
	       "libmipwire full decode, no checksums", n / t_nock / 1e6,
	       t_walk / t_nock, t_pcap / t_nock);
	printf("  %-44s %8.1f ns/msg wall, %.1f ns/msg CPU (%.2f M/s on CPU time)\n",
	       "full decode + checksums", t_full / n * 1e9, c_full / n * 1e9,
	       n / c_full / 1e6);
	printf("  %-44s %8.1f ns/msg wall, %.1f ns/msg CPU (%.2f M/s on CPU time)\n",
	       "full decode, no checksums", t_nock / n * 1e9, c_nock / n * 1e9,
	       n / c_nock / 1e6);
	printf("  target: >= 20 M messages/s per core (full decode, wall time): %s\n",
	       n / t_full >= 20e6 ? "met" : "NOT met");
	free(buf);
	return (int)(sink & 0);
}
