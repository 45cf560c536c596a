/* CUnit runner for the crypto and keys tests. */
#include <CUnit/Basic.h>

#include "../mwtest_run.h"

void add_crypto_tests(void);
void add_keys_tests(void);
void add_capture_tests(void);
extern const char *crypto_test_srcdir;

int main(int argc, char **argv)
{

	crypto_test_srcdir = argc > 1 ? argv[1] : "..";

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	add_crypto_tests();
	add_keys_tests();
	add_capture_tests();
	return mwt_run();
}
