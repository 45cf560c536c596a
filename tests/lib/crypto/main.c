/* CUnit runner for the crypto and keys tests. */
#include <CUnit/Basic.h>

void add_crypto_tests(void);
void add_keys_tests(void);

int main(void)
{
	unsigned fails;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	add_crypto_tests();
	add_keys_tests();
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	fails = CU_get_number_of_failures();
	CU_cleanup_registry();
	return fails ? 1 : 0;
}
