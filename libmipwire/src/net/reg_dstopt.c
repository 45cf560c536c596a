/* MW_REG_DST_OPT: IPv6 Destination and Hop-by-Hop option types (IANA
 * "Destination Options and Hop-by-Hop Options", ipv6-parameters), full
 * 8-bit type values (action bits and C bit included). Lengths include the
 * type and length bytes; alignment is xn+y of RFC 8200 4.2. */
#include "internal.h"

static const struct mw_field f_pad1[] = {
	{ "type", "Type", 0, 1, MW_FT_UINT, MW_BASE_HEX, MW_REG_DST_OPT, 0, NULL },
};
#define HDR \
	{ "type", "Type", 0, 1, MW_FT_UINT, MW_BASE_HEX, MW_REG_DST_OPT, 0, NULL }, \
	{ "act", "Action for unknown", 0, 1, MW_FT_UINT, MW_BASE_DEC, 0, 0xc0, NULL }, \
	{ "chg", "May change en route", 0, 1, MW_FT_FLAG, 0, 0, 0x20, NULL }, \
	{ "len", "Length", 1, 1, MW_FT_UINT, MW_BASE_DEC, 0, 0, NULL }
static const struct mw_field f_padn[] = {
	HDR, { "padding", "Padding", 2, 0, MW_FT_BYTES, 0, 0, 0, NULL },
};
static const struct mw_field f_tel[] = {
	HDR, { "limit", "Tunnel encapsulation limit", 2, 1, MW_FT_UINT, MW_BASE_DEC, 0, 0, NULL },
};
static const struct mw_field f_ra[] = {
	HDR, { "value", "Value", 2, 2, MW_FT_UINT, MW_BASE_DEC, 0, 0, NULL },
};
static const struct mw_field f_jumbo[] = {
	HDR, { "plen", "Jumbo payload length", 2, 4, MW_FT_UINT, MW_BASE_DEC, 0, 0, NULL },
};
static const struct mw_field f_hao[] = {
	HDR, { "addr", "Home address", 2, 16, MW_FT_IPV6, 0, 0, 0, NULL },
};
static const struct mw_field f_data[] = {
	HDR, { "data", "Data", 2, 0, MW_FT_BYTES, 0, 0, 0, NULL },
};

#define O(c, k, n, r, mn, mx, an, ak, f) \
	[c] = { k, n, r, c, mn, mx, MW_HDR_TLV8, an, ak, 0, 0, 0, MW_FIELDS(f) }

static const struct mw_reg_entry rows[256] = {
	[0x00] = { "pad1", "Pad1", "RFC 8200 4.2", 0x00, 1, 1, MW_HDR_PAD1, 0, 0, 0, 0, 0, MW_FIELDS(f_pad1) },
	O(0x01, "padn", "PadN", "RFC 8200 4.2", 2, 257, 0, 0, f_padn),
	O(0x04, "tel", "Tunnel Encapsulation Limit", "RFC 2473 5.1", 3, 3, 0, 0, f_tel),
	O(0x05, "router_alert", "Router Alert", "RFC 2711", 4, 4, 2, 0, f_ra),
	O(0x07, "calipso", "CALIPSO", "RFC 5570", 10, 257, 4, 2, f_data),
	O(0x08, "smf_dpd", "SMF_DPD", "RFC 7731", 3, 257, 0, 0, f_data),
	O(0x0f, "pdm", "Performance and Diagnostic Metrics", "RFC 8250", 12, 12, 0, 0, f_data),
	O(0x23, "rpl_23", "RPL Option", "RFC 9008", 6, 257, 0, 0, f_data),
	O(0x26, "quick_start", "Quick-Start", "RFC 4782", 8, 8, 0, 0, f_data),
	O(0x63, "rpl", "RPL Option (deprecated value)", "RFC 6553", 6, 257, 0, 0, f_data),
	O(0x6d, "mpl", "MPL Option", "RFC 7731", 4, 257, 0, 0, f_data),
	O(0x8b, "ilnp_nonce", "ILNP Nonce", "RFC 6744", 6, 257, 0, 0, f_data),
	O(0x8c, "line_id", "Line-Identification Option", "RFC 6788", 3, 257, 0, 0, f_data),
	O(0xc2, "jumbo", "Jumbo Payload", "RFC 2675", 6, 6, 4, 2, f_jumbo),
	O(0xc9, "hao", "Home Address", "RFC 6275 6.3", 18, 18, 8, 6, f_hao),
	O(0xee, "ip_dff", "IP_DFF", "RFC 6971", 3, 3, 0, 0, f_data),
};

const struct mw_registry mwi_reg_dst_opt = {
	MW_REG_DST_OPT, "dstopt", "Destination Options and Hop-by-Hop Options",
	"IANA ipv6-parameters", rows, 256,
};
