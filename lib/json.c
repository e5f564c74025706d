/* json.c: JSON writing: string escaping and lossless numbers. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

void json_string(fbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    fbuf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        fbuf_put(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': fbuf_put(b, "\\\"", 2); break;
        case '\\': fbuf_put(b, "\\\\", 2); break;
        case '\n': fbuf_put(b, "\\n", 2); break;
        case '\r': fbuf_put(b, "\\r", 2); break;
        case '\t': fbuf_put(b, "\\t", 2); break;
        case '\b': fbuf_put(b, "\\b", 2); break;
        case '\f': fbuf_put(b, "\\f", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            fbuf_put(b, u, 6);
        }
        }
    }
    fbuf_put(b, s + run, n - run);
    fbuf_putc(b, '"');
}

void json_number(fbuf *b, double d)
{
    if (!isfinite(d)) {
        fbuf_puts(b, "null");
        return;
    }
    if (d == floor(d) && fabs(d) < 9007199254740992.0) {
        /* what "%.0f" prints for an integer below 2^53 ("-0" too), without printf */
        char buf[24];
        size_t o = sizeof buf;
        unsigned long long u = (unsigned long long)fabs(d);
        do {
            buf[--o] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (signbit(d))
            buf[--o] = '-';
        fbuf_put(b, buf + o, sizeof buf - o);
        return;
    }
    /* shortest representation that reads back to the same double */
    char buf[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    fbuf_puts(b, buf);
}
