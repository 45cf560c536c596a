/* pcap_loop FILE: the bare libpcap read loop mipconform is compared with
 * (performance-baselines.md B1): pcap_next_ex over pcap_fopen_offline on a
 * FILE with a 1 MiB setvbuf buffer, touching one byte per packet. Prints
 * "packets seconds" (wall time of the loop). */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *d;
	unsigned long long n = 0, sum = 0;
	struct timespec a, b;

	if (argc != 2) {
		fprintf(stderr, "usage: pcap_loop FILE\n");
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
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%llu %.6f %llu\n", n, (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9,
	       sum & 1);
	return 0;
}
