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
	{ "mh-dns-update-status.csv", MW_REG_MH_DNS_STATUS, { -1 } },
	{ "mh-dsmip6-ipv4-hoa-status.csv", MW_REG_MH_IPV4_ACK_STATUS, { -1 } },
	{ "mh-ipv4-hoa-reply-status.csv", MW_REG_MH_IPV4_REPLY_STATUS, { -1 } },
	{ "mh-upn-reasons.csv", MW_REG_MH_UPN_REASON, { -1 } },
	{ "mh-upa-status.csv", MW_REG_MH_UPA_STATUS, { -1 } },
	{ "mh-flow-binding-types.csv", MW_REG_MH_FB_TYPE, { -1 } },
	{ "mh-flow-binding-triggers.csv", MW_REG_MH_FB_TRIGGER, { -1 } },
	{ "mh-flow-binding-ack-status.csv", MW_REG_MH_FBA_STATUS, { -1 } },
	{ "mh-flow-binding-actions.csv", MW_REG_MH_FB_ACTION, { -1 } },
	{ "mh-flow-id-status.csv", MW_REG_MH_FLOW_ID_STATUS, { -1 } },
	{ "mh-auth-subtypes.csv", MW_REG_MH_AUTH_SUB, { -1 } },
	{ "mh-mn-group-id-types.csv", MW_REG_MH_GROUP_ID_TYPE, { -1 } },
	{ "mh-operator-id-types.csv", MW_REG_MH_OPID_TYPE, { -1 } },
	{ "mh-traffic-selector-formats.csv", MW_REG_MH_TS_FORMAT, { -1 } },
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

/* Layout sanity: keys unique per row, fixed fields inside the minimum
 * length (a field may lie wholly past it: an optional trailing field such
 * as the GRE Key Identifier, RFC 5845 6.1), masks within the field width,
 * value registries exist. */
static void test_layouts(void)
{
	static const enum mw_reg_id ids[] = {
		MW_REG_MH_TYPE, MW_REG_MH_OPT, MW_REG_ICMP6_MIP, MW_REG_ND_OPT,
		MW_REG_MH_BR_TYPE, MW_REG_MH_ANI_SUB, MW_REG_MH_FLOW_SUB,
		MW_REG_MH_LMA_MAG_SUB, MW_REG_MH_LRA_STATUS, MW_REG_MH_FB_TYPE,
		MW_REG_ICMP6_154_SUB,
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
				    f->off < r->min_len &&
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

/* Alignment (xn+k) and total minimum / maximum length (type and length
 * bytes included) of mobility options, each row read from the section of
 * the defining RFC named beside it. n = 0: the RFC states no alignment
 * requirement. Keeps the table from drifting. */
static const struct {
	uint8_t type, n, k;
	uint16_t min, max;
	const char *where;
} opt_facts[] = {
	{ 2, 2, 0, 4, 4, "RFC 6275 6.2.4" },
	{ 3, 8, 6, 18, 18, "RFC 6275 6.2.5" },
	{ 4, 2, 0, 6, 6, "RFC 6275 6.2.6" },
	{ 5, 8, 2, 14, 14, "RFC 6275 6.2.7" },
	{ 6, 8, 4, 20, 20, "RFC 3963 4.3" },
	{ 7, 0, 0, 3, 257, "RFC 5568 6.4.4: no alignment" },
	{ 8, 0, 0, 3, 257, "RFC 4283 3: no alignment" },
	{ 9, 4, 1, 7, 257, "RFC 4285 5" },
	{ 10, 8, 2, 10, 10, "RFC 4285 6" },
	{ 11, 0, 0, 2, 2, "RFC 4866 5.6" },
	{ 15, 0, 0, 2, 2, "RFC 4866 5.4" },
	{ 16, 0, 0, 10, 10, "RFC 4866 5.5" },
	{ 17, 0, 0, 4, 257, "RFC 5026 8.1" },
	{ 19, 4, 2, 7, 257, "RFC 5094 3" },
	{ 20, 0, 0, 3, 257, "RFC 5149 3: no alignment, length 0 not allowed" },
	{ 22, 8, 4, 20, 20, "RFC 5213 8.3" },
	{ 23, 0, 0, 4, 4, "RFC 5213 8.4: no alignment" },
	{ 24, 0, 0, 4, 4, "RFC 5213 8.5: no alignment" },
	{ 26, 8, 6, 18, 18, "RFC 5213 8.7" },
	{ 27, 8, 2, 10, 10, "RFC 5213 8.8" },
	{ 28, 4, 2, 6, 6, "RFC 5847 3.4" },
	{ 29, 4, 0, 8, 8, "RFC 5555 3.1.1" },
	{ 30, 4, 0, 8, 8, "RFC 5555 3.2.1" },
	{ 31, 4, 0, 8, 8, "RFC 5555 3.2.2" },
	{ 32, 4, 0, 8, 8, "RFC 5555 3.1.2" },
	{ 33, 4, 0, 4, 8, "RFC 5845 6.1: length 2 or 6" },
	{ 34, 8, 4, 20, 20, "RFC 5568 6.4.2" },
	{ 35, 2, 0, 6, 22, "RFC 5648 4.3: 2n without a CoA, 8n+2 with one; "
			  "the registry holds 2n, true of both" },
	{ 36, 4, 0, 8, 8, "RFC 5844 3.3.1: length 6" },
	{ 37, 4, 0, 8, 8, "RFC 5844 3.3.2: length 6" },
	{ 38, 4, 0, 8, 8, "RFC 5844 3.3.3: length 6" },
	{ 39, 0, 0, 4, 4, "RFC 5844 3.3.4: no alignment, length 2" },
	{ 41, 0, 0, 8, 20, "RFC 5949 6.2.2: length 18 or 6" },
	{ 42, 0, 0, 12, 12, "RFC 5949 6.2.3: length 10" },
	{ 43, 0, 0, 4, 4, "RFC 6058 5.1: no alignment, length 2" },
	{ 44, 2, 0, 4, 257, "RFC 6089 4.2.2: one or more 16-bit FIDs" },
	{ 45, 2, 0, 8, 257, "RFC 6089 4.2" },
	{ 46, 4, 0, 4, 4, "RFC 6463 4.1" },
	{ 47, 4, 0, 8, 20, "RFC 6463 4.2: length 18 or 6" },
	{ 48, 4, 0, 20, 20, "RFC 6463 4.3" },
	{ 49, 4, 2, 6, 6, "RFC 6463 4.4" },
	{ 50, 0, 0, 8, 8, "RFC 6602 4.3: no alignment stated, length 6" },
	{ 51, 8, 4, 20, 20, "RFC 6705 11.1: length 18" },
	{ 52, 4, 0, 4, 257, "RFC 6757 3: at least one sub-option" },
	{ 53, 4, 0, 6, 257, "RFC 6909 3.1: M + Reserved, TS sub-option optional" },
	{ 54, 0, 0, 6, 257, "RFC 7028 5.1.2: no alignment stated" },
	{ 55, 8, 2, 8, 20, "RFC 7148 4.1: 4- or 16-byte prefix" },
	{ 56, 4, 1, 3, 257, "RFC 7161 6.1" },
	{ 57, 8, 1, 3, 257, "RFC 7161 4.1.2" },
	{ 58, 4, 0, 8, 257, "RFC 7222 4.1: attributes from byte 8" },
	{ 59, 8, 2, 4, 20, "RFC 7389 4: address empty, 4 or 16 bytes" },
	{ 60, 0, 0, 4, 257, "RFC 7411 5.3: no alignment stated" },
	{ 62, 4, 2, 4, 257, "RFC 8127 3: at least one sub-option" },
	{ 63, 0, 0, 8, 8, "RFC 8278 4.1: no alignment" },
	{ 64, 0, 0, 5, 257, "RFC 8278 4.2: no alignment" },
};

/* Minimum length of each MH type's fixed part (MH header included) and
 * the section its layout was read from; plus a few field offsets that
 * drifted before. */
static const struct {
	uint8_t type;
	uint16_t min;
	const char *where;
} mh_facts[] = {
	{ 10, 8, "RFC 4068 6.3.3 (FNA, deprecated by RFC 5568)" },
	{ 12, 8, "RFC 5142 4: no addresses, no options" },
	{ 16, 12, "RFC 5846 5.1 / 5.2" },
	{ 17, 12, "RFC 6705 10.1" },
	{ 18, 12, "RFC 6705 10.2" },
	{ 19, 12, "RFC 7077 4.1" },
	{ 20, 12, "RFC 7077 4.2" },
	{ 21, 12, "RFC 7109 6.1.1 / 6.1.2" },
	{ 22, 8, "RFC 7161 4.3.1.2" },
	{ 23, 8, "RFC 7161 4.3.2.2" },
};

static const struct mw_field *field_of(enum mw_reg_id id, unsigned code,
				       const char *key)
{
	const struct mw_reg_entry *r = mw_reg_lookup(id, code);

	for (uint16_t i = 0; r && i < r->n_fields; i++)
		if (!strcmp(r->fields[i].key, key))
			return &r->fields[i];
	return NULL;
}

static void test_mh_facts(void)
{
	const struct mw_field *f;

	for (size_t i = 0; i < sizeof(mh_facts) / sizeof(mh_facts[0]); i++) {
		const struct mw_reg_entry *r =
			mw_reg_lookup(MW_REG_MH_TYPE, mh_facts[i].type);

		CU_ASSERT_PTR_NOT_NULL_FATAL(r);
		if (r->min_len != mh_facts[i].min) {
			fprintf(stderr, "mh %u: min %u, %s says %u\n",
				mh_facts[i].type, r->min_len, mh_facts[i].where,
				mh_facts[i].min);
			CU_FAIL("MH type differs from its RFC");
		}
	}
	/* RFC 6705 10.2: LRA Status at byte 9 with its own value table. */
	f = field_of(MW_REG_MH_TYPE, 18, "status");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(f->off, 9);
	CU_ASSERT_EQUAL(f->vals, MW_REG_MH_LRA_STATUS);
	CU_ASSERT_STRING_EQUAL(mw_reg_name(MW_REG_MH_LRA_STATUS, 0), "Success");
	CU_ASSERT_STRING_EQUAL(mw_reg_name(MW_REG_MH_LRA_STATUS, 128),
			       "Localized Routing Not Allowed");
	CU_ASSERT_STRING_EQUAL(mw_reg_name(MW_REG_MH_LRA_STATUS, 129), "MN Not Attached");
	CU_ASSERT_PTR_NULL(mw_reg_name(MW_REG_MH_LRA_STATUS, 1));
	/* RFC 7161 4.3.2.2: I flag after the 8-bit sequence number. */
	f = field_of(MW_REG_MH_TYPE, 23, "i");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT(f->off == 7 && f->mask == 0x80);
	/* RFC 7222 4.1: QoS attributes start at byte 8. */
	f = field_of(MW_REG_MH_OPT, 58, "attrs");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(f->off, 8);
	/* RFC 8127 3.1.1 / 3.1.2 and RFC 6757 3.1.2: fixed sub-option sizes. */
	CU_ASSERT_EQUAL(mw_reg_lookup(MW_REG_MH_LMA_MAG_SUB, 1)->min_len, 8);
	CU_ASSERT_EQUAL(mw_reg_lookup(MW_REG_MH_LMA_MAG_SUB, 1)->max_len, 8);
	CU_ASSERT_EQUAL(mw_reg_lookup(MW_REG_MH_LMA_MAG_SUB, 2)->max_len, 8);
	CU_ASSERT_EQUAL(mw_reg_lookup(MW_REG_MH_ANI_SUB, 2)->max_len, 8);
	CU_ASSERT_EQUAL(mw_reg_lookup(MW_REG_MH_ANI_SUB, 1)->min_len, 7);
	CU_ASSERT_EQUAL(mw_reg_lookup(MW_REG_MH_ANI_SUB, 1)->max_len, 34);
}

/* Fixed fields of the MH types, ICMPv6 messages and ND options of the
 * second review, each read from the section named beside it: offset,
 * length (0 = to the end), type, mask, value registry. */
static const struct {
	enum mw_reg_id id;
	uint8_t code;
	const char *key;
	uint16_t off, len;
	uint8_t type;
	uint32_t mask;
	uint8_t vals;
	const char *where;
} field_facts[] = {
	{ MW_REG_MH_TYPE, 10, "reserved2", 6, 2, MW_FT_UINT, 0, 0, "RFC 4068 6.3.3" },
	{ MW_REG_MH_TYPE, 12, "num_addrs", 6, 1, MW_FT_UINT, 0, 0, "RFC 5142 4" },
	{ MW_REG_MH_TYPE, 12, "reserved2", 7, 1, MW_FT_UINT, 0, 0, "RFC 5142 4" },
	{ MW_REG_MH_TYPE, 12, "ha_addrs", 8, 0, MW_FT_IPV6, 0, 0, "RFC 5142 4" },
	{ MW_REG_MH_TYPE, 16, "br_type", 6, 1, MW_FT_UINT, 0, MW_REG_MH_BR_TYPE, "RFC 5846 5" },
	{ MW_REG_MH_TYPE, 16, "trigger_status", 7, 1, MW_FT_UINT, 0, 0, "RFC 5846 5.1 / 5.2" },
	{ MW_REG_MH_TYPE, 16, "seq", 8, 2, MW_FT_UINT, 0, 0, "RFC 5846 5.1" },
	{ MW_REG_MH_TYPE, 16, "p", 10, 2, MW_FT_FLAG, 0x8000, 0, "RFC 5846 5.1" },
	{ MW_REG_MH_TYPE, 16, "v", 10, 2, MW_FT_FLAG, 0x4000, 0, "RFC 5846 5.1" },
	{ MW_REG_MH_TYPE, 16, "g", 10, 2, MW_FT_FLAG, 0x2000, 0, "RFC 5846 5.1" },
	{ MW_REG_MH_TYPE, 16, "reserved2", 10, 2, MW_FT_UINT, 0x1fff, 0, "RFC 5846 5.1" },
	{ MW_REG_MH_BR_TYPE, 1, "trigger", 7, 1, MW_FT_UINT, 0, MW_REG_BRI_TRIGGER, "RFC 5846 5.1" },
	{ MW_REG_MH_BR_TYPE, 2, "status", 7, 1, MW_FT_UINT, 0, MW_REG_BRI_STATUS, "RFC 5846 5.2" },
	{ MW_REG_MH_TYPE, 19, "seq", 6, 2, MW_FT_UINT, 0, 0, "RFC 7077 4.1" },
	{ MW_REG_MH_TYPE, 19, "reason", 8, 2, MW_FT_UINT, 0, MW_REG_MH_UPN_REASON, "RFC 7077 4.1: 16 bits" },
	{ MW_REG_MH_TYPE, 19, "a", 10, 2, MW_FT_FLAG, 0x8000, 0, "RFC 7077 4.1" },
	{ MW_REG_MH_TYPE, 19, "d", 10, 2, MW_FT_FLAG, 0x4000, 0, "RFC 7077 4.1" },
	{ MW_REG_MH_TYPE, 19, "reserved2", 10, 2, MW_FT_UINT, 0x3fff, 0, "RFC 7077 4.1" },
	{ MW_REG_MH_TYPE, 20, "status", 8, 1, MW_FT_UINT, 0, MW_REG_MH_UPA_STATUS, "RFC 7077 4.2" },
	{ MW_REG_MH_TYPE, 20, "reserved2", 9, 3, MW_FT_UINT, 0, 0, "RFC 7077 4.2" },
	{ MW_REG_MH_TYPE, 21, "fb_type", 6, 2, MW_FT_UINT, 0, MW_REG_MH_FB_TYPE, "RFC 7109 6.1.1 figure" },
	{ MW_REG_MH_TYPE, 21, "seq", 8, 2, MW_FT_UINT, 0, 0, "RFC 7109 6.1.1" },
	{ MW_REG_MH_TYPE, 21, "trigger_status", 10, 1, MW_FT_UINT, 0, 0, "RFC 7109 6.1.1 / 6.1.2" },
	{ MW_REG_MH_FB_TYPE, 1, "trigger", 10, 1, MW_FT_UINT, 0, MW_REG_MH_FB_TRIGGER, "RFC 7109 6.1.1" },
	{ MW_REG_MH_FB_TYPE, 1, "a", 11, 1, MW_FT_FLAG, 0x80, 0, "RFC 7109 6.1.1" },
	{ MW_REG_MH_FB_TYPE, 2, "status", 10, 1, MW_FT_UINT, 0, MW_REG_MH_FBA_STATUS, "RFC 7109 6.1.2" },
	{ MW_REG_MH_FB_TYPE, 2, "reserved2", 11, 1, MW_FT_UINT, 0, 0, "RFC 7109 6.1.2: no A bit" },
	{ MW_REG_ICMP6_MIP, 144, "ident", 4, 2, MW_FT_UINT, 0, 0, "RFC 6275 6.5" },
	{ MW_REG_ICMP6_MIP, 144, "r", 6, 2, MW_FT_FLAG, 0x8000, 0, "RFC 3963 7.1" },
	{ MW_REG_ICMP6_MIP, 145, "r", 6, 2, MW_FT_FLAG, 0x8000, 0, "RFC 3963 7.2" },
	{ MW_REG_ICMP6_MIP, 145, "ha_addrs", 8, 0, MW_FT_IPV6, 0, 0, "RFC 6275 6.6" },
	{ MW_REG_ICMP6_MIP, 146, "ident", 4, 2, MW_FT_UINT, 0, 0, "RFC 6275 6.7" },
	{ MW_REG_ICMP6_MIP, 146, "reserved", 6, 2, MW_FT_UINT, 0, 0, "RFC 6275 6.7" },
	{ MW_REG_ICMP6_MIP, 147, "m", 6, 2, MW_FT_FLAG, 0x8000, 0, "RFC 6275 6.8" },
	{ MW_REG_ICMP6_MIP, 147, "o", 6, 2, MW_FT_FLAG, 0x4000, 0, "RFC 6275 6.8" },
	{ MW_REG_ICMP6_MIP, 147, "reserved", 6, 2, MW_FT_UINT, 0x3fff, 0, "RFC 6275 6.8" },
	{ MW_REG_ICMP6_MIP, 154, "subtype", 4, 1, MW_FT_UINT, 0, MW_REG_ICMP6_154_SUB, "RFC 5568 6.1.1" },
	{ MW_REG_ICMP6_MIP, 154, "reserved", 5, 1, MW_FT_UINT, 0, 0, "RFC 5568 6.1.1" },
	{ MW_REG_ICMP6_MIP, 154, "ident", 6, 2, MW_FT_UINT, 0, 0, "RFC 5568 6.1.1" },
	{ MW_REG_ICMP6_154_SUB, 4, "s", 5, 1, MW_FT_FLAG, 0x80, 0, "RFC 4068 6.2.1" },
	{ MW_REG_ICMP6_154_SUB, 4, "u", 5, 1, MW_FT_FLAG, 0x40, 0, "RFC 4068 6.2.1" },
	{ MW_REG_ND_OPT, 7, "interval", 4, 4, MW_FT_UINT, 0, 0, "RFC 6275 7.3" },
	{ MW_REG_ND_OPT, 8, "r", 2, 2, MW_FT_FLAG, 0x8000, 0, "RFC 3963 7.3" },
	{ MW_REG_ND_OPT, 8, "preference", 4, 2, MW_FT_UINT, 0, 0, "RFC 6275 7.4" },
	{ MW_REG_ND_OPT, 8, "lifetime", 6, 2, MW_FT_UINT, 0, 0, "RFC 6275 7.4" },
	{ MW_REG_ND_OPT, 17, "code", 2, 1, MW_FT_UINT, 0, 0, "RFC 5568 6.4.1" },
	{ MW_REG_ND_OPT, 17, "prefix_len", 3, 1, MW_FT_UINT, 0, 0, "RFC 5568 6.4.1" },
	{ MW_REG_ND_OPT, 17, "addr", 8, 16, MW_FT_IPV6, 0, 0, "RFC 5568 6.4.1" },
	{ MW_REG_ND_OPT, 18, "prefix", 8, 16, MW_FT_IPV6, 0, 0, "RFC 4068 6.4.2" },
	{ MW_REG_ND_OPT, 19, "code", 2, 1, MW_FT_UINT, 0, 0, "RFC 5568 6.4.3" },
	{ MW_REG_ND_OPT, 19, "lla", 3, 0, MW_FT_BYTES, 0, 0, "RFC 5568 6.4.3" },
	{ MW_REG_ND_OPT, 20, "status", 3, 1, MW_FT_UINT, 0, 0, "RFC 5568 6.4.6" },
	{ MW_REG_ND_OPT, 20, "reserved", 4, 4, MW_FT_UINT, 0, 0, "RFC 5568 6.4.6" },
	{ MW_REG_ND_OPT, 23, "dist", 2, 1, MW_FT_UINT, 0xf0, 0, "RFC 5380 5" },
	{ MW_REG_ND_OPT, 23, "pref", 2, 1, MW_FT_UINT, 0x0f, 0, "RFC 5380 5" },
	{ MW_REG_ND_OPT, 23, "r", 3, 1, MW_FT_FLAG, 0x80, 0, "RFC 5380 5" },
	{ MW_REG_ND_OPT, 23, "valid", 4, 4, MW_FT_UINT, 0, 0, "RFC 5380 5" },
	{ MW_REG_ND_OPT, 23, "addr", 8, 16, MW_FT_IPV6, 0, 0, "RFC 5380 5" },
};

/* Minimum / maximum total length (bytes, header included) of the ICMPv6
 * messages and ND options above. */
static const struct {
	enum mw_reg_id id;
	uint8_t code;
	uint16_t min, max;
	const char *where;
} len_facts[] = {
	{ MW_REG_ICMP6_MIP, 144, 8, MW_LEN_ANY, "RFC 6275 6.5" },
	{ MW_REG_ICMP6_MIP, 145, 8, MW_LEN_ANY, "RFC 6275 6.6" },
	{ MW_REG_ICMP6_MIP, 146, 8, MW_LEN_ANY, "RFC 6275 6.7: options may follow" },
	{ MW_REG_ICMP6_MIP, 147, 8, MW_LEN_ANY, "RFC 6275 6.8" },
	{ MW_REG_ICMP6_MIP, 154, 8, MW_LEN_ANY, "RFC 5568 6.1" },
	{ MW_REG_ND_OPT, 7, 8, 8, "RFC 6275 7.3: Length MUST be 1" },
	{ MW_REG_ND_OPT, 8, 8, 8, "RFC 6275 7.4: Length MUST be 1" },
	{ MW_REG_ND_OPT, 17, 24, 24, "RFC 5568 6.4.1" },
	{ MW_REG_ND_OPT, 18, 24, 24, "RFC 4068 6.4.2" },
	{ MW_REG_ND_OPT, 19, 8, MW_LEN_ANY, "RFC 5568 6.4.3" },
	{ MW_REG_ND_OPT, 20, 8, 24, "RFC 5568 6.4.6: Length 1 or 3" },
	{ MW_REG_ND_OPT, 23, 24, 24, "RFC 5380 5: Length MUST be 3" },
};

static void test_field_facts(void)
{
	for (size_t i = 0; i < sizeof(field_facts) / sizeof(field_facts[0]); i++) {
		const struct mw_field *f = field_of(field_facts[i].id,
						    field_facts[i].code,
						    field_facts[i].key);

		if (!f) {
			fprintf(stderr, "registry %d code %u: no field %s (%s)\n",
				field_facts[i].id, field_facts[i].code,
				field_facts[i].key, field_facts[i].where);
			CU_FAIL("field missing");
			continue;
		}
		if (f->off != field_facts[i].off || f->len != field_facts[i].len ||
		    f->type != field_facts[i].type || f->mask != field_facts[i].mask ||
		    f->vals != field_facts[i].vals) {
			fprintf(stderr, "registry %d code %u field %s: off %u len %u "
				"type %u mask 0x%x vals %u, %s says %u %u %u 0x%x %u\n",
				field_facts[i].id, field_facts[i].code, field_facts[i].key,
				f->off, f->len, f->type, f->mask, f->vals,
				field_facts[i].where, field_facts[i].off,
				field_facts[i].len, field_facts[i].type,
				field_facts[i].mask, field_facts[i].vals);
			CU_FAIL("field differs from its RFC");
		}
	}
	for (size_t i = 0; i < sizeof(len_facts) / sizeof(len_facts[0]); i++) {
		const struct mw_reg_entry *r =
			mw_reg_lookup(len_facts[i].id, len_facts[i].code);

		CU_ASSERT_PTR_NOT_NULL_FATAL(r);
		if (r->min_len != len_facts[i].min || r->max_len != len_facts[i].max) {
			fprintf(stderr, "registry %d code %u: len %u..%u, %s says %u..%u\n",
				len_facts[i].id, len_facts[i].code, r->min_len,
				r->max_len, len_facts[i].where, len_facts[i].min,
				len_facts[i].max);
			CU_FAIL("length differs from its RFC");
		}
	}
}

static void test_opt_facts(void)
{
	for (size_t i = 0; i < sizeof(opt_facts) / sizeof(opt_facts[0]); i++) {
		const struct mw_reg_entry *r =
			mw_reg_lookup(MW_REG_MH_OPT, opt_facts[i].type);

		CU_ASSERT_PTR_NOT_NULL_FATAL(r);
		if (r->align_n != opt_facts[i].n || r->align_k != opt_facts[i].k ||
		    r->min_len != opt_facts[i].min || r->max_len != opt_facts[i].max) {
			fprintf(stderr, "mh.opt %u: align %un+%u len %u..%u, %s says "
				"%un+%u len %u..%u\n", opt_facts[i].type, r->align_n,
				r->align_k, r->min_len, r->max_len, opt_facts[i].where,
				opt_facts[i].n, opt_facts[i].k, opt_facts[i].min,
				opt_facts[i].max);
			CU_FAIL("mobility option differs from its RFC");
		}
	}
}

void add_registry_tests(void)
{
	CU_pSuite s = CU_add_suite("mip6-registry", NULL, NULL);

	CU_add_test(s, "registries match IANA CSV", test_csv);
	CU_add_test(s, "layouts are consistent", test_layouts);
	CU_add_test(s, "option alignment and lengths match the RFCs", test_opt_facts);
	CU_add_test(s, "MH type lengths and layouts match the RFCs", test_mh_facts);
	CU_add_test(s, "MH / ICMPv6 / ND fields match the RFCs", test_field_facts);
}
