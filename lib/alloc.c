/* alloc.c: the allocation hook, growable buffers, the result arena and UTF-8 helpers. */
#include "facta_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static void *def_malloc(size_t n, void *ctx)
{
    (void)ctx;
    return malloc(n);
}
static void *def_realloc(void *p, size_t n, void *ctx)
{
    (void)ctx;
    return realloc(p, n);
}
static void def_free(void *p, void *ctx)
{
    (void)ctx;
    free(p);
}

void fa_alloc_init(fa_alloc *al, const facta_allocator *user)
{
    if (user && user->malloc_fn && user->realloc_fn && user->free_fn) {
        al->a = *user;
    } else {
        al->a.malloc_fn = def_malloc;
        al->a.realloc_fn = def_realloc;
        al->a.free_fn = def_free;
        al->a.ctx = NULL;
    }
}

void *fa_malloc(const fa_alloc *al, size_t n)
{
    return al->a.malloc_fn(n ? n : 1, al->a.ctx);
}

void *fa_calloc(const fa_alloc *al, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t total = n * size;
    void *p = fa_malloc(al, total);
    if (p)
        memset(p, 0, total > 0 ? total : 1);
    return p;
}

void *fa_realloc(const fa_alloc *al, void *p, size_t n)
{
    if (!p)
        return fa_malloc(al, n);
    return al->a.realloc_fn(p, n ? n : 1, al->a.ctx);
}

void fa_free(const fa_alloc *al, void *p)
{
    if (p)
        al->a.free_fn(p, al->a.ctx);
}

char *fa_strndup(const fa_alloc *al, const char *s, size_t n)
{
    char *d = fa_malloc(al, n + 1);
    if (d) {
        if (n)
            memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

int fa_grow(const fa_alloc *al, void **p, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 8;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / sz)
            return FACTA_ENOMEM;
        nc *= 2;
    }
    void *np = fa_realloc(al, *p, nc * sz);
    if (!np)
        return FACTA_ENOMEM;
    *p = np;
    *cap = nc;
    return 0;
}

/* ---- fbuf ---- */

void fbuf_init(fbuf *b, const fa_alloc *al)
{
    memset(b, 0, sizeof *b);
    b->al = al;
}

void fbuf_free(fbuf *b)
{
    fa_free(b->al, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void fbuf_reset(fbuf *b)
{
    b->len = 0;
    b->oom = 0;
    if (b->data)
        b->data[0] = 0;
}

void fbuf_puts(fbuf *b, const char *s)
{
    fbuf_put(b, s, strlen(s));
}

void fbuf_putc(fbuf *b, char c)
{
    fbuf_put(b, &c, 1);
}

void fbuf_printf(fbuf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        fbuf_put(b, tmp, (size_t)n);
        return;
    }
    if (b->oom || FA_GROW(b->al, b->data, b->cap, b->len + (size_t)n + 1)) {
        b->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *fbuf_cstr(fbuf *b)
{
    return (b->data && !b->oom) ? b->data : "";
}

/* ---- arena ---- */

struct fa_chunk {
    fa_chunk *next;
    size_t size;
    max_align_t data[];
};

void arena_init(fa_arena *a, const fa_alloc *al)
{
    memset(a, 0, sizeof *a);
    a->al = al;
}

void arena_reset(fa_arena *a)
{
    /* keep the biggest chunk so a steady stream of documents allocates nothing */
    fa_chunk *keep = NULL;
    for (fa_chunk *c = a->head, *n; c; c = n) {
        n = c->next;
        if (!keep || c->size > keep->size) {
            if (keep)
                fa_free(a->al, keep);
            keep = c;
        } else {
            fa_free(a->al, c);
        }
    }
    if (keep)
        keep->next = NULL;
    a->head = keep;
    a->cur = keep ? (char *)keep->data : NULL;
    a->end = keep ? (char *)keep->data + keep->size : NULL;
    a->total = keep ? keep->size : 0;
}

void arena_free(fa_arena *a)
{
    for (fa_chunk *c = a->head, *n; c; c = n) {
        n = c->next;
        fa_free(a->al, c);
    }
    a->head = NULL;
    a->cur = a->end = NULL;
    a->total = 0;
}

void *arena_alloc_chunk(fa_arena *a, size_t n)
{
    /* a zero-byte piece still gets its own address, as the fast path's caller expects a
     * pointer it may compare */
    size_t need = n ? n : 8;
    if ((uintptr_t)a->end - (uintptr_t)a->cur >= need) {
        void *p = a->cur;
        a->cur += need;
        return p;
    }
    fa_chunk *c = a->head;
    size_t sz = c ? c->size * 2 : 64 * 1024;
    if (sz < need)
        sz = need;
    if (sz > SIZE_MAX - sizeof(fa_chunk))
        return NULL;
    fa_chunk *nc = fa_malloc(a->al, sizeof(fa_chunk) + sz);
    if (!nc)
        return NULL;
    nc->size = sz;
    nc->next = c;
    a->head = nc;
    a->total += sz;
    a->cur = (char *)nc->data + need;
    a->end = (char *)nc->data + sz;
    return nc->data;
}

char *arena_strndup(fa_arena *a, const char *s, size_t n)
{
    /* zero the padding up to the 8-byte boundary: word-wise readers (PCRE2 JIT) stay
     * inside initialized memory */
    size_t padded = (n + 1 + 7) & ~(size_t)7;
    char *d = arena_alloc(a, padded);
    if (d) {
        if (n)
            memcpy(d, s, n);
        memset(d + n, 0, padded - n);
    }
    return d;
}

/* ---- UTF-8 ---- */

size_t utf8_seq_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
            return 0;
        return 2;
    }
    if (c < 0xF0) {
        if (i + 2 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[i + 1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && s[i + 1] >= 0xA0)
            return 0; /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (i + 3 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
            (s[i + 3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[i + 1] < 0x90)
            return 0; /* overlong */
        if (c == 0xF4 && s[i + 1] >= 0x90)
            return 0; /* past U+10FFFF */
        return 4;
    }
    return 0;
}

int facta_utf8_valid(const char *text, size_t len, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    if (!text && len)
        return 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i = utf8_ascii_run(s, i + 1, len);
            continue;
        }
        /* two-byte sequences (Cyrillic, Latin-1) inline; the rest is checked in full */
        if (c - 0xC2u < 0x1Eu && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            i += 2;
            while (i + 8 <= len && utf8_four_cyrillic(s + i))
                i += 8;
            continue;
        }
        size_t k = utf8_seq_len(s, len, i);
        if (!k) {
            if (bad_offset)
                *bad_offset = i;
            return 0;
        }
        i += k;
    }
    return 1;
}

uint32_t utf8_next(const char *str, size_t n, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t k = utf8_seq_len(s, n, *i);
    uint32_t c = s[*i];
    switch (k) {
    case 1:
        *i += 1;
        return c;
    case 2:
        *i += 2;
        return ((c & 0x1F) << 6) | (s[*i - 1] & 0x3F);
    case 3:
        *i += 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(s[*i - 2] & 0x3F) << 6) | (s[*i - 1] & 0x3F);
    case 4:
        *i += 4;
        return ((c & 0x07) << 18) | ((uint32_t)(s[*i - 3] & 0x3F) << 12) |
               ((uint32_t)(s[*i - 2] & 0x3F) << 6) | (s[*i - 1] & 0x3F);
    default:
        *i += 1;
        return 0xFFFD;
    }
}

void utf8_put(fbuf *b, uint32_t cp)
{
    char t[4];
    if (cp < 0x80) {
        t[0] = (char)cp;
        fbuf_put(b, t, 1);
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        fbuf_put(b, t, 2);
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        fbuf_put(b, t, 3);
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        fbuf_put(b, t, 4);
    }
}

size_t utf8_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* ---- errors ---- */

const char *facta_strerror(int code)
{
    switch (code) {
    case FACTA_OK: return "success";
    case FACTA_ERROR: return "internal error";
    case FACTA_ENOMEM: return "out of memory";
    case FACTA_EINVAL: return "invalid argument";
    case FACTA_EUTF8: return "invalid UTF-8";
    case FACTA_ESYNTAX: return "rule syntax error";
    case FACTA_EREGEX: return "invalid regular expression";
    case FACTA_EIO: return "cannot read file";
    case FACTA_ELIMIT: return "limit exceeded";
    default: return "unknown error";
    }
}

const char *facta_version(void)
{
    return FACTA_VERSION_STRING;
}

void diag_set(facta_diag *d, int code, const char *file, size_t line, size_t col, size_t off,
              const char *fmt, ...)
{
    if (!d)
        return;
    d->code = code;
    snprintf(d->file, sizeof d->file, "%s", file ? file : "<string>");
    d->line = line;
    d->column = col;
    d->byte_offset = off;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line)
        snprintf(d->message, sizeof d->message, "%.200s:%zu:%zu: %.260s", d->file, line, col, msg);
    else
        snprintf(d->message, sizeof d->message, "%.200s: %.260s", d->file, msg);
}

/* ---- files ---- */

int fa_read_file(const fa_alloc *al, const char *path, char **data, size_t *len, char *why,
                 size_t whycap)
{
    /* only regular files, and not huge ones: a rule naming /dev/zero must not hang */
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(why, whycap, "%s", strerror(errno));
        return FACTA_EIO;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, whycap, "not a regular file");
        return FACTA_EIO;
    }
    if ((uint64_t)st.st_size > FACTA__MAX_FILE_BYTES) {
        snprintf(why, whycap, "larger than %llu bytes", (unsigned long long)FACTA__MAX_FILE_BYTES);
        return FACTA_ELIMIT;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, whycap, "%s", strerror(errno));
        return FACTA_EIO;
    }
    fbuf b;
    fbuf_init(&b, al);
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0 && b.len <= FACTA__MAX_FILE_BYTES)
        fbuf_put(&b, tmp, k);
    int bad = ferror(f);
    fclose(f);
    if (bad || b.oom || b.len > FACTA__MAX_FILE_BYTES) {
        int rc = bad ? FACTA_EIO : b.oom ? FACTA_ENOMEM : FACTA_ELIMIT;
        snprintf(why, whycap, "%s", bad ? "read error" : b.oom ? "out of memory" : "too large");
        fbuf_free(&b);
        return rc;
    }
    if (!b.data && !(b.data = fa_strndup(al, "", 0))) {
        snprintf(why, whycap, "out of memory");
        return FACTA_ENOMEM;
    }
    *data = b.data;
    *len = b.len;
    return 0;
}
