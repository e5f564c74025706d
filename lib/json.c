/* json.c: JSON writing: string escaping and lossless numbers. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Does the word x hold a byte below 0x20, a '"' or a '\\'? (SWAR: may also flag a byte after
 * such a byte, never a word without one) */
static inline int json_word_special(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t q = x ^ (0x22 * ones), bs = x ^ (0x5C * ones);
    return (((x - 0x20 * ones) & ~x) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & high ? 1 : 0;
}

void json_string(fbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    /* room for the worst case (6 bytes out per byte in, the quotes, a word of slack) made
     * once, then written in place: most strings need no escape and go 8 bytes at a time */
    if (b->oom || n > (SIZE_MAX - b->len - 11) / 6 ||
        FA_GROW(b->al, b->data, b->cap, b->len + 6 * n + 11)) {
        b->oom = 1;
        return;
    }
    char *d = b->data + b->len;
    *d++ = '"';
    size_t i = 0;
    while (i < n) {
        if (n - i >= 8) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (!json_word_special(x)) {
                memcpy(d, &x, 8);
                d += 8;
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i++];
        if (c >= 0x20 && c != '"' && c != '\\') {
            *d++ = (char)c;
            continue;
        }
        *d++ = '\\';
        switch (c) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        case '\b': *d++ = 'b'; break;
        case '\f': *d++ = 'f'; break;
        default:
            memcpy(d, "u00", 3);
            d[3] = hex[c >> 4];
            d[4] = hex[c & 15];
            d += 5;
        }
    }
    *d++ = '"';
    *d = 0;
    b->len = (size_t)(d - b->data);
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
        size_t o = signbit(d) ? 1 : 0;
        buf[0] = '-';
        o += fa_put_u64(buf + o, (unsigned long long)fabs(d));
        fbuf_put(b, buf, o);
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
