/* Internal helpers shared by the mip4 module's files (not installed). */
#ifndef MIPWIRE_MIP4_INT_H
#define MIPWIRE_MIP4_INT_H

#include "internal.h"

/* Short layout-field constructors for the registry tables. */
#define F_U(k, n, o, l) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, MW_REG_NONE, 0, NULL }
#define F_UX(k, n, o, l) { k, n, o, l, MW_FT_UINT, MW_BASE_HEX, MW_REG_NONE, 0, NULL }
#define F_UM(k, n, o, l, m) { k, n, o, l, MW_FT_UINT, MW_BASE_HEX, MW_REG_NONE, m, NULL }
#define F_UV(k, n, o, l, r) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, r, 0, NULL }
#define F_UVM(k, n, o, l, r, m) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, r, m, NULL }
#define F_UU(k, n, o, l, u) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, MW_REG_NONE, 0, u }
#define F_FL(k, n, o, l, m) { k, n, o, l, MW_FT_FLAG, MW_BASE_HEX, MW_REG_NONE, m, NULL }
#define F_A4(k, n, o) { k, n, o, 4, MW_FT_IPV4, MW_BASE_DEC, MW_REG_NONE, 0, NULL }
#define F_A4L(k, n, o) { k, n, o, 0, MW_FT_IPV4, MW_BASE_DEC, MW_REG_NONE, 0, NULL }
#define F_A6(k, n, o) { k, n, o, 16, MW_FT_IPV6, MW_BASE_DEC, MW_REG_NONE, 0, NULL }
#define F_MAC(k, n, o) { k, n, o, 6, MW_FT_MAC, MW_BASE_DEC, MW_REG_NONE, 0, NULL }
#define F_BY(k, n, o, l) { k, n, o, l, MW_FT_BYTES, MW_BASE_HEX, MW_REG_NONE, 0, NULL }
#define F_STR(k, n, o) { k, n, o, 0, MW_FT_STRING, MW_BASE_DEC, MW_REG_NONE, 0, NULL }
#define F_NTP(k, n, o) { k, n, o, 8, MW_FT_NTP64, MW_BASE_HEX, MW_REG_NONE, 0, NULL }

/* Common extension headers. */
#define H_TYPE F_U("type", "Type", 0, 1)
#define H_LEN8 F_U("len", "Length", 1, 1)
#define H_SUB_SHORT(r) F_UV("subtype", "Sub-Type", 2, 1, r)
#define H_SUB_LONG(r) F_UV("subtype", "Sub-Type", 1, 1, r)
#define H_LEN16 F_U("len", "Length", 2, 2)

/* Row constructor: key, name, ref, code, min, max (total bytes incl.
 * header), header form, sub registry, flags, where, fields. */
#define ROW(c, k, n, r, mn, mx, h, s, fl, wh, f) \
	[c] = { k, n, r, c, mn, mx, h, 0, 0, s, fl, wh, MW_FIELDS(f) }
#define CODE(c, k, n, r) [c] = { k, n, r, c, 0, 0, MW_HDR_NONE, 0, 0, 0, 0, 0, NULL, 0 }

#define MWI_IN_REG (MW_IN_RRQ | MW_IN_RRP)
#define MWI_IN_ALL_REG (MW_IN_RRQ | MW_IN_RRP | MW_IN_REG_RRQ | MW_IN_MIP4_OTHER)

extern const struct mw_registry mwi_reg_mip4_msg, mwi_reg_mip4_ext,
	mwi_reg_mip4_reply, mwi_reg_mip4_adv_ext, mwi_reg_mip4_gauth_sub,
	mwi_reg_mip4_udptun_reply, mwi_reg_mip4_msgstr_sub, mwi_reg_mip4_nemo_sub,
	mwi_reg_mip4_dstack_sub, mwi_reg_mip4_gnm_sub, mwi_reg_mip4_ho_sub,
	mwi_reg_mip4_conf_sub, mwi_reg_mip4_glla_sub, mwi_reg_mip4_nemo_ack,
	mwi_reg_mip4_access_tech, mwi_reg_mip4_ip6pfx_reply;

/* Registration-extension walk over [c->pos, c->end) for message `msg`.
 * reg is MW_REG_MIP4_EXT or MW_REG_MIP4_ADV_EXT. */
void mwi_mip4_walk_exts(struct mwi_dec *d, struct mw_cur *c, int msg,
			enum mw_reg_id reg);

/* Local (no global id) sub-type registries, by extension type. */
const struct mw_registry *mwi_mip4_subreg(uint8_t ext_type, bool adv);

/* Total element length of an FMIPv4 option (adv ext 20-22): the length
 * byte counts 8-octet units including type and length (RFC 4988 6.x). */
static inline bool mwi_mip4_adv_len8(uint8_t type)
{
	return type >= 20 && type <= 22;
}

#endif
