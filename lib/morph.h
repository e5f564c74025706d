/* morph.h: Russian grammar without a dictionary: an endings table loaded from rules/.
 *
 * A row says: a word of part of speech POS that ends in ENDING may carry the
 * features FEATS (case.number.gender combinations) and its nominative singular is
 * the word with ENDING replaced by NOM. Features are a 64-bit mask, one bit per
 * (case, number, gender) triple, so agreement is one AND:
 *
 *   bit = case * 6 + number * 3 + gender     case: nom gen dat acc ins pre (0..5)
 *                                            number: sg pl; gender: m f n
 */
#ifndef FACTA_MORPH_H
#define FACTA_MORPH_H

#include <stddef.h>
#include <stdint.h>

enum { M_NOUN = 1, M_ADJ = 2, M_SURNAME = 4, M_GIVEN = 8, M_PATRONYMIC = 16, M_ANY = 31 };

typedef struct morph_row {
    uint8_t pos;
    uint8_t min_stem;  /* minimum stem length in code points */
    uint8_t cons;      /* NOM is empty and the stem must end in a consonant */
    uint8_t pad;
    uint64_t mask;
    char *ending;      /* folded */
    uint32_t elen;     /* bytes */
    char *nom;         /* folded replacement */
    uint32_t nlen;
} morph_row;

typedef struct morph_slot {
    uint64_t hash;      /* morph.c's end_hash of the ending; 0 = empty */
    uint32_t off, n;    /* rows with this ending: ids[off .. off + n), in file order */
    uint32_t elen;
    uint32_t first;     /* first row with this ending (to compare the bytes) */
    uint32_t goff, ng;  /* its groups: groups[goff .. goff + ng) */
    uint32_t pos;       /* the POS of its rows, ORed */
} morph_slot;

/* The rows of one ending that share the stem tests (min_stem, cons), merged for
 * morph_features: their masks ORed per POS bit, and over all of them. */
typedef struct morph_group {
    uint8_t min_stem, cons, pos, pad;
    uint64_t all;
    uint64_t mask[5]; /* bit b of M_*: the rows of that POS */
} morph_group;

typedef struct morph_table {
    morph_row *rows;
    size_t nrows, cap;
    morph_slot *slots;  /* ending → rows (built by morph_index) */
    size_t nslots;
    uint32_t *ids;
    morph_group *groups;
    char *consonants; /* UTF-8 string of consonant letters */
    uint64_t cons_cyr[4];  /* the consonants in U+0400..U+04FF, one bit each */
    uint32_t *cons_other;  /* and the others, as code points */
    size_t ncons_other;
    uint32_t max_elen;
    uint64_t elens;   /* bit e: some ending is e bytes long (bit 63: 63 or more) */
    int used;         /* some rule tests features: compute them per token */
} morph_table;

struct fa_alloc;
struct facta_diag;

/* Parse an endings table (docs/rules.md "Endings table"). 0 or FACTA_ESYNTAX/ENOMEM. */
int morph_load(morph_table *m, const struct fa_alloc *al, const char *data, size_t len,
               const char *file, struct facta_diag *diag);
void morph_free(morph_table *m, const struct fa_alloc *al);
/* Build the ending index used by morph_features and morph_nominative. 0 or FACTA_ENOMEM. */
int morph_index(morph_table *m, const struct fa_alloc *al);

/* Feature mask of a folded word over all rows (any POS in `pos`); 0 when no row applies. */
uint64_t morph_features(const morph_table *m, const char *w, size_t n, int pos);

/* Mask for "case=gen" style names; 0 for an unknown name. */
uint64_t morph_mask_for(const char *key, const char *value);

/*
 * The nominative singular of folded word w under POS `pos`, preferring rows whose
 * features intersect `want` (0: any), longest ending first. Writes into out (cap bytes,
 * NUL-terminated) and returns its length, or 0 when no row applies (out = w).
 * `gender_out`, if not NULL, receives 0 m, 1 f, 2 n, -1 unknown from the chosen row.
 */
size_t morph_nominative(const morph_table *m, const char *w, size_t n, int pos, uint64_t want,
                        char *out, size_t cap, int *gender_out);

/* Forms of a nominative word (for lexicon indexing): calls fn for each generated form. */
void morph_generate(const morph_table *m, const char *w, size_t n, int pos,
                    void (*fn)(void *ctx, const char *form, size_t len), void *ctx);

#define MORPH_BIT(c, num, g) (1ull << ((c) * 6 + (num) * 3 + (g)))

/* All cases/numbers of gender g (0 m, 1 f, 2 n): every third bit of the 36, from g.
 * Inline constants: normalization asks for these per word. */
static inline uint64_t morph_gender_mask(int g)
{
    return 0x249249249ull << g;
}

/* Both numbers and all genders of case c: six bits from c * 6. */
static inline uint64_t morph_case_mask(int c)
{
    return 0x3Full << (c * 6);
}

#endif
