/* tokenize.h: the tokenizer (ICU word breaks over UTF-8, own classification, stems). */
#ifndef FACTA_TOKENIZE_H
#define FACTA_TOKENIZE_H

#include "facta_internal.h"

/* Internal token, 64 bytes (the public facta_token is built from it only by
 * facta_tokenize()). Offsets are uint32_t: documents are at most INT32_MAX bytes. */
typedef struct ftok_span {
    uint32_t byte_start, byte_end; /* [start, end) in the text tokenized */
    uint32_t cp_start, cp_end;     /* the same in code points */
} ftok_span;

typedef struct ftok_pub {
    ftok_span span;
    const char *folded; /* case-folded, NUL-terminated (NUL-padded to 8 bytes), in the arena */
    uint8_t kind;       /* facta_token_kind */
    uint8_t script;     /* facta_script */
    uint8_t shape;      /* facta_shape */
    uint8_t flags;      /* FACTA_TOKEN_* bits */
    uint8_t cls;        /* tok_class of the token, or FTOK_NO_CLASS (set with lexmask) */
    uint8_t morph_done; /* morph computed (lazily, by the matcher) */
} ftok_pub;

typedef struct ftok {
    ftok_pub pub;       /* what facta_token publishes (but the stem), and two matcher bytes */
    uint64_t fhash;     /* fa_hash(folded) */
    uint64_t morph;     /* Russian grammatical features (see morph.h), 0 = unknown */
    uint64_t lexmask;   /* bit l: the token alone is an entry of lexicon l (l < 64) */
    uint32_t folded_len;
    uint32_t stem;      /* 0: not computed yet (stems are made when first asked for); see
                         * tok_stem_of() */
} ftok;

/* A token's stem: its bytes, length and fa_hash. */
typedef struct ftok_stem {
    const char *s;
    uint32_t len;
    uint64_t hash;
} ftok_stem;

#define FTOK_NO_CLASS 255u /* kind, script or shape out of the class table's range */

typedef struct tokenizer tokenizer;

/* Create/free. 0, FACTA_ENOMEM or FACTA_ERROR (ICU/libstemmer failed). */
int tok_new(tokenizer **out, const fa_alloc *al);
void tok_free(tokenizer *t);

/*
 * Tokenize valid UTF-8 text[0, len). Tokens land in `*out` (owned by the tokenizer, valid
 * until the next call); strings in `arena`. With `stems`, every token's stem is computed
 * now; otherwise stem is NULL until tok_ensure_stem(). Returns 0 or an error.
 */
int tok_run(tokenizer *t, const char *text, size_t len, int stems, fa_arena *arena,
            ftok **out, size_t *n);

/* Free the token array (it grows with the longest document); the next tok_run makes a new one. */
void tok_trim(tokenizer *t);

/* Compute a token's stem if it is not yet known (cached per distinct word). 0 or ENOMEM. */
int tok_ensure_stem(tokenizer *t, ftok *k);

/* The stem of a token whose stem is known (k->stem != 0), valid until the next tok_run. */
ftok_stem tok_stem_of(const tokenizer *t, const ftok *k);

/* Fold one string as the tokenizer folds a token (case fold, ё→е, quotes unified). */
int tok_fold(tokenizer *t, const char *s, size_t n, fbuf *out);

/* Stem a folded word with the stemmer for its script; the result stays valid until tok_free
 * or the stem cache is cleared at the start of the next tok_run. */
const char *tok_stem(tokenizer *t, const char *folded, size_t n, int script, uint32_t *out_len);

/* Script of a string (FACTA_SCRIPT_*). */
int tok_script(const char *s, size_t n);

#endif
