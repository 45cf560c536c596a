/* libmipwire: Mobile IPv4 / IPv6 wire formats — parse, build, check.
 * The one header a user includes. See docs/libmipwire.md. */
#ifndef MIPWIRE_MIPWIRE_H
#define MIPWIRE_MIPWIRE_H

#include "status.h"
#include "cursor.h"
#include "wbuf.h"
#include "registry.h"
#include "net.h"
#include "mip4.h"
#include "mip6.h"
#include "decode.h"
#include "crypto.h"
#include "build.h"
#include "capture.h"
#include "keys.h"
#include "rules.h"

#define MW_VERSION "0.1.0"

#endif
