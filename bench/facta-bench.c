/* facta-bench.c: the benchmark of facta (docs/bench.md).
 *
 * One run measures, over the bundled corpus (bench/corpus, replicated to --mb MB per set):
 *   - throughput of facta_extract() for English, Russian and mixed text: MB/s and documents/s
 *     with one thread and with all cores (one extractor per thread over one shared facta_rules);
 *   - the floor: ICU word breaking alone over the same documents, and ICU breaking plus one
 *     Snowball stem per letter word (russian for Cyrillic, english for Latin); facta's time is
 *     printed as a ratio to the second;
 *   - rule-load time (facta_rules_default, median of several loads);
 *   - scaling: time per MB for documents of 1 KB, corpus files, 100 KB, 1 MB and 10 MB; with 1,
 *     all and 4 threads; with the default rules and with ten times as many lexicon entries
 *     (a generated lexicon compiled over the defaults), and that rule set's compile time;
 *   - peak RSS (getrusage ru_maxrss) of child processes that load the rules and stream 1 MB and
 *     --mb MB of documents (as they are, and with never-seen words added to each), and of ones
 *     that extract one 1 MB and one 10 MB document;
 *   - optionally (--big-lexicon N) the compile time and peak RSS of an N-entry lexicon;
 *   - optionally (--peer FILE) facta on the files a peer tool measured (bench/peers), and the
 *     ratio of the two speeds.
 * Every timing is the best of --reps repetitions. Output: a Markdown report on stdout and, with
 * --json FILE, the same numbers as JSON.
 *
 * Uses only the public API (facta.h) plus ICU and libstemmer for the floor.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* wait4 */

#include <facta.h>

#include <libstemmer.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PROG "facta-bench"
#define MB 1000000.0 /* MB/s means 10^6 bytes per second throughout */

/* ------------------------------------------------------------------------------------------ */
/* helpers                                                                                      */

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs(PROG ": ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int quiet;
static void note(const char *fmt, ...)
{
    if (quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("# ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *d = xmalloc(n + 1);
    memcpy(d, s, n + 1);
    return d;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of this process (user + system), seconds. */
static double cpu_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

/* Machine load: a timed run that got less than 90% of the CPU it could use (its threads, at
 * most the online cores) was slowed by other processes; the report says how many were. */
static int ncores = 1;
static size_t runs_timed, runs_starved;
static double worst_share = 1;
static double last_share = 1; /* of the last timed run */
static size_t last_dropped;   /* records the last facta run dropped at the per-document limits */

static void account(double wall, double cpu, int threads)
{
    int use = threads < ncores ? threads : ncores;
    double share = wall > 0 ? cpu / (wall * use) : 1;
    last_share = share;
    runs_timed++;
    if (share < 0.9) {
        runs_starved++;
        if (share < worst_share)
            worst_share = share;
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot read %s: %s", path, strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *b = xmalloc(cap);
    size_t k;
    while ((k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap)
            b = xrealloc(b, cap *= 2);
    }
    fclose(f);
    *len = n;
    return b;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* ------------------------------------------------------------------------------------------ */
/* texts and document sets                                                                      */

typedef struct text {
    char *name; /* file name (no directory) */
    char *data;
    size_t len;
} text;

typedef struct textlist {
    text *v;
    size_t n;
} textlist;

static void tl_push(textlist *tl, const char *name, char *data, size_t len)
{
    tl->v = xrealloc(tl->v, (tl->n + 1) * sizeof *tl->v);
    tl->v[tl->n].name = xstrdup(name);
    tl->v[tl->n].data = data;
    tl->v[tl->n].len = len;
    tl->n++;
}

/* Files of `dir` whose names start with `prefix` (any if NULL) and end in ".txt", by name. */
static void load_dir(textlist *tl, const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    if (!d)
        die("cannot open %s: %s", dir, strerror(errno));
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        if (prefix && strncmp(e->d_name, prefix, strlen(prefix)) != 0)
            continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *data = read_file(path, &len);
        if (!facta_utf8_valid(data, len, NULL))
            die("%s is not valid UTF-8", path);
        tl_push(tl, names[i], data, len);
        free(names[i]);
    }
    free(names);
}

static size_t tl_bytes(const textlist *tl)
{
    size_t n = 0;
    for (size_t i = 0; i < tl->n; i++)
        n += tl->v[i].len;
    return n;
}

/* A set of documents laid out in one buffer. */
typedef struct docset {
    char *buf;
    size_t bytes;
    size_t *off, *len;
    size_t n, cap;
} docset;

static void ds_add(docset *ds, size_t len)
{
    if (ds->n == ds->cap) {
        ds->cap = ds->cap ? ds->cap * 2 : 64;
        ds->off = xrealloc(ds->off, ds->cap * sizeof *ds->off);
        ds->len = xrealloc(ds->len, ds->cap * sizeof *ds->len);
    }
    ds->off[ds->n] = ds->bytes;
    ds->len[ds->n] = len;
    ds->n++;
    ds->bytes += len;
}

/* Lay out pieces of text, one document each, into one buffer. */
typedef struct piece {
    const char *p;
    size_t len;
} piece;

static docset ds_build(const piece *pc, size_t npc)
{
    docset ds = {0};
    for (size_t i = 0; i < npc; i++)
        ds_add(&ds, pc[i].len);
    ds.buf = xmalloc(ds.bytes);
    for (size_t i = 0; i < npc; i++)
        memcpy(ds.buf + ds.off[i], pc[i].p, pc[i].len);
    return ds;
}

static void ds_free(docset *ds)
{
    free(ds->buf);
    free(ds->off);
    free(ds->len);
    memset(ds, 0, sizeof *ds);
}

/* The texts of `tl`, each one a document, repeated in order until at least `target` bytes. */
static docset ds_replicate(const textlist *tl, size_t target)
{
    piece *pc = NULL;
    size_t n = 0, bytes = 0;
    if (!tl->n || !tl_bytes(tl))
        die("no texts to replicate");
    do {
        for (size_t i = 0; i < tl->n; i++) {
            pc = xrealloc(pc, (n + 1) * sizeof *pc);
            pc[n].p = tl->v[i].data;
            pc[n].len = tl->v[i].len;
            n++;
            bytes += tl->v[i].len;
        }
    } while (bytes < target);
    docset ds = ds_build(pc, n);
    free(pc);
    return ds;
}

/* Documents of about `size` bytes: each text is cut after `size` bytes at the next line break
 * (or space), a short tail joins the piece before it; repeated until `target` bytes. */
static docset ds_chunks(const textlist *tl, size_t size, size_t target)
{
    piece *pc = NULL;
    size_t n = 0, bytes = 0;
    do {
        for (size_t i = 0; i < tl->n; i++) {
            const char *s = tl->v[i].data;
            size_t len = tl->v[i].len, at = 0;
            while (at < len) {
                size_t e = at + size;
                if (e + size / 2 >= len)
                    e = len; /* a short tail stays with this piece */
                else {
                    size_t nl = e;
                    while (nl < len && s[nl] != '\n')
                        nl++;
                    if (nl - e > size / 2) { /* no line break near: cut at a space */
                        nl = e;
                        while (nl < len && s[nl] != ' ')
                            nl++;
                    }
                    e = nl < len ? nl + 1 : len;
                }
                pc = xrealloc(pc, (n + 1) * sizeof *pc);
                pc[n].p = s + at;
                pc[n].len = e - at;
                n++;
                bytes += e - at;
                at = e;
            }
        }
    } while (bytes < target);
    docset ds = ds_build(pc, n);
    free(pc);
    return ds;
}

/* Documents of at least `size` bytes made by concatenating the texts (a blank line between
 * them), cycling through the list; `count` of them. */
static docset ds_concat(const textlist *tl, size_t size, size_t count)
{
    docset ds = {0};
    size_t cap = 0;
    size_t k = 0;
    for (size_t d = 0; d < count; d++) {
        size_t start = ds.bytes, len = 0;
        while (len < size) {
            const text *t = &tl->v[k++ % tl->n];
            size_t need = start + len + t->len + 2;
            if (need > cap) {
                cap = need * 2;
                ds.buf = xrealloc(ds.buf, cap);
            }
            memcpy(ds.buf + start + len, t->data, t->len);
            len += t->len;
            memcpy(ds.buf + start + len, "\n\n", 2);
            len += 2;
        }
        ds_add(&ds, len);
    }
    return ds;
}

/* ------------------------------------------------------------------------------------------ */
/* facta runs                                                                                   */

typedef struct job {
    const facta_rules *rules;
    const docset *ds;
    atomic_size_t next;
    size_t limit; /* documents to run (ds->n, or more for streaming children) */
    atomic_size_t entities;
    atomic_size_t dropped; /* records dropped at the per-document limits */
    atomic_int failed;
    int fresh; /* append FRESH_WORDS never-seen pseudo-words to every document */
} job;

#define FRESH_WORDS 128
#define FRESH_WORDS_S "128"
static int g_fresh; /* set in the child processes only */

/* Append FRESH_WORDS pseudo-words unique to document number `i` (syllables encode the word's
 * number), so that the vocabulary grows with the text as it does in a real corpus. */
static size_t fresh_words(char *out, size_t i)
{
    static const char *c[] = {"b", "d", "k", "l",  "m",  "n",  "p",  "r",  "s",
                              "t", "v", "z", "sh", "ch", "kr", "tr", "gl", "st"};
    static const char *v[] = {"a", "e", "i", "o", "u", "ai", "ou", "y"};
    size_t n = 0;
    out[n++] = '\n';
    out[n++] = '\n';
    for (size_t k = 0; k < FRESH_WORDS; k++) {
        uint64_t id = (uint64_t)i * FRESH_WORDS + k;
        for (int syl = 0; syl < 2 || id; syl++) {
            size_t d = (size_t)(id % 144);
            id /= 144;
            size_t cl = strlen(c[d / 8]), vl = strlen(v[d % 8]);
            memcpy(out + n, c[d / 8], cl);
            n += cl;
            memcpy(out + n, v[d % 8], vl);
            n += vl;
        }
        out[n++] = k + 1 < FRESH_WORDS ? ' ' : '.';
    }
    out[n++] = '\n';
    return n;
}

typedef struct worker {
    job *j;
    facta_extractor *ex;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    job *j = w->j;
    const docset *ds = j->ds;
    /* each thread makes its own extractor, as a real program would (about 0.04 ms) */
    int rc = facta_extractor_new(&w->ex, j->rules);
    if (rc != FACTA_OK) {
        fprintf(stderr, PROG ": facta_extractor_new: %s\n", facta_strerror(rc));
        atomic_store(&j->failed, 1);
        return NULL;
    }
    size_t ents = 0, drop = 0;
    char *fbuf = NULL;
    size_t fcap = 0;
    for (;;) {
        size_t i = atomic_fetch_add_explicit(&j->next, 1, memory_order_relaxed);
        if (i >= j->limit)
            break;
        size_t d = i % ds->n;
        const char *txt = ds->buf + ds->off[d];
        size_t len = ds->len[d];
        if (j->fresh) {
            size_t need = len + FRESH_WORDS * 32 + 8;
            if (need > fcap)
                fbuf = xrealloc(fbuf, fcap = need);
            memcpy(fbuf, txt, len);
            len += fresh_words(fbuf + len, i);
            txt = fbuf;
        }
        const facta_entity *out;
        size_t cnt;
        rc = facta_extract(&out, &cnt, w->ex, txt, len, NULL);
        if (rc != FACTA_OK) {
            fprintf(stderr, PROG ": facta_extract failed on document %zu: %s\n", d,
                    facta_extractor_last_error(w->ex));
            atomic_store(&j->failed, 1);
            break;
        }
        ents += cnt;
        drop += facta_extractor_dropped(w->ex);
    }
    free(fbuf);
    atomic_fetch_add(&j->entities, ents);
    atomic_fetch_add(&j->dropped, drop);
    return NULL;
}

/* Extract `limit` documents of `ds` (cycling) with `threads` threads; wall-clock seconds. */
static double run_facta_once(const facta_rules *rules, const docset *ds, int threads, size_t limit,
                             size_t *entities)
{
    job j;
    j.fresh = g_fresh;
    j.rules = rules;
    j.ds = ds;
    atomic_init(&j.next, 0);
    j.limit = limit;
    atomic_init(&j.entities, 0);
    atomic_init(&j.dropped, 0);
    atomic_init(&j.failed, 0);
    worker *w = xmalloc((size_t)threads * sizeof *w);
    pthread_t *th = xmalloc((size_t)threads * sizeof *th);
    for (int i = 0; i < threads; i++) {
        w[i].j = &j;
        w[i].ex = NULL;
    }
    double c0 = cpu_now(), t0 = now();
    if (threads == 1)
        work(&w[0]);
    else {
        for (int i = 0; i < threads; i++)
            if (pthread_create(&th[i], NULL, work, &w[i]) != 0)
                die("pthread_create failed");
        for (int i = 0; i < threads; i++)
            pthread_join(th[i], NULL);
    }
    double t = now() - t0;
    account(t, cpu_now() - c0, threads);
    for (int i = 0; i < threads; i++)
        facta_extractor_free(w[i].ex);
    free(w);
    free(th);
    if (atomic_load(&j.failed))
        die("extraction failed");
    if (entities)
        *entities = atomic_load(&j.entities);
    last_dropped = atomic_load(&j.dropped);
    return t;
}

static int reps = 3;

/* Best of reps of: as many passes over a small `ds` as fit in `min_s` seconds; per pass. */
static double run_facta_small(const facta_rules *rules, const docset *ds, double min_s)
{
    double best = 1e300;
    for (int r = 0; r < reps; r++) {
        size_t passes = 0;
        double t = 0;
        do {
            t += run_facta_once(rules, ds, 1, ds->n, NULL);
            passes++;
        } while (t < min_s);
        if (t / (double)passes < best)
            best = t / (double)passes;
    }
    return best;
}

/* ------------------------------------------------------------------------------------------ */
/* the floor: ICU word breaking, and ICU breaking plus one Snowball stem per letter word        */

static volatile size_t floor_sink;

static double run_floor_once(const docset *ds, int stem, size_t *words)
{
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
    if (U_FAILURE(err))
        die("ubrk_open: %s", u_errorName(err));
    struct sb_stemmer *ru = sb_stemmer_new("russian", "UTF_8");
    struct sb_stemmer *en = sb_stemmer_new("english", "UTF_8");
    if (!ru || !en)
        die("sb_stemmer_new failed");
    /* ICU's fastest way over UTF-8 input: convert each document to UTF-16 and break that
     * (about 1.3x faster than breaking UTF-8 through a UText); the stems need byte
     * offsets, so with stems a cursor maps the boundaries back */
    size_t maxlen = 0;
    for (size_t d = 0; d < ds->n; d++)
        if (ds->len[d] > maxlen)
            maxlen = ds->len[d];
    UChar *u16 = xmalloc((maxlen + 1) * sizeof *u16);
    size_t nw = 0, sink = 0;
    double c0 = cpu_now(), t0 = now();
    for (size_t d = 0; d < ds->n; d++) {
        const char *s = ds->buf + ds->off[d];
        err = U_ZERO_ERROR;
        int32_t ulen = 0;
        u_strFromUTF8(u16, (int32_t)(maxlen + 1), &ulen, s, (int32_t)ds->len[d], &err);
        ubrk_setText(bi, u16, ulen, &err);
        if (U_FAILURE(err))
            die("ICU: %s", u_errorName(err));
        int32_t start = ubrk_first(bi), end16, cur16 = 0, end = 0;
        while ((end16 = ubrk_next(bi)) != UBRK_DONE) {
            if (stem) { /* UTF-16 index to byte offset */
                while (cur16 < end16) {
                    unsigned char c = (unsigned char)s[end];
                    int k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                    end += k;
                    cur16 += k == 4 ? 2 : 1;
                }
            }
            int32_t status = ubrk_getRuleStatus(bi);
            if (status != UBRK_WORD_NONE)
                nw++;
            if (stem && status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) {
                /* the script of the first letter picks the stemmer (U+0400..U+052F Cyrillic) */
                unsigned char c = (unsigned char)s[start];
                struct sb_stemmer *st = NULL;
                if (c < 0x80)
                    st = en;
                else if (c >= 0xD0 && c <= 0xD4)
                    st = ru;
                else if (c >= 0xC3 && c <= 0xC9)
                    st = en; /* Latin-1 supplement, Latin Extended-A/B */
                if (st) {
                    const sb_symbol *r =
                        sb_stemmer_stem(st, (const sb_symbol *)s + start, end - start);
                    sink += r ? (size_t)sb_stemmer_length(st) : 0;
                }
            }
            start = end;
        }
    }
    double t = now() - t0;
    account(t, cpu_now() - c0, 1);
    floor_sink += sink;
    free(u16);
    ubrk_close(bi);
    sb_stemmer_delete(ru);
    sb_stemmer_delete(en);
    if (words)
        *words = nw;
    return t;
}

/* ------------------------------------------------------------------------------------------ */
/* rules                                                                                        */

static facta_rules *load_default(double *secs)
{
    facta_rules *r;
    facta_diag dg;
    double t0 = now();
    int rc = facta_rules_default(&r, &dg);
    if (secs)
        *secs = now() - t0;
    if (rc != FACTA_OK)
        die("facta_rules_default: %s", dg.message);
    return r;
}

static facta_rules *load_file(const char *path, double *secs)
{
    facta_rules *r;
    facta_diag dg;
    facta_compile_options o = FACTA_COMPILE_OPTIONS_INIT;
    size_t pl = strlen(path);
    /* a rule pack holds the defaults it was built with */
    o.flags = pl > 5 && strcmp(path + pl - 5, ".pack") == 0 ? 0 : FACTA_COMPILE_WITH_DEFAULTS;
    double t0 = now();
    int rc = facta_rules_load(&r, path, &o, &dg);
    if (secs)
        *secs = now() - t0;
    if (rc != FACTA_OK)
        die("facta_rules_load %s: %s (%s)", path, facta_strerror(rc), dg.message);
    return r;
}

/* splitmix64: a deterministic generator for the synthetic lexicon */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* A pseudo-word of 2-4 syllables, Latin or Cyrillic, written into `out`; returns its length. */
static size_t pseudo_word(char *out, int cyrillic)
{
    static const char *lat_c[] = {"b", "d", "k", "l",  "m",  "n",  "p",  "r",  "s",
                                  "t", "v", "z", "sh", "ch", "kr", "tr", "gl", "st"};
    static const char *lat_v[] = {"a", "e", "i", "o", "u", "ai", "ou", "y"};
    static const char *cyr_c[] = {"б", "д", "к", "л", "м", "н",  "п",  "р",  "с",
                                  "т", "в", "з", "ш", "ч", "кр", "тр", "гл", "ст"};
    static const char *cyr_v[] = {"а", "е", "и", "о", "у", "ы", "я", "ю"};
    const char **cs = cyrillic ? cyr_c : lat_c, **vs = cyrillic ? cyr_v : lat_v;
    size_t n = 0;
    int syl = 2 + (int)(rng() % 3);
    for (int i = 0; i < syl; i++) {
        const char *c = cs[rng() % 18], *v = vs[rng() % 8];
        memcpy(out + n, c, strlen(c));
        n += strlen(c);
        memcpy(out + n, v, strlen(v));
        n += strlen(v);
    }
    /* capitalize the first letter (names in a lexicon usually are) */
    if (!cyrillic)
        out[0] = (char)(out[0] - 'a' + 'A');
    else {
        /* Cyrillic lower-case а..п are D0 B0..D0 BF (upper = D0 90..9F); р..я are D1 80..8F
         * (upper = D0 A0..AF) */
        unsigned char b1 = (unsigned char)out[1];
        if ((unsigned char)out[0] == 0xD0 && b1 >= 0xB0)
            out[1] = (char)(b1 - 0x20);
        else if ((unsigned char)out[0] == 0xD1 && b1 >= 0x80 && b1 <= 0x8F) {
            out[0] = (char)0xD0;
            out[1] = (char)(b1 + 0x20);
        }
    }
    out[n] = 0;
    return n;
}

typedef struct genlex {
    char dir[256];
    char rules[300];
    char first_entry[256]; /* the first entry, to check that the lexicon is really used */
    size_t entries;
} genlex;

/* Write big.facta and big.lex (`entries` entries of 2-3 pseudo-words from a pool) into a fresh
 * directory under $TMPDIR. */
static void genlex_write(genlex *g, size_t entries)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(g->dir, sizeof g->dir, "%s/facta-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(g->dir))
        die("mkdtemp %s: %s", g->dir, strerror(errno));
    snprintf(g->rules, sizeof g->rules, "%s/big.facta", g->dir);
    char lex[300];
    snprintf(lex, sizeof lex, "%s/big.lex", g->dir);
    FILE *f = fopen(g->rules, "w");
    if (!f)
        die("cannot write %s", g->rules);
    fputs("# generated by facta-bench: a synthetic lexicon of pseudo-word phrases\n"
          "lexicon BIG \"big.lex\";\n"
          "rule big: @BIG => BIGLEX;\n",
          f);
    fclose(f);
    f = fopen(lex, "w");
    if (!f)
        die("cannot write %s", lex);
    /* a pool of words the phrases share, as names in real lexicons do: ~1 word per 3 entries */
    size_t npool = entries / 3 + 64;
    char **pool = xmalloc(npool * sizeof *pool);
    for (size_t i = 0; i < npool; i++) {
        char w[64];
        pseudo_word(w, (int)(i & 1));
        pool[i] = xstrdup(w);
    }
    for (size_t e = 0; e < entries; e++) {
        int cyr = (int)(e & 1);
        int nw = 2 + (int)(rng() % 2);
        char line[256];
        size_t n = 0;
        for (int k = 0; k < nw; k++) {
            size_t i = (size_t)(rng() % (npool / 2)) * 2 + (size_t)cyr;
            size_t l = strlen(pool[i]);
            if (k)
                line[n++] = ' ';
            memcpy(line + n, pool[i], l);
            n += l;
        }
        line[n] = 0;
        if (e == 0)
            snprintf(g->first_entry, sizeof g->first_entry, "%s", line);
        fprintf(f, "%s\n", line);
    }
    fclose(f);
    for (size_t i = 0; i < npool; i++)
        free(pool[i]);
    free(pool);
    g->entries = entries;
}

static void genlex_remove(genlex *g)
{
    char p[300];
    snprintf(p, sizeof p, "%s/big.lex", g->dir);
    unlink(p);
    unlink(g->rules);
    rmdir(g->dir);
}

/* How many records of `type` facta finds in `txt`. */
static size_t count_type(const facta_rules *r, const char *txt, const char *type)
{
    facta_extractor *ex;
    if (facta_extractor_new(&ex, r) != FACTA_OK)
        die("facta_extractor_new failed");
    const facta_entity *out;
    size_t n, k = 0;
    if (facta_extract(&out, &n, ex, txt, strlen(txt), NULL) != FACTA_OK)
        die("facta_extract: %s", facta_extractor_last_error(ex));
    for (size_t i = 0; i < n; i++)
        k += strcmp(out[i].type, type) == 0;
    facta_extractor_free(ex);
    return k;
}

/* ------------------------------------------------------------------------------------------ */
/* the corpus                                                                                   */

static const char *corpus_dir = "bench/corpus";
static const char *seeds_dir = NULL;

typedef struct corpus {
    textlist en, ru, seeds;
    textlist mixed; /* en and ru interleaved, then the seeds (the texts are shared) */
} corpus;

static void load_corpus(corpus *C)
{
    memset(C, 0, sizeof *C);
    load_dir(&C->en, corpus_dir, "en_");
    load_dir(&C->ru, corpus_dir, "ru_");
    if (!C->en.n || !C->ru.n)
        die("%s has no en_*.txt or ru_*.txt files", corpus_dir);
    for (size_t i = 0; i < C->en.n || i < C->ru.n; i++) {
        if (i < C->en.n)
            tl_push(&C->mixed, C->en.v[i].name, C->en.v[i].data, C->en.v[i].len);
        if (i < C->ru.n)
            tl_push(&C->mixed, C->ru.v[i].name, C->ru.v[i].data, C->ru.v[i].len);
    }
    if (seeds_dir) {
        struct stat st;
        if (stat(seeds_dir, &st) == 0 && S_ISDIR(st.st_mode)) {
            load_dir(&C->seeds, seeds_dir, NULL);
            for (size_t i = 0; i < C->seeds.n; i++)
                tl_push(&C->mixed, C->seeds.v[i].name, C->seeds.v[i].data, C->seeds.v[i].len);
        } else
            seeds_dir = NULL;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* child processes for peak RSS                                                                 */

static char self_path[4096];

/* Child: load rules (default, or RULEFILE over the defaults), then extract MBYTES of corpus
 * documents with THREADS threads (documents cycle over the corpus files, so no input buffer
 * grows with MBYTES; with FRESH each gets FRESH_WORDS never-seen words); with DOCSIZE > 0
 * instead extract one document of DOCSIZE bytes. Prints "load=S run=S bytes=N" on stdout. */
static int child_main(double mbytes, int threads, size_t docsize, const char *rulefile, int fresh)
{
    g_fresh = fresh;
    corpus C;
    load_corpus(&C);
    const textlist tl = C.mixed;
    double tl_s;
    facta_rules *r = rulefile && *rulefile ? load_file(rulefile, &tl_s) : load_default(&tl_s);
    const char *save = getenv("FACTA_BENCH_SAVE_PACK"); /* set by the parent for one child */
    facta_diag dg;
    if (save && *save && facta_rules_save(r, save, &dg) != FACTA_OK)
        die("facta_rules_save %s: %s", save, dg.message);
    double run_s = 0;
    size_t bytes = 0;
    if (docsize) {
        docset ds = ds_concat(&tl, docsize, 1);
        run_s = run_facta_once(r, &ds, threads, 1, NULL);
        bytes = ds.bytes;
        ds_free(&ds);
    } else if (mbytes > 0) {
        /* the documents are the corpus files, laid out once and cycled over: no buffer grows
         * with MBYTES */
        piece *pc = xmalloc(tl.n * sizeof *pc);
        for (size_t i = 0; i < tl.n; i++) {
            pc[i].p = tl.v[i].data;
            pc[i].len = tl.v[i].len;
        }
        docset ds = ds_build(pc, tl.n);
        free(pc);
        size_t want = (size_t)(mbytes * MB), limit = 0;
        while (bytes < want) {
            bytes += ds.len[limit % ds.n];
            limit++;
        }
        run_s = run_facta_once(r, &ds, threads, limit, NULL);
        if (fresh) { /* count the appended words too */
            char tmp[FRESH_WORDS * 32 + 8];
            for (size_t i = 0; i < limit; i++)
                bytes += fresh_words(tmp, i);
        }
        ds_free(&ds);
    }
    facta_rules_free(r);
    /* the kernel's high-water mark of this process image, as a check on ru_maxrss */
    long hwm = 0;
    FILE *f = fopen("/proc/self/status", "r");
    if (f) {
        char line[256];
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "VmHWM: %ld kB", &hwm) == 1)
                break;
        fclose(f);
    }
    printf("load=%.6f run=%.6f bytes=%zu hwm=%ld\n", tl_s, run_s, bytes, hwm);
    return 0;
}

typedef struct childres {
    int ok;
    double load_s, run_s, rss_mb, hwm_mb;
    size_t bytes;
} childres;

static childres run_child(double mbytes, int threads, size_t docsize, const char *rulefile,
                          int fresh)
{
    childres cr = {0};
    int fd[2];
    if (pipe(fd) != 0)
        die("pipe: %s", strerror(errno));
    char a_mb[32], a_th[16], a_ds[32];
    snprintf(a_mb, sizeof a_mb, "%.3f", mbytes);
    snprintf(a_th, sizeof a_th, "%d", threads);
    snprintf(a_ds, sizeof a_ds, "%zu", docsize);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        die("fork: %s", strerror(errno));
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        char *argv[12];
        int k = 0;
        argv[k++] = self_path;
        argv[k++] = "--corpus";
        argv[k++] = (char *)corpus_dir;
        if (seeds_dir) {
            argv[k++] = "--seeds";
            argv[k++] = (char *)seeds_dir;
        }
        argv[k++] = "--child-rss";
        argv[k++] = a_mb;
        argv[k++] = a_th;
        argv[k++] = a_ds;
        argv[k++] = (char *)(rulefile ? rulefile : "");
        argv[k++] = fresh ? "1" : "0";
        argv[k] = NULL;
        execv(self_path, argv);
        _exit(127);
    }
    close(fd[1]);
    char buf[512];
    size_t n = 0;
    ssize_t k;
    while (n < sizeof buf - 1 && (k = read(fd[0], buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)k;
    buf[n] = 0;
    close(fd[0]);
    int status;
    long hwm = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        die("wait4: %s", strerror(errno));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
        sscanf(buf, "load=%lf run=%lf bytes=%zu hwm=%ld", &cr.load_s, &cr.run_s, &cr.bytes, &hwm) ==
            4) {
        cr.ok = 1;
        cr.hwm_mb = (double)hwm / 1024.0;
        cr.rss_mb = (double)ru.ru_maxrss / 1024.0; /* ru_maxrss is in KiB on Linux */
    } else
        fprintf(stderr, PROG ": child run failed (status %d)\n", status);
    return cr;
}

/* ------------------------------------------------------------------------------------------ */
/* peers                                                                                        */

typedef struct peer {
    char *tool, *lang, *counts, *reason;
    size_t bytes, docs;
    double peer_s;  /* peer's seconds per pass over the slice */
    double facta_s; /* facta's, one thread, same files */
    char facta_counts[256];
} peer;

static char *kv_get(const char *line, const char *key)
{
    size_t kl = strlen(key);
    const char *p = line;
    while ((p = strstr(p, key)) != NULL) {
        if ((p == line || p[-1] == ' ') && p[kl] == '=') {
            p += kl + 1;
            if (strcmp(key, "reason") == 0) /* the rest of the line */
                return xstrdup(p);
            size_t n = strcspn(p, " \n");
            char *v = xmalloc(n + 1);
            memcpy(v, p, n);
            v[n] = 0;
            return v;
        }
        p += kl;
    }
    return NULL;
}

static void facta_type_counts(const facta_rules *r, const docset *ds, char *out, size_t cap)
{
    static const char *types[] = {"PERSON", "PLACE", "ORG", "FIGURE", "DATE", "ROLE"};
    size_t cnt[6] = {0};
    facta_extractor *ex;
    if (facta_extractor_new(&ex, r) != FACTA_OK)
        die("facta_extractor_new failed");
    for (size_t d = 0; d < ds->n; d++) {
        const facta_entity *e;
        size_t n;
        if (facta_extract(&e, &n, ex, ds->buf + ds->off[d], ds->len[d], NULL) != FACTA_OK)
            die("facta_extract: %s", facta_extractor_last_error(ex));
        for (size_t i = 0; i < n; i++)
            for (int t = 0; t < 6; t++)
                if (strcmp(e[i].type, types[t]) == 0)
                    cnt[t]++;
    }
    facta_extractor_free(ex);
    snprintf(out, cap, "PERSON:%zu,PLACE:%zu,ORG:%zu,FIGURE:%zu,DATE:%zu,ROLE:%zu", cnt[0], cnt[1],
             cnt[2], cnt[3], cnt[4], cnt[5]);
}

static int load_peer(peer *p, const char *file, const facta_rules *rules)
{
    size_t len;
    char *data = read_file(file, &len);
    data = xrealloc(data, len + 1);
    data[len] = 0;
    /* the last line that has tool= */
    char *line = NULL;
    for (char *s = strtok(data, "\n"); s; s = strtok(NULL, "\n"))
        if (strncmp(s, "tool=", 5) == 0)
            line = s;
    memset(p, 0, sizeof *p);
    if (!line) {
        p->tool = xstrdup(file);
        p->reason = xstrdup("the peer printed no result");
        free(data);
        return 0;
    }
    p->tool = kv_get(line, "tool");
    p->lang = kv_get(line, "lang");
    p->reason = kv_get(line, "reason");
    if (p->reason) {
        free(data);
        return 0;
    }
    char *bytes = kv_get(line, "bytes"), *docs = kv_get(line, "docs"),
         *secs = kv_get(line, "seconds");
    char *files = kv_get(line, "files");
    p->counts = kv_get(line, "counts");
    if (!bytes || !docs || !secs || !files) {
        p->reason = xstrdup("malformed peer result");
        free(data);
        return 0;
    }
    p->bytes = strtoull(bytes, NULL, 10);
    p->docs = strtoull(docs, NULL, 10);
    p->peer_s = strtod(secs, NULL);
    /* facta on the same files, one thread */
    textlist tl = {0};
    for (char *f = strtok(files, ","); f; f = strtok(NULL, ",")) {
        size_t l;
        char *d = read_file(f, &l);
        const char *base = strrchr(f, '/');
        tl_push(&tl, base ? base + 1 : f, d, l);
    }
    docset ds = ds_replicate(&tl, 1);
    if (ds.bytes != p->bytes)
        note("peer %s: %zu bytes here, %zu reported", p->tool, ds.bytes, p->bytes);
    p->facta_s = run_facta_small(rules, &ds, 0.3);
    facta_type_counts(rules, &ds, p->facta_counts, sizeof p->facta_counts);
    if (strncmp(p->tool, "dateparser", 10) == 0) { /* a date parser: compare dates only */
        char *d = strstr(p->facta_counts, "DATE:");
        size_t n = d ? strcspn(d, ",") : 0;
        memmove(p->facta_counts, d ? d : "", n);
        p->facta_counts[n] = 0;
    }
    ds_free(&ds);
    for (size_t i = 0; i < tl.n; i++) {
        free(tl.v[i].name);
        free(tl.v[i].data);
    }
    free(tl.v);
    free(bytes);
    free(docs);
    free(secs);
    free(files);
    free(data);
    return 1;
}

/* ------------------------------------------------------------------------------------------ */
/* results                                                                                      */

typedef struct setres {
    const char *key, *label;
    size_t bytes, docs, entities;
    double t1, tall, ticu, tstem;
    double s1, sall, sicu, sstem; /* CPU share of the fastest run of each */
} setres;

typedef struct scalerow {
    const char *label;
    size_t bytes, docs;
    double t;
    size_t dropped;
} scalerow;

static void minup(double *best, double t)
{
    if (t < *best)
        *best = t;
}

/* minup that also keeps the CPU share of the run it keeps */
static void minup_s(double *best, double *share, double t)
{
    if (t < *best) {
        *best = t;
        *share = last_share;
    }
}

/* the mark of a number whose fastest run still got less than 90% of its CPU */
static const char *starved(double share)
{
    return share < 0.9 ? " †" : "";
}

static double mbps(size_t bytes, double t)
{
    return t > 0 ? (double)bytes / MB / t : 0;
}

static double spm(size_t bytes, double t) /* seconds per MB */
{
    return bytes ? t / ((double)bytes / MB) : 0;
}

static void usage(FILE *f)
{
    fputs(
        "usage: " PROG " [options]\n"
        "  --corpus DIR        the corpus (en_*.txt, ru_*.txt); default bench/corpus\n"
        "  --seeds DIR         also add DIR/*.txt to the mixed set (read, never copied)\n"
        "  --mb N              size of each replicated set in MB (default 10)\n"
        "  --reps N            repetitions per timing, the best is kept (default 3)\n"
        "  --threads N         'all cores' threads (default: online CPUs)\n"
        "  --lex-entries N     entries of the generated lexicon for the 10x run (default 120000)\n"
        "  --big-lexicon N     also time compiling an N-entry generated lexicon (1000000)\n"
        "  --loads N           rule loads for the median load time (default 5)\n"
        "  --peer FILE         a result line of a peer driver (bench/peers); repeatable\n"
        "  --json FILE         write the numbers as JSON\n"
        "  --label TEXT        what was measured (run.sh: the git commit), printed in the report\n"
        "  --quick             small sizes for a smoke test (--mb 1 --reps 1)\n"
        "  --quiet             no progress on stderr\n",
        f);
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

int main(int argc, char **argv)
{
    double mb = 10;
    int threads_all = (int)sysconf(_SC_NPROCESSORS_ONLN);
    size_t lex_entries = 120000, big_lexicon = 0;
    int loads = 5, quick = 0;
    const char *json = NULL, *label = NULL;
    const char **peer_files = NULL;
    size_t npeer_files = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
#define NEXT() (i + 1 < argc ? argv[++i] : (die("%s needs a value", a), (char *)NULL))
        if (strcmp(a, "--corpus") == 0)
            corpus_dir = NEXT();
        else if (strcmp(a, "--seeds") == 0)
            seeds_dir = NEXT();
        else if (strcmp(a, "--mb") == 0)
            mb = strtod(NEXT(), NULL);
        else if (strcmp(a, "--reps") == 0)
            reps = atoi(NEXT());
        else if (strcmp(a, "--threads") == 0)
            threads_all = atoi(NEXT());
        else if (strcmp(a, "--lex-entries") == 0)
            lex_entries = strtoull(NEXT(), NULL, 10);
        else if (strcmp(a, "--big-lexicon") == 0)
            big_lexicon = strtoull(NEXT(), NULL, 10);
        else if (strcmp(a, "--loads") == 0)
            loads = atoi(NEXT());
        else if (strcmp(a, "--peer") == 0) {
            peer_files = xrealloc(peer_files, (npeer_files + 1) * sizeof *peer_files);
            peer_files[npeer_files++] = NEXT();
        } else if (strcmp(a, "--json") == 0)
            json = NEXT();
        else if (strcmp(a, "--label") == 0)
            label = NEXT();
        else if (strcmp(a, "--quick") == 0)
            quick = 1;
        else if (strcmp(a, "--quiet") == 0)
            quiet = 1;
        else if (strcmp(a, "--child-rss") == 0) {
            if (i + 5 >= argc)
                die("--child-rss needs MBYTES THREADS DOCSIZE RULEFILE FRESH");
            return child_main(strtod(argv[i + 1], NULL), atoi(argv[i + 2]),
                              strtoull(argv[i + 3], NULL, 10), argv[i + 4], atoi(argv[i + 5]));
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else {
            usage(stderr);
            return 2;
        }
#undef NEXT
    }
    if (quick) {
        mb = 1;
        reps = 1;
        loads = 2;
        if (lex_entries > 20000)
            lex_entries = 20000;
    }
    if (reps < 1 || mb <= 0 || threads_all < 1 || loads < 1)
        die("bad option value");
    ncores = (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (ncores < 1)
        ncores = 1;
    ssize_t sl = readlink("/proc/self/exe", self_path, sizeof self_path - 1);
    if (sl <= 0)
        die("readlink /proc/self/exe: %s", strerror(errno));
    self_path[sl] = 0;

    /* The child processes run first, while this process is still small: a child's ru_maxrss
     * also covers the pages it shared with this process between fork and exec. */
    /* ---- peak memory ---- */
    note("peak RSS: child processes");
    double rss_small = quick ? 0.2 : 1;
    enum { NRSS = 7 };
    childres rss[NRSS];
    const char *rss_label[NRSS];
    char rss_lbuf[NRSS][128];
    rss[0] = run_child(0, threads_all, 0, NULL, 0);
    rss_label[0] = "default rules loaded, no text";
    rss[1] = run_child(rss_small, threads_all, 0, NULL, 0);
    rss[2] = run_child(mb, threads_all, 0, NULL, 0);
    rss[3] = run_child(rss_small, threads_all, 0, NULL, 1);
    rss[4] = run_child(mb, threads_all, 0, NULL, 1);
    for (int i = 1; i <= 4; i++) {
        snprintf(rss_lbuf[i], sizeof rss_lbuf[i], "+ %.1f MB of corpus documents%s",
                 rss[i].bytes / MB, i >= 3 ? ", each with " FRESH_WORDS_S " never-seen words" : "");
        rss_label[i] = rss_lbuf[i];
    }
    rss[5] = run_child(0, 1, 1000000, NULL, 0);
    rss[6] = run_child(0, 1, quick ? 3000000 : 10000000, NULL, 0);
    for (int i = 5; i <= 6; i++) {
        snprintf(rss_lbuf[i], sizeof rss_lbuf[i],
                 "+ one %.1f MB document (input included), 1 thread", rss[i].bytes / MB);
        rss_label[i] = rss_lbuf[i];
    }

    /* ---- 1-million-entry lexicon (its generator grows this process a little: after the
     * memory children) ---- */
    childres bigc = {0}, bigp = {0};
    double pack_mb = 0;
    if (big_lexicon) {
        genlex g2;
        note("generating a %zu-entry lexicon, compiling it and writing its rule pack in a child "
             "process, then loading the pack in another", big_lexicon);
        genlex_write(&g2, big_lexicon);
        char pack[300];
        snprintf(pack, sizeof pack, "%s/big.pack", g2.dir);
        setenv("FACTA_BENCH_SAVE_PACK", pack, 1);
        bigc = run_child(1, 1, 0, g2.rules, 0); /* compile, save, then extract 1 MB */
        unsetenv("FACTA_BENCH_SAVE_PACK");
        struct stat pst;
        if (bigc.ok && stat(pack, &pst) == 0) {
            pack_mb = (double)pst.st_size / MB;
            bigp = run_child(1, 1, 0, pack, 0); /* map the pack, then extract 1 MB */
        }
        unlink(pack);
        genlex_remove(&g2);
    }

    /* ---- corpus ---- */
    corpus C;
    load_corpus(&C);
    textlist en = C.en, ru = C.ru, mixed = C.mixed, seeds = C.seeds;
    size_t target = (size_t)(mb * MB);
    int threads4 = 4;

    /* ---- rules: load time ---- */
    note("loading the default rules %d times", loads);
    double *lt = xmalloc((size_t)loads * sizeof *lt);
    facta_rules *rules = NULL;
    for (int i = 0; i < loads; i++) {
        facta_rules *r = load_default(&lt[i]);
        if (i == loads - 1)
            rules = r;
        else
            facta_rules_free(r);
    }
    qsort(lt, (size_t)loads, sizeof *lt, cmp_dbl);
    double load_median = loads % 2 ? lt[loads / 2] : (lt[loads / 2 - 1] + lt[loads / 2]) / 2;
    double load_min = lt[0];
    size_t nrules = facta_rules_count(rules);

    /* ---- throughput per language: the repetitions of every variant are interleaved, so
     * that a noisy moment on a shared machine hits them alike ---- */
    setres sets[3] = {{"en", "English", 0, 0, 0, 1e300, 1e300, 1e300, 1e300, 1, 1, 1, 1},
                      {"ru", "Russian", 0, 0, 0, 1e300, 1e300, 1e300, 1e300, 1, 1, 1, 1},
                      {"mixed", "mixed", 0, 0, 0, 1e300, 1e300, 1e300, 1e300, 1, 1, 1, 1}};
    const textlist *src[3] = {&en, &ru, &mixed};
    double t_mixed_4 = 1e300, s_mixed_4 = 1;
    size_t mixed_dropped = 0;
    size_t mixed_docs_bytes = 0, mixed_docs_n = 0;
    for (int s = 0; s < 3; s++) {
        docset ds = ds_replicate(src[s], target);
        setres *R = &sets[s];
        R->bytes = ds.bytes;
        R->docs = ds.n;
        note("%s: %.1f MB, %zu documents: facta with 1 and %d threads%s, ICU, ICU + stem", R->label,
             ds.bytes / MB, ds.n, threads_all, s == 2 ? ", 4 threads" : "");
        for (int r = 0; r < reps; r++) {
            minup_s(&R->t1, &R->s1, run_facta_once(rules, &ds, 1, ds.n, &R->entities));
            if (s == 2)
                mixed_dropped = last_dropped;
            minup_s(&R->tall, &R->sall, run_facta_once(rules, &ds, threads_all, ds.n, NULL));
            minup_s(&R->ticu, &R->sicu, run_floor_once(&ds, 0, NULL));
            minup_s(&R->tstem, &R->sstem, run_floor_once(&ds, 1, NULL));
            if (s == 2)
                minup_s(&t_mixed_4, &s_mixed_4, run_facta_once(rules, &ds, threads4, ds.n, NULL));
        }
        if (s == 2) {
            mixed_docs_bytes = ds.bytes;
            mixed_docs_n = ds.n;
        }
        ds_free(&ds);
    }
    const setres *M = &sets[2];

    /* ---- scaling: document size (mixed text, one thread) ---- */
    enum { NSIZES = 5 };
    scalerow sizes[NSIZES];
    {
        size_t scale_target = target / 5 > 1000000 ? target / 5 : 1000000;
        if (quick)
            scale_target = 300000;
        docset ds[NSIZES];
        static char lbl[64];
        size_t avg = mixed_docs_n ? mixed_docs_bytes / mixed_docs_n : 0;
        snprintf(lbl, sizeof lbl, "%.1f KB (corpus files)", avg / 1000.0);
        ds[0] = ds_chunks(&mixed, 1000, scale_target);
        ds[2] = ds_concat(&mixed, 100000, (scale_target + 99999) / 100000);
        ds[3] = ds_concat(&mixed, 1000000, quick ? 1 : 2);
        ds[4] = ds_concat(&mixed, quick ? 3000000 : 10000000, 1);
        const char *labels[NSIZES] = {"1 KB", lbl, "100 KB", "1 MB", quick ? "3 MB" : "10 MB"};
        for (int i = 0; i < NSIZES; i++)
            sizes[i] =
                (scalerow){labels[i], i == 1 ? M->bytes : ds[i].bytes, i == 1 ? M->docs : ds[i].n,
                           i == 1 ? M->t1 : 1e300, i == 1 ? mixed_dropped : 0};
        note("scaling: documents of 1 KB, 100 KB, 1 MB, %s", labels[4]);
        for (int r = 0; r < reps; r++)
            for (int i = 0; i < NSIZES; i++)
                if (i != 1) {
                    minup(&sizes[i].t, run_facta_once(rules, &ds[i], 1, ds[i].n, NULL));
                    sizes[i].dropped = last_dropped;
                }
        for (int i = 0; i < NSIZES; i++)
            if (i != 1)
                ds_free(&ds[i]);
    }

    /* ---- scaling: lexicon size ---- */
    genlex g;
    double big_compile = 1e300, t_def_slice = 1e300, t_big_slice = 1e300;
    size_t big_hits, big_rules_n, slice_bytes;
    {
        note("generating a %zu-entry lexicon and compiling it over the defaults", lex_entries);
        genlex_write(&g, lex_entries);
        facta_rules *big = NULL;
        for (int r = 0; r < reps; r++) {
            double t;
            facta_rules *b = load_file(g.rules, &t);
            minup(&big_compile, t);
            if (big)
                facta_rules_free(big);
            big = b;
        }
        big_rules_n = facta_rules_count(big);
        char probe[512];
        snprintf(probe, sizeof probe, "The report mentions %s twice.", g.first_entry);
        big_hits = count_type(big, probe, "BIGLEX");
        if (!big_hits)
            note("warning: the generated entry \"%s\" was not found", g.first_entry);
        docset ds = ds_replicate(&mixed, quick                  ? 300000
                                         : target / 5 > 1000000 ? target / 5
                                                                : 1000000);
        slice_bytes = ds.bytes;
        note("lexicon size: %.1f MB with the default rules and with the big lexicon",
             ds.bytes / MB);
        for (int r = 0; r < reps; r++) {
            minup(&t_def_slice, run_facta_once(rules, &ds, 1, ds.n, NULL));
            minup(&t_big_slice, run_facta_once(big, &ds, 1, ds.n, NULL));
        }
        ds_free(&ds);
        facta_rules_free(big);
        genlex_remove(&g);
    }

    /* ---- peers ---- */
    peer *peers = xmalloc((npeer_files ? npeer_files : 1) * sizeof *peers);
    for (size_t i = 0; i < npeer_files; i++) {
        note("peer result %s: facta on the same files", peer_files[i]);
        load_peer(&peers[i], peer_files[i], rules);
    }

    /* ================================ report ================================ */
    printf("## facta %s benchmark\n\n", facta_version());
    if (label)
        printf("Build: %s.\n\n", label);
    char seeds_note[512] = "";
    if (seeds_dir)
        snprintf(seeds_note, sizeof seeds_note,
                 "; the mixed set also has the %zu files (%.1f KB) of %s", seeds.n,
                 tl_bytes(&seeds) / 1000.0, seeds_dir);
    printf("Corpus: %s (%zu English, %zu Russian files, %.1f KB%s). Each set is replicated to "
           "%.1f MB. Every timing is the best of %d; %d cores online, 'all cores' = %d threads; "
           "%zu default rules. MB = 10^6 bytes.\n\n",
           corpus_dir, en.n, ru.n, (tl_bytes(&en) + tl_bytes(&ru)) / 1000.0, seeds_note, mb, reps,
           (int)sysconf(_SC_NPROCESSORS_ONLN), threads_all, nrules);
    if (runs_starved)
        printf("Machine load: %zu of %zu timed runs got less than 90%% of the CPU they could use "
               "(worst %.0f%%): other processes were running; the best of %d is kept.\n\n",
               runs_starved, runs_timed, worst_share * 100, reps);
    else
        printf("Machine load: every one of the %zu timed runs got at least 90%% of the CPU it "
               "could use.\n\n",
               runs_timed);
    printf("### Throughput\n\n");
    printf("| text | MB | docs | facta 1 thread MB/s | docs/s | facta %d threads MB/s | docs/s | "
           "speed-up | ICU break MB/s | ICU + stem MB/s | facta / (ICU + stem) time |\n",
           threads_all);
    printf("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (int s = 0; s < 3; s++) {
        const setres *R = &sets[s];
        printf("| %s | %.1f | %zu | %.2f%s | %.0f | %.2f%s | %.0f | %.2f× | %.1f%s | %.1f%s | "
               "%.1f× |\n",
               R->label, R->bytes / MB, R->docs, mbps(R->bytes, R->t1), starved(R->s1),
               R->docs / R->t1, mbps(R->bytes, R->tall), starved(R->sall), R->docs / R->tall,
               R->t1 / R->tall, mbps(R->bytes, R->ticu), starved(R->sicu), mbps(R->bytes, R->tstem),
               starved(R->sstem), R->t1 / R->tstem);
    }
    int any_starved = s_mixed_4 < 0.9;
    for (int s = 0; s < 3; s++)
        any_starved |=
            sets[s].s1 < 0.9 || sets[s].sall < 0.9 || sets[s].sicu < 0.9 || sets[s].sstem < 0.9;
    if (any_starved)
        printf("\n† even the fastest repetition got less than 90%% of the CPU it could use: "
               "the machine was busy and the number is low.\n");
    printf("\nRule load (facta_rules_default): median %.1f ms of %d loads (fastest %.1f ms).\n\n",
           load_median * 1e3, loads, load_min * 1e3);

    printf("### Scaling\n\n");
    printf("Document size (mixed text, 1 thread; flat s/MB means linear):\n\n");
    printf("| document size | docs | MB | s/MB | MB/s | records dropped at the limits |\n"
           "|---|--:|--:|--:|--:|--:|\n");
    for (int i = 0; i < NSIZES; i++)
        printf("| %s | %zu | %.1f | %.3f | %.2f | %zu |\n", sizes[i].label, sizes[i].docs,
               sizes[i].bytes / MB, spm(sizes[i].bytes, sizes[i].t),
               mbps(sizes[i].bytes, sizes[i].t), sizes[i].dropped);
    printf("\nThreads (mixed text, %.1f MB):\n\n", M->bytes / MB);
    printf("| threads | MB/s | speed-up vs 1 |\n|--:|--:|--:|\n");
    printf("| 1 | %.2f%s | 1.00× |\n", mbps(M->bytes, M->t1), starved(M->s1));
    if (threads_all != 1 && threads_all != threads4)
        printf("| %d (all cores) | %.2f%s | %.2f× |\n", threads_all, mbps(M->bytes, M->tall),
               starved(M->sall), M->t1 / M->tall);
    printf("| %d%s | %.2f%s | %.2f× |\n", threads4, threads_all == threads4 ? " (all cores)" : "",
           mbps(M->bytes, t_mixed_4), starved(s_mixed_4), M->t1 / t_mixed_4);
    printf("\nLexicon size (mixed text, %.1f MB, 1 thread):\n\n", slice_bytes / MB);
    printf("| rules | compile s | s/MB | MB/s | time vs default |\n|---|--:|--:|--:|--:|\n");
    printf("| default (%zu rules) | %.3f | %.3f | %.2f | 1.00× |\n", nrules, load_min,
           spm(slice_bytes, t_def_slice), mbps(slice_bytes, t_def_slice));
    printf("| default + %zu generated entries (%zu rules; probe found %zu) | %.3f | %.3f | %.2f | "
           "%.2f× |\n",
           lex_entries, big_rules_n, big_hits, big_compile, spm(slice_bytes, t_big_slice),
           mbps(slice_bytes, t_big_slice), t_big_slice / t_def_slice);
    if (big_lexicon) {
        char c[32] = "failed";
        if (bigc.ok)
            snprintf(c, sizeof c, "%.3f", bigc.load_s);
        printf("| default + %zu generated entries (in a child process: peak RSS %.0f MB) "
               "| %s | %.3f | %.2f | |\n",
               big_lexicon, bigc.rss_mb, c, spm(bigc.bytes, bigc.run_s),
               mbps(bigc.bytes, bigc.run_s));
        snprintf(c, sizeof c, "failed");
        if (bigp.ok)
            snprintf(c, sizeof c, "%.3f", bigp.load_s);
        printf("| the same, loaded from its rule pack (%.0f MB file; peak RSS %.0f MB) "
               "| %s | %.3f | %.2f | %.0f× faster load |\n",
               pack_mb, bigp.rss_mb, c, spm(bigp.bytes, bigp.run_s), mbps(bigp.bytes, bigp.run_s),
               bigp.ok && bigp.load_s > 0 ? bigc.load_s / bigp.load_s : 0.0);
    }

    printf("\n### Peak memory (ru_maxrss of a child process, %d threads unless noted)\n\n",
           threads_all);
    printf("| run | peak RSS MB (ru_maxrss) | VmHWM MB | MB/s |\n|---|--:|--:|--:|\n");
    for (int i = 0; i < NRSS; i++) {
        char speed[32] = "";
        if (rss[i].bytes)
            snprintf(speed, sizeof speed, "%.2f", mbps(rss[i].bytes, rss[i].run_s));
        if (rss[i].ok)
            printf("| %s | %.1f | %.1f | %s |\n", rss_label[i], rss[i].rss_mb, rss[i].hwm_mb,
                   speed);
        else
            printf("| %s | failed | | |\n", rss_label[i]);
    }

    if (npeer_files) {
        printf("\n### Peers (same files, same run; facta 1 thread)\n\n");
        printf("| peer | text | KB | docs | peer MB/s | facta MB/s | facta / peer | peer counts | "
               "facta counts |\n|---|---|--:|--:|--:|--:|--:|---|---|\n");
        for (size_t i = 0; i < npeer_files; i++) {
            const peer *p = &peers[i];
            if (p->reason) {
                printf("| %s | %s | | | skipped: %s | | | | |\n", p->tool, p->lang ? p->lang : "",
                       p->reason);
                continue;
            }
            printf("| %s | %s | %.1f | %zu | %.3f | %.2f | %.0f× | %s | %s |\n", p->tool, p->lang,
                   p->bytes / 1000.0, p->docs, mbps(p->bytes, p->peer_s),
                   mbps(p->bytes, p->facta_s), p->peer_s / p->facta_s, p->counts ? p->counts : "",
                   p->facta_counts);
        }
    }
    /* ================================ JSON ================================ */
    if (json) {
        FILE *f = fopen(json, "w");
        if (!f)
            die("cannot write %s: %s", json, strerror(errno));
        fprintf(f, "{\n  \"facta_version\": ");
        json_str(f, facta_version());
        fprintf(f, ",\n  \"label\": ");
        if (label)
            json_str(f, label);
        else
            fputs("null", f);
        fprintf(f, ",\n  \"corpus\": ");
        json_str(f, corpus_dir);
        fprintf(f, ",\n  \"seeds\": ");
        if (seeds_dir)
            json_str(f, seeds_dir);
        else
            fputs("null", f);
        fprintf(f,
                ",\n  \"mb_per_set\": %.3f,\n  \"reps\": %d,\n  \"cores\": %ld,\n"
                "  \"threads_all\": %d,\n  \"rules\": %zu,\n",
                mb, reps, sysconf(_SC_NPROCESSORS_ONLN), threads_all, nrules);
        fprintf(f, "  \"load\": {\"runs\": %zu, \"starved\": %zu, \"worst_cpu_share\": %.3f},\n",
                runs_timed, runs_starved, worst_share);
        fprintf(f, "  \"rule_load_s\": {\"median\": %.6f, \"min\": %.6f, \"loads\": %d},\n",
                load_median, load_min, loads);
        fprintf(f, "  \"throughput\": {\n");
        for (int s = 0; s < 3; s++) {
            const setres *R = &sets[s];
            fprintf(f,
                    "    \"%s\": {\"bytes\": %zu, \"docs\": %zu, \"entities\": %zu,\n"
                    "      \"facta_1\": {\"seconds\": %.6f, \"mb_s\": %.4f, \"docs_s\": %.2f},\n"
                    "      \"facta_all\": {\"threads\": %d, \"seconds\": %.6f, \"mb_s\": %.4f, "
                    "\"docs_s\": %.2f, \"speedup\": %.4f},\n"
                    "      \"icu_break\": {\"seconds\": %.6f, \"mb_s\": %.4f},\n"
                    "      \"icu_stem\": {\"seconds\": %.6f, \"mb_s\": %.4f},\n"
                    "      \"facta_vs_floor\": %.4f}%s\n",
                    R->key, R->bytes, R->docs, R->entities, R->t1, mbps(R->bytes, R->t1),
                    R->docs / R->t1, threads_all, R->tall, mbps(R->bytes, R->tall),
                    R->docs / R->tall, R->t1 / R->tall, R->ticu, mbps(R->bytes, R->ticu), R->tstem,
                    mbps(R->bytes, R->tstem), R->t1 / R->tstem, s < 2 ? "," : "");
        }
        fprintf(f, "  },\n  \"scaling_doc_size\": [\n");
        for (int i = 0; i < NSIZES; i++) {
            fprintf(f, "    {\"label\": ");
            json_str(f, sizes[i].label);
            fprintf(f,
                    ", \"bytes\": %zu, \"docs\": %zu, \"seconds\": %.6f, \"s_per_mb\": %.6f, "
                    "\"mb_s\": %.4f, \"dropped\": %zu}%s\n",
                    sizes[i].bytes, sizes[i].docs, sizes[i].t, spm(sizes[i].bytes, sizes[i].t),
                    mbps(sizes[i].bytes, sizes[i].t), sizes[i].dropped, i < NSIZES - 1 ? "," : "");
        }
        fprintf(f, "  ],\n  \"scaling_threads\": [\n");
        fprintf(f, "    {\"threads\": 1, \"seconds\": %.6f, \"mb_s\": %.4f},\n", M->t1,
                mbps(M->bytes, M->t1));
        if (threads_all != 1 && threads_all != threads4)
            fprintf(f, "    {\"threads\": %d, \"seconds\": %.6f, \"mb_s\": %.4f},\n", threads_all,
                    M->tall, mbps(M->bytes, M->tall));
        fprintf(f, "    {\"threads\": %d, \"seconds\": %.6f, \"mb_s\": %.4f}\n  ],\n", threads4,
                t_mixed_4, mbps(M->bytes, t_mixed_4));
        fprintf(f,
                "  \"scaling_lexicon\": {\"bytes\": %zu, \"generated_entries\": %zu, "
                "\"probe_hits\": %zu,\n"
                "    \"default\": {\"compile_s\": %.6f, \"seconds\": %.6f, \"s_per_mb\": %.6f},\n"
                "    \"big\": {\"compile_s\": %.6f, \"seconds\": %.6f, \"s_per_mb\": %.6f}},\n",
                slice_bytes, lex_entries, big_hits, load_min, t_def_slice,
                spm(slice_bytes, t_def_slice), big_compile, t_big_slice,
                spm(slice_bytes, t_big_slice));
        if (big_lexicon)
            fprintf(
                f,
                "  \"big_lexicon\": {\"entries\": %zu, \"ok\": %s, \"compile_s\": %.6f, "
                "\"peak_rss_mb\": %.1f, \"bytes\": %zu, \"seconds\": %.6f, \"s_per_mb\": %.6f, "
                "\"pack\": {\"ok\": %s, \"file_mb\": %.1f, \"load_s\": %.6f, "
                "\"peak_rss_mb\": %.1f, \"s_per_mb\": %.6f}},\n",
                big_lexicon, bigc.ok ? "true" : "false", bigc.load_s, bigc.rss_mb, bigc.bytes,
                bigc.run_s, spm(bigc.bytes, bigc.run_s), bigp.ok ? "true" : "false", pack_mb,
                bigp.load_s, bigp.rss_mb, spm(bigp.bytes, bigp.run_s));
        static const char *rss_key[NRSS] = {"rules_only",      "stream_small", "stream_full",
                                            "fresh_small",     "fresh_full",   "one_document_1mb",
                                            "one_document_big"};
        fprintf(f, "  \"peak_rss\": {\"threads\": %d", threads_all);
        for (int i = 0; i < NRSS; i++) {
            fprintf(f, ",\n    \"%s\": {\"label\": ", rss_key[i]);
            json_str(f, rss_label[i]);
            fprintf(f,
                    ", \"ok\": %s, \"bytes\": %zu, \"rss_mb\": %.1f, \"vmhwm_mb\": %.1f, "
                    "\"run_s\": %.6f}",
                    rss[i].ok ? "true" : "false", rss[i].bytes, rss[i].rss_mb, rss[i].hwm_mb,
                    rss[i].run_s);
        }
        fprintf(f, "},\n");
        fprintf(f, "  \"peers\": [");
        for (size_t i = 0; i < npeer_files; i++) {
            const peer *p = &peers[i];
            fprintf(f, "%s\n    {\"tool\": ", i ? "," : "");
            json_str(f, p->tool);
            fprintf(f, ", \"lang\": ");
            json_str(f, p->lang ? p->lang : "");
            if (p->reason) {
                fprintf(f, ", \"skipped\": ");
                json_str(f, p->reason);
                fputc('}', f);
                continue;
            }
            fprintf(f,
                    ", \"bytes\": %zu, \"docs\": %zu, \"peer_s\": %.6f, \"peer_mb_s\": %.5f, "
                    "\"facta_s\": %.6f, \"facta_mb_s\": %.4f, \"ratio\": %.2f, \"peer_counts\": ",
                    p->bytes, p->docs, p->peer_s, mbps(p->bytes, p->peer_s), p->facta_s,
                    mbps(p->bytes, p->facta_s), p->peer_s / p->facta_s);
            json_str(f, p->counts ? p->counts : "");
            fprintf(f, ", \"facta_counts\": ");
            json_str(f, p->facta_counts);
            fputc('}', f);
        }
        fprintf(f, "%s]\n}\n", npeer_files ? "\n  " : "");
        fclose(f);
    }

    facta_rules_free(rules);
    return 0;
}
