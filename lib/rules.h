/* rules.h: compiled rule sets: lexicons, token predicates, VM programs, actions. */
#ifndef FACTA_RULES_H
#define FACTA_RULES_H

#include "facta_internal.h"
#include "morph.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* ---- lexicons ---------------------------------------------------------------
 *
 * Every lexicon entry is a phrase of words. Each word is folded and, for an
 * inflecting lexicon, expanded into the forms the endings table generates
 * ("астана" → астаны, астане, астану, астаной, ...). All forms of all words of all
 * lexicons go into ONE hash table (form → word id), so a token is looked up once:
 *
 *   token "астане" --hash--> word 17 ("астана")
 *   phrase trie over word ids:  root --17--> node{entries: [lex 3, entry 41]}
 *                               root --9 ("республика")--> node --17--> node{...}
 *
 * Lookup at a token position: hash its folded form → word ids, walk the trie from
 * the root with each, continue with the next token while children exist. Cost per
 * token is independent of the number of entries.
 */

/* The lexicon tables hold no pointers: strings are offsets into one NUL-separated pool
 * (`lstr`), so a binary rule pack (pack.c) maps them from a file and uses them in place.
 * Everything read from them is range-checked, so a damaged pack cannot crash a lookup. */
typedef struct lex_entry {
    uint32_t lex;     /* owning lexicon */
    uint32_t nwords;  /* phrase length in words */
    uint32_t canon;   /* lstr offsets: canonical form, */
    uint32_t tags;    /* space-separated tags and key=value pairs, */
    uint32_t file;    /* where it was defined (collision reports) */
    uint32_t line;
    double num;       /* canon as a number, when it parses as one */
    uint32_t has_num;
    uint32_t pad_;
    uint64_t tagmask; /* one bit per tag (tag_bit): a fast "cannot have it" test */
} lex_entry;

static inline uint64_t tag_bit(const char *tag, size_t n)
{
    return 1ull << (fa_hash(tag, n) & 63);
}

typedef struct form_ent {
    uint64_t hash;      /* 0 = empty slot */
    uint32_t form;      /* lstr offset */
    uint32_t len;
    uint32_t word;      /* word id; a form may appear once per word id */
    uint32_t generated; /* 1: an inflected form, 0: the base form */
} form_ent;

typedef struct edge_ent {
    uint64_t key;       /* (node << 32 | word) + 1; 0 = empty slot */
    uint32_t child;
} edge_ent;

typedef struct trie_node {
    uint32_t ent_off, nents; /* entries ending here, into tents */
} trie_node;

/* Compile context: a tokenizer and scratch for phrases. */
typedef struct cctx {
    struct tokenizer *tk;
    fa_arena scratch;
    fbuf buf;
} cctx;

typedef struct lexicon {
    char *name;
    int inflect;     /* 0, or the parts of speech (M_*) whose rows generate forms */
    uint32_t nentries;
} lexicon;

/* ---- predicates ---- */

enum pred_op {
    P_TRUE, P_AND, P_OR, P_NOT,
    P_WORD,   /* folded form equals (hash + bytes) */
    P_FORM,   /* exact raw text */
    P_STEM,   /* stem equals */
    P_RE,     /* PCRE2 over raw text */
    P_FRE,    /* PCRE2 over folded text */
    P_KIND, P_SCRIPT, P_SHAPE,
    P_IN,     /* token alone is a whole entry of lexicon (optionally with tag) */
    P_MORPH,  /* token's possible features intersect mask */
    P_SENT, P_PARA, P_SPACE,
    P_PREFIX, /* folded starts with */
    P_SUFFIX, /* folded ends with */
    P_LEN     /* code point length in [a, b] */
};

/* The literal alternatives a regex ends with ("(ов|ова|ев)" at its end), bucketed by their
 * last byte: alt[first[b] .. first[b + 1]) end with byte b. */
typedef struct re_tails {
    uint16_t first[257];
    uint16_t n;
    struct { uint8_t len; char s[15]; } alt[];
} re_tails;

typedef struct pred {
    int op;
    int a, b;        /* children (AND/OR/NOT) or ints */
    uint64_t hash;
    char *str;
    size_t len;
    pcre2_code *re;
    int lex, tag;    /* P_IN: lexicon id, tag string id (-1 none) */
    uint64_t tagbit; /* P_IN: tag_bit of the tag */
    int jit;         /* P_RE/P_FRE: JIT-compiled, matched with pcre2_jit_match */
    int cost;        /* rough evaluation cost; AND/OR evaluate the cheaper side first */
    uint32_t mask;
    /* The test flattened (rules_finish, pred_flatten): it passes exactly when the token's
     * class (tok_class) is in f_cls, its lexmask has all bits of f_lex_all, none of
     * f_lex_none and, when f_lex_some is not 0, one of f_lex_some; its flags all of
     * f_flag_all and none of f_flag_none; its length (f_len) is in [f_len_lo, f_len_hi];
     * (f_cap) a camel-case token starts with a capital; and each residual test f_res[]
     * (cheapest first) passes. A residual is a test no mask expresses: an atom, or an
     * OR / NOT / AND (a long chain) whose sides are tested flattened in turn. */
    uint64_t f_cls[2];
    uint64_t f_lex_all, f_lex_none, f_lex_some;
    uint32_t f_flag_all, f_flag_none;
    int32_t f_len_lo, f_len_hi;
    uint8_t f_len, f_cap;
    uint8_t f_more;   /* f_len, f_cap or residual tests: more than the masks to test */
    uint8_t f_cache;  /* as a residual: costly enough to cache its result per token */
    /* P_RE / P_FRE: what PCRE2's study knows of every match: its length in characters is at
     * least re_minlen (so in bytes too), and its first byte is in the 256-bit re_first
     * (NULL: unknown) */
    uint32_t re_minlen;
    const uint8_t *re_first;
    int re_need;      /* a byte every match contains (a top-level literal), or -1 */
    uint8_t re_cased; /* matched case-sensitively throughout (no i flag, no "(?i)") */
    const struct re_tails *re_tail; /* a match ends with one of these literals, or NULL */
    int re_any;       /* the pattern is ".+" (1), ".*" (2) or "[class]+" (3) then the tail:
                       * the tail decides (and, for 3, the class of what comes before it) */
    uint32_t re_cls[8][2]; /* re_any 3: the class's code point ranges */
    int re_ncls;
    int f_nres;
    int *f_res;
} pred;

/* ---- programs ---- */

enum op {
    OP_TOK,   /* x = pred id; agree flag in y */
    OP_ANY,
    OP_LEX,   /* x = lexicon id, y = tag id or -1 */
    OP_REC,   /* x = type id */
    OP_SPLIT, /* x preferred, y */
    OP_JMP,   /* x */
    OP_SAVE,  /* x = slot (2*cap + 0 open / 1 close) */
    OP_MATCH  /* x = rule index */
};

typedef struct inst {
    uint8_t op;
    uint8_t agree;
    uint8_t join; /* threads may meet here: a rule's root, the instruction after a consuming
                   * one, or one with two ways in (rules_finish, inst_joins); elsewhere a
                   * thread comes only from the one instruction before, which marked it */
    int32_t x, y;
    /* OP_SAVE: y = 1 on a close of a capture its rule opens at its start (rule.start_open) */
    int32_t z;  /* OP_LEX: predicate on the phrase's first token, -1 none;
                   OP_SPLIT: the fan it heads (phase.chain), -1 none */
} inst;

/* ---- actions ---- */

enum expr_kind { E_STR, E_CAP, E_CALL };

typedef struct expr {
    int kind;
    char *str;     /* literal or function name */
    int cap;       /* capture index for E_CAP */
    int fn;        /* function id for E_CALL */
    int *args;     /* expr ids */
    int nargs;
} expr;

typedef struct assign {
    char *key;
    int expr;
} assign;

typedef struct emit {
    int type;        /* type id */
    int span_cap;    /* capture giving the record's span, -1 = whole match */
    assign *as;
    int nas;
} emit;

/* What a thread meets before anything else: a token test, a lexicon, a record type, a
 * split's alternatives (LOOK_*, see phase.look). */
struct look { uint32_t kind, arg; };

typedef struct rule {
    char *name;
    char *label;     /* "file:line name", as records and explain report it */
    char *file;
    uint32_t line;
    int phase;
    int priority;
    uint32_t rank;   /* place in conflict order: higher priority first, then earlier rule */
    int is_reject;
    int overlap;     /* records may overlap others */
    int *reject_types; /* for rejects: types suppressed (NULL = all) */
    int nreject_types;
    int target_cap;  /* reject target capture (-1 = whole match) */
    emit *emits;
    int nemits;
    int ncaps;
    char **capnames;
    uint32_t root;   /* start pc in its phase program */
    /* Where its threads begin: past the capture opens its root begins with, which would log
     * only the match's start. start_open has their captures (bit per capture, < 64): a close
     * of one (inst.y) that finds no open in its thread's log, and get_caps, take the match's
     * start for it (rules_finish, inst_joins). */
    uint32_t start;
    uint64_t start_open;
    /* first-element prefilter */
    int first_generic;
    uint64_t first_class[2]; /* token classes its first token may have (see tok_class) */
    uint32_t *first_pcs;     /* the consuming instructions a match can begin with */
    int nfirst;
    int first_pred;          /* the one token test a match begins with, when that is all
                                can_start needs to check (-1 otherwise) */
    int after_pred;          /* `after [test]`: the token before the match must pass (-1 none) */
    int notafter_pred;       /* `notafter [test]`: ... must not pass (-1 none) */
    /* A match that begins with one token test and goes on through saves and jumps alone to
     * further token tests: those tests, for the tokens after the first (rules_finish). A
     * thread is started only where they pass. */
    int32_t ahead[4];
    int nahead;
    /* The look (phase.look) of what comes after those tests, for the token after them, when
     * it is a lexicon, a record or a split's alternatives (LOOK_NONE otherwise). */
    struct look ahead_look;
    /* A generic rule tried at a token where none of its keys is (gen_bits): the one first
     * test that may then pass, and its instruction (-1: none such, can_start decides). */
    int free_pred;
    uint32_t free_pc;
    /* The first of its `ahead` tests that is a word, as the offset of its token from the
     * first (0: none) and the word's hash: a cheap reason not to try the rule. */
    int anchor;
    uint64_t anchor_hash;
    /* Lexicons (bits, < 64) one of whose phrases every match meets, starting between
     * must_lo and must_hi tokens after its first (rule_must; must_lex 0: none known): where
     * none starts there, the rule is not tried. */
    uint64_t must_lex;
    uint8_t must_lo, must_hi;
} rule;

/* A token's class for seeding: kind * 24 + script * 6 + shape (0..119; codes up to 127
 * decode the same way, see pred_flatten). */
static inline unsigned tok_class(int kind, int script, int shape)
{
    return (unsigned)(kind * 24 + script * 6 + shape);
}

typedef struct phase {
    int number;
    inst *prog;
    size_t nprog, cap;
    int *rules;      /* rule indexes in this phase */
    int nrules;
    /* prefilter: word hash → rule list, lexicon → rules, type → rules, generic */
    /* rule, or -1 - generic index for a key of a generic rule (it only marks the rule, see
     * gen_bits); pc: the first instruction the key comes from when that instruction passing
     * is enough for can_start (no `after`/`notafter`), else -1: an @LEX without tag or test
     * passes where its key is, a <TYPE> where a live record of it is, a token test where it
     * passes; from: that instruction in any case (-1: none), whose next look must pass after
     * the key's token, phrase or record for the rule to start there (seed_slot) */
    struct seed_ent { uint64_t key; int rule; int32_t pc, from; } *seeds; /* sorted by key */
    size_t nseeds;
    struct seed_slot { uint64_t key; uint32_t off, n; } *seed_index; /* key → seeds[off..+n) */
    size_t seed_index_cap;
    int *generic;
    int ngeneric;
    /* The generic rules as bitsets over their index in `generic`, rows of gen_words words
     * (rules_finish, gen_bits), so that a token visits only the rules that may start there:
     * gen_any[c]: those whose unkeyed first tests may accept a token of class c; gen_key[c]:
     * those that may start there only through a key (seed_slot marks them); gen_ahead[k][c]:
     * those whose `ahead` test k may accept the token k + 1 after the first, of class c (128:
     * a token without a class, 129: past the end), or, for the token right after them, whose
     * ahead_look may; gen_next[k][b]: those whose test of that token may accept one whose
     * word hash has low bits b (64: past the end), words deciding by hash; gen_byte[b]: those
     * whose unkeyed first tests may accept a token whose folded text begins with byte b (256:
     * empty), for the first bytes their regular expressions allow. NULL when there are no
     * generic rules. */
    size_t gen_words;
    uint64_t *gen_any, *gen_key;  /* 128 rows */
    uint64_t *gen_ahead[2];       /* 130 rows */
    uint64_t *gen_next[2];        /* 65 rows */
    uint64_t *gen_byte;           /* 257 rows */
    /* gen_same[i]: generic rule i and those whose first element is decided by the test that
     * decides its own (first_pred, or free_pred where no key is), as their first_pred: where
     * it fails, none of them starts */
    uint64_t *gen_same;           /* ngeneric rows */
    /* look[pc]: the consuming instruction a thread at pc meets before anything else
     * (through saves and jumps only), as LOOK_* and its token test, lexicon or record
     * type. A thread headed for a token where it cannot pass would die there, so it is not
     * parked there, and a split does not take such a branch (rules_finish, phase_look). */
    struct look *look;
    /* A thread at a split (through saves and jumps) meets one of several consuming
     * instructions first (at most LOOK_MAX_ALT): its look is LOOK_ALT, with look_alt[arg]
     * naming them as look_leaf[off, off + n), the nwords word tests first. Summaries rule
     * most tokens out at once: `words` has bit (hash & 63) of each word's hash; the other
     * token tests accept only classes in cls (a token without a class: any), the lexicons
     * only tokens with a lexstart bit in lex (or, lex_any, with any phrase), the records
     * (rec) only tokens where one starts. None passing, the thread would die at all of
     * them: it is not parked (phase_look). */
    struct look_alt {
        uint64_t words, cls[2], lex;
        uint32_t off, n, nwords;
        uint8_t lex_any, rec;
    } *look_alt;
    struct look *look_leaf;
    /* Split fans: an alternation (A | B | C ...) compiles to splits, each with an
     * alternative on its x branch and the next split, reached from nowhere else, on its y
     * branch, the last one's y the last alternative. A thread would walk them one by one,
     * a step each; it takes all alternatives at the first instead. A split with z >= 0
     * heads the fan chain[z, z + chain[z].n): the alternatives in order, each with its pc,
     * its look and, for a word, the word's hash (a cheap reason to pass it over)
     * (rules_finish, split_fans). */
    struct chain_ent { uint64_t hash; struct look lk; uint32_t pc, n, word; } *chain;
    int maxcaps;
} phase;

enum { LOOK_NONE, LOOK_TOK, LOOK_LEX, LOOK_REC, LOOK_ALT };
#define LOOK_MAX_ALT 16 /* at most this many instructions behind a LOOK_ALT */

/* Slot of a seed key in a phase's seed_index (capacity a power of two). */
static inline size_t seed_slot_of(uint64_t key, size_t cap)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 29) ^ (h >> 47)) & (cap - 1);
}

typedef struct example {
    char *file;
    uint32_t line;
    char *rule;      /* rule name or NULL */
    char *text;
    char *type;      /* expected type, NULL for a counter-example */
    char *norm;      /* expected norm or NULL */
    int counter;
} example;

struct facta_rules {
    fa_alloc al;
    /* strings: types, tags */
    char **types;
    int ntypes, types_cap;
    int *type_phase;          /* type id → earliest phase emitting it */
    size_t type_phase_cap;
    char **tags;
    int ntags, tags_cap;
    uint64_t *tag_bits;       /* tag id → tag_bit of the tag (rules_finish, in the pool) */
    /* lexicons */
    lexicon *lexs;
    int nlexs, lexs_cap;
    lex_entry *entries;
    size_t nentries, entries_cap;
    char *lstr;               /* lexicon string pool (owned, or inside the pack mapping) */
    size_t lstr_len, lstr_cap;
    uint32_t last_file;       /* offset of the file name the last entry came from */
    uint32_t *words;          /* word id → lstr offset of the base folded word */
    size_t nwords, words_cap;
    form_ent *forms;         /* open addressing */
    size_t forms_cap, nforms;
    uint32_t *word_entry;     /* word id → first entry that defined it (collision reports) */
    size_t word_entry_cap;
    uint8_t *word_single;     /* word id → 1 if some entry is this word alone */
    size_t word_single_cap;
    trie_node *nodes;
    size_t nnodes, nodes_cap;
    edge_ent *edges;          /* open addressing */
    size_t nedges, edges_cap;
    uint64_t *node_ents;      /* build: (node << 32 | entry), sorted at finish */
    size_t nnode_ents, node_ents_cap;
    uint32_t *tents;          /* entries by node, after finish */
    size_t ntents;
    /* From the edges at rules_finish (lex_derive), for the phrase walk of match_lexicons:
     * the root's child of each word (0: none) and a bit per node with children, so that
     * the first word of a phrase and a leaf need no edge probe. */
    uint32_t *root_child;     /* per word id */
    uint64_t *node_kids;      /* bit per node */
    size_t ncollisions;
    /* patterns */
    pred *preds;
    size_t npreds, preds_cap;
    expr *exprs;
    size_t nexprs, exprs_cap;
    rule *rules;
    int nrules, rules_cap;
    phase *phases;
    int nphases, phases_cap;
    /* Where a token may seed anything, across phases (rules_finish, seed_phases): bit i
     * stands for phases[i] (i < 64; later phases have no bit and are never skipped). A word
     * key's phases (open addressing by seed_slot_of, phases 0: empty), a lexicon's (its
     * phrases starting at the token) and a token class's (generic rules; 128: no class). */
    struct seed_word { uint64_t key, phases; } *seed_words;
    size_t seed_words_cap;
    uint64_t *lex_seed_phases;  /* per lexicon */
    uint64_t cls_seed_phases[129];
    example *examples;
    size_t nexamples, examples_cap;
    morph_table morph;
    char **warnings;
    size_t nwarnings, warnings_cap;
    fa_arena pool;            /* strings owned by the rules */
    int no_jit;               /* FACTA_COMPILE_NO_JIT */
    /* inputs, for the content stamp and for writing a pack (pack.c) */
    struct rule_src { char *name, *dir, *data; size_t len; int is_file; } *srcs;
    size_t nsrcs, srcs_cap;   /* rule sources in load order, then files they read */
    uint64_t stamp;           /* content hash of every input, in order */
    char stamp_hex[17];
    /* a loaded pack: the lexicon tables point into this read-only mapping */
    int pack;
    int map_owned;            /* read into memory instead (no mmap) */
    void *map;
    size_t map_len;
};

/* Compile-time entry points (rules_parse.c). */
int rules_create(facta_rules **out, const facta_allocator *user);
int rules_add_source(facta_rules *r, const char *src, size_t len, const char *name,
                     const char *dir, facta_diag *diag);
int rules_finish(facta_rules *r, facta_diag *diag);
/* Finish r (when rc is 0) and hand it to *out, or free it: the end of every loader. */
int rules_complete(facta_rules *r, int rc, facta_rules **out, facta_diag *diag);

/* Intern a type or tag name; -1 on OOM. */
int rules_type_id(facta_rules *r, const char *name, size_t n);
int rules_find_type(const facta_rules *r, const char *name);
int rules_note_type_phase(facta_rules *r, int t, int ph);
int rules_tag_id(facta_rules *r, const char *name, size_t n);

/* Lexicon (lexicon.c) */
int lex_add_entry(facta_rules *r, cctx *cc, int lex, const char *phrase, size_t plen,
                  const char *canon, size_t clen, const char *tags, size_t tlen,
                  const char *file, uint32_t line);
int lex_add_file(facta_rules *r, cctx *cc, int lex, const char *data, size_t len,
                 const char *file, facta_diag *diag);
int lex_add_icu_countries(facta_rules *r, cctx *cc, int lex);
int lex_finish(facta_rules *r);
/* A lexicon number: "12", "0.5" or an exact fraction "1/3". 1 when s is one. */
int lex_parse_number(const char *s, double *v);
/* Word ids having `folded` among their forms; returns the count (at most max). */
size_t lex_form_words(const facta_rules *r, const char *folded, size_t n, uint64_t h,
                      uint32_t *out, size_t max);
size_t lex_form_words2(const facta_rules *r, const char *folded, size_t n, uint64_t h,
                       uint32_t *out, uint8_t *generated, size_t max);
/* Is the pool string at off, of length n (n < lstr_len - off), s[0, n)? With `padded`, s
 * is NUL-padded to a multiple of 8 bytes (a token's folded form), so both are compared 8
 * bytes at a time where the pool has those bytes. */
static inline int lex_pool_eq(const facta_rules *r, uint32_t off, const char *s, size_t n,
                              int padded)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (padded && off + ((n + 7) & ~(size_t)7) <= r->lstr_len) {
        const char *p = r->lstr + off;
        uint64_t a, b;
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            memcpy(&a, p + i, 8);
            memcpy(&b, s + i, 8);
            if (a != b)
                return 0;
        }
        if (i == n)
            return 1;
        memcpy(&a, p + i, 8);
        memcpy(&b, s + i, 8);
        return ((a ^ b) << (8 * (8 - (n - i)))) == 0; /* the bytes past n do not count */
    }
#else
    (void)padded;
#endif
    return memcmp(r->lstr + off, s, n) == 0;
}

/* The body of both, inline for the per-token lookup of match_lexicons (`padded`: see
 * lex_pool_eq); h is fa_hash(folded) (the table keeps 0 for empty slots, so a hash of 0 is
 * stored as 1). */
static inline size_t lex_forms_find(const facta_rules *r, const char *folded, size_t n,
                                    uint64_t h, int padded, uint32_t *out, uint8_t *generated,
                                    size_t max)
{
    size_t k = 0, cap = r->forms_cap;
    if (!cap)
        return 0;
    h = h ? h : 1;
    /* at most forms_cap probes: a damaged pack may have no empty slot */
    size_t probes = cap;
    for (size_t i = (size_t)h & (cap - 1); r->forms[i].hash && probes--; i = (i + 1) & (cap - 1)) {
        const form_ent *f = &r->forms[i];
        if (f->hash == h && f->len == n && f->word < r->nwords && f->form < r->lstr_len &&
            n < r->lstr_len - f->form && lex_pool_eq(r, f->form, folded, n, padded) &&
            k < max) {
            if (generated)
                generated[k] = (uint8_t)f->generated;
            out[k++] = f->word;
        }
    }
    return k;
}

/* Child of trie node `node` along word id `word`, or 0 (the root is never a child). */
uint32_t lex_child(const facta_rules *r, uint32_t node, uint32_t word);
/* The same for finished rules: a child of the root comes from root_child (lex_derive). */
static inline uint32_t lex_next(const facta_rules *r, uint32_t node, uint32_t word)
{
    return node == 0 && r->root_child && word < r->nwords ? r->root_child[word]
                                                           : lex_child(r, node, word);
}
int lex_derive(facta_rules *r);
/* Does entry e carry tag name `tag`? */
int lex_entry_has_tag(const facta_rules *r, const lex_entry *e, const char *tag);
/* Value of key=value tag `key` in entry e; NULL when absent. Copies into buf. */
const char *lex_entry_tag_value(const facta_rules *r, const lex_entry *e, const char *key,
                                char *buf, size_t cap);
/* What the tag() action reads of e, in one pass over its tags: the value of its first
 * key=value tag (copied into buf, cut to cap - 1 bytes), else key itself when e has the bare
 * tag, else NULL. */
const char *lex_entry_tag(const facta_rules *r, const lex_entry *e, const char *key, char *buf,
                          size_t cap);
/* Entries ending at trie node `node` (ids into r->entries, each checked < nentries by the
 * caller through lex_entry_at); *n gets their number. */
static inline const uint32_t *lex_node_entries(const facta_rules *r, uint32_t node, uint32_t *n)
{
    *n = 0;
    if (node >= r->nnodes)
        return NULL;
    const trie_node *tn = &r->nodes[node];
    if (tn->ent_off > r->ntents || tn->nents > r->ntents - tn->ent_off)
        return NULL;
    *n = tn->nents;
    return r->tents + tn->ent_off;
}

/* A string of the lexicon pool ("" when the offset is out of range). */
static inline const char *lex_str(const facta_rules *r, uint32_t off)
{
    return off < r->lstr_len ? r->lstr + off : "";
}
/* A lexicon string that goes into records. A compiled pool holds only validated text; the
 * pool of a pack is not checked at load (that would read all of it), so its strings are
 * checked here and read as "" unless they are valid UTF-8. */
static inline const char *lex_text(const facta_rules *r, uint32_t off)
{
    const char *s = lex_str(r, off);
    return !r->pack || facta_utf8_valid(s, strlen(s), NULL) ? s : "";
}
/* Entry `id`, or NULL when out of range. */
static inline const lex_entry *lex_entry_at(const facta_rules *r, uint32_t id)
{
    return id < r->nentries ? &r->entries[id] : NULL;
}
/* Base folded form of word `id`. */
static inline const char *lex_word(const facta_rules *r, uint32_t id)
{
    return id < r->nwords ? lex_text(r, r->words[id]) : "";
}

/* Content stamp: a fast 64-bit hash of input bytes, chained over all inputs. */
uint64_t fa_stamp(uint64_t seed, const void *p, size_t n);
/* Record a rule source or a file read by the rules (an endings table) for packs; also
 * folds it into the stamp. Lexicon files only go into the stamp (record = 0). */
int rules_note_input(facta_rules *r, const char *name, const char *dir, const char *data,
                     size_t len, int is_file, int record);
/* Pack mode: a file named by a rule source, served from the pack. 1 when found. */
int rules_pack_file(const facta_rules *r, const char *name, const char **data, size_t *len);
/* Free the recorded inputs and unmap a pack (before the lexicon tables are freed). */
void rules_free_inputs(facta_rules *r);
/* Is `path` a rule pack (by its magic)? Load one. */
int pack_is_pack(const char *path);
int pack_load(facta_rules **out, const char *path, const facta_compile_options *opts,
              facta_diag *diag);
int rules_warn(facta_rules *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Embedded default rules (generated at build time). */
typedef struct embedded_file {
    const char *path;
    const unsigned char *data;
    size_t len;
} embedded_file;
extern const embedded_file facta__embedded_rules[];
extern const size_t facta__embedded_rules_count;

#endif
