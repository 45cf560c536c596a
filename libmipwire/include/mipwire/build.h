/* Builders of whole frames (link / IP / UDP / ICMP headers) and a pcap
 * writer, for generators and for tests that make captures. Message-level
 * builders are in mip4.h and mip6.h. */
#ifndef MIPWIRE_BUILD_H
#define MIPWIRE_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net.h"
#include "status.h"
#include "wbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
