/* Shorthands for the Mobile IPv6 registry tables (mip6_reg*.c) and the
 * few facts the decoder needs beyond the rows. Internal to src/mip6. */
#ifndef MIPWIRE_MIP6_REG_H
#define MIPWIRE_MIP6_REG_H

#include "internal.h"

#define MW_NROWS(a) ((uint16_t)(sizeof(a) / sizeof((a)[0])))

/* Field shorthands: key, display name, offset, length, then extras. */
#define FU(k, n, o, l) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, MW_REG_NONE, 0, NULL }
#define FUN(k, n, o, l, u) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, MW_REG_NONE, 0, u }
#define FH(k, n, o, l) { k, n, o, l, MW_FT_UINT, MW_BASE_HEX, MW_REG_NONE, 0, NULL }
#define FV(k, n, o, l, r) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, r, 0, NULL }
#define FM(k, n, o, l, m) { k, n, o, l, MW_FT_UINT, MW_BASE_HEX, MW_REG_NONE, m, NULL }
#define FMD(k, n, o, l, m) { k, n, o, l, MW_FT_UINT, MW_BASE_DEC, MW_REG_NONE, m, NULL }
#define FF(k, n, o, l, m) { k, n, o, l, MW_FT_FLAG, MW_BASE_HEX, MW_REG_NONE, m, NULL }
#define F6(k, n, o) { k, n, o, 16, MW_FT_IPV6, 0, MW_REG_NONE, 0, NULL }
#define F6L(k, n, o) { k, n, o, 0, MW_FT_IPV6, 0, MW_REG_NONE, 0, NULL }
#define F4(k, n, o) { k, n, o, 4, MW_FT_IPV4, 0, MW_REG_NONE, 0, NULL }
#define FB(k, n, o, l) { k, n, o, l, MW_FT_BYTES, 0, MW_REG_NONE, 0, NULL }
#define FS(k, n, o) { k, n, o, 0, MW_FT_STRING, 0, MW_REG_NONE, 0, NULL }
#define FMAC(k, n, o) { k, n, o, 6, MW_FT_MAC, 0, MW_REG_NONE, 0, NULL }

/* Where the sub-options of an option start (offset from its type byte),
 * and their registry; 0 / MW_REG_NONE for options without sub-options. */
struct mwi_mh_subopt_info {
	uint8_t opt_type;
	uint8_t start;
	uint8_t reg;
	bool pad1;   /* sub-option type 0 is a one-byte pad (Flow ID) */
};
const struct mwi_mh_subopt_info *mwi_mh_subopt_info(uint8_t opt_type);

/* Length of the type-specific fixed part of an MH (from MH start to the
 * first option) given the bytes after the common header, or the row's
 * minimum; HAS (12) carries a list of addresses, the experimental MH (11)
 * has no options at all (returns msg_len). */
uint32_t mwi_mh_fixed_len(uint8_t type, const uint8_t *mh, size_t avail,
			  uint32_t msg_len);

/* The same, with the type's row (NULL if unknown) already looked up. */
static inline uint32_t mwi_mh_fixed_len_row(const struct mw_reg_entry *r,
					    uint8_t type, const uint8_t *mh,
					    size_t avail, uint32_t msg_len)
{
	if (type == MW_MH_EXP)
		return msg_len;
	if (type == MW_MH_HAS && avail > 6)
		return 8u + 16u * mh[6];
	return r ? r->min_len : 6;
}

/* The registries of the area (defined in mip6_reg_*.c). */
extern const struct mw_registry mwi_reg_mh_type, mwi_reg_mh_opt,
	mwi_reg_ba_status, mwi_reg_be_status, mwi_reg_handoff_ind,
	mwi_reg_access_tech, mwi_reg_mnid_sub, mwi_reg_bri_trigger,
	mwi_reg_bri_status, mwi_reg_icmp6_mip, mwi_reg_icmp6_154_sub,
	mwi_reg_nd_opt, mwi_reg_mh_br_type, mwi_reg_mh_hi_code,
	mwi_reg_mh_hack_status, mwi_reg_mh_ani_sub, mwi_reg_mh_flow_sub,
	mwi_reg_mh_lma_mag_sub,
	mwi_reg_mh_dns_status, mwi_reg_mh_ipv4_ack_status, mwi_reg_mh_ipv4_reply_status, mwi_reg_mh_upn_reason,
	mwi_reg_mh_upa_status, mwi_reg_mh_fb_type, mwi_reg_mh_fb_trigger, mwi_reg_mh_fba_status,
	mwi_reg_mh_fb_action, mwi_reg_mh_flow_id_status, mwi_reg_mh_auth_sub,
	mwi_reg_mh_group_id_type, mwi_reg_mh_opid_type, mwi_reg_mh_ts_format;

#endif
