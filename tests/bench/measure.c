/* measure: runs one command and reports its own peak RSS and wall time.
 *
 *   measure TIMEOUT_SECONDS RESULT_FILE COMMAND [ARG...]
 *
 * Forks, execs COMMAND (PATH lookup, no shell; standard streams inherited), reaps it with wait4() and
 * writes one line to RESULT_FILE: "<status> <maxrss_kib> <wall_ns> <timed_out>", status being the
 * raw wait status. After TIMEOUT_SECONDS the command is killed (SIGKILL) and timed_out is 1.
 *
 * Why not os.wait4() straight from the Python driver: Linux keeps, in a child's ru_maxrss, the resident
 * size of the process it was forked from (exec records the old address space's high-water mark), so a
 * client started by a 10-200 MB Python process reports at least that much. This launcher is about 1 MB,
 * which is the floor it passes on.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out = 0;
static volatile pid_t child = 0;

static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
    if (child > 0)
        kill(child, SIGKILL);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s TIMEOUT_SECONDS RESULT_FILE COMMAND [ARG...]\n", argv[0]);
        return 125;
    }
    unsigned timeout = (unsigned)strtoul(argv[1], NULL, 10);
    FILE *out = fopen(argv[2], "w");
    if (!out) {
        perror(argv[2]);
        return 125;
    }
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 125;
    }
    if (pid == 0) {
        execvp(argv[3], argv + 3);
        fprintf(stderr, "measure: cannot run %s: %s\n", argv[3], strerror(errno));
        _exit(127);
    }
    child = pid;
    if (timeout)
        alarm(timeout);
    int status = 0;
    struct rusage usage = {0};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            perror("wait4");
            return 125;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    alarm(0);
    long long wall_ns = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    fprintf(out, "%d %ld %lld %d\n", status, usage.ru_maxrss, wall_ns, (int)timed_out);
    fclose(out);
    return 0;
}
