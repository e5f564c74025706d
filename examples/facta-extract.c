/* facta-extract.c: the batch extraction command-line program of facta.
 *
 * Reads documents (plain text files, directories, standard input, JSON Lines), extracts
 * records with one facta_extractor per worker thread over one shared facta_rules, and
 * writes them in input order as JSON Lines, TSV, CoNLL, brat standoff or one HTML page.
 *
 * Threads. The main thread reads the input and queues documents into a ring of 4*N slots;
 * N workers take documents in order and format each one's output into its slot; a writer
 * thread writes the slots strictly in input order (one write per document), reports failed
 * documents and draws the progress bar. Memory is bounded by the documents in flight.
 * SIGINT and SIGTERM are delivered to the main thread only; it stops the queue, the writer
 * finishes the document it is writing and the program exits 128 + signal.
 *
 * User documentation: docs/cli.md and docs/facta-extract.1.
 */
#define _POSIX_C_SOURCE 200809L

#include <facta.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define PROG "facta-extract"

enum { EXIT_ALL_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2 };
enum { F_JSONL, F_TSV, F_CONLL, F_BRAT, F_HTML };

#define MAX_JOBS 1024
#define BINARY_PROBE 8192 /* a NUL byte in the first 8 KB makes a file binary */

/* ---- configuration (written by main before any thread starts, then read-only) ---- */

typedef struct config {
    int format;        /* F_* */
    int input_jsonl;   /* --input jsonl */
    int explain;       /* --explain */
    int tokens;        /* --tokens */
    int quiet;         /* --quiet */
    int replace;       /* --utf8=replace */
    int progress;      /* stderr is a terminal and not --quiet */
    int jobs;          /* worker threads */
    size_t max_bytes;  /* --max-bytes */
    const char *output, *glob, *rules, *rules_add, *save_rules, *lang, *date;
    char **types; /* --types, split at commas */
    size_t ntypes;
} config;

static config C;

/* ---- small helpers ---- */

static void die_oom(void)
{
    static const char msg[] = PROG ": out of memory\n";
    ssize_t r = write(2, msg, sizeof msg - 1);
    (void)r;
    _exit(EXIT_SOME_FAILED);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die_oom();
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die_oom();
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *p = xmalloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

static double now_mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wait on `c` for at most `ms` milliseconds. */
static void cond_wait_ms(pthread_cond_t *c, pthread_mutex_t *m, long ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += ms * 1000000L;
    ts.tv_sec += ts.tv_nsec / 1000000000L;
    ts.tv_nsec %= 1000000000L;
    pthread_cond_timedwait(c, m, &ts);
}

static int ascii_casecmp(const char *a, size_t an, const char *b)
{
    size_t bn = strlen(b);
    if (an != bn)
        return 1;
    for (size_t i = 0; i < an; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'a' && x <= 'z')
            x = (unsigned char)(x - 32);
        if (y >= 'a' && y <= 'z')
            y = (unsigned char)(y - 32);
        if (x != y)
            return 1;
    }
    return 0;
}

/* Is a record of this type written (--types)? */
static int type_ok_n(const char *type, size_t n)
{
    if (!C.ntypes)
        return 1;
    for (size_t i = 0; i < C.ntypes; i++)
        if (ascii_casecmp(type, n, C.types[i]) == 0)
            return 1;
    return 0;
}

static int type_ok(const char *type)
{
    return type_ok_n(type, strlen(type));
}

/* ---- growable byte buffer: allocation failures set `oom` instead of aborting ---- */

typedef struct buf {
    char *p;
    size_t len, cap;
    int oom;
} buf;

static int buf_reserve(buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (b->cap > b->len && b->cap - b->len > extra)
        return 0; /* room for `extra` bytes and a NUL */
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= extra) {
        if (cap > SIZE_MAX / 2 || b->len > SIZE_MAX - extra - 1) {
            b->oom = 1;
            return -1;
        }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

static void buf_put(buf *b, const void *s, size_t n)
{
    if (n && !buf_reserve(b, n)) {
        memcpy(b->p + b->len, s, n);
        b->len += n;
    }
}

static void buf_putc(buf *b, char c)
{
    if (!buf_reserve(b, 1))
        b->p[b->len++] = c;
}

static void buf_puts(buf *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

static void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* NUL-terminated contents ("" when empty or out of memory). */
static const char *buf_cstr(buf *b)
{
    if (buf_reserve(b, 0))
        return "";
    b->p[b->len] = 0;
    return b->p;
}

/* Empty the buffer; give back memory over 1 MB so idle slots stay small. */
static void buf_reset(buf *b)
{
    if (b->cap > (1u << 20)) {
        free(b->p);
        b->p = NULL;
        b->cap = 0;
    }
    b->len = 0;
    b->oom = 0;
}

static void buf_free(buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

/* ---- UTF-8 ---- */

/* Length of the valid UTF-8 sequence at s[i], 0 if the byte starts none (as the library). */
static size_t u8_seq(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    size_t k;
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (!k || n - i < k)
        return 0;
    for (size_t j = 1; j < k; j++)
        if ((s[i + j] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0) ||
        (c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90))
        return 0;
    return k;
}

static void put_utf8(buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12);
        u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | cp >> 18);
        u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_put(b, u, n);
}

/* ---- escaping text for each output: invalid UTF-8 bytes always become U+FFFD ---- */

enum { ESC_NONE, ESC_JSON, ESC_TSV, ESC_HTML, ESC_FLAT };

#define REPLACEMENT "\xEF\xBF\xBD"

/* The replacement for ASCII byte c, or NULL when it is written as is. */
static const char *esc_ascii(unsigned c, int esc, char tmp[8])
{
    switch (esc) {
    case ESC_JSON:
        if (c == '"')
            return "\\\"";
        if (c == '\\')
            return "\\\\";
        if (c >= 0x20)
            return NULL;
        switch (c) {
        case '\n': return "\\n";
        case '\r': return "\\r";
        case '\t': return "\\t";
        case '\b': return "\\b";
        case '\f': return "\\f";
        default: snprintf(tmp, 8, "\\u%04x", c); return tmp;
        }
    case ESC_TSV:
        switch (c) {
        case '\\': return "\\\\";
        case '\t': return "\\t";
        case '\n': return "\\n";
        case '\r': return "\\r";
        default: return NULL;
        }
    case ESC_HTML:
        switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        case '\'': return "&#39;";
        case 0: return REPLACEMENT;
        default: return NULL;
        }
    case ESC_FLAT:
        return c == '\t' || c == '\n' || c == '\r' ? " " : NULL;
    default:
        return NULL;
    }
}

static void put_text(buf *b, const char *s, size_t n, int esc)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0, i = 0;
    char tmp[8];
    if (!n)
        return;
    while (i < n) {
        const char *rep;
        if (u[i] >= 0x80) {
            size_t k = u8_seq(u, n, i);
            if (k) {
                i += k;
                continue;
            }
            rep = REPLACEMENT;
        } else if (!(rep = esc_ascii(u[i], esc, tmp))) {
            i++;
            continue;
        }
        buf_put(b, s + run, i - run);
        buf_puts(b, rep);
        run = ++i;
    }
    buf_put(b, s + run, n - run);
}

static void put_cstr(buf *b, const char *s, int esc)
{
    put_text(b, s, strlen(s), esc);
}

static void json_str(buf *b, const char *s, size_t n)
{
    buf_putc(b, '"');
    put_text(b, s, n, ESC_JSON);
    buf_putc(b, '"');
}

/* A number as the library writes it: integers plainly, others in the shortest form that
 * reads back to the same double. */
static void json_num(buf *b, double d)
{
    if (d != d || d > 1.7976931348623157e308 || d < -1.7976931348623157e308) {
        buf_puts(b, "null");
        return;
    }
    double a = d < 0 ? -d : d;
    if (a < 9007199254740992.0 && d == (double)(long long)d) {
        buf_printf(b, "%.0f", d);
        return;
    }
    char tmp[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, d);
        if (strtod(tmp, NULL) == d)
            break;
    }
    buf_puts(b, tmp);
}

static void json_attrs(buf *b, const facta_entity *e)
{
    buf_putc(b, '{');
    for (size_t i = 0; i < e->n_attrs; i++) {
        const facta_attr *a = &e->attrs[i];
        if (i)
            buf_putc(b, ',');
        json_str(b, a->key, strlen(a->key));
        buf_putc(b, ':');
        if (a->is_number)
            json_num(b, a->number);
        else
            json_str(b, a->value, strlen(a->value));
    }
    buf_putc(b, '}');
}

/* ---- a small JSON reader: JSON Lines input and --types filtering of the library's JSON ---- */

typedef struct jr {
    const char *s;
    size_t n, i;
    const char *err; /* first error (static text) and where it happened */
    size_t err_at;
    int replace; /* lone surrogates become U+FFFD instead of an error */
} jr;

static int jr_fail(jr *r, const char *msg)
{
    if (!r->err) {
        r->err = msg;
        r->err_at = r->i;
    }
    return -1;
}

static void jr_ws(jr *r)
{
    while (r->i < r->n &&
           (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\r' || r->s[r->i] == '\n'))
        r->i++;
}

static int jr_is(jr *r, char c)
{
    return r->i < r->n && r->s[r->i] == c;
}

static int jr_expect(jr *r, char c, const char *msg)
{
    jr_ws(r);
    if (!jr_is(r, c))
        return jr_fail(r, msg);
    r->i++;
    return 0;
}

static int jr_lit(jr *r, const char *w)
{
    size_t k = strlen(w);
    if (r->n - r->i < k || memcmp(r->s + r->i, w, k) != 0)
        return jr_fail(r, "invalid literal");
    r->i += k;
    return 0;
}

static int jr_hex4(jr *r, uint32_t *out)
{
    uint32_t v = 0;
    if (r->n - r->i < 4)
        return jr_fail(r, "truncated \\u escape");
    for (int k = 0; k < 4; k++) {
        char c = r->s[r->i + (size_t)k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return jr_fail(r, "invalid \\u escape");
        v = v << 4 | (uint32_t)d;
    }
    r->i += 4;
    *out = v;
    return 0;
}

/* A string at r->i, decoded into `out` (appended); NULL only checks it. */
static int jr_string(jr *r, buf *out)
{
    if (!jr_is(r, '"'))
        return jr_fail(r, "expected a string");
    size_t run = ++r->i;
    while (r->i < r->n) {
        unsigned char c = (unsigned char)r->s[r->i];
        if (c == '"') {
            if (out)
                buf_put(out, r->s + run, r->i - run);
            r->i++;
            return 0;
        }
        if (c < 0x20)
            return jr_fail(r, "control character in a string");
        if (c != '\\') {
            r->i++;
            continue;
        }
        if (out)
            buf_put(out, r->s + run, r->i - run);
        if (++r->i >= r->n)
            break;
        c = (unsigned char)r->s[r->i++];
        uint32_t u;
        switch (c) {
        case '"': case '\\': case '/': u = c; break;
        case 'b': u = '\b'; break;
        case 'f': u = '\f'; break;
        case 'n': u = '\n'; break;
        case 'r': u = '\r'; break;
        case 't': u = '\t'; break;
        case 'u': {
            size_t at = r->i - 2;
            if (jr_hex4(r, &u))
                return -1;
            if (u >= 0xD800 && u <= 0xDBFF && r->n - r->i >= 6 && r->s[r->i] == '\\' &&
                r->s[r->i + 1] == 'u') {
                size_t save = r->i;
                uint32_t lo;
                r->i += 2;
                if (jr_hex4(r, &lo))
                    return -1;
                if (lo >= 0xDC00 && lo <= 0xDFFF)
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                else
                    r->i = save; /* a lone high surrogate; the next escape stands alone */
            }
            if (u >= 0xD800 && u <= 0xDFFF) {
                if (!r->replace) {
                    r->i = at;
                    return jr_fail(r, "lone surrogate in a \\u escape");
                }
                u = 0xFFFD;
            }
            break;
        }
        default:
            r->i--;
            return jr_fail(r, "invalid escape in a string");
        }
        if (out)
            put_utf8(out, u);
        run = r->i;
    }
    return jr_fail(r, "unterminated string");
}

static int jr_digits(jr *r)
{
    size_t a = r->i;
    while (r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '9')
        r->i++;
    return r->i > a ? 0 : jr_fail(r, "invalid number");
}

static int jr_number(jr *r)
{
    if (jr_is(r, '-'))
        r->i++;
    if (jr_is(r, '0'))
        r->i++;
    else if (jr_digits(r))
        return -1;
    if (jr_is(r, '.')) {
        r->i++;
        if (jr_digits(r))
            return -1;
    }
    if (jr_is(r, 'e') || jr_is(r, 'E')) {
        r->i++;
        if (jr_is(r, '+') || jr_is(r, '-'))
            r->i++;
        if (jr_digits(r))
            return -1;
    }
    return 0;
}

static int jr_skip(jr *r, int depth)
{
    jr_ws(r);
    if (r->i >= r->n)
        return jr_fail(r, "unexpected end of line");
    char c = r->s[r->i];
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        if (depth > 128)
            return jr_fail(r, "nesting too deep");
        r->i++;
        jr_ws(r);
        if (jr_is(r, close)) {
            r->i++;
            return 0;
        }
        for (;;) {
            if (c == '{') {
                jr_ws(r);
                if (jr_string(r, NULL) || jr_expect(r, ':', "expected ':'"))
                    return -1;
            }
            if (jr_skip(r, depth + 1))
                return -1;
            jr_ws(r);
            if (jr_is(r, ',')) {
                r->i++;
                continue;
            }
            if (jr_is(r, close)) {
                r->i++;
                return 0;
            }
            return jr_fail(r, c == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
        }
    }
    if (c == '"')
        return jr_string(r, NULL);
    if (c == 't')
        return jr_lit(r, "true");
    if (c == 'f')
        return jr_lit(r, "false");
    if (c == 'n')
        return jr_lit(r, "null");
    if (c == '-' || (c >= '0' && c <= '9'))
        return jr_number(r);
    return jr_fail(r, "unexpected character");
}

static int buf_is(const buf *b, const char *s)
{
    size_t n = strlen(s);
    return b->len == n && memcmp(b->p, s, n) == 0;
}

/* ---- documents, jobs and the queue ---- */

typedef struct doc {
    const char *src; /* input path as given ("-": standard input); owned by the input list */
    size_t name_off; /* brat: src + name_off names the output files */
    size_t line;     /* JSON Lines: 1-based line number; 0 for a text document */
    int json;        /* `text` holds the JSON line, decoded by the worker */
    char *text;      /* the document (malloc) */
    size_t len;
    char *id, *date, *lang; /* from JSON Lines (malloc) or NULL */
    size_t in_bytes;        /* input bytes it accounts for (progress and summary) */
    char err[320];          /* not empty: the document failed; the message */
} doc;

typedef struct job {
    doc d;
    int done;    /* a worker has processed it (guarded by the queue mutex) */
    size_t nrec; /* records (or tokens) in `out` */
    int clean;   /* brat: the text is valid UTF-8 (else `aux` holds it with U+FFFD) */
    buf out;     /* the formatted output */
    buf id;      /* the document id, valid UTF-8 */
    buf aux;     /* html: the types of the records written, NUL-separated; brat: text */
} job;

typedef struct queue {
    pthread_mutex_t mu;
    pthread_cond_t space; /* a slot was written (main waits) or the writer is done */
    pthread_cond_t work;  /* a document was queued (workers wait) */
    pthread_cond_t ready; /* a document was processed (the writer waits) */
    job *slots;
    size_t cap;
    size_t put, take, written; /* written <= take <= put, counted from 0 */
    int eof, stop, writer_done;
} queue;

static volatile sig_atomic_t g_signal;

static void doc_free(doc *d)
{
    free(d->text);
    free(d->id);
    free(d->date);
    free(d->lang);
    memset(d, 0, sizeof *d);
}

static void doc_fail(doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void doc_fail(doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->err, sizeof d->err, fmt, ap);
    va_end(ap);
    if (!d->err[0])
        snprintf(d->err, sizeof d->err, "failed");
}

/* Called with the mutex held: turn a received signal into a stop of the queue. */
static void queue_check_signal(queue *q)
{
    if (g_signal && !q->stop) {
        q->stop = 1;
        pthread_cond_broadcast(&q->work);
        pthread_cond_broadcast(&q->ready);
        pthread_cond_broadcast(&q->space);
    }
}

/* Move `d` into the queue (waiting for a free slot). @return -1 when the run is stopping. */
static int queue_put(queue *q, doc *d)
{
    pthread_mutex_lock(&q->mu);
    queue_check_signal(q);
    while (!q->stop && q->put - q->written >= q->cap) {
        cond_wait_ms(&q->space, &q->mu, 100);
        queue_check_signal(q);
    }
    if (q->stop) {
        pthread_mutex_unlock(&q->mu);
        doc_free(d);
        return -1;
    }
    job *j = &q->slots[q->put % q->cap];
    j->d = *d;
    j->done = 0;
    j->nrec = 0;
    j->clean = 1;
    buf_reset(&j->out);
    buf_reset(&j->id);
    buf_reset(&j->aux);
    q->put++;
    pthread_cond_signal(&q->work);
    pthread_mutex_unlock(&q->mu);
    memset(d, 0, sizeof *d);
    return 0;
}

/* ---- workers: decode, extract, format ---- */

typedef struct span_rec {
    size_t bs, be;   /* bytes */
    size_t type_off; /* into worker.types */
} span_rec;

typedef struct worker {
    pthread_t th;
    queue *q;
    facta_extractor *ex;
    buf key, tmp, types;
    span_rec *spans;
    size_t spans_cap;
    size_t *idx; /* html: kept entities; then the open-mark stack */
    size_t idx_cap;
} worker;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *np = realloc(*p, c * size);
    if (!np)
        return -1;
    *p = np;
    *cap = c;
    return 0;
}

/* Decode the JSON line held in d->text into the document fields. */
static int decode_json_doc(worker *w, doc *d)
{
    jr r = {d->text, d->len, 0, NULL, 0, C.replace};
    buf val[4] = {{0}}; /* id, text, date, lang */
    int have[4] = {0, 0, 0, 0};
    static const char *const keys[4] = {"id", "text", "date", "lang"};
    int rc = -1;

    jr_ws(&r);
    if (jr_expect(&r, '{', "expected '{'"))
        goto fail;
    jr_ws(&r);
    if (jr_is(&r, '}'))
        r.i++;
    else {
        for (;;) {
            jr_ws(&r);
            w->key.len = 0;
            if (jr_string(&r, &w->key) || jr_expect(&r, ':', "expected ':'"))
                goto fail;
            jr_ws(&r);
            int k = 0;
            while (k < 4 && !buf_is(&w->key, keys[k]))
                k++;
            if (k == 4) {
                if (jr_skip(&r, 0))
                    goto fail;
            } else if (jr_is(&r, '"')) {
                val[k].len = 0;
                if (jr_string(&r, &val[k]))
                    goto fail;
                have[k] = 1;
            } else if (jr_is(&r, 'n')) {
                if (jr_lit(&r, "null"))
                    goto fail;
                have[k] = 0;
            } else if (k == 0 && r.i < r.n &&
                       (r.s[r.i] == '-' || (r.s[r.i] >= '0' && r.s[r.i] <= '9'))) {
                size_t a = r.i;
                if (jr_number(&r))
                    goto fail;
                val[0].len = 0;
                buf_put(&val[0], r.s + a, r.i - a);
                have[0] = 1;
            } else {
                static const char *const what[4] = {
                    "\"id\" must be a string or a number", "\"text\" must be a string",
                    "\"date\" must be a string", "\"lang\" must be a string"};
                jr_fail(&r, what[k]);
                goto fail;
            }
            jr_ws(&r);
            if (jr_is(&r, ',')) {
                r.i++;
                continue;
            }
            if (jr_is(&r, '}')) {
                r.i++;
                break;
            }
            jr_fail(&r, "expected ',' or '}'");
            goto fail;
        }
    }
    jr_ws(&r);
    if (r.i < r.n) {
        jr_fail(&r, "text after the object");
        goto fail;
    }
    for (int k = 0; k < 4; k++) {
        if (val[k].oom || w->key.oom) {
            doc_fail(d, "out of memory");
            goto done;
        }
    }
    if (!have[1]) {
        doc_fail(d, "malformed JSON: no \"text\" string");
        goto done;
    }
    for (int k = 0; k < 4; k++) {
        if (k != 1 && have[k] && memchr(buf_cstr(&val[k]), 0, val[k].len)) {
            doc_fail(d, "malformed JSON: \"%s\" contains \\u0000", keys[k]);
            goto done;
        }
    }
    if (buf_cstr(&val[1]) != val[1].p) { /* "" when the NUL did not fit */
        doc_fail(d, "out of memory");
        goto done;
    }
    free(d->text);
    d->text = val[1].p;
    d->len = val[1].len;
    val[1].p = NULL;
    if (have[0]) {
        buf_cstr(&val[0]);
        d->id = val[0].p, val[0].p = NULL;
    }
    if (have[2]) {
        buf_cstr(&val[2]);
        d->date = val[2].p, val[2].p = NULL;
    }
    if (have[3]) {
        buf_cstr(&val[3]);
        d->lang = val[3].p, val[3].p = NULL;
    }
    d->json = 0;
    rc = 0;
    goto done;
fail:
    doc_fail(d, "malformed JSON at column %zu: %s", r.err_at + 1, r.err ? r.err : "error");
done:
    for (int k = 0; k < 4; k++)
        buf_free(&val[k]);
    return rc;
}

static int fail_ex(worker *w, job *j, int rc)
{
    const char *m = facta_extractor_last_error(w->ex);
    doc_fail(&j->d, "%s", m && *m ? m : facta_strerror(rc));
    return -1;
}

static void put_flags(buf *b, unsigned f, int json)
{
    static const char *const names[] = {"sent", "para", "space"};
    static const unsigned bits[] = {FACTA_TOKEN_SENT_START, FACTA_TOKEN_PARA_START,
                                    FACTA_TOKEN_SPACE_BEFORE};
    int n = 0;
    if (json)
        buf_putc(b, '[');
    for (int i = 0; i < 3; i++) {
        if (!(f & bits[i]))
            continue;
        if (n++)
            buf_putc(b, ',');
        buf_printf(b, json ? "\"%s\"" : "%s", names[i]);
    }
    if (json)
        buf_putc(b, ']');
    else if (!n)
        buf_putc(b, '-');
}

static int out_tokens(worker *w, job *j, const facta_extract_options *o)
{
    const facta_token *t;
    size_t n;
    int rc = facta_tokenize(&t, &n, w->ex, j->d.text, j->d.len, o);
    if (rc)
        return fail_ex(w, j, rc);
    buf *b = &j->out;
    const char *id = buf_cstr(&j->id);
    if (C.format == F_JSONL) {
        buf_puts(b, "{\"id\":");
        json_str(b, id, j->id.len);
        buf_puts(b, ",\"tokens\":[");
    }
    for (size_t i = 0; i < n; i++) {
        const facta_span *s = &t[i].span;
        const char *txt = j->d.text + s->byte_start;
        size_t tl = s->byte_end - s->byte_start;
        if (C.format == F_JSONL) {
            buf_puts(b, i ? ",{\"text\":" : "{\"text\":");
            json_str(b, txt, tl);
            buf_printf(b, ",\"byte_start\":%zu,\"byte_end\":%zu,\"start\":%zu,\"end\":%zu",
                       s->byte_start, s->byte_end, s->cp_start, s->cp_end);
            buf_printf(b, ",\"kind\":\"%s\",\"script\":\"%s\",\"shape\":\"%s\",\"flags\":",
                       facta_token_kind_name(t[i].kind), facta_script_name(t[i].script),
                       facta_shape_name(t[i].shape));
            put_flags(b, t[i].flags, 1);
            buf_puts(b, ",\"folded\":");
            json_str(b, t[i].folded, strlen(t[i].folded));
            buf_puts(b, ",\"stem\":");
            json_str(b, t[i].stem, strlen(t[i].stem));
            buf_putc(b, '}');
        } else {
            put_text(b, id, j->id.len, ESC_TSV);
            buf_printf(b, "\t%zu\t%zu\t%zu\t%zu\t%s\t%s\t%s\t", s->byte_start, s->byte_end,
                       s->cp_start, s->cp_end, facta_token_kind_name(t[i].kind),
                       facta_script_name(t[i].script), facta_shape_name(t[i].shape));
            put_flags(b, t[i].flags, 0);
            buf_putc(b, '\t');
            put_text(b, txt, tl, ESC_TSV);
            buf_putc(b, '\t');
            put_cstr(b, t[i].folded, ESC_TSV);
            buf_putc(b, '\t');
            put_cstr(b, t[i].stem, ESC_TSV);
            buf_putc(b, '\n');
        }
    }
    if (C.format == F_JSONL)
        buf_puts(b, "]}\n");
    j->nrec = n;
    return 0;
}

/* Copy the library's JSON to `out`, without the records (and rejected candidates) whose
 * type --types leaves out; count the records kept. */
static int filter_json(worker *w, const char *js, size_t n, buf *out, size_t *count)
{
    jr r = {js, n, 0, NULL, 0, 1};
    int wr = C.ntypes > 0, first = 1;
    *count = 0;
    if (!wr)
        buf_put(out, js, n);
    if (jr_expect(&r, '{', "expected '{'"))
        return -1;
    if (wr)
        buf_putc(out, '{');
    while (!jr_is(&r, '}')) {
        size_t ks = r.i;
        w->key.len = 0;
        if (jr_string(&r, &w->key) || jr_expect(&r, ':', "expected ':'"))
            return -1;
        int ents = buf_is(&w->key, "entities");
        if ((ents || buf_is(&w->key, "rejected")) && jr_is(&r, '[')) {
            int first_el = 1;
            r.i++;
            if (wr) {
                if (!first)
                    buf_putc(out, ',');
                buf_put(out, js + ks, r.i - ks);
            }
            while (!jr_is(&r, ']')) {
                size_t es = r.i;
                int keep = 1;
                if (jr_expect(&r, '{', "expected '{'"))
                    return -1;
                while (!jr_is(&r, '}')) {
                    w->key.len = 0;
                    if (jr_string(&r, &w->key) || jr_expect(&r, ':', "expected ':'"))
                        return -1;
                    if (buf_is(&w->key, "type")) {
                        w->tmp.len = 0;
                        if (jr_string(&r, &w->tmp))
                            return -1;
                        keep = type_ok_n(w->tmp.p ? w->tmp.p : "", w->tmp.len);
                    } else if (jr_skip(&r, 1)) {
                        return -1;
                    }
                    if (jr_is(&r, ','))
                        r.i++;
                    else if (!jr_is(&r, '}'))
                        return jr_fail(&r, "expected ',' or '}'");
                }
                r.i++;
                if (keep) {
                    *count += (size_t)ents;
                    if (wr) {
                        if (!first_el)
                            buf_putc(out, ',');
                        buf_put(out, js + es, r.i - es);
                    }
                    first_el = 0;
                }
                if (jr_is(&r, ','))
                    r.i++;
                else if (!jr_is(&r, ']'))
                    return jr_fail(&r, "expected ',' or ']'");
            }
            r.i++;
            if (wr)
                buf_putc(out, ']');
        } else {
            if (jr_skip(&r, 0))
                return -1;
            if (wr) {
                if (!first)
                    buf_putc(out, ',');
                buf_put(out, js + ks, r.i - ks);
            }
        }
        first = 0;
        if (jr_is(&r, ','))
            r.i++;
        else if (!jr_is(&r, '}'))
            return jr_fail(&r, "expected ',' or '}'");
    }
    if (wr)
        buf_putc(out, '}');
    return w->key.oom || w->tmp.oom ? -1 : 0;
}

static int out_jsonl(worker *w, job *j, const facta_extract_options *o)
{
    const char *js;
    size_t jl;
    int rc = facta_extract_json(&js, &jl, w->ex, buf_cstr(&j->id), j->d.text, j->d.len, o);
    if (rc)
        return fail_ex(w, j, rc);
    if (filter_json(w, js, jl, &j->out, &j->nrec)) {
        doc_fail(&j->d, "%s", w->key.oom || w->tmp.oom ? "out of memory"
                                                        : "unexpected JSON from the library");
        return -1;
    }
    buf_putc(&j->out, '\n');
    return 0;
}

static int out_tsv(worker *w, job *j, const facta_entity *e, size_t n)
{
    buf *b = &j->out;
    for (size_t i = 0; i < n; i++, e++) {
        if (!type_ok(e->type))
            continue;
        put_text(b, j->id.p, j->id.len, ESC_TSV);
        buf_putc(b, '\t');
        put_cstr(b, e->type, ESC_TSV);
        buf_printf(b, "\t%zu\t%zu\t", e->span.cp_start, e->span.cp_end);
        put_text(b, j->d.text + e->span.byte_start, e->span.byte_end - e->span.byte_start,
                 ESC_TSV);
        buf_putc(b, '\t');
        put_cstr(b, e->norm, ESC_TSV);
        buf_putc(b, '\t');
        json_attrs(b, e);
        if (C.explain) {
            buf_putc(b, '\t');
            put_cstr(b, e->rule ? e->rule : "", ESC_TSV);
        }
        buf_putc(b, '\n');
        j->nrec++;
    }
    return 0;
}

static int out_conll(worker *w, job *j, const facta_entity *e, size_t n,
                     const facta_extract_options *o)
{
    size_t ns = 0, last_end = 0;
    w->types.len = 0;
    /* greedy: records come sorted by start, longer first; keep those that do not overlap */
    for (size_t i = 0; i < n; i++, e++) {
        if (!type_ok(e->type) || e->span.byte_end <= e->span.byte_start ||
            (ns && e->span.byte_start < last_end))
            continue;
        if (grow((void **)&w->spans, &w->spans_cap, ns + 1, sizeof *w->spans)) {
            doc_fail(&j->d, "out of memory");
            return -1;
        }
        w->spans[ns].bs = e->span.byte_start;
        w->spans[ns].be = e->span.byte_end;
        w->spans[ns].type_off = w->types.len;
        buf_put(&w->types, e->type, strlen(e->type) + 1);
        last_end = e->span.byte_end;
        ns++;
    }
    if (w->types.oom) {
        doc_fail(&j->d, "out of memory");
        return -1;
    }
    j->nrec = ns;
    const facta_token *t; /* this call ends the life of the records */
    size_t nt;
    int rc = facta_tokenize(&t, &nt, w->ex, j->d.text, j->d.len, o);
    if (rc)
        return fail_ex(w, j, rc);
    buf *b = &j->out;
    buf_puts(b, "-DOCSTART- ");
    put_text(b, j->id.p, j->id.len, ESC_FLAT);
    buf_puts(b, "\n\n");
    size_t k = 0;
    int inside = 0;
    for (size_t i = 0; i < nt; i++) {
        const facta_span *s = &t[i].span;
        if (i && (t[i].flags & FACTA_TOKEN_SENT_START))
            buf_putc(b, '\n');
        while (k < ns && w->spans[k].be <= s->byte_start)
            k++, inside = 0;
        put_text(b, j->d.text + s->byte_start, s->byte_end - s->byte_start, ESC_FLAT);
        if (k < ns && s->byte_start >= w->spans[k].bs) {
            buf_puts(b, inside ? "\tI-" : "\tB-");
            buf_puts(b, w->types.p + w->spans[k].type_off);
            buf_putc(b, '\n');
            inside = 1;
        } else {
            buf_puts(b, "\tO\n");
        }
    }
    if (nt)
        buf_putc(b, '\n');
    return 0;
}

/* A one-line note: norm, attributes and (--explain) the rule. */
static void put_note(buf *b, const facta_entity *e, int esc, const char *sep)
{
    buf_puts(b, "norm: ");
    put_cstr(b, e->norm, esc);
    for (size_t i = 0; i < e->n_attrs; i++) {
        buf_puts(b, sep);
        put_cstr(b, e->attrs[i].key, esc);
        buf_puts(b, ": ");
        put_cstr(b, e->attrs[i].value, esc);
    }
    if (C.explain && e->rule) {
        buf_puts(b, sep);
        buf_puts(b, "rule: ");
        put_cstr(b, e->rule, esc);
    }
}

static int out_brat(worker *w, job *j, const facta_entity *e, size_t n)
{
    buf *b = &j->out, *txt = &w->tmp;
    const unsigned char *u = (const unsigned char *)j->d.text;
    size_t t = 0, note = 0;
    if (!C.output) {
        buf_puts(b, "==> ");
        put_text(b, j->id.p, j->id.len, ESC_FLAT);
        buf_puts(b, " <==\n");
    }
    for (size_t i = 0; i < n; i++, e++) {
        if (!type_ok(e->type))
            continue;
        /* brat spans cannot cross a line: split at line breaks into fragments */
        size_t cp = e->span.cp_start, p = e->span.byte_start, fs = 0, mark = b->len;
        int open = 0, nfrag = 0;
        txt->len = 0;
        buf_printf(b, "T%zu\t", t + 1);
        put_cstr(b, e->type, ESC_FLAT);
        while (p < e->span.byte_end) {
            size_t k = u8_seq(u, e->span.byte_end, p);
            k = k ? k : 1;
            if (u[p] == '\n' || u[p] == '\r') {
                if (open)
                    buf_printf(b, "%s%zu %zu", nfrag++ ? ";" : " ", fs, cp);
                open = 0;
            } else {
                if (!open) {
                    fs = cp;
                    open = 1;
                    if (txt->len)
                        buf_putc(txt, ' ');
                }
                put_text(txt, j->d.text + p, k, ESC_FLAT);
            }
            p += k;
            cp++;
        }
        if (open)
            buf_printf(b, "%s%zu %zu", nfrag++ ? ";" : " ", fs, cp);
        if (!nfrag) { /* nothing but line breaks */
            b->len = mark;
            continue;
        }
        t++;
        buf_putc(b, '\t');
        buf_put(b, txt->p, txt->len);
        buf_printf(b, "\n#%zu\tAnnotatorNotes T%zu\t", ++note, t);
        put_note(b, e, ESC_FLAT, "; ");
        buf_putc(b, '\n');
        j->nrec++;
    }
    if (txt->oom) {
        doc_fail(&j->d, "out of memory");
        return -1;
    }
    if (C.output && !facta_utf8_valid(j->d.text, j->d.len, NULL)) {
        j->clean = 0;
        put_text(&j->aux, j->d.text, j->d.len, ESC_NONE);
    }
    return 0;
}

/* ---- html ---- */

static const struct {
    const char *type, *color;
} TYPE_COLORS[] = {
    {"PERSON", "#aa9cfc"}, {"ROLE", "#f4b6d2"}, {"PLACE", "#feca74"}, {"ORG", "#7aecec"},
    {"DATE", "#bfe1d9"},   {"FIGURE", "#e4e7d2"}, {"MONEY", "#c7e59c"}, {"EVENT", "#ffeb80"},
};

/* A colour per type: fixed for the usual ones, else a hue from the name. */
static void put_color(buf *b, const char *type)
{
    for (size_t i = 0; i < sizeof TYPE_COLORS / sizeof TYPE_COLORS[0]; i++) {
        if (strcmp(TYPE_COLORS[i].type, type) == 0) {
            buf_puts(b, TYPE_COLORS[i].color);
            return;
        }
    }
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)type; *p; p++)
        h = (h ^ *p) * 16777619u;
    buf_printf(b, "hsl(%u,70%%,82%%)", (unsigned)(h % 360));
}

static void html_open(buf *b, const facta_entity *e)
{
    buf_puts(b, "<mark class=\"e\" data-type=\"");
    put_cstr(b, e->type, ESC_HTML);
    buf_puts(b, "\" style=\"background:");
    put_color(b, e->type);
    buf_puts(b, "\" title=\"");
    put_cstr(b, e->type, ESC_HTML);
    buf_puts(b, "&#10;");
    put_note(b, e, ESC_HTML, "&#10;");
    buf_puts(b, "\">");
}

static void html_close(buf *b, const facta_entity *e)
{
    buf_puts(b, "<span class=\"lbl\">");
    put_cstr(b, e->type, ESC_HTML);
    buf_puts(b, "</span></mark>");
}

static int out_html(worker *w, job *j, const facta_entity *e, size_t n)
{
    buf *b = &j->out;
    const char *text = j->d.text;
    size_t nk = 0, depth = 0, pos = 0;
    if (grow((void **)&w->idx, &w->idx_cap, n + 1, sizeof *w->idx)) {
        doc_fail(&j->d, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (type_ok(e[i].type) && e[i].span.byte_end > e[i].span.byte_start &&
            e[i].span.byte_end <= j->d.len)
            w->idx[nk++] = i;
    buf_puts(b, "<section class=\"doc\"><h2>");
    put_text(b, j->id.p, j->id.len, ESC_HTML);
    buf_printf(b, " <small>%zu record%s</small></h2>\n<div class=\"text\">", nk,
               nk == 1 ? "" : "s");
    /* marks nest: a record inside an open one nests, one crossing its end is left out; the
     * stack reuses idx[] below the read position (depth <= entries read so far) */
    for (size_t r = 0; r < nk; r++) {
        const facta_entity *x = &e[w->idx[r]];
        while (depth && e[w->idx[depth - 1]].span.byte_end <= x->span.byte_start) {
            const facta_entity *top = &e[w->idx[--depth]];
            put_text(b, text + pos, top->span.byte_end - pos, ESC_HTML);
            pos = top->span.byte_end;
            html_close(b, top);
        }
        if ((depth && x->span.byte_end > e[w->idx[depth - 1]].span.byte_end) ||
            x->span.byte_start < pos)
            continue;
        put_text(b, text + pos, x->span.byte_start - pos, ESC_HTML);
        pos = x->span.byte_start;
        html_open(b, x);
        buf_put(&j->aux, x->type, strlen(x->type) + 1);
        w->idx[depth++] = w->idx[r];
        j->nrec++;
    }
    while (depth) {
        const facta_entity *top = &e[w->idx[--depth]];
        put_text(b, text + pos, top->span.byte_end - pos, ESC_HTML);
        pos = top->span.byte_end;
        html_close(b, top);
    }
    put_text(b, text + pos, j->d.len - pos, ESC_HTML);
    buf_puts(b, "</div></section>\n");
    return 0;
}

static void process_job(worker *w, job *j)
{
    doc *d = &j->d;
    if (d->err[0])
        return;
    if (d->json && decode_json_doc(w, d))
        return;
    if (d->len > C.max_bytes) {
        doc_fail(d, "document of %zu bytes is over the limit of %zu (--max-bytes)", d->len,
                 C.max_bytes);
        return;
    }
    /* the id: the path given, the JSON "id", else "path:line"; always valid UTF-8 */
    if (d->id)
        put_cstr(&j->id, d->id, ESC_NONE);
    else if (d->line)
        buf_printf(&j->id, "%s:%zu", d->src, d->line);
    else
        put_cstr(&j->id, d->src, ESC_NONE);
    buf_cstr(&j->id);

    facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
    o.lang = d->lang ? d->lang : C.lang;
    o.doc_date = d->date ? d->date : C.date;
    o.flags = (C.replace ? FACTA_EXTRACT_REPLACE_INVALID : 0u) |
              (C.explain ? FACTA_EXTRACT_EXPLAIN : 0u);
    int rc = 0;
    if (C.tokens) {
        rc = out_tokens(w, j, &o);
    } else if (C.format == F_JSONL) {
        rc = out_jsonl(w, j, &o);
    } else {
        const facta_entity *e;
        size_t n;
        int x = facta_extract(&e, &n, w->ex, d->text, d->len, &o);
        if (x)
            rc = fail_ex(w, j, x);
        else if (C.format == F_TSV)
            rc = out_tsv(w, j, e, n);
        else if (C.format == F_CONLL)
            rc = out_conll(w, j, e, n, &o);
        else if (C.format == F_BRAT)
            rc = out_brat(w, j, e, n);
        else
            rc = out_html(w, j, e, n);
    }
    if (!rc && (j->out.oom || j->id.oom || j->aux.oom))
        doc_fail(d, "out of memory");
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    queue *q = w->q;
    pthread_mutex_lock(&q->mu);
    for (;;) {
        while (!q->stop && !q->eof && q->take == q->put)
            pthread_cond_wait(&q->work, &q->mu);
        if (q->stop || q->take == q->put)
            break;
        job *j = &q->slots[q->take++ % q->cap];
        pthread_mutex_unlock(&q->mu);
        process_job(w, j);
        pthread_mutex_lock(&q->mu);
        j->done = 1;
        pthread_cond_signal(&q->ready);
    }
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

/* ---- the writer: output in input order, messages, progress ---- */

typedef struct legend_item {
    char *type;
    size_t count;
} legend_item;

typedef struct writer {
    pthread_t th;
    queue *q;
    int fd;
    size_t docs, recs, failed, bytes;
    int broken;    /* the reader of the output went away (EPIPE) */
    int werr;      /* another write error (reported) */
    double t0, last_draw;
    int drawn;     /* the progress line is on screen */
    int out_tty;   /* the output is a terminal too: clear the progress line before writing */
    long long total; /* input bytes when known, else -1 */
    legend_item *legend;
    size_t nlegend;
    char **names; /* brat: file names used (open addressing) */
    size_t names_cap, nnames;
} writer;

static void progress_clear(writer *wr)
{
    if (wr->drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        wr->drawn = 0;
    }
}

static void progress_draw(writer *wr, int force)
{
    double now = now_mono();
    if (!C.progress || (!force && now - wr->last_draw < 0.1))
        return;
    wr->last_draw = now;
    double t = now - wr->t0, mb = (double)wr->bytes / 1e6, rate = t > 0 ? mb / t : 0;
    char line[200];
    int k = snprintf(line, sizeof line, "\r%zu documents, %.1f MB, %.1f MB/s", wr->docs, mb, rate);
    if (wr->total > 0 && rate > 0 && k > 0 && (size_t)k < sizeof line) {
        double left = (double)wr->total / 1e6 - mb;
        long eta = left > 0 ? (long)(left / rate + 0.5) : 0;
        int pct = (int)(100.0 * (double)wr->bytes / (double)wr->total);
        k += snprintf(line + k, sizeof line - (size_t)k, ", %d%%, ETA %ld:%02ld:%02ld",
                      pct > 100 ? 100 : pct, eta / 3600, eta / 60 % 60, eta % 60);
    }
    if (wr->failed && k > 0 && (size_t)k < sizeof line)
        k += snprintf(line + k, sizeof line - (size_t)k, ", %zu failed", wr->failed);
    fprintf(stderr, "%s\033[K", line);
    fflush(stderr);
    wr->drawn = 1;
}

static void out_write(writer *wr, const char *p, size_t n)
{
    while (n && !wr->broken && !wr->werr) {
        ssize_t k = write(wr->fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EPIPE) {
                wr->broken = 1;
            } else {
                wr->werr = errno;
                progress_clear(wr);
                fprintf(stderr, PROG ": write error: %s\n", strerror(errno));
            }
            return;
        }
        p += k;
        n -= (size_t)k;
    }
}

static const char *display_name(const char *src)
{
    return strcmp(src, "-") == 0 ? "<stdin>" : src;
}

static void report(writer *wr, const doc *d, const char *msg)
{
    progress_clear(wr);
    if (d->line)
        fprintf(stderr, PROG ": %s:%zu: %s\n", display_name(d->src), d->line, msg);
    else
        fprintf(stderr, PROG ": %s: %s\n", display_name(d->src), msg);
}

static size_t hash_str(const char *s)
{
    size_t h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

/* Add a brat file name. @return 1 when added, 0 when already used */
static int names_add(writer *wr, const char *name)
{
    if (2 * (wr->nnames + 1) > wr->names_cap) {
        size_t cap = wr->names_cap ? wr->names_cap * 2 : 256;
        char **ns = xmalloc(cap * sizeof *ns);
        memset(ns, 0, cap * sizeof *ns);
        for (size_t i = 0; i < wr->names_cap; i++) {
            if (!wr->names[i])
                continue;
            size_t h = hash_str(wr->names[i]) & (cap - 1);
            while (ns[h])
                h = (h + 1) & (cap - 1);
            ns[h] = wr->names[i];
        }
        free(wr->names);
        wr->names = ns;
        wr->names_cap = cap;
    }
    size_t h = hash_str(name) & (wr->names_cap - 1);
    while (wr->names[h]) {
        if (strcmp(wr->names[h], name) == 0)
            return 0;
        h = (h + 1) & (wr->names_cap - 1);
    }
    wr->names[h] = xstrdup(name);
    wr->nnames++;
    return 1;
}

/* A file name for the document: for a file, its base name (or its path below the directory
 * given) without the extension; else the id; characters other than letters, digits, '-', '_'
 * and '.' become '_'; "-2", "-3", ... make it unique within the run. */
static void brat_name(writer *wr, const job *j, char *out, size_t outsz)
{
    const char *s = j->id.p ? j->id.p : "";
    size_t n;
    if (!j->d.line && !j->d.id) { /* a file: its name below the directory, no extension */
        s = j->d.src + j->d.name_off;
        const char *slash = strrchr(s, '/'), *dot = strrchr(s, '.');
        const char *base = slash ? slash + 1 : s;
        n = dot && dot > base ? (size_t)(dot - s) : strlen(s);
    } else {
        n = strlen(s);
    }
    size_t k = 0, lim = outsz > 32 ? outsz - 32 : 1;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c >= 0x80 ? u8_seq((const unsigned char *)s, n, i) : 1;
        if (k + (len ? len : 1) > lim)
            break;
        if (len > 1) { /* whole characters only */
            memcpy(out + k, s + i, len);
            k += len;
            i += len;
            continue;
        }
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.';
        out[k++] = ok ? (char)c : '_';
        i++;
    }
    out[k] = 0;
    if (!k)
        snprintf(out, outsz, "doc");
    if (out[0] == '.')
        out[0] = '_';
    size_t base_len = strlen(out);
    for (unsigned long dup = 2; !names_add(wr, out); dup++)
        snprintf(out + base_len, outsz - base_len, "-%lu", dup);
}

static int write_file(const char *path, const char *p, size_t n, char *err, size_t errsz)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        goto fail;
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            int e = errno;
            close(fd);
            errno = e;
            goto fail;
        }
        p += k;
        n -= (size_t)k;
    }
    if (close(fd) == 0)
        return 0;
fail:
    snprintf(err, errsz, "cannot write %s: %s", path, strerror(errno));
    return -1;
}

static int brat_files(writer *wr, job *j)
{
    char name[256], err[320];
    size_t dl = strlen(C.output);
    char *path = xmalloc(dl + sizeof name + 8);
    int rc = -1;
    brat_name(wr, j, name, sizeof name);
    sprintf(path, "%s/%s.txt", C.output, name);
    if (write_file(path, j->clean ? j->d.text : j->aux.p, j->clean ? j->d.len : j->aux.len, err,
                   sizeof err))
        goto fail;
    sprintf(path, "%s/%s.ann", C.output, name);
    if (write_file(path, j->out.p, j->out.len, err, sizeof err))
        goto fail;
    rc = 0;
    goto done;
fail:
    report(wr, &j->d, err);
done:
    free(path);
    return rc;
}

static void legend_add(writer *wr, const buf *types)
{
    for (size_t p = 0; p < types->len; p += strlen(types->p + p) + 1) {
        const char *t = types->p + p;
        size_t i = 0;
        while (i < wr->nlegend && strcmp(wr->legend[i].type, t) != 0)
            i++;
        if (i == wr->nlegend) {
            wr->legend = xrealloc(wr->legend, (wr->nlegend + 1) * sizeof *wr->legend);
            wr->legend[i].type = xstrdup(t);
            wr->legend[i].count = 0;
            wr->nlegend++;
        }
        wr->legend[i].count++;
    }
}

static void emit_job(writer *wr, job *j)
{
    wr->docs++;
    wr->bytes += j->d.in_bytes;
    if (j->d.err[0]) {
        report(wr, &j->d, j->d.err);
        wr->failed++;
        return;
    }
    if (C.format == F_BRAT && C.output && !C.tokens) {
        if (brat_files(wr, j)) {
            wr->failed++;
            return;
        }
    } else {
        if (wr->out_tty)
            progress_clear(wr);
        out_write(wr, j->out.p, j->out.len);
    }
    if (C.format == F_HTML)
        legend_add(wr, &j->aux);
    wr->recs += j->nrec;
}

static const char HTML_HEAD[] =
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
    "<title>facta-extract</title>\n<style>\n"
    "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;"
    "background:#f6f6f4;color:#222}\n"
    "header{padding:14px 24px;background:#fff;border-bottom:1px solid #ddd}\n"
    "h1{font-size:20px;margin:0}header p{margin:4px 0 0;color:#666;font-size:13px}\n"
    "main{padding:4px 24px 96px;max-width:1000px;margin-right:300px}\n"
    ".doc{background:#fff;border:1px solid #e2e2e2;border-radius:6px;margin:16px 0;"
    "padding:8px 18px 14px}\n"
    ".doc h2{font-size:13px;color:#444;margin:6px 0 8px;word-break:break-all}\n"
    ".doc h2 small{font-weight:normal;color:#888;margin-left:6px}\n"
    ".text{white-space:pre-wrap;line-height:2.5}\n"
    "mark.e{color:inherit;padding:3px 5px;margin:0 1px;border-radius:5px;cursor:help;"
    "-webkit-box-decoration-break:clone;box-decoration-break:clone}\n"
    "mark.e .lbl{font-size:10px;font-weight:bold;letter-spacing:.5px;margin-left:5px;"
    "vertical-align:middle;opacity:.7}\n"
    "mark.e.off{background:none!important;cursor:auto}mark.e.off>.lbl{display:none}\n"
    ".legend{position:fixed;top:10px;right:10px;max-width:280px;background:#fff;"
    "border:1px solid #ddd;border-radius:6px;padding:6px 8px;font-size:12px;"
    "box-shadow:0 1px 4px rgba(0,0,0,.1)}\n"
    ".legend b{display:block;margin:0 2px 4px}\n"
    ".legend button{border:0;border-radius:4px;margin:2px;padding:2px 7px;font:inherit;"
    "cursor:pointer}\n.legend button.off{opacity:.35}\n"
    "footer{color:#777;font-size:13px;padding:0 24px 24px}\n"
    "@media (max-width:800px){main{margin-right:0}.legend{position:static;max-width:none;"
    "margin:0 24px 16px}}\n"
    "</style></head>\n<body>\n<header><h1>facta-extract</h1><p>Hover over a highlighted "
    "span for its norm and attributes; click a type in the legend to hide it.</p></header>\n"
    "<main>\n";

static void html_foot(writer *wr)
{
    buf b = {0};
    buf_puts(&b, "</main>\n<nav class=\"legend\"><b>Legend</b>");
    for (size_t i = 0; i < wr->nlegend; i++) {
        buf_puts(&b, "<button type=\"button\" data-type=\"");
        put_cstr(&b, wr->legend[i].type, ESC_HTML);
        buf_puts(&b, "\" style=\"background:");
        put_color(&b, wr->legend[i].type);
        buf_puts(&b, "\">");
        put_cstr(&b, wr->legend[i].type, ESC_HTML);
        buf_printf(&b, " %zu</button>", wr->legend[i].count);
    }
    if (!wr->nlegend)
        buf_puts(&b, "no records");
    buf_printf(&b, "</nav>\n<footer>%zu documents, %zu records, %zu failed; facta %s</footer>\n",
               wr->docs, wr->recs, wr->failed, facta_version());
    buf_puts(&b, "<script>\n"
                 "document.querySelectorAll('.legend button').forEach(function(b){\n"
                 "  b.addEventListener('click',function(){\n"
                 "    var off=b.classList.toggle('off');\n"
                 "    document.querySelectorAll('mark.e').forEach(function(m){\n"
                 "      if(m.getAttribute('data-type')===b.getAttribute('data-type'))"
                 "m.classList.toggle('off',off);});});});\n"
                 "</script>\n</body></html>\n");
    if (b.oom)
        die_oom();
    out_write(wr, b.p, b.len);
    buf_free(&b);
}

static void *writer_main(void *arg)
{
    writer *wr = arg;
    queue *q = wr->q;
    if (C.format == F_HTML && !C.tokens)
        out_write(wr, HTML_HEAD, sizeof HTML_HEAD - 1);
    if (C.format == F_TSV) {
        const char *h = C.tokens ? "id\tbyte_start\tbyte_end\tcp_start\tcp_end\tkind\tscript"
                                   "\tshape\tflags\ttext\tfolded\tstem\n"
                        : C.explain ? "id\ttype\tstart\tend\ttext\tnorm\tattrs\trule\n"
                                    : "id\ttype\tstart\tend\ttext\tnorm\tattrs\n";
        out_write(wr, h, strlen(h));
    }
    pthread_mutex_lock(&q->mu);
    for (;;) {
        while (!q->stop && !(q->eof && q->written == q->put) &&
               !(q->written < q->put && q->slots[q->written % q->cap].done)) {
            if (C.progress) {
                cond_wait_ms(&q->ready, &q->mu, 100);
                pthread_mutex_unlock(&q->mu);
                progress_draw(wr, 0);
                pthread_mutex_lock(&q->mu);
            } else {
                pthread_cond_wait(&q->ready, &q->mu);
            }
        }
        if (q->stop || q->written == q->put)
            break;
        job *j = &q->slots[q->written % q->cap];
        pthread_mutex_unlock(&q->mu);
        emit_job(wr, j);
        doc_free(&j->d);
        progress_draw(wr, 0);
        pthread_mutex_lock(&q->mu);
        j->done = 0;
        q->written++;
        pthread_cond_signal(&q->space);
        if (wr->broken || wr->werr) {
            q->stop = 1;
            pthread_cond_broadcast(&q->work);
        }
    }
    pthread_mutex_unlock(&q->mu);
    if (C.format == F_HTML && !C.tokens)
        html_foot(wr);
    progress_clear(wr);
    pthread_mutex_lock(&q->mu);
    q->writer_done = 1;
    pthread_cond_broadcast(&q->space);
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

/* ---- inputs: paths from the command line, directories walked and sorted ---- */

typedef struct input {
    char *path;      /* as given or found; "-" is standard input */
    size_t name_off; /* the base name, or the path below the directory given */
    long long size;  /* bytes, -1 when unknown */
    int err;         /* errno: the path cannot be read (reported in order) */
} input;

typedef struct inputs {
    input *v;
    size_t n, cap;
} inputs;

static void inputs_add(inputs *in, char *path, long long size, int err)
{
    const char *slash = strrchr(path, '/');
    if (in->n == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 16;
        in->v = xrealloc(in->v, in->cap * sizeof *in->v);
    }
    in->v[in->n].path = path;
    in->v[in->n].size = size;
    in->v[in->n].err = err;
    in->v[in->n].name_off = slash && slash[1] ? (size_t)(slash + 1 - path) : 0;
    in->n++;
}

static char *path_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    int slash = a && dir[a - 1] != '/';
    char *p = xmalloc(a + (size_t)slash + b + 1);
    memcpy(p, dir, a);
    if (slash)
        p[a] = '/';
    memcpy(p + a + (size_t)slash, name, b + 1);
    return p;
}

/* Collect the files under `dir` whose base name matches --glob; symbolic links to files are
 * followed, those to directories are not. */
static void walk(inputs *in, const char *dir, const char *glob)
{
    DIR *d = opendir(dir);
    if (!d) {
        inputs_add(in, xstrdup(dir), -1, errno);
        return;
    }
    struct dirent *de;
    for (;;) {
        errno = 0;
        if (!(de = readdir(d))) {
            if (errno)
                inputs_add(in, xstrdup(dir), -1, errno);
            break;
        }
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char *p = path_join(dir, de->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(in, p, glob);
            free(p);
            continue;
        }
        if (fnmatch(glob, de->d_name, 0) != 0) {
            free(p);
            continue;
        }
        if (stat(p, &st) != 0)
            inputs_add(in, p, -1, errno);
        else if (S_ISREG(st.st_mode))
            inputs_add(in, p, (long long)st.st_size, 0);
        else
            free(p); /* directories behind links, FIFOs, devices */
    }
    closedir(d);
}

static int cmp_input(const void *a, const void *b)
{
    return strcmp(((const input *)a)->path, ((const input *)b)->path);
}

static void collect_inputs(inputs *in, int argc, char **argv)
{
    const char *glob = C.glob ? C.glob : C.input_jsonl ? "*.jsonl" : "*.txt";
    if (argc == 0) {
        struct stat st;
        long long size = fstat(0, &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
        inputs_add(in, xstrdup("-"), size, 0);
        return;
    }
    for (int i = 0; i < argc; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") == 0) {
            long long sz = fstat(0, &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
            inputs_add(in, xstrdup("-"), sz, 0);
        } else if (stat(argv[i], &st) != 0) {
            inputs_add(in, xstrdup(argv[i]), -1, errno);
        } else if (S_ISDIR(st.st_mode)) {
            size_t from = in->n, root = strlen(argv[i]);
            walk(in, argv[i], glob);
            qsort(in->v + from, in->n - from, sizeof *in->v, cmp_input);
            for (size_t k = from; k < in->n; k++) /* name files by their path below the root */
                if (strlen(in->v[k].path) > root)
                    in->v[k].name_off = root + (in->v[k].path[root] == '/');
        } else {
            inputs_add(in, xstrdup(argv[i]), S_ISREG(st.st_mode) ? (long long)st.st_size : -1, 0);
        }
    }
}

/* ---- the producer (main thread) ---- */

/* read() that retries on EINTR unless a signal asked us to stop. */
static ssize_t read_some(int fd, char *p, size_t n)
{
    for (;;) {
        ssize_t k = read(fd, p, n);
        if (k >= 0 || errno != EINTR || g_signal)
            return k;
    }
}

/* Read one text document. @return 0 (d filled, maybe failed), -1 when interrupted */
static int read_text_doc(const input *it, doc *d)
{
    int fd = 0, rc = 0;
    size_t cap, len = 0;
    char *p = NULL;
    struct stat st;
    memset(d, 0, sizeof *d);
    d->src = it->path;
    d->name_off = it->name_off;
    if (strcmp(it->path, "-") != 0 && (fd = open(it->path, O_RDONLY | O_CLOEXEC)) < 0) {
        if (errno == EINTR && g_signal)
            return -1;
        doc_fail(d, "%s", strerror(errno));
        return 0;
    }
    int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (regular) {
        d->in_bytes = (size_t)st.st_size;
        if ((unsigned long long)st.st_size > C.max_bytes) {
            doc_fail(d, "file of %lld bytes is over the limit of %zu (--max-bytes)",
                     (long long)st.st_size, C.max_bytes);
            goto done;
        }
    }
    cap = regular ? (size_t)st.st_size + 1 : 65536;
    if (cap > C.max_bytes + 1)
        cap = C.max_bytes + 1;
    if (!(p = malloc(cap))) {
        doc_fail(d, "out of memory");
        goto done;
    }
    for (;;) {
        if (len == cap) { /* len <= max_bytes here, so cap < max_bytes + 1 */
            size_t ncap = cap * 2 > C.max_bytes + 1 ? C.max_bytes + 1 : cap * 2;
            char *np = realloc(p, ncap);
            if (!np) {
                doc_fail(d, "out of memory");
                goto done;
            }
            p = np;
            cap = ncap;
        }
        ssize_t k = read_some(fd, p + len, cap - len);
        if (k < 0) {
            if (g_signal) {
                rc = -1;
                goto done;
            }
            doc_fail(d, "%s", strerror(errno));
            goto done;
        }
        if (k == 0)
            break;
        len += (size_t)k;
        if (len > C.max_bytes) {
            doc_fail(d, "document of more than %zu bytes is over the limit (--max-bytes)",
                     C.max_bytes);
            goto done;
        }
    }
    d->in_bytes = len;
    const char *nul = memchr(p, 0, len < BINARY_PROBE ? len : BINARY_PROBE);
    if (nul) {
        doc_fail(d, "binary file (NUL byte at offset %zu)", (size_t)(nul - p));
        goto done;
    }
    d->text = p;
    d->len = len;
    p = NULL;
done:
    free(p);
    if (fd != 0)
        close(fd);
    return rc;
}

/* Queue every line of a JSON Lines input. @return -1 when the run is stopping */
static int produce_jsonl(queue *q, const input *it)
{
    int fd = 0, rc = 0, skipping = 0;
    size_t lineno = 1, line_bytes = 0, clen = 0, cpos = 0;
    /* a line may spend up to 6 bytes (\u0001) per byte of text */
    size_t limit = C.max_bytes < (SIZE_MAX - 65536) / 6 ? C.max_bytes * 6 + 65536 : SIZE_MAX / 2;
    buf line = {0};
    char *chunk = xmalloc(1 << 16);
    doc d;
    if (strcmp(it->path, "-") != 0 && (fd = open(it->path, O_RDONLY | O_CLOEXEC)) < 0) {
        memset(&d, 0, sizeof d);
        d.src = it->path;
        doc_fail(&d, "%s", strerror(errno));
        rc = errno == EINTR && g_signal ? -1 : queue_put(q, &d);
        goto done;
    }
    for (;;) {
        int eof = 0;
        if (cpos == clen) {
            ssize_t k = read_some(fd, chunk, 1 << 16);
            if (k < 0) {
                if (g_signal) {
                    rc = -1;
                    goto done;
                }
                memset(&d, 0, sizeof d);
                d.src = it->path;
                d.line = lineno;
                doc_fail(&d, "%s", strerror(errno));
                rc = queue_put(q, &d);
                goto done;
            }
            clen = (size_t)k;
            cpos = 0;
            eof = k == 0;
        }
        const char *nl = eof ? NULL : memchr(chunk + cpos, '\n', clen - cpos);
        size_t take = nl ? (size_t)(nl - (chunk + cpos)) : clen - cpos;
        if (!skipping && line.len + take > limit) {
            skipping = 1;
            buf_free(&line);
        }
        if (!skipping)
            buf_put(&line, chunk + cpos, take);
        line_bytes += take;
        cpos += take;
        if (!nl && !eof)
            continue;
        if (nl)
            cpos++, line_bytes++;
        size_t blank = 0;
        while (blank < line.len && (line.p[blank] == ' ' || line.p[blank] == '\t' ||
                                    line.p[blank] == '\r'))
            blank++;
        if (skipping || line.oom || blank < line.len) {
            memset(&d, 0, sizeof d);
            d.src = it->path;
            d.line = lineno;
            d.in_bytes = line_bytes;
            if (skipping)
                doc_fail(&d, "line of more than %zu bytes is over the limit (--max-bytes)",
                         limit);
            else if (line.oom)
                doc_fail(&d, "out of memory");
            else {
                d.json = 1;
                d.text = line.p;
                d.len = line.len;
                line.p = NULL;
            }
            if (queue_put(q, &d)) {
                rc = -1;
                goto done;
            }
        }
        buf_free(&line);
        skipping = 0;
        line_bytes = 0;
        lineno++;
        if (eof)
            break;
    }
done:
    buf_free(&line);
    free(chunk);
    if (fd > 0)
        close(fd);
    return rc;
}

static void produce(queue *q, const inputs *in)
{
    for (size_t i = 0; i < in->n; i++) {
        const input *it = &in->v[i];
        doc d;
        if (it->err) {
            memset(&d, 0, sizeof d);
            d.src = it->path;
            doc_fail(&d, "%s", strerror(it->err));
            if (queue_put(q, &d))
                return;
        } else if (C.input_jsonl) {
            if (produce_jsonl(q, it))
                return;
        } else {
            if (read_text_doc(it, &d) || queue_put(q, &d)) {
                doc_free(&d);
                return;
            }
        }
    }
}

/* ---- options ---- */

static const char USAGE[] =
    "Usage: facta-extract [OPTION]... [FILE|DIR|-]...\n"
    "Extract people, roles, dates, places, organizations and figures from Russian and\n"
    "English text. Reads text files (one document each), directories (recursively, in\n"
    "path order) and standard input ('-' or no arguments).\n"
    "\n"
    "Input:\n"
    "  -i, --input FMT      text (default) or jsonl: {\"id\":..,\"text\":..,\"date\":..} a line\n"
    "  -g, --glob PATTERN   files to read in directories (default *.txt; jsonl: *.jsonl)\n"
    "      --utf8 MODE      strict (default: skip invalid UTF-8) or replace (by U+FFFD)\n"
    "      --max-bytes N    skip documents over N bytes (default 100M; K, M, G suffixes)\n"
    "Output:\n"
    "  -f, --format FMT     jsonl (default), tsv, conll, brat or html\n"
    "  -o, --output PATH    write to PATH (brat: a directory) instead of standard output\n"
    "  -t, --types LIST     keep only these record types, e.g. PERSON,DATE\n"
    "  -e, --explain        add rule names (jsonl: and the rejected candidates)\n"
    "      --tokens         print tokens instead of records (jsonl or tsv)\n"
    "Extraction:\n"
    "      --rules PATH     rule file, directory or rule pack to use instead of the\n"
    "                       built-in rules\n"
    "      --rules-add PATH rule file or directory to load after the built-in rules\n"
    "      --save-rules PACK  write the rules as a binary rule pack to PACK and exit\n"
    "      --lang LANG      language hint: en or ru\n"
    "      --date DATE      document date YYYY-MM-DD (anchors years and relative dates)\n"
    "  -j, --jobs N         worker threads (default: the number of CPUs)\n"
    "  -q, --quiet          no progress bar and no summary\n"
    "  -h, --help           print this help and exit\n"
    "  -V, --version        print the version and exit\n"
    "\n"
    "Exit status: 0 all documents extracted, 1 some inputs failed, 2 usage or rule error.\n"
    "Full documentation: man facta-extract, docs/cli.md.\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs(PROG ": ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'facta-extract --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return -1;
    unsigned long long mul = 1;
    if (*end == 'k' || *end == 'K')
        mul = 1024ull, end++;
    else if (*end == 'm' || *end == 'M')
        mul = 1024ull * 1024, end++;
    else if (*end == 'g' || *end == 'G')
        mul = 1024ull * 1024 * 1024, end++;
    if (*end == 'B' || *end == 'b')
        end++;
    if (*end || v == 0 || v > (unsigned long long)(SIZE_MAX / 8) / mul)
        return -1;
    *out = (size_t)(v * mul);
    return 0;
}

static int pick(const char *arg, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(arg, names[i]) == 0)
            return i;
    return -1;
}

enum { OPT_RULES = 256, OPT_RULES_ADD, OPT_SAVE_RULES, OPT_LANG, OPT_DATE, OPT_TOKENS, OPT_UTF8, OPT_MAX_BYTES };

/* @return -1 to go on, else the exit status */
static int parse_options(int argc, char **argv, char **types_copy)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},    {"input", required_argument, NULL, 'i'},
        {"output", required_argument, NULL, 'o'},    {"glob", required_argument, NULL, 'g'},
        {"types", required_argument, NULL, 't'},     {"rules", required_argument, NULL, OPT_RULES},
        {"rules-add", required_argument, NULL, OPT_RULES_ADD},
        {"save-rules", required_argument, NULL, OPT_SAVE_RULES},
        {"lang", required_argument, NULL, OPT_LANG}, {"date", required_argument, NULL, OPT_DATE},
        {"explain", no_argument, NULL, 'e'},         {"tokens", no_argument, NULL, OPT_TOKENS},
        {"jobs", required_argument, NULL, 'j'},      {"quiet", no_argument, NULL, 'q'},
        {"utf8", required_argument, NULL, OPT_UTF8},
        {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
        {"help", no_argument, NULL, 'h'},            {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    static const char *const formats[] = {"jsonl", "tsv", "conll", "brat", "html"};
    static const char *const input_fmts[] = {"text", "jsonl"};
    static const char *const utf8_modes[] = {"strict", "replace"};
    const char *types = NULL;
    int c, k;
    char *end;

    C.max_bytes = 100u * 1024 * 1024;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:i:o:g:t:ej:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if ((k = pick(optarg, formats, 5)) < 0)
                return usage_error("unknown format '%s' (jsonl, tsv, conll, brat, html)", optarg);
            C.format = k;
            break;
        case 'i':
            if ((k = pick(optarg, input_fmts, 2)) < 0)
                return usage_error("unknown input format '%s' (text, jsonl)", optarg);
            C.input_jsonl = k;
            break;
        case 'o': C.output = optarg; break;
        case 'g': C.glob = optarg; break;
        case 't': types = optarg; break;
        case OPT_RULES: C.rules = optarg; break;
        case OPT_RULES_ADD: C.rules_add = optarg; break;
        case OPT_SAVE_RULES: C.save_rules = optarg; break;
        case OPT_LANG: C.lang = optarg; break;
        case OPT_DATE: C.date = optarg; break;
        case 'e': C.explain = 1; break;
        case OPT_TOKENS: C.tokens = 1; break;
        case 'q': C.quiet = 1; break;
        case 'j': {
            errno = 0;
            long v = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || v < 0 || v > MAX_JOBS)
                return usage_error("-j wants a number of threads from 1 to %d", MAX_JOBS);
            C.jobs = (int)v;
            break;
        }
        case OPT_UTF8:
            if ((k = pick(optarg, utf8_modes, 2)) < 0)
                return usage_error("unknown --utf8 mode '%s' (strict, replace)", optarg);
            C.replace = k;
            break;
        case OPT_MAX_BYTES:
            if (parse_size(optarg, &C.max_bytes))
                return usage_error("bad --max-bytes '%s' (a positive number, K, M or G)", optarg);
            break;
        case 'h':
            fputs(USAGE, stdout);
            return fflush(stdout) == 0 ? EXIT_ALL_OK : EXIT_SOME_FAILED;
        case 'V':
            printf(PROG " %s\n", facta_version());
            return fflush(stdout) == 0 ? EXIT_ALL_OK : EXIT_SOME_FAILED;
        case ':':
            return usage_error("option '%s' needs an argument", argv[optind - 1]);
        default:
            if (optopt)
                return usage_error("unknown option '-%c'", optopt);
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (C.rules && C.rules_add)
        return usage_error("--rules and --rules-add exclude each other");
    if (C.tokens && C.format != F_JSONL && C.format != F_TSV)
        return usage_error("--tokens prints jsonl or tsv");
    if (types) {
        *types_copy = xstrdup(types);
        for (char *s = *types_copy, *tok; (tok = strtok(s, ", ")); s = NULL) {
            C.types = xrealloc(C.types, (C.ntypes + 1) * sizeof *C.types);
            C.types[C.ntypes++] = tok;
        }
        if (!C.ntypes)
            return usage_error("--types wants a list of record types, e.g. PERSON,DATE");
    }
    return -1;
}

/* ---- main ---- */

static void on_signal(int sig)
{
    g_signal = sig;
}

static int load_rules(facta_rules **rules)
{
    facta_diag diag;
    const char *path = C.rules ? C.rules : C.rules_add;
    int rc;
    memset(&diag, 0, sizeof diag);
    if (!path) {
        rc = facta_rules_default(rules, &diag);
    } else {
        facta_compile_options co = FACTA_COMPILE_OPTIONS_INIT;
        co.flags = C.rules_add ? FACTA_COMPILE_WITH_DEFAULTS : 0;
        rc = facta_rules_load(rules, path, &co, &diag);
    }
    if (rc) {
        if (diag.message[0])
            fprintf(stderr, "%s\n", diag.message);
        else
            fprintf(stderr, PROG ": cannot load the rules%s%s: %s\n", path ? " from " : "",
                    path ? path : "", facta_strerror(rc));
        return -1;
    }
    if (path && !C.quiet)
        for (size_t i = 0; i < facta_rules_warning_count(*rules); i++)
            fprintf(stderr, PROG ": warning: %s\n", facta_rules_warning(*rules, i));
    return 0;
}

static int make_dirs(const char *path)
{
    char *p = xstrdup(path);
    int rc = 0;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s)
            continue;
        char c = *s;
        *s = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            rc = -1;
            break;
        }
        *s = c;
        if (!c)
            break;
    }
    free(p);
    return rc;
}

static int open_output(int *fd)
{
    struct stat st;
    *fd = 1;
    if (!C.output)
        return 0;
    if (C.format == F_BRAT && !C.tokens) {
        if (stat(C.output, &st) == 0 && !S_ISDIR(st.st_mode))
            return usage_error("with --format brat, -o names a directory: %s", C.output), -1;
        if (make_dirs(C.output) != 0) {
            fprintf(stderr, PROG ": cannot create %s: %s\n", C.output, strerror(errno));
            return -1;
        }
        return 0;
    }
    *fd = open(C.output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (*fd < 0) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", C.output, strerror(errno));
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    char *types_copy = NULL;
    facta_rules *rules = NULL;
    worker *workers = NULL;
    inputs in = {0};
    queue q;
    writer wr;
    int status = EXIT_USAGE, nworkers = 0, started = 0, fd = 1, writer_started = 0;

    memset(&q, 0, sizeof q);
    memset(&wr, 0, sizeof wr);
    int r = parse_options(argc, argv, &types_copy);
    if (r >= 0) {
        status = r;
        goto cleanup;
    }
    C.progress = !C.quiet && isatty(2);
    if (load_rules(&rules))
        goto cleanup;
    if (C.save_rules) {
        facta_diag diag;
        memset(&diag, 0, sizeof diag);
        if (facta_rules_save(rules, C.save_rules, &diag) != FACTA_OK) {
            fprintf(stderr, "%s\n", diag.message);
            goto cleanup;
        }
        if (!C.quiet)
            fprintf(stderr, PROG ": wrote %s: %zu rules, stamp %s\n", C.save_rules,
                    facta_rules_count(rules), facta_rules_stamp(rules));
        status = 0;
        goto cleanup;
    }

    nworkers = C.jobs;
    if (!nworkers) {
        long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
        nworkers = ncpu < 1 ? 1 : ncpu > MAX_JOBS ? MAX_JOBS : (int)ncpu;
    }
    workers = xmalloc((size_t)nworkers * sizeof *workers);
    memset(workers, 0, (size_t)nworkers * sizeof *workers);
    for (int i = 0; i < nworkers; i++) {
        int rc = facta_extractor_new(&workers[i].ex, rules);
        if (rc) {
            fprintf(stderr, PROG ": cannot create an extractor: %s\n", facta_strerror(rc));
            goto cleanup;
        }
        workers[i].q = &q;
    }
    if (C.lang || C.date) { /* let the library check the hints once, as a usage error */
        facta_extract_options o = FACTA_EXTRACT_OPTIONS_INIT;
        const facta_entity *e;
        size_t n;
        o.lang = C.lang;
        o.doc_date = C.date;
        if (facta_extract(&e, &n, workers[0].ex, "", 0, &o) == FACTA_EINVAL) {
            status = usage_error("%s", facta_extractor_last_error(workers[0].ex));
            goto cleanup;
        }
    }
    collect_inputs(&in, argc - optind, argv + optind);
    if (open_output(&fd))
        goto cleanup;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND; /* a second signal kills at once; no SA_RESTART: reads end */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    q.cap = (size_t)nworkers * 4;
    q.slots = xmalloc(q.cap * sizeof *q.slots);
    memset(q.slots, 0, q.cap * sizeof *q.slots);
    pthread_mutex_init(&q.mu, NULL);
    pthread_cond_init(&q.space, NULL);
    pthread_cond_init(&q.work, NULL);
    pthread_cond_init(&q.ready, NULL);
    wr.q = &q;
    wr.fd = fd;
    wr.out_tty = C.progress && isatty(fd);
    wr.t0 = now_mono();
    wr.total = 0;
    for (size_t i = 0; i < in.n && wr.total >= 0; i++)
        wr.total = in.v[i].err ? wr.total : in.v[i].size < 0 ? -1 : wr.total + in.v[i].size;

    /* only the main thread takes SIGINT and SIGTERM */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    for (; started < nworkers; started++)
        if (pthread_create(&workers[started].th, NULL, worker_main, &workers[started]))
            break;
    writer_started = started > 0 && pthread_create(&wr.th, NULL, writer_main, &wr) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);

    if (writer_started)
        produce(&q, &in);
    pthread_mutex_lock(&q.mu);
    q.eof = 1;
    if (!writer_started)
        q.stop = 1;
    pthread_cond_broadcast(&q.work);
    pthread_cond_broadcast(&q.ready);
    while (writer_started && !q.writer_done) {
        cond_wait_ms(&q.space, &q.mu, 100);
        queue_check_signal(&q);
    }
    pthread_mutex_unlock(&q.mu);
    if (writer_started)
        pthread_join(wr.th, NULL);
    for (int i = 0; i < started; i++)
        pthread_join(workers[i].th, NULL);
    if (!writer_started) {
        fprintf(stderr, PROG ": cannot start threads\n");
        status = EXIT_SOME_FAILED;
        goto cleanup;
    }

    status = wr.failed || wr.werr ? EXIT_SOME_FAILED : EXIT_ALL_OK;
    if (g_signal)
        status = 128 + g_signal;
    if (!C.quiet && !wr.broken && (wr.failed || isatty(2))) {
        double t = now_mono() - wr.t0, mb = (double)wr.bytes / 1e6;
        fprintf(stderr, "%zu documents, %zu %s, %zu failed, %.1f MB in %.2f s (%.1f MB/s)\n",
                wr.docs, wr.recs, C.tokens ? "tokens" : "records", wr.failed, mb, t,
                t > 0 ? mb / t : 0.0);
    }

cleanup:
    if (q.slots) {
        for (size_t i = 0; i < q.cap; i++) {
            doc_free(&q.slots[i].d);
            buf_free(&q.slots[i].out);
            buf_free(&q.slots[i].id);
            buf_free(&q.slots[i].aux);
        }
        free(q.slots);
        pthread_mutex_destroy(&q.mu);
        pthread_cond_destroy(&q.space);
        pthread_cond_destroy(&q.work);
        pthread_cond_destroy(&q.ready);
    }
    for (int i = 0; workers && i < nworkers; i++) {
        facta_extractor_free(workers[i].ex);
        buf_free(&workers[i].key);
        buf_free(&workers[i].tmp);
        buf_free(&workers[i].types);
        free(workers[i].spans);
        free(workers[i].idx);
    }
    free(workers);
    facta_rules_free(rules);
    for (size_t i = 0; i < in.n; i++)
        free(in.v[i].path);
    free(in.v);
    for (size_t i = 0; i < wr.nlegend; i++)
        free(wr.legend[i].type);
    free(wr.legend);
    for (size_t i = 0; i < wr.names_cap; i++)
        free(wr.names[i]);
    free(wr.names);
    free(C.types);
    free(types_copy);
    if (fd > 1 && close(fd) != 0 && status == EXIT_ALL_OK) {
        fprintf(stderr, PROG ": cannot write %s: %s\n", C.output, strerror(errno));
        status = EXIT_SOME_FAILED;
    }
    return status;
}
