/* pcap_loop FILE: the bare libpcap read loop mipconform is compared with
 * (performance-baselines.md B1): pcap_next_ex over pcap_fopen_offline on a
 * FILE with a 1 MiB setvbuf buffer, touching one byte per packet. Prints
 * "packets seconds" (wall time of the loop).
 *
 * pcap_loop -m FILE: the same loop over libmipwire's reader
 * (mw_capture_next: the mmap walker for classic pcap files), for
 * reference; the baseline stays the libpcap loop. */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mipwire/capture.h>

static double since(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (b.tv_sec - a->tv_sec) + (b.tv_nsec - a->tv_nsec) / 1e9;
}

static int mw_loop(const char *path)
{
	char err[256];
	struct mw_frame f;
	unsigned long long n = 0, sum = 0;
	struct timespec a;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &a);
	struct mw_capture *c = mw_capture_open(path, err, sizeof err);
	if (!c) {
		fprintf(stderr, "pcap_loop: %s\n", err);
		return 2;
	}
	while ((rc = mw_capture_next(c, &f)) == 1) {
		n++;
		sum += f.caplen ? f.data[f.caplen - 1] : 0;
	}
	mw_capture_close(c);
	if (rc < 0)
		return 2;
	printf("%llu %.6f %llu\n", n, since(&a), sum & 1);
	return 0;
}

int main(int argc, char **argv)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *d;
	unsigned long long n = 0, sum = 0;
	struct timespec a;

	if (argc == 3 && !strcmp(argv[1], "-m"))
		return mw_loop(argv[2]);
	if (argc != 2) {
		fprintf(stderr, "usage: pcap_loop [-m] FILE\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	FILE *f = fopen(argv[1], "rb");
	static char buf[1 << 20];
	if (!f || setvbuf(f, buf, _IOFBF, sizeof buf)) {
		perror(argv[1]);
		return 2;
	}
	pcap_t *p = pcap_fopen_offline(f, err);
	if (!p) {
		fprintf(stderr, "pcap_loop: %s\n", err);
		return 2;
	}
	while (pcap_next_ex(p, &h, &d) == 1) {
		n++;
		sum += h->caplen ? d[h->caplen - 1] : 0;
	}
	pcap_close(p);
	printf("%llu %.6f %llu\n", n, since(&a), sum & 1);
	return 0;
}
