/* GENERATED once from libmipwire/registry/iana/ CSV files (then kept by hand):
 * the plain code registries of Mobile IPv6. Names are the IANA descriptions
 * as they stand; keys are lower-case ids made from them. */
#include "mip6_reg.h"

static const struct mw_reg_entry ba_status_rows[] = {
	[0] = { .key = "binding_update_accepted_proxy_binding_up", .name = "Binding Update accepted/Proxy Binding Update accepted", .ref = "RFC 6275; RFC 5213", .code = 0, .flags = 0 },
	[1] = { .key = "accepted_but_prefix_discovery_necessary", .name = "Accepted but prefix discovery necessary", .ref = "RFC 6275", .code = 1, .flags = 0 },
	[2] = { .key = "gre_key_option_not_required", .name = "GRE_KEY_OPTION_NOT_REQUIRED", .ref = "RFC 5845", .code = 2, .flags = 0 },
	[3] = { .key = "gre_tunneling_but_tlv_header_not_support", .name = "GRE_TUNNELING_BUT_TLV_HEADER_NOT_SUPPORTED", .ref = "RFC 5845", .code = 3, .flags = 0 },
	[4] = { .key = "mcoa_notcomplete", .name = "MCOA NOTCOMPLETE", .ref = "RFC 5648", .code = 4, .flags = 0 },
	[5] = { .key = "mcoa_returnhome_wo_ndp", .name = "MCOA RETURNHOME WO/NDP", .ref = "RFC 5648", .code = 5, .flags = 0 },
	[6] = { .key = "pbu_accepted_tb_ignored_settingsmismatch", .name = "PBU_ACCEPTED_TB_IGNORED_SETTINGSMISMATCH", .ref = "RFC 6058", .code = 6, .flags = 0 },
	[128] = { .key = "reason_unspecified", .name = "Reason unspecified", .ref = "RFC 6275", .code = 128, .flags = 0 },
	[129] = { .key = "administratively_prohibited", .name = "Administratively prohibited", .ref = "RFC 6275", .code = 129, .flags = 0 },
	[130] = { .key = "insufficient_resources", .name = "Insufficient resources", .ref = "RFC 6275", .code = 130, .flags = 0 },
	[131] = { .key = "home_registration_not_supported", .name = "Home registration not supported", .ref = "RFC 6275", .code = 131, .flags = 0 },
	[132] = { .key = "not_home_subnet", .name = "Not home subnet", .ref = "RFC 6275", .code = 132, .flags = 0 },
	[133] = { .key = "not_home_agent_for_this_mobile_node", .name = "Not home agent for this mobile node", .ref = "RFC 6275", .code = 133, .flags = 0 },
	[134] = { .key = "duplicate_address_detection_failed", .name = "Duplicate Address Detection failed", .ref = "RFC 6275", .code = 134, .flags = 0 },
	[135] = { .key = "sequence_number_out_of_window", .name = "Sequence number out of window", .ref = "RFC 6275", .code = 135, .flags = 0 },
	[136] = { .key = "expired_home_nonce_index", .name = "Expired home nonce index", .ref = "RFC 6275", .code = 136, .flags = 0 },
	[137] = { .key = "expired_care_of_nonce_index", .name = "Expired care-of nonce index", .ref = "RFC 6275", .code = 137, .flags = 0 },
	[138] = { .key = "expired_nonces", .name = "Expired nonces", .ref = "RFC 6275", .code = 138, .flags = 0 },
	[139] = { .key = "registration_type_change_disallowed", .name = "Registration type change disallowed", .ref = "RFC 6275", .code = 139, .flags = 0 },
	[140] = { .key = "mobile_router_operation_not_permitted", .name = "Mobile Router Operation not permitted", .ref = "RFC 3963", .code = 140, .flags = 0 },
	[141] = { .key = "invalid_prefix", .name = "Invalid Prefix", .ref = "RFC 3963", .code = 141, .flags = 0 },
	[142] = { .key = "not_authorized_for_prefix", .name = "Not Authorized for Prefix", .ref = "RFC 3963", .code = 142, .flags = 0 },
	[143] = { .key = "forwarding_setup_failed", .name = "Forwarding Setup failed", .ref = "RFC 3963", .code = 143, .flags = 0 },
	[144] = { .key = "mipv6_id_mismatch", .name = "MIPV6-ID-MISMATCH", .ref = "RFC 4285", .code = 144, .flags = 0 },
	[145] = { .key = "mipv6_mesg_id_reqd", .name = "MIPV6-MESG-ID-REQD", .ref = "RFC 4285", .code = 145, .flags = 0 },
	[146] = { .key = "mipv6_auth_fail", .name = "MIPV6-AUTH-FAIL", .ref = "RFC 4285", .code = 146, .flags = 0 },
	[147] = { .key = "permanent_home_keygen_token_unavailable", .name = "Permanent home keygen token unavailable", .ref = "RFC 4866", .code = 147, .flags = 0 },
	[148] = { .key = "cga_and_signature_verification_failed", .name = "CGA and signature verification failed", .ref = "RFC 4866", .code = 148, .flags = 0 },
	[149] = { .key = "permanent_home_keygen_token_exists", .name = "Permanent home keygen token exists", .ref = "RFC 4866", .code = 149, .flags = 0 },
	[150] = { .key = "non_null_home_nonce_index_expected", .name = "Non-null home nonce index expected", .ref = "RFC 4866", .code = 150, .flags = 0 },
	[151] = { .key = "service_authorization_failed", .name = "SERVICE_AUTHORIZATION_FAILED", .ref = "RFC 5149", .code = 151, .flags = 0 },
	[152] = { .key = "proxy_reg_not_enabled", .name = "PROXY_REG_NOT_ENABLED", .ref = "RFC 5213", .code = 152, .flags = 0 },
	[153] = { .key = "not_lma_for_this_mobile_node", .name = "NOT_LMA_FOR_THIS_MOBILE_NODE", .ref = "RFC 5213", .code = 153, .flags = 0 },
	[154] = { .key = "mag_not_authorized_for_proxy_reg", .name = "MAG_NOT_AUTHORIZED_FOR_PROXY_REG", .ref = "RFC 5213", .code = 154, .flags = 0 },
	[155] = { .key = "not_authorized_for_home_network_prefix", .name = "NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX", .ref = "RFC 5213", .code = 155, .flags = 0 },
	[156] = { .key = "timestamp_mismatch", .name = "TIMESTAMP_MISMATCH", .ref = "RFC 5213", .code = 156, .flags = 0 },
	[157] = { .key = "timestamp_lower_than_prev_accepted", .name = "TIMESTAMP_LOWER_THAN_PREV_ACCEPTED", .ref = "RFC 5213", .code = 157, .flags = 0 },
	[158] = { .key = "missing_home_network_prefix_option", .name = "MISSING_HOME_NETWORK_PREFIX_OPTION", .ref = "RFC 5213", .code = 158, .flags = 0 },
	[159] = { .key = "bce_pbu_prefix_set_do_not_match", .name = "BCE_PBU_PREFIX_SET_DO_NOT_MATCH", .ref = "RFC 5213", .code = 159, .flags = 0 },
	[160] = { .key = "missing_mn_identifier_option", .name = "MISSING_MN_IDENTIFIER_OPTION", .ref = "RFC 5213", .code = 160, .flags = 0 },
	[161] = { .key = "missing_handoff_indicator_option", .name = "MISSING_HANDOFF_INDICATOR_OPTION", .ref = "RFC 5213", .code = 161, .flags = 0 },
	[162] = { .key = "missing_access_tech_type_option", .name = "MISSING_ACCESS_TECH_TYPE_OPTION", .ref = "RFC 5213", .code = 162, .flags = 0 },
	[163] = { .key = "gre_key_option_required", .name = "GRE_KEY_OPTION_REQUIRED", .ref = "RFC 5845", .code = 163, .flags = 0 },
	[164] = { .key = "mcoa_malformed", .name = "MCOA MALFORMED", .ref = "RFC 5648", .code = 164, .flags = 0 },
	[165] = { .key = "mcoa_non_mcoa_binding_exists", .name = "MCOA NON-MCOA BINDING EXISTS", .ref = "RFC 5648", .code = 165, .flags = 0 },
	[166] = { .key = "mcoa_prohibited", .name = "MCOA PROHIBITED", .ref = "RFC 5648", .code = 166, .flags = 0 },
	[167] = { .key = "mcoa_unknown_coa", .name = "MCOA UNKNOWN COA", .ref = "RFC 5648", .code = 167, .flags = 0 },
	[168] = { .key = "mcoa_bulk_registration_prohibited", .name = "MCOA BULK REGISTRATION PROHIBITED", .ref = "RFC 5648", .code = 168, .flags = 0 },
	[169] = { .key = "mcoa_simultaneous_home_and_foreign_prohi", .name = "MCOA SIMULTANEOUS HOME AND FOREIGN PROHIBITED", .ref = "RFC 5648", .code = 169, .flags = 0 },
	[170] = { .key = "not_authorized_for_ipv4_mobility_service", .name = "NOT_AUTHORIZED_FOR_IPV4_MOBILITY_SERVICE", .ref = "RFC 5844", .code = 170, .flags = 0 },
	[171] = { .key = "not_authorized_for_ipv4_home_address", .name = "NOT_AUTHORIZED_FOR_IPV4_HOME_ADDRESS", .ref = "RFC 5844", .code = 171, .flags = 0 },
	[172] = { .key = "not_authorized_for_ipv6_mobility_service", .name = "NOT_AUTHORIZED_FOR_IPV6_MOBILITY_SERVICE", .ref = "RFC 5844", .code = 172, .flags = 0 },
	[173] = { .key = "multiple_ipv4_home_address_assignment_no", .name = "MULTIPLE_IPV4_HOME_ADDRESS_ASSIGNMENT_NOT_SUPPORTED", .ref = "RFC 5844", .code = 173, .flags = 0 },
	[174] = { .key = "invalid_care_of_address", .name = "Invalid Care-of Address", .ref = "RFC 6275", .code = 174, .flags = 0 },
	[175] = { .key = "invalid_mobile_node_group_identifier", .name = "INVALID_MOBILE_NODE_GROUP_IDENTIFIER", .ref = "RFC 6602", .code = 175, .flags = 0 },
	[176] = { .key = "reinit_sa_with_hac", .name = "REINIT_SA_WITH_HAC", .ref = "RFC 6618", .code = 176, .flags = 0 },
	[177] = { .key = "not_authorized_for_delegated_mnp", .name = "NOT_AUTHORIZED_FOR_DELEGATED_MNP", .ref = "RFC 7148", .code = 177, .flags = 0 },
	[178] = { .key = "requested_dmnp_in_use", .name = "REQUESTED_DMNP_IN_USE", .ref = "RFC 7148", .code = 178, .flags = 0 },
	[179] = { .key = "cannot_meet_qos_service_request", .name = "CANNOT_MEET_QOS_SERVICE_REQUEST", .ref = "RFC 7222", .code = 179, .flags = 0 },
	[180] = { .key = "cannot_support_multipath_binding", .name = "CANNOT_SUPPORT_MULTIPATH_BINDING", .ref = "RFC 8278", .code = 180, .flags = 0 },
};
const struct mw_registry mwi_reg_ba_status = {
	.id = MW_REG_BA_STATUS, .key = "mh.ba_status", .name = "Binding Acknowledgement status codes",
	.source = "IANA mobility-parameters",
	.rows = ba_status_rows, .n_rows = MW_NROWS(ba_status_rows),
};

static const struct mw_reg_entry be_status_rows[] = {
	[1] = { .key = "unknown_binding_for_home_address_destina", .name = "Unknown binding for Home Address destination option", .ref = "RFC 6275", .code = 1, .flags = 0 },
	[2] = { .key = "unrecognized_mh_type_value", .name = "Unrecognized MH Type value", .ref = "RFC 6275", .code = 2, .flags = 0 },
};
const struct mw_registry mwi_reg_be_status = {
	.id = MW_REG_BE_STATUS, .key = "mh.be_status", .name = "Binding Error status (RFC 6275 6.1.9)",
	.source = "RFC 6275 6.1.9 (no IANA registry)",
	.rows = be_status_rows, .n_rows = MW_NROWS(be_status_rows),
};

static const struct mw_reg_entry handoff_ind_rows[] = {
	[0] = { .key = "reserved_0", .name = "Reserved", .ref = "RFC 5213", .code = 0, .flags = MW_RF_RESERVED },
	[1] = { .key = "attachment_over_a_new_interface", .name = "Attachment over a new interface", .ref = "RFC 5213", .code = 1, .flags = 0 },
	[2] = { .key = "handoff_between_two_different_interfaces", .name = "Handoff between two different interfaces of the mobile node", .ref = "RFC 5213", .code = 2, .flags = 0 },
	[3] = { .key = "handoff_between_mobile_access_gateways_f", .name = "Handoff between mobile access gateways for the same interface", .ref = "RFC 5213", .code = 3, .flags = 0 },
	[4] = { .key = "handoff_state_unknown", .name = "Handoff state unknown", .ref = "RFC 5213", .code = 4, .flags = 0 },
	[5] = { .key = "handoff_state_not_changed", .name = "Handoff state not changed (Re-registration)", .ref = "RFC 5213", .code = 5, .flags = 0 },
	[6] = { .key = "attachment_over_a_new_interface_sharing", .name = "Attachment over a new interface sharing prefixes", .ref = "RFC 7864", .code = 6, .flags = 0 },
};
const struct mw_registry mwi_reg_handoff_ind = {
	.id = MW_REG_HANDOFF_IND, .key = "mh.handoff_ind", .name = "Handoff Indicator Option type values",
	.source = "IANA mobility-parameters",
	.rows = handoff_ind_rows, .n_rows = MW_NROWS(handoff_ind_rows),
};

static const struct mw_reg_entry access_tech_rows[] = {
	[0] = { .key = "reserved_0", .name = "Reserved", .ref = "RFC 5213", .code = 0, .flags = MW_RF_RESERVED },
	[1] = { .key = "virtual", .name = "Virtual", .ref = "RFC 5213", .code = 1, .flags = 0 },
	[2] = { .key = "ppp", .name = "PPP", .ref = "RFC 5213", .code = 2, .flags = 0 },
	[3] = { .key = "ieee_802_3", .name = "IEEE 802.3", .ref = "RFC 5213", .code = 3, .flags = 0 },
	[4] = { .key = "ieee_802_11a_b_g", .name = "IEEE 802.11a/b/g", .ref = "RFC 5213", .code = 4, .flags = 0 },
	[5] = { .key = "ieee_802_16e", .name = "IEEE 802.16e", .ref = "RFC 5213", .code = 5, .flags = 0 },
	[6] = { .key = "3gpp_geran", .name = "3GPP GERAN", .ref = "3GPP TS 29.275; Julien_Laganier", .code = 6, .flags = 0 },
	[7] = { .key = "3gpp_utran", .name = "3GPP UTRAN", .ref = "3GPP TS 29.275; Julien_Laganier", .code = 7, .flags = 0 },
	[8] = { .key = "3gpp_e_utran", .name = "3GPP E-UTRAN", .ref = "3GPP TS 29.275; Julien_Laganier", .code = 8, .flags = 0 },
	[9] = { .key = "3gpp2_ehrpd", .name = "3GPP2 eHRPD", .ref = "3GPP2 X.P0057; Kuntal_Chowdhury", .code = 9, .flags = 0 },
	[10] = { .key = "3gpp2_hrpd", .name = "3GPP2 HRPD", .ref = "3GPP2 X.P0061; Kuntal_Chowdhury", .code = 10, .flags = 0 },
	[11] = { .key = "3gpp2_1xrtt", .name = "3GPP2 1xRTT", .ref = "3GPP2 X.S0011; Kuntal_Chowdhury", .code = 11, .flags = 0 },
	[12] = { .key = "3gpp2_umb", .name = "3GPP2 UMB", .ref = "3GPP2 X.S0054; Kuntal_Chowdhury", .code = 12, .flags = 0 },
	[13] = { .key = "3gpp_nb_iot", .name = "3GPP NB-IOT", .ref = "3GPP TS 29.275; Kimmo_Kymalainen", .code = 13, .flags = 0 },
};
const struct mw_registry mwi_reg_access_tech = {
	.id = MW_REG_ACCESS_TECH, .key = "mh.access_tech", .name = "Access Technology Type Option type values",
	.source = "IANA mobility-parameters",
	.rows = access_tech_rows, .n_rows = MW_NROWS(access_tech_rows),
};

static const struct mw_reg_entry mnid_sub_rows[] = {
	[1] = { .key = "nai", .name = "NAI", .ref = "RFC 4283", .code = 1, .flags = 0 },
	[2] = { .key = "ipv6_address", .name = "IPv6 Address", .ref = "RFC-ietf-dmm-4283mnids-08", .code = 2, .flags = 0 },
	[3] = { .key = "imsi", .name = "IMSI", .ref = "RFC-ietf-dmm-4283mnids-08", .code = 3, .flags = 0 },
	[4] = { .key = "p_tmsi", .name = "P-TMSI", .ref = "RFC-ietf-dmm-4283mnids-08", .code = 4, .flags = 0 },
	[5] = { .key = "eui_48_address", .name = "EUI-48 address", .ref = "RFC-ietf-dmm-4283mnids-08", .code = 5, .flags = 0 },
	[6] = { .key = "eui_64_address", .name = "EUI-64 address", .ref = "RFC-ietf-dmm-4283mnids-08", .code = 6, .flags = 0 },
	[7] = { .key = "guti", .name = "GUTI", .ref = "RFC-ietf-dmm-4283mnids-08", .code = 7, .flags = 0 },
	[8] = { .key = "duid_llt", .name = "DUID-LLT", .ref = "RFC-ietf-dmm-4283mnids-08", .code = 8, .flags = 0 },
	[9] = { .key = "duid_en", .name = "DUID-EN", .ref = "RFC-ietf-dmm-4283mnids-08", .code = 9, .flags = 0 },
	[10] = { .key = "duid_ll", .name = "DUID-LL", .ref = "RFC-ietf-dmm-4283mnids-08", .code = 10, .flags = 0 },
	[11] = { .key = "duid_uuid", .name = "DUID-UUID", .ref = "RFC-ietf-dmm-4283mnids-08", .code = 11, .flags = 0 },
};
const struct mw_registry mwi_reg_mnid_sub = {
	.id = MW_REG_MNID_SUB, .key = "mh.mnid_sub", .name = "Mobile Node Identifier Option Subtypes",
	.source = "IANA mobility-parameters",
	.rows = mnid_sub_rows, .n_rows = MW_NROWS(mnid_sub_rows),
};

static const struct mw_reg_entry bri_trigger_rows[] = {
	[0] = { .key = "unspecified", .name = "Unspecified", .ref = "RFC 5846", .code = 0, .flags = 0 },
	[1] = { .key = "administrative_reason", .name = "Administrative Reason", .ref = "RFC 5846", .code = 1, .flags = 0 },
	[2] = { .key = "inter_mag_handover_same_access_type", .name = "Inter-MAG Handover - same Access Type", .ref = "RFC 5846", .code = 2, .flags = 0 },
	[3] = { .key = "inter_mag_handover_different_access_type", .name = "Inter-MAG Handover - different Access Type", .ref = "RFC 5846", .code = 3, .flags = 0 },
	[4] = { .key = "inter_mag_handover_unknown", .name = "Inter-MAG Handover - Unknown", .ref = "RFC 5846", .code = 4, .flags = 0 },
	[5] = { .key = "user_initiated_session_termination", .name = "User Initiated Session(s) Termination", .ref = "RFC 5846", .code = 5, .flags = 0 },
	[6] = { .key = "access_network_session_termination", .name = "Access Network Session(s) Termination", .ref = "RFC 5846", .code = 6, .flags = 0 },
	[7] = { .key = "possible_out_of_sync_bce_state", .name = "Possible Out-of Sync BCE State", .ref = "RFC 5846", .code = 7, .flags = 0 },
	[128] = { .key = "per_peer_policy", .name = "Per-Peer Policy", .ref = "RFC 5846", .code = 128, .flags = 0 },
	[129] = { .key = "revoking_mobility_node_local_policy", .name = "Revoking Mobility Node Local Policy", .ref = "RFC 5846", .code = 129, .flags = 0 },
};
const struct mw_registry mwi_reg_bri_trigger = {
	.id = MW_REG_BRI_TRIGGER, .key = "mh.bri_trigger", .name = "Revocation Trigger Values",
	.source = "IANA mobility-parameters",
	.rows = bri_trigger_rows, .n_rows = MW_NROWS(bri_trigger_rows),
};

static const struct mw_reg_entry bri_status_rows[] = {
	[0] = { .key = "success", .name = "success", .ref = "RFC 5846", .code = 0, .flags = 0 },
	[1] = { .key = "partial_success", .name = "partial success", .ref = "RFC 5846", .code = 1, .flags = 0 },
	[128] = { .key = "binding_does_not_exist", .name = "Binding Does NOT Exist", .ref = "RFC 5846", .code = 128, .flags = 0 },
	[129] = { .key = "ipv4_home_address_option_required", .name = "IPv4 Home Address Option Required", .ref = "RFC 5846", .code = 129, .flags = 0 },
	[130] = { .key = "global_revocation_not_authorized", .name = "Global Revocation NOT Authorized", .ref = "RFC 5846", .code = 130, .flags = 0 },
	[131] = { .key = "revoked_mobile_nodes_identity_required", .name = "Revoked Mobile Nodes Identity Required", .ref = "RFC 5846", .code = 131, .flags = 0 },
	[132] = { .key = "revocation_failed_mn_is_attached", .name = "Revocation Failed - MN is Attached", .ref = "RFC 5846", .code = 132, .flags = 0 },
	[133] = { .key = "revocation_trigger_not_supported", .name = "Revocation Trigger NOT Supported", .ref = "RFC 5846", .code = 133, .flags = 0 },
	[134] = { .key = "revocation_function_not_supported", .name = "Revocation Function NOT Supported", .ref = "RFC 5846", .code = 134, .flags = 0 },
	[135] = { .key = "proxy_binding_revocation_not_supported", .name = "Proxy Binding Revocation NOT Supported", .ref = "RFC 5846", .code = 135, .flags = 0 },
};
const struct mw_registry mwi_reg_bri_status = {
	.id = MW_REG_BRI_STATUS, .key = "mh.bra_status", .name = "Binding Revocation Acknowledgement Status Codes",
	.source = "IANA mobility-parameters",
	.rows = bri_status_rows, .n_rows = MW_NROWS(bri_status_rows),
};

static const struct mw_reg_entry mh_hi_code_rows[] = {
	[0] = { .key = "fbu_with_the_pcoa_as_source_ip_address", .name = "FBU with the PCoA as source IP address", .ref = "RFC 5568", .code = 0, .flags = 0 },
	[1] = { .key = "fbu_whose_source_ip_address_is_not_pcoa", .name = "FBU whose source IP address is not PCoA", .ref = "RFC 5568", .code = 1, .flags = 0 },
	[2] = { .key = "indicate_the_completion_of_forwarding", .name = "Indicate the completion of forwarding", .ref = "RFC 5949", .code = 2, .flags = 0 },
	[3] = { .key = "all_available_context_transferred", .name = "All available context transferred", .ref = "RFC 5949", .code = 3, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_hi_code = {
	.id = MW_REG_MH_HI_CODE, .key = "mh.hi_code", .name = "Handover Initiate Status Codes",
	.source = "IANA mobility-parameters",
	.rows = mh_hi_code_rows, .n_rows = MW_NROWS(mh_hi_code_rows),
};

static const struct mw_reg_entry mh_hack_status_rows[] = {
	[0] = { .key = "handover_accepted_or_successful", .name = "Handover Accepted or Successful (when 'P' flag is set) | Handover Accepted with NCoA valid", .ref = "RFC 5949; RFC 5568", .code = 0, .flags = 0 },
	[1] = { .key = "handover_accepted_ncoa_not_valid", .name = "Handover Accepted, NCoA not valid", .ref = "RFC 5568", .code = 1, .flags = 0 },
	[2] = { .key = "handover_accepted_ncoa_assigned", .name = "Handover Accepted, NCoA assigned", .ref = "RFC 5568", .code = 2, .flags = 0 },
	[3] = { .key = "handover_accepted_use_pcoa", .name = "Handover Accepted, use PCoA", .ref = "RFC 5568", .code = 3, .flags = 0 },
	[4] = { .key = "message_sent_unsolicited", .name = "Message sent unsolicited", .ref = "RFC 5568", .code = 4, .flags = 0 },
	[5] = { .key = "context_transfer_accepted_or_successful", .name = "Context Transfer Accepted or Successful", .ref = "RFC 5949", .code = 5, .flags = 0 },
	[6] = { .key = "all_available_context_transferred", .name = "All available Context Transferred", .ref = "RFC 5949", .code = 6, .flags = 0 },
	[128] = { .key = "handover_not_accepted_reason_unspecified", .name = "Handover Not Accepted, reason unspecified", .ref = "RFC 5568", .code = 128, .flags = 0 },
	[129] = { .key = "administratively_prohibited", .name = "Administratively prohibited", .ref = "RFC 5568", .code = 129, .flags = 0 },
	[130] = { .key = "insufficient_resources", .name = "Insufficient resources", .ref = "RFC 5568", .code = 130, .flags = 0 },
	[131] = { .key = "requested_context_not_available", .name = "Requested Context Not Available", .ref = "RFC 5949", .code = 131, .flags = 0 },
	[132] = { .key = "forwarding_not_available", .name = "Forwarding Not Available", .ref = "RFC 5949", .code = 132, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_hack_status = {
	.id = MW_REG_MH_HACK_STATUS, .key = "mh.hack_status", .name = "Handover Acknowledge Status Codes",
	.source = "IANA mobility-parameters",
	.rows = mh_hack_status_rows, .n_rows = MW_NROWS(mh_hack_status_rows),
};

/* FMIPv6 subtypes (MW_REG_ICMP6_154_SUB): in mip6_reg_icmp.c, with
 * the per-subtype layouts. */

/* Value registries of status / reason / type fields of options and
 * messages (RFC 5026, 5555, 5844, 6089, 6602, 6757, 7077, 7109, 4285). */
static const struct mw_reg_entry mh_dns_status_rows[] = {
	[0] = { .key = "dns_update_performed", .name = "DNS update performed", .ref = "RFC 5026", .code = 0, .flags = 0 },
	[128] = { .key = "reason_unspecified", .name = "Reason unspecified", .ref = "RFC 5026", .code = 128, .flags = 0 },
	[129] = { .key = "administratively_prohibited", .name = "Administratively prohibited", .ref = "RFC 5026", .code = 129, .flags = 0 },
	[130] = { .key = "dns_update_failed", .name = "DNS Update Failed", .ref = "RFC 5026", .code = 130, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_dns_status = {
	.id = MW_REG_MH_DNS_STATUS, .key = "mh.dns_status", .name = "Status Codes (DNS Update Mobility Option)",
	.source = "IANA mobility-parameters",
	.rows = mh_dns_status_rows, .n_rows = MW_NROWS(mh_dns_status_rows),
};

static const struct mw_reg_entry mh_ipv4_ack_status_rows[] = {
	[0] = { .key = "success", .name = "Success", .ref = "RFC 5555", .code = 0, .flags = 0 },
	[128] = { .key = "failure_reason_unspecified", .name = "Failure, reason unspecified", .ref = "RFC 5555", .code = 128, .flags = 0 },
	[129] = { .key = "administratively_prohibited", .name = "Administratively prohibited", .ref = "RFC 5555", .code = 129, .flags = 0 },
	[130] = { .key = "incorrect_ipv4_home_address", .name = "Incorrect IPv4 home address", .ref = "RFC 5555", .code = 130, .flags = 0 },
	[131] = { .key = "invalid_ipv4_address", .name = "Invalid IPv4 address", .ref = "RFC 5555", .code = 131, .flags = 0 },
	[132] = { .key = "dynamic_ipv4_home_address_assignment_not", .name = "Dynamic IPv4 home address assignment not available", .ref = "RFC 5555", .code = 132, .flags = 0 },
	[133] = { .key = "prefix_allocation_unauthorized", .name = "Prefix allocation unauthorized", .ref = "RFC 5555", .code = 133, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_ipv4_ack_status = {
	.id = MW_REG_MH_IPV4_ACK_STATUS, .key = "mh.ipv4_ack_status", .name = "DSMIPv6 IPv4 Home Address Option Status Codes (IPv4 Address Acknowledgement)",
	.source = "IANA mobility-parameters",
	.rows = mh_ipv4_ack_status_rows, .n_rows = MW_NROWS(mh_ipv4_ack_status_rows),
};

static const struct mw_reg_entry mh_ipv4_reply_status_rows[] = {
	[0] = { .key = "success", .name = "Success", .ref = "RFC 5844", .code = 0, .flags = 0 },
	[128] = { .key = "failure_reason_unspecified", .name = "Failure, Reason Unspecified", .ref = "RFC 5844", .code = 128, .flags = 0 },
	[129] = { .key = "administratively_prohibited", .name = "Administratively prohibited", .ref = "RFC 5844", .code = 129, .flags = 0 },
	[130] = { .key = "incorrect_ipv4_home_address", .name = "Incorrect IPv4 home address", .ref = "RFC 5844", .code = 130, .flags = 0 },
	[131] = { .key = "invalid_ipv4_address", .name = "Invalid IPv4 address", .ref = "RFC 5844", .code = 131, .flags = 0 },
	[132] = { .key = "dynamic_ipv4_home_address_assignment_not", .name = "Dynamic IPv4 home address assignment not available", .ref = "RFC 5844", .code = 132, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_ipv4_reply_status = {
	.id = MW_REG_MH_IPV4_REPLY_STATUS, .key = "mh.ipv4_reply_status", .name = "IPv4 Home Address Reply Status Codes",
	.source = "IANA mobility-parameters",
	.rows = mh_ipv4_reply_status_rows, .n_rows = MW_NROWS(mh_ipv4_reply_status_rows),
};

static const struct mw_reg_entry mh_upn_reason_rows[] = {
	[0] = { .key = "reserved_0", .name = "Reserved", .ref = "RFC 7077", .code = 0, .flags = MW_RF_RESERVED },
	[1] = { .key = "force_reregistration", .name = "FORCE-REREGISTRATION", .ref = "RFC 7077", .code = 1, .flags = 0 },
	[2] = { .key = "update_session_parameters", .name = "UPDATE-SESSION-PARAMETERS", .ref = "RFC 7077", .code = 2, .flags = 0 },
	[3] = { .key = "vendor_specific_reason", .name = "VENDOR-SPECIFIC-REASON", .ref = "RFC 7077", .code = 3, .flags = 0 },
	[4] = { .key = "ani_params_requested", .name = "ANI-PARAMS-REQUESTED", .ref = "RFC 7077", .code = 4, .flags = 0 },
	[5] = { .key = "qos_service_request", .name = "QOS_SERVICE_REQUEST", .ref = "RFC 7222", .code = 5, .flags = 0 },
	[6] = { .key = "pgw_triggered_pcscf_restoration_pco", .name = "PGW-TRIGGERED-PCSCF-RESTORATION-PCO", .ref = "3GPP TS 29.275; Kimmo_Kymalainen", .code = 6, .flags = 0 },
	[7] = { .key = "pgw_triggered_pcscf_restoration_dhcp", .name = "PGW-TRIGGERED-PCSCF-RESTORATION-DHCP", .ref = "3GPP TS 29.275; Kimmo_Kymalainen", .code = 7, .flags = 0 },
	[8] = { .key = "flow_mobility", .name = "FLOW-MOBILITY", .ref = "RFC 7864", .code = 8, .flags = 0 },
	[255] = { .key = "reserved_255", .name = "Reserved", .ref = "RFC 7077", .code = 255, .flags = MW_RF_RESERVED },
};
const struct mw_registry mwi_reg_mh_upn_reason = {
	.id = MW_REG_MH_UPN_REASON, .key = "mh.upn_reason", .name = "Update Notification Reasons",
	.source = "IANA mobility-parameters",
	.rows = mh_upn_reason_rows, .n_rows = MW_NROWS(mh_upn_reason_rows),
};

static const struct mw_reg_entry mh_upa_status_rows[] = {
	[0] = { .key = "success", .name = "SUCCESS", .ref = "RFC 7077", .code = 0, .flags = 0 },
	[128] = { .key = "failed_to_update_session_parameters", .name = "FAILED-TO-UPDATE-SESSION-PARAMETERS", .ref = "RFC 7077", .code = 128, .flags = 0 },
	[129] = { .key = "missing_vendor_specific_option", .name = "MISSING-VENDOR-SPECIFIC-OPTION", .ref = "RFC 7077", .code = 129, .flags = 0 },
	[130] = { .key = "cannot_meet_qos_service_request", .name = "CANNOT_MEET_QOS_SERVICE_REQUEST", .ref = "RFC 7222", .code = 130, .flags = 0 },
	[131] = { .key = "reason_unspecified", .name = "Reason unspecified.", .ref = "RFC 7864", .code = 131, .flags = 0 },
	[132] = { .key = "mn_not_attached", .name = "MN not attached.", .ref = "RFC 7864", .code = 132, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_upa_status = {
	.id = MW_REG_MH_UPA_STATUS, .key = "mh.upa_status", .name = "Update Notification Acknowledgement Status",
	.source = "IANA mobility-parameters",
	.rows = mh_upa_status_rows, .n_rows = MW_NROWS(mh_upa_status_rows),
};

/* Flow Binding Type (MW_REG_MH_FB_TYPE): in mip6_reg_mh.c, with the
 * FBI / FBA layouts. */

static const struct mw_reg_entry mh_fb_trigger_rows[] = {
	[0] = { .key = "reserved_0", .name = "Reserved", .ref = "RFC 7109", .code = 0, .flags = MW_RF_RESERVED },
	[1] = { .key = "unspecified", .name = "Unspecified", .ref = "RFC 7109", .code = 1, .flags = 0 },
	[2] = { .key = "administrative_reason", .name = "Administrative Reason", .ref = "RFC 7109", .code = 2, .flags = 0 },
	[3] = { .key = "possible_out_of_sync_bce_state", .name = "Possible Out-of-Sync BCE State", .ref = "RFC 7109", .code = 3, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_fb_trigger = {
	.id = MW_REG_MH_FB_TRIGGER, .key = "mh.fb_trigger", .name = "Flow Binding Indication Triggers",
	.source = "IANA mobility-parameters",
	.rows = mh_fb_trigger_rows, .n_rows = MW_NROWS(mh_fb_trigger_rows),
};

static const struct mw_reg_entry mh_fba_status_rows[] = {
	[0] = { .key = "success", .name = "Success", .ref = "RFC 7109", .code = 0, .flags = 0 },
	[128] = { .key = "binding_target_coa_does_not_exist", .name = "Binding (target CoA) Does NOT Exist", .ref = "RFC 7109", .code = 128, .flags = 0 },
	[129] = { .key = "action_not_authorized", .name = "Action NOT Authorized", .ref = "RFC 7109", .code = 129, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_fba_status = {
	.id = MW_REG_MH_FBA_STATUS, .key = "mh.fba_status", .name = "Flow Binding Acknowledgement Status Codes",
	.source = "IANA mobility-parameters",
	.rows = mh_fba_status_rows, .n_rows = MW_NROWS(mh_fba_status_rows),
};

static const struct mw_reg_entry mh_fb_action_rows[] = {
	[11] = { .key = "add_a_flow_binding", .name = "Add a flow binding", .ref = "RFC 7109", .code = 11, .flags = 0 },
	[12] = { .key = "delete_a_flow_binding", .name = "Delete a flow binding", .ref = "RFC 7109", .code = 12, .flags = 0 },
	[13] = { .key = "modify_a_flow_binding", .name = "Modify a flow binding", .ref = "RFC 7109", .code = 13, .flags = 0 },
	[14] = { .key = "refresh_a_flow_binding", .name = "Refresh a flow binding", .ref = "RFC 7109", .code = 14, .flags = 0 },
	[15] = { .key = "move_a_flow_binding", .name = "Move a flow binding", .ref = "RFC 7109", .code = 15, .flags = 0 },
	[16] = { .key = "revoke_a_flow_binding", .name = "Revoke a flow binding", .ref = "RFC 7109", .code = 16, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_fb_action = {
	.id = MW_REG_MH_FB_ACTION, .key = "mh.fb_action", .name = "Flow Binding Action Values",
	.source = "IANA mobility-parameters",
	.rows = mh_fb_action_rows, .n_rows = MW_NROWS(mh_fb_action_rows),
};

static const struct mw_reg_entry mh_flow_id_status_rows[] = {
	[0] = { .key = "flow_binding_successful", .name = "Flow binding successful", .ref = "RFC 6089", .code = 0, .flags = 0 },
	[128] = { .key = "administratively_prohibited", .name = "Administratively prohibited", .ref = "RFC 6089", .code = 128, .flags = 0 },
	[129] = { .key = "flow_binding_rejected_reason_unspecified", .name = "Flow binding rejected, reason unspecified", .ref = "RFC 6089", .code = 129, .flags = 0 },
	[130] = { .key = "flow_identification_mobility_option_malf", .name = "Flow identification mobility option malformed", .ref = "RFC 6089", .code = 130, .flags = 0 },
	[131] = { .key = "bid_not_found", .name = "BID not found", .ref = "RFC 6089", .code = 131, .flags = 0 },
	[132] = { .key = "fid_not_found", .name = "FID not found", .ref = "RFC 6089", .code = 132, .flags = 0 },
	[133] = { .key = "traffic_selector_format_not_supported", .name = "Traffic selector format not supported", .ref = "RFC 6089", .code = 133, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_flow_id_status = {
	.id = MW_REG_MH_FLOW_ID_STATUS, .key = "mh.flow_id_status", .name = "Flow Identification Mobility Option Status Codes",
	.source = "IANA mobility-parameters",
	.rows = mh_flow_id_status_rows, .n_rows = MW_NROWS(mh_flow_id_status_rows),
};

static const struct mw_reg_entry mh_auth_sub_rows[] = {
	[1] = { .key = "mn_ha_authentication_mobility_option", .name = "MN-HA authentication mobility option", .ref = "RFC 4285", .code = 1, .flags = 0 },
	[2] = { .key = "mn_aaa_authentication_mobility_option", .name = "MN-AAA authentication mobility option", .ref = "RFC 4285", .code = 2, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_auth_sub = {
	.id = MW_REG_MH_AUTH_SUB, .key = "mh.auth_sub", .name = "Mobility message authentication option subtypes",
	.source = "IANA mobility-parameters",
	.rows = mh_auth_sub_rows, .n_rows = MW_NROWS(mh_auth_sub_rows),
};

static const struct mw_reg_entry mh_group_id_type_rows[] = {
	[0] = { .key = "reserved_0", .name = "Reserved", .ref = "RFC 6602", .code = 0, .flags = MW_RF_RESERVED },
	[1] = { .key = "bulk_binding_update_group", .name = "Bulk Binding Update Group", .ref = "RFC 6602", .code = 1, .flags = 0 },
	[255] = { .key = "reserved_255", .name = "Reserved", .ref = "RFC 6602", .code = 255, .flags = MW_RF_RESERVED },
};
const struct mw_registry mwi_reg_mh_group_id_type = {
	.id = MW_REG_MH_GROUP_ID_TYPE, .key = "mh.group_id_type", .name = "Mobile Node Group Identifier Type",
	.source = "IANA mobility-parameters",
	.rows = mh_group_id_type_rows, .n_rows = MW_NROWS(mh_group_id_type_rows),
};

static const struct mw_reg_entry mh_opid_type_rows[] = {
	[0] = { .key = "reserved_0", .name = "Reserved", .ref = "RFC 6757", .code = 0, .flags = MW_RF_RESERVED },
	[1] = { .key = "operator_identifier_as_a_variable_length", .name = "Operator-Identifier as a variable-length Private Enterprise Number (PEN)", .ref = "RFC 6757", .code = 1, .flags = 0 },
	[2] = { .key = "realm_of_the_operator", .name = "Realm of the Operator", .ref = "RFC 6757", .code = 2, .flags = 0 },
	[255] = { .key = "reserved_255", .name = "Reserved", .ref = "RFC 6757", .code = 255, .flags = MW_RF_RESERVED },
};
const struct mw_registry mwi_reg_mh_opid_type = {
	.id = MW_REG_MH_OPID_TYPE, .key = "mh.opid_type", .name = "Operator-Identifier Type",
	.source = "IANA mobility-parameters",
	.rows = mh_opid_type_rows, .n_rows = MW_NROWS(mh_opid_type_rows),
};

static const struct mw_reg_entry mh_ts_format_rows[] = {
	[0] = { .key = "reserved_0", .name = "Reserved", .ref = "RFC 6089", .code = 0, .flags = MW_RF_RESERVED },
	[1] = { .key = "ipv4_binary_traffic_selector", .name = "IPv4 Binary Traffic Selector", .ref = "RFC 6088", .code = 1, .flags = 0 },
	[2] = { .key = "ipv6_binary_traffic_selector", .name = "IPv6 Binary Traffic Selector", .ref = "RFC 6088", .code = 2, .flags = 0 },
};
const struct mw_registry mwi_reg_mh_ts_format = {
	.id = MW_REG_MH_TS_FORMAT, .key = "mh.ts_format", .name = "Traffic Selector Format",
	.source = "IANA mobility-parameters",
	.rows = mh_ts_format_rows, .n_rows = MW_NROWS(mh_ts_format_rows),
};
