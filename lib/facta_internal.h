/* facta_internal.h: shared private declarations (allocation, buffers, arena, hashing). */
#ifndef FACTA_INTERNAL_H
#define FACTA_INTERNAL_H

#include "facta.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Limits (documented in docs/limits.md). */
#define FACTA__MAX_DOC_BYTES ((size_t)INT32_MAX) /* ICU break positions are int32_t */
#define FACTA__MAX_TOKEN_BYTES 4096               /* longer tokens: only this prefix is folded and stemmed */
#define FACTA__MAX_MATCH_TOKENS 64                /* longest span one pattern may cover */
#define FACTA__MAX_RECORDS 100000                 /* records kept per document */
#define FACTA__KEEP_DOC_BYTES (512u * 1024)       /* after a longer document, the next call
                                                     first frees the per-document scratch */
#define FACTA__MAX_NESTING 64                     /* deepest (...) nesting in a pattern */
#define FACTA__MAX_CAPTURES 64                    /* named captures in one rule */
#define FACTA__MAX_LEX_ENTRIES 10000000           /* entries over all lexicons */
#define FACTA__MAX_PHRASE_WORDS 16                /* words in one lexicon phrase */
#define FACTA__MAX_PROGRAM 1000000                /* VM instructions per phase */
#define FACTA__MAX_FILE_BYTES (1ull << 30)        /* a rule, lexicon or endings file */

/* ---- allocation: every facta allocation goes through one of these ---------- */

typedef struct fa_alloc {
    facta_allocator a; /* malloc/realloc/free or the user's hooks */
} fa_alloc;

void fa_alloc_init(fa_alloc *al, const facta_allocator *user);
void *fa_malloc(const fa_alloc *al, size_t n);
void *fa_calloc(const fa_alloc *al, size_t n, size_t size);
void *fa_realloc(const fa_alloc *al, void *p, size_t n);
void fa_free(const fa_alloc *al, void *p);
char *fa_strndup(const fa_alloc *al, const char *s, size_t n);

/* Grow `*p` (element size `sz`) to hold at least `need` elements. 0 or FACTA_ENOMEM. */
int fa_grow(const fa_alloc *al, void **p, size_t *cap, size_t need, size_t sz);
#define FA_GROW(al, arr, cap, need)                                                           \
    ((need) <= (cap) ? 0 : fa_grow((al), (void **)&(arr), &(cap), (need), sizeof(*(arr))))

/* ---- growable byte buffer -------------------------------------------------- */

typedef struct fbuf {
    char *data;
    size_t len, cap;
    const fa_alloc *al;
    int oom; /* sticky: an append failed */
} fbuf;

void fbuf_init(fbuf *b, const fa_alloc *al);
void fbuf_free(fbuf *b);
void fbuf_reset(fbuf *b);
/* Append s[0, n) (inline: the JSON writer appends many short pieces). */
static inline void fbuf_put(fbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (FA_GROW(b->al, b->data, b->cap, b->len + n + 1)) {
        b->oom = 1;
        return;
    }
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}
void fbuf_puts(fbuf *b, const char *s);
void fbuf_putc(fbuf *b, char c);
void fbuf_printf(fbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *fbuf_cstr(fbuf *b); /* NUL-terminated view ("" on OOM) */

/* The decimal digits of u into buf (room for 20; no NUL); their number. */
static inline size_t fa_put_u64(char *buf, unsigned long long u)
{
    size_t n = 1;
    for (unsigned long long v = u; v >= 10; v /= 10)
        n++;
    for (size_t k = n; k--; u /= 10)
        buf[k] = (char)('0' + u % 10);
    return n;
}

/* ---- bump arena for per-document results ----------------------------------- */

typedef struct fa_chunk fa_chunk;
typedef struct fa_arena {
    fa_chunk *head;
    char *cur, *end; /* the free part of head (8-byte aligned), or NULL */
    size_t total;    /* bytes in the chunks */
    const fa_alloc *al;
} fa_arena;

void arena_init(fa_arena *a, const fa_alloc *al);
void arena_reset(fa_arena *a); /* keep the largest chunk, drop the rest */
void arena_free(fa_arena *a);
void *arena_alloc_chunk(fa_arena *a, size_t n); /* arena_alloc's new chunk (n rounded) */
char *arena_strndup(fa_arena *a, const char *s, size_t n);

/* n bytes, 8-byte aligned; NULL on OOM. Inline: the tokenizer and the normalizers take many
 * small pieces. */
static inline void *arena_alloc(fa_arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (n && (uintptr_t)a->end - (uintptr_t)a->cur >= n) { /* (both NULL before a chunk) */
        void *p = a->cur;
        a->cur += n;
        return p;
    }
    return arena_alloc_chunk(a, n);
}

/* ---- hashing --------------------------------------------------------------- */

static inline uint64_t fa_hash(const void *p, size_t n)
{
    /* FNV-1a, 64-bit, with a final avalanche */
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

/* ---- UTF-8 ------------------------------------------------------------------ */

/* The end of the ASCII run of s[i, n) that starts at i, found eight bytes at a time (it may
 * stop up to seven bytes early: the caller goes on byte by byte). */
static inline size_t utf8_ascii_run(const void *s, size_t i, size_t n)
{
    const unsigned char *p = s;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull)
            break;
        i += 8;
    }
    return i;
}

/* Are the eight bytes at p four characters U+0400..U+047F (lead byte 0xD0 or 0xD1, then a
 * continuation byte)? Russian text, checked a word at a time. */
static inline int utf8_four_cyrillic(const void *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t w;
    memcpy(&w, p, 8);
    return (w & 0xC0FEC0FEC0FEC0FEull) == 0x80D080D080D080D0ull;
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    uint64_t w;
    memcpy(&w, p, 8);
    return (w & 0xFEC0FEC0FEC0FEC0ull) == 0xD080D080D080D080ull;
#else
    (void)p;
    return 0; /* byte by byte instead */
#endif
}

/* Decode one code point at s[*i] (i < n); invalid sequences give U+FFFD and advance 1. */
uint32_t utf8_next(const char *s, size_t n, size_t *i);
/* Length of the valid sequence at s[i], or 0 if invalid. */
size_t utf8_seq_len(const unsigned char *s, size_t n, size_t i);
/* Append the UTF-8 encoding of cp. */
void utf8_put(fbuf *b, uint32_t cp);
/* Number of code points in s[0, n). */
size_t utf8_count(const char *s, size_t n);

/* ---- files -------------------------------------------------------------------- */

/* Read a whole regular file (at most FACTA__MAX_FILE_BYTES). 0, or FACTA_EIO / FACTA_ELIMIT /
 * FACTA_ENOMEM with the reason in `why`. The data is NUL-terminated; free with fa_free. */
int fa_read_file(const fa_alloc *al, const char *path, char **data, size_t *len, char *why,
                 size_t whycap);

/* ---- error helpers ---------------------------------------------------------- */

void diag_set(facta_diag *d, int code, const char *file, size_t line, size_t col, size_t off,
              const char *fmt, ...) __attribute__((format(printf, 7, 8)));

#endif
