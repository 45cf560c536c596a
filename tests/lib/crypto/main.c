/* CUnit runner for the crypto and keys tests. */
#include <CUnit/Basic.h>

void add_crypto_tests(void);
void add_keys_tests(void);
void add_capture_tests(void);
extern const char *crypto_test_srcdir;

int main(int argc, char **argv)
{
	unsigned fails;

	crypto_test_srcdir = argc > 1 ? argv[1] : "..";

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	add_crypto_tests();
	add_keys_tests();
	add_capture_tests();
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	fails = CU_get_number_of_failures();
	CU_cleanup_registry();
	return fails ? 1 : 0;
}
