/* Real captures (../shared/captures/click): every MIPv4 message and agent
 * advertisement decodes without error, except truncation where the
 * capture was cut. The Ethernet/IPv4/UDP/ICMP walk here is minimal on
 * purpose, so the test does not depend on the net module. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mip4_test.h"

static unsigned n_msg, n_adv;

static uint32_t rd32(const uint8_t *p, bool swap)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

static void frame(const uint8_t *f, size_t cap, size_t wire, int linktype)
{
	static struct mw_packet pkt;
	size_t off = 0, ihl, iplen;
	mw_status st;

	if (linktype == 1) {
		if (cap < 14 || f[12] != 0x08 || f[13] != 0x00)
			return;
		off = 14;
	}
	if (cap < off + 20 || (f[off] >> 4) != 4)
		return;
	ihl = (size_t)(f[off] & 15) * 4;
	iplen = mw_load_be16(f + off + 2);
	if ((mw_load_be16(f + off + 6) & 0x3fff) || iplen < ihl || cap < off + ihl)
		return;
	if (f[off + 9] == 17 && cap >= off + ihl + 8) {
		const uint8_t *u = f + off + ihl;
		size_t ulen = mw_load_be16(u + 4);

		if (mw_load_be16(u) != 434 && mw_load_be16(u + 2) != 434)
			return;
		if (ulen < 8)
			return;
		st = t_decode_msg(&pkt, u + 8, ulen - 8, cap - off - ihl - 8 < ulen - 8 ?
				  cap - off - ihl - 8 : ulen - 8);
		n_msg++;
	} else if (f[off + 9] == 1) {
		const uint8_t *ic = f + off + ihl;
		size_t ilen = iplen - ihl, icap = cap - off - ihl;

		if (icap < 1 || (ic[0] != 9 && ic[0] != 10))
			return;
		st = t_decode_icmp(&pkt, ic, ilen, icap < ilen ? icap : ilen);
		n_adv++;
	} else {
		return;
	}
	if (st != MW_OK && !(st == MW_E_TRUNC && cap < wire)) {
		char b[200];

		mw_diag_format(&pkt.diag, b, sizeof(b));
		fprintf(stderr, "\n  %s\n", b);
		CU_FAIL("capture frame failed to decode");
	}
}

static void one_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t gh[24], rh[16];
	static uint8_t f[262144];
	bool swap;
	int lt;

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	if (fread(gh, 1, 24, fp) != 24) {
		fclose(fp);
		return;
	}
	swap = !(gh[0] == 0xd4 || gh[0] == 0x4d);
	lt = (int)rd32(gh + 20, swap);
	while (fread(rh, 1, 16, fp) == 16) {
		uint32_t cap = rd32(rh + 8, swap), wire = rd32(rh + 12, swap);

		if (cap > sizeof(f) || fread(f, 1, cap, fp) != cap)
			break;
		frame(f, cap, wire, lt);
	}
	fclose(fp);
}

static void test_click_captures(void)
{
	char dir[512], path[1024];
	struct dirent *de;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/click", g_capture_dir);
	d = opendir(dir);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		one_file(path);
	}
	closedir(d);
	fprintf(stderr, "\n  click captures: %u UDP 434 messages, %u router adv/sol\n",
		n_msg, n_adv);
	CU_ASSERT(n_msg > 0);
	CU_ASSERT(n_adv > 0);
}

void add_capture_tests(void)
{
	CU_pSuite s = CU_add_suite("mip4-captures", NULL, NULL);

	CU_add_test(s, "click captures decode", test_click_captures);
}
