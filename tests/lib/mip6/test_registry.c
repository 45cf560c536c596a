/* Each Mobile IPv6 registry table against its IANA CSV snapshot.
 * Strictness: every CSV code must have a row whose name is the IANA name
 * (for a code IANA lists twice, HAck status 0, the row name holds both,
 * joined by " | "), whose reference names each RFC of the CSV ("RFC N");
 * and every row must come from the CSV, except the extras listed here
 * (ICMPv6 134 = RA, ND options 1/2/3/5 of RFC 4861: not Mobile IP rows of
 * the IANA subset). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mip6_test.h"

struct csv_map {
	const char *file;
	enum mw_reg_id id;
	int extras[6];  /* codes allowed beyond the CSV, -1 terminated */
};

static const struct csv_map maps[] = {
	{ "mh-types.csv", MW_REG_MH_TYPE, { -1 } },
	{ "mh-options.csv", MW_REG_MH_OPT, { -1 } },
	{ "ba-status.csv", MW_REG_BA_STATUS, { -1 } },
	{ "be-status.csv", MW_REG_BE_STATUS, { -1 } },
	{ "mh-handoff-indicator.csv", MW_REG_HANDOFF_IND, { -1 } },
	{ "mh-access-tech-types.csv", MW_REG_ACCESS_TECH, { -1 } },
	{ "mh-mn-id-subtypes.csv", MW_REG_MNID_SUB, { -1 } },
	{ "mh-revocation-triggers.csv", MW_REG_BRI_TRIGGER, { -1 } },
	{ "mh-bra-status.csv", MW_REG_BRI_STATUS, { -1 } },
	{ "mh-binding-revocation-types.csv", MW_REG_MH_BR_TYPE, { -1 } },
	{ "mh-hi-status.csv", MW_REG_MH_HI_CODE, { -1 } },
	{ "mh-hack-status.csv", MW_REG_MH_HACK_STATUS, { -1 } },
	{ "icmpv6-mip.csv", MW_REG_ICMP6_MIP, { 134, -1 } },
	{ "icmpv6-154-subtypes.csv", MW_REG_ICMP6_154_SUB, { -1 } },
	{ "nd-options-mip.csv", MW_REG_ND_OPT, { 1, 2, 3, 5, -1 } },
	{ "mh-ani-suboptions.csv", MW_REG_MH_ANI_SUB, { -1 } },
	{ "mh-flow-id-suboptions.csv", MW_REG_MH_FLOW_SUB, { -1 } },
	{ "mh-lma-mag-params-suboptions.csv", MW_REG_MH_LMA_MAG_SUB, { -1 } },
};

/* Split one CSV line (RFC 4180 quotes) into 3 fields. */
static int split3(char *line, char *out[3])
{
	int n = 0;
	char *w = line, *r = line;

	out[0] = line;
	while (*r && n < 3) {
		if (*r == '"') {
			r++;
			while (*r) {
				if (*r == '"') {
					if (r[1] != '"') {
						r++;
						break;
					}
					r++;
				}
				*w++ = *r++;
			}
			continue;
		}
		if (*r == ',') {
			*w++ = '\0';
			r++;
			if (++n < 3)
				out[n] = w;
			continue;
		}
		if (*r == '\n' || *r == '\r') {
			r++;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
	return n + 1;
}

static void check_refs(const char *row_ref, const char *csv_ref, int code,
		       const char *file)
{
	char buf[256], *save = NULL, *tok;

	snprintf(buf, sizeof(buf), "%s", csv_ref);
	for (tok = strtok_r(buf, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
		char want[64];

		if (!strncmp(tok, "RFC", 3) && tok[3] >= '0' && tok[3] <= '9')
			snprintf(want, sizeof(want), "RFC %s", tok + 3);
		else
			snprintf(want, sizeof(want), "%s", tok);
		if (!strstr(row_ref, want)) {
			fprintf(stderr, "%s code %d: ref '%s' lacks '%s'\n", file,
				code, row_ref, want);
			CU_FAIL("reference differs from IANA");
		}
	}
}

static void test_csv(void)
{
	for (size_t m = 0; m < sizeof(maps) / sizeof(maps[0]); m++) {
		char path[512], line[512];
		bool seen[256] = { false };
		const struct mw_registry *reg = mw_registry_get(maps[m].id);
		FILE *f;
		int ln = 0;

		snprintf(path, sizeof(path), "%s/%s", g_iana, maps[m].file);
		f = fopen(path, "r");
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		CU_ASSERT_PTR_NOT_NULL_FATAL(reg);
		while (fgets(line, sizeof(line), f)) {
			char *fld[3];
			const struct mw_reg_entry *row;
			int code;

			if (++ln <= 2)
				continue;
			if (split3(line, fld) < 3)
				continue;
			code = atoi(fld[0]);
			row = mw_reg_lookup(maps[m].id, (unsigned)code);
			if (!row) {
				fprintf(stderr, "%s: code %d missing\n", maps[m].file, code);
				CU_FAIL("IANA code missing in registry");
				continue;
			}
			seen[code] = true;
			if (seen[code] && strcmp(row->name, fld[1]) &&
			    !strstr(row->name, fld[1])) {
				fprintf(stderr, "%s code %d: '%s' != '%s'\n",
					maps[m].file, code, row->name, fld[1]);
				CU_FAIL("name differs from IANA");
			}
			check_refs(row->ref, fld[2], code, maps[m].file);
			CU_ASSERT_EQUAL(row->code, code);
		}
		fclose(f);
		for (const struct mw_reg_entry *r = mw_reg_first(reg); r;
		     r = mw_reg_next(reg, r)) {
			bool extra = false;

			for (int i = 0; maps[m].extras[i] >= 0; i++)
				extra |= maps[m].extras[i] == r->code;
			if (!seen[r->code] && !extra) {
				fprintf(stderr, "%s: row %u not in IANA\n",
					maps[m].file, r->code);
				CU_FAIL("registry row not in IANA snapshot");
			}
		}
	}
}

/* Layout sanity: keys unique per row, fields inside the minimum length
 * for fixed fields, masks within the field width, value registries exist. */
static void test_layouts(void)
{
	static const enum mw_reg_id ids[] = {
		MW_REG_MH_TYPE, MW_REG_MH_OPT, MW_REG_ICMP6_MIP, MW_REG_ND_OPT,
		MW_REG_MH_BR_TYPE, MW_REG_MH_ANI_SUB, MW_REG_MH_FLOW_SUB,
	};
	for (size_t k = 0; k < sizeof(ids) / sizeof(ids[0]); k++) {
		const struct mw_registry *reg = mw_registry_get(ids[k]);

		CU_ASSERT_PTR_NOT_NULL_FATAL(reg);
		CU_ASSERT_EQUAL(reg->id, ids[k]);
		for (const struct mw_reg_entry *r = mw_reg_first(reg); r;
		     r = mw_reg_next(reg, r)) {
			for (uint16_t i = 0; i < r->n_fields; i++) {
				const struct mw_field *f = &r->fields[i];

				for (uint16_t j = 0; j < i; j++)
					CU_ASSERT(strcmp(f->key, r->fields[j].key) != 0);
				if (f->len && ids[k] != MW_REG_MH_BR_TYPE &&
				    f->off + f->len > r->min_len) {
					fprintf(stderr, "%s.%s.%s beyond min_len %u\n",
						reg->key, r->key, f->key, r->min_len);
					CU_FAIL("fixed field beyond the minimum length");
				}
				if (f->mask && f->len < 4)
					CU_ASSERT(f->mask < (1u << (8 * f->len)));
				if (f->vals)
					CU_ASSERT_PTR_NOT_NULL(mw_registry_get((enum mw_reg_id)f->vals));
			}
			if (r->align_n)
				CU_ASSERT(r->align_k < r->align_n);
		}
	}
}

void add_registry_tests(void)
{
	CU_pSuite s = CU_add_suite("mip6-registry", NULL, NULL);

	CU_add_test(s, "registries match IANA CSV", test_csv);
	CU_add_test(s, "layouts are consistent", test_layouts);
}
