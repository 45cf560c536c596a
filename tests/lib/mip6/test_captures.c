/* Real captures: the zeek MIPv6 samples and tcpdump's mobility tests
 * (including the fuzz files). Until the net area's IPv6 decode is used
 * here, the MH is found by walking the IPv6 header chain in the test and
 * handed to mwi_decode_mh with the window ending at the IPv6 payload end.
 * tcpdump also prints next header 62 ("Mobile IP (old)") as mobility; so
 * does this test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mip6_test.h"

static struct mw_packet pkt;
static uint8_t filebuf[1 << 20];

struct rec { const uint8_t *d; uint32_t caplen, len; };

static int read_pcap(const char *path, struct rec *recs, int max, int *lt)
{
	FILE *f = fopen(path, "rb");
	size_t n, pos = 24;
	int k = 0;

	if (!f)
		return -1;
	n = fread(filebuf, 1, sizeof(filebuf), f);
	fclose(f);
	if (n < 24)
		return -1;
	*lt = (int)(filebuf[20] | filebuf[21] << 8);
	while (pos + 16 <= n && k < max) {
		uint32_t cl = filebuf[pos + 8] | filebuf[pos + 9] << 8 |
			      filebuf[pos + 10] << 16 | (uint32_t)filebuf[pos + 11] << 24;
		uint32_t wl = filebuf[pos + 12] | filebuf[pos + 13] << 8 |
			      filebuf[pos + 14] << 16 | (uint32_t)filebuf[pos + 15] << 24;

		pos += 16;
		if (cl > n - pos)
			cl = (uint32_t)(n - pos);
		recs[k++] = (struct rec){ filebuf + pos, cl, wl };
		pos += cl;
	}
	return k;
}

static size_t link_len(int lt, const uint8_t *d, size_t cl)
{
	switch (lt) {
	case 0: case 108: return 4;
	case 1:
		if (cl >= 18 && d[12] == 0x81 && d[13] == 0)
			return 18;
		return 14;
	case 8: case 113: return 16;
	default: return 0;
	}
}

/* Offset of the MH in the frame and the IPv6 payload end, or 0. */
static size_t find_mh(const uint8_t *d, size_t cl, size_t off, size_t *end,
		      struct mw_in6 *src, struct mw_in6 *dst, uint8_t *nh_out)
{
	uint8_t nh;
	size_t pos;

	if (off + 40 > cl || (d[off] >> 4) != 6)
		return 0;
	nh = d[off + 6];
	*end = off + 40 + (size_t)(d[off + 4] << 8 | d[off + 5]);
	memcpy(src->b, d + off + 8, 16);
	memcpy(dst->b, d + off + 24, 16);
	pos = off + 40;
	while (nh == 0 || nh == 43 || nh == 60 || nh == 44) {
		if (pos + 8 > cl)
			return 0;
		if (nh == 60) {  /* Home Address option: pseudo-header src */
			for (size_t o = pos + 2; o + 1 < pos + (d[pos + 1] + 1u) * 8 && o + 18 <= cl;) {
				if (d[o] == 0) { o++; continue; }
				if (d[o] == 201 && d[o + 1] == 16)
					memcpy(src->b, d + o + 2, 16);
				o += 2u + d[o + 1];
			}
		}
		if (nh == 43 && d[pos + 2] == 2 && pos + 24 <= cl)
			memcpy(dst->b, d + pos + 8, 16);
		nh = d[pos];
		pos += nh == 44 ? 8 : (d[pos + 1] + 1u) * 8;
	}
	*nh_out = nh;
	return (nh == 135 || nh == 62) ? pos : 0;
}

static uint16_t csum(const struct mw_in6 *s, const struct mw_in6 *t,
		     const uint8_t *m, size_t len)
{
	uint32_t sum = 135 + (uint32_t)len;

	for (int i = 0; i < 16; i += 2)
		sum += (uint32_t)(s->b[i] << 8 | s->b[i + 1]) + (uint32_t)(t->b[i] << 8 | t->b[i + 1]);
	for (size_t i = 0; i < len; i += 2)
		sum += (uint32_t)(m[i] << 8 | (i + 1 < len ? m[i + 1] : 0));
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* Decode the first MH of each record; returns records decoded. */
static int decode_file(const char *rel, int *types, mw_status *sts, int *csok,
		       int max)
{
	static struct rec recs[64];
	char path[512];
	int lt, n, k = 0;

	snprintf(path, sizeof(path), "%s/%s", g_captures, rel);
	n = read_pcap(path, recs, 64, &lt);
	CU_ASSERT_FATAL(n > 0);
	for (int i = 0; i < n && k < max; i++) {
		const uint8_t *d = recs[i].d;
		size_t cl = recs[i].caplen, end, mh;
		struct mw_in6 s, t;
		uint8_t nh = 0;

		mh = find_mh(d, cl, link_len(lt, d, cl), &end, &s, &t, &nh);
		if (!mh)
			continue;
		/* a zero-copy view starting at the MH, window to payload end */
		sts[k] = t_decode_mh(&pkt, d + mh, cl - mh, end > mh ? end - mh : 0);
		types[k] = pkt.n_msgs ? pkt.msgs[0].code : -1;
		csok[k] = -1;
		if (pkt.n_msgs && mh + pkt.msgs[0].u.mh.msg_len <= cl &&
		    pkt.msgs[0].u.mh.msg_len <= end - mh) {
			uint8_t tmp[2048];
			size_t l = pkt.msgs[0].u.mh.msg_len;

			memcpy(tmp, d + mh, l);
			tmp[4] = tmp[5] = 0;
			csok[k] = csum(&s, &t, tmp, l) == pkt.msgs[0].u.mh.csum;
		}
		k++;
	}
	return k;
}

static void test_zeek(void)
{
	static const struct { const char *f; int type; } z[] = {
		{ "zeek/mip6_brr.pcap", 0 }, { "zeek/mip6_hoti.pcap", 1 },
		{ "zeek/mip6_coti.pcap", 2 }, { "zeek/mip6_hot.pcap", 3 },
		{ "zeek/mip6_cot.pcap", 4 }, { "zeek/mip6_bu.pcap", 5 },
		{ "zeek/mip6_back.pcap", 6 }, { "zeek/mip6_be.pcap", 7 },
	};
	int types[64], cs[64];
	mw_status sts[64];

	for (size_t i = 0; i < sizeof(z) / sizeof(z[0]); i++) {
		int n = decode_file(z[i].f, types, sts, cs, 64);

		CU_ASSERT_FATAL(n >= 1);
		CU_ASSERT_EQUAL(types[0], z[i].type);
		CU_ASSERT_EQUAL(sts[0], MW_OK);
	}
	CU_ASSERT(decode_file("zeek/mip6-good-mh-chksum.pcap", types, sts, cs, 64) >= 1);
	CU_ASSERT_EQUAL(cs[0], 1);
	CU_ASSERT(decode_file("zeek/mip6-bad-mh-chksum.pcap", types, sts, cs, 64) >= 1);
	CU_ASSERT_EQUAL(cs[0], 0);
	/* the other zeek IPv6 mobility files decode without a crash */
	decode_file("zeek/ipv6-mobility-dst-opts.pcap", types, sts, cs, 64);
	decode_file("zeek/ipv6-mobile-hoa.pcap", types, sts, cs, 64);
	decode_file("zeek/ipv6-mobile-routing.pcap", types, sts, cs, 64);
}

/* tcpdump: the MH type of each packet and whether tcpdump stopped early
 * ("[|mobility]" / "(invalid)") against the expected text. */
static int tcpdump_type(const char *tok)
{
	static const char *names[] = { "BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE" };

	for (int i = 0; i < 8; i++)
		if (!strncmp(tok, names[i], strlen(names[i])) &&
		    (tok[strlen(names[i])] == ' ' || tok[strlen(names[i])] == '(' ||
		     tok[strlen(names[i])] == '\n' || tok[strlen(names[i])] == '\0'))
			return i;
	return -1;
}

static void test_tcpdump(void)
{
	static const char *files[] = {
		"ipv6_mobility_1", "ipv6-mobility-header-oobr", "cve2015-0261-ipv6",
		"mobility_opt_asan", "mobility_opt_asan_2", "mobility_opt_asan_3",
		"mobility_opt_asan_4", "mobility_opt_asan_5", "mobility_opt_asan_6",
		"mobility_opt_asan_7", "mobility_opt_asan_8",
	};
	int types[64], cs[64];
	mw_status sts[64];

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char rel[256], path[512], line[4096];
		int n, k = 0;
		bool fuzz = strstr(files[i], "asan") || strstr(files[i], "oobr") ||
			    strstr(files[i], "cve");
		FILE *f;

		snprintf(rel, sizeof(rel), "tcpdump/%s.pcap", files[i]);
		n = decode_file(rel, types, sts, cs, 64);
		snprintf(path, sizeof(path), "%s/tcpdump/expected/%s.out", g_captures, files[i]);
		f = fopen(path, "r");
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		while (fgets(line, sizeof(line), f) && k < n) {
			char *p = strstr(line, "mobility: ");
			int want;

			if (!p)
				continue;
			p += 10;
			if (!strncmp(p, "(payload protocol", 17))
				p = strstr(p, ") ") + 2;
			want = tcpdump_type(p);
			if (want >= 0) {
				if (types[k] != want)
					fprintf(stderr, "%s #%d: type %d, tcpdump %d\n",
						files[i], k, types[k], want);
				CU_ASSERT_EQUAL(types[k], want);
			}
			if (strstr(line, "[|mobility]")) {
				/* tcpdump ran out of bytes: so must we (or the
				 * message is malformed before that point) */
				CU_ASSERT(sts[k] == MW_E_TRUNC || sts[k] == MW_E_MALFORMED ||
					  pkt.msgs[0].status != MW_OK);
			}
			if (fuzz)
				CU_ASSERT(sts[k] != MW_OK || strstr(line, "(invalid)"));
			k++;
		}
		fclose(f);
		CU_ASSERT(k == n);
	}
}

void add_capture_tests(void)
{
	CU_pSuite s = CU_add_suite("mip6-captures", NULL, NULL);

	CU_add_test(s, "zeek MIPv6 captures", test_zeek);
	CU_add_test(s, "tcpdump mobility captures", test_tcpdump);
}
