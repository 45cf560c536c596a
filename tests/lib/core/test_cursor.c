/* The cursor's error model: truncated vs malformed, sticky first error,
 * sub-windows, and located diagnostics. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "mipwire/mipwire.h"

static const uint8_t frame[] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06,
				 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c };

static void test_reads(void)
{
	struct mw_diag d = { 0 };
	struct mw_cur c;

	mw_cur_init(&c, frame, sizeof(frame), &d);
	CU_ASSERT_EQUAL(mw_get_u8(&c, "a"), 0x01);
	CU_ASSERT_EQUAL(mw_get_be16(&c, "b"), 0x0203);
	CU_ASSERT_EQUAL(mw_get_be24(&c, "c"), 0x040506);
	CU_ASSERT_EQUAL(mw_get_be32(&c, "d"), 0x0708090a);
	CU_ASSERT_EQUAL(mw_cur_left(&c), 2);
	CU_ASSERT_EQUAL(mw_peek_u8(&c, 1, "e"), 0x0c);
	CU_ASSERT_EQUAL(c.pos, 10);
	CU_ASSERT_TRUE(mw_cur_ok(&c));
	mw_cur_init(&c, frame, sizeof(frame), &d);
	CU_ASSERT_EQUAL(mw_get_be64(&c, "f"), 0x0102030405060708ull);
}

/* Past the captured bytes but inside the declared length: truncated. */
static void test_truncated(void)
{
	struct mw_diag d = { 0 };
	struct mw_cur c;

	mw_cur_init(&c, frame, 4, &d);
	c.end = 12;  /* the enclosing length says 12, only 4 captured */
	CU_ASSERT_EQUAL(mw_get_be16(&c, "x"), 0x0102);
	CU_ASSERT_EQUAL(mw_get_be32(&c, "msg.field"), 0);
	CU_ASSERT_EQUAL(d.status, MW_E_TRUNC);
	CU_ASSERT_EQUAL(d.offset, 2);
	CU_ASSERT_STRING_EQUAL(d.field, "msg.field");
	/* sticky: a later read that would fit still fails */
	CU_ASSERT_EQUAL(mw_get_u8(&c, "y"), 0);
	CU_ASSERT_EQUAL(d.offset, 2);
	CU_ASSERT_STRING_EQUAL(d.field, "msg.field");
}

/* Past the declared length: malformed, even if bytes were captured. */
static void test_malformed(void)
{
	struct mw_diag d = { 0 };
	struct mw_cur c, sub;
	char buf[200];

	mw_cur_init(&c, frame, sizeof(frame), &d);
	mw_skip(&c, 2, "hdr");
	CU_ASSERT_TRUE(mw_cur_sub(&c, 4, &sub, "ext.len"));
	CU_ASSERT_EQUAL(c.pos, 6);
	CU_ASSERT_EQUAL(mw_cur_left(&sub), 4);
	CU_ASSERT_EQUAL(mw_get_be32(&sub, "ext.body"), 0x03040506);
	CU_ASSERT_EQUAL(mw_get_u8(&sub, "ext.more"), 0);
	CU_ASSERT_EQUAL(d.status, MW_E_MALFORMED);
	CU_ASSERT_EQUAL(d.offset, 6);
	mw_diag_format(&d, buf, sizeof(buf));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "malformed at offset 6 (ext.more)"));

	d = (struct mw_diag){ 0 };
	mw_cur_init(&c, frame, sizeof(frame), &d);
	CU_ASSERT_FALSE(mw_cur_sub(&c, 13, &sub, "ext.len"));
	CU_ASSERT_EQUAL(d.status, MW_E_MALFORMED);
	CU_ASSERT_STRING_EQUAL(d.field, "ext.len");
	CU_ASSERT_EQUAL(mw_cur_left(&sub), 0);

	d = (struct mw_diag){ 0 };
	mw_cur_init(&c, frame, sizeof(frame), &d);
	CU_ASSERT_TRUE(mw_cur_limit(&c, 3, "ip.len"));
	CU_ASSERT_EQUAL(mw_cur_left(&c), 3);
	CU_ASSERT_FALSE(mw_cur_limit(&c, 4, "udp.len"));
	CU_ASSERT_EQUAL(d.status, MW_E_MALFORMED);
}

static void test_bytes_and_copy(void)
{
	struct mw_diag d = { 0 };
	struct mw_cur c;
	uint8_t out[8] = { 9, 9, 9, 9 };

	mw_cur_init(&c, frame, sizeof(frame), &d);
	CU_ASSERT_PTR_EQUAL(mw_get_bytes(&c, 3, "a"), frame);
	CU_ASSERT_TRUE(mw_get_copy(&c, out, 4, "b"));
	CU_ASSERT_EQUAL(out[0], 4);
	CU_ASSERT_FALSE(mw_get_copy(&c, out, 8, "c"));
	CU_ASSERT_EQUAL(out[0], 0);   /* zero-filled on failure */
	CU_ASSERT_PTR_NULL(mw_get_bytes(&c, 1, "d"));
}

static void test_status_names(void)
{
	CU_ASSERT_STRING_EQUAL(mw_status_str(MW_E_TRUNC), "truncated");
	CU_ASSERT_STRING_EQUAL(mw_status_str(MW_E_MALFORMED), "malformed");
	CU_ASSERT_STRING_EQUAL(mw_status_str(MW_E_UNKNOWN), "unknown");
	CU_ASSERT_STRING_EQUAL(mw_status_str(MW_OK), "ok");
}

void add_cursor_tests(void)
{
	CU_pSuite s = CU_add_suite("cursor", NULL, NULL);

	CU_add_test(s, "reads", test_reads);
	CU_add_test(s, "truncated", test_truncated);
	CU_add_test(s, "malformed", test_malformed);
	CU_add_test(s, "bytes and copy", test_bytes_and_copy);
	CU_add_test(s, "status names", test_status_names);
}
