/* Result codes and located diagnostics shared by every libmipwire parser
 * and builder. A parse never allocates: the first hard error of a frame is
 * kept in one struct mw_diag; softer findings go to the packet's notes. */
#ifndef MIPWIRE_STATUS_H
#define MIPWIRE_STATUS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mw_status {
	MW_OK = 0,
	MW_E_TRUNC,       /* the capture ends before the field (snaplen) */
	MW_E_MALFORMED,   /* lengths contradict each other, or RFC-illegal layout */
	MW_E_UNKNOWN,     /* unknown code; skippable (element skipped, parse goes on) */
	MW_E_UNSUPPORTED, /* understood but not decodable here (link type, ESP payload) */
	MW_E_NOSPACE,     /* builder buffer or decode table full */
	MW_E_INVAL,       /* bad argument from the caller */
} mw_status;

/* Stable lower-case name: "ok", "truncated", "malformed", "unknown",
 * "unsupported", "no-space", "invalid-argument". */
const char *mw_status_str(mw_status s);

#define MW_WHY_MAX 96

/* One located finding: what went wrong, where (byte offset from the start
 * of the frame), in which field (dotted name, static string). */
struct mw_diag {
	mw_status status;
	uint32_t offset;
	const char *field;
	char why[MW_WHY_MAX];
};

/* "malformed at offset 52 (mip4.ext.len): length 30 runs past end of message (12 left)" */
int mw_diag_format(const struct mw_diag *d, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
