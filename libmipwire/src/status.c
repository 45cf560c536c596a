/* Names and formatting of statuses and located diagnostics. */
#include <stdio.h>

#include "internal.h"

MWI_EXPORT const char *mw_status_str(mw_status s)
{
	switch (s) {
	case MW_OK: return "ok";
	case MW_E_TRUNC: return "truncated";
	case MW_E_MALFORMED: return "malformed";
	case MW_E_UNKNOWN: return "unknown";
	case MW_E_UNSUPPORTED: return "unsupported";
	case MW_E_NOSPACE: return "no-space";
	case MW_E_INVAL: return "invalid-argument";
	}
	return "?";
}

MWI_EXPORT int mw_diag_format(const struct mw_diag *d, char *buf, size_t cap)
{
	if (d->status == MW_OK)
		return snprintf(buf, cap, "ok");
	return snprintf(buf, cap, "%s at offset %u (%s): %s",
			mw_status_str(d->status), d->offset,
			d->field ? d->field : "?", d->why);
}
