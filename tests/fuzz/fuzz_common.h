/* fuzz_common.h: helpers shared by the fuzz targets (tests/fuzz/fuzz_*.c): a failing check
 * that aborts (libFuzzer and the replay driver both report it), a counting allocator for
 * facta_compile_options.allocator (leaks, injected failures, a memory budget), an
 * independent UTF-8 decoder, a strict JSON parser, the checks of the record contract
 * (docs/output.md) that several targets apply to facta_extract_json() output, and the use
 * of compiled rules that the rule and pack targets share (fz_use_rules).
 *
 * Header-only: each target is one translation unit that includes it once. Everything here
 * is per call (no mutable static state). */
#ifndef FACTA_FUZZ_COMMON_H
#define FACTA_FUZZ_COMMON_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facta.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- failing checks ----------------------------------------------------------- */

static void fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 4, 5)));
static void fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
    fprintf(stderr, "\n%s:%d: check failed: %s\n  ", file, line, cond);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    abort();
}

#define FZ_UNUSED __attribute__((unused))

#define FZ_CHECK(cond, ...)                                                                    \
    do {                                                                                       \
        if (!(cond))                                                                           \
            fz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);                                   \
    } while (0)

/* FNV-1a of the input: picks per-input options deterministically. */
FZ_UNUSED static uint32_t fz_hash(const uint8_t *d, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= d[i];
        h *= 16777619u;
    }
    return h;
}

/* ---- counting allocator ------------------------------------------------------- */

typedef struct fz_counter {
    size_t calls;   /* allocations so far (malloc and realloc) */
    size_t fail_at; /* fail allocation number fail_at; 0: never */
    size_t live;    /* blocks handed out and not freed */
    size_t bytes;   /* bytes live */
    size_t limit;   /* refuse allocations past this many live bytes; 0: no limit */
    int failed;     /* an allocation was refused (injected or over the limit) */
} fz_counter;

typedef union fz_header {
    struct {
        uint64_t magic;
        size_t size;
    } h;
    max_align_t align;
} fz_header;

#define FZ_MAGIC 0xFAC7AF022ull
#define FZ_DEAD 0xDEADF022ull

FZ_UNUSED static int fz_refuse(fz_counter *c, size_t add)
{
    c->calls++;
    if ((c->fail_at && c->calls == c->fail_at) || (c->limit && add > c->limit - c->bytes) ||
        add > ((size_t)1 << 40)) {
        c->failed = 1;
        return 1;
    }
    return 0;
}

FZ_UNUSED static void *fz_malloc(size_t size, void *ctx)
{
    fz_counter *c = ctx;
    if (fz_refuse(c, size))
        return NULL;
    fz_header *p = malloc(sizeof(fz_header) + size);
    if (!p)
        return NULL;
    p->h.magic = FZ_MAGIC;
    p->h.size = size;
    memset(p + 1, 0xA5, size); /* nothing may rely on zeroed memory from malloc */
    c->live++;
    c->bytes += size;
    return p + 1;
}

FZ_UNUSED static void *fz_realloc(void *ptr, size_t size, void *ctx)
{
    fz_counter *c = ctx;
    if (!ptr)
        return fz_malloc(size, ctx);
    fz_header *old = (fz_header *)ptr - 1;
    FZ_CHECK(old->h.magic == FZ_MAGIC, "realloc of a block this allocator did not hand out");
    size_t was = old->h.size;
    if (fz_refuse(c, size > was ? size - was : 0))
        return NULL; /* the old block stays valid and live */
    fz_header *p = realloc(old, sizeof(fz_header) + size);
    if (!p)
        return NULL;
    p->h.size = size;
    c->bytes = c->bytes - was + size;
    return p + 1;
}

FZ_UNUSED static void fz_free(void *ptr, void *ctx)
{
    fz_counter *c = ctx;
    if (!ptr)
        return;
    fz_header *p = (fz_header *)ptr - 1;
    FZ_CHECK(p->h.magic == FZ_MAGIC, "free of a block this allocator did not hand out "
                                     "(or a double free)");
    p->h.magic = FZ_DEAD;
    c->live--;
    c->bytes -= p->h.size;
    free(p);
}

FZ_UNUSED static facta_allocator fz_allocator(fz_counter *c)
{
    facta_allocator a = {fz_malloc, fz_realloc, fz_free, c};
    return a;
}

/* ---- UTF-8, decoded independently of lib/alloc.c ---------------------------------- */

/* Length of the well-formed sequence at s[i] (RFC 3629: no overlongs, no surrogates,
 * nothing past U+10FFFF), or 0. */
FZ_UNUSED static size_t fz_seq_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    size_t k;
    uint32_t cp, min;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0)
        k = 2, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
        k = 3, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
        k = 4, cp = c & 0x07, min = 0x10000;
    else
        return 0;
    if (n - i < k)
        return 0;
    for (size_t j = 1; j < k; j++) {
        if ((s[i + j] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + j] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return k;
}

FZ_UNUSED static int fz_utf8_valid(const char *text, size_t n, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < n;) {
        size_t k = fz_seq_len(s, n, i);
        if (!k) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += k;
    }
    return 1;
}

/* Code points of s[0, n) when every invalid byte counts as one U+FFFD. */
FZ_UNUSED static size_t fz_cp_count(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t cps = 0;
    for (size_t i = 0; i < n; cps++) {
        size_t k = fz_seq_len(s, n, i);
        i += k ? k : 1;
    }
    return cps;
}

/* s[0, n) with each invalid byte replaced by U+FFFD (EF BF BD), as FACTA_EXTRACT_REPLACE_INVALID
 * reads it. Returns a malloc'd copy; *out_len its length. */
FZ_UNUSED static char *fz_clean(const char *text, size_t n, size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)text;
    char *o = malloc(n * 3 + 1);
    FZ_CHECK(o != NULL, "out of memory");
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        size_t k = fz_seq_len(s, n, i);
        if (!k) {
            memcpy(o + w, "\xEF\xBF\xBD", 3);
            w += 3;
            i++;
        } else {
            memcpy(o + w, text + i, k);
            w += k;
            i += k;
        }
    }
    o[w] = 0;
    *out_len = w;
    return o;
}

/* ---- a strict JSON parser --------------------------------------------------------- *
 * RFC 8259 with these extra demands, all of which facta's writer meets: strings are valid
 * UTF-8, \u escapes pair surrogates, object keys are unique, nesting is at most 32 deep. */

enum { J_NULL, J_FALSE, J_TRUE, J_NUM, J_STR, J_ARR, J_OBJ };

typedef struct jv {
    int t;
    double num;       /* J_NUM */
    char *str;        /* J_STR: the unescaped bytes (NUL-terminated, may hold NULs) */
    size_t len;       /* J_STR: length of str */
    struct jv *items; /* J_ARR, J_OBJ: n values */
    char **keys;      /* J_OBJ: n unescaped keys */
    size_t *keylens;
    size_t n;
    int is_int;       /* J_NUM: written without fraction or exponent */
} jv;

typedef struct jparser {
    const char *s;
    size_t n, i;
    int depth;
    const char *err;
} jparser;

FZ_UNUSED static void jv_free(jv *v)
{
    if (!v)
        return;
    free(v->str);
    for (size_t i = 0; i < v->n; i++) {
        jv_free(&v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->keylens);
    memset(v, 0, sizeof *v);
}

FZ_UNUSED static void jp_ws(jparser *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' ||
                           p->s[p->i] == '\r'))
        p->i++;
}

FZ_UNUSED static int jp_fail(jparser *p, const char *why)
{
    if (!p->err)
        p->err = why;
    return 0;
}

FZ_UNUSED static int jp_hex4(jparser *p, uint32_t *out)
{
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        if (p->i >= p->n)
            return jp_fail(p, "truncated \\u escape");
        char c = p->s[p->i++];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return jp_fail(p, "bad hex digit in \\u escape");
    }
    *out = v;
    return 1;
}

FZ_UNUSED static void jp_put_cp(char *o, size_t *w, uint32_t cp)
{
    if (cp < 0x80) {
        o[(*w)++] = (char)cp;
    } else if (cp < 0x800) {
        o[(*w)++] = (char)(0xC0 | (cp >> 6));
        o[(*w)++] = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        o[(*w)++] = (char)(0xE0 | (cp >> 12));
        o[(*w)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[(*w)++] = (char)(0x80 | (cp & 0x3F));
    } else {
        o[(*w)++] = (char)(0xF0 | (cp >> 18));
        o[(*w)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[(*w)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[(*w)++] = (char)(0x80 | (cp & 0x3F));
    }
}

FZ_UNUSED static int jp_string(jparser *p, char **out, size_t *out_len)
{
    if (p->i >= p->n || p->s[p->i] != '"')
        return jp_fail(p, "expected a string");
    p->i++;
    size_t end = p->i; /* the closing quote: unescaped text is never longer than the source */
    while (end < p->n && p->s[end] != '"')
        end += p->s[end] == '\\' ? 2 : 1;
    char *o = malloc((end < p->n ? end : p->n) - p->i + 4);
    FZ_CHECK(o != NULL, "out of memory");
    size_t w = 0;
    while (p->i < p->n) {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            p->i++;
            o[w] = 0;
            *out = o;
            *out_len = w;
            return 1;
        }
        if (c < 0x20) {
            free(o);
            return jp_fail(p, "raw control character in a string");
        }
        if (c == '\\') {
            p->i++;
            if (p->i >= p->n)
                break;
            char e = p->s[p->i++];
            switch (e) {
            case '"': o[w++] = '"'; break;
            case '\\': o[w++] = '\\'; break;
            case '/': o[w++] = '/'; break;
            case 'b': o[w++] = '\b'; break;
            case 'f': o[w++] = '\f'; break;
            case 'n': o[w++] = '\n'; break;
            case 'r': o[w++] = '\r'; break;
            case 't': o[w++] = '\t'; break;
            case 'u': {
                uint32_t cp, lo;
                if (!jp_hex4(p, &cp)) {
                    free(o);
                    return 0;
                }
                if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    free(o);
                    return jp_fail(p, "lone low surrogate escape");
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (p->n - p->i < 6 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u') {
                        free(o);
                        return jp_fail(p, "high surrogate escape without a low one");
                    }
                    p->i += 2;
                    if (!jp_hex4(p, &lo)) {
                        free(o);
                        return 0;
                    }
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        free(o);
                        return jp_fail(p, "high surrogate escape without a low one");
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                jp_put_cp(o, &w, cp);
                break;
            }
            default:
                free(o);
                return jp_fail(p, "bad escape");
            }
            continue;
        }
        size_t k = fz_seq_len((const unsigned char *)p->s, p->n, p->i);
        if (!k) {
            free(o);
            return jp_fail(p, "invalid UTF-8 in a string");
        }
        memcpy(o + w, p->s + p->i, k);
        w += k;
        p->i += k;
    }
    free(o);
    return jp_fail(p, "unterminated string");
}

FZ_UNUSED static int jp_digits(jparser *p)
{
    size_t st = p->i;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
        p->i++;
    return p->i > st;
}

FZ_UNUSED static int jp_number(jparser *p, jv *v)
{
    size_t st = p->i;
    v->is_int = 1;
    if (p->i < p->n && p->s[p->i] == '-')
        p->i++;
    if (p->i < p->n && p->s[p->i] == '0')
        p->i++;
    else if (!jp_digits(p))
        return jp_fail(p, "bad number");
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        v->is_int = 0;
        if (!jp_digits(p))
            return jp_fail(p, "bad number fraction");
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        v->is_int = 0;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        if (!jp_digits(p))
            return jp_fail(p, "bad number exponent");
    }
    char buf[400];
    size_t l = p->i - st;
    if (l >= sizeof buf)
        return jp_fail(p, "number too long");
    memcpy(buf, p->s + st, l);
    buf[l] = 0;
    v->t = J_NUM;
    v->num = strtod(buf, NULL);
    return 1;
}

FZ_UNUSED static int jp_lit(jparser *p, const char *w)
{
    size_t l = strlen(w);
    if (p->n - p->i < l || memcmp(p->s + p->i, w, l) != 0)
        return jp_fail(p, "bad literal");
    p->i += l;
    return 1;
}

FZ_UNUSED static int jp_value(jparser *p, jv *v)
{
    memset(v, 0, sizeof *v);
    jp_ws(p);
    if (p->i >= p->n)
        return jp_fail(p, "unexpected end");
    char c = p->s[p->i];
    if (c == '{' || c == '[') {
        if (++p->depth > 32)
            return jp_fail(p, "nested too deep");
        char close = c == '{' ? '}' : ']';
        v->t = c == '{' ? J_OBJ : J_ARR;
        p->i++;
        jp_ws(p);
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            p->depth--;
            return 1;
        }
        size_t cap = 0;
        for (;;) {
            if (v->n == cap) {
                cap = cap ? cap * 2 : 8;
                v->items = realloc(v->items, cap * sizeof *v->items);
                FZ_CHECK(v->items != NULL, "out of memory");
                if (v->t == J_OBJ) {
                    v->keys = realloc(v->keys, cap * sizeof *v->keys);
                    v->keylens = realloc(v->keylens, cap * sizeof *v->keylens);
                    FZ_CHECK(v->keys && v->keylens, "out of memory");
                }
            }
            if (v->t == J_OBJ) {
                jp_ws(p);
                char *k;
                size_t kl;
                if (!jp_string(p, &k, &kl))
                    return 0;
                for (size_t j = 0; j < v->n; j++)
                    if (v->keylens[j] == kl && memcmp(v->keys[j], k, kl) == 0) {
                        free(k);
                        return jp_fail(p, "duplicate object key");
                    }
                v->keys[v->n] = k;
                v->keylens[v->n] = kl;
                jp_ws(p);
                if (p->i >= p->n || p->s[p->i] != ':') {
                    memset(&v->items[v->n], 0, sizeof v->items[v->n]);
                    v->n++;
                    return jp_fail(p, "expected ':'");
                }
                p->i++;
            }
            int ok = jp_value(p, &v->items[v->n]);
            v->n++;
            if (!ok)
                return 0;
            jp_ws(p);
            if (p->i >= p->n)
                return jp_fail(p, "unexpected end in a container");
            if (p->s[p->i] == ',') {
                p->i++;
                continue;
            }
            if (p->s[p->i] != close)
                return jp_fail(p, "expected ',' or the closing bracket");
            p->i++;
            p->depth--;
            return 1;
        }
    }
    if (c == '"') {
        v->t = J_STR;
        return jp_string(p, &v->str, &v->len);
    }
    if (c == 't') {
        v->t = J_TRUE;
        return jp_lit(p, "true");
    }
    if (c == 'f') {
        v->t = J_FALSE;
        return jp_lit(p, "false");
    }
    if (c == 'n') {
        v->t = J_NULL;
        return jp_lit(p, "null");
    }
    return jp_number(p, v);
}

/* Parse s[0, n) as exactly one JSON value. On failure returns 0 with *err set; v is freed. */
FZ_UNUSED static int jv_parse(const char *s, size_t n, jv *v, const char **err, size_t *err_at)
{
    jparser p = {s, n, 0, 0, NULL};
    int ok = jp_value(&p, v);
    if (ok) {
        jp_ws(&p);
        if (p.i != n)
            ok = jp_fail(&p, "trailing data after the value");
    }
    if (!ok) {
        jv_free(v);
        *err = p.err ? p.err : "invalid";
        *err_at = p.i;
    }
    return ok;
}

FZ_UNUSED static const jv *jv_get(const jv *o, const char *key)
{
    if (!o || o->t != J_OBJ)
        return NULL;
    size_t kl = strlen(key);
    for (size_t i = 0; i < o->n; i++)
        if (o->keylens[i] == kl && memcmp(o->keys[i], key, kl) == 0)
            return &o->items[i];
    return NULL;
}

/* A non-negative integer member that fits a size_t. */
FZ_UNUSED static size_t jv_index(const jv *o, const char *key, const char *ctx)
{
    const jv *v = jv_get(o, key);
    FZ_CHECK(v && v->t == J_NUM && v->is_int && v->num >= 0 && v->num < 9007199254740992.0,
             "%s: \"%s\" is not a non-negative integer", ctx, key);
    return (size_t)v->num;
}

FZ_UNUSED static const jv *jv_need(const jv *o, const char *key, int type, const char *ctx)
{
    const jv *v = jv_get(o, key);
    FZ_CHECK(v && v->t == type, "%s: \"%s\" missing or of the wrong type", ctx, key);
    return v;
}

/* ---- the record contract ------------------------------------------------------------ */

/* The input of one check, with the code-point offset of every byte offset that starts a
 * character (a well-formed sequence or, as FACTA_EXTRACT_REPLACE_INVALID reads them, one
 * invalid byte); SIZE_MAX inside a sequence. */
typedef struct fz_input {
    const char *s;
    size_t n;
    size_t *cp; /* n + 1 entries */
} fz_input;

FZ_UNUSED static void fz_input_init(fz_input *in, const char *s, size_t n)
{
    in->s = s;
    in->n = n;
    in->cp = malloc((n + 1) * sizeof *in->cp);
    FZ_CHECK(in->cp != NULL, "out of memory");
    size_t cps = 0;
    for (size_t i = 0; i < n; cps++) {
        size_t k = fz_seq_len((const unsigned char *)s, n, i);
        k = k ? k : 1;
        in->cp[i] = cps;
        for (size_t j = 1; j < k; j++)
            in->cp[i + j] = SIZE_MAX;
        i += k;
    }
    in->cp[n] = cps;
}

FZ_UNUSED static void fz_input_free(fz_input *in)
{
    free(in->cp);
    in->cp = NULL;
}

/* A span's text and offsets against the input: `replaced` when FACTA_EXTRACT_REPLACE_INVALID
 * read invalid bytes as U+FFFD (then text is the cleaned slice and code points count each
 * invalid byte once). */
FZ_UNUSED static void fz_check_span(const fz_input *in, int replaced, size_t bs, size_t be,
                                    size_t cs, size_t ce, const char *text, size_t tlen,
                                    const char *ctx)
{
    FZ_CHECK(bs <= be && be <= in->n, "%s: byte span [%zu, %zu) outside the input of %zu bytes",
             ctx, bs, be, in->n);
    FZ_CHECK(in->cp[bs] != SIZE_MAX, "%s: byte_start %zu inside a UTF-8 sequence", ctx, bs);
    FZ_CHECK(in->cp[be] != SIZE_MAX, "%s: byte_end %zu inside a UTF-8 sequence", ctx, be);
    FZ_CHECK(cs == in->cp[bs] && ce == in->cp[be],
             "%s: code-point span [%zu, %zu), expected [%zu, %zu) for bytes [%zu, %zu)", ctx, cs,
             ce, in->cp[bs], in->cp[be], bs, be);
    if (!text)
        return;
    if (!replaced) {
        FZ_CHECK(tlen == be - bs && memcmp(text, in->s + bs, tlen) == 0,
                 "%s: text (%zu bytes) is not the input between byte offsets %zu and %zu", ctx,
                 tlen, bs, be);
    } else {
        size_t cl;
        char *c = fz_clean(in->s + bs, be - bs, &cl);
        int same = cl == tlen && memcmp(c, text, cl) == 0;
        free(c);
        FZ_CHECK(same, "%s: text is not the cleaned input between byte offsets %zu and %zu", ctx,
                 bs, be);
    }
}

/* Check one facta_extract_json() document against the contract of docs/output.md.
 * `id` is what was passed (NULL: must be absent). Returns the number of entities. */
FZ_UNUSED static size_t fz_check_doc_json(const char *js, size_t jl, const char *in, size_t len,
                                int replaced, const char *id, int explain)
{
    FZ_CHECK(js != NULL, "NULL JSON");
    FZ_CHECK(strlen(js) == jl, "JSON length %zu but strlen %zu", jl, strlen(js));
    jv doc;
    const char *err;
    size_t at;
    if (!jv_parse(js, jl, &doc, &err, &at))
        FZ_CHECK(0, "invalid JSON (%s at byte %zu): %.*s", err, at, (int)(jl < 2000 ? jl : 2000),
                 js);
    FZ_CHECK(doc.t == J_OBJ, "the document is not an object");
    fz_input inp;
    fz_input_init(&inp, in, len);
    for (size_t i = 0; i < doc.n; i++) {
        const char *k = doc.keys[i];
        FZ_CHECK(!strcmp(k, "id") || !strcmp(k, "lang") || !strcmp(k, "entities") ||
                     !strcmp(k, "rejected") || !strcmp(k, "truncated"),
                 "unexpected member \"%s\"", k);
    }
    const jv *vid = jv_get(&doc, "id");
    if (id) {
        FZ_CHECK(vid && vid->t == J_STR && vid->len == strlen(id) && !memcmp(vid->str, id, vid->len),
                 "\"id\" does not round-trip");
    } else {
        FZ_CHECK(!vid, "\"id\" present without an id");
    }
    const jv *lang = jv_get(&doc, "lang");
    FZ_CHECK(!lang || (lang->t == J_STR && (!strcmp(lang->str, "en") || !strcmp(lang->str, "ru"))),
             "bad \"lang\"");
    const jv *tr = jv_get(&doc, "truncated");
    FZ_CHECK(!tr || (tr->t == J_NUM && tr->is_int && tr->num > 0), "bad \"truncated\"");
    const jv *ents = jv_need(&doc, "entities", J_ARR, "document");
    size_t prev_bs = 0, prev_be = (size_t)-1;
    for (size_t i = 0; i < ents->n; i++) {
        const jv *e = &ents->items[i];
        char ctx[64];
        snprintf(ctx, sizeof ctx, "entity %zu", i);
        FZ_CHECK(e->t == J_OBJ, "%s is not an object", ctx);
        for (size_t k = 0; k < e->n; k++) {
            const char *key = e->keys[k];
            FZ_CHECK(!strcmp(key, "type") || !strcmp(key, "text") || !strcmp(key, "start") ||
                         !strcmp(key, "end") || !strcmp(key, "byte_start") ||
                         !strcmp(key, "byte_end") || !strcmp(key, "norm") ||
                         !strcmp(key, "attrs") || (explain && !strcmp(key, "rule")),
                     "%s: unexpected member \"%s\"", ctx, key);
        }
        const jv *type = jv_need(e, "type", J_STR, ctx);
        FZ_CHECK(type->len > 0 && type->str[0] != '_', "%s: internal or empty type", ctx);
        const jv *text = jv_need(e, "text", J_STR, ctx);
        const jv *norm = jv_need(e, "norm", J_STR, ctx);
        FZ_CHECK(norm->len > 0, "%s: empty norm", ctx);
        const jv *attrs = jv_need(e, "attrs", J_OBJ, ctx);
        for (size_t k = 0; k < attrs->n; k++) {
            const jv *a = &attrs->items[k];
            FZ_CHECK(attrs->keylens[k] > 0 && attrs->keys[k][0] != '_',
                     "%s: internal or empty attribute key", ctx);
            FZ_CHECK(a->t == J_STR || a->t == J_NUM || a->t == J_NULL,
                     "%s: attribute \"%s\" is not a string or a number", ctx, attrs->keys[k]);
            FZ_CHECK(a->t != J_STR || a->len > 0, "%s: empty attribute \"%s\"", ctx,
                     attrs->keys[k]);
        }
        if (explain)
            jv_need(e, "rule", J_STR, ctx);
        size_t bs = jv_index(e, "byte_start", ctx), be = jv_index(e, "byte_end", ctx);
        size_t cs = jv_index(e, "start", ctx), ce = jv_index(e, "end", ctx);
        FZ_CHECK(bs < be, "%s: empty span", ctx);
        fz_check_span(&inp, replaced, bs, be, cs, ce, text->str, text->len, ctx);
        FZ_CHECK(bs > prev_bs || (bs == prev_bs && (i == 0 || be <= prev_be)),
                 "%s: not sorted by start, longer first", ctx);
        prev_bs = bs;
        prev_be = be;
    }
    const jv *rej = jv_get(&doc, "rejected");
    if (explain) {
        FZ_CHECK(rej && rej->t == J_ARR, "explain without \"rejected\"");
        for (size_t i = 0; i < rej->n; i++) {
            const jv *e = &rej->items[i];
            char ctx[64];
            snprintf(ctx, sizeof ctx, "rejected %zu", i);
            FZ_CHECK(e->t == J_OBJ && e->n == 6, "%s: not an object of 6 members", ctx);
            jv_need(e, "type", J_STR, ctx);
            jv_need(e, "rule", J_STR, ctx);
            jv_need(e, "reason", J_STR, ctx);
            jv_need(e, "text", J_STR, ctx);
            jv_index(e, "start", ctx);
            jv_index(e, "end", ctx);
        }
    } else {
        FZ_CHECK(!rej, "\"rejected\" without explain");
    }
    size_t n = ents->n;
    jv_free(&doc);
    fz_input_free(&inp);
    return n;
}

/* Check facta_tokenize() output against the input. */
FZ_UNUSED static void fz_check_tokens(const facta_token *t, size_t n, const char *in, size_t len,
                            int replaced)
{
    size_t prev_end = 0;
    fz_input inp;
    fz_input_init(&inp, in, len);
    for (size_t i = 0; i < n; i++) {
        char ctx[64];
        snprintf(ctx, sizeof ctx, "token %zu", i);
        const facta_span *s = &t[i].span;
        FZ_CHECK(s->byte_start < s->byte_end, "%s: empty", ctx);
        FZ_CHECK(s->byte_start >= prev_end, "%s: overlaps the previous token", ctx);
        prev_end = s->byte_end;
        fz_check_span(&inp, replaced, s->byte_start, s->byte_end, s->cp_start, s->cp_end, NULL, 0,
                      ctx);
        FZ_CHECK(t[i].kind >= FACTA_TOK_WORD && t[i].kind <= FACTA_TOK_URL, "%s: kind %d", ctx,
                 t[i].kind);
        FZ_CHECK(t[i].script >= 0 && t[i].script <= FACTA_SCRIPT_MIXED, "%s: script %d", ctx,
                 t[i].script);
        FZ_CHECK(t[i].shape >= 0 && t[i].shape <= FACTA_SHAPE_INITIAL, "%s: shape %d", ctx,
                 t[i].shape);
        FZ_CHECK((t[i].flags & ~7u) == 0, "%s: flags %#x", ctx, t[i].flags);
        FZ_CHECK(t[i].folded && t[i].stem, "%s: NULL folded or stem", ctx);
        FZ_CHECK(fz_utf8_valid(t[i].folded, strlen(t[i].folded), NULL), "%s: folded form is not "
                 "valid UTF-8", ctx);
        FZ_CHECK(fz_utf8_valid(t[i].stem, strlen(t[i].stem), NULL), "%s: stem is not valid UTF-8",
                 ctx);
        FZ_CHECK(strcmp(facta_token_kind_name(t[i].kind), "unknown") != 0 &&
                     strcmp(facta_script_name(t[i].script), "unknown") != 0 &&
                     strcmp(facta_shape_name(t[i].shape), "unknown") != 0,
                 "%s: unnamed enum value", ctx);
    }
    fz_input_free(&inp);
    if (n)
        FZ_CHECK((t[0].flags & (FACTA_TOKEN_SENT_START | FACTA_TOKEN_PARA_START)) ==
                     (FACTA_TOKEN_SENT_START | FACTA_TOKEN_PARA_START),
                 "the first token does not start a sentence and a paragraph");
}

/* Use compiled rules the way a caller would: an extractor runs `text` in explain mode (the
 * JSON is checked against the contract) and the rules' own examples run. Out-of-memory
 * results are accepted only when the counting allocator refused something. */
FZ_UNUSED static void fz_use_rules(const facta_rules *r, const fz_counter *c, const char *text,
                                   size_t len, const char *id, const char *doc_date)
{
    facta_extractor *ex = NULL;
    int rc = facta_extractor_new(&ex, r);
    if (rc == FACTA_ENOMEM && c->failed)
        return;
    FZ_CHECK(rc == FACTA_OK && ex, "facta_extractor_new: %d", rc);
    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    o.flags = FACTA_EXTRACT_EXPLAIN;
    o.doc_date = doc_date;
    const char *js;
    size_t jl;
    rc = facta_extract_json(&js, &jl, ex, id, text, len, &o);
    if (!(rc == FACTA_ENOMEM && c->failed)) {
        FZ_CHECK(rc == FACTA_OK, "extraction with the rules: %d %s", rc,
                 facta_extractor_last_error(ex));
        fz_check_doc_json(js, jl, text, len, 0, id, 1);
    }
    facta_extractor_free(ex);
    char report[1024];
    size_t total = 0;
    size_t failed = facta_rules_self_test(r, report, sizeof report, &total);
    FZ_CHECK(failed <= total || (failed == (size_t)-1 && c->failed),
             "self test: %zu failures of %zu", failed, total);
    FZ_CHECK(memchr(report, 0, sizeof report) != NULL, "self-test report not terminated");
}

#endif
