/* CUnit runner for the core tests (cursor, write buffer, registry). */
#include <CUnit/Basic.h>

void add_cursor_tests(void);
void add_wbuf_tests(void);
void add_registry_tests(void);

int main(void)
{
	unsigned fails;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	add_cursor_tests();
	add_wbuf_tests();
	add_registry_tests();
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	fails = CU_get_number_of_failures();
	CU_cleanup_registry();
	return fails ? 1 : 0;
}
