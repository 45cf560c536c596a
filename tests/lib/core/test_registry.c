/* Every registry table is well-formed: filled in, indexed by its codes,
 * keys unique and usable as JSON / filter names, layouts inside the
 * element's maximum length, value registries that exist. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "mipwire/mipwire.h"

static bool is_key(const char *k)
{
	if (!k || !*k)
		return false;
	for (; *k; k++)
		if (!(islower((unsigned char)*k) || isdigit((unsigned char)*k) ||
		      *k == '_' || *k == '.'))
			return false;
	return true;
}

static bool spare_id(int id)
{
	const struct mw_registry *r = mw_registry_get((enum mw_reg_id)id);

	return r == NULL;
}

static void test_tables(void)
{
	int filled = 0;

	for (int id = 1; id < MW_REG__COUNT; id++) {
		const struct mw_registry *r = mw_registry_get((enum mw_reg_id)id);
		int rows = 0;

		if (spare_id(id))
			continue;
		filled++;
		CU_ASSERT_EQUAL(r->id, id);
		CU_ASSERT_TRUE(is_key(r->key));
		CU_ASSERT_PTR_NOT_NULL(r->name);
		for (const struct mw_reg_entry *e = mw_reg_first(r); e;
		     e = mw_reg_next(r, e)) {
			rows++;
			if (e->code != (unsigned)(e - r->rows) || !is_key(e->key) ||
			    !e->name || !*e->name) {
				printf("\n  %s row %u: bad code/key/name\n", r->key,
				       (unsigned)(e - r->rows));
				CU_FAIL("row");
			}
			CU_ASSERT_TRUE(e->max_len >= e->min_len);
			CU_ASSERT_TRUE(e->sub < MW_REG__COUNT);
			for (uint16_t i = 0; i < e->n_fields; i++) {
				const struct mw_field *f = &e->fields[i];

				if (!is_key(f->key) || !f->name || !f->type) {
					printf("\n  %s.%s field %u bad\n", r->key, e->key, i);
					CU_FAIL("field");
				}
				/* keys unique within the row */
				for (uint16_t j = 0; j < i; j++)
					if (strcmp(e->fields[j].key, f->key) == 0) {
						printf("\n  %s.%s: duplicate field key %s\n",
						       r->key, e->key, f->key);
						CU_FAIL("duplicate field key");
					}
				if (e->max_len != MW_LEN_ANY && f->len &&
				    f->off + f->len > e->max_len) {
					printf("\n  %s.%s.%s lies beyond max_len %u\n",
					       r->key, e->key, f->key, e->max_len);
					CU_FAIL("field beyond max_len");
				}
				if (f->vals && !mw_registry_get((enum mw_reg_id)f->vals)) {
					printf("\n  %s.%s.%s names a missing registry\n",
					       r->key, e->key, f->key);
					CU_FAIL("value registry missing");
				}
			}
		}
		CU_ASSERT_TRUE(rows > 0);
		/* registry keys are unique */
		for (int j = 1; j < id; j++) {
			const struct mw_registry *o = mw_registry_get((enum mw_reg_id)j);
			if (o && strcmp(o->key, r->key) == 0) {
				printf("\n  duplicate registry key %s\n", r->key);
				CU_FAIL("duplicate registry key");
			}
		}
	}
	/* the main registries must exist */
	CU_ASSERT_PTR_NOT_NULL(mw_registry_get(MW_REG_MIP4_MSG));
	CU_ASSERT_PTR_NOT_NULL(mw_registry_get(MW_REG_MIP4_EXT));
	CU_ASSERT_PTR_NOT_NULL(mw_registry_get(MW_REG_MH_TYPE));
	CU_ASSERT_PTR_NOT_NULL(mw_registry_get(MW_REG_MH_OPT));
	CU_ASSERT_PTR_NOT_NULL(mw_registry_get(MW_REG_LAYER));
	CU_ASSERT_TRUE(filled >= 20);
}

/* Full names are "<registry key>.<row key>.<field key>": a registry whose
 * key equals another registry's "<key>.<row key>" would make names
 * ambiguous (the plugin's filter names, mipdump's JSON). */
static void test_name_clash(void)
{
	for (int a = 1; a < MW_REG__COUNT; a++) {
		const struct mw_registry *ra = mw_registry_get((enum mw_reg_id)a);

		for (const struct mw_reg_entry *e = ra ? mw_reg_first(ra) : NULL; e;
		     e = mw_reg_next(ra, e)) {
			char full[128];

			snprintf(full, sizeof(full), "%s.%s", ra->key, e->key);
			for (int b = 1; b < MW_REG__COUNT; b++) {
				const struct mw_registry *rb =
					mw_registry_get((enum mw_reg_id)b);

				if (rb && strcmp(rb->key, full) == 0) {
					printf("\n  registry %s clashes with row %s\n",
					       rb->key, full);
					CU_FAIL("registry key clashes with a row name");
				}
			}
		}
	}
}

static void test_lookup(void)
{
	char buf[32];

	CU_ASSERT_PTR_NULL(mw_registry_get(MW_REG_NONE));
	CU_ASSERT_PTR_NULL(mw_registry_get(MW_REG__COUNT));
	CU_ASSERT_PTR_NULL(mw_reg_lookup(MW_REG_MH_TYPE, 100000));
	CU_ASSERT_STRING_EQUAL(mw_reg_name_or(MW_REG_NONE, 7, buf, sizeof(buf)),
			       "unknown (7)");
	if (mw_registry_get(MW_REG_MIP4_MSG)) {
		CU_ASSERT_STRING_EQUAL(mw_reg_name(MW_REG_MIP4_MSG, 1),
				       "Registration Request");
		CU_ASSERT_PTR_NULL(mw_reg_name(MW_REG_MIP4_MSG, 2));
	}
	if (mw_registry_get(MW_REG_MH_TYPE))
		CU_ASSERT_STRING_EQUAL(mw_reg_name(MW_REG_MH_TYPE, 5),
				       "Binding Update");
}

/* The codes the headers name for the tools are the registry's rows. */
static void test_named_codes(void)
{
	static const struct { enum mw_reg_id reg; unsigned code; const char *key; } c[] = {
		{ MW_REG_MIP4_REPLY, MW_RRP_INVALID_COA, "invalid_care_of_address" },
		{ MW_REG_BA_STATUS, MW_BA_SEQ_OUT_OF_WINDOW, "sequence_number_out_of_window" },
		{ MW_REG_BE_STATUS, MW_BE_UNKNOWN_HAO, "unknown_binding_for_home_address_destina" },
		{ MW_REG_MIP4_EXT, MW_MIP4X_EDS, "encap_delivery" },
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		const struct mw_reg_entry *e = mw_reg_lookup(c[i].reg, c[i].code);
		CU_ASSERT_PTR_NOT_NULL_FATAL(e);
		CU_ASSERT_STRING_EQUAL(e->key, c[i].key);
	}
}

/* A layout field read back through mw_field_read (mask, lists, bounds). */
static void test_field_read(void)
{
	static const uint8_t data[] = { 0xa5, 0x12, 0x34, 10, 0, 0, 1, 10, 0, 0, 2 };
	struct mw_packet pkt = { .data = data, .caplen = sizeof(data) };
	const struct mw_field hi = { "hi", "High", 0, 1, MW_FT_UINT, 0, 0, 0xf0, NULL };
	const struct mw_field flag = { "f", "F", 0, 1, MW_FT_FLAG, 0, 0, 0x04, NULL };
	const struct mw_field w16 = { "w", "W", 1, 2, MW_FT_UINT, 0, 0, 0, NULL };
	const struct mw_field list = { "l", "L", 3, 0, MW_FT_IPV4, 0, 0, 0, NULL };
	const struct mw_field past = { "p", "P", 10, 4, MW_FT_UINT, 0, 0, 0, NULL };
	struct mw_fval v;

	CU_ASSERT_TRUE(mw_field_read(&pkt, 0, sizeof(data), &hi, &v));
	CU_ASSERT_EQUAL(v.u, 0xa);
	CU_ASSERT_TRUE(mw_field_read(&pkt, 0, sizeof(data), &flag, &v));
	CU_ASSERT_EQUAL(v.u, 1);
	CU_ASSERT_TRUE(mw_field_read(&pkt, 0, sizeof(data), &w16, &v));
	CU_ASSERT_EQUAL(v.u, 0x1234);
	CU_ASSERT_EQUAL(v.off, 1);
	CU_ASSERT_TRUE(mw_field_read(&pkt, 0, sizeof(data), &list, &v));
	CU_ASSERT_EQUAL(v.len, 8);
	CU_ASSERT_EQUAL(v.u, 0x0a000001);
	CU_ASSERT_FALSE(mw_field_read(&pkt, 0, sizeof(data), &past, &v));
	/* element shorter than the field: absent */
	CU_ASSERT_FALSE(mw_field_read(&pkt, 0, 2, &w16, &v));
	/* element longer than the capture: absent, never read */
	CU_ASSERT_FALSE(mw_field_read(&pkt, 8, 8, &past, &v));
}

/* A message type with variants: its variant row is found from the code
 * field whose value registry has layouts (BRI of the Binding Revocation
 * message), and a type without variants has none. */
static void test_msg_variant(void)
{
	/* MH: proto 59, len 1 (16 bytes), type 16, reserved, checksum;
	 * B.R. Type 1 (BRI), trigger 0, sequence 7, flags 0, reserved */
	static const uint8_t bri[16] = { 59, 1, 16, 0, 0, 0, 1, 0, 0, 7 };
	static const uint8_t bu[16] = { 59, 1, 5, 0, 0, 0, 0, 7, 0x80, 0, 0, 10,
					1, 2, 0, 0 };
	static struct mw_packet p;
	enum mw_reg_id reg = MW_REG_NONE;
	const struct mw_reg_entry *v;

	mw_decode_from(&p, MW_L_MH, bri, sizeof(bri), NULL);
	CU_ASSERT_EQUAL_FATAL(p.n_msgs, 1);
	v = mw_msg_variant_row(&p, &p.msgs[0], &reg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CU_ASSERT_EQUAL(reg, MW_REG_MH_BR_TYPE);
	CU_ASSERT_EQUAL(v->code, 1);
	CU_ASSERT(v->n_fields > 0);
	mw_decode_from(&p, MW_L_MH, bu, sizeof(bu), NULL);
	CU_ASSERT_EQUAL_FATAL(p.n_msgs, 1);
	CU_ASSERT_PTR_NULL(mw_msg_variant_row(&p, &p.msgs[0], &reg));
}

void add_registry_tests(void)
{
	CU_pSuite s = CU_add_suite("registry", NULL, NULL);

	CU_add_test(s, "tables well-formed", test_tables);
	CU_add_test(s, "lookup", test_lookup);
	CU_add_test(s, "codes named in the headers", test_named_codes);
	CU_add_test(s, "no name clashes", test_name_clash);
	CU_add_test(s, "field read", test_field_read);
	CU_add_test(s, "message variants", test_msg_variant);
}
