/* The write buffer never writes past its capacity; overflow is sticky. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "mipwire/mipwire.h"

static void test_put_and_patch(void)
{
	uint8_t buf[16];
	struct mw_wbuf w;
	size_t at;

	mw_wbuf_init(&w, buf, sizeof(buf));
	mw_put_u8(&w, 1);
	at = mw_put_reserve(&w, 2);
	mw_put_be24(&w, 0x020304);
	mw_put_be32(&w, 0x05060708);
	mw_patch_be16(&w, at, 0xaabb);
	CU_ASSERT_EQUAL(w.len, 10);
	CU_ASSERT_EQUAL(buf[1], 0xaa);
	CU_ASSERT_EQUAL(buf[2], 0xbb);
	CU_ASSERT_EQUAL(buf[5], 0x04);
	CU_ASSERT_EQUAL(buf[9], 0x08);
	CU_ASSERT_EQUAL(mw_wbuf_status(&w), MW_OK);
	mw_patch_be32(&w, 8, 1);   /* would cross len: ignored */
	CU_ASSERT_EQUAL(buf[9], 0x08);
}

static void test_overflow(void)
{
	uint8_t buf[8];
	uint8_t guard[4] = { 0x5a, 0x5a, 0x5a, 0x5a };
	struct mw_wbuf w;

	memset(buf, 0, sizeof(buf));
	mw_wbuf_init(&w, buf, 6);
	mw_put_be32(&w, 0x01020304);
	mw_put_be32(&w, 0x05060708);   /* does not fit */
	CU_ASSERT_EQUAL(mw_wbuf_status(&w), MW_E_NOSPACE);
	CU_ASSERT_EQUAL(w.len, 4);
	CU_ASSERT_EQUAL(buf[4], 0);
	mw_put_u8(&w, 9);              /* sticky even though it would fit */
	CU_ASSERT_EQUAL(w.len, 4);
	CU_ASSERT_EQUAL(mw_put_reserve(&w, 1), SIZE_MAX);
	CU_ASSERT_EQUAL(guard[0], 0x5a);
}

void add_wbuf_tests(void)
{
	CU_pSuite s = CU_add_suite("wbuf", NULL, NULL);

	CU_add_test(s, "put and patch", test_put_and_patch);
	CU_add_test(s, "overflow", test_overflow);
}
