/* The keys file: parsing, lookups, clear errors that never show key bytes. */
#include <string.h>

#include <CUnit/CUnit.h>

#include "mipwire/mipwire.h"

static struct mw_keys *parse(const char *text, char *err)
{
	return mw_keys_parse(text, strlen(text), "test.keys", err, 256);
}

static void test_parse_and_find(void)
{
	char err[256] = "";
	struct mw_keys *k = parse(
		"# comment\n"
		"[alice]\nkind = mn-ha\nspi = 256\nhome-address = 192.0.2.10\n"
		"key = hex:00112233445566778899aabbccddeeff\n"
		"[fa]\nkind = mn-fa\nalgorithm = keyed-md5\nkey = text:secret\n"
		"[mn6]\nkind = mh-auth\nspi = 0x1000\nhome-address = 2001:db8::1\n"
		"nai = bob@example.net\nkey = text:k6\n", err);
	struct mw_sa_query q = { .kind = MW_SA_MN_HA, .has_spi = true,
				 .spi = 256, .has_hoa4 = true,
				 .hoa4 = 0xc000020a };
	const struct mw_sa *sa;
	char buf[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(k);
	CU_ASSERT_EQUAL(k->n, 3);
	sa = mw_keys_find(k, &q);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sa);
	CU_ASSERT_EQUAL(sa->key_len, 16);
	CU_ASSERT_EQUAL(sa->key[15], 0xff);
	CU_ASSERT_EQUAL(sa->alg, MW_AUTH_HMAC_MD5);
	q.spi = 257;
	CU_ASSERT_PTR_NULL(mw_keys_find(k, &q));
	q.spi = 256;
	q.hoa4 = 0xc000020b;
	CU_ASSERT_PTR_NULL(mw_keys_find(k, &q));

	q = (struct mw_sa_query){ .kind = MW_SA_MN_FA };
	sa = mw_keys_find(k, &q);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sa);
	CU_ASSERT_EQUAL(sa->alg, MW_AUTH_KEYED_MD5);
	CU_ASSERT_EQUAL(sa->key_len, 6);

	q = (struct mw_sa_query){ .kind = MW_SA_MH_AUTH, .has_spi = true,
				  .spi = 0x1000, .has_hoa6 = true,
				  .nai = (const uint8_t *)"bob@example.net",
				  .nai_len = 15 };
	q.hoa6.b[0] = 0x20; q.hoa6.b[1] = 0x01; q.hoa6.b[2] = 0x0d;
	q.hoa6.b[3] = 0xb8; q.hoa6.b[15] = 1;
	sa = mw_keys_find(k, &q);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sa);
	CU_ASSERT_EQUAL(sa->alg, MW_AUTH_HMAC_SHA1);
	mw_keys_describe(sa, buf, sizeof(buf));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "kind=mh-auth"));
	CU_ASSERT_PTR_NULL(strstr(buf, "k6"));   /* never the key */
	mw_keys_free(k);
}

static void expect_error(const char *text, const char *needle)
{
	char err[256] = "";
	struct mw_keys *k = parse(text, err);

	CU_ASSERT_PTR_NULL(k);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, needle));
	CU_ASSERT_PTR_NULL(strstr(err, "s3cr3t"));
	mw_keys_free(k);
}

static void test_errors(void)
{
	expect_error("[a]\nkind = mn-ha\nkey = hex:0g\n", "[a] key");
	expect_error("[a]\nkind = mn-ha\nkey = s3cr3t\n", "hex: or text:");
	expect_error("[a]\nkind = nope\nkey = text:s3cr3t\n", "[a] kind");
	expect_error("[a]\nkey = text:s3cr3t\n", "kind is missing");
	expect_error("[a]\nkind = mn-ha\nspi = x1\nkey = text:s3cr3t\n", "[a] spi");
	expect_error("[a]\nkind = mn-ha\nhome-address = 1.2.3\nkey = text:s3cr3t\n",
		     "home-address");
	expect_error("[a]\nkind = mn-ha\n", "key is missing");
	expect_error("[a]\nkind = mn-ha\nkey-file = /nonexistent/k\n", "key-file");
	expect_error("not a key file\n", "not a keys file");
	expect_error("# empty\n", "no security associations");
}

/* Mistakes that used to pass silently: each is an error naming the file,
 * the group and what is wrong. */
static void expect_exact(const char *text, const char *want)
{
	char err[256] = "";
	struct mw_keys *k = parse(text, err);

	CU_ASSERT_PTR_NULL(k);
	CU_ASSERT_STRING_EQUAL(err, want);
	mw_keys_free(k);
}

static void test_mistakes(void)
{
	static const char rel[] = "[a]\nkind = mn-ha\nkey-file = no.key\n";
	char err[256] = "";
	struct mw_keys *k;

	/* a misspelt selector would make the SA match any home address */
	expect_exact("[alice]\nkind = mn-ha\nhome_address = 192.0.2.10\n"
		     "key = text:s3cr3t\n",
		     "test.keys: [alice] unknown key 'home_address' (valid keys: "
		     "kind, spi, algorithm, home-address, peer, nai, key, key-file)");
	/* GKeyFile would merge the two into one SA */
	expect_exact("[a]\nkind = mn-ha\nkey = text:s3cr3t\n# x\n"
		     "[b]\nkind = mn-fa\nkey = text:s3cr3t\n"
		     " [a] \nspi = 7\n",
		     "test.keys: [a] is given twice (lines 1 and 8): each "
		     "security association needs a group name of its own");
	expect_exact("[a]\nkind = mn-ha\nkey = text:s3cr3t\nkey-file = k\n",
		     "test.keys: [a] key and key-file are both given: give one "
		     "of them");
	expect_exact("[a]\nkind = mn-ha\nkey = hex:0g\n",
		     "test.keys: [a] key has 'g' at character 2 of the hex "
		     "digits, not a hex digit");
	expect_exact("[a]\nkind = mn-ha\nkey = hex:00 112\n",
		     "test.keys: [a] key has an odd number of hex digits (5)");
	expect_exact("[a]\nkind = mn-ha\nkey = hex:0:0\n",
		     "test.keys: [a] key has a separator inside a byte "
		     "(character 2 of the hex digits)");
	expect_exact("[a]\nkind = mn-ha\nkey-file = /nonexistent/k\n",
		     "test.keys: [a] key-file /nonexistent/k cannot be read: "
		     "No such file or directory");
	/* relative to the keys file */
	k = mw_keys_parse(rel, strlen(rel), "/nonexistent/dir/test.keys", err,
			  sizeof err);
	CU_ASSERT_PTR_NULL(k);
	CU_ASSERT_STRING_EQUAL(err, "/nonexistent/dir/test.keys: [a] key-file "
			       "/nonexistent/dir/no.key cannot be read: No such "
			       "file or directory");
	/* separators between bytes and groups with other names still load */
	k = parse("[a]\nkind = mn-ha\nkey = hex:00:11 22\n[a2]\nkind = mn-ha\n"
		  "key = text:x\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(k);
	CU_ASSERT_EQUAL(k->n, 2);
	CU_ASSERT_EQUAL(k->sa[0].key_len, 3);
	CU_ASSERT_EQUAL(k->sa[0].key[2], 0x22);
	mw_keys_free(k);
}

/* The SA giving the most selectors wins wherever it is in the file; the
 * first on a tie. */
static void test_most_selectors(void)
{
	char err[256] = "";
	struct mw_keys *k = parse(
		"[any]\nkind = mn-ha\nkey = text:any\n"
		"[spi]\nkind = mn-ha\nspi = 256\nkey = text:spi\n"
		"[spi and hoa]\nkind = mn-ha\nspi = 256\n"
		"home-address = 192.0.2.10\nkey = text:both\n"
		"[hoa and spi]\nkind = mn-ha\nhome-address = 192.0.2.10\n"
		"spi = 256\nkey = text:tie\n", err);
	struct mw_sa_query q = { .kind = MW_SA_MN_HA, .has_spi = true,
				 .spi = 256, .has_hoa4 = true,
				 .hoa4 = 0xc000020a };

	CU_ASSERT_PTR_NOT_NULL_FATAL(k);
	CU_ASSERT_STRING_EQUAL(mw_keys_find(k, &q)->group, "spi and hoa");
	q.hoa4++;
	CU_ASSERT_STRING_EQUAL(mw_keys_find(k, &q)->group, "spi");
	q.spi++;
	CU_ASSERT_STRING_EQUAL(mw_keys_find(k, &q)->group, "any");
	CU_ASSERT_EQUAL(mw_sa_selectors(&k->sa[2]), 2);
	mw_keys_free(k);
}

static void test_load_missing(void)
{
	char err[256] = "";

	CU_ASSERT_PTR_NULL(mw_keys_load("/nonexistent/keys", err, sizeof(err)));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "/nonexistent/keys"));
}

void add_keys_tests(void)
{
	CU_pSuite s = CU_add_suite("keys", NULL, NULL);

	CU_add_test(s, "parse and find", test_parse_and_find);
	CU_add_test(s, "errors", test_errors);
	CU_add_test(s, "missing file", test_load_missing);
	CU_add_test(s, "mistakes", test_mistakes);
	CU_add_test(s, "most selectors", test_most_selectors);
}
