/* gen_captures OUTDIR: write good-mip4.pcap, good-mip6.pcap, the pass-*
 * captures (good-expected.txt) and one
 * <RULE-ID>.pcap per rule listed in the expectation table, deterministically
 * (fixed addresses, keys and timestamps). */
#include <stdlib.h>
#include <string.h>

#include "gen.h"

void gen_frame(struct gen *g, double t, const uint8_t *buf, size_t len)
{
	/* microsecond-exact timestamps: t is a multiple of 1 ms here */
	int64_t us = (int64_t)(t * 1e6 + 0.5);
	mw_capture_write(g->w, g->t0 + us / 1000000, (uint32_t)(us % 1000000) * 1000,
			 buf, (uint32_t)len, (uint32_t)len);
}

static int write_one(const char *dir, const char *name, bool v6, const char *brk)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s.pcap", dir, name);
	char err[256];
	struct gen g = { .w = mw_capture_create(path, MW_LINK_ETHERNET, 65535, err, sizeof err),
			 .t0 = 1700000000 };
	if (!g.w) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	if (v6)
		gen_mip6(&g, brk);
	else
		gen_mip4(&g, brk);
	return mw_capture_finish(g.w) != 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gen_captures OUTDIR EXPECTED-TABLE\n");
		return 2;
	}
	int bad = write_one(argv[1], "good-mip4", false, NULL);
	bad |= write_one(argv[1], "good-mip6", true, NULL);
	/* passing captures for rules the good traces cannot exercise */
	bad |= write_one(argv[1], "pass-mip6-resync", true, "pass-mip6-resync");
	/* one broken capture per "<capture> <rule> <verdict>" line whose
	 * capture is named after the rule */
	FILE *t = fopen(argv[2], "r");
	char line[256];
	if (!t) {
		perror(argv[2]);
		return 1;
	}
	while (fgets(line, sizeof line, t)) {
		char cap[96], rule[96], verdict[32];
		if (line[0] == '#' || sscanf(line, "%95s %95s %31s", cap, rule, verdict) != 3)
			continue;
		if (!strncmp(cap, "good-", 5) || strcmp(cap, rule))
			continue;
		bad |= write_one(argv[1], cap, !strncmp(rule, "MIP6-", 5) ||
				 !strncmp(rule, "NEMO-", 5) || !strncmp(rule, "PMIP6-", 6),
				 rule);
	}
	fclose(t);
	return bad;
}
