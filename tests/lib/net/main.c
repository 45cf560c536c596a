/* CUnit runner for the net tests. */
#include <CUnit/Basic.h>

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
	unsigned fails;

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
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	fails = CU_get_number_of_failures();
	CU_cleanup_registry();
	return fails ? 1 : 0;
}
