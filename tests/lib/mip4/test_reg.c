/* Each MIPv4 table against its IANA CSV snapshot: every CSV code present,
 * same name after lower-casing and dropping everything but letters and
 * digits; the table has no code the CSV lacks. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mip4_test.h"

static void norm(const char *s, char *out, size_t cap)
{
	size_t n = 0;

	for (; *s && n + 1 < cap; s++)
		if (isalnum((unsigned char)*s))
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

/* Parses "code,name,ref" with RFC 4180 quotes in name. */
static bool parse_line(char *line, unsigned *code, char *name, size_t cap)
{
	char *p = line, *q;
	size_t n = 0;

	if (!isdigit((unsigned char)*p))
		return false;
	*code = (unsigned)strtoul(p, &q, 10);
	if (*q != ',')
		return false;
	p = q + 1;
	if (*p == '"') {
		for (p++; *p && n + 1 < cap; p++) {
			if (*p == '"' && p[1] == '"') {
				name[n++] = '"';
				p++;
			} else if (*p == '"') {
				break;
			} else {
				name[n++] = *p;
			}
		}
	} else {
		for (; *p && *p != ',' && n + 1 < cap; p++)
			name[n++] = *p;
	}
	name[n] = '\0';
	return true;
}

static void check_table(const struct mw_registry *r, const char *csv)
{
	char path[512], line[512], name[256], a[256], b[256];
	bool seen[256] = { false };
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", g_csv_dir, csv);
	f = fopen(path, "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	while (fgets(line, sizeof(line), f)) {
		unsigned code;

		line[strcspn(line, "\r\n")] = '\0';
		if (!parse_line(line, &code, name, sizeof(name)))
			continue;
		CU_ASSERT_FATAL(code < 256);
		seen[code] = true;
		if (code >= r->n_rows || !r->rows[code].key) {
			fprintf(stderr, "\n  %s: code %u (%s) missing\n", csv, code, name);
			CU_FAIL("CSV code missing from table");
			continue;
		}
		norm(name, a, sizeof(a));
		norm(r->rows[code].name, b, sizeof(b));
		if (strcmp(a, b)) {
			fprintf(stderr, "\n  %s: code %u: '%s' vs '%s'\n", csv, code, name,
				r->rows[code].name);
			CU_FAIL("name differs from IANA");
		}
		CU_ASSERT_EQUAL(r->rows[code].code, code);
	}
	fclose(f);
	for (unsigned c = 0; c < r->n_rows; c++)
		if (r->rows[c].key && !seen[c]) {
			fprintf(stderr, "\n  %s: table has extra code %u\n", csv, c);
			CU_FAIL("table code not in CSV");
		}
}

static void test_tables_match_csv(void)
{
	size_t n;
	const struct mw_mip4_table *t = mw_mip4_registries(&n);

	CU_ASSERT(n >= 33);
	for (size_t i = 0; i < n; i++) {
		CU_ASSERT_PTR_NOT_NULL_FATAL(t[i].reg);
		CU_ASSERT_PTR_NOT_NULL(t[i].reg->key);
		if (t[i].csv)
			check_table(t[i].reg, t[i].csv);
	}
}

/* Global ids are reachable through the registry index and keyed right. */
static void test_global_ids(void)
{
	static const struct { enum mw_reg_id id; const char *key; } ids[] = {
		{ MW_REG_MIP4_MSG, "mip4.msg" }, { MW_REG_MIP4_EXT, "mip4.ext" },
		{ MW_REG_MIP4_REPLY, "mip4.reply" }, { MW_REG_MIP4_ADV_EXT, "mip4.adv_ext" },
		{ MW_REG_MIP4_GAUTH_SUB, NULL }, { MW_REG_MIP4_UDPTUN_REPLY, NULL },
		{ MW_REG_MIP4_MSGSTR_SUB, NULL }, { MW_REG_MIP4_NEMO_SUB, NULL },
		{ MW_REG_MIP4_DSTACK_SUB, NULL }, { MW_REG_MIP4_GNM_SUB, NULL },
		{ MW_REG_MIP4_HO_SUB, NULL }, { MW_REG_MIP4_CONF_SUB, NULL },
		{ MW_REG_MIP4_GLLA_SUB, NULL }, { MW_REG_MIP4_NEMO_ACK, NULL },
		{ MW_REG_MIP4_ACCESS_TECH, NULL }, { MW_REG_MIP4_IP6PFX_REPLY, NULL },
	};
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		const struct mw_registry *r = mw_registry_get(ids[i].id);

		CU_ASSERT_PTR_NOT_NULL_FATAL(r);
		CU_ASSERT_EQUAL(r->id, ids[i].id);
		if (ids[i].key)
			CU_ASSERT_STRING_EQUAL(r->key, ids[i].key);
	}
}

/* Row invariants: skippable flag iff >= 128, bounds, unique field keys,
 * layout fields inside the minimum element where fixed. */
static void test_row_invariants(void)
{
	const struct mw_registry *r = mw_registry_get(MW_REG_MIP4_EXT);

	for (const struct mw_reg_entry *e = mw_reg_first(r); e; e = mw_reg_next(r, e)) {
		CU_ASSERT_EQUAL(!!(e->flags & MW_RF_SKIPPABLE), e->code >= 128);
		CU_ASSERT(e->hdr != MW_HDR_NONE);
		CU_ASSERT(e->min_len <= e->max_len);
		CU_ASSERT(e->hdr != MW_HDR_LONG || e->code < 128); /* RFC 5944 1.10 */
		for (unsigned i = 0; i < e->n_fields; i++)
			for (unsigned j = i + 1; j < e->n_fields; j++)
				CU_ASSERT(strcmp(e->fields[i].key, e->fields[j].key) != 0);
	}
	r = mw_registry_get(MW_REG_MIP4_ADV_EXT);
	for (const struct mw_reg_entry *e = mw_reg_first(r); e; e = mw_reg_next(r, e))
		CU_ASSERT_EQUAL(!!(e->flags & MW_RF_SKIPPABLE), e->code >= 128);
}

void add_reg_tests(void)
{
	CU_pSuite s = CU_add_suite("mip4-registry", NULL, NULL);

	CU_add_test(s, "tables match IANA CSVs", test_tables_match_csv);
	CU_add_test(s, "global ids", test_global_ids);
	CU_add_test(s, "row invariants", test_row_invariants);
}
