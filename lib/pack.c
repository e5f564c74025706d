/* pack.c: binary rule packs: compiled lexicons written once, then memory-mapped.
 *
 * A pack holds the rule sources (and the endings tables they read) as text, plus the
 * lexicon tables (entries, string pool, form hash, phrase trie) exactly as they sit in
 * memory, none of which holds a pointer. Loading maps the file read-only and points the
 * tables into the mapping; only the rule sources are compiled again (milliseconds), so a
 * million-entry lexicon loads without being read, and every process that maps the pack
 * shares its pages.
 *
 *   header (struct pack_header, 512 bytes): magic, format, library version, struct sizes,
 *          content stamp, checksum of the body, section table, checksum of the header
 *   sections, each 64-byte aligned, in the order of enum pack_section
 *
 * Everything read from the tables at match time is range-checked (lexicon.c), so a damaged
 * pack gives wrong lexicon hits at worst, never a crash; FACTA_COMPILE_VERIFY_PACK also
 * checks the body's checksum at load.
 */
#define _POSIX_C_SOURCE 200809L
#include "rules.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unicode/uversion.h>
#include <unistd.h>

#define PACK_MAGIC "FACTAPK\x1a"
#define PACK_FORMAT 1u
#define PACK_ENDIAN 0x01020304u
#define PACK_ALIGN 64u

enum pack_section {
    S_SRCS,    /* rule sources and endings tables: records of struct src_head + bytes */
    S_LEXS,    /* per lexicon: nentries, inflect (uint32 pairs) */
    S_ENTRIES, /* lex_entry */
    S_LSTR,    /* string pool, NUL-terminated strings */
    S_WORDS,   /* uint32 lstr offsets */
    S_SINGLE,  /* uint8 per word */
    S_FORMS,   /* form_ent, open addressing, power-of-two slots */
    S_NODES,   /* trie_node */
    S_EDGES,   /* edge_ent, open addressing, power-of-two slots */
    S_TENTS,   /* uint32 entry ids by node */
    NSECT
};

static const uint32_t sect_elem[NSECT] = {
    1, 8, sizeof(lex_entry), 1, 4, 1, sizeof(form_ent), sizeof(trie_node), sizeof(edge_ent), 4};

typedef struct pack_header {
    char magic[8];
    uint32_t format, endian;
    char version[16];     /* facta version that wrote it */
    uint32_t sizes[4];    /* lex_entry, form_ent, trie_node, edge_ent */
    uint64_t stamp;       /* content hash of the inputs */
    uint64_t file_len;
    uint64_t body_hash;   /* fa_stamp chained over the sections */
    uint32_t nsect, nlexs;
    struct { uint64_t off, count; } sect[NSECT];
    uint64_t header_hash; /* over the bytes before it */
    char pad[512 - 8 - 8 - 16 - 16 - 24 - 8 - NSECT * 16 - 8];
} pack_header;

typedef struct src_head {
    uint32_t is_file, name_len, dir_len; /* dir_len UINT32_MAX: no directory */
    uint32_t pad_;
    uint64_t len;
} src_head;

/* ---- the content stamp ---- */

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t fa_stamp(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    h ^= (uint64_t)n * 0x9e3779b97f4a7c15ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = rotl(h ^ (w * 0x87c37b91114253d5ull), 31) * 0x4cf5ad432745937full;
    }
    uint64_t t = 0;
    for (size_t k = 0; i < n; i++, k += 8)
        t |= (uint64_t)s[i] << k;
    h = rotl(h ^ (t * 0x87c37b91114253d5ull), 31) * 0x4cf5ad432745937full;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static int src_push(facta_rules *r, const char *name, size_t nl, const char *dir, size_t dl,
                    const char *data, size_t len, int is_file)
{
    if (FA_GROW(&r->al, r->srcs, r->srcs_cap, r->nsrcs + 1))
        return FACTA_ENOMEM;
    struct rule_src *s = &r->srcs[r->nsrcs];
    memset(s, 0, sizeof *s);
    s->name = fa_strndup(&r->al, name, nl);
    s->dir = dir ? fa_strndup(&r->al, dir, dl) : NULL;
    s->data = fa_malloc(&r->al, len + 1);
    if (!s->name || (dir && !s->dir) || !s->data) {
        fa_free(&r->al, s->name);
        fa_free(&r->al, s->dir);
        fa_free(&r->al, s->data);
        return FACTA_ENOMEM;
    }
    if (len)
        memcpy(s->data, data, len);
    s->data[len] = 0;
    s->len = len;
    s->is_file = is_file;
    r->nsrcs++;
    return 0;
}

int rules_note_input(facta_rules *r, const char *name, const char *dir, const char *data,
                     size_t len, int is_file, int record)
{
    if (r->pack)
        return 0; /* the pack's own sources: stamped and recorded when it was written */
    r->stamp = fa_stamp(r->stamp, name, strlen(name));
    r->stamp = fa_stamp(r->stamp, data, len);
    if (!record)
        return 0;
    /* an endings table read by several rule files is kept once */
    for (size_t i = 0; is_file && i < r->nsrcs; i++)
        if (r->srcs[i].is_file && strcmp(r->srcs[i].name, name) == 0)
            return 0;
    return src_push(r, name, strlen(name), dir, dir ? strlen(dir) : 0, data, len, is_file);
}

int rules_pack_file(const facta_rules *r, const char *name, const char **data, size_t *len)
{
    for (size_t i = 0; i < r->nsrcs; i++) {
        if (r->srcs[i].is_file && strcmp(r->srcs[i].name, name) == 0) {
            *data = r->srcs[i].data;
            *len = r->srcs[i].len;
            return 1;
        }
    }
    return 0;
}

void rules_free_inputs(facta_rules *r)
{
    for (size_t i = 0; i < r->nsrcs; i++) {
        fa_free(&r->al, r->srcs[i].name);
        fa_free(&r->al, r->srcs[i].dir);
        fa_free(&r->al, r->srcs[i].data);
    }
    fa_free(&r->al, r->srcs);
    r->srcs = NULL;
    r->nsrcs = r->srcs_cap = 0;
    if (r->map) {
        /* the lexicon tables live in the mapping */
        if (r->map_owned)
            fa_free(&r->al, r->map);
        else
            munmap(r->map, r->map_len);
        r->map = NULL;
        r->lstr = NULL;
        r->words = NULL;
        r->entries = NULL;
        r->word_single = NULL;
        r->forms = NULL;
        r->nodes = NULL;
        r->edges = NULL;
        r->tents = NULL;
    }
}

const char *facta_rules_stamp(const facta_rules *r)
{
    return r ? r->stamp_hex : "";
}

/* ---- writing ---- */

typedef struct writer {
    FILE *f;
    uint64_t off;
    uint64_t hash;
    int err;
} writer;

static void w_bytes(writer *w, const void *p, size_t n, int hashed)
{
    if (w->err || !n)
        return;
    if (fwrite(p, 1, n, w->f) != n)
        w->err = errno ? errno : EIO;
    if (hashed)
        w->hash = fa_stamp(w->hash, p, n);
    w->off += n;
}

static void w_align(writer *w)
{
    static const char zero[PACK_ALIGN];
    size_t pad = (size_t)((PACK_ALIGN - w->off % PACK_ALIGN) % PACK_ALIGN);
    w_bytes(w, zero, pad, 0);
}

static void w_sect(writer *w, pack_header *h, int id, const void *p, uint64_t count)
{
    w_align(w);
    h->sect[id].off = w->off;
    h->sect[id].count = count;
    w_bytes(w, p, (size_t)(count * sect_elem[id]), 1);
}

int facta_rules_save(const facta_rules *r, const char *path, facta_diag *diag)
{
    if (!r || !path) {
        diag_set(diag, FACTA_EINVAL, path ? path : "<pack>", 0, 0, 0, "invalid argument");
        return FACTA_EINVAL;
    }
    if (!r->nsrcs) {
        diag_set(diag, FACTA_EINVAL, path, 0, 0, 0, "these rules have no sources to pack");
        return FACTA_EINVAL;
    }
    size_t pl = strlen(path);
    char *tmp = fa_malloc(&r->al, pl + 32);
    if (!tmp) {
        diag_set(diag, FACTA_ENOMEM, path, 0, 0, 0, "out of memory");
        return FACTA_ENOMEM;
    }
    snprintf(tmp, pl + 32, "%s.tmp%ld", path, (long)getpid());
    writer w = {fopen(tmp, "wb"), 0, 0, 0};
    if (!w.f) {
        diag_set(diag, FACTA_EIO, path, 0, 0, 0, "cannot write: %s", strerror(errno));
        fa_free(&r->al, tmp);
        return FACTA_EIO;
    }
    pack_header h;
    memset(&h, 0, sizeof h);
    w_bytes(&w, &h, sizeof h, 0); /* rewritten at the end */
    w.hash = 0;
    /* the sources, then the lexicon table, each section hashed as one piece */
    fbuf srcs;
    fbuf_init(&srcs, &r->al);
    for (size_t i = 0; i < r->nsrcs; i++) {
        const struct rule_src *s = &r->srcs[i];
        src_head sh = {(uint32_t)s->is_file, (uint32_t)strlen(s->name),
                       s->dir ? (uint32_t)strlen(s->dir) : UINT32_MAX, 0, s->len};
        fbuf_put(&srcs, (const char *)&sh, sizeof sh);
        fbuf_put(&srcs, s->name, sh.name_len);
        if (s->dir)
            fbuf_put(&srcs, s->dir, sh.dir_len);
        fbuf_put(&srcs, s->data, s->len);
    }
    uint32_t *lx = fa_malloc(&r->al, ((size_t)r->nlexs + 1) * 8);
    if (!lx || srcs.oom) {
        fbuf_free(&srcs);
        fa_free(&r->al, lx);
        fclose(w.f);
        remove(tmp);
        fa_free(&r->al, tmp);
        diag_set(diag, FACTA_ENOMEM, path, 0, 0, 0, "out of memory");
        return FACTA_ENOMEM;
    }
    for (int i = 0; i < r->nlexs; i++) {
        lx[2 * i] = r->lexs[i].nentries;
        lx[2 * i + 1] = (uint32_t)r->lexs[i].inflect;
    }
    w_sect(&w, &h, S_SRCS, srcs.data, srcs.len);
    fbuf_free(&srcs);
    w_sect(&w, &h, S_LEXS, lx, (uint64_t)r->nlexs);
    fa_free(&r->al, lx);
    w_sect(&w, &h, S_ENTRIES, r->entries, r->nentries);
    w_sect(&w, &h, S_LSTR, r->lstr, r->lstr_len);
    w_sect(&w, &h, S_WORDS, r->words, r->nwords);
    w_sect(&w, &h, S_SINGLE, r->word_single, r->word_single ? r->nwords : 0);
    w_sect(&w, &h, S_FORMS, r->forms, r->forms_cap);
    w_sect(&w, &h, S_NODES, r->nodes, r->nnodes);
    w_sect(&w, &h, S_EDGES, r->edges, r->edges_cap);
    w_sect(&w, &h, S_TENTS, r->tents, r->ntents);
    memcpy(h.magic, PACK_MAGIC, 8);
    h.format = PACK_FORMAT;
    h.endian = PACK_ENDIAN;
    snprintf(h.version, sizeof h.version, "%s", FACTA_VERSION_STRING);
    h.sizes[0] = sizeof(lex_entry);
    h.sizes[1] = sizeof(form_ent);
    h.sizes[2] = sizeof(trie_node);
    h.sizes[3] = sizeof(edge_ent);
    h.stamp = r->stamp;
    h.file_len = w.off;
    h.body_hash = w.hash;
    h.nsect = NSECT;
    h.nlexs = (uint32_t)r->nlexs;
    h.header_hash = fa_stamp(0, &h, offsetof(pack_header, header_hash));
    if (!w.err && fseek(w.f, 0, SEEK_SET) != 0)
        w.err = errno;
    w.off = 0;
    w_bytes(&w, &h, sizeof h, 0);
    if (fclose(w.f) != 0 && !w.err)
        w.err = errno ? errno : EIO;
    if (!w.err && rename(tmp, path) != 0)
        w.err = errno;
    if (w.err) {
        remove(tmp);
        diag_set(diag, FACTA_EIO, path, 0, 0, 0, "cannot write: %s", strerror(w.err));
    }
    fa_free(&r->al, tmp);
    return w.err ? FACTA_EIO : 0;
}

/* ---- loading ---- */

int pack_is_pack(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char m[8];
    int is = fread(m, 1, 8, f) == 8 && memcmp(m, PACK_MAGIC, 8) == 0;
    fclose(f);
    return is;
}

#define BAD(...)                                                                              \
    do {                                                                                      \
        diag_set(diag, FACTA_ESYNTAX, path, 0, 0, 0, __VA_ARGS__);                            \
        return FACTA_ESYNTAX;                                                                 \
    } while (0)

static int pow2_or_zero(uint64_t n)
{
    return (n & (n - 1)) == 0;
}

/* Check the header and the section table against the file's length. */
static int check_header(const pack_header *h, size_t len, const char *path, facta_diag *diag)
{
    if (len < sizeof *h || memcmp(h->magic, PACK_MAGIC, 8) != 0)
        BAD("not a facta rule pack (too short or wrong magic)");
    if (h->endian != PACK_ENDIAN || h->format != PACK_FORMAT || h->nsect != NSECT ||
        h->sizes[0] != sizeof(lex_entry) || h->sizes[1] != sizeof(form_ent) ||
        h->sizes[2] != sizeof(trie_node) || h->sizes[3] != sizeof(edge_ent))
        BAD("rule pack format %u is not this build's (%u): rebuild it", h->format, PACK_FORMAT);
    if (h->header_hash != fa_stamp(0, h, offsetof(pack_header, header_hash)))
        BAD("rule pack header is damaged (checksum)");
    char v[sizeof h->version + 1];
    memcpy(v, h->version, sizeof h->version);
    v[sizeof h->version] = 0;
    if (strcmp(v, FACTA_VERSION_STRING) != 0)
        BAD("rule pack was written by facta %s, this is %s: rebuild it", v, FACTA_VERSION_STRING);
    if (h->file_len != len)
        BAD("rule pack is %zu bytes, its header says %llu (truncated?)", len,
            (unsigned long long)h->file_len);
    for (int i = 0; i < NSECT; i++) {
        uint64_t off = h->sect[i].off, n = h->sect[i].count;
        if (off % 8 || off < sizeof *h || off > len || n > (len - off) / sect_elem[i])
            BAD("rule pack section %d lies outside the file", i);
    }
    if (h->sect[S_LEXS].count != h->nlexs || !pow2_or_zero(h->sect[S_FORMS].count) ||
        !pow2_or_zero(h->sect[S_EDGES].count) ||
        (h->sect[S_SINGLE].count && h->sect[S_SINGLE].count != h->sect[S_WORDS].count) ||
        h->sect[S_LSTR].count > UINT32_MAX || h->sect[S_NODES].count > UINT32_MAX ||
        h->sect[S_ENTRIES].count > FACTA__MAX_LEX_ENTRIES)
        BAD("rule pack tables are inconsistent");
    return 0;
}

static int read_sources(facta_rules *r, const char *base, const pack_header *h, const char *path,
                        facta_diag *diag)
{
    uint64_t p = h->sect[S_SRCS].off, end = p + h->sect[S_SRCS].count;
    while (p < end) {
        src_head sh;
        if (end - p < sizeof sh)
            BAD("rule pack sources are damaged");
        memcpy(&sh, base + p, sizeof sh);
        p += sizeof sh;
        uint64_t dl = sh.dir_len == UINT32_MAX ? 0 : sh.dir_len;
        if (sh.is_file > 1 || sh.name_len > 4096 || dl > 4096 || sh.len > end - p ||
            (uint64_t)sh.name_len + dl > end - p - sh.len)
            BAD("rule pack sources are damaged");
        const char *name = base + p, *dir = sh.dir_len == UINT32_MAX ? NULL : name + sh.name_len;
        const char *data = name + sh.name_len + dl;
        if (memchr(name, 0, sh.name_len) || (dir && memchr(dir, 0, dl)))
            BAD("rule pack sources are damaged");
        int rc = src_push(r, name, sh.name_len, dir, (size_t)dl, data, (size_t)sh.len,
                          (int)sh.is_file);
        if (rc) {
            diag_set(diag, rc, path, 0, 0, 0, "out of memory");
            return rc;
        }
        p += sh.name_len + dl + sh.len;
    }
    return 0;
}

int pack_load(facta_rules **out, const char *path, const facta_compile_options *opts,
              facta_diag *diag)
{
    if (opts && (opts->flags & FACTA_COMPILE_WITH_DEFAULTS)) {
        diag_set(diag, FACTA_EINVAL, path, 0, 0, 0,
                 "a rule pack is complete: build it with the defaults instead of adding them");
        return FACTA_EINVAL;
    }
    facta_rules *r;
    int rc = rules_create(&r, opts ? opts->allocator : NULL);
    if (rc) {
        diag_set(diag, rc, path, 0, 0, 0, "out of memory");
        return rc;
    }
    r->no_jit = opts && (opts->flags & FACTA_COMPILE_NO_JIT);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        diag_set(diag, FACTA_EIO, path, 0, 0, 0, "cannot read: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        facta_rules_free(r);
        return FACTA_EIO;
    }
    size_t len = (size_t)st.st_size;
    void *m = len >= sizeof(pack_header) ? mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0)
                                         : MAP_FAILED;
    close(fd);
    if (m == MAP_FAILED) {
        /* a file system without mmap, or a short file: read it instead */
        char why[128];
        char *data;
        rc = fa_read_file(&r->al, path, &data, &len, why, sizeof why);
        if (rc) {
            diag_set(diag, rc, path, 0, 0, 0, "cannot read: %s", why);
            facta_rules_free(r);
            return rc;
        }
        m = data;
        r->map_owned = 1;
    }
    r->map = m;
    r->map_len = len;
    const char *base = m;
    pack_header h;
    memset(&h, 0, sizeof h);
    memcpy(&h, base, len < sizeof h ? len : sizeof h);
    if ((rc = check_header(&h, len, path, diag)) || (rc = read_sources(r, base, &h, path, diag))) {
        facta_rules_free(r);
        return rc;
    }
    if (opts && (opts->flags & FACTA_COMPILE_VERIFY_PACK)) {
        uint64_t bh = 0;
        for (int i = 0; i < NSECT; i++)
            if (h.sect[i].count)
                bh = fa_stamp(bh, base + h.sect[i].off, (size_t)(h.sect[i].count * sect_elem[i]));
        if (bh != h.body_hash) {
            diag_set(diag, FACTA_ESYNTAX, path, 0, 0, 0, "rule pack is damaged (checksum)");
            facta_rules_free(r);
            return FACTA_ESYNTAX;
        }
    }
    const uint32_t *lx = (const uint32_t *)(base + h.sect[S_LEXS].off);
    r->entries = (lex_entry *)(base + h.sect[S_ENTRIES].off);
    r->nentries = (size_t)h.sect[S_ENTRIES].count;
    r->lstr = (char *)(base + h.sect[S_LSTR].off);
    r->lstr_len = (size_t)h.sect[S_LSTR].count;
    if (r->lstr_len && r->lstr[r->lstr_len - 1] != 0)
        r->lstr_len = 0; /* a damaged pool: every string reads as "" */
    r->words = (uint32_t *)(base + h.sect[S_WORDS].off);
    r->nwords = (size_t)h.sect[S_WORDS].count;
    r->word_single = h.sect[S_SINGLE].count ? (uint8_t *)(base + h.sect[S_SINGLE].off) : NULL;
    r->forms = (form_ent *)(base + h.sect[S_FORMS].off);
    r->forms_cap = (size_t)h.sect[S_FORMS].count;
    r->nodes = (trie_node *)(base + h.sect[S_NODES].off);
    r->nnodes = (size_t)h.sect[S_NODES].count;
    r->edges = (edge_ent *)(base + h.sect[S_EDGES].off);
    r->edges_cap = (size_t)h.sect[S_EDGES].count;
    r->tents = (uint32_t *)(base + h.sect[S_TENTS].off);
    r->ntents = (size_t)h.sect[S_TENTS].count;
    r->stamp = h.stamp;
    r->pack = 1;
    for (size_t i = 0; i < r->nsrcs && !rc; i++)
        if (!r->srcs[i].is_file)
            rc = rules_add_source(r, r->srcs[i].data, r->srcs[i].len, r->srcs[i].name,
                                  r->srcs[i].dir, diag);
    if (!rc && (uint32_t)r->nlexs != h.nlexs) {
        diag_set(diag, FACTA_ESYNTAX, path, 0, 0, 0,
                 "rule pack has %u lexicons, its sources define %d", h.nlexs, r->nlexs);
        rc = FACTA_ESYNTAX;
    }
    for (int i = 0; !rc && i < r->nlexs; i++) {
        r->lexs[i].nentries = lx[2 * i];
        r->lexs[i].inflect = (int)lx[2 * i + 1];
    }
    return rules_complete(r, rc, out, diag);
}
