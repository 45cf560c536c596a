/* CUnit runner for the net tests. */
#include <CUnit/Basic.h>

#include "../mwtest_run.h"

void add_csum_tests(void);
void add_link_tests(void);
void add_ip_tests(void);
void add_ip6_tests(void);
void add_tunnel_tests(void);
void add_trunc_tests(void);
void add_build_tests(void);
void add_reg_tests(void);

int main(void)
{

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	add_csum_tests();
	add_link_tests();
	add_ip_tests();
	add_ip6_tests();
	add_tunnel_tests();
	add_trunc_tests();
	add_build_tests();
	add_reg_tests();
	return mwt_run();
}
