/* CUnit runner for the decode fast path tests. */
#include <CUnit/Basic.h>

#include "../mwtest_run.h"

void add_fastpath_tests(void);

int main(void)
{
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	add_fastpath_tests();
	return mwt_run();
}
