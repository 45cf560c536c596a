/* Authenticators and RR functions against RFC 2202 vectors and values
 * computed independently with Python's hashlib / hmac. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "mipwire/mipwire.h"

static void unhex(const char *h, uint8_t *out)
{
	for (size_t i = 0; h[2 * i]; i++) {
		unsigned v;
		sscanf(h + 2 * i, "%2x", &v);
		out[i] = (uint8_t)v;
	}
}

static void expect_hex(const uint8_t *got, size_t n, const char *want)
{
	uint8_t w[64];

	CU_ASSERT_EQUAL_FATAL(strlen(want), 2 * n);
	unhex(want, w);
	CU_ASSERT_EQUAL(memcmp(got, w, n), 0);
}

/* RFC 2202 test cases 1, 2 and 6 for HMAC-MD5 and HMAC-SHA1. */
static void test_rfc2202(void)
{
	uint8_t k0b[20], kaa[80], out[20];
	const char *hi = "Hi There";
	const char *jefe = "what do ya want for nothing?";
	const char *big = "Test Using Larger Than Block-Size Key - Hash Key First";

	memset(k0b, 0x0b, sizeof(k0b));
	memset(kaa, 0xaa, sizeof(kaa));
	CU_ASSERT_EQUAL(mw_mip4_auth_compute(MW_AUTH_HMAC_MD5, k0b, 16,
		(const uint8_t *)hi, strlen(hi), out), 16);
	expect_hex(out, 16, "9294727a3638bb1c13f48ef8158bfc9d");
	mw_mip4_auth_compute(MW_AUTH_HMAC_MD5, (const uint8_t *)"Jefe", 4,
		(const uint8_t *)jefe, strlen(jefe), out);
	expect_hex(out, 16, "750c783e6ab0b503eaa86e310a5db738");
	mw_mip4_auth_compute(MW_AUTH_HMAC_MD5, kaa, 80, (const uint8_t *)big,
		strlen(big), out);
	expect_hex(out, 16, "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd");

	CU_ASSERT_EQUAL(mw_mip4_auth_compute(MW_AUTH_HMAC_SHA1, k0b, 20,
		(const uint8_t *)hi, strlen(hi), out), 20);
	expect_hex(out, 20, "b617318655057264e28bc0b6fb378c8ef146be00");
	mw_mip4_auth_compute(MW_AUTH_HMAC_SHA1, (const uint8_t *)"Jefe", 4,
		(const uint8_t *)jefe, strlen(jefe), out);
	expect_hex(out, 20, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
	mw_mip4_auth_compute(MW_AUTH_HMAC_SHA1, kaa, 80, (const uint8_t *)big,
		strlen(big), out);
	expect_hex(out, 20, "aa4ae5e15272d00e95705637ce8a3b55ed402112");
}

static const uint8_t key[] = "mipkit-key";

static void test_keyed_md5_and_chap(void)
{
	uint8_t data[40], ch[10], out[20];

	for (int i = 0; i < 40; i++)
		data[i] = (uint8_t)i;
	for (int i = 0; i < 10; i++)
		ch[i] = (uint8_t)(i + 1);
	CU_ASSERT_EQUAL(mw_mip4_auth_compute(MW_AUTH_KEYED_MD5, key, 10, data,
		40, out), 16);
	expect_hex(out, 16, "4224540774b9764ab418f498614df25e");
	CU_ASSERT_EQUAL(mw_mip4_chap_compute(key, 10, data, 40, ch, 10, out), 16);
	expect_hex(out, 16, "15a4d09edf6ee6c4be2f44ccd97b1f40");
	CU_ASSERT_EQUAL(mw_mip4_chap_compute(key, 10, data, 40, ch, 0, out), 0);
	CU_ASSERT_EQUAL(mw_mip4_auth_compute(MW_AUTH_MD5_CHAP, key, 10, data,
		40, out), 0);
}

static void test_rr(void)
{
	uint8_t kcn[20], nonce[8], hk[8], ck[8], kbm[20], bad[12];
	struct mw_in6 hoa, coa, cn;
	uint8_t mh[16] = { 59, 3, 5, 0, 0xaa, 0xbb };

	for (int i = 0; i < 20; i++)
		kcn[i] = (uint8_t)i;
	for (int i = 0; i < 8; i++)
		nonce[i] = (uint8_t)i;
	for (int i = 6; i < 16; i++)
		mh[i] = (uint8_t)(i + 4);
	unhex("20010db8000000000000000000000001", hoa.b);
	unhex("20010db8000000010000000000000002", coa.b);
	unhex("20010db8000000020000000000000003", cn.b);
	mw_rr_keygen(kcn, &hoa, nonce, false, hk);
	expect_hex(hk, 8, "4d40d6d67f7091e8");
	mw_rr_keygen(kcn, &hoa, nonce, true, ck);
	expect_hex(ck, 8, "b46426c5f27852f2");
	mw_rr_kbm(hk, ck, kbm);
	expect_hex(kbm, 20, "74284377345fef4611446229563611b461a83a52");
	mw_rr_bad_auth(kbm, &coa, &cn, mh, sizeof(mh), bad);
	expect_hex(bad, 12, "ea12d181a9fcfacf23c61f85");
	/* the checksum bytes must not matter */
	mh[4] = 0;
	mh[5] = 0;
	mw_rr_bad_auth(kbm, &coa, &cn, mh, sizeof(mh), bad);
	expect_hex(bad, 12, "ea12d181a9fcfacf23c61f85");
	mw_rr_kbm(hk, NULL, kbm);
	expect_hex(kbm, 20, "e84526a5b2af7b058d57e02881745ffd51776e26");
}

static void test_alg_names(void)
{
	CU_ASSERT_EQUAL(mw_auth_alg_parse("HMAC-MD5"), MW_AUTH_HMAC_MD5);
	CU_ASSERT_EQUAL(mw_auth_alg_parse("keyed-md5"), MW_AUTH_KEYED_MD5);
	CU_ASSERT_EQUAL(mw_auth_alg_parse("md5-chap"), MW_AUTH_MD5_CHAP);
	CU_ASSERT_EQUAL(mw_auth_alg_parse("rot13"), 0);
	CU_ASSERT_STRING_EQUAL(mw_auth_alg_str(MW_AUTH_HMAC_SHA1), "hmac-sha1");
}

void add_crypto_tests(void)
{
	CU_pSuite s = CU_add_suite("crypto", NULL, NULL);

	CU_add_test(s, "RFC 2202 HMAC-MD5 / HMAC-SHA1", test_rfc2202);
	CU_add_test(s, "keyed MD5 and CHAP_SPI", test_keyed_md5_and_chap);
	CU_add_test(s, "return routability", test_rr);
	CU_add_test(s, "algorithm names", test_alg_names);
}
