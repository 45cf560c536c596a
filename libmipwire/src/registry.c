/* The list of all registries. Each table is defined (non-static, const)
 * in the module that owns it, named mwi_reg_<id in lower case>. The
 * references are strong: a table that goes missing fails the link. */
#include <stdio.h>
#include "internal.h"

extern const struct mw_registry mwi_reg_layer;
extern const struct mw_registry mwi_reg_ipproto;
extern const struct mw_registry mwi_reg_icmp4_mip;
extern const struct mw_registry mwi_reg_mip4_msg;
extern const struct mw_registry mwi_reg_mip4_ext;
extern const struct mw_registry mwi_reg_mip4_reply;
extern const struct mw_registry mwi_reg_mip4_adv_ext;
extern const struct mw_registry mwi_reg_mip4_gauth_sub;
extern const struct mw_registry mwi_reg_mip4_udptun_reply;
extern const struct mw_registry mwi_reg_mip4_msgstr_sub;
extern const struct mw_registry mwi_reg_mip4_nemo_sub;
extern const struct mw_registry mwi_reg_mip4_dstack_sub;
extern const struct mw_registry mwi_reg_mip4_gnm_sub;
extern const struct mw_registry mwi_reg_mip4_ho_sub;
extern const struct mw_registry mwi_reg_mip4_conf_sub;
extern const struct mw_registry mwi_reg_mip4_glla_sub;
extern const struct mw_registry mwi_reg_mip4_nemo_ack;
extern const struct mw_registry mwi_reg_mip4_access_tech;
extern const struct mw_registry mwi_reg_mip4_ip6pfx_reply;
extern const struct mw_registry mwi_reg_mip4_keygen_sub;
extern const struct mw_registry mwi_reg_mip4_udptun_reply_sub;
extern const struct mw_registry mwi_reg_mip4_fa_error_sub;
extern const struct mw_registry mwi_reg_mip4_pmip_ns_sub;
extern const struct mw_registry mwi_reg_mip4_gre_sub;
extern const struct mw_registry mwi_reg_mip4_ro_sub;
extern const struct mw_registry mwi_reg_mip4_ro_data_sub;
extern const struct mw_registry mwi_reg_mip4_nai_sub;
extern const struct mw_registry mwi_reg_mip4_dynha_sub;
extern const struct mw_registry mwi_reg_mip4_udptun_req_sub;
extern const struct mw_registry mwi_reg_mip4_tnc_sub;
extern const struct mw_registry mwi_reg_mip4_mrro_sub;
extern const struct mw_registry mwi_reg_mip4_mpath_sub;
extern const struct mw_registry mwi_reg_mip4_pmip_auth;
extern const struct mw_registry mwi_reg_mip4_pmip_devid;
extern const struct mw_registry mwi_reg_mip4_pmip_subid;
extern const struct mw_registry mwi_reg_mip4_replay;
extern const struct mw_registry mwi_reg_mh_type;
extern const struct mw_registry mwi_reg_mh_opt;
extern const struct mw_registry mwi_reg_ba_status;
extern const struct mw_registry mwi_reg_be_status;
extern const struct mw_registry mwi_reg_handoff_ind;
extern const struct mw_registry mwi_reg_access_tech;
extern const struct mw_registry mwi_reg_mnid_sub;
extern const struct mw_registry mwi_reg_bri_trigger;
extern const struct mw_registry mwi_reg_bri_status;
extern const struct mw_registry mwi_reg_icmp6_mip;
extern const struct mw_registry mwi_reg_icmp6_154_sub;
extern const struct mw_registry mwi_reg_nd_opt;
extern const struct mw_registry mwi_reg_dst_opt;
extern const struct mw_registry mwi_reg_mh_br_type;
extern const struct mw_registry mwi_reg_mh_hi_code;
extern const struct mw_registry mwi_reg_mh_hack_status;
extern const struct mw_registry mwi_reg_mh_ani_sub;
extern const struct mw_registry mwi_reg_mh_flow_sub;
extern const struct mw_registry mwi_reg_mh_lma_mag_sub;
extern const struct mw_registry mwi_reg_mh_dns_status;
extern const struct mw_registry mwi_reg_mh_ipv4_ack_status;
extern const struct mw_registry mwi_reg_mh_ipv4_reply_status;
extern const struct mw_registry mwi_reg_mh_upn_reason;
extern const struct mw_registry mwi_reg_mh_upa_status;
extern const struct mw_registry mwi_reg_mh_fb_type;
extern const struct mw_registry mwi_reg_mh_fb_trigger;
extern const struct mw_registry mwi_reg_mh_fba_status;
extern const struct mw_registry mwi_reg_mh_fb_action;
extern const struct mw_registry mwi_reg_mh_flow_id_status;
extern const struct mw_registry mwi_reg_mh_auth_sub;
extern const struct mw_registry mwi_reg_mh_group_id_type;
extern const struct mw_registry mwi_reg_mh_opid_type;
extern const struct mw_registry mwi_reg_mh_ts_format;
extern const struct mw_registry mwi_reg_mh_lra_status;

const struct mw_registry *const mwi_reg_all[MW_REG__COUNT] = {
	[MW_REG_LAYER] = &mwi_reg_layer,
	[MW_REG_IPPROTO] = &mwi_reg_ipproto,
	[MW_REG_ICMP4_MIP] = &mwi_reg_icmp4_mip,
	[MW_REG_MIP4_MSG] = &mwi_reg_mip4_msg,
	[MW_REG_MIP4_EXT] = &mwi_reg_mip4_ext,
	[MW_REG_MIP4_REPLY] = &mwi_reg_mip4_reply,
	[MW_REG_MIP4_ADV_EXT] = &mwi_reg_mip4_adv_ext,
	[MW_REG_MIP4_GAUTH_SUB] = &mwi_reg_mip4_gauth_sub,
	[MW_REG_MIP4_UDPTUN_REPLY] = &mwi_reg_mip4_udptun_reply,
	[MW_REG_MIP4_MSGSTR_SUB] = &mwi_reg_mip4_msgstr_sub,
	[MW_REG_MIP4_NEMO_SUB] = &mwi_reg_mip4_nemo_sub,
	[MW_REG_MIP4_DSTACK_SUB] = &mwi_reg_mip4_dstack_sub,
	[MW_REG_MIP4_GNM_SUB] = &mwi_reg_mip4_gnm_sub,
	[MW_REG_MIP4_HO_SUB] = &mwi_reg_mip4_ho_sub,
	[MW_REG_MIP4_CONF_SUB] = &mwi_reg_mip4_conf_sub,
	[MW_REG_MIP4_GLLA_SUB] = &mwi_reg_mip4_glla_sub,
	[MW_REG_MIP4_NEMO_ACK] = &mwi_reg_mip4_nemo_ack,
	[MW_REG_MIP4_ACCESS_TECH] = &mwi_reg_mip4_access_tech,
	[MW_REG_MIP4_IP6PFX_REPLY] = &mwi_reg_mip4_ip6pfx_reply,
	[MW_REG_MIP4_KEYGEN_SUB] = &mwi_reg_mip4_keygen_sub,
	[MW_REG_MIP4_UDPTUN_REPLY_SUB] = &mwi_reg_mip4_udptun_reply_sub,
	[MW_REG_MIP4_FA_ERROR_SUB] = &mwi_reg_mip4_fa_error_sub,
	[MW_REG_MIP4_PMIP_NS_SUB] = &mwi_reg_mip4_pmip_ns_sub,
	[MW_REG_MIP4_GRE_SUB] = &mwi_reg_mip4_gre_sub,
	[MW_REG_MIP4_RO_SUB] = &mwi_reg_mip4_ro_sub,
	[MW_REG_MIP4_RO_DATA_SUB] = &mwi_reg_mip4_ro_data_sub,
	[MW_REG_MIP4_NAI_SUB] = &mwi_reg_mip4_nai_sub,
	[MW_REG_MIP4_DYNHA_SUB] = &mwi_reg_mip4_dynha_sub,
	[MW_REG_MIP4_UDPTUN_REQ_SUB] = &mwi_reg_mip4_udptun_req_sub,
	[MW_REG_MIP4_TNC_SUB] = &mwi_reg_mip4_tnc_sub,
	[MW_REG_MIP4_MRRO_SUB] = &mwi_reg_mip4_mrro_sub,
	[MW_REG_MIP4_MPATH_SUB] = &mwi_reg_mip4_mpath_sub,
	[MW_REG_MIP4_PMIP_AUTH] = &mwi_reg_mip4_pmip_auth,
	[MW_REG_MIP4_PMIP_DEVID] = &mwi_reg_mip4_pmip_devid,
	[MW_REG_MIP4_PMIP_SUBID] = &mwi_reg_mip4_pmip_subid,
	[MW_REG_MIP4_REPLAY] = &mwi_reg_mip4_replay,
	[MW_REG_MH_TYPE] = &mwi_reg_mh_type,
	[MW_REG_MH_OPT] = &mwi_reg_mh_opt,
	[MW_REG_BA_STATUS] = &mwi_reg_ba_status,
	[MW_REG_BE_STATUS] = &mwi_reg_be_status,
	[MW_REG_HANDOFF_IND] = &mwi_reg_handoff_ind,
	[MW_REG_ACCESS_TECH] = &mwi_reg_access_tech,
	[MW_REG_MNID_SUB] = &mwi_reg_mnid_sub,
	[MW_REG_BRI_TRIGGER] = &mwi_reg_bri_trigger,
	[MW_REG_BRI_STATUS] = &mwi_reg_bri_status,
	[MW_REG_ICMP6_MIP] = &mwi_reg_icmp6_mip,
	[MW_REG_ICMP6_154_SUB] = &mwi_reg_icmp6_154_sub,
	[MW_REG_ND_OPT] = &mwi_reg_nd_opt,
	[MW_REG_DST_OPT] = &mwi_reg_dst_opt,
	[MW_REG_MH_BR_TYPE] = &mwi_reg_mh_br_type,
	[MW_REG_MH_HI_CODE] = &mwi_reg_mh_hi_code,
	[MW_REG_MH_HACK_STATUS] = &mwi_reg_mh_hack_status,
	[MW_REG_MH_ANI_SUB] = &mwi_reg_mh_ani_sub,
	[MW_REG_MH_FLOW_SUB] = &mwi_reg_mh_flow_sub,
	[MW_REG_MH_LMA_MAG_SUB] = &mwi_reg_mh_lma_mag_sub,
	[MW_REG_MH_DNS_STATUS] = &mwi_reg_mh_dns_status,
	[MW_REG_MH_IPV4_ACK_STATUS] = &mwi_reg_mh_ipv4_ack_status,
	[MW_REG_MH_IPV4_REPLY_STATUS] = &mwi_reg_mh_ipv4_reply_status,
	[MW_REG_MH_UPN_REASON] = &mwi_reg_mh_upn_reason,
	[MW_REG_MH_UPA_STATUS] = &mwi_reg_mh_upa_status,
	[MW_REG_MH_FB_TYPE] = &mwi_reg_mh_fb_type,
	[MW_REG_MH_FB_TRIGGER] = &mwi_reg_mh_fb_trigger,
	[MW_REG_MH_FBA_STATUS] = &mwi_reg_mh_fba_status,
	[MW_REG_MH_FB_ACTION] = &mwi_reg_mh_fb_action,
	[MW_REG_MH_FLOW_ID_STATUS] = &mwi_reg_mh_flow_id_status,
	[MW_REG_MH_AUTH_SUB] = &mwi_reg_mh_auth_sub,
	[MW_REG_MH_GROUP_ID_TYPE] = &mwi_reg_mh_group_id_type,
	[MW_REG_MH_OPID_TYPE] = &mwi_reg_mh_opid_type,
	[MW_REG_MH_TS_FORMAT] = &mwi_reg_mh_ts_format,
	[MW_REG_MH_LRA_STATUS] = &mwi_reg_mh_lra_status,
};

MWI_EXPORT const struct mw_registry *mw_registry_get(enum mw_reg_id id)
{
	if ((unsigned)id >= MW_REG__COUNT)
		return NULL;
	return mwi_reg_all[id];
}

MWI_EXPORT const struct mw_reg_entry *mw_reg_lookup(enum mw_reg_id id,
						     unsigned code)
{
	return mwi_reg_lookup(id, code);
}

MWI_EXPORT const char *mw_reg_name(enum mw_reg_id id, unsigned code)
{
	const struct mw_reg_entry *e = mw_reg_lookup(id, code);

	return e ? e->name : NULL;
}

MWI_EXPORT const char *mw_reg_name_or(enum mw_reg_id id, unsigned code,
				       char *buf, size_t cap)
{
	const char *n = mw_reg_name(id, code);

	if (n)
		return n;
	snprintf(buf, cap, "unknown (%u)", code);
	return buf;
}

MWI_EXPORT const struct mw_reg_entry *mw_reg_next(const struct mw_registry *r,
						   const struct mw_reg_entry *row)
{
	size_t i = row ? (size_t)(row - r->rows) + 1 : 0;

	for (; r && i < r->n_rows; i++)
		if (r->rows[i].key)
			return &r->rows[i];
	return NULL;
}

MWI_EXPORT const struct mw_reg_entry *mw_reg_first(const struct mw_registry *r)
{
	return mw_reg_next(r, NULL);
}
