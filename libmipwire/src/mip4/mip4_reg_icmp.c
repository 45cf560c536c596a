/* Registry: the ICMP messages of MIPv4 agent discovery (RFC 5944 2.1, 2.2
 * on top of RFC 1256 router discovery). Offsets from the ICMP type byte;
 * extensions (MW_REG_MIP4_ADV_EXT) follow the address list. Only the first
 * (router address, preference) entry has a field of its own: the count is
 * in num_addrs and the whole list in mw_mip4_adv. */
#include "mip4_int.h"

static const struct mw_field f_adv[] = {
	F_U("type", "Type", 0, 1),
	F_U("code", "Code", 1, 1),
	F_UX("checksum", "Checksum", 2, 2),
	F_U("num_addrs", "Number of Addresses", 4, 1),
	F_UU("addr_entry_size", "Address Entry Size", 5, 1, "x4 octets"),
	F_UU("lifetime", "Lifetime", 6, 2, "s"),
	F_A4("router_addr", "Router Address", 8),
	F_U("preference", "Preference Level", 12, 4),
};
static const struct mw_field f_sol[] = {
	F_U("type", "Type", 0, 1),
	F_U("code", "Code", 1, 1),
	F_UX("checksum", "Checksum", 2, 2),
	F_UX("reserved", "Reserved", 4, 4),
};

static const struct mw_reg_entry icmp_rows[11] = {
	ROW(9, "adv", "Agent Advertisement", "RFC 5944 2.1; RFC 1256 3.1",
	    8, MW_LEN_ANY, MW_HDR_NONE, MW_REG_MIP4_ADV_EXT, 0, MW_IN_AGENT_ADV, f_adv),
	ROW(10, "sol", "Agent Solicitation", "RFC 5944 2.2; RFC 1256 3.2",
	    8, MW_LEN_ANY, MW_HDR_NONE, MW_REG_MIP4_ADV_EXT, 0, MW_IN_AGENT_ADV, f_sol),
};

const struct mw_registry mwi_reg_icmp4_mip = {
	MW_REG_ICMP4_MIP, "icmp4.mip", "ICMP messages of Mobile IPv4 agent discovery",
	"RFC 5944 / RFC 1256", icmp_rows, 11,
};
