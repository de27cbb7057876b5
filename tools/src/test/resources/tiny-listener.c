/*
 * A tiny server for tests: binds ADDRESS:PORT over tcp or udp, prints "listening PORT" once the
 * socket listens, and waits until killed. It dies with its parent (PR_SET_PDEATHSIG), so a test JVM
 * that crashes leaves no listener behind. Copied under the names of real programs (openvpn, nc) so
 * that the kernel shows it under those names.
 *
 * usage: NAME ADDRESS PORT tcp|udp    (PORT 0: the system chooses)
 */
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s ADDRESS PORT tcp|udp\n", argv[0]);
        return 2;
    }
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int udp = strcmp(argv[3], "udp") == 0;
    int s = socket(AF_INET, udp ? SOCK_DGRAM : SOCK_STREAM, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short) atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &a.sin_addr) != 1) {
        fprintf(stderr, "bad address %s\n", argv[1]);
        return 2;
    }
    if (bind(s, (struct sockaddr *) &a, sizeof a) != 0) {
        perror("bind");
        return 3;
    }
    if (!udp && listen(s, 5) != 0) {
        perror("listen");
        return 4;
    }
    socklen_t n = sizeof a;
    getsockname(s, (struct sockaddr *) &a, &n);
    printf("listening %d\n", ntohs(a.sin_port));
    fflush(stdout);
    for (;;) {
        pause();
    }
}
