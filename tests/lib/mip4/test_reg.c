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
		{ MW_REG_MIP4_KEYGEN_SUB, "mip4.keygen" },
		{ MW_REG_MIP4_UDPTUN_REPLY_SUB, "mip4.udptun_reply" },
		{ MW_REG_MIP4_FA_ERROR_SUB, "mip4.fa_error" },
		{ MW_REG_MIP4_PMIP_NS_SUB, "mip4.pmip_ns" },
		{ MW_REG_MIP4_GRE_SUB, "mip4.gre_key" }, { MW_REG_MIP4_RO_SUB, "mip4.ro" },
		{ MW_REG_MIP4_RO_DATA_SUB, "mip4.ro_data" },
		{ MW_REG_MIP4_NAI_SUB, "mip4.nai_carrying" },
		{ MW_REG_MIP4_DYNHA_SUB, "mip4.dyn_ha" },
		{ MW_REG_MIP4_UDPTUN_REQ_SUB, "mip4.udptun_req" },
		{ MW_REG_MIP4_TNC_SUB, "mip4.tnc" }, { MW_REG_MIP4_MRRO_SUB, "mip4.mr_ro_cap" },
		{ MW_REG_MIP4_MPATH_SUB, "mip4.multipath" },
		{ MW_REG_MIP4_PMIP_AUTH, "mip4.pmip_auth" },
		{ MW_REG_MIP4_PMIP_DEVID, "mip4.pmip_devid" },
		{ MW_REG_MIP4_PMIP_SUBID, "mip4.pmip_subid" },
		{ MW_REG_MIP4_REPLAY, "mip4.replay_method" },
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
		/* RFC 5944 1.10 keeps the long form for non-skippable types, but
		 * RFC 4433 3.4 (139) and RFC 7629 4 (154) use it above 127. */
		CU_ASSERT(e->hdr != MW_HDR_LONG || e->code < 128 || e->code == 139 ||
			  e->code == 154);
		/* every row with sub-types names a global table */
		if (e->hdr == MW_HDR_LONG || e->hdr == MW_HDR_SHORT) {
			const struct mw_registry *sr = mw_mip4_subtypes((uint8_t)e->code, false);

			if (sr) {
				CU_ASSERT_EQUAL(e->sub, sr->id);
				CU_ASSERT_PTR_EQUAL(mw_registry_get((enum mw_reg_id)e->sub), sr);
			}
		}
		for (unsigned i = 0; i < e->n_fields; i++)
			for (unsigned j = i + 1; j < e->n_fields; j++)
				CU_ASSERT(strcmp(e->fields[i].key, e->fields[j].key) != 0);
	}
	r = mw_registry_get(MW_REG_MIP4_ADV_EXT);
	for (const struct mw_reg_entry *e = mw_reg_first(r); e; e = mw_reg_next(r, e))
		CU_ASSERT_EQUAL(!!(e->flags & MW_RF_SKIPPABLE), e->code >= 128);
}

/* Header form and total length bounds (type byte included) of every
 * extension checked against the text of its RFC. A row of the registry
 * that drifts from these fails here. */
#define ANY MW_LEN_ANY
static const struct {
	uint8_t type;
	uint8_t hdr;
	uint16_t min, max;
	const char *rfc;
} rfc_ext[] = {
	{ 0, MW_HDR_PAD1, 1, 1, "RFC 5944 2.1.3" },
	{ 32, MW_HDR_TLV8, 6, 257, "RFC 5944 3.5.2" },
	{ 33, MW_HDR_TLV8, 6, 257, "RFC 5944 3.5.3" },
	{ 34, MW_HDR_TLV8, 6, 257, "RFC 5944 3.5.4" },
	{ 36, MW_HDR_LONG, 8, ANY, "RFC 4721 5: SPI + authenticator" },
	{ 38, MW_HDR_CVSE, 10, ANY, "RFC 3115 2.1" },
	{ 40, MW_HDR_LONG, 8, ANY, "RFC 3957 6.1: length = data + 4 (MN SPI)" },
	{ 41, MW_HDR_LONG, 4, ANY, "RFC 3957 6.2: length = sub-type data" },
	{ 42, MW_HDR_LONG, 8, ANY, "RFC 3957 6.3" },
	{ 43, MW_HDR_LONG, 8, ANY, "RFC 3957 6.4: length = data + 4 (Lifetime)" },
	{ 44, MW_HDR_SHORT, 8, 8, "RFC 3519 3.2: Length 6" },
	{ 45, MW_HDR_SHORT, 4, 4, "RFC 4636 3: Length 2" },
	{ 46, MW_HDR_TLV8, 8, 8, "RFC 4857 9.1: Length 6" },
	{ 47, MW_HDR_LONG, 4, ANY, "RFC 5563 5.1: Type, Sub-Type, Length(16)" },
	{ 48, MW_HDR_LONG, 8, 8, "RFC 6245 5: Length 4" },
	{ 49, MW_HDR_SHORT, 3, 257, "RFC 6521 5.2-5.4" },
	{ 50, MW_HDR_LONG, 4, ANY, "RFC 6521 5.5" },
	{ 134, MW_HDR_TLV8, 10, 257, "RFC 3115 2.2" },
	{ 136, MW_HDR_SHORT, 3, 257, "RFC 3846 3" },
	{ 137, MW_HDR_TLV8, 8, 257, "RFC 3543 3.2: Length currently 6, may grow" },
	{ 138, MW_HDR_SHORT, 3, 257, "RFC 4881 9" },
	{ 139, MW_HDR_LONG, 8, 8, "RFC 4433 3.4: Length always 4" },
	{ 140, MW_HDR_TLV8, 8, 8, "RFC 4857 9.2: Length 6" },
	{ 142, MW_HDR_TLV8, 8, 8, "RFC 4857 9.4: Length 6" },
	{ 144, MW_HDR_SHORT, 8, 8, "RFC 3519 3.1" },
	{ 145, MW_HDR_SHORT, 4, 257, "RFC 4917 3: text of one or more octets" },
	{ 147, MW_HDR_SHORT, 3, 257, "RFC 5563 5.2-5.5" },
	{ 148, MW_HDR_SHORT, 3, 257, "RFC 5177 4" },
	{ 149, MW_HDR_SHORT, 4, 4, "RFC 5265 3.4: Length 2" },
	{ 151, MW_HDR_TLV8, 3, 257, "RFC 5446 3: Length 0 not allowed" },
	{ 152, MW_HDR_SHORT, 3, 257, "RFC 5454 2" },
	{ 153, MW_HDR_SHORT, 4, 8, "RFC 6521 5.1: flags, optional MR HoA" },
	{ 154, MW_HDR_LONG, 4, ANY, "RFC 7629 4.1/4.2: long form" },
};
static const struct {
	uint8_t type;
	uint8_t hdr;
	uint16_t min, max;
	const char *rfc;
} rfc_adv[] = {
	{ 0, MW_HDR_PAD1, 1, 1, "RFC 5944 2.1.3" },
	{ 16, MW_HDR_TLV8, 8, 257, "RFC 5944 2.1.1: Length 6 + 4N" },
	{ 19, MW_HDR_TLV8, 2, 257, "RFC 5944 2.1.2" },
	{ 20, MW_HDR_TLV8, 8, 2040, "RFC 4988 6.1: length in 8-octet units" },
	{ 21, MW_HDR_TLV8, 8, 8, "RFC 4988 6.2" },
	{ 22, MW_HDR_TLV8, 8, 8, "RFC 4988 6.3" },
	{ 24, MW_HDR_TLV8, 2, 257, "RFC 4721 2" },
	{ 136, MW_HDR_SHORT, 3, 257, "RFC 3846 3" },
	{ 140, MW_HDR_SHORT, 3, 257, "RFC 4881 9" },
};

static void check_rfc_row(enum mw_reg_id reg, uint8_t type, uint8_t hdr, uint16_t mn,
			  uint16_t mx, const char *rfc)
{
	const struct mw_reg_entry *e = mw_reg_lookup(reg, type);

	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	if (e->hdr != hdr || e->min_len != mn || e->max_len != mx) {
		fprintf(stderr, "\n  type %u: hdr %u len %u..%u, %s says hdr %u len %u..%u\n",
			type, e->hdr, e->min_len, e->max_len, rfc, hdr, mn, mx);
		CU_FAIL("extension row differs from its RFC");
	}
}

static void test_rfc_forms(void)
{
	for (size_t i = 0; i < sizeof(rfc_ext) / sizeof(rfc_ext[0]); i++)
		check_rfc_row(MW_REG_MIP4_EXT, rfc_ext[i].type, rfc_ext[i].hdr, rfc_ext[i].min,
			      rfc_ext[i].max, rfc_ext[i].rfc);
	for (size_t i = 0; i < sizeof(rfc_adv) / sizeof(rfc_adv[0]); i++)
		check_rfc_row(MW_REG_MIP4_ADV_EXT, rfc_adv[i].type, rfc_adv[i].hdr, rfc_adv[i].min,
			      rfc_adv[i].max, rfc_adv[i].rfc);
}

/* Bit layouts that were once wrong: MAA flags (RFC 5944 2.1.1, I = RFC 4857
 * regional registration after X), MR RO capability |A|R|S|O| (RFC 6521 5.1). */
static uint32_t mask_of(const struct mw_reg_entry *e, const char *key)
{
	for (unsigned i = 0; e && i < e->n_fields; i++)
		if (strcmp(e->fields[i].key, key) == 0)
			return e->fields[i].mask;
	return 0;
}

static void test_rfc_bits(void)
{
	const struct mw_reg_entry *maa = mw_reg_lookup(MW_REG_MIP4_ADV_EXT, 16);
	const struct mw_reg_entry *mrro = mw_reg_lookup(MW_REG_MIP4_MRRO_SUB, 1);
	const struct mw_reg_entry *mp = mw_reg_lookup(MW_REG_MIP4_MPATH_SUB, 1);

	CU_ASSERT_EQUAL(mask_of(maa, "u"), 0x0080);
	CU_ASSERT_EQUAL(mask_of(maa, "x"), 0x0040);
	CU_ASSERT_EQUAL(mask_of(maa, "i"), 0x0020);
	CU_ASSERT_EQUAL(mask_of(maa, "reserved"), 0x001f);
	CU_ASSERT_EQUAL(mask_of(mrro, "a"), 0x80);
	CU_ASSERT_EQUAL(mask_of(mrro, "r"), 0x40);
	CU_ASSERT_EQUAL(mask_of(mrro, "s"), 0x20);
	CU_ASSERT_EQUAL(mask_of(mrro, "o"), 0x10);
	CU_ASSERT_EQUAL(mask_of(mp, "b"), 0x80);
	CU_ASSERT_EQUAL(mask_of(mp, "o"), 0x40);
}

void add_reg_tests(void)
{
	CU_pSuite s = CU_add_suite("mip4-registry", NULL, NULL);

	CU_add_test(s, "tables match IANA CSVs", test_tables_match_csv);
	CU_add_test(s, "global ids", test_global_ids);
	CU_add_test(s, "row invariants", test_row_invariants);
	CU_add_test(s, "forms and lengths from the RFCs", test_rfc_forms);
	CU_add_test(s, "flag bits from the RFCs", test_rfc_bits);
}
