/* extract.h: the extractor's per-document state shared by match.c, norm.c and api.c. */
#ifndef FACTA_EXTRACT_H
#define FACTA_EXTRACT_H

#include "rules.h"
#include "tokenize.h"

typedef struct hit {
    uint32_t entry; /* lexicon entry id */
    uint32_t end;   /* token index after the phrase */
} hit;

/* An atom a capture may coincide with: a lexicon entry e (>= 0), a record r (-2 - r), or
 * nothing (-1). */
#define ATOM_NONE (-1)
#define ATOM_REC(r) (-2 - (int32_t)(r)) /* and back: ATOM_REC(atom) is the record */

/* One capture log entry; entries live in ex->cl and are referred to by index (0: none). */
typedef struct caplog {
    uint32_t prev;  /* the entry before it in its thread's log, 0: none */
    uint32_t pos;
    int32_t slot;   /* 2*cap (open) or 2*cap+1 (close) */
    int32_t atom;   /* close: the atom covering exactly the capture (ATOM_*) */
} caplog;

typedef struct thread {
    uint32_t pc, start;
    uint64_t agr;
    uint32_t cl;    /* its capture log: an index into ex->cl, 0: empty */
    int32_t last_s, last_e, last_atom; /* the last atom matched: tokens, ATOM_* */
} thread;

typedef struct cand {
    int rule;
    uint32_t start, end;        /* tokens */
    uint32_t rs, re;            /* record span (union of emits), tokens */
    uint32_t cl;                /* capture log (index into ex->cl) */
    uint8_t dead;               /* rejected or lost */
    uint8_t dirty;              /* in ex->cl_dirty */
} cand;

typedef struct capture {
    int32_t s, e;               /* tokens, -1 when unset */
    int32_t atom;               /* the atom covering exactly the capture (ATOM_*) */
} capture;

typedef struct val {
    const char *s;
    size_t n;
    int is_num;
    double num;
} val;

typedef struct rec {
    int type;
    int rule;
    uint32_t ts, te;            /* tokens; the span is theirs (rec_span) */
    const char *norm;
    facta_attr *attrs;
    size_t nattrs;
    int32_t next_at_start;      /* next record starting at the same token, -1 */
    int dead;
    const char *skey_of;        /* the "last" value skey_hash was computed from (norm.c) */
    uint64_t skey_hash;
    const char *num_norm;       /* the norm when it is number() of the record's own tokens */
    double num;                 /* (norm.c): that number, for number() of the record */
} rec;

struct facta_extractor {
    const facta_rules *rules;
    const fa_alloc *al;
    tokenizer *tk;
    fa_arena arena;             /* per document */
    fa_arena phase_arena;       /* per phase: capture logs, sort scratch */
    char err[512];
    /* document */
    const char *text;           /* the text tokens point into (maybe sanitized) */
    const char *orig;           /* the caller's bytes */
    size_t len;
    const size_t *map;          /* sanitized → original byte offsets, or NULL */
    ftok *toks;
    size_t ntoks;
    int doc_year, doc_month, doc_day; /* 0 when unknown */
    int lang;                   /* 0 unknown, 1 en, 2 ru */
    /* lexicon hits */
    uint32_t *hit_off;          /* ntoks + 1 */
    size_t hit_off_cap;
    hit *hits;
    size_t nhits, hits_cap;
    uint64_t *lexstart;         /* per token: the lexicons (< 64) of the phrases starting there */
    size_t lexstart_cap;
    uint64_t *seedmask;         /* per token: the phases (rules.seed_words) it may seed in */
    size_t seedmask_cap;
    uint64_t *wordmask;         /* per token: the phases where its word is a seed key */
    size_t wordmask_cap;
    /* per token and 2 past the end: its rows of the phases' generic bitsets (see seed):
     * gen_ahead (class, 128: none, 129: past the end), gen_next (hash & 63, 64: past the
     * end), gen_byte (first byte of the folded text, 256: empty) */
    struct tok_rows { uint8_t cls, hash; uint16_t byte; } *arow;
    size_t arow_cap;
    /* records */
    rec *recs;
    size_t nrecs, recs_cap;
    int32_t *rec_head;          /* per token: first record starting there */
    size_t rec_head_cap;
    size_t dropped;
    /* VM */
    struct visit { uint32_t gen; uint64_t agr; } *vis; /* per instruction */
    size_t vis_cap;
    size_t vis_clean;           /* vis[0, vis_clean) hold generations at most gen */
    pcre2_match_data *md;
    struct pcache { uint32_t doc, tok; uint8_t val; } *pcache; /* per predicate */
    uint32_t doc_serial;
    uint32_t gen;
    thread *ring[128];
    size_t ring_n[128], ring_cap[128];
    thread *stack;
    size_t stack_cap;
    caplog *cl;                 /* capture log entries of the phase; cl[0] is not used */
    size_t ncl, cl_cap;
    /* cl_compact looks only at the entries made since it last ran, from cl_base on: those
     * it kept stay, as do the candidates made before cand_base, but for those add_cand has
     * given new entries since (cl_dirty) */
    size_t cl_base, cand_base;
    uint32_t *cl_dirty;
    size_t ncl_dirty, cl_dirty_cap;
    uint32_t *cl_fwd;           /* scratch of cl_compact: entry → its new index */
    size_t cl_fwd_cap;
    cand *cands;
    size_t ncands, cands_cap;
    int32_t *last_cand;
    size_t last_cand_cap;
    int32_t *occ;               /* per token: 1 + the rule whose record holds it, 0 free */
    size_t occ_cap;
    size_t occ_zero;            /* occ[0, occ_zero) is zero (between phases) */
    uint64_t *rmask;            /* per token: types rejected there (bit type & 63) */
    size_t rmask_cap;
    size_t rmask_zero;          /* rmask[0, rmask_zero) is zero (between phases) */
    int32_t *rwho;              /* per token: a reject rule that covers it */
    size_t rwho_cap;
    uint32_t *seed_stamp;
    size_t seed_stamp_cap;
    uint64_t *gen_mark;         /* the generic rules one of whose keys is at the token (seed) */
    size_t gen_mark_cap;
    uint64_t steps;             /* VM steps in the last document (tests count them) */
    /* results */
    facta_entity *ents;
    size_t nents, ents_cap;
    facta_explain *expl;
    size_t nexpl, expl_cap;
    int explain;
    int trim;                   /* the last document was large: free its scratch first */
    fbuf json;
    fbuf tmp;
};

/* The span of tokens [s, e) (s < e). */
static inline facta_span tok_range_span(const facta_extractor *ex, uint32_t s, uint32_t e)
{
    facta_span sp;
    sp.byte_start = ex->toks[s].pub.span.byte_start;
    sp.cp_start = ex->toks[s].pub.span.cp_start;
    sp.byte_end = ex->toks[e - 1].pub.span.byte_end;
    sp.cp_end = ex->toks[e - 1].pub.span.cp_end;
    return sp;
}

/* match.c */
int match_lexicons(facta_extractor *ex);
int match_phase(facta_extractor *ex, const phase *ph);
int pred_eval(const facta_extractor *ex, const pred *p, const ftok *t);
int rec_add(facta_extractor *ex, const rec *rc); /* FACTA__MAX_RECORDS counts as dropped */

/* norm.c */
int eval_emit(facta_extractor *ex, const rule *ru, const emit *em, const capture *caps,
              const cand *c, rec *out);
int finish_records(facta_extractor *ex);
int norm_number(facta_extractor *ex, uint32_t s, uint32_t e, double *out);
int set_error(facta_extractor *ex, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
