/* The end of every unit-test main(): run the registered CUnit suites,
 * verbosely, and turn the result into an exit status. A binary that ran
 * no test at all fails too: a test that cannot fail is no test. */
#ifndef MWTEST_RUN_H
#define MWTEST_RUN_H

#include <stdio.h>

#include <CUnit/Basic.h>

static inline int mwt_run(void)
{
	unsigned fails, ran;

	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	fails = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	ran = CU_get_number_of_tests_run();
	CU_cleanup_registry();
	if (ran == 0) {
		fprintf(stderr, "no test ran\n");
		return 1;
	}
	return fails ? 1 : 0;
}

#endif
