/* The client of a fork server (forkserver.py), compiled once where a C compiler is: a call
 * hands its arguments, environment, working folder and standard streams (the descriptors
 * themselves) to the server listening on FOLDER/NAME.sock, this file being FOLDER/bin/NAME,
 * and exits with the call's status. With the server gone, it runs the words of
 * FOLDER/bin/NAME.fallback (NUL-separated) with its own arguments. It does what the Python
 * client forkserver.py writes otherwise does, without Python's start, which cost more CPU than
 * the rest of a call. */
#include <arpa/inet.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

extern char **environ;

static char *out;
static size_t used, room;

static void put(const char *bytes, size_t count) {
    if (used + count > room) {
        room = (used + count) * 2;
        out = realloc(out, room);
        if (!out) exit(255);
    }
    memcpy(out + used, bytes, count);
    used += count;
}

static void text(const char *s) { put(s, strlen(s)); }

/* A JSON string: quotes, backslashes and control characters escaped, other bytes as they are. */
static void string(const char *s, size_t count) {
    put("\"", 1);
    for (size_t i = 0; i < count; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char escaped[2] = {'\\', (char)c};
            put(escaped, 2);
        } else if (c < 0x20) {
            char escaped[7];
            snprintf(escaped, sizeof escaped, "\\u%04x", c);
            put(escaped, 6);
        } else {
            put((const char *)&s[i], 1);
        }
    }
    put("\"", 1);
}

/* The program the fallback file names, with this call's arguments. */
static int fallback(const char *exe, char **argv, int argc) {
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s.fallback", exe);
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); return 127; }
    static char words[PATH_MAX * 4];
    size_t length = fread(words, 1, sizeof words - 1, file);
    fclose(file);
    words[length] = 0;
    char **args = calloc((size_t)argc + length + 1, sizeof *args);
    size_t count = 0;
    for (size_t at = 0; at < length; at += strlen(words + at) + 1) args[count++] = words + at;
    for (int i = 1; i < argc; i++) args[count++] = argv[i];
    args[count] = NULL;
    execv(args[0], args);
    perror(args[0]);
    return 127;
}

int main(int argc, char **argv) {
    char exe[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (length <= 0) return 255;
    exe[length] = 0;
    /* FOLDER/bin/NAME: the socket is FOLDER/NAME.sock. */
    char *name = strrchr(exe, '/');
    if (!name) return 255;
    char folder[PATH_MAX];
    snprintf(folder, sizeof folder, "%.*s", (int)(name - exe), exe);
    char *bin = strrchr(folder, '/');
    if (!bin) return 255;
    *bin = 0;
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    int fits = snprintf(address.sun_path, sizeof address.sun_path, "%s/%s.sock", folder, name + 1);

    int server = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fits < 0 || (size_t)fits >= sizeof address.sun_path || server < 0
        || connect(server, (struct sockaddr *)&address, sizeof address) != 0) {
        return fallback(exe, argv, argc);
    }

    put("\0\0\0\0", 4);
    text("{\"argv\": [");
    for (int i = 0; i < argc; i++) {
        if (i) text(", ");
        string(argv[i], strlen(argv[i]));
    }
    char *cwd = getcwd(NULL, 0);
    if (!cwd) return 255;
    text("], \"cwd\": ");
    string(cwd, strlen(cwd));
    text(", \"env\": {");
    int first = 1;
    for (char **variable = environ; *variable; variable++) {
        char *equals = strchr(*variable, '=');
        if (!equals) continue;
        if (!first) text(", ");
        first = 0;
        string(*variable, (size_t)(equals - *variable));
        text(": ");
        string(equals + 1, strlen(equals + 1));
    }
    text("}}");
    uint32_t size = htonl((uint32_t)(used - 4));
    memcpy(out, &size, 4);

    int descriptors[3] = {0, 1, 2};
    char control[CMSG_SPACE(sizeof descriptors)];
    memset(control, 0, sizeof control);
    struct iovec part = {.iov_base = out, .iov_len = used};
    struct msghdr message = {.msg_iov = &part, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof descriptors);
    memcpy(CMSG_DATA(header), descriptors, sizeof descriptors);
    ssize_t sent = sendmsg(server, &message, 0);
    if (sent < 0) return 255;
    while ((size_t)sent < used) {
        ssize_t more = send(server, out + sent, used - (size_t)sent, 0);
        if (more <= 0) return 255;
        sent += more;
    }

    unsigned char status[4];
    size_t got = 0;
    while (got < 4) {
        ssize_t received = recv(server, status + got, 4 - got, 0);
        if (received <= 0) return 255;
        got += (size_t)received;
    }
    uint32_t code;
    memcpy(&code, status, 4);
    return (int)((int32_t)ntohl(code) & 0xFF);
}
