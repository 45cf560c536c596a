/* CUnit runner for the core tests (cursor, write buffer, registry). */
#include <CUnit/Basic.h>

#include "../mwtest_run.h"

void add_cursor_tests(void);
void add_wbuf_tests(void);
void add_registry_tests(void);

int main(void)
{

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	add_cursor_tests();
	add_wbuf_tests();
	add_registry_tests();
	return mwt_run();
}
