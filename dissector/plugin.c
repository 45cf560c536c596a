/* The plugin's entry points (the four symbols Wireshark 4.0's loader looks
 * up) and the protocol registration that calls every part in turn. */
#include "mipkit.h"

WS_DLL_PUBLIC_DEF const gchar plugin_version[] = MIPKIT_VERSION;
WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;
WS_DLL_PUBLIC void plugin_register(void);

int proto_mipkit = -1;
static expert_module_t *expert_mipkit;

void mk_tree_register(void);

expert_module_t *mk_expert_module(void)
{
	return expert_mipkit;
}

static void proto_register_mipkit(void)
{
	module_t *prefs;

	proto_mipkit = proto_register_protocol(
		"Mobile IP (mipkit: libmipwire decode and analysis)", "MIPKIT",
		"mipkit");
	expert_mipkit = expert_register_protocol(proto_mipkit);
	prefs = prefs_register_protocol(proto_mipkit, NULL);

	mk_fields_register();
	mk_tree_register();
	mk_dissect_register();
	mk_tunnel_register();
	mk_match_register();
	mk_binding_register();
	mk_auth_register(prefs);
	mk_post_register();
	mk_rules_register();
	mk_stats_register();
}

static void proto_reg_handoff_mipkit(void)
{
	mk_dissect_handoff();
	mk_tunnel_handoff();
	mk_post_handoff();
}

void plugin_register(void)
{
	static proto_plugin plug;

	plug.register_protoinfo = proto_register_mipkit;
	plug.register_handoff = proto_reg_handoff_mipkit;
	proto_register_plugin(&plug);
}
