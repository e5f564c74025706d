/* tokenize.h: the tokenizer (ICU word breaks over UTF-8, own classification, stems). */
#ifndef FACTA_TOKENIZE_H
#define FACTA_TOKENIZE_H

#include "facta_internal.h"

/* Internal token: the public view plus what the matcher needs. */
typedef struct ftok {
    facta_token pub;    /* span, kind, script, shape, flags, folded, stem */
    uint32_t folded_len;
    uint32_t stem_len;
    uint64_t fhash;     /* fa_hash(folded) */
    uint64_t shash;     /* fa_hash(stem) */
    uint64_t morph;     /* Russian grammatical features (see morph.h), 0 = unknown */
    uint32_t morph_done; /* morph computed (lazily, by the matcher) */
    uint32_t stem_done; /* stem computed (stems are made when first asked for) */
    uint64_t lexmask;   /* bit l: the token alone is an entry of lexicon l (l < 64) */
    uint32_t cls;       /* tok_class of the token, or FTOK_NO_CLASS (set with lexmask) */
} ftok;

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

/* Compute a token's stem if it is not yet known (cached per distinct word). 0 or ENOMEM. */
int tok_ensure_stem(tokenizer *t, ftok *k);

/* Fold one string as the tokenizer folds a token (case fold, ё→е, quotes unified). */
int tok_fold(tokenizer *t, const char *s, size_t n, fbuf *out);

/* Stem a folded word with the stemmer for its script; the result stays valid until tok_free
 * or the stem cache is cleared at the start of the next tok_run. */
const char *tok_stem(tokenizer *t, const char *folded, size_t n, int script, uint32_t *out_len);

/* Script of a string (FACTA_SCRIPT_*). */
int tok_script(const char *s, size_t n);

#endif
