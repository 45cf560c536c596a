/* The rule catalogue: data, plus lookup and iteration. */
#include <string.h>
#include <strings.h>
#include <stdio.h>

#include "../internal.h"
#include "rules_int.h"

const struct mw_rule mwi_rules[MWI_R__COUNT] = {
#define RULE(en, id_, rfc_, sec, lvl, roles_, needs_, sum)                  \
	[MWI_R_##en] = { .id = id_, .rfc = rfc_, .section = sec,            \
			 .level = lvl, .roles = roles_, .summary = sum,     \
			 .needs = needs_ },
#include "rules_list.h"
#undef RULE
};

MWI_EXPORT size_t mw_rule_count(void)
{
	return MWI_R__COUNT;
}

MWI_EXPORT const struct mw_rule *mw_rule_at(size_t i)
{
	return i < MWI_R__COUNT ? &mwi_rules[i] : NULL;
}

MWI_EXPORT const struct mw_rule *mw_rule_find(const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < MWI_R__COUNT; i++)
		if (strcmp(mwi_rules[i].id, id) == 0)
			return &mwi_rules[i];
	return NULL;
}

MWI_EXPORT size_t mw_rule_index(const struct mw_rule *r)
{
	return (size_t)(r - mwi_rules);
}

MWI_EXPORT const char *mw_level_str(unsigned level)
{
	switch (level) {
	case MW_LEVEL_ERROR: return "error";
	case MW_LEVEL_WARNING: return "warning";
	case MW_LEVEL_INFO: return "info";
	}
	return "unknown";
}

MWI_EXPORT int mw_level_parse(const char *s)
{
	if (!s)
		return 0;
	if (!strcasecmp(s, "error") || !strcasecmp(s, "must"))
		return MW_LEVEL_ERROR;
	if (!strcasecmp(s, "warning") || !strcasecmp(s, "warn") ||
	    !strcasecmp(s, "should"))
		return MW_LEVEL_WARNING;
	if (!strcasecmp(s, "info") || !strcasecmp(s, "may"))
		return MW_LEVEL_INFO;
	return 0;
}

static const char *const role_names[MW_ROLE__COUNT] = {
	"MN", "HA", "FA", "CN", "MR", "MAG", "LMA",
};

MWI_EXPORT const char *mw_role_str(unsigned role_bit)
{
	for (unsigned i = 0; i < MW_ROLE__COUNT; i++)
		if (role_bit == (1u << i))
			return role_names[i];
	return "?";
}

MWI_EXPORT int mw_roles_format(unsigned roles, char *buf, size_t cap)
{
	size_t n = 0;
	if (cap)
		buf[0] = '\0';
	for (unsigned i = 0; i < MW_ROLE__COUNT; i++) {
		if (!(roles & (1u << i)))
			continue;
		int k = snprintf(buf + n, n < cap ? cap - n : 0, "%s%s",
				 n ? "," : "", role_names[i]);
		if (k > 0)
			n += (size_t)k;
	}
	return (int)n;
}

MWI_EXPORT unsigned mw_role_parse(const char *s)
{
	for (unsigned i = 0; s && i < MW_ROLE__COUNT; i++)
		if (!strcasecmp(s, role_names[i]))
			return 1u << i;
	return 0;
}
